public import Foundation

/// Where the shared material lives: `../shared` beside the project root (CI puts it there),
/// or `ASSAY_SHARED_DIR`.
public enum SharedMaterial {
    public static var directory: URL {
        if let path = ProcessInfo.processInfo.environment["ASSAY_SHARED_DIR"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return projectRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }

    public static var projectRoot: URL {
        // Tests/AssayTestSupport/SharedMaterial.swift → project root
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    public static var apisGuru: URL { directory.appendingPathComponent("corpus/apis-guru") }

    /// Every API description in the corpus, sorted by path.
    public static func corpusFiles() -> [URL] {
        let enumerator = FileManager.default.enumerator(at: apisGuru, includingPropertiesForKeys: nil)
        let files = (enumerator?.allObjects as? [URL] ?? []).filter { ["yaml", "yml", "json"].contains($0.pathExtension) }
        return files.sorted { $0.path < $1.path }
    }
}
