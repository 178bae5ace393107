public import AssayCore

/// The `payment` entity: what was paid for an order of the dataset, for exactly the
/// order's total.
///
/// Payment `i` pays order `i` while there are orders, so a dataset with as many payments
/// as orders pays each once; further payments are declined attempts on drawn orders.
public struct PaymentEntity: EntityGenerator {
    public static let entityName = "payment"
    public static let summary = "Payments: the order paid, its exact total, method (card, wallet, bank transfer), status"

    public let columns = ["id", "orderId", "amount", "currency", "method", "status", "cardBrand", "cardLast4", "createdAt"]

    private static let methods: [StaticString] = ["card", "paypal", "apple_pay", "google_pay", "bank_transfer"]
    private static let statuses: [StaticString] = ["pending", "succeeded", "failed", "refunded"]
    private static let brands: [StaticString] = ["visa", "mastercard", "amex"]

    private let payments: EntityStream
    private let orders: OrderLookup
    private let currency: [UInt8]

    public init(context: EntityContext) {
        payments = EntityStream("payment", context: context)
        orders = OrderLookup(context: context)
        currency = Array(context.locale.currencyCode.utf8)
    }

    /// The index of the order payment `index` pays in the dataset of `context`.
    public static func orderIndex(ofPayment index: Int, context: EntityContext) -> Int {
        var random = EntityStream("payment", context: context).random(index)
        return orderIndex(index, random: &random, orderCount: context.count(of: "order"))
    }

    private static func orderIndex(_ index: Int, random: inout SeededRandom, orderCount: Int) -> Int {
        // The draw is made either way so the rest of the record does not depend on the pool.
        let drawn = random.index(orderCount)
        return index < orderCount ? index : drawn
    }

    /// Record `index` is a pure function of the dataset's seed and `index` (see
    /// ``ProductEntity/generate(index:random:into:)``).
    public func generate(index: Int, random _: inout SeededRandom, into record: inout RecordBuffer) throws(DataError) {
        var random = payments.random(index)
        let order = Self.orderIndex(index, random: &random, orderCount: orders.stream.count)
        let summary = orders.summary(order)
        payments.writeID(index, into: &record)
        orders.stream.writeID(order, into: &record)
        record.decimal(units: summary.total, scale: orders.market.minorDigits)
        record.text(currency)

        let method = Self.method(random.index(100))
        Self.appendWord(Self.methods[method], to: &record)
        Self.appendWord(Self.statuses[Self.status(retry: index != order, of: summary, random: &random)], to: &record)
        if method == 0 {
            let brand = random.index(100)
            Self.appendWord(Self.brands[brand < 55 ? 0 : brand < 90 ? 1 : 2], to: &record)
            record.beginText()
            record.appendDigits(random.index(10_000), width: 4)
            record.endText()
        } else {
            record.null()
            record.null()
        }
        // Cards and wallets settle within minutes; a bank transfer can take a day.
        let delay =
            method == 4
            ? EntityClock.hour + Int64(random.below(UInt64(23 * EntityClock.hour)))
            : 5 + Int64(random.below(UInt64(30 * EntityClock.minute)))
        record.dateTime(summary.createdAt + delay)
    }

    public static var schema: JSONValue {
        [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Payment",
            "type": "object",
            "properties": [
                "id": ["type": "string", "format": "uuid"],
                "orderId": ["type": "string", "format": "uuid"],
                "amount": ["type": "number", "exclusiveMinimum": 0],
                "currency": ["type": "string", "pattern": "^[A-Z]{3}$"],
                "method": ["type": "string", "enum": .array(methods.map { .string($0.description) })],
                "status": ["type": "string", "enum": .array(statuses.map { .string($0.description) })],
                "cardBrand": ["enum": .array(brands.map { .string($0.description) } + [.null])],
                "cardLast4": ["type": ["string", "null"], "pattern": "^[0-9]{4}$"],
                "createdAt": ["type": "string", "format": "date-time"],
            ],
            "required": ["id", "orderId", "amount", "currency", "method", "status", "cardBrand", "cardLast4", "createdAt"],
            "additionalProperties": false,
            // A card payment names the card; no other payment does.
            "if": ["properties": ["method": ["const": "card"]]],
            "then": ["properties": ["cardBrand": ["type": "string"], "cardLast4": ["type": "string"]]],
            "else": ["properties": ["cardBrand": ["type": "null"], "cardLast4": ["type": "null"]]],
        ]
    }

    private static func appendWord(_ word: StaticString, to record: inout RecordBuffer) {
        record.beginText()
        word.withUTF8Buffer { record.appendText($0) }
        record.endText()
    }

    private static func method(_ percent: Int) -> Int {
        switch percent {
        case ..<62: return 0
        case ..<80: return 1
        case ..<88: return 2
        case ..<93: return 3
        default: return 4
        }
    }

    /// The payment's status follows its order's: an order still `placed` awaits its payment,
    /// a cancelled one was refunded or never paid. Payments beyond the order count are
    /// declined retries.
    private static func status(retry: Bool, of order: OrderLookup.Summary, random: inout SeededRandom) -> Int {
        let roll = random.index(100)
        if retry { return 2 }
        switch order.status {
        case .placed: return 0
        case .paid, .shipped, .delivered: return 1
        case .cancelled: return roll < 70 ? 3 : 2
        }
    }
}
