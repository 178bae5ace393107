import AssayCore
import AssayGen
import AssayMock
import AssayQuality
import AssayRun
import AssayStore
import Crypto
import FluentKit
import Foundation
import Logging
import OrderedCollections

/// Runs ``RunPlanJob``s: runs a plan against the project's target, or against Assay's mock of
/// the plan's spec version when the project has none, and stores the run and its findings.
///
/// "Exactly once in effect": a job whose earlier attempt finished its run (`passed` or
/// `failed`) returns that run; runs left `running` by an attempt that died or was stopped are
/// marked `abandoned` before a new one starts, so each job ends with one finished run. A run
/// that could not start ends `error` and the job is retried: it is not a finished run.
///
/// Every write to a job's runs is made while this attempt's claim holds the job
/// (``JobQueue/whileHolding(_:_:)``): an attempt that lost its lease (its worker stalled, the
/// job was rescued and claimed again) and runs on can neither start nor finish a run once
/// another attempt has taken over.
struct RunPlanHandler: JobHandler {
    let kind = RunPlanJob.kind
    let dependencies: ServerDependencies

    /// The statuses of a run that finished: one per job.
    static let finishedStatuses: Set<String> = ["passed", "failed"]

    func run(_ job: ClaimedJob, context: JobContext) async throws -> String? {
        let request = try job.payload(RunPlanJob.self, what: "a run")
        let earlier = try await dependencies.runs.runs(ofJob: job.id)
        if let finished = earlier.first(where: { Self.finishedStatuses.contains($0.status) }) {
            return Self.result(finished, note: "finished by an earlier attempt")
        }
        guard let project = try await dependencies.projects.get(request.projectID) else {
            throw JobError.permanent("project \(request.projectID) no longer exists")
        }
        guard let stored = try await dependencies.plans.get(request.planID, includeDeleted: true) else {
            throw JobError.permanent("plan \(request.planID) no longer exists")
        }
        let plan: TestPlan
        do {
            plan = try TestPlan(jsonBytes: Array(stored.content.utf8))
        } catch {
            throw JobError.permanent("plan \(stored.id) cannot be read: \(error)")
        }
        if let target = project.settings.targetURL {
            let allowPrivate = project.settings.allowPrivateTarget || dependencies.configuration.allowPrivateNetworks
            let host = URL(string: target)?.host?.lowercased() ?? target
            return try await dependencies.breaker.run("target:\(host)") {
                try await execute(
                    plan, planID: stored.id, project: project, baseURL: target, targetLabel: target, allowPrivate: allowPrivate,
                    environment: project.settings.targetCredentials, job: job)
            }
        }
        guard let versionID = stored.specVersionID, let content = try await dependencies.specs.content(of: versionID) else {
            throw JobError.permanent("the project has no target URL and the plan's description is not stored, so there is no mock to run against")
        }
        let model = try await SpecChangeHandler.load(content)
        let mock = MockServer(model: model, options: MockOptions(seed: project.settings.seed), port: 0)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let server = Task { try await mock.run { port in continuation.yield(port) } }
        defer { server.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw JobError.transient("the mock did not start") }
        // The mock accepts any credential of the schemes it declares; give the run one of each.
        let credentials = MutationAnalysis.credentialEnvironment(model: model, root: "http://127.0.0.1:\(port)")
        let result = try await execute(
            plan, planID: stored.id, project: project, baseURL: "http://127.0.0.1:\(port)\(mock.basePath)", targetLabel: "mock",
            allowPrivate: true, environment: credentials, job: job)
        server.cancel()
        _ = try? await server.value
        return result
    }

    private func execute(
        _ plan: TestPlan, planID: UUID, project: Project, baseURL: String, targetLabel: String, allowPrivate: Bool,
        environment: [String: String], job: ClaimedJob
    ) async throws -> String {
        let runs = dependencies.runs
        let run = try await holding(job) { db in
            // Earlier attempts are over (this claim holds the job): their runs will not finish.
            for stale in try await runs.runs(ofJob: job.id, on: db) where stale.status == "running" {
                try await runs.finish(stale.id, status: "abandoned", summary: #"{"reason":"its attempt stopped before the run finished"}"#, on: db)
            }
            return try await runs.start(projectID: project.id, target: targetLabel, planID: planID, jobID: job.id, on: db)
        }
        let configuration = RunConfiguration(baseURL: baseURL, workers: 4, environment: environment, allowPrivate: allowPrivate)
        let report: RunReport
        do {
            report = try await PlanRunner(plan: plan, configuration: configuration).run()
            // Stopped while the last requests were answered: their failures would be no finding.
            try Task.checkCancellation()
        } catch {
            if error is CancellationError || Task.isCancelled {
                // Shutdown or a lost lease: the run is unfinished. Marked here while the claim
                // still holds the job, else by the attempt that takes over.
                _ = try? await dependencies.queue.whileHolding(job) { db in
                    try await runs.finish(run.id, status: "abandoned", summary: #"{"reason":"its attempt was stopped"}"#, on: db)
                }
                throw error
            }
            let summary = JSONWriter().string(["error": .string("\(error)")])
            _ = try await dependencies.queue.whileHolding(job) { db in try await runs.finish(run.id, status: "error", summary: summary, on: db) }
            throw JobError.transient("the run could not start: \(error)")
        }
        let findings = AssayRun.Finding.findings(in: report, plan: plan)
        let newFindings = findings.map { finding in
            NewFinding(
                operation: finding.operation, check: finding.check.rawValue, severity: finding.severity.rawValue,
                message: finding.message, fingerprint: Self.fingerprint(finding))
        }
        let summary: JSONValue = [
            "cases": .integer(report.results.count), "passed": .integer(report.passed), "failed": .integer(report.failed),
            "flaky": .integer(report.flaky), "findings": .integer(findings.count), "seconds": .double(report.seconds),
        ]
        let summaryText = JSONWriter().string(summary)
        let status = findings.isEmpty ? "passed" : "failed"
        let finished = try await holding(job) { db in
            try await runs.addFindings(newFindings, to: run.id, on: db)
            return try await runs.finish(run.id, status: status, summary: summaryText, on: db)
        }
        return Self.result(finished ?? run, note: nil)
    }

    /// `work` in a transaction that commits only while this attempt's claim holds the job.
    private func holding<T: Sendable>(_ job: ClaimedJob, _ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let result = try await dependencies.queue.whileHolding(job, work) else {
            throw JobError.transient("this attempt lost the job's lease: another attempt owns the job now")
        }
        return result
    }

    /// Stable across runs: the check, the operation and the normalized cause.
    static func fingerprint(_ finding: AssayRun.Finding) -> String {
        let digest = SHA256.hash(data: Data("\(finding.check.rawValue)|\(finding.operation)|\(finding.cause)".utf8))
        return digest.prefix(16).hexString
    }

    static func result(_ run: Run, note: String?) -> String {
        var object: JSONObject = ["run": .string(run.id.uuidString), "number": .integer(run.number), "status": .string(run.status)]
        if let note { object["note"] = .string(note) }
        return JSONWriter().string(.object(object))
    }
}
