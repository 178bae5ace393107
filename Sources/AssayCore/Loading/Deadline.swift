import Foundation

/// A point in time after which a load gives up, checked cooperatively by each phase.
///
/// Parsing, conversion and resolution are loops over a bounded tree, so checking every
/// few thousand steps bounds a load's time without a thread per load.
struct Deadline: Sendable {
    let limit: DispatchTime
    let seconds: Double

    init(seconds: Double) {
        self.seconds = seconds
        let nanos = seconds >= Double(UInt64.max / 2) / 1e9 ? UInt64.max / 2 : UInt64(max(0, seconds) * 1e9)
        self.limit = DispatchTime(uptimeNanoseconds: DispatchTime.now().uptimeNanoseconds &+ nanos)
    }

    var hasPassed: Bool { DispatchTime.now() >= limit }

    /// Throws ``LoadError/Code/timeout`` once the deadline has passed.
    func check(_ phase: @autoclosure () -> String) throws(LoadError) {
        if hasPassed {
            throw LoadError(.timeout, "loading took longer than the \(Self.format(seconds)) s time bound (while \(phase()))")
        }
    }

    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
