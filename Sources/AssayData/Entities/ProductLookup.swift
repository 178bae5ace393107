/// Recomputes what other entities need of product `k` (its name, SKU, price, creation
/// time) from `(seed, k)` alone: the shared pure function behind a product record and
/// every line item, cart and review that names it.
struct ProductLookup: Sendable {
    /// The product's choices, as indices into the category tables.
    struct Sketch: Sendable, Hashable {
        var category: Int
        var adjective: Int
        var material: Int
        var noun: Int
        var colour: Int
        /// In minor units of the market's currency.
        var price: Int64
        /// Seconds since the Unix epoch.
        var createdAt: Int64
    }

    let stream: EntityStream
    let market: MarketProfile
    /// The category tables, held here so records do not go through the lazy global.
    let categories = ProductCategory.all
    private let colours = ProductCategory.colourCodes
    /// A seed-dependent shift of SKU numbers, so two datasets do not share SKUs.
    private let skuOffset: Int

    init(context: EntityContext) {
        stream = EntityStream("product", context: context)
        market = MarketProfile(locale: context.locale)
        skuOffset = Int(SeededRandom.mix(context.seed, SeededRandom.hash("product.sku")) % UInt64(Self.skuSpan))
    }

    /// Product `index`'s choices, drawn from the start of its record stream.
    func sketch(_ index: Int) -> Sketch {
        var random = stream.random(index)
        return sketch(random: &random)
    }

    /// The choices drawn first from a product's record stream; the product record keeps
    /// drawing its own fields from `random` afterwards.
    func sketch(random: inout SeededRandom) -> Sketch {
        let category = random.index(categories.count)
        let adjective = random.index(categories[category].adjectives.count)
        let material = random.index(categories[category].materials.count)
        let noun = random.index(categories[category].nouns.count)
        let colour = random.index(colours.count)
        let cheapest = categories[category].nouns[noun].cheapest
        let dearest = categories[category].nouns[noun].dearest
        // Squaring a uniform draw favours the cheaper end of the range, as shops do.
        let position = random.unit()
        let dollarCents = cheapest + Int64(Double(dearest - cheapest) * position * position)
        let ending = Self.priceEnding(random.index(100))
        let price = market.shelfPrice(dollarCents: dollarCents, ending: ending)
        // Listed 30 days to 5 years before the reference, most of them long ago, so that
        // orders (which follow their products' listing) spread over the last two years.
        let span = UInt64(5 * 365 * EntityClock.day - 30 * EntityClock.day)
        let age = 30 * EntityClock.day + Int64(max(random.below(span), random.below(span)))
        let createdAt = EntityClock.reference - age
        return Sketch(
            category: category,
            adjective: adjective,
            material: material,
            noun: noun,
            colour: colour,
            price: price,
            createdAt: createdAt
        )
    }

    /// Spells product `index`'s SKU (`ELC-10432-BLK`). The number is a bijection of the
    /// index, so SKUs are unique across the whole pool.
    func putSKU<Sink: ByteSink>(_ index: Int, _ sketch: Sketch, to sink: inout Sink) {
        sink.put(categories[sketch.category].code)
        sink.put(byte: 0x2D)
        let block = index / Self.skuSpan
        // 7_919 is prime and divides neither 2, 3 nor 5, so it permutes 0..<90_000.
        let scrambled = ((index % Self.skuSpan) * 7_919 + skuOffset) % Self.skuSpan
        sink.put(decimal: 10_000 + block * Self.skuSpan + scrambled)
        sink.put(byte: 0x2D)
        sink.put(colours[sketch.colour])
    }

    /// Spells the product's name: adjective, material, noun.
    func putName<Sink: ByteSink>(_ sketch: Sketch, to sink: inout Sink) {
        // Reached through `categories` each time rather than bound to a local, which would
        // copy the category and retain its tables.
        sink.put(categories[sketch.category].adjectives[sketch.adjective])
        sink.put(byte: 0x20)
        sink.put(categories[sketch.category].materials[sketch.material])
        sink.put(byte: 0x20)
        sink.put(categories[sketch.category].nouns[sketch.noun].name)
    }

    /// Five-digit SKU numbers: 10000–99999 for the first 90,000 products.
    private static let skuSpan = 90_000

    /// Which ending a shelf price gets: mostly `.99`.
    private static func priceEnding(_ percent: Int) -> Int {
        switch percent {
        case ..<55: return 0
        case ..<70: return 1
        case ..<85: return 2
        default: return 3
        }
    }
}
