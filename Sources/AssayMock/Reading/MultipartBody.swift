/// A `multipart/form-data` body, read into its named parts.
enum MultipartBody {
    /// One part: its `name`, its content type when given, and its bytes.
    struct Part {
        var name: String
        var contentType: String?
        var body: [UInt8]
    }

    /// The parts of `body` under the `boundary` of the content type; `nil` when the body is
    /// not well-formed multipart.
    static func parts(of body: [UInt8], contentType: String) -> [Part]? {
        guard let boundary = MediaTypeText.parameter("boundary", of: contentType), !boundary.isEmpty else { return nil }
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [Part] = []
        var positions: [Int] = []
        var index = 0
        while let found = find(delimiter, in: body, from: index) {
            positions.append(found)
            index = found + delimiter.count
        }
        // Only the closing delimiter: a form without parts.
        if positions.count == 1, body[(positions[0] + delimiter.count)...].starts(with: Array("--".utf8)) { return [] }
        guard positions.count >= 2 else { return nil }
        for (start, end) in zip(positions, positions.dropFirst()) {
            var from = start + delimiter.count
            // Skip the line break after the delimiter.
            if from + 1 < body.count, body[from] == 0x0D, body[from + 1] == 0x0A { from += 2 } else if from < body.count, body[from] == 0x0A { from += 1 }
            var to = end
            if to >= 2, body[to - 2] == 0x0D, body[to - 1] == 0x0A { to -= 2 } else if to >= 1, body[to - 1] == 0x0A { to -= 1 }
            guard from <= to else { continue }
            let raw = Array(body[from..<to])
            guard let split = find([0x0D, 0x0A, 0x0D, 0x0A], in: raw, from: 0) ?? find([0x0A, 0x0A], in: raw, from: 0) else { continue }
            let separatorLength = raw[split] == 0x0D ? 4 : 2
            let head = String(decoding: raw[..<split], as: UTF8.self)
            var name: String?
            var type: String?
            for line in head.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" || $0 == "\r" }) {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let field = line[..<colon].lowercased()
                let value = String(line[line.index(after: colon)...].trimmingSpaces)
                if field == "content-disposition" { name = MediaTypeText.parameter("name", of: value) }
                if field == "content-type" { type = value }
            }
            guard let name else { continue }
            parts.append(Part(name: name, contentType: type, body: Array(raw[(split + separatorLength)...])))
        }
        return parts
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0] && haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
