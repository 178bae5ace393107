import Foundation

/// A zip archive built in memory, as PKWARE's APPNOTE (6.3.10) describes it: each file is
/// stored without compression, with its CRC-32, a UTF-8 name (general purpose flag bit 11),
/// its modification time as a DOS date and time (UTC) and as a Unix time (the `UT` extra
/// field), then the central directory and its end record. Zip64 records are written
/// wherever a count, size or offset does not fit the classic 16- and 32-bit fields, so any
/// number of files can go in.
///
/// ```swift
/// var archive = ZipArchive()
/// try archive.add(path: "pets-pytest/conftest.py", contents: Array(text.utf8), modified: date)
/// let bytes = archive.finish()
/// ```
///
/// Names are checked, not trusted: an absolute name, a `..` or `.` component, an empty
/// component, a backslash or a name given twice would unpack somewhere other than where the
/// archive says, or ambiguously, and is refused.
struct ZipArchive {
    /// A name the archive refuses.
    struct NameError: Error, CustomStringConvertible {
        /// The name as given.
        var path: String
        /// Why it is refused.
        var reason: String

        var description: String { "the zip entry name '\(path)' is refused: \(reason)" }
    }

    private var output: [UInt8] = []
    private var central: [UInt8] = []
    private var names: Set<String> = []
    /// How many files have been added.
    private(set) var count = 0

    /// An empty archive.
    init() {}

    /// Adds a file.
    ///
    /// - Parameters:
    ///   - path: the name in the archive, `/`-separated, relative.
    ///   - contents: the file's bytes, stored as they are.
    ///   - modified: its modification time.
    /// - Throws: ``NameError`` for a name that is unsafe, too long or already used.
    mutating func add(path: String, contents: [UInt8], modified: Date) throws {
        let name = Array(path.utf8)
        try Self.check(path, bytes: name)
        guard names.insert(path).inserted else { throw NameError(path: path, reason: "it is in the archive already") }
        let size = UInt64(contents.count)
        let offset = UInt64(output.count)
        let crc = CRC32.checksum(contents)
        let (time, date) = Self.dosTime(modified)
        let unixTime = Self.unixTime(modified)
        let largeSize = size >= 0xFFFF_FFFF
        let largeOffset = offset >= 0xFFFF_FFFF

        // The local header: with Zip64, both sizes move to the extra field (APPNOTE 4.5.3).
        var localExtra: [UInt8] = []
        if largeSize {
            localExtra.appendLittleEndian(UInt16(0x0001))
            localExtra.appendLittleEndian(UInt16(16))
            localExtra.appendLittleEndian(size)
            localExtra.appendLittleEndian(size)
        }
        if let unixTime {
            localExtra.appendLittleEndian(UInt16(0x5455))
            localExtra.appendLittleEndian(UInt16(5))
            localExtra.append(0x01)  // The modification time is present.
            localExtra.appendLittleEndian(unixTime)
        }
        output.appendLittleEndian(UInt32(0x0403_4B50))
        output.appendLittleEndian(UInt16(largeSize ? 45 : 20))
        output.appendLittleEndian(Self.utf8Names)
        output.appendLittleEndian(UInt16(0))  // Stored.
        output.appendLittleEndian(time)
        output.appendLittleEndian(date)
        output.appendLittleEndian(crc)
        output.appendLittleEndian(largeSize ? UInt32.max : UInt32(size))
        output.appendLittleEndian(largeSize ? UInt32.max : UInt32(size))
        output.appendLittleEndian(UInt16(name.count))
        output.appendLittleEndian(UInt16(localExtra.count))
        output.append(contentsOf: name)
        output.append(contentsOf: localExtra)
        output.append(contentsOf: contents)

        // The central directory header: only the fields that overflow go to Zip64, in the
        // order the APPNOTE fixes (uncompressed size, compressed size, offset).
        var zip64: [UInt8] = []
        if largeSize {
            zip64.appendLittleEndian(size)
            zip64.appendLittleEndian(size)
        }
        if largeOffset { zip64.appendLittleEndian(offset) }
        var centralExtra: [UInt8] = []
        if !zip64.isEmpty {
            centralExtra.appendLittleEndian(UInt16(0x0001))
            centralExtra.appendLittleEndian(UInt16(zip64.count))
            centralExtra.append(contentsOf: zip64)
        }
        if let unixTime {
            centralExtra.appendLittleEndian(UInt16(0x5455))
            centralExtra.appendLittleEndian(UInt16(5))
            centralExtra.append(0x01)
            centralExtra.appendLittleEndian(unixTime)
        }
        central.appendLittleEndian(UInt32(0x0201_4B50))
        central.appendLittleEndian(Self.versionMadeBy)
        central.appendLittleEndian(UInt16(zip64.isEmpty ? 20 : 45))
        central.appendLittleEndian(Self.utf8Names)
        central.appendLittleEndian(UInt16(0))
        central.appendLittleEndian(time)
        central.appendLittleEndian(date)
        central.appendLittleEndian(crc)
        central.appendLittleEndian(largeSize ? UInt32.max : UInt32(size))
        central.appendLittleEndian(largeSize ? UInt32.max : UInt32(size))
        central.appendLittleEndian(UInt16(name.count))
        central.appendLittleEndian(UInt16(centralExtra.count))
        central.appendLittleEndian(UInt16(0))  // No comment.
        central.appendLittleEndian(UInt16(0))  // Disk 0.
        central.appendLittleEndian(UInt16(0))  // Internal attributes: binary.
        central.appendLittleEndian(UInt32(0o100644) << 16)  // A regular file, rw-r--r--.
        central.appendLittleEndian(largeOffset ? UInt32.max : UInt32(offset))
        central.append(contentsOf: name)
        central.append(contentsOf: centralExtra)
        count += 1
    }

