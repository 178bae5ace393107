import AssayCore
import OrderedCollections

/// Encodes records straight into bytes, in one of the `DataFormat`s.
///
/// - NDJSON: one compact JSON object per line (LF), keys in column order.
/// - JSON: one array, `[`, then one record per line separated by `,`, then `]` and LF;
///   no records give `[]`.
/// - CSV (RFC 4180): a header row of the column names, rows ending in CRLF. A cell holding a
///   comma, a quote, CR or LF is quoted, its quotes doubled. Null is an empty cell and the
///   empty string is `""`, so the two stay apart; numbers and booleans are written as in
///   JSON; a nested object or array is its compact JSON text in one cell.
///
/// Records made of a whole `document` (schema-driven records) are written as that document
/// in the JSON formats. In CSV each column takes the document's top-level member of that
/// name (a missing member is an empty cell, a nested value its JSON text). With no
/// columns, CSV has one column, `value`, holding the whole document (its JSON text when it
/// is an object or array); a document that is not an object under named columns fills
/// the first cell and leaves the others empty.
///
/// Keys, separators and the header are spelled once, at `init`. Per record the encoder
/// sizes the output, grows the buffer once and copies the fields in eight bytes at a
/// time, testing text as it goes; only text that needs escapes or quotes (rare in
/// generated data) takes a second, escaping pass.
public struct RecordEncoder: Sendable {
    /// The format written.
    public let format: DataFormat
    /// The column names, in field order.
    public let columns: [String]
    /// How many records `append` has written since `begin`.
    public private(set) var recordCount = 0

    /// For each column, `{"name":"` (first column) or `,"name":"`: the key of a JSON member
    /// followed by the opening quote of a string value, so that a string value takes the
    /// whole entry and any other value all but its last byte. Column `i` spans
    /// `keyStarts[i]..<keyStarts[i + 1]`.
    private let keys: [UInt8]
    private let keyStarts: [Int]
    /// The CSV header row, line end included.
    private let header: [UInt8]

    /// An encoder of records with these columns.
    public init(format: DataFormat, columns: [String]) {
        self.format = format
        self.columns = columns
        var keys: [UInt8] = []
        var keyStarts = [0]
        for (offset, column) in columns.enumerated() {
            keys.append(offset == 0 ? UInt8(ascii: "{") : OutputBytes.comma)
            OutputBytes.appendJSONString(column, into: &keys)
            keys.append(UInt8(ascii: ":"))
            keys.append(OutputBytes.quote)
            keyStarts.append(keys.count)
        }
        self.keys = keys
        self.keyStarts = keyStarts
        var header: [UInt8] = []
        if format == .csv {
            for (offset, column) in (columns.isEmpty ? ["value"] : columns).enumerated() {
                if offset > 0 { header.append(OutputBytes.comma) }
                OutputBytes.appendCSVCell(Array(column.utf8), into: &header)
            }
            header += [OutputBytes.carriageReturn, OutputBytes.lineFeed]
        }
        self.header = header
    }

    /// Writes what comes before the first record: `[` for JSON, the header row for CSV,
    /// nothing for NDJSON. Starts the record count afresh.
    public mutating func begin(into output: inout [UInt8]) {
        recordCount = 0
        switch format {
        case .ndjson: break
        case .json: output.append(UInt8(ascii: "["))
        case .csv: output += header
        }
    }

    /// Writes one record: its `document` when it has one, otherwise its fields, the
    /// `i`-th under column `i`. Fields beyond the columns are ignored; a record with fewer
    /// fields than columns lacks the last members in JSON and has empty cells in CSV.
    public mutating func append(_ record: RecordBuffer, into output: inout [UInt8]) {
        switch format {
        case .ndjson:
            writeObject(record, into: &output)
            output.append(OutputBytes.lineFeed)
        case .json:
            if recordCount > 0 { output.append(OutputBytes.comma) }
            output.append(OutputBytes.lineFeed)
            writeObject(record, into: &output)
        case .csv:
            writeRow(record, into: &output)
            output.append(OutputBytes.carriageReturn)
            output.append(OutputBytes.lineFeed)
        }
        recordCount += 1
    }

