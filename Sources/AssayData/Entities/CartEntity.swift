public import AssayCore

/// The `cart` entity: a user's open shopping cart of one to five distinct products of
/// the dataset.
public struct CartEntity: EntityGenerator {
    public static let entityName = "cart"
    public static let summary = "Open shopping carts: a user and 1–5 distinct products with quantities, subtotal at current prices"

    public let columns = ["id", "userId", "items", "subtotal", "currency", "updatedAt"]

    private let carts: EntityStream
    private let users: EntityStream
    private let products: ProductLookup
    private let currency: [UInt8]

    public init(context: EntityContext) {
        carts = EntityStream("cart", context: context)
        users = EntityStream("user", context: context)
        products = ProductLookup(context: context)
        currency = Array(context.locale.currencyCode.utf8)
    }

    /// Record `index` is a pure function of the dataset's seed and `index` (see
    /// ``ProductEntity/generate(index:random:into:)``).
    public func generate(index: Int, random _: inout SeededRandom, into record: inout RecordBuffer) throws(DataError) {
        var random = carts.random(index)
        carts.writeID(index, into: &record)
        users.writeID(users.draw(&random), into: &record)
        let picks = ItemPicks(random: &random, productPool: products.stream.count)
        var subtotal: Int64 = 0
        // At most 5 items of about 70 bytes each.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 512) { buffer in
            var json = ByteCursor(buffer)
            json.put(byte: 0x5B)
            for slot in 0..<picks.count {
                let product = picks.product(slot)
                let quantity = picks.quantity(slot)
                json.put(slot == 0 ? "{\"productId\":\"" : ",{\"productId\":\"")
                products.stream.putID(product, to: &json)
                json.put("\",\"quantity\":")
                json.put(decimal: quantity)
                json.put(byte: 0x7D)
                subtotal += products.sketch(product).price * Int64(quantity)
            }
            json.put(byte: 0x5D)
            record.rawJSON(json.written)
        }
        record.decimal(units: subtotal, scale: products.market.minorDigits)
        record.text(currency)
        // Open carts were touched recently: within the last 30 days before the reference.
        record.dateTime(EntityClock.before(&random, latest: 30 * EntityClock.day, earliest: EntityClock.minute))
    }

    public static var schema: JSONValue {
        [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Cart",
            "type": "object",
            "properties": [
                "id": ["type": "string", "format": "uuid"],
                "userId": ["type": "string", "format": "uuid"],
                "items": [
                    "type": "array",
                    "minItems": 1,
                    "maxItems": .integer(ItemPicks.capacity),
                    "items": [
                        "type": "object",
                        "properties": [
                            "productId": ["type": "string", "format": "uuid"],
                            "quantity": ["type": "integer", "minimum": 1, "maximum": 5],
                        ],
                        "required": ["productId", "quantity"],
                        "additionalProperties": false,
                    ],
                ],
                "subtotal": ["type": "number", "exclusiveMinimum": 0],
                "currency": ["type": "string", "pattern": "^[A-Z]{3}$"],
                "updatedAt": ["type": "string", "format": "date-time"],
            ],
            "required": ["id", "userId", "items", "subtotal", "currency", "updatedAt"],
            "additionalProperties": false,
        ]
    }
}
