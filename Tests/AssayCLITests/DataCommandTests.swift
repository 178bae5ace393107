import Foundation
import Testing

/// End-to-end tests of `assay data`, driving the built binary.
struct DataCommandTests {
    /// A fresh directory for output files, removed afterwards.
    static func withDirectory<T>(_ body: (URL) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("assay-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try body(directory)
    }

    static func lines(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").compactMap { line in
            try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        }
    }

    @Test func sameSeedSameBytesDifferentSeedDifferentBytes() throws {
        for entity in ["user", "order", "review"] {
            let first = try AssayBinary.run(["data", entity, "--count", "300", "--seed", "5", "--locale", "de_DE"])
            let second = try AssayBinary.run(["data", entity, "--count", "300", "--seed", "5", "--locale", "de_DE"])
            let other = try AssayBinary.run(["data", entity, "--count", "300", "--seed", "6", "--locale", "de_DE"])
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout == second.stdout)
            #expect(first.stdout != other.stdout)
            #expect(Self.lines(first.stdout).count == 300)
        }
        let schema = try AssayBinary.run(["data", "--spec", "examples/petstore.yaml", "--component", "Pet", "--count", "50", "--seed", "9"])
        let again = try AssayBinary.run(["data", "--spec", "examples/petstore.yaml", "--component", "Pet", "--count", "50", "--seed", "9"])
        #expect(schema.status == 0, "\(schema.stderr)")
        #expect(schema.stdout == again.stdout)
    }

    @Test func userRecordsHaveTheTenFields() throws {
        let output = try AssayBinary.run(["data", "user", "--count", "20", "--locale", "ja_JP"])
        #expect(output.status == 0, "\(output.stderr)")
        let records = Self.lines(output.stdout)
        #expect(records.count == 20)
        let expected: Set<String> = ["id", "name", "email", "phone", "street", "city", "postalCode", "country", "birthDate", "company"]
        #expect(records.allSatisfy { Set($0.keys) == expected })
        #expect(records.allSatisfy { ($0["country"] as? String) == "JP" })
    }

    @Test func formatsAndFiles() throws {
        try Self.withDirectory { directory in
            let csv = directory.appendingPathComponent("products.csv").path
            let written = try AssayBinary.run(["data", "product", "--count", "25", "--format", "csv", "--out", csv])
            #expect(written.status == 0, "\(written.stderr)")
            let text = try String(contentsOfFile: csv, encoding: .utf8)
            let rows = text.split(whereSeparator: \.isNewline)
            #expect(rows.count == 26)
            #expect(rows.first?.hasPrefix("id,") == true)

            let json = try AssayBinary.run(["data", "payment", "--count", "7", "--format", "json"])
            let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
            #expect(array.count == 7)
            let empty = try AssayBinary.run(["data", "cart", "--count", "0", "--format", "json"])
            #expect(try JSONSerialization.jsonObject(with: Data(empty.stdout.utf8)) as? [Any] != nil)
        }
    }

    @Test func datasetKeepsReferencesInside() throws {
        try Self.withDirectory { directory in
            let output = try AssayBinary.run([
                "data", "--dataset", "user=30,product=20,order=40,payment=40,review=50", "--out", directory.path, "--seed", "3",
            ])
            #expect(output.status == 0, "\(output.stderr)")
            func read(_ entity: String) throws -> [[String: Any]] {
                Self.lines(try String(contentsOf: directory.appendingPathComponent("\(entity).ndjson"), encoding: .utf8))
            }
            let users = Set(try read("user").compactMap { $0["id"] as? String })
            let products = try read("product")
            let productIDs = Set(products.compactMap { $0["id"] as? String })
            let orders = try read("order")
            #expect(users.count == 30 && productIDs.count == 20 && orders.count == 40)
            #expect(orders.allSatisfy { users.contains($0["userId"] as? String ?? "") })
            for order in orders {
                let items = order["items"] as? [[String: Any]] ?? []
                #expect(!items.isEmpty)
                #expect(items.allSatisfy { productIDs.contains($0["productId"] as? String ?? "") })
            }
            let totals = Dictionary(uniqueKeysWithValues: orders.map { ($0["id"] as! String, "\($0["total"]!)") })
            for payment in try read("payment") {
                let order = payment["orderId"] as? String ?? ""
                #expect(totals[order] == "\(payment["amount"]!)", "payment \(payment) does not pay its order's total")
            }
            for review in try read("review") {
                #expect(productIDs.contains(review["productId"] as? String ?? ""))
                #expect(users.contains(review["userId"] as? String ?? ""))
                #expect((1...5).contains(review["rating"] as? Int ?? 0))
            }
        }
    }

    @Test func uniqueFieldsAtScale() throws {
        let output = try AssayBinary.run(["data", "user", "--count", "200000", "--unique", "email", "--seed", "4"])
        #expect(output.status == 0, "\(output.stderr)")
        var emails = Set<Substring>()
        var lines = 0
        for line in output.stdout.split(separator: "\n") {
            lines += 1
            guard let start = line.range(of: "\"email\":\"")?.upperBound, let end = line[start...].firstIndex(of: "\"") else { continue }
            emails.insert(line[start..<end])
        }
        #expect(lines == 200_000)
        #expect(emails.count == 200_000)
    }

    @Test func schemaFilesWithUniqueValues() throws {
        try Self.withDirectory { directory in
            let schema = directory.appendingPathComponent("customer.json")
            try Data(
                #"{"type": "object", "required": ["id", "email"], "properties": {"id": {"type": "integer", "minimum": 1}, "email": {"type": "string", "format": "email"}, "tags": {"type": "array", "items": {"type": "string", "enum": ["a", "b"]}, "uniqueItems": true}}}"#
                    .utf8
            ).write(to: schema)
            let output = try AssayBinary.run(["data", "--schema", schema.path, "--count", "500", "--unique", "id", "--unique", "email"])
            #expect(output.status == 0, "\(output.stderr)")
            let records = Self.lines(output.stdout)
            #expect(records.count == 500)
            #expect(Set(records.compactMap { $0["id"] as? Int }).count == 500)
            #expect(Set(records.compactMap { $0["email"] as? String }).count == 500)
        }
    }

    @Test func badInputIsRefusedClearly() throws {
        let unknown = try AssayBinary.run(["data", "spaceship"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("spaceship") && unknown.stderr.contains("user") && unknown.stderr.contains("review"))

        let locale = try AssayBinary.run(["data", "user", "--locale", "xx_YY"])
        #expect(locale.status == 2)
        #expect(locale.stderr.contains("xx_YY") && locale.stderr.contains("de_DE"))

        try Self.withDirectory { directory in
            let schema = directory.appendingPathComponent("impossible.yaml")
            try Data("type: object\nrequired: [code]\nproperties:\n  code: {type: string, minLength: 10, maxLength: 3}\n".utf8).write(to: schema)
            let output = try AssayBinary.run(["data", "--schema", schema.path])
            #expect(output.status == 2)
            #expect(output.stderr.contains("minLength") && output.stderr.contains("maxLength"), "\(output.stderr)")
        }

        let component = try AssayBinary.run(["data", "--spec", "examples/petstore.yaml", "--component", "Spaceship"])
        #expect(component.status == 2)
        #expect(component.stderr.contains("Spaceship") && component.stderr.contains("Pet"))

        let unwritable = try AssayBinary.run(["data", "user", "--out", "/proc/assay-cannot-write-here/x.ndjson"])
        #expect(unwritable.status == 2)
        #expect(unwritable.stderr.contains("/proc/assay-cannot-write-here/x.ndjson"))
    }

    @Test func listShowsEntitiesWithTheirSchemas() throws {
        let text = try AssayBinary.run(["data", "--list"])
        #expect(text.status == 0)
        for entity in ["user", "product", "cart", "order", "payment", "review"] {
            #expect(text.stdout.contains("\n\(entity) — "), "\(entity) missing from --list")
        }
        let json = try AssayBinary.run(["data", "--list", "--format", "json"])
        let catalog = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: [String: Any]])
        #expect(catalog.count == 6)
        #expect((catalog["order"]?["schema"] as? [String: Any])?["properties"] != nil)
    }
}
