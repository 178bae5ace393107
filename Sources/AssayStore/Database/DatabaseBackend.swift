/// The kind of database behind a ``Store``, for the few statements whose SQL differs.
public enum DatabaseBackend: String, Sendable, Hashable, CaseIterable {
    /// The embedded SQLite file: one connection, so one writer at a time.
    case sqlite
    /// A PostgreSQL server: a pool of connections; the queue claims with `FOR UPDATE SKIP LOCKED`.
    case postgres
}
