/// A department of the product catalog: the words its product names are made of and what
/// its products cost.
///
/// Words are stored as UTF-8 bytes so a record copies them without building a `String`.
/// Every word is plain ASCII without quotes or backslashes, so it can be written inside a
/// JSON string as is.
struct ProductCategory: Sendable {
    /// What a kind of product is called and what it costs, in US cents, before the market's
    /// price level applies.
    struct Noun: Sendable {
        let name: [UInt8]
        /// The name as it reads inside a sentence ("the yoga mat").
        let lowercased: [UInt8]
        let cheapest: Int64
        let dearest: Int64
    }

    let name: [UInt8]
    /// Three letters that open the category's SKUs.
    let code: [UInt8]
    let adjectives: [[UInt8]]
    let materials: [[UInt8]]
    let nouns: [Noun]

    private init(_ name: String, code: String, adjectives: [String], materials: [String], nouns: [(String, Int64, Int64)]) {
        self.name = Array(name.utf8)
        self.code = Array(code.utf8)
        self.adjectives = adjectives.map { Array($0.utf8) }
        self.materials = materials.map { Array($0.utf8) }
        self.nouns = nouns.map { noun in
            Noun(name: Array(noun.0.utf8), lowercased: Array(noun.0.lowercased().utf8), cheapest: noun.1, dearest: noun.2)
        }
    }

    /// Colour codes closing a SKU (`ELC-10432-BLK`).
    static let colourCodes: [[UInt8]] = ["BLK", "WHT", "GRY", "NVY", "RED", "GRN", "BLU", "SLV", "BRN", "BGE", "PNK", "OLV"]
        .map { Array($0.utf8) }

    /// The category names, in catalog order: the `enum` of the product schema.
    static var names: [String] { all.map { String(decoding: $0.name, as: UTF8.self) } }

