/// The connection settings of a SQLite store, as SQLite reports them.
public struct SQLiteSettings: Sendable, Hashable {
    /// `wal` when write-ahead logging is on.
    public var journalMode: String
    /// How long a statement waits for a lock held by another process.
    public var busyTimeoutMilliseconds: Int
    /// Whether foreign keys are enforced.
    public var foreignKeys: Bool
}
