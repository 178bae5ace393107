/// The line items of a cart or an order: one to five distinct products, each with a
/// quantity, held inline so drawing them allocates nothing.
struct ItemPicks: Sendable {
    static let capacity = 5

    private(set) var count = 0
    private var products: (Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0)
    private var quantities: (Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0)

    /// Draws how many items, which distinct products out of `productPool`, and how many of
    /// each. Never more items than the pool has products.
    init(random: inout SeededRandom, productPool: Int) {
        let wanted = min(Self.itemCount(random.index(100)), productPool)
        while count < wanted {
            let product = random.index(productPool)
            if contains(product) { continue }
            set(count, product: product, quantity: Self.quantity(random.index(100)))
            count += 1
        }
    }

    /// The product index of item `slot`.
    func product(_ slot: Int) -> Int {
        switch slot {
        case 0: return products.0
        case 1: return products.1
        case 2: return products.2
        case 3: return products.3
        default: return products.4
        }
    }

    /// The quantity of item `slot`.
    func quantity(_ slot: Int) -> Int {
        switch slot {
        case 0: return quantities.0
        case 1: return quantities.1
        case 2: return quantities.2
        case 3: return quantities.3
        default: return quantities.4
        }
    }

    private func contains(_ product: Int) -> Bool {
        for slot in 0..<count where self.product(slot) == product { return true }
        return false
    }

    private mutating func set(_ slot: Int, product: Int, quantity: Int) {
        switch slot {
        case 0: (products.0, quantities.0) = (product, quantity)
        case 1: (products.1, quantities.1) = (product, quantity)
        case 2: (products.2, quantities.2) = (product, quantity)
        case 3: (products.3, quantities.3) = (product, quantity)
        default: (products.4, quantities.4) = (product, quantity)
        }
    }

    /// Most baskets hold one or two products.
    private static func itemCount(_ percent: Int) -> Int {
        switch percent {
        case ..<35: return 1
        case ..<63: return 2
        case ..<81: return 3
        case ..<92: return 4
        default: return 5
        }
    }

    /// Most lines are for a single unit.
    private static func quantity(_ percent: Int) -> Int {
        switch percent {
        case ..<66: return 1
        case ..<88: return 2
        case ..<95: return 3
        case ..<98: return 4
        default: return 5
        }
    }
}
