import ArgumentParser
import AssayCore
import AssayGen
import AssayRun
import Foundation

/// `assay run`: executes a test plan against a live API and reports every case.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a test plan (plan.json, or a generated package holding one) against an API.",
        discussion: """
            Each case runs its steps in order, values captured from one response feeding the \
            next; every response is checked as the emitted pytest checks it (status, media \
            type, response schema, headers, latency, values read back), so a plan gives the \
            same pass or fail natively and under pytest.

            Credentials come from the environment variables the plan's credential table names \
            (the same as the pytest package's conftest.py: ASSAY_AUTH_<SCHEME>…); OAuth2 \
            client-credentials tokens are fetched and refreshed during the run.

            Safety: a target on a loopback, private or link-local address is refused unless \
            --allow-private is given (for testing a local API or Assay's mock); redirects are \
            never followed; responses are cut at --max-response-bytes.

            Failed and flaky cases become findings: one per check, operation and cause, most \
            severe first, each with a curl command and a standalone pytest reproduction (in the \
            JSON and HTML reports). --list-checks shows the checks; --checks and \
            --exclude-checks choose which report.

            Exit codes: 0 no finding; 1 findings; 2 unusable input (unreadable plan, bad \
            option, refused or unreachable target).

            Given an API description instead of a plan, run plans it in memory first (enhanced \
            by default; --strategy, --seed and --kinds as in assay generate) and runs that plan: \
            one command from a description to findings. Generating a plan with assay generate \
            keeps it, to commit, review or run again.

            Examples:
              assay run tests/api --base-url https://staging.example.com/v1
              assay run openapi.yaml --base-url http://127.0.0.1:8080 --allow-private --seed 7
              assay run plan/plan.json --base-url http://127.0.0.1:8080 --allow-private --workers 4 --junit report.xml
            """
    )

    @Argument(
        help: ArgumentHelp(
            "The plan: a plan.json, a directory holding one (an `assay generate` output), or an API description (a file or an http(s) URL).",
            discussion: "A description is planned in memory first, as `assay generate --format plan` would (--strategy, --seed, --kinds)."
        ))
    var plan: String = ""

    @Option(help: "With a description: standard or enhanced (every case kind).")
    var strategy: GenerateCommand.Strategy = .enhanced

    @Option(help: "With a description: the seed of every generated value.")
    var seed: UInt64 = 1

    @Option(help: "With a description: only these case kinds, comma-separated (positive, validation, error, flow, performance).")
    var kinds: String?

    @Option(help: "With a description: the latency budget of performance cases, in milliseconds.")
    var latencyBudget: Int = 500

    @Option(
        help: ArgumentHelp(
            "With a description: plan and run the suite this many times, with seeds --seed, --seed + 1, and so on.",
            discussion: "Each round is planned while the one before it runs; one report covers them all, each case id ending in @SEED."
        ))
    var rounds: Int = 1

    @Option(help: "The API's base URL (default: ASSAY_BASE_URL, else the description's first server).")
    var baseURL: String?

    @Option(help: "How many cases run at once.")
    var workers: Int = 1

    @Option(help: "Seconds each request may take.")
    var timeout: Double = 30

    @Option(help: "At most this many requests per second.")
    var rateLimit: Double?

    @Option(help: "How many times a failed case is run again (one that then passes is reported flaky).")
    var retries: Int = 1

    @Option(name: .customLong("header"), help: "A header for every request, 'Name: value' (repeatable).")
    var headers: [String] = []

    @Flag(help: "Allow a target on a loopback, private or link-local address.")
    var allowPrivate = false

    @Option(help: "Largest response body read, in bytes.")
    var maxResponseBytes: Int = 10 << 20

    @Option(help: "Only these checks report findings, comma-separated (see --list-checks).")
    var checks: String?

    @Option(help: "These checks report no findings, comma-separated.")
    var excludeChecks: String?

    @Flag(help: "List the checks with what each finds, and exit.")
    var listChecks = false

    @Option(help: "Write the JSON report (cases, findings with curl and pytest reproductions) to this file.")
    var json: String?

    @Option(help: "Write a self-contained HTML report to this file.")
    var html: String?

    @Option(help: "Write a JUnit XML report to this file.")
    var junit: String?

    @Flag(help: "No progress bar; only the summary and the failures.")
    var quiet = false

    func validate() throws {
        guard workers >= 1 && workers <= 256 else { throw ValidationError("--workers must be between 1 and 256") }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        guard retries >= 0 && retries <= 10 else { throw ValidationError("--retries must be between 0 and 10") }
        if let rateLimit, rateLimit <= 0 { throw ValidationError("--rate-limit must be positive") }
        guard maxResponseBytes > 0 else { throw ValidationError("--max-response-bytes must be positive") }
        _ = try parsedHeaders()
        _ = try selectedChecks()
        _ = try GenerateCommand.parseKinds(kinds)
        guard latencyBudget > 0 else { throw ValidationError("--latency-budget must be positive") }
        guard rounds >= 1 && rounds <= 10_000 else { throw ValidationError("--rounds must be between 1 and 10000") }
        guard UInt64.max - seed >= UInt64(rounds - 1) else { throw ValidationError("--seed + --rounds passes the largest seed") }
        if plan.isEmpty && !listChecks { throw ValidationError("give the plan to run: a plan.json, a directory holding one, or an API description") }
    }

    /// The checks that report findings: `--checks` (default all) less `--exclude-checks`.
    func selectedChecks() throws -> Set<FindingCheck> {
        func parse(_ text: String, option: String) throws -> Set<FindingCheck> {
            var result: Set<FindingCheck> = []
            for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
                guard let check = FindingCheck(rawValue: name) else {
                    throw ValidationError("unknown check '\(name)' in \(option); the checks are \(FindingCheck.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                result.insert(check)
            }
            return result
        }
        var selected = try checks.map { try parse($0, option: "--checks") } ?? Set(FindingCheck.allCases)
        if let excludeChecks { selected.subtract(try parse(excludeChecks, option: "--exclude-checks")) }
        return selected
    }

    /// The plan to run: read from disk, or planned from the description given instead (with
    /// several rounds, the first; the others are planned while the run goes on).
    func testPlans() async throws -> (first: TestPlan, rounds: RoundPlanner?) {
        guard PlanFile.isDescription(plan) else {
            guard rounds == 1 else {
                throw ValidationError("--rounds needs an API description: a plan holds the cases of one seed")
            }
            return (try PlanFile.read(plan, purpose: "plan"), nil)
        }
        // A description behind a private URL is fetched when the target may be private too.
        var options = LoadOptions()
        options.fetch.allowPrivateAddresses = allowPrivate
        let model = try await SpecLoadingOptions.model(of: plan, options: options)
        let planner = RoundPlanner(
            model: model,
            options: PlannerOptions(strategy: strategy.kind, kinds: try GenerateCommand.parseKinds(kinds), seed: seed, latencyBudgetMilliseconds: latencyBudget),
            rounds: rounds
        )
        return (planner.first, planner)
    }

    func parsedHeaders() throws -> [WireHeader] {
        try headers.map { text in
            guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else {
                throw ValidationError("--header '\(text)' is not 'Name: value'")
            }
            return WireHeader(String(text[..<colon]).trimmingCharacters(in: .whitespaces), String(text[text.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }
    }

    func run() async throws {
        if listChecks {
            let width = FindingCheck.allCases.map(\.rawValue.count).max() ?? 0
            let lines = FindingCheck.allCases.map { check in
                check.rawValue.padding(toLength: width + 2, withPad: " ", startingAt: 0) + check.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0) + check.summary
            }
            FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
            return
        }
        let (plan, planner) = try await testPlans()
        let environment = ProcessInfo.processInfo.environment
        guard let base = baseURL ?? environment["ASSAY_BASE_URL"].flatMap({ $0.isEmpty ? nil : $0 }) ?? plan.api.baseURL else {
            FileHandle.standardError.write(Data("error: the plan names no server; give --base-url\n".utf8))
            throw ExitStatus.unusable
        }
        let configuration = RunConfiguration(
            baseURL: base, timeoutSeconds: timeout, workers: workers, rateLimit: rateLimit, retries: retries,
            extraHeaders: try parsedHeaders(), environment: environment, allowPrivate: allowPrivate, maxResponseBytes: maxResponseBytes
        )
        // Until every round is planned, the total is an estimate: later rounds plan about as
        // many cases as the first.
        let estimate = plan.cases.count * rounds
        let progress = ProgressBar(total: estimate, label: "cases", enabled: !quiet)
        let report: RunReport
        do {
            report = try await PlanRunner(plan: plan, configuration: configuration).run(followedBy: planner?.later) { done, known, _ in
                progress.update(done, total: planner?.isFinished ?? true ? known : max(known, estimate))
            }
        } catch {
            planner?.cancel()
            progress.finish()
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            throw ExitStatus.unusable
        }
        progress.finish()
        // With several rounds, findings and reports are read against all of them.
        let whole = planner?.plan ?? plan
        let findings = Finding.findings(in: report, plan: whole, checks: try selectedChecks())
        do {
            if let json {
                let document = report.json(findings: findings, schemas: whole.schemas)
                try Data((JSONWriter(pretty: true).string(document) + "\n").utf8).write(to: URL(fileURLWithPath: json))
            }
            if let junit { try Data(report.junitXML.utf8).write(to: URL(fileURLWithPath: junit)) }
            if let html { try Data(report.html(findings: findings, schemas: whole.schemas).utf8).write(to: URL(fileURLWithPath: html)) }
        } catch {
            FileHandle.standardError.write(Data("error: cannot write the report: \(error.localizedDescription)\n".utf8))
            throw ExitStatus.unusable
        }
        var text = ""
        for finding in findings.prefix(40) {
            text += "\(finding.severity.rawValue.uppercased()) \(finding.check.rawValue) on \(finding.operation)"
            text += " (\(finding.caseIDs.count) case\(finding.caseIDs.count == 1 ? "" : "s")\(finding.flaky ? ", flaky" : "")): \(finding.message.prefix(400))\n"
        }
        if findings.count > 40 { text += "… and \(findings.count - 40) more findings in the JSON or HTML report\n" }
        text += report.summary + "; \(findings.count) finding\(findings.count == 1 ? "" : "s") against \(base)\n"
        FileHandle.standardOutput.write(Data(text.utf8))
        if !findings.isEmpty { throw ExitStatus.findings }
    }
}
