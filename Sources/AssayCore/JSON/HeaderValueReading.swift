import Foundation
import OrderedCollections

/// Header values as OpenAPI's `simple` style writes them (`explode: false`).
public enum HeaderValueReading {
    /// The readings of a header value as OpenAPI's `simple` style allows: the text itself;
    /// a number or boolean when it spells one; a comma-separated list; an object of
    /// comma-separated (or `name=value`) pairs. A value is well formed when one of them
    /// matches its schema. The emitted pytest's `_header_readings` reads values the same way.
    public static func readings(_ text: String) -> [JSONValue] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0) }
        var readings: [JSONValue] = [.string(text)]
        let scalar = scalarReading(text)
        if scalar != .string(text) { readings.append(scalar) }
        readings.append(.array(parts.map(scalarReading)))
        readings.append(.array(parts.map { .string($0) }))
        if parts.allSatisfy({ $0.contains("=") }) {
            var object: JSONObject = [:]
            for part in parts {
                let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                object[String(pair[0])] = scalarReading(String(pair[1]))
            }
            readings.append(.object(object))
        } else if parts.count % 2 == 0 {
            var object: JSONObject = [:]
            for index in stride(from: 0, to: parts.count, by: 2) { object[parts[index]] = scalarReading(parts[index + 1]) }
            readings.append(.object(object))
        }
        return readings
    }

    /// `12` and `-3` as integers, `1.5` and `2e3` as numbers, `true`/`false` as booleans,
    /// anything else as text.
    static func scalarReading(_ text: String) -> JSONValue {
        if text == "true" { return .bool(true) }
        if text == "false" { return .bool(false) }
        let bytes = Array(text.utf8)
        func digits(_ start: Int) -> Int {
            var index = start
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            return index
        }
        var index = bytes.first == 0x2D ? 1 : 0
        let integerEnd = digits(index)
        guard integerEnd > index else { return .string(text) }
        if integerEnd == bytes.count {
            return Int(text).map(JSONValue.integer) ?? Double(text).map(JSONValue.double) ?? .string(text)
        }
        index = integerEnd
        if bytes[index] == 0x2E {
            let end = digits(index + 1)
            guard end > index + 1 else { return .string(text) }
            index = end
        }
        if index < bytes.count, bytes[index] == 0x65 || bytes[index] == 0x45 {
            index += 1
            if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
            let end = digits(index)
            guard end > index else { return .string(text) }
            index = end
        }
        guard index == bytes.count, let number = Double(text) else { return .string(text) }
        return .double(number)
    }
}
