extension RecordBuffer {
    /// A text field holding `epochSeconds` as an RFC 3339 UTC date-time
    /// (`2025-03-14T09:26:53Z`), spelled on the stack and copied in once.
    mutating func dateTime(_ epochSeconds: Int64) {
        let fields = EntityClock.fields(epochSeconds)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { text in
            Self.putTwoDigits(fields.year / 100, text, 0)
            Self.putTwoDigits(fields.year % 100, text, 2)
            text[4] = 0x2D
            Self.putTwoDigits(fields.month, text, 5)
            text[7] = 0x2D
            Self.putTwoDigits(fields.day, text, 8)
            text[10] = 0x54
            Self.putTwoDigits(fields.hour, text, 11)
            text[13] = 0x3A
            Self.putTwoDigits(fields.minute, text, 14)
            text[16] = 0x3A
            Self.putTwoDigits(fields.second, text, 17)
            text[19] = 0x5A
            self.text(UnsafeBufferPointer(text))
        }
    }

    @inline(__always)
    private static func putTwoDigits(_ value: Int, _ text: UnsafeMutableBufferPointer<UInt8>, _ at: Int) {
        text[at] = 0x30 &+ UInt8(truncatingIfNeeded: value / 10)
        text[at + 1] = 0x30 &+ UInt8(truncatingIfNeeded: value % 10)
    }
}
