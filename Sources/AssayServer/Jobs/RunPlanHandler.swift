import AssayCore
import AssayGen
import AssayMock
import AssayQuality
import AssayRun
import AssayStore
import Crypto
import Foundation
import Logging
import OrderedCollections

/// Runs ``RunPlanJob``s: runs a plan against the project's target, or against Assay's mock of
/// the plan's spec version when the project has none, and stores the run and its findings.
///
/// "Exactly once in effect": a job whose earlier attempt finished its run returns that run;
/// runs left `running` by an attempt that died are marked `abandoned` before a new one starts,
/// so each job ends with one finished run.
struct RunPlanHandler: JobHandler {
    let kind = RunPlanJob.kind
    let dependencies: ServerDependencies

    func run(_ job: ClaimedJob, context: JobContext) async throws -> String? {
        let request = try job.payload(RunPlanJob.self, what: "a run")
        let earlier = try await dependencies.runs.runs(ofJob: job.id)
        if let finished = earlier.first(where: { $0.status != "running" && $0.status != "abandoned" }) {
            return Self.result(finished, note: "finished by an earlier attempt")
        }
        for stale in earlier where stale.status == "running" {
            try await dependencies.runs.finish(stale.id, status: "abandoned", summary: #"{"reason":"its worker stopped before the run finished"}"#)
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
                    environment: [:], job: job)
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
        let run = try await dependencies.runs.start(projectID: project.id, target: targetLabel, planID: planID, jobID: job.id)
        let configuration = RunConfiguration(baseURL: baseURL, workers: 4, environment: environment, allowPrivate: allowPrivate)
        let report: RunReport
        do {
            report = try await PlanRunner(plan: plan, configuration: configuration).run()
        } catch {
            try await dependencies.runs.finish(run.id, status: "error", summary: JSONWriter().string(["error": .string("\(error)")]))
            throw JobError.transient("the run could not start: \(error)")
        }
        let findings = AssayRun.Finding.findings(in: report, plan: plan)
        try await dependencies.runs.addFindings(
            findings.map { finding in
                NewFinding(
                    operation: finding.operation, check: finding.check.rawValue, severity: finding.severity.rawValue,
                    message: finding.message, fingerprint: Self.fingerprint(finding))
            }, to: run.id)
        let summary: JSONValue = [
            "cases": .integer(report.results.count), "passed": .integer(report.passed), "failed": .integer(report.failed),
            "flaky": .integer(report.flaky), "findings": .integer(findings.count), "seconds": .double(report.seconds),
        ]
        let finished = try await dependencies.runs.finish(run.id, status: findings.isEmpty ? "passed" : "failed", summary: JSONWriter().string(summary))
        return Self.result(finished ?? run, note: nil)
    }

    /// Stable across runs: the check, the operation and the normalized cause.
    static func fingerprint(_ finding: AssayRun.Finding) -> String {
        let digest = SHA256.hash(data: Data("\(finding.check.rawValue)|\(finding.operation)|\(finding.cause)".utf8))
        return digest.prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    static func result(_ run: Run, note: String?) -> String {
        var object: JSONObject = ["run": .string(run.id.uuidString), "number": .integer(run.number), "status": .string(run.status)]
        if let note { object["note"] = .string(note) }
        return JSONWriter().string(.object(object))
    }
}
