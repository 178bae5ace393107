import OrderedCollections

/// Writes ``JSONValue`` trees as UTF-8 JSON bytes, deterministically.
///
/// Member order is kept, numbers print in their shortest round-tripping form, and the
/// same tree always gives the same bytes: the determinism promise of everything Assay
/// emits rests on this.
public struct JSONWriter: Sendable {
    /// Whether to indent with two spaces and break lines.
    public var pretty: Bool
    /// Whether to escape `/` as `\/` (off: nothing needs it).
    public var escapeSlashes: Bool

    /// Creates a writer.
    public init(pretty: Bool = false, escapeSlashes: Bool = false) {
        self.pretty = pretty
        self.escapeSlashes = escapeSlashes
    }

    /// The bytes of `value`.
    public func bytes(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(value, into: &output, indent: 0)
        return output
    }

    /// The text of `value`.
    public func string(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    /// Appends `value` to `output`.
    public func write(_ value: JSONValue, into output: inout [UInt8], indent: Int = 0) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let bool): output.append(contentsOf: (bool ? "true" : "false").utf8)
        case .integer(let int): output.append(contentsOf: String(int).utf8)
        case .double(let double): Self.writeNumber(double, into: &output)
        case .string(let string): writeString(string, into: &output)
        case .array(let array):
            if array.isEmpty {
                output.append(contentsOf: "[]".utf8)
                return
            }
            output.append(UInt8(ascii: "["))
            for (offset, element) in array.enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                newline(into: &output, indent: indent + 1)
                write(element, into: &output, indent: indent + 1)
            }
            newline(into: &output, indent: indent)
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            if object.isEmpty {
                output.append(contentsOf: "{}".utf8)
                return
            }
            output.append(UInt8(ascii: "{"))
            var first = true
            for (key, element) in object {
                if !first { output.append(UInt8(ascii: ",")) }
                first = false
                newline(into: &output, indent: indent + 1)
                writeString(key, into: &output)
                output.append(UInt8(ascii: ":"))
                if pretty { output.append(UInt8(ascii: " ")) }
                write(element, into: &output, indent: indent + 1)
            }
            newline(into: &output, indent: indent)
            output.append(UInt8(ascii: "}"))
        }
    }

    private func newline(into output: inout [UInt8], indent: Int) {
        guard pretty else { return }
        output.append(0x0A)
        for _ in 0..<(indent * 2) { output.append(0x20) }
    }

    /// Writes a double; non-finite values, which JSON cannot hold, become `null`.
    static func writeNumber(_ double: Double, into output: inout [UInt8]) {
        guard double.isFinite else {
            output.append(contentsOf: "null".utf8)
            return
        }
        if double == double.rounded(), abs(double) < 1e15 {
            output.append(contentsOf: String(Int(double)).utf8)
            output.append(contentsOf: ".0".utf8)
            return
        }
        output.append(contentsOf: double.description.utf8)
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private func writeString(_ string: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        // Runs of bytes that need no escape are copied whole: plans hold strings of
        // thousands of characters, and a byte-at-a-time append showed in profiles.
        var string = string
        string.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
                    || (byte == UInt8(ascii: "/") && escapeSlashes)
                else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                writeEscape(byte, into: &output)
                start = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
        output.append(UInt8(ascii: "\""))
    }

    private func writeEscape(_ byte: UInt8, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\\"))
        switch byte {
        case 0x0A: output.append(UInt8(ascii: "n"))
        case 0x0D: output.append(UInt8(ascii: "r"))
        case 0x09: output.append(UInt8(ascii: "t"))
        case 0x00..<0x20, 0x7F:
            output.append(contentsOf: "u00".utf8)
            output.append(Self.hex[Int(byte >> 4)])
            output.append(Self.hex[Int(byte & 0xF)])
        default: output.append(byte)
        }
    }
}
