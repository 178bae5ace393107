public import AssayCore

/// Checks a generated dataset as a whole: every `userId`, `productId` and `orderId`
/// names a record of the dataset, order lines carry their product's SKU, name and price,
/// amounts add up to the cent, payments pay their order's total, ratings are 1–5, and
/// nothing happens before what it depends on.
///
/// It reads the records as JSON (what a writer produced, parsed back), so it checks the
/// output itself rather than the generators' intent: what `assay data --check` and the
/// tests run.
public enum DatasetIntegrity {
    /// The violations of `records`, keyed by entity name (`order` or `orders`), each an
    /// array of records in generation order; empty when the dataset is consistent.
    /// Violations come in catalog order, then record order.
    public static func check(_ records: [String: [JSONValue]]) -> [DatasetViolation] {
        var byEntity = [String: [JSONValue]]()
        var checker = IntegrityChecker()
        for key in records.keys.sorted() {
            guard let position = EntityCatalog.position(of: key) else {
                checker.report(key, nil, .root, "not an entity of the catalog (known: \(EntityCatalog.names.joined(separator: ", ")))")
                continue
            }
            byEntity[EntityCatalog.all[position].entityName, default: []].append(contentsOf: records[key] ?? [])
        }
        checker.run(byEntity)
        return checker.violations
    }

    /// A JSON amount in hundredths of the currency unit, when it has at most two decimals.
    /// Parsed decimals are binary doubles, so "exactly two decimals" means within their
    /// rounding error of a whole number of hundredths.
    static func hundredths(_ value: JSONValue?) -> Int64? {
        switch value {
        case .integer(let whole)?:
            let (hundredths, overflow) = Int64(whole).multipliedReportingOverflow(by: 100)
            return overflow ? nil : hundredths
        case .double(let number)?:
            let scaled = number * 100
            let rounded = scaled.rounded()
            // Allows the rounding error of a parsed decimal, never a fraction of a hundredth.
            guard rounded.magnitude < 9e15, (scaled - rounded).magnitude <= max(1e-6, rounded.magnitude * 1e-13) else {
                return nil
            }
            return Int64(rounded)
        default:
            return nil
        }
    }

