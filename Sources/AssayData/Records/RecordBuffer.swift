public import AssayCore

/// One record's field values, in column order, stored without an allocation per field.
///
/// Generators append values; the writers (`NDJSON`, JSON array, CSV) read them back and
/// encode them straight into output bytes. The buffer is reset and reused for every
/// record, so generating millions of records allocates next to nothing.
///
/// Alternatively a record can be a whole `JSONValue` (`setDocument`), which is how
/// schema-driven records, whose shape is not a fixed list of columns, travel.
public struct RecordBuffer: Sendable {
    /// How a field's bytes are to be written.
    public enum Kind: UInt8, Sendable {
        /// JSON `null`; an empty CSV cell.
        case null
        /// A number or boolean, already spelled as JSON: written verbatim everywhere.
        case literal
        /// Text as raw UTF-8: escaped in JSON, quoted in CSV when it needs to be.
        case text
        /// Serialized JSON (an object or an array): verbatim in JSON, a quoted CSV cell.
        case json
    }

    /// One field: its kind and where its bytes lie in `bytes`.
    public struct Field: Sendable, Hashable {
        public var kind: Kind
        public var start: Int
        public var end: Int
    }

    /// The bytes of every field of the current record, back to back.
    public private(set) var bytes: [UInt8] = []
    /// The current record's fields, in column order.
    public private(set) var fields: [Field] = []
    /// The whole record as a JSON value, when the record is not made of columns.
    public private(set) var document: JSONValue?

    private var openTextStart: Int?

    public init() {
        bytes.reserveCapacity(1024)
        fields.reserveCapacity(32)
    }

    /// Clears the record, keeping capacity.
    @inlinable
    public mutating func reset() {
        resetStorage()
    }

    @usableFromInline
    mutating func resetStorage() {
        bytes.removeAll(keepingCapacity: true)
        fields.removeAll(keepingCapacity: true)
        document = nil
        openTextStart = nil
    }

    /// The bytes of `field`.
    public func slice(_ field: Field) -> ArraySlice<UInt8> {
        bytes[field.start..<field.end]
    }

    /// Makes the record a whole JSON value (schema-driven records).
    public mutating func setDocument(_ value: JSONValue) {
        document = value
    }

    // MARK: - Scalars

    public mutating func null() {
        fields.append(Field(kind: .null, start: bytes.count, end: bytes.count))
    }

    public mutating func bool(_ value: Bool) {
        let start = bytes.count
        if value {
            bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
        } else {
            bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
        }
        fields.append(Field(kind: .literal, start: start, end: bytes.count))
    }

    public mutating func int(_ value: Int) {
        let start = bytes.count
        Self.appendDecimal(value, to: &bytes)
        fields.append(Field(kind: .literal, start: start, end: bytes.count))
    }

    /// A fixed-point decimal: `units` of `10^-scale` (money: `decimal(units: 1999, scale: 2)`
    /// is `19.99`), exact and without a trip through `Double`.
    public mutating func decimal(units: Int64, scale: Int) {
        let start = bytes.count
        Self.appendFixedPoint(units: units, scale: scale, to: &bytes)
        fields.append(Field(kind: .literal, start: start, end: bytes.count))
    }

    public mutating func double(_ value: Double) {
        let start = bytes.count
        if value.isFinite {
            if value == value.rounded(.towardZero), abs(value) < 1e15 {
                Self.appendDecimal(Int(value), to: &bytes)
            } else {
                bytes.append(contentsOf: "\(value)".utf8)
            }
        } else {
            bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        }
        fields.append(Field(kind: .literal, start: start, end: bytes.count))
    }

    // MARK: - Text

    public mutating func text(_ value: String) {
        let start = bytes.count
        var value = value
        value.withUTF8 { bytes.append(contentsOf: $0) }
        fields.append(Field(kind: .text, start: start, end: bytes.count))
    }

    public mutating func text(_ utf8: some Collection<UInt8>) {
        let start = bytes.count
        bytes.append(contentsOf: utf8)
        fields.append(Field(kind: .text, start: start, end: bytes.count))
    }

    /// Starts a text field built from parts (`appendText`, `appendLowercasedASCII`, …),
    /// closed by `endText()`.
    public mutating func beginText() {
        precondition(openTextStart == nil, "RecordBuffer.beginText inside an open text field")
        openTextStart = bytes.count
    }

    public mutating func appendText(_ utf8: some Collection<UInt8>) {
        bytes.append(contentsOf: utf8)
    }

    public mutating func appendText(_ value: String) {
        var value = value
        value.withUTF8 { bytes.append(contentsOf: $0) }
    }

    public mutating func appendText(byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends `utf8` with ASCII letters lowercased (other bytes unchanged).
    public mutating func appendLowercasedASCII(_ utf8: some Collection<UInt8>) {
        for byte in utf8 {
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
    }

    /// Appends the decimal digits of `value`, zero-padded to `width`.
    public mutating func appendDigits(_ value: Int, width: Int = 0) {
        Self.appendDecimal(value, width: width, to: &bytes)
    }

    public mutating func endText() {
        guard let start = openTextStart else {
            preconditionFailure("RecordBuffer.endText without beginText")
        }
        openTextStart = nil
        fields.append(Field(kind: .text, start: start, end: bytes.count))
    }

    /// A nested JSON value (an object or array column), serialized now.
    public mutating func json(_ value: JSONValue) {
        let start = bytes.count
        switch value {
        case .null:
            fields.append(Field(kind: .null, start: start, end: start))
            return
        case .string(let string):
            text(string)
            return
        case .bool, .integer, .double:
            JSONWriter().write(value, into: &bytes)
            fields.append(Field(kind: .literal, start: start, end: bytes.count))
        case .array, .object:
            JSONWriter().write(value, into: &bytes)
            fields.append(Field(kind: .json, start: start, end: bytes.count))
        }
    }

    /// A nested JSON value already serialized (`utf8` must be valid JSON).
    public mutating func rawJSON(_ utf8: some Collection<UInt8>) {
        let start = bytes.count
        bytes.append(contentsOf: utf8)
        fields.append(Field(kind: .json, start: start, end: bytes.count))
    }

    // MARK: - Number spelling

    /// Appends the decimal spelling of `value`, zero-padded to `width` digits.
    @inlinable
    public static func appendDecimal(_ value: Int, width: Int = 0, to output: inout [UInt8]) {
        var magnitude = value.magnitude
        if value < 0 { output.append(0x2D) }
        // 20 digits hold any UInt64.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        let count = withUnsafeMutableBytes(of: &digits) { raw -> Int in
            var position = 24
            repeat {
                position -= 1
                raw[position] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
                magnitude /= 10
            } while magnitude > 0
            return 24 - position
        }
        if width > count {
            output.append(contentsOf: repeatElement(0x30, count: width - count))
        }
        withUnsafeBytes(of: &digits) { raw in
            // A typed buffer appends with one copy; a raw slice would go element by element.
            let typed = raw.bindMemory(to: UInt8.self)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: typed[(24 - count)...]))
        }
    }

    /// Appends `units × 10^-scale` in plain decimal notation.
    public static func appendFixedPoint(units: Int64, scale: Int, to output: inout [UInt8]) {
        guard scale > 0 else {
            appendDecimal(Int(units), to: &output)
            return
        }
        if units < 0 { output.append(0x2D) }
        let magnitude = units.magnitude
        var divisor: UInt64 = 1
        for _ in 0..<scale { divisor &*= 10 }
        appendDecimal(Int(magnitude / divisor), to: &output)
        output.append(0x2E)
        appendDecimal(Int(magnitude % divisor), width: scale, to: &output)
    }
}
