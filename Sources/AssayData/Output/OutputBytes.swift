/// The byte-level spellings shared by the record writers: JSON string escaping and CSV
/// cell quoting.
///
/// Generated text almost never needs an escape or quotes, so the writers test and copy it
/// eight bytes at a time and write through pointers into room made once per record,
/// instead of an `append` call per run of bytes.
enum OutputBytes {
    static let quote: UInt8 = 0x22
    static let backslash: UInt8 = 0x5C
    static let comma: UInt8 = 0x2C
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let nullLiteral: [UInt8] = Array("null".utf8)

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    // MARK: - Word-at-a-time tests

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Whether some byte of `word` is zero (exact as a whole-word test).
    @inline(__always)
    private static func hasZeroByte(_ word: UInt64) -> Bool {
        (word &- ones) & ~word & highBits != 0
    }

    /// Whether some byte of `word` equals `byte`.
    @inline(__always)
    private static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        hasZeroByte(word ^ (ones &* UInt64(byte)))
    }

    /// Whether some byte of `word` is below 0x20; bytes from 0x80 (UTF-8 sequences) never
    /// match.
    @inline(__always)
    private static func hasControlByte(_ word: UInt64) -> Bool {
        (word &- ones &* 0x20) & ~word & highBits != 0
    }

    /// Whether eight bytes can sit in a JSON string as they are: no `"`, `\` or control byte.
    @inline(__always)
    static func isJSONPlain(_ word: UInt64) -> Bool {
        !(hasControlByte(word) || hasByte(word, quote) || hasByte(word, backslash))
    }

    @inline(__always)
    static func isJSONPlain(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte != quote && byte != backslash
    }

    /// Whether eight bytes can sit in an unquoted CSV cell: no comma, quote, CR or LF.
    @inline(__always)
    static func isCSVPlain(_ word: UInt64) -> Bool {
        !(hasByte(word, comma) || hasByte(word, quote) || hasByte(word, lineFeed) || hasByte(word, carriageReturn))
    }

    @inline(__always)
    static func isCSVPlain(_ byte: UInt8) -> Bool {
        byte != comma && byte != quote && byte != lineFeed && byte != carriageReturn
    }

    // MARK: - Copies

    /// Copies `count` bytes to `target` when every byte passes the test, eight at a time,
    /// and moves `target` past them. Returns false when some byte fails; `target` is then
    /// left where it was, with part of the bytes written after it.
    @inline(__always)
    static func copyIfPlain(
        _ source: UnsafePointer<UInt8>,
        count: Int,
        to target: inout UnsafeMutablePointer<UInt8>,
        word isPlainWord: (UInt64) -> Bool,
        byte isPlainByte: (UInt8) -> Bool
    ) -> Bool {
        guard count >= 8 else {
            var index = 0
            while index < count {
                let byte = source[index]
                guard isPlainByte(byte) else { return false }
                target[index] = byte
                index &+= 1
            }
            target += count
            return true
        }
        let from = UnsafeRawPointer(source)
        let to = UnsafeMutableRawPointer(target)
        var index = 0
        while index &+ 8 <= count {
            let word = from.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            guard isPlainWord(word) else { return false }
            to.storeBytes(of: word, toByteOffset: index, as: UInt64.self)
            index &+= 8
        }
        if index < count {
            // The last word overlaps the one before: no byte loop for the tail.
            let word = from.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
            guard isPlainWord(word) else { return false }
            to.storeBytes(of: word, toByteOffset: count &- 8, as: UInt64.self)
        }
        target += count
        return true
    }

    /// Whether every one of `count` bytes passes the test, eight at a time.
    @inline(__always)
    static func allPlain(
        _ source: UnsafePointer<UInt8>,
        count: Int,
        word isPlainWord: (UInt64) -> Bool,
        byte isPlainByte: (UInt8) -> Bool
    ) -> Bool {
        guard count >= 8 else {
            var index = 0
            while index < count {
                guard isPlainByte(source[index]) else { return false }
                index &+= 1
            }
            return true
        }
        let from = UnsafeRawPointer(source)
        var index = 0
        while index &+ 8 <= count {
            guard isPlainWord(from.loadUnaligned(fromByteOffset: index, as: UInt64.self)) else { return false }
            index &+= 8
        }
        return index == count || isPlainWord(from.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self))
    }

    /// Copies `count` bytes to `target` and moves `target` past them. Fields and keys are
    /// mostly short, so up to 16 bytes go as two overlapping loads and stores instead of a
    /// `memmove` call.
    @inline(__always)
    static func copy(_ source: UnsafePointer<UInt8>, count: Int, to target: inout UnsafeMutablePointer<UInt8>) {
        let from = UnsafeRawPointer(source)
        let to = UnsafeMutableRawPointer(target)
        if count >= 8 && count <= 16 {
            let head = from.loadUnaligned(as: UInt64.self)
            let tail = from.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: count &- 8, as: UInt64.self)
        } else if count >= 4 && count < 8 {
            let head = from.loadUnaligned(as: UInt32.self)
            let tail = from.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: count &- 4, as: UInt32.self)
        } else if count < 4 {
            var index = 0
            while index < count {
                target[index] = source[index]
                index &+= 1
            }
        } else {
            target.update(from: source, count: count)
        }
        target += count
    }

    @inline(__always)
    static func put(_ byte: UInt8, to target: inout UnsafeMutablePointer<UInt8>) {
        target.pointee = byte
        target += 1
    }

    /// Grows `output` by `count` bytes and lets `body` fill them through a pointer to the
    /// first. `body` writes exactly `count` bytes and returns true, or gives up and returns
    /// false, and `output` is then as it was.
    @inline(__always)
    @discardableResult
    static func fill(_ output: inout [UInt8], count: Int, _ body: (inout UnsafeMutablePointer<UInt8>) -> Bool) -> Bool {
        let start = output.count
        // Arrays cannot grow into uninitialized storage, so the room is zeroed first: a
        // memset, far cheaper than an `append` call per run.
        output.append(contentsOf: repeatElement(0, count: count))
        let done = output.withUnsafeMutableBufferPointer { buffer in
            var target = buffer.baseAddress! + start
            let done = body(&target)
            assert(!done || target == buffer.baseAddress! + start + count, "OutputBytes.fill: wrote a different count")
            return done
        }
        if !done { output.removeSubrange(start...) }
        return done
    }

    // MARK: - JSON

    /// How many bytes `count` bytes take inside a JSON string once escaped.
    @inline(__always)
    static func jsonEscapedCount(_ source: UnsafePointer<UInt8>, count: Int) -> Int {
        let from = UnsafeRawPointer(source)
        var total = count
        var index = 0
        while index < count {
            if index &+ 8 <= count, isJSONPlain(from.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index &+= 8
                continue
            }
            // A word that needs escapes (or the tail) goes byte by byte.
            let end = Swift.min(index &+ 8, count)
            while index < end {
                let byte = source[index]
                if !isJSONPlain(byte) { total &+= escapeLength(byte) &- 1 }
                index &+= 1
            }
        }
        return total
    }

    /// Writes `count` bytes as the inside of a JSON string (`jsonEscapedCount` bytes): `"`,
    /// `\` and control bytes escaped, everything else (UTF-8 included) copied.
    @inline(__always)
    static func writeJSONEscaped(_ source: UnsafePointer<UInt8>, count: Int, to target: inout UnsafeMutablePointer<UInt8>) {
        let from = UnsafeRawPointer(source)
        var index = 0
        while index < count {
            if index &+ 8 <= count {
                let word = from.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if isJSONPlain(word) {
                    UnsafeMutableRawPointer(target).storeBytes(of: word, as: UInt64.self)
                    target += 8
                    index &+= 8
                    continue
                }
            }
            let end = Swift.min(index &+ 8, count)
            while index < end {
                let byte = source[index]
                if isJSONPlain(byte) {
                    put(byte, to: &target)
                } else {
                    writeEscape(byte, to: &target)
                }
                index &+= 1
            }
        }
    }

    /// The length of the escape of a byte that may not appear raw in a JSON string.
    @inline(__always)
    private static func escapeLength(_ byte: UInt8) -> Int {
        switch byte {
        case quote, backslash, lineFeed, carriageReturn, 0x09, 0x08, 0x0C: 2
        default: 6
        }
    }

    private static func writeEscape(_ byte: UInt8, to target: inout UnsafeMutablePointer<UInt8>) {
        put(backslash, to: &target)
        switch byte {
        case quote, backslash: put(byte, to: &target)
        case lineFeed: put(UInt8(ascii: "n"), to: &target)
        case carriageReturn: put(UInt8(ascii: "r"), to: &target)
        case 0x09: put(UInt8(ascii: "t"), to: &target)
        case 0x08: put(UInt8(ascii: "b"), to: &target)
        case 0x0C: put(UInt8(ascii: "f"), to: &target)
        default:
            put(UInt8(ascii: "u"), to: &target)
            put(0x30, to: &target)
            put(0x30, to: &target)
            put(hex[Int(byte >> 4)], to: &target)
            put(hex[Int(byte & 0xF)], to: &target)
        }
    }

    /// Appends `utf8` as a quoted JSON string.
    static func appendJSONString(_ utf8: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        guard let base = utf8.baseAddress else {
            output.append(contentsOf: [quote, quote])
            return
        }
        let escaped = jsonEscapedCount(base, count: utf8.count)
        if escaped == utf8.count {
            output.append(quote)
            output.append(contentsOf: utf8)
            output.append(quote)
            return
        }
        fill(&output, count: escaped &+ 2) { target in
            put(quote, to: &target)
            writeJSONEscaped(base, count: utf8.count, to: &target)
            put(quote, to: &target)
            return true
        }
    }

    /// Appends `string` as a quoted JSON string.
    static func appendJSONString(_ string: String, into output: inout [UInt8]) {
        var string = string
        string.withUTF8 { appendJSONString($0, into: &output) }
    }

    // MARK: - CSV

    /// How many bytes a cell of `count` bytes takes once quoted: its quotes doubled, and a
    /// quote at each end.
    @inline(__always)
    static func csvQuotedCount(_ source: UnsafePointer<UInt8>, count: Int) -> Int {
        var total = count &+ 2
        var index = 0
        while index < count {
            if source[index] == quote { total &+= 1 }
            index &+= 1
        }
        return total
    }

    /// Writes a cell quoted (`csvQuotedCount` bytes).
    @inline(__always)
    static func writeCSVQuoted(_ source: UnsafePointer<UInt8>, count: Int, to target: inout UnsafeMutablePointer<UInt8>) {
        put(quote, to: &target)
        var index = 0
        while index < count {
            let byte = source[index]
            put(byte, to: &target)
            if byte == quote { put(quote, to: &target) }
            index &+= 1
        }
        put(quote, to: &target)
    }

    /// How many bytes a text cell takes: as it is when no byte needs quoting, otherwise
    /// quoted; an empty cell is `""`, so that an empty string stays apart from a null.
    @inline(__always)
    static func csvCellCount(_ source: UnsafePointer<UInt8>, count: Int) -> Int {
        if count > 0, allPlain(source, count: count, word: isCSVPlain, byte: isCSVPlain) { return count }
        return csvQuotedCount(source, count: count)
    }

    /// Writes a text cell (`csvCellCount` bytes).
    @inline(__always)
    static func writeCSVCell(_ source: UnsafePointer<UInt8>, count: Int, to target: inout UnsafeMutablePointer<UInt8>) {
        if count > 0, allPlain(source, count: count, word: isCSVPlain, byte: isCSVPlain) {
            copy(source, count: count, to: &target)
        } else {
            writeCSVQuoted(source, count: count, to: &target)
        }
    }

    /// Appends `utf8` as one text cell.
    static func appendCSVCell(_ utf8: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        guard let base = utf8.baseAddress, !utf8.isEmpty else {
            output.append(contentsOf: [quote, quote])
            return
        }
        fill(&output, count: csvCellCount(base, count: utf8.count)) { target in
            writeCSVCell(base, count: utf8.count, to: &target)
            return true
        }
    }

    /// Appends `bytes` as one text cell.
    static func appendCSVCell(_ bytes: [UInt8], into output: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { appendCSVCell($0, into: &output) }
    }
}