    /// Writes what comes after the last record: `]` and a line end for JSON (so no records
    /// give `[]`), nothing for the other formats.
    public mutating func end(into output: inout [UInt8]) {
        guard format == .json else { return }
        if recordCount > 0 { output.append(OutputBytes.lineFeed) }
        output.append(contentsOf: [UInt8(ascii: "]"), OutputBytes.lineFeed])
    }

    // MARK: - JSON

    /// Writes the record as one compact JSON object (or its document, whatever it is).
    private func writeObject(_ record: RecordBuffer, into output: inout [UInt8]) {
        if let document = record.document {
            CompactJSON.append(document, into: &output)
            return
        }
        let count = Swift.min(record.fields.count, columns.count)
        guard count > 0 else {
            output.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")])
            return
        }
        if !writeObject(record, fieldCount: count, escaping: false, into: &output) {
            writeObject(record, fieldCount: count, escaping: true, into: &output)
        }
    }

    /// Writes the fields as one object, with one growth of `output`.
    ///
    /// Without `escaping` (the common case) text is tested as it is copied and the size is
    /// known up front; the call returns false, leaving `output` as it was, at the first text
    /// that needs an escape. With `escaping` the escaped sizes are counted first.
    @discardableResult
    private func writeObject(_ record: RecordBuffer, fieldCount count: Int, escaping: Bool, into output: inout [UInt8]) -> Bool {
        let fields = record.fields
        return record.bytes.withUnsafeBufferPointer { source -> Bool in
            // Fields are non-empty only when `bytes` is, so a placeholder address is only
            // ever read for zero bytes.
            let base = source.baseAddress ?? UnsafePointer(bitPattern: 1)!
            var size = 1
            for index in 0..<count {
                let field = fields[index]
                let length = field.end &- field.start
                let keyLength = keyStarts[index &+ 1] &- keyStarts[index]
                switch field.kind {
                case .text:
                    let textLength = escaping ? OutputBytes.jsonEscapedCount(base + field.start, count: length) : length
                    size &+= keyLength &+ textLength &+ 1
                case .literal, .json:
                    size &+= keyLength &- 1 &+ length
                case .null:
                    size &+= keyLength &+ 3
                }
            }
            return keys.withUnsafeBufferPointer { keys -> Bool in
                let keyBase = keys.baseAddress!
                return OutputBytes.fill(&output, count: size) { target -> Bool in
                    for index in 0..<count {
                        let field = fields[index]
                        let length = field.end &- field.start
                        let keyStart = keyStarts[index]
                        let keyLength = keyStarts[index &+ 1] &- keyStart
                        switch field.kind {
                        case .text:
                            OutputBytes.copy(keyBase + keyStart, count: keyLength, to: &target)
                            if escaping {
                                OutputBytes.writeJSONEscaped(base + field.start, count: length, to: &target)
                            } else if !OutputBytes.copyIfPlain(
                                base + field.start,
                                count: length,
                                to: &target,
                                word: OutputBytes.isJSONPlain,
                                byte: OutputBytes.isJSONPlain
                            ) {
                                return false
                            }
                            OutputBytes.put(OutputBytes.quote, to: &target)
                        case .literal, .json:
                            OutputBytes.copy(keyBase + keyStart, count: keyLength &- 1, to: &target)
                            OutputBytes.copy(base + field.start, count: length, to: &target)
                        case .null:
                            OutputBytes.copy(keyBase + keyStart, count: keyLength &- 1, to: &target)
                            for byte in OutputBytes.nullLiteral { OutputBytes.put(byte, to: &target) }
                        }
                    }
                    OutputBytes.put(UInt8(ascii: "}"), to: &target)
                    return true
                }
            }
        }
    }

