public import AssayCore

/// The `product` entity: a shop's catalog item with a unique SKU, a realistic name and a
/// shelf price in the locale's currency.
///
/// Everything other entities reuse (name, SKU, price, creation time) comes from
/// ``ProductLookup``, so an order line recomputes product `k` exactly as its record has it.
public struct ProductEntity: EntityGenerator {
    public static let entityName = "product"
    public static let summary = "Catalog items: unique SKU, name, category, shelf price in the locale's currency, stock, rating"

    public let columns = ["id", "sku", "name", "category", "price", "currency", "stock", "rating", "createdAt"]

    private let lookup: ProductLookup
    private let currency: [UInt8]

    public init(context: EntityContext) {
        lookup = ProductLookup(context: context)
        currency = Array(context.locale.currencyCode.utf8)
    }

    /// The price of product `index` in the dataset of `context`, in minor units of
    /// `context.locale.currencyCode` (cents; whole yen for JPY): exactly what the product's
    /// record says, recomputed without generating it.
    public static func price(index: Int, context: EntityContext) -> Int64 {
        ProductLookup(context: context).sketch(index).price
    }

    /// Record `index` is a pure function of the dataset's seed and `index`: it draws from
    /// the product stream of the context (what references recompute), not from `random`.
    public func generate(index: Int, random _: inout SeededRandom, into record: inout RecordBuffer) throws(DataError) {
        var random = lookup.stream.random(index)
        let sketch = lookup.sketch(random: &random)
        lookup.stream.writeID(index, into: &record)
        record.beginText()
        lookup.putSKU(index, sketch, to: &record)
        record.endText()
        record.beginText()
        lookup.putName(sketch, to: &record)
        record.endText()
        record.text(lookup.categories[sketch.category].name)
        record.decimal(units: sketch.price, scale: lookup.market.minorDigits)
        record.text(currency)

        // About one listing in twelve is sold out; the rest mostly hold a few dozen units.
        if random.chance(0.08) {
            record.int(0)
        } else {
            record.int(1 + min(random.index(400), random.index(400)))
        }
        // New listings have no rating yet; rated ones lean towards the top of the scale.
        if random.chance(0.1) {
            record.null()
        } else {
            record.decimal(units: Int64(25 + max(random.index(26), random.index(26))), scale: 1)
        }
        record.dateTime(sketch.createdAt)
    }

    public static var schema: JSONValue {
        [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Product",
            "type": "object",
            "properties": [
                "id": ["type": "string", "format": "uuid"],
                "sku": ["type": "string", "pattern": "^[A-Z]{3}-[0-9]{5,}-[A-Z]{3}$"],
                "name": ["type": "string", "minLength": 1],
                "category": ["type": "string", "enum": .array(ProductCategory.names.map { .string($0) })],
                "price": ["type": "number", "exclusiveMinimum": 0],
                "currency": ["type": "string", "pattern": "^[A-Z]{3}$"],
                "stock": ["type": "integer", "minimum": 0],
                "rating": ["type": ["number", "null"], "minimum": 1, "maximum": 5],
                "createdAt": ["type": "string", "format": "date-time"],
            ],
            "required": ["id", "sku", "name", "category", "price", "currency", "stock", "rating", "createdAt"],
            "additionalProperties": false,
        ]
    }
}
