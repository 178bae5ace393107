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
}