    /// Hundredths spelled as an amount: `1999` → `19.99`.
    static func spell(_ hundredths: Int64) -> String {
        var bytes = [UInt8]()
        RecordBuffer.appendFixedPoint(units: hundredths, scale: 2, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The state of one integrity check: the records indexed by id, and what was found.
private struct IntegrityChecker {
    struct Product {
        var price: Int64?
        var sku: String?
        var name: String?
        var currency: String?
        var createdAt: String?
    }

    struct Order {
        var total: Int64?
        var currency: String?
        var createdAt: String?
    }

    var violations: [DatasetViolation] = []
    private var users: [String: Int]?
    private var products: [String: Product]?
    private var orders: [String: Order]?
    /// Entity pairs already reported as "references X, but the dataset has no X".
    private var reportedAbsent: [String] = []

    mutating func report(_ entity: String, _ index: Int?, _ pointer: JSONPointer, _ message: String) {
        violations.append(DatasetViolation(entity: entity, index: index, pointer: pointer, message: message))
    }

    mutating func run(_ records: [String: [JSONValue]]) {
        if let list = records["user"] {
            users = index(list, entity: "user") { _ in 0 }
        }
        if let list = records["product"] {
            products = index(list, entity: "product") { record in
                Product(
                    price: DatasetIntegrity.hundredths(record["price"]),
                    sku: record["sku"]?.stringValue,
                    name: record["name"]?.stringValue,
                    currency: record["currency"]?.stringValue,
                    createdAt: record["createdAt"]?.stringValue
                )
            }
            for (position, record) in list.enumerated() {
                if let price = DatasetIntegrity.hundredths(record["price"]), price <= 0 {
                    report("product", position, JSONPointer(tokens: ["price"]), "price \(DatasetIntegrity.spell(price)) is not positive")
                }
            }
        }
        if let list = records["order"] {
            orders = index(list, entity: "order") { record in
                Order(
                    total: DatasetIntegrity.hundredths(record["total"]),
                    currency: record["currency"]?.stringValue,
                    createdAt: record["createdAt"]?.stringValue
                )
            }
        }
        if let list = records["cart"] { checkCarts(list) }
        if let list = records["order"] { checkOrders(list) }
        if let list = records["payment"] { checkPayments(list) }
        if let list = records["review"] { checkReviews(list) }
        // Sorted with the found order as the last key, so the order is the same every run.
        violations = violations.enumerated().sorted { lhs, rhs in
            let left = EntityCatalog.position(of: lhs.element.entity) ?? -1
            let right = EntityCatalog.position(of: rhs.element.entity) ?? -1
            if left != right { return left < right }
            let leftIndex = lhs.element.index ?? -1
            let rightIndex = rhs.element.index ?? -1
            if leftIndex != rightIndex { return leftIndex < rightIndex }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// Maps each record's `id` to what later checks need of it, reporting missing and
    /// repeated ids.
    private mutating func index<Value>(
        _ list: [JSONValue],
        entity: String,
        _ extract: (JSONValue) -> Value
    ) -> [String: Value] {
        var table = [String: Value]()
        for (position, record) in list.enumerated() {
            guard let id = record["id"]?.stringValue else {
                report(entity, position, JSONPointer(tokens: ["id"]), "missing id")
                continue
            }
            if table[id] != nil {
                report(entity, position, JSONPointer(tokens: ["id"]), "id '\(id)' is used by an earlier \(entity) too")
            }
            table[id] = extract(record)
        }
        return table
    }

    // MARK: - Entities

    private mutating func checkCarts(_ list: [JSONValue]) {
        let entity = "cart"
        for (position, record) in list.enumerated() {
            checkUser(record, entity, position)
            guard let items = record["items"]?.arrayValue, !items.isEmpty else {
                report(entity, position, JSONPointer(tokens: ["items"]), "items is missing or empty")
                continue
            }
            var seen = [String]()
            var subtotal: Int64? = 0
            for (slot, item) in items.enumerated() {
                let at = JSONPointer(tokens: ["items", String(slot)])
                let product = resolveProduct(item, entity, position, at)
                let quantity = checkQuantity(item, entity, position, at)
                if let id = item["productId"]?.stringValue {
                    if seen.contains(id) {
                        report(entity, position, at.appending("productId"), "product '\(id)' appears twice in the cart")
                    }
                    seen.append(id)
                }
                if let price = product?.price, let quantity, let sum = subtotal {
                    subtotal = sum + price * Int64(quantity)
                } else {
                    subtotal = nil
                }
            }
            if let expected = subtotal, let stated = record["subtotal"] {
                checkAmount(stated, expected, entity, position, JSONPointer(tokens: ["subtotal"]), "the sum of price × quantity")
            }
        }
    }

    private mutating func checkOrders(_ list: [JSONValue]) {
        let entity = "order"
        for (position, record) in list.enumerated() {
            checkUser(record, entity, position)
            guard let items = record["items"]?.arrayValue, !items.isEmpty else {
                report(entity, position, JSONPointer(tokens: ["items"]), "items is missing or empty")
                continue
            }
            let currency = record["currency"]?.stringValue
            let createdAt = record["createdAt"]?.stringValue
            var subtotal: Int64? = 0
            var seen = [String]()
            for (slot, item) in items.enumerated() {
                let at = JSONPointer(tokens: ["items", String(slot)])
                let quantity = checkQuantity(item, entity, position, at)
                if let id = item["productId"]?.stringValue {
                    if seen.contains(id) {
                        report(entity, position, at.appending("productId"), "product '\(id)' has two lines in the order")
                    }
                    seen.append(id)
                }
                if let product = resolveProduct(item, entity, position, at) {
                    compare(item["sku"], product.sku, "SKU", entity, position, at.appending("sku"))
                    if item["name"] != nil {
                        compare(item["name"], product.name, "name", entity, position, at.appending("name"))
                    }
                    if let price = product.price, let stated = item["unitPrice"] {
                        checkAmount(stated, price, entity, position, at.appending("unitPrice"), "the product's price")
                    }
                    if let currency, let productCurrency = product.currency, currency != productCurrency {
                        report(
                            entity,
                            position,
                            JSONPointer(tokens: ["currency"]),
                            "order is in \(currency) but its product is priced in \(productCurrency)"
                        )
                    }
                    if let createdAt, let listed = product.createdAt, createdAt < listed {
                        report(
                            entity,
                            position,
                            JSONPointer(tokens: ["createdAt"]),
                            "order placed at \(createdAt), before its product was listed at \(listed)"
                        )
                    }
                }
                let unitPrice = DatasetIntegrity.hundredths(item["unitPrice"])
                let lineTotal = DatasetIntegrity.hundredths(item["lineTotal"])
                if let unitPrice, let quantity, let lineTotal {
                    if lineTotal != unitPrice * Int64(quantity) {
                        report(
                            entity,
                            position,
                            at.appending("lineTotal"),
                            "lineTotal \(DatasetIntegrity.spell(lineTotal)) is not unitPrice × quantity = \(DatasetIntegrity.spell(unitPrice * Int64(quantity)))"
                        )
                    }
                } else {
                    report(entity, position, at, "unitPrice, quantity or lineTotal is missing or not an exact amount")
                }
                if let lineTotal, let sum = subtotal { subtotal = sum + lineTotal } else { subtotal = nil }
            }
            let amounts = ["subtotal", "shipping", "tax", "total"].map { DatasetIntegrity.hundredths(record[$0]) }
            guard let statedSubtotal = amounts[0], let shipping = amounts[1], let tax = amounts[2], let total = amounts[3] else {
                report(entity, position, .root, "subtotal, shipping, tax or total is missing or not an exact amount")
                continue
            }
            if let subtotal, subtotal != statedSubtotal {
                report(
                    entity,
                    position,
                    JSONPointer(tokens: ["subtotal"]),
                    "subtotal \(DatasetIntegrity.spell(statedSubtotal)) is not the sum of the line totals, \(DatasetIntegrity.spell(subtotal))"
                )
            }
            if shipping < 0 || tax < 0 {
                report(entity, position, .root, "shipping and tax must not be negative")
            }
            if total != statedSubtotal + shipping + tax {
                report(
                    entity,
                    position,
                    JSONPointer(tokens: ["total"]),
                    "total \(DatasetIntegrity.spell(total)) is not subtotal + shipping + tax = \(DatasetIntegrity.spell(statedSubtotal + shipping + tax))"
                )
            }
        }
    }

    private mutating func checkPayments(_ list: [JSONValue]) {
        let entity = "payment"
        let at = JSONPointer(tokens: ["orderId"])
        guard let orders else {
            if !list.isEmpty { reportAbsent(entity, "order", at) }
            return
        }
        for (position, record) in list.enumerated() {
            guard let id = record["orderId"]?.stringValue else {
                report(entity, position, at, "missing orderId")
                continue
            }
            guard let order = orders[id] else {
                report(entity, position, at, "order '\(id)' is not in the dataset")
                continue
            }
            if let total = order.total, let stated = record["amount"] {
                checkAmount(stated, total, entity, position, JSONPointer(tokens: ["amount"]), "the order's total")
            } else {
                report(entity, position, JSONPointer(tokens: ["amount"]), "amount or the order's total is missing")
            }
            if let currency = record["currency"]?.stringValue, let orderCurrency = order.currency, currency != orderCurrency {
                report(entity, position, JSONPointer(tokens: ["currency"]), "paid in \(currency) for an order in \(orderCurrency)")
            }
            if let paidAt = record["createdAt"]?.stringValue, let placedAt = order.createdAt, paidAt <= placedAt {
                report(entity, position, JSONPointer(tokens: ["createdAt"]), "paid at \(paidAt), not after the order was placed at \(placedAt)")
            }
            let isCard = record["method"]?.stringValue == "card"
            let hasCard = record["cardLast4"].map { !$0.isNull } ?? false
            if isCard != hasCard {
                report(
                    entity,
                    position,
                    JSONPointer(tokens: ["cardLast4"]),
                    isCard ? "a card payment without cardLast4" : "cardLast4 on a payment that is not by card"
                )
            }
        }
    }

    private mutating func checkReviews(_ list: [JSONValue]) {
        let entity = "review"
        for (position, record) in list.enumerated() {
            checkUser(record, entity, position)
            if let product = resolveProduct(record, entity, position, .root),
                let createdAt = record["createdAt"]?.stringValue, let listed = product.createdAt, createdAt < listed
            {
                report(entity, position, JSONPointer(tokens: ["createdAt"]), "reviewed at \(createdAt), before the product was listed at \(listed)")
            }
            let rating = record["rating"]
            if case .integer(let value)? = rating, (1...5).contains(value) {
                continue
            }
            report(
                entity,
                position,
                JSONPointer(tokens: ["rating"]),
                "rating \(rating.map { JSONWriter().string($0) } ?? "(missing)") is not an integer from 1 to 5"
            )
        }
    }

    // MARK: - Shared checks

    private mutating func checkUser(_ record: JSONValue, _ entity: String, _ position: Int) {
        let at = JSONPointer(tokens: ["userId"])
        guard let users else {
            reportAbsent(entity, "user", at)
            return
        }
        guard let id = record["userId"]?.stringValue else {
            report(entity, position, at, "missing userId")
            return
        }
        if users[id] == nil { report(entity, position, at, "user '\(id)' is not in the dataset") }
    }

    /// The product `holder["productId"]` names, reporting a dangling or missing reference.
    private mutating func resolveProduct(_ holder: JSONValue, _ entity: String, _ position: Int, _ at: JSONPointer) -> Product? {
        let pointer = at.appending("productId")
        guard let products else {
            reportAbsent(entity, "product", JSONPointer(tokens: ["productId"]))
            return nil
        }
        guard let id = holder["productId"]?.stringValue else {
            report(entity, position, pointer, "missing productId")
            return nil
        }
        guard let product = products[id] else {
            report(entity, position, pointer, "product '\(id)' is not in the dataset")
            return nil
        }
        return product
    }

    /// Reports once per pair that `entity` references `referenced` but the dataset has none.
    private mutating func reportAbsent(_ entity: String, _ referenced: String, _ at: JSONPointer) {
        let key = entity + ">" + referenced
        guard !reportedAbsent.contains(key) else { return }
        reportedAbsent.append(key)
        report(entity, nil, at, "\(entity) records reference \(referenced)s, but the dataset has no \(referenced) records")
    }

    private mutating func checkQuantity(_ item: JSONValue, _ entity: String, _ position: Int, _ at: JSONPointer) -> Int? {
        guard case .integer(let quantity) = item["quantity"], quantity >= 1 else {
            report(entity, position, at.appending("quantity"), "quantity is missing or not a positive integer")
            return nil
        }
        return quantity
    }

    private mutating func checkAmount(_ stated: JSONValue, _ expected: Int64, _ entity: String, _ position: Int, _ at: JSONPointer, _ what: String) {
        guard let amount = DatasetIntegrity.hundredths(stated) else {
            report(entity, position, at, "\(JSONWriter().string(stated)) is not an exact amount of money")
            return
        }
        if amount != expected {
            report(entity, position, at, "\(DatasetIntegrity.spell(amount)) is not \(what), \(DatasetIntegrity.spell(expected))")
        }
    }

    private mutating func compare(_ stated: JSONValue?, _ expected: String?, _ what: String, _ entity: String, _ position: Int, _ at: JSONPointer) {
        guard let expected else { return }
        let value = stated?.stringValue
        if value != expected {
            report(entity, position, at, "\(what) '\(value ?? "(missing)")' is not the product's \(what) '\(expected)'")
        }
    }
}
