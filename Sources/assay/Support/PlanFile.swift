import AssayGen
import Foundation

/// Plans read from disk by the commands that take one (`generate --since`, `run`).
enum PlanFile {
    /// The plan at `path`: a plan.json, or a directory holding one (an `assay generate`
    /// output). An unreadable or malformed plan is printed, naming `purpose` (the option
    /// or argument that gave it), and exits 2.
    static func read(_ path: String, purpose: String) throws -> TestPlan {
        var isDirectory: ObjCBool = false
        var file = path
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            file = (path as NSString).appendingPathComponent("plan.json")
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            FileHandle.standardError.write(Data("error: \(purpose): cannot read \(file)\n".utf8))
            throw ExitStatus.unusable
        }
        do {
            return try TestPlan(jsonBytes: Array(data))
        } catch {
            FileHandle.standardError.write(Data("error: \(purpose) \(file): \(error)\n".utf8))
            throw ExitStatus.unusable
        }
    }
}