    /// The archive's bytes: the files, the central directory and its end records.
    consuming func finish() -> [UInt8] {
        let directoryOffset = UInt64(output.count)
        let directorySize = UInt64(central.count)
        let entries = UInt64(count)
        output.append(contentsOf: central)
        if entries >= 0xFFFF || directorySize >= 0xFFFF_FFFF || directoryOffset >= 0xFFFF_FFFF {
            let recordOffset = UInt64(output.count)
            // The Zip64 end of central directory record (APPNOTE 4.3.14), version 1.
            output.appendLittleEndian(UInt32(0x0606_4B50))
            output.appendLittleEndian(UInt64(44))  // The size of what follows.
            output.appendLittleEndian(Self.versionMadeBy)
            output.appendLittleEndian(UInt16(45))
            output.appendLittleEndian(UInt32(0))
            output.appendLittleEndian(UInt32(0))
            output.appendLittleEndian(entries)
            output.appendLittleEndian(entries)
            output.appendLittleEndian(directorySize)
            output.appendLittleEndian(directoryOffset)
            // Its locator (4.3.15).
            output.appendLittleEndian(UInt32(0x0706_4B50))
            output.appendLittleEndian(UInt32(0))
            output.appendLittleEndian(recordOffset)
            output.appendLittleEndian(UInt32(1))
        }
        // The end of central directory record (4.3.16); a field that does not fit is all
        // ones and the Zip64 record holds it.
        output.appendLittleEndian(UInt32(0x0605_4B50))
        output.appendLittleEndian(UInt16(0))
        output.appendLittleEndian(UInt16(0))
        output.appendLittleEndian(UInt16(min(entries, 0xFFFF)))
        output.appendLittleEndian(UInt16(min(entries, 0xFFFF)))
        output.appendLittleEndian(UInt32(min(directorySize, 0xFFFF_FFFF)))
        output.appendLittleEndian(UInt32(min(directoryOffset, 0xFFFF_FFFF)))
        output.appendLittleEndian(UInt16(0))  // No comment.
        return output
    }

    /// General purpose flag bit 11: the name is UTF-8.
    private static let utf8Names: UInt16 = 1 << 11
    /// Unix (3) in the high byte, APPNOTE 6.3 in the low one.
    private static let versionMadeBy: UInt16 = 3 << 8 | 63

    private static func check(_ path: String, bytes: [UInt8]) throws {
        guard !bytes.isEmpty else { throw NameError(path: path, reason: "it is empty") }
        guard bytes.count <= 0xFFFF else { throw NameError(path: path, reason: "it is longer than 65,535 bytes") }
        guard !bytes.contains(0), !bytes.contains(UInt8(ascii: "\\")) else {
            throw NameError(path: path, reason: "it contains a NUL or a backslash")
        }
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            guard !component.isEmpty else {
                throw NameError(path: path, reason: "it is absolute, ends in '/' or has an empty component")
            }
            guard component != ".", component != ".." else { throw NameError(path: path, reason: "it has a '.' or '..' component") }
        }
    }

    /// The DOS time and date of `date` in UTC (two-second steps; 1980 to 2107, clamped).
    static func dosTime(_ date: Date) -> (time: UInt16, date: UInt16) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        guard let year = parts.year, year >= 1980 else { return (0, 1 << 5 | 1) }
        guard year <= 2107 else { return (23 << 11 | 59 << 5 | 29, 127 << 9 | 12 << 5 | 31) }
        let time = (parts.hour ?? 0) << 11 | (parts.minute ?? 0) << 5 | (parts.second ?? 0) / 2
        let day = (year - 1980) << 9 | (parts.month ?? 1) << 5 | (parts.day ?? 1)
        return (UInt16(time), UInt16(day))
    }

    /// Seconds since 1970 as the `UT` extra field holds them, when they fit its 32 bits.
    private static func unixTime(_ date: Date) -> UInt32? {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard seconds >= 0, seconds <= Double(UInt32.max) else { return nil }
        return UInt32(seconds)
    }
}

extension [UInt8] {
    /// Appends `value` least significant byte first.
    fileprivate mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
