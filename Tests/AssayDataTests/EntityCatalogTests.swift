import AssayCore
import OrderedCollections
import Testing

@testable import AssayData

@Suite struct EntityCatalogTests {
    private let validator = JSONSchemaValidator(draft: .draft2020_12, assertFormats: true)

    @Test(arguments: [(UInt64(1), "en_US"), (0xDEAD_BEEF, "ja_JP")])
    func everyEntityValidatesAgainstItsSchema(seed: UInt64, locale: String) throws {
        let context = EntityContext(seed: seed, locale: try LocalePack.named(locale), counts: ["user": 300, "product": 200, "order": 1_500])
        for entity in EntityCatalog.all {
            let generator = entity.init(context: context)
            let records = try EntityTestRecords.records(generator, count: 2_000)
            var failures = [String]()
            for (index, record) in records.enumerated() where !validator.isValid(record, against: entity.schema) {
                let errors = validator.validate(record, against: entity.schema)
                failures.append("\(entity.entityName)[\(index)]: \(errors) in \(JSONWriter().string(record))")
                if failures.count == 3 { break }
            }
            #expect(failures.isEmpty, "\(failures)")
        }
    }

    @Test func schemasAreStrictObjects() {
        for entity in EntityCatalog.all {
            let schema = entity.schema
            #expect(schema["type"] == "object", "\(entity.entityName)")
            #expect(schema["additionalProperties"] == false, "\(entity.entityName)")
            let properties = schema["properties"]?.objectValue.map { Array($0.keys) } ?? []
            let required = schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(properties == required, "\(entity.entityName): every column is required")
        }
        for entity in [ProductEntity.self, CartEntity.self, OrderEntity.self, PaymentEntity.self, ReviewEntity.self] as [any EntityGenerator.Type] {
            let columns = entity.init(context: EntityContext(seed: 0, locale: .enUS)).columns
            #expect(entity.schema["properties"]?.objectValue.map { Array($0.keys) } == columns, "\(entity.entityName)")
        }
    }