    // MARK: - CSV

    /// Writes the record's cells, without the line end.
    private func writeRow(_ record: RecordBuffer, into output: inout [UInt8]) {
        if let document = record.document {
            writeDocumentRow(document, into: &output)
            return
        }
        let columnCount = Swift.max(columns.count, 1)
        let count = Swift.min(record.fields.count, columnCount)
        if !writeRow(record, fieldCount: count, columnCount: columnCount, quoting: false, into: &output) {
            writeRow(record, fieldCount: count, columnCount: columnCount, quoting: true, into: &output)
        }
    }

    /// Writes the fields as one row, with one growth of `output`, a cell per column (missing
    /// fields are empty cells).
    ///
    /// Without `quoting` (the common case) cells are tested as they are copied; the call
    /// returns false, leaving `output` as it was, at the first cell that needs quotes.
    @discardableResult
    private func writeRow(_ record: RecordBuffer, fieldCount count: Int, columnCount: Int, quoting: Bool, into output: inout [UInt8]) -> Bool {
        let fields = record.fields
        return record.bytes.withUnsafeBufferPointer { source -> Bool in
            let base = source.baseAddress ?? UnsafePointer(bitPattern: 1)!
            // One comma between each two cells.
            var size = columnCount &- 1
            for index in 0..<count {
                let field = fields[index]
                let length = field.end &- field.start
                switch field.kind {
                case .null:
                    break
                case .literal:
                    size &+= length
                case .text, .json:
                    if !quoting && length == 0 { return false }
                    size &+= quoting ? OutputBytes.csvCellCount(base + field.start, count: length) : length
                }
            }
            return OutputBytes.fill(&output, count: size) { target -> Bool in
                for index in 0..<columnCount {
                    if index > 0 { OutputBytes.put(OutputBytes.comma, to: &target) }
                    guard index < count else { continue }
                    let field = fields[index]
                    let length = field.end &- field.start
                    switch field.kind {
                    case .null:
                        break
                    case .literal:
                        // Numbers and booleans hold no byte that needs quoting.
                        OutputBytes.copy(base + field.start, count: length, to: &target)
                    case .text, .json:
                        if quoting {
                            OutputBytes.writeCSVCell(base + field.start, count: length, to: &target)
                        } else if !OutputBytes.copyIfPlain(
                            base + field.start,
                            count: length,
                            to: &target,
                            word: OutputBytes.isCSVPlain,
                            byte: OutputBytes.isCSVPlain
                        ) {
                            return false
                        }
                    }
                }
                return true
            }
        }
    }

    private func writeDocumentRow(_ document: JSONValue, into output: inout [UInt8]) {
        guard !columns.isEmpty else {
            Self.appendCSVValue(document, into: &output)
            return
        }
        guard case .object(let object) = document else {
            Self.appendCSVValue(document, into: &output)
            for _ in 1..<columns.count { output.append(OutputBytes.comma) }
            return
        }
        for (offset, column) in columns.enumerated() {
            if offset > 0 { output.append(OutputBytes.comma) }
            if let value = object[column] { Self.appendCSVValue(value, into: &output) }
        }
    }

    /// One value as a CSV cell: strings as their text, scalars as in JSON, null as nothing,
    /// objects and arrays as their JSON text.
    private static func appendCSVValue(_ value: JSONValue, into output: inout [UInt8]) {
        switch value {
        case .null:
            break
        case .bool, .integer, .double:
            CompactJSON.append(value, into: &output)
        case .string(let string):
            var string = string
            string.withUTF8 { OutputBytes.appendCSVCell($0, into: &output) }
        case .array, .object:
            var text: [UInt8] = []
            CompactJSON.append(value, into: &text)
            OutputBytes.appendCSVCell(text, into: &output)
        }
    }
}
