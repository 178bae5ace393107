@testable import AssayCore

/// Decodes JSON text into a ``JSONValue`` for tests, with AssayCore's own parser (member
/// order kept).
enum JSONTestDecoder {
    static func decode(_ text: String) -> JSONValue? {
        decode(bytes: Array(text.utf8))
    }

    static func decode(bytes: [UInt8]) -> JSONValue? {
        try? JSONParser.parse(bytes, limits: .default, deadline: Deadline(seconds: 60)).0
    }
}
