/// Recomputes order `k` (its user, lines, amounts, status and time) from `(seed, k)`
/// alone: the shared pure function behind an order record and the payment that pays it.
struct OrderLookup: Sendable {
    /// Where an order stands; payments follow from it.
    enum Status: Int, Sendable, CaseIterable {
        case placed, paid, shipped, delivered, cancelled

        var name: StaticString {
            switch self {
            case .placed: return "placed"
            case .paid: return "paid"
            case .shipped: return "shipped"
            case .delivered: return "delivered"
            case .cancelled: return "cancelled"
            }
        }
    }

    /// An order's amounts, in minor units of the market's currency, and its facts.
    struct Summary: Sendable, Hashable {
        var user: Int
        var subtotal: Int64
        var shipping: Int64
        var tax: Int64
        var total: Int64
        var status: Status
        /// Seconds since the Unix epoch.
        var createdAt: Int64
    }

    let stream: EntityStream
    let users: EntityStream
    let products: ProductLookup

    init(context: EntityContext) {
        stream = EntityStream("order", context: context)
        users = EntityStream("user", context: context)
        products = ProductLookup(context: context)
    }

    var market: MarketProfile { products.market }

    /// Order `index`'s amounts and facts.
    func summary(_ index: Int) -> Summary {
        walk(index) { _, _, _ in }
    }

    /// Draws order `index`, handing each line (product index, quantity, product) to `line`
    /// in order, and returns the order's summary.
    func walk(_ index: Int, line: (_ product: Int, _ quantity: Int, _ sketch: ProductLookup.Sketch) -> Void) -> Summary {
        var random = stream.random(index)
        let user = users.draw(&random)
        let picks = ItemPicks(random: &random, productPool: products.stream.count)
        var subtotal: Int64 = 0
        var newestProduct = Int64.min
        for slot in 0..<picks.count {
            let product = picks.product(slot)
            let sketch = products.sketch(product)
            line(product, picks.quantity(slot), sketch)
            subtotal += sketch.price * Int64(picks.quantity(slot))
            newestProduct = max(newestProduct, sketch.createdAt)
        }
        // An order comes after the products it buys were listed, within the last two years.
        let latest = EntityClock.reference - EntityClock.hour
        let earliest = min(latest, max(newestProduct + EntityClock.day, EntityClock.reference - 730 * EntityClock.day))
        let createdAt = earliest + Int64(random.below(UInt64(latest - earliest) + 1))
        let status = Self.status(age: EntityClock.reference - createdAt, percent: random.index(100))
        let shipping = market.shipping(subtotal: subtotal)
        let tax = market.tax(on: subtotal)
        return Summary(
            user: user,
            subtotal: subtotal,
            shipping: shipping,
            tax: tax,
            total: subtotal + shipping + tax,
            status: status,
            createdAt: createdAt
        )
    }

    /// Recent orders are still moving; old ones were delivered or cancelled.
    private static func status(age: Int64, percent: Int) -> Status {
        if age < 2 * EntityClock.day {
            switch percent {
            case ..<35: return .placed
            case ..<80: return .paid
            case ..<95: return .shipped
            default: return .cancelled
            }
        }
        if age < 10 * EntityClock.day {
            switch percent {
            case ..<15: return .paid
            case ..<65: return .shipped
            case ..<92: return .delivered
            default: return .cancelled
            }
        }
        switch percent {
        case ..<2: return .shipped
        case ..<92: return .delivered
        default: return .cancelled
        }
    }
}
