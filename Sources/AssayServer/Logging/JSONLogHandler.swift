import OrderedCollections
import AssayCore
import Foundation
public import Logging

/// Writes each log record as one JSON object per line (to standard error by default), so log
/// shippers read fields, not prose: `{"ts", "level", "logger", "msg", ...metadata}`.
///
/// `assay serve` bootstraps it once for the process; the library never touches the global
/// logging system.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let write: @Sendable ([UInt8]) -> Void

    /// A handler for `label` writing to standard error.
    public init(label: String, level: Logger.Level = .info) {
        self.init(label: label, level: level) { bytes in
            // One write per record, so lines from concurrent requests never interleave.
            FileHandle.standardError.write(Data(bytes))
        }
    }

    /// A handler for `label` handing each line (with its newline) to `write`.
    public init(label: String, level: Logger.Level = .info, write: @escaping @Sendable ([UInt8]) -> Void) {
        self.label = label
        self.logLevel = level
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var record: JSONObject = [
            "ts": .string(Self.timestamp()),
            "level": .string(event.level.rawValue),
            "logger": .string(label),
            "msg": .string(event.message.description),
        ]
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        for key in merged.keys.sorted() where record[key] == nil {
            record[key] = Self.json(merged[key]!)
        }
        if event.level >= .error {
            record["source"] = .string("\(event.file):\(event.line)")
        }
        var bytes = JSONWriter().bytes(.object(record))
        bytes.append(UInt8(ascii: "\n"))
        write(bytes)
    }

    static func json(_ value: Logger.Metadata.Value) -> JSONValue {
        switch value {
        case .string(let string): return .string(string)
        case .stringConvertible(let convertible):
            if let int = convertible as? Int { return .integer(int) }
            if let double = convertible as? Double { return .double(double) }
            if let bool = convertible as? Bool { return .bool(bool) }
            return .string(convertible.description)
        case .array(let array): return .array(array.map(json))
        case .dictionary(let dictionary):
            var object: JSONObject = [:]
            for key in dictionary.keys.sorted() { object[key] = json(dictionary[key]!) }
            return .object(object)
        }
    }

    /// One format style for every record: making a formatter per record was a measurable
    /// share of a request's CPU at thousands of requests a second.
    static let timestampStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    static func timestamp() -> String {
        timestampStyle.format(Date())
    }
}
