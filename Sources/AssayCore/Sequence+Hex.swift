extension Sequence where Element == UInt8 {
    /// The bytes as lowercase hexadecimal, two digits each (a digest as it is printed).
    ///
    /// Written out by hand: `String(format: "%02x")` per byte goes through Foundation's
    /// formatter and a dynamic cast for each byte, which showed in profiles of planning.
    public var hexString: String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
