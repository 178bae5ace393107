/// The byte formats the data engine writes.
public enum DataFormat: String, Sendable, CaseIterable {
    /// Newline-delimited JSON: one compact object per line, each line ending in LF.
    case ndjson
    /// One JSON array, one record per line.
    case json
    /// RFC 4180 CSV with a header row and CRLF line ends.
    case csv
}
