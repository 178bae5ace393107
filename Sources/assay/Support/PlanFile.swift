import AssayGen
import Foundation

/// Plans read from disk by the commands that take one (`generate --since`, `run`).
enum PlanFile {
    /// Whether `argument` names an API description rather than a plan: an http(s) URL, a
    /// YAML file, or a JSON file that is not a plan. A plan says so first thing (its
    /// writer puts `assayPlan` before any other member); a description's `openapi` or
    /// `swagger` member may come after kilobytes of others. A directory is a generated
    /// package, so a plan.
    static func isDescription(_ argument: String) -> Bool {
        let lowered = argument.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") { return true }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), !isDirectory.boolValue else { return false }
        if lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") { return true }
        guard let handle = FileHandle(forReadingAtPath: argument) else { return false }
        defer { try? handle.close() }
        let head = String(decoding: handle.readData(ofLength: 4096), as: UTF8.self)
        guard head.drop(while: \.isWhitespace).first == "{" else { return true }
        return !head.contains("\"assayPlan\"")
    }

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
