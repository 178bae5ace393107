public import AssayCore

/// The `order` entity: a user's purchase of one to five distinct products of the dataset,
/// with exact amounts: each line's unit price is the product's price, and
/// `total = subtotal + shipping + tax` holds to the cent.
public struct OrderEntity: EntityGenerator {
    public static let entityName = "order"
    public static let summary = "Orders: a user, 1–5 product lines at catalog prices, subtotal + shipping + tax = total, status"

    public let columns = [
        "id", "userId", "items", "subtotal", "shipping", "tax", "total", "currency", "status", "createdAt",
    ]

    private let lookup: OrderLookup
    private let currency: [UInt8]

    public init(context: EntityContext) {
        lookup = OrderLookup(context: context)
        currency = Array(context.locale.currencyCode.utf8)
    }

    /// The total of order `index` in the dataset of `context`, in minor units of
    /// `context.locale.currencyCode`: exactly what the order's record says, recomputed
    /// without generating it.
    public static func total(index: Int, context: EntityContext) -> Int64 {
        OrderLookup(context: context).summary(index).total
    }

    /// Record `index` is a pure function of the dataset's seed and `index` (see
    /// ``ProductEntity/generate(index:random:into:)``).
    public func generate(index: Int, random _: inout SeededRandom, into record: inout RecordBuffer) throws(DataError) {
        let scale = lookup.market.minorDigits
        let products = lookup.products
        lookup.stream.writeID(index, into: &record)
        // At most 5 lines of under 260 bytes each (product names are under 60).
        let summary = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2_048) { buffer in
            var json = ByteCursor(buffer)
            json.put(byte: 0x5B)
            let summary = lookup.walk(index) { product, quantity, sketch in
                json.put(json.count == 1 ? "{\"productId\":\"" : ",{\"productId\":\"")
                products.stream.putID(product, to: &json)
                json.put("\",\"sku\":\"")
                products.putSKU(product, sketch, to: &json)
                json.put("\",\"name\":\"")
                products.putName(sketch, to: &json)
                json.put("\",\"quantity\":")
                json.put(decimal: quantity)
                json.put(",\"unitPrice\":")
                json.put(units: sketch.price, scale: scale)
                json.put(",\"lineTotal\":")
                json.put(units: sketch.price * Int64(quantity), scale: scale)
                json.put(byte: 0x7D)
            }
            json.put(byte: 0x5D)
            lookup.users.writeID(summary.user, into: &record)
            record.rawJSON(json.written)
            return summary
        }

        record.decimal(units: summary.subtotal, scale: scale)
        record.decimal(units: summary.shipping, scale: scale)
        record.decimal(units: summary.tax, scale: scale)
        record.decimal(units: summary.total, scale: scale)
        record.text(currency)
        record.beginText()
        summary.status.name.withUTF8Buffer { record.appendText($0) }
        record.endText()
        record.dateTime(summary.createdAt)
    }

    public static var schema: JSONValue {
        let money: JSONValue = ["type": "number", "minimum": 0]
        return [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Order",
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
                            "sku": ["type": "string", "pattern": "^[A-Z]{3}-[0-9]{5,}-[A-Z]{3}$"],
                            "name": ["type": "string", "minLength": 1],
                            "quantity": ["type": "integer", "minimum": 1, "maximum": 5],
                            "unitPrice": ["type": "number", "exclusiveMinimum": 0],
                            "lineTotal": ["type": "number", "exclusiveMinimum": 0],
                        ],
                        "required": ["productId", "sku", "name", "quantity", "unitPrice", "lineTotal"],
                        "additionalProperties": false,
                    ],
                ],
                "subtotal": ["type": "number", "exclusiveMinimum": 0],
                "shipping": money,
                "tax": money,
                "total": ["type": "number", "exclusiveMinimum": 0],
                "currency": ["type": "string", "pattern": "^[A-Z]{3}$"],
                "status": ["type": "string", "enum": .array(OrderLookup.Status.allCases.map { .string($0.name.description) })],
                "createdAt": ["type": "string", "format": "date-time"],
            ],
            "required": [
                "id", "userId", "items", "subtotal", "shipping", "tax", "total", "currency", "status", "createdAt",
            ],
            "additionalProperties": false,
        ]
    }
}
