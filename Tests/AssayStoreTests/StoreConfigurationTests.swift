import AssayStore
import AssayTestSupport
import Testing

struct StoreConfigurationTests {
    @Test func parsesPostgresAndSQLiteAddresses() throws {
        #expect(
            try DatabaseLocation.parse("postgres://assay:secret@db.internal:5433/assay")
                == .postgres(url: "postgres://assay:secret@db.internal:5433/assay")
        )
        #expect(
            try DatabaseLocation.parse("postgresql://assay@localhost/assay?sslmode=disable")
                == .postgres(url: "postgresql://assay@localhost/assay?sslmode=disable")
        )
        #expect(try DatabaseLocation.parse("sqlite:///var/lib/assay/assay.sqlite") == .sqlite(path: "/var/lib/assay/assay.sqlite"))
        #expect(try DatabaseLocation.parse("sqlite:data/assay.sqlite") == .sqlite(path: "data/assay.sqlite"))
        #expect(try DatabaseLocation.parse("/tmp/x.sqlite") == .sqlite(path: "/tmp/x.sqlite"))
        #expect(DatabaseLocation.postgres(url: "postgres://u:pw@h/d").description == "postgres://u:***@h/d")
    }

    @Test(arguments: [
        ("", "empty"),
        ("postgres://db.internal/assay", "no user name"),
        ("postgres://assay@/assay", "no host"),
        ("postgres://assay@db.internal", "names no database"),
        ("postgres://assay@db.internal:99999/assay", "port"),
        ("postgres://assay:pw@db.internal:abc/assay", "the port 'abc' is not a number"),
        ("postgres://assay@db.internal/assay?sslmode=maybe", "sslmode=maybe"),
        ("mysql://assay@db/assay", "unsupported scheme 'mysql'"),
        ("sqlite://", "needs a file path"),
    ])
    func rejectsBadAddressesSayingWhy(address: String, reason: String) {
        do {
            _ = try DatabaseLocation.parse(address)
            Issue.record("'\(address)' was accepted")
        } catch {
            #expect(error.code == .invalidDatabaseURL)
            #expect(error.message.contains(reason), "\(error.message)")
            #expect(!error.message.contains(":pw@"), "the password is not echoed")
        }
    }

    @Test func environmentSelectsTheDatabaseOrDefaultsToSQLiteInTheDataDirectory() throws {
        let fallback = try StoreConfiguration.fromEnvironment([:], dataDirectory: "/srv/assay")
        #expect(fallback.location == .sqlite(path: "/srv/assay/assay.sqlite"))
        let empty = try StoreConfiguration.fromEnvironment(["ASSAY_DATABASE_URL": " "], dataDirectory: "/srv/assay")
        #expect(empty.location == .sqlite(path: "/srv/assay/assay.sqlite"))
        let postgres = try StoreConfiguration.fromEnvironment(["ASSAY_DATABASE_URL": "postgres://a:pw@h/d"], dataDirectory: "/srv/assay")
        #expect(postgres.location == .postgres(url: "postgres://a:pw@h/d"))
        do {
            _ = try StoreConfiguration.fromEnvironment(["ASSAY_DATABASE_URL": "postgres://a:pw@h"], dataDirectory: "/x")
            Issue.record("accepted a URL without a database")
        } catch {
            #expect(error.message.hasPrefix("ASSAY_DATABASE_URL: invalid database address"))
            #expect(!error.message.contains("pw"), "the password is not echoed")
        }
    }
}
