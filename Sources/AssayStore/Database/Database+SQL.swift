public import FluentKit
import Foundation
public import SQLKit

extension Database {
    /// This database as an SQLKit database, for the statements Fluent's query builder cannot express.
    ///
    /// Every database a ``Store`` hands out (SQLite or PostgreSQL, in a transaction or not) is one.
    public func sql() throws(StoreError) -> any SQLDatabase {
        guard let sql = self as? any SQLDatabase else {
            throw StoreError(code: .notSQL, message: "the database \(type(of: self)) does not support SQL")
        }
        return sql
    }

    /// Which kind of database this is.
    public var backend: DatabaseBackend {
        (self as? any SQLDatabase)?.dialect.name == "sqlite" ? .sqlite : .postgres
    }
}

extension Database {
    /// Makes writers that number a project's children (spec versions, plans, suites, runs)
    /// take turns until this transaction ends, so each reads the number before it.
    ///
    /// PostgreSQL locks the project's row; SQLite's one connection already serialises them.
    func lockProjectForNumbering(_ projectID: UUID) async throws {
        guard backend == .postgres else { return }
        try await sql().raw("SELECT id FROM projects WHERE id = \(bind: projectID) FOR UPDATE").run()
    }
}
