import AssayStore

/// Every job handler the service runs.
enum JobHandlers {
    static func all(_ dependencies: ServerDependencies) -> [any JobHandler] {
        []
    }
}
