import Foundation
import OrderedCollections

/// A file an emitter produces: a path relative to the output directory and its text.
public struct EmittedFile: Sendable, Hashable {
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }

    /// Writes `files` under `directory` (created when missing), replacing files of the same name.
    /// - Throws: ``PlanError`` with code `io` naming the path that could not be written.
    public static func write(_ files: [EmittedFile], to directory: String) throws(PlanError) {
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw PlanError(.io, "cannot create the output directory \(directory): \(error.localizedDescription)")
        }
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file.path)
            let parent = (path as NSString).deletingLastPathComponent
            do {
                try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw PlanError(.io, "cannot write \(path): \(error.localizedDescription)")
            }
        }
    }

    /// Removes generated files under `directory` that `files` no longer has: a module for a
    /// suite whose operations are all gone would otherwise keep running stale tests. Only
    /// files named `test_*.py` whose text holds `marker` (the emitter's "generated" line)
    /// are touched, so hand-written tests beside them are safe.
    /// - Returns: the names removed.
    @discardableResult
    public static func removeStale(in directory: String, keeping files: [EmittedFile], marker: String) -> [String] {
        let kept = Set(files.map(\.path))
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var removed: [String] = []
        for name in names.sorted() where name.hasPrefix("test_") && name.hasSuffix(".py") && !kept.contains(name) {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path), String(decoding: data, as: UTF8.self).contains(marker) else { continue }
            if (try? FileManager.default.removeItem(atPath: path)) != nil { removed.append(name) }
        }
        return removed
    }
}
