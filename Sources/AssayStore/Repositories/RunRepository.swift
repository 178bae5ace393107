public import FluentKit
import Foundation

/// Records runs, their findings and gate results.
public struct RunRepository: Sendable {
    /// The store the runs are in.
    public let store: Store

    /// Runs in `store`.
    public init(store: Store) {
        self.store = store
    }

    /// Records the start of a run as the project's next run number.
    public func start(
        projectID: UUID,
        target: String,
        planID: UUID? = nil,
        jobID: Int64? = nil,
        on database: (any Database)? = nil
    ) async throws -> Run {
        let work: @Sendable (any Database) async throws -> Run = { db in
            try await db.lockProjectForNumbering(projectID)
            let last = try await RunModel.query(on: db).filter(\.$project.$id == projectID).max(\.$number) ?? 0
            let model = RunModel()
            model.$project.id = projectID
            model.$plan.id = planID
            model.jobID = jobID
            model.number = last + 1
            model.target = target
            model.status = "running"
            model.startedAt = Date()
            try await model.create(on: db)
            return try Run(model)
        }
        if let database, database.inTransaction {
            return try await work(database)
        }
        return try await (database ?? store.db()).transaction(work)
    }

    /// The runs a job started, oldest first (more than one when an attempt died mid-run).
    public func runs(ofJob jobID: Int64, on database: (any Database)? = nil) async throws -> [Run] {
        try await RunModel.query(on: database ?? store.db()).filter(\.$jobID == jobID).sort(\.$number).all().map(Run.init)
    }

    /// Records how a run ended.
    ///
    /// - Parameter database: A transaction to join, or the store's database when `nil`.
    /// - Returns: The run, or `nil` when it does not exist.
    @discardableResult
    public func finish(_ id: UUID, status: String, summary: String? = nil, on database: (any Database)? = nil) async throws -> Run? {
        let db = try database ?? store.db()
        guard let model = try await RunModel.find(id, on: db) else { return nil }
        model.status = status
        model.summary = summary
        model.finishedAt = Date()
        try await model.save(on: db)
        return try Run(model)
    }

    /// The run with this id, if any.
    public func get(_ id: UUID) async throws -> Run? {
        try await RunModel.find(id, on: store.db()).map(Run.init)
    }

    /// The project's runs, newest first, a page at a time.
    public func list(projectID: UUID, after cursor: String? = nil, limit: Int = 50) async throws -> Page<Run> {
        guard (1...1000).contains(limit) else { throw StoreError.invalidArgument("the page size must be from 1 to 1000, not \(limit)") }
        let query = try RunModel.query(on: store.db()).filter(\.$project.$id == projectID).sort(\.$number, .descending).limit(limit + 1)
        if let cursor {
            guard let before = Int(cursor) else { throw StoreError.invalidArgument("'\(cursor)' is not a run cursor") }
            query.filter(\.$number < before)
        }
        let models = try await query.all()
        let runs = try models.prefix(limit).map(Run.init)
        return Page(items: runs, nextCursor: models.count > limit ? runs.last.map { String($0.number) } : nil)
    }

    /// Records findings of a run, in one transaction (the caller's, when `database` is in one).
    public func addFindings(_ findings: [NewFinding], to runID: UUID, on database: (any Database)? = nil) async throws {
        guard !findings.isEmpty else { return }
        let work: @Sendable (any Database) async throws -> Void = { db in
            for finding in findings {
                let model = FindingModel()
                model.$run.id = runID
                model.operation = finding.operation
                model.check = finding.check
                model.severity = finding.severity
                model.message = finding.message
                model.fingerprint = finding.fingerprint
                try await model.create(on: db)
            }
        }
        if let database, database.inTransaction {
            return try await work(database)
        }
        try await (database ?? store.db()).transaction(work)
    }

    /// The findings of a run, in the order recorded.
    public func findings(of runID: UUID) async throws -> [Finding] {
        try await FindingModel.query(on: store.db()).filter(\.$run.$id == runID).sort(\.$createdAt).sort(\.$id).all().map(Finding.init)
    }

    /// Records a gate verdict.
    public func recordGate(
        projectID: UUID,
        runID: UUID? = nil,
        stage: String,
        passed: Bool,
        score: Double? = nil,
        details: String? = nil
    ) async throws -> GateResult {
        let model = GateResultModel()
        model.$project.id = projectID
        model.$run.id = runID
        model.stage = stage
        model.passed = passed
        model.score = score
        model.details = details
        try await model.create(on: store.db())
        return try GateResult(model)
    }

    /// The project's gate results, newest first.
    public func gateResults(projectID: UUID, limit: Int = 50) async throws -> [GateResult] {
        guard (1...1000).contains(limit) else { throw StoreError.invalidArgument("the count must be from 1 to 1000, not \(limit)") }
        return try await GateResultModel.query(on: store.db()).filter(\.$project.$id == projectID).sort(\.$createdAt, .descending)
            .limit(limit).all().map(GateResult.init)
    }
}
