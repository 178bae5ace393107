public import AssayCore

/// The `user` entity: a person of the dataset's locale whose fields agree (the email is
/// spelled from the name; postal code and phone area code belong to the city).
///
/// Record `k` draws from the user stream of the context (`context.random(entity: "user",
/// index: k)`), not from the `random` handed to `generate`, so any entity can recompute user
/// `k`'s details with ``persona(index:context:)`` without generating the others.
///
/// Every field is appended as pre-encoded bytes: no `String` is created per record.
public struct UserEntity: EntityGenerator {
    public static let entityName = "user"
    public static let summary = "People: name, email spelled from the name, phone, street address, birth date, employer"

    public let columns = ["id", "name", "email", "phone", "street", "city", "postalCode", "country", "birthDate", "company"]

    /// Whether emails carry a suffix spelled from the record index, making every address of
    /// the dataset distinct (without it, two users may share `maria.silva@example.com`).
    public var uniqueEmails: Bool = false

    private let stream: EntityStream
    private let data: LocaleData

    public init(context: EntityContext) {
        stream = EntityStream(Self.entityName, context: context)
        data = context.locale.data
    }

    /// User `index` of the dataset of `context` as a `Persona`: the name, email (without the
    /// `uniqueEmails` suffix), phone, address, birth date and company of its record, plus the
    /// fields the record leaves out (username, region, national phone format, …).
    public static func persona(index: Int, context: EntityContext) -> Persona {
        var random = context.random(entity: entityName, index: index)
        return Persona(locale: context.locale, random: &random)
    }

    public func generate(index: Int, random _: inout SeededRandom, into record: inout RecordBuffer) throws(DataError) {
        var random = stream.random(index)
        let draw = PersonaDraw(data: data, random: &random)
        stream.writeID(index, into: &record)
        let uniqueIndex = uniqueEmails ? index : nil
        // Spell the record's text on the stack, then append each field whole.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1_024) { buffer in
            var scratch = ScratchSink(buffer)
            data.writeFullName(draw, into: &scratch)
            record.text(scratch.bytes(from: 0))
            var start = scratch.count
            data.writeEmail(draw, uniqueIndex: uniqueIndex, into: &scratch)
            record.text(scratch.bytes(from: start))
            start = scratch.count
            data.writeE164(draw, into: &scratch)
            record.text(scratch.bytes(from: start))
            start = scratch.count
            data.writeStreetLine(draw, into: &scratch)
            record.text(scratch.bytes(from: start))
            record.text(data.utf8(data.cities[draw.city].name))
            start = scratch.count
            data.writePostalCode(draw, into: &scratch)
            record.text(scratch.bytes(from: start))
            record.text(data.utf8(data.countryCode))
            record.text(BirthDates.bytes(draw.birthDay))
            start = scratch.count
            data.writeCompany(draw, into: &scratch)
            record.text(scratch.bytes(from: start))
        }
    }

    public static var schema: JSONValue {
        [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "User",
            "type": "object",
            "properties": [
                "id": ["type": "string", "format": "uuid"],
                "name": ["type": "string", "minLength": 1],
                "email": ["type": "string", "format": "email", "maxLength": 254],
                "phone": ["type": "string", "pattern": "^\\+[1-9][0-9]{7,14}$"],
                "street": ["type": "string", "minLength": 1],
                "city": ["type": "string", "minLength": 1],
                "postalCode": ["type": "string", "pattern": "^[0-9A-Z][0-9A-Z -]{2,9}$"],
                "country": ["type": "string", "pattern": "^[A-Z]{2}$"],
                "birthDate": ["type": "string", "format": "date"],
                "company": ["type": "string", "minLength": 1],
            ],
            "required": ["id", "name", "email", "phone", "street", "city", "postalCode", "country", "birthDate", "company"],
            "additionalProperties": false,
        ]
    }
}
