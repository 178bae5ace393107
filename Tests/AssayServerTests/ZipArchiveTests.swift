import AssayCore
import AssayTestSupport
import Crypto
import Foundation
import Testing

@testable import AssayServer

/// The zip writer behind `GET /api/v1/plans/{plan}/suite.zip`, checked by other readers:
/// Python's `zipfile` (CRCs, names, contents, flags, dates) and Info-ZIP's `unzip -t`.
struct ZipArchiveTests {
    static let modified = Date(timeIntervalSince1970: 1_795_551_186)  // 2026-11-24T20:13:06Z

    @Test func crc32MatchesTheStandardCheckValues() {
        #expect(CRC32.checksum([UInt8]()) == 0)
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
        var crc = CRC32()
        crc.update(Array("The quick brown ".utf8))
        crc.update(Array("fox jumps over the lazy dog".utf8))
        #expect(crc.value == 0x414F_A339, "updates in parts give the checksum of the whole")
    }

    @Test func dosTimeIsUTCInTwoSecondStepsAndClamped() {
        let (time, date) = ZipArchive.dosTime(Self.modified)
        #expect(date == UInt16((2026 - 1980) << 9 | 11 << 5 | 24))
        #expect(time == UInt16(20 << 11 | 13 << 5 | 3))
        let early = ZipArchive.dosTime(Date(timeIntervalSince1970: 0))
        #expect(early.time == 0 && early.date == 1 << 5 | 1, "before 1980: 1980-01-01")
    }

    @Test func namesThatWouldUnpackElsewhereAreRefused() throws {
        var archive = ZipArchive()
        for name in ["", "/etc/passwd", "../x", "a/../../x", "a/./b", "a//b", "a/", #"a\b"#, "a\u{0}b", String(repeating: "x", count: 65_536)] {
            #expect(throws: ZipArchive.NameError.self, "\(name.prefix(20))") { try archive.add(path: name, contents: [], modified: Self.modified) }
        }
        try archive.add(path: "a/b", contents: [1], modified: Self.modified)
        #expect(throws: ZipArchive.NameError.self) { try archive.add(path: "a/b", contents: [2], modified: Self.modified) }
        #expect(archive.count == 1)
    }

    @Test func unicodeNamesEmptyAndBinaryFilesReadBackExactly() throws {
        var random = SystemRandomNumberGenerator()
        let files: [(String, [UInt8])] = [
            ("suite/conftest.py", Array("import pytest\n".utf8)),
            ("suite/données/résumé.txt", Array("é à ü\n".utf8)),
            ("suite/日本語/テスト_ファイル.py", Array("# 日本語\n".utf8)),
            ("suite/emoji/🚀 launch.md", Array("🚀\n".utf8)),
            ("suite/empty.txt", []),
            ("suite/bytes.bin", Array(0...255)),
            ("suite/deep/a/b/c/d/e/large.bin", (0..<(1 << 20)).map { _ in UInt8.random(in: 0...255, using: &random) }),
        ]
        var archive = ZipArchive()
        for (name, contents) in files { try archive.add(path: name, contents: contents, modified: Self.modified) }
        let report = try Self.check(archive.finish(), files: files)
        #expect(report.python.contains("7 entries (2026, 11, 24, 20, 13, 6)"), "\(report.python)")
    }

    /// More than 65,535 entries need the Zip64 end records.
    @Test func seventyThousandFilesUseZip64EndRecords() throws {
        let files = (0..<70_000).map { index in ("many/\(index).txt", Array("\(index)\n".utf8)) }
        var archive = ZipArchive()
        for (name, contents) in files { try archive.add(path: name, contents: contents, modified: Self.modified) }
        let bytes = archive.finish()
        #expect(bytes.suffix(22).prefix(4) == [0x50, 0x4B, 0x05, 0x06])
        #expect(bytes.suffix(22 + 20).prefix(4) == [0x50, 0x4B, 0x06, 0x07], "the Zip64 locator precedes the end record")
        let report = try Self.check(bytes, files: files)
        #expect(report.python.contains("70000 entries"), "\(report.python)")
    }

    @Test func anEmptyArchiveIsOnlyItsEndRecord() throws {
        let bytes = ZipArchive().finish()
        #expect(bytes.count == 22)
        let report = try Self.check(bytes, files: [])
        #expect(report.python.contains("0 entries"), "\(report.python)")
    }

    /// Writes the archive and checks it with Python's zipfile (every name, flag, size and
    /// digest, `testzip()` finding no bad CRC) and, where installed, `unzip -t`.
    static func check(_ bytes: [UInt8], files: [(String, [UInt8])]) throws -> (python: String, unzip: String?) {
        let directory = try PythonProcess.temporaryDirectory("zip")
        defer { try? FileManager.default.removeItem(at: directory) }
        let zip = directory.appendingPathComponent("archive.zip")
        try Data(bytes).write(to: zip)
        let manifest = JSONValue.array(
            files.map { name, contents in
                [.string(name), .integer(contents.count), .string(SHA256.hash(data: contents).map { String(format: "%02x", $0) }.joined())]
            }
        )
        try Data(JSONWriter().bytes(manifest)).write(to: directory.appendingPathComponent("manifest.json"))
        try Data(checker.utf8).write(to: directory.appendingPathComponent("check.py"))
        let python = PythonProcess.interpreter ?? "/usr/bin/python3"
        let (status, output) = try PythonProcess.run(python, ["check.py", "archive.zip", "manifest.json"], in: directory)
        #expect(status == 0, "\(output.suffix(2_000))")
        var unzipOutput: String?
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip") {
            let (status, output) = try PythonProcess.run("/usr/bin/unzip", ["-tqq", "archive.zip"], in: directory)
            // unzip warns (status 1) about an archive without files, and says so.
            let expected: Int32 = files.isEmpty && output.contains("zipfile is empty") ? 1 : 0
            #expect(status == expected, "unzip -t: \(output.suffix(2_000))")
            unzipOutput = output
        }
        return (output, unzipOutput)
    }

    static let checker = """
        import hashlib, json, sys, zipfile
        path, manifest = sys.argv[1], json.load(open(sys.argv[2], encoding="utf-8"))
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None, "a CRC does not match"
            infos = archive.infolist()
            assert [i.filename for i in infos] == [m[0] for m in manifest], "the names differ"
            for info, (name, size, digest) in zip(infos, manifest):
                assert info.flag_bits & 0x800, f"{name}: no UTF-8 flag"
                assert info.compress_type == zipfile.ZIP_STORED, f"{name}: not stored"
                data = archive.read(info)
                assert len(data) == size == info.file_size, f"{name}: size"
                assert hashlib.sha256(data).hexdigest() == digest, f"{name}: contents"
            print(f"{len(infos)} entries", infos[0].date_time if infos else "")
        """
}
