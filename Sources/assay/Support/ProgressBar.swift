import Foundation

/// A one-line progress bar on standard error, drawn only when standard error is a terminal.
final class ProgressBar: @unchecked Sendable {
    // Guarded by `lock` (an incremental run learns its total after the diff).
    private var total: Int
    private let label: String
    private let enabled: Bool
    private let start = Date()
    private let lock = NSLock()
    // Guarded by `lock`.
    private var lastDrawn = Date.distantPast
    private var drawn = false

    init(total: Int, label: String, enabled: Bool) {
        self.total = total
        self.label = label
        self.enabled = enabled && isatty(STDERR_FILENO) == 1 && total > 0
    }

    /// Redraws for `done` items, at most ten times a second; `total` replaces the total
    /// given at creation when the work turned out smaller.
    func update(_ done: Int, total newTotal: Int? = nil) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        if let newTotal, newTotal > 0 { total = newTotal }
        let now = Date()
        guard now.timeIntervalSince(lastDrawn) >= 0.1 || done >= total else { return }
        lastDrawn = now
        drawn = true
        let fraction = min(1, Double(done) / Double(total))
        let width = 30
        let filled = Int(fraction * Double(width))
        let rate = Double(done) / max(now.timeIntervalSince(start), 0.001)
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = "\r\(bar) \(Int(fraction * 100))% \(done)/\(total) \(label), \(Self.compact(rate))/s"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Ends the line the bar was drawn on.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    static func compact(_ value: Double) -> String {
        switch value {
        case 1e6...: return String(format: "%.2fM", value / 1e6)
        case 1e3...: return String(format: "%.1fk", value / 1e3)
        default: return String(format: "%.0f", value)
        }
    }
}
