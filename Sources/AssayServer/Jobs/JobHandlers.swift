import AssayStore

/// Every job handler the service runs, each timed and counted in the metrics.
enum JobHandlers {
    static func all(_ dependencies: ServerDependencies) -> [any JobHandler] {
        let handlers: [any JobHandler] = [
            SpecChangeHandler(dependencies: dependencies),
            GenerateHandler(dependencies: dependencies),
            RunPlanHandler(dependencies: dependencies),
        ]
        return handlers.map { MeasuredJobHandler(inner: $0, metrics: dependencies.metrics) }
    }
}

/// A handler that records each attempt's duration and outcome in the metrics.
struct MeasuredJobHandler: JobHandler {
    let inner: any JobHandler
    let metrics: ServerMetrics

    var kind: String { inner.kind }

    func run(_ job: ClaimedJob, context: JobContext) async throws -> String? {
        let started = ContinuousClock.now
        do {
            let result = try await inner.run(job, context: context)
            metrics.recordJob(kind: kind, outcome: "succeeded", duration: ContinuousClock.now - started)
            return result
        } catch {
            metrics.recordJob(kind: kind, outcome: "failed", duration: ContinuousClock.now - started)
            throw error
        }
    }
}