    @Test func aSchemaRejectsWhatItShould() throws {
        let context = EntityContext(seed: 3, locale: .enUS)
        var review = try #require(EntityTestRecords.records(ReviewEntity(context: context), count: 1).first?.objectValue)
        review["rating"] = 6
        #expect(!validator.isValid(.object(review), against: ReviewEntity.schema))
        var payment = try #require(
            EntityTestRecords.records(PaymentEntity(context: context), count: 40).first {
                $0["method"] == "card"
            }?.objectValue
        )
        payment["cardLast4"] = .null
        #expect(!validator.isValid(.object(payment), against: PaymentEntity.schema))
    }

    @Test func catalogOrderAndNames() throws {
        #expect(EntityCatalog.names == ["user", "product", "cart", "order", "payment", "review"])
        #expect(try EntityCatalog.named("Orders").entityName == "order")
        #expect(try EntityCatalog.named("users").entityName == "user")
        #expect(try EntityCatalog.named("REVIEW").entityName == "review")
        #expect(EntityCatalog.all.allSatisfy { !$0.summary.isEmpty })
    }

    @Test func unknownEntityNamesTheKnownOnes() {
        do {
            _ = try EntityCatalog.named("invoice")
            Issue.record("'invoice' resolved")
        } catch {
            #expect(error.code == .unknownEntity)
            #expect(error.details == ["user", "product", "cart", "order", "payment", "review"])
            #expect(error.message.contains("'invoice'"))
            #expect(error.message.contains("user, product, cart, order, payment, review"))
        }
    }

    @Test func streamsComputeWhatTheContextComputes() {
        let context = EntityContext(seed: 0x5EED, locale: .enUS)
        for entity in ["user", "product", "order"] {
            let stream = EntityStream(entity, context: context)
            for index in [0, 1, 17, 999, 123_456_789] {
                var id = [UInt8]()
                stream.putID(index, to: &id)
                #expect(id == context.id(of: entity, index: index))
                var mine = stream.random(index)
                var theirs = context.random(entity: entity, index: index)
                #expect(mine.next() == theirs.next())
            }
        }
    }

    @Test func sharedFunctionsRecomputeTheRecords() throws {
        let context = EntityContext(seed: 9, locale: .enUS, counts: ["product": 50, "order": 80])
        let products = try EntityTestRecords.records(ProductEntity(context: context), count: 50)
        for (index, product) in products.enumerated() {
            let cents = ProductEntity.price(index: index, context: context)
            #expect(DatasetIntegrity.hundredths(product["price"]) == cents)
        }
        let orders = try EntityTestRecords.records(OrderEntity(context: context), count: 80)
        for (index, order) in orders.enumerated() {
            #expect(DatasetIntegrity.hundredths(order["total"]) == OrderEntity.total(index: index, context: context))
        }
        #expect(PaymentEntity.orderIndex(ofPayment: 5, context: context) == 5)
        #expect((0..<80).contains(PaymentEntity.orderIndex(ofPayment: 500, context: context)))
    }

    @Test func productsLookRealistic() throws {
        let context = EntityContext(seed: 11, locale: .enUS)
        let products = try EntityTestRecords.records(ProductEntity(context: context), count: 2_000)
        let skus = products.compactMap { $0["sku"]?.stringValue }
        #expect(Set(skus).count == 2_000)
        let names = Set(products.compactMap { $0["name"]?.stringValue })
        #expect(names.count > 500, "names come from several hundred combinations")
        #expect(names.allSatisfy { $0.split(separator: " ").count >= 3 })
        let prices = products.compactMap { DatasetIntegrity.hundredths($0["price"]) }
        #expect(prices.count == 2_000 && prices.allSatisfy { $0 > 0 })
        #expect(prices.filter { $0 % 100 == 99 }.count > 800, "most shelf prices end in .99")
        #expect(products.allSatisfy { $0["currency"] == "USD" })
        #expect(products.contains { $0["stock"] == 0 } && products.contains { $0["rating"] == .null })
    }

    @Test func skusStayUniqueAcrossTheFiveDigitBoundary() {
        let lookup = ProductLookup(context: EntityContext(seed: 1, locale: .enUS))
        var seen = Set<[UInt8]>()
        for index in Array(0..<3_000) + Array(88_000..<93_000) + Array(179_000..<181_000) {
            var sku = [UInt8]()
            lookup.putSKU(index, lookup.sketch(index), to: &sku)
            // The colour suffix is not part of the uniqueness; the number alone is.
            seen.insert(Array(sku.dropLast(4)))
        }
        #expect(seen.count == 10_000)
    }

    @Test func yenPricesAreWholeAndEuroPricesHaveCents() throws {
        let yen = EntityContext(seed: 5, locale: try LocalePack.named("ja_JP"))
        let products = try EntityTestRecords.records(ProductEntity(context: yen), count: 200)
        #expect(products.allSatisfy { if case .integer(let price)? = $0["price"] { price >= 100 } else { false } })
        #expect(products.allSatisfy { $0["currency"] == "JPY" })
        let euro = EntityContext(seed: 5, locale: try LocalePack.named("de_DE"))
        let order = try #require(EntityTestRecords.records(OrderEntity(context: euro), count: 1).first)
        #expect(order["currency"] == "EUR")
        let subtotal = try #require(DatasetIntegrity.hundredths(order["subtotal"]))
        #expect(DatasetIntegrity.hundredths(order["tax"]) == (subtotal * 1_900 + 5_000) / 10_000)
    }

    @Test func reviewsLeanHighAndReadLikeTheirRating() throws {
        let context = EntityContext(seed: 21, locale: .enUS)
        let reviews = try EntityTestRecords.records(ReviewEntity(context: context), count: 2_000)
        var byRating = [Int: Int]()
        for review in reviews {
            let rating = try #require(review["rating"]?.intValue)
            byRating[rating, default: 0] += 1
            let title = try #require(review["title"]?.stringValue)
            #expect(ReviewPhrases.titles[rating - 1].contains(Array(title.utf8)))
            let body = try #require(review["body"]?.stringValue)
            let tone = ReviewPhrases.tone(rating: rating)
            #expect(tone.closers.contains { body.hasSuffix(String(decoding: $0, as: UTF8.self)) })
            #expect(!body.contains("~"))
        }
        #expect(byRating[5, default: 0] > byRating[4, default: 0])
        #expect(byRating[4, default: 0] > byRating[3, default: 0])
        #expect(byRating[1, default: 0] > byRating[2, default: 0])
    }

    @Test func dateTimesSpellTheCalendar() {
        func spelled(_ seconds: Int64) -> String {
            var record = RecordBuffer()
            record.dateTime(seconds)
            return String(decoding: record.slice(record.fields[0]), as: UTF8.self)
        }
        #expect(spelled(0) == "1970-01-01T00:00:00Z")
        #expect(spelled(EntityClock.reference) == "2026-01-01T00:00:00Z")
        #expect(spelled(1_709_210_096) == "2024-02-29T12:34:56Z")
        #expect(spelled(-1) == "1969-12-31T23:59:59Z")
        #expect(spelled(951_782_400) == "2000-02-29T00:00:00Z")
    }

    @Test func cartsHoldDistinctProductsOfThePool() throws {
        let context = EntityContext(seed: 8, locale: .enUS, counts: ["product": 3, "user": 2])
        let carts = try EntityTestRecords.records(CartEntity(context: context), count: 300)
        let productIDs = Set((0..<3).map { String(decoding: context.id(of: "product", index: $0), as: UTF8.self) })
        let userIDs = Set((0..<2).map { String(decoding: context.id(of: "user", index: $0), as: UTF8.self) })
        for cart in carts {
            let ids = try #require(cart["items"]?.arrayValue).compactMap { $0["productId"]?.stringValue }
            #expect((1...3).contains(ids.count))
            #expect(Set(ids).count == ids.count)
            #expect(Set(ids).isSubset(of: productIDs))
            #expect(userIDs.contains(try #require(cart["userId"]?.stringValue)))
        }
    }
}