    static let all: [ProductCategory] = [
        ProductCategory(
            "Electronics",
            code: "ELC",
            adjectives: ["Wireless", "Compact", "Portable", "Ergonomic", "Smart", "Slim", "Fast-Charging", "Foldable"],
            materials: ["Aluminum", "Matte Black", "Graphite", "Silver", "Carbon Fiber", "Recycled Plastic"],
            nouns: [
                ("Bluetooth Speaker", 2_499, 19_999), ("Phone Stand", 999, 4_999), ("Charging Dock", 1_999, 7_999),
                ("Laptop Stand", 2_499, 8_999), ("Mechanical Keyboard", 4_999, 19_999), ("Mouse", 1_499, 8_999),
                ("Headphones", 2_999, 34_999), ("USB-C Hub", 1_999, 7_999), ("Power Bank", 1_999, 9_999),
                ("Webcam", 2_999, 14_999),
            ]
        ),
        ProductCategory(
            "Home & Kitchen",
            code: "HOM",
            adjectives: ["Classic", "Modern", "Rustic", "Stackable", "Everyday", "Premium", "Heritage", "Minimal"],
            materials: ["Stainless Steel", "Ceramic", "Bamboo", "Cast Iron", "Glass", "Enamel", "Stoneware"],
            nouns: [
                ("Skillet", 1_999, 12_999), ("Mixing Bowl Set", 1_999, 6_999), ("Cutting Board", 1_499, 7_999),
                ("Coffee Mug", 799, 2_999), ("Dutch Oven", 4_999, 29_999), ("Storage Jar", 699, 3_499),
                ("Serving Tray", 1_499, 5_999), ("Teapot", 1_999, 8_999), ("Salad Bowl", 1_299, 5_999),
            ]
        ),
        ProductCategory(
            "Apparel",
            code: "APP",
            adjectives: ["Relaxed", "Slim-Fit", "Classic", "Lightweight", "Vintage", "Everyday", "Oversized", "Tailored"],
            materials: ["Cotton", "Linen", "Merino Wool", "Denim", "Organic Cotton", "Fleece", "Cashmere Blend"],
            nouns: [
                ("T-Shirt", 1_299, 4_999), ("Hoodie", 2_999, 9_999), ("Chinos", 2_999, 8_999), ("Jacket", 5_999, 24_999),
                ("Sweater", 3_999, 14_999), ("Shorts", 1_999, 5_999), ("Scarf", 1_499, 7_999), ("Shirt", 2_499, 8_999),
                ("Dress", 3_499, 15_999),
            ]
        ),
        ProductCategory(
            "Sports & Outdoors",
            code: "SPT",
            adjectives: ["Lightweight", "Insulated", "Packable", "Waterproof", "Trail", "All-Season", "Rugged", "Ultralight"],
            materials: ["Nylon", "Ripstop", "Stainless Steel", "Aluminum", "Neoprene", "Recycled Polyester"],
            nouns: [
                ("Water Bottle", 1_499, 4_999), ("Backpack", 3_999, 19_999), ("Yoga Mat", 1_999, 9_999),
                ("Camping Chair", 2_999, 11_999), ("Tent", 8_999, 49_999), ("Trekking Poles", 2_999, 14_999),
                ("Duffel Bag", 3_499, 14_999), ("Sleeping Bag", 4_999, 29_999), ("Dry Bag", 1_499, 4_999),
            ]
        ),
        ProductCategory(
            "Beauty & Personal Care",
            code: "BTY",
            adjectives: ["Hydrating", "Gentle", "Soothing", "Daily", "Revitalizing", "Nourishing", "Clarifying"],
            materials: ["Aloe", "Argan Oil", "Shea Butter", "Vitamin C", "Charcoal", "Rosewater", "Green Tea"],
            nouns: [
                ("Face Serum", 1_499, 7_999), ("Moisturizer", 1_299, 5_999), ("Cleanser", 899, 3_499),
                ("Body Lotion", 799, 2_999), ("Lip Balm", 399, 1_499), ("Hand Cream", 599, 2_499),
                ("Shampoo", 799, 3_499), ("Face Mask", 999, 3_999), ("Eye Cream", 1_499, 6_999),
            ]
        ),
        ProductCategory(
            "Toys & Games",
            code: "TOY",
            adjectives: ["Classic", "Educational", "Deluxe", "Mini", "Creative", "Family", "Travel"],
            materials: ["Wooden", "Plush", "Magnetic", "Cardboard", "Felt", "Cotton"],
            nouns: [
                ("Puzzle", 999, 3_999), ("Building Blocks", 1_999, 7_999), ("Board Game", 1_999, 5_999),
                ("Train Set", 2_999, 12_999), ("Stacking Toy", 999, 3_499), ("Dollhouse", 4_999, 19_999),
                ("Card Game", 799, 2_499), ("Art Kit", 1_499, 4_999),
            ]
        ),
        ProductCategory(
            "Office Supplies",
            code: "OFF",
            adjectives: ["Minimalist", "Executive", "Compact", "Refillable", "Adjustable", "Classic", "Dotted"],
            materials: ["Leather", "Kraft Paper", "Bamboo", "Steel", "Recycled Paper", "Acrylic", "Walnut"],
            nouns: [
                ("Notebook", 599, 2_999), ("Desk Organizer", 1_499, 5_999), ("Pen Set", 999, 4_999),
                ("Planner", 1_299, 3_999), ("File Folder Set", 799, 2_499), ("Monitor Riser", 2_499, 8_999),
                ("Letter Tray", 999, 3_999), ("Bookends", 1_299, 4_999),
            ]
        ),
        ProductCategory(
            "Garden",
            code: "GRD",
            adjectives: ["Weatherproof", "Heavy-Duty", "Solar", "Raised", "Hanging", "Self-Watering", "Compact"],
            materials: ["Terracotta", "Galvanized Steel", "Cedar", "Resin", "Teak", "Rattan"],
            nouns: [
                ("Planter", 1_499, 9_999), ("Garden Hose", 2_499, 8_999), ("Pruning Shears", 1_499, 4_999),
                ("Bird Feeder", 1_499, 5_999), ("Watering Can", 1_299, 4_999), ("Lantern", 1_999, 6_999),
                ("Trowel", 799, 2_999), ("Garden Bench", 9_999, 39_999),
            ]
        ),
    ]
}
