public import AssayCore

/// The `review` entity: a user's star rating and short review of a product of the
/// dataset, written after the product was listed, its words matching its stars.
public struct ReviewEntity: EntityGenerator {
    public static let entityName = "review"
    public static let summary = "Product reviews: a product and a user of the dataset, 1–5 stars (mostly high), title and text matching the rating"

    public let columns = ["id", "productId", "userId", "rating", "title", "body", "helpfulVotes", "createdAt"]

    private let reviews: EntityStream
    private let users: EntityStream
    private let products: ProductLookup
    private let titles = ReviewPhrases.titles
    private let tones = ReviewPhrases.tones

    public init(context: EntityContext) {
        reviews = EntityStream("review", context: context)
        users = EntityStream("user", context: context)
        products = ProductLookup(context: context)
    }

    /// Record `index` is a pure function of the dataset's seed and `index` (see
    /// ``ProductEntity/generate(index:random:into:)``).
    public func generate(index: Int, random _: inout SeededRandom, into record: inout RecordBuffer) throws(DataError) {
        var random = reviews.random(index)
        let product = products.stream.draw(&random)
        let user = users.draw(&random)
        let sketch = products.sketch(product)
        reviews.writeID(index, into: &record)
        products.stream.writeID(product, into: &record)
        users.writeID(user, into: &record)

        let rating = Self.rating(random.index(100))
        record.int(rating)
        record.text(random.pick(titles[rating - 1]))

        let tone = tones[ReviewPhrases.toneIndex(rating: rating)]
        let noun = products.categories[sketch.category].nouns[sketch.noun].lowercased
        record.beginText()
        for byte in random.pick(tone.openers) {
            if byte == 0x7E {
                record.appendText(noun)
            } else {
                record.appendText(byte: byte)
            }
        }
        let details = tone.details.count
        let detail = random.index(details)
        record.appendText(byte: 0x20)
        record.appendText(tone.details[detail])
        if random.chance(0.4) {
            // A second, different detail.
            record.appendText(byte: 0x20)
            record.appendText(tone.details[(detail + 1 + random.index(details - 1)) % details])
        }
        record.appendText(byte: 0x20)
        record.appendText(random.pick(tone.closers))
        record.endText()

        record.int(random.chance(0.55) ? 0 : 1 + min(random.index(60), random.index(60)))
        // Reviewed at least a day after the product was listed.
        let earliest = sketch.createdAt + EntityClock.day
        let latest = EntityClock.reference - EntityClock.hour
        record.dateTime(earliest + Int64(random.below(UInt64(latest - earliest) + 1)))
    }

    /// Star ratings lean high, with a bump of unhappy one-star reviews.
    private static func rating(_ percent: Int) -> Int {
        switch percent {
        case ..<12: return 1
        case ..<19: return 2
        case ..<30: return 3
        case ..<54: return 4
        default: return 5
        }
    }

    public static var schema: JSONValue {
        [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Review",
            "type": "object",
            "properties": [
                "id": ["type": "string", "format": "uuid"],
                "productId": ["type": "string", "format": "uuid"],
                "userId": ["type": "string", "format": "uuid"],
                "rating": ["type": "integer", "minimum": 1, "maximum": 5],
                "title": ["type": "string", "minLength": 1, "maxLength": 120],
                "body": ["type": "string", "minLength": 1, "maxLength": 1_000],
                "helpfulVotes": ["type": "integer", "minimum": 0],
                "createdAt": ["type": "string", "format": "date-time"],
            ],
            "required": ["id", "productId", "userId", "rating", "title", "body", "helpfulVotes", "createdAt"],
            "additionalProperties": false,
        ]
    }
}
