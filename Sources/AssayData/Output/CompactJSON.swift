import AssayCore
import OrderedCollections

/// Writes a `JSONValue` as compact JSON bytes, with the same escaping as the field writers.
///
/// Numbers follow `JSONWriter`'s spelling (a whole double keeps its `.0`), so a document
/// reads the same whichever writer produced it; member order is the object's own order.
enum CompactJSON {
    static func append(_ value: JSONValue, into output: inout [UInt8]) {
        switch value {
        case .null:
            output.append(contentsOf: OutputBytes.nullLiteral)
        case .bool(let bool):
            if bool {
                output.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
            } else {
                output.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
            }
        case .integer(let int):
            RecordBuffer.appendDecimal(int, to: &output)
        case .double(let double):
            appendNumber(double, into: &output)
        case .string(let string):
            OutputBytes.appendJSONString(string, into: &output)
        case .array(let array):
            output.append(UInt8(ascii: "["))
            var first = true
            for element in array {
                if !first { output.append(OutputBytes.comma) }
                first = false
                append(element, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            var first = true
            for (key, element) in object {
                if !first { output.append(OutputBytes.comma) }
                first = false
                OutputBytes.appendJSONString(key, into: &output)
                output.append(UInt8(ascii: ":"))
                append(element, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// A double as JSON; JSON has no infinities or NaN, so those become `null`.
    static func appendNumber(_ double: Double, into output: inout [UInt8]) {
        guard double.isFinite else {
            output.append(contentsOf: OutputBytes.nullLiteral)
            return
        }
        if double == double.rounded(), abs(double) < 1e15 {
            RecordBuffer.appendDecimal(Int(double), to: &output)
            output.append(contentsOf: [UInt8(ascii: "."), 0x30])
            return
        }
        output.append(contentsOf: double.description.utf8)
    }
}
