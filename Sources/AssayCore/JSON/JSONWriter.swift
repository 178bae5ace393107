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
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "/") where escapeSlashes: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "/")])
            case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x00..<0x20, 0x7F:
                output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                output.append(Self.hex[Int(byte >> 4)])
                output.append(Self.hex[Int(byte & 0xF)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
