public import Foundation
import AssayCore

/// Quality reports kept by content hash, so an unchanged suite (same files, same
/// description, same Assay, same scoring settings) is never scored twice.
///
/// One JSON file per hash under ``directory``; a file that does not read back is ignored
/// and replaced.
public struct QualityCache: Sendable {
    public var directory: URL

    public init(directory: URL) { self.directory = directory }

    /// `$ASSAY_CACHE_DIR/quality`, else `$XDG_CACHE_HOME/assay/quality`, else
    /// `~/.cache/assay/quality`.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> QualityCache {
        if let root = environment["ASSAY_CACHE_DIR"], !root.isEmpty {
            return QualityCache(directory: URL(fileURLWithPath: root).appendingPathComponent("quality"))
        }
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (FileManager.default.homeDirectoryForCurrentUser.path + "/.cache")
        return QualityCache(directory: URL(fileURLWithPath: base).appendingPathComponent("assay/quality"))
    }

    /// The report stored under `hash`, if any.
    public func report(for hash: String) -> QualityReport? {
        guard let data = FileManager.default.contents(atPath: file(hash).path), let json = try? JSONValue.parse(Array(data)) else {
            return nil
        }
        guard let report = QualityReport(json: json), report.contentHash == hash else { return nil }
        return report
    }

    /// Stores `report` under its hash (atomically: a reader never sees half a file).
    public func store(_ report: QualityReport) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(JSONWriter(pretty: true).bytes(report.json)).write(to: file(report.contentHash), options: .atomic)
    }

    func file(_ hash: String) -> URL { directory.appendingPathComponent(hash + ".json") }
}
