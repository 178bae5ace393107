import AssayCore
import OrderedCollections
import Testing
@testable import AssayData

@Suite struct UserEntityTests {
    /// A generated record as the JSON object the writers would produce.
    private static func object(_ record: RecordBuffer, columns: [String]) throws -> JSONValue {
        var object = JSONObject()
        try #require(record.fields.count == columns.count)
        for (column, field) in zip(columns, record.fields) {
            switch field.kind {
            case .null: object[column] = .null
            case .text: object[column] = .string(String(decoding: record.slice(field), as: UTF8.self))
            case .literal, .json:
                let text = String(decoding: record.slice(field), as: UTF8.self)
                object[column] = Int(text).map(JSONValue.integer) ?? Double(text).map(JSONValue.double) ?? .string(text)
            }
        }
        return .object(object)
    }

    private static func record(_ generator: UserEntity, _ index: Int) throws -> JSONValue {
        var record = RecordBuffer()
        var random = SeededRandom(seed: 0)
        try generator.generate(index: index, random: &random, into: &record)
        return try object(record, columns: generator.columns)
    }

    @Test func columns() {
        let generator = UserEntity(context: EntityContext(seed: 1, locale: .enUS))
        #expect(generator.columns == ["id", "name", "email", "phone", "street", "city", "postalCode", "country", "birthDate", "company"])
        #expect(UserEntity.entityName == "user")
    }

    @Test(arguments: LocalePack.identifiers)
    func tenThousandRecordsValidate(locale: String) throws {
        let context = EntityContext(seed: 2026, locale: try LocalePack.named(locale))
        let generator = UserEntity(context: context)
        let validator = JSONSchemaValidator(draft: .draft2020_12, assertFormats: true)
        let schema = UserEntity.schema
        var record = RecordBuffer()
        var random = SeededRandom(seed: 0)
        var failures = 0
        for index in 0..<10_000 {
            record.reset()
            try generator.generate(index: index, random: &random, into: &record)
            let value = try Self.object(record, columns: generator.columns)
            if !validator.isValid(value, against: schema) {
                failures += 1
                if failures < 4 { Issue.record("\(locale) record \(index) \(value): \(validator.validate(value, against: schema))") }
            }
        }
        #expect(failures == 0)
    }

    @Test func idsAreTheContextIds() throws {
        let context = EntityContext(seed: 77, locale: .frFR)
        let generator = UserEntity(context: context)
        for index in [0, 1, 2, 999, 123_456] {
            let value = try Self.record(generator, index)
            #expect(value["id"]?.stringValue == String(decoding: context.id(of: "user", index: index), as: UTF8.self))
        }
    }

    @Test func recordsArePureFunctionsOfTheIndexAndMatchThePersona() throws {
        for pack in LocalePack.all {
            let context = EntityContext(seed: 5, locale: pack)
            let generator = UserEntity(context: context)
            for index in [3, 0, 3, 41] {
                let value = try Self.record(generator, index)
                let again = try Self.record(UserEntity(context: context), index)
                #expect(again == value)
                let person = UserEntity.persona(index: index, context: context)
                #expect(value["name"]?.stringValue == person.fullName)
                #expect(value["email"]?.stringValue == person.email)
                #expect(value["phone"]?.stringValue == person.internationalPhone)
                #expect(value["street"]?.stringValue == person.street)
                #expect(value["city"]?.stringValue == person.city)
                #expect(value["postalCode"]?.stringValue == person.postalCode)
                #expect(value["country"]?.stringValue == pack.countryCode)
                #expect(value["birthDate"]?.stringValue == person.birthDate)
                #expect(value["company"]?.stringValue == person.company)
            }
        }
    }

    @Test func uniqueEmailsNeverRepeat() throws {
        var generator = UserEntity(context: EntityContext(seed: 8, locale: .enUS))
        generator.uniqueEmails = true
        var seen = Set<String>()
        var record = RecordBuffer()
        var random = SeededRandom(seed: 0)
        for index in 0..<20_000 {
            record.reset()
            try generator.generate(index: index, random: &random, into: &record)
            let email = String(decoding: record.slice(record.fields[2]), as: UTF8.self)
            #expect(seen.insert(email).inserted, "\(email) repeats")
            let local = email.split(separator: "@")[0]
            #expect(local.hasSuffix(String(index)))
        }
        // Without the option, a pool of 20,000 names does repeat addresses.
        generator.uniqueEmails = false
        var plain = Set<String>()
        for index in 0..<20_000 {
            record.reset()
            try generator.generate(index: index, random: &random, into: &record)
            plain.insert(String(decoding: record.slice(record.fields[2]), as: UTF8.self))
        }
        #expect(plain.count < 20_000)
    }
}
