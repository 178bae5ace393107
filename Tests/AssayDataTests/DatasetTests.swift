import AssayCore
import OrderedCollections
import Testing

@testable import AssayData

@Suite struct DatasetTests {
    private static let shop: [(entity: String, count: Int)] = [
        ("users", 50), ("products", 40), ("carts", 30), ("orders", 60), ("payments", 60), ("reviews", 80),
    ]

    @Test(arguments: [UInt64(7), 0xC0FFEE])
    func aGeneratedDatasetHasNoViolations(seed: UInt64) throws {
        let dataset = try Dataset(counts: Self.shop, seed: seed, locale: .enUS)
        let records = try EntityTestRecords.records(of: dataset)
        #expect(records["order"]?.count == 60 && records["review"]?.count == 80)
        let violations = DatasetIntegrity.check(records)
        #expect(violations.isEmpty, "\(violations.prefix(5))")
        #expect(dataset.missingReferences.isEmpty)
    }

    @Test func aYenDatasetHasNoViolations() throws {
        let dataset = try Dataset(counts: Self.shop, seed: 3, locale: try LocalePack.named("ja_JP"))
        let violations = DatasetIntegrity.check(try EntityTestRecords.records(of: dataset))
        #expect(violations.isEmpty, "\(violations.prefix(5))")
    }

    @Test func membersComeInDependencyOrderWithTheDatasetsCounts() throws {
        let dataset = try Dataset(
            counts: [("Reviews", 8), ("payment", 6), ("orders", 6), ("product", 4), ("users", 5)],
            seed: 1,
            locale: .enUS
        )
        #expect(dataset.members.map { $0.entity.entityName } == ["user", "product", "order", "payment", "review"])
        #expect(dataset.members.map(\.count) == [5, 4, 6, 6, 8])
        #expect(dataset.context.counts == ["user": 5, "product": 4, "order": 6, "payment": 6, "review": 8])
        #expect(dataset.count(of: "orders") == 6 && dataset.count(of: "cart") == 0)
        #expect(dataset.members.allSatisfy { $0.generator.columns.count == ($0.entity.schema["required"]?.arrayValue?.count ?? -1) })
    }

    @Test func paymentIPaysOrderI() throws {
        let dataset = try Dataset(counts: [("order", 10), ("payment", 14), ("user", 3), ("product", 5)], seed: 2, locale: .enUS)
        let records = try EntityTestRecords.records(of: dataset)
        let orders = try #require(records["order"])
        let payments = try #require(records["payment"])
        for index in 0..<10 {
            #expect(payments[index]["orderId"] == orders[index]["id"])
            #expect(payments[index]["amount"] == orders[index]["total"])
        }
        // Payments beyond the orders are declined retries of existing orders.
        for payment in payments[10...] {
            #expect(orders.contains { $0["id"] == payment["orderId"] })
            #expect(payment["status"] == "failed")
        }
        #expect(DatasetIntegrity.check(records).isEmpty)
    }

    @Test func sameSeedSameBytesOtherSeedOtherBytes() throws {
        func bytes(_ seed: UInt64) throws -> [UInt8] {
            try Dataset(counts: Self.shop, seed: seed, locale: .enUS).members.flatMap { member in
                try EntityTestRecords.bytes(member.generator, count: member.count)
            }
        }
        let first = try bytes(99)
        #expect(first == (try bytes(99)))
        #expect(first != (try bytes(100)))
        #expect(first.count > 10_000)
    }

    @Test func theCheckerCatchesPlantedViolations() throws {
        let dataset = try Dataset(counts: Self.shop, seed: 5, locale: .enUS)
        var records = try EntityTestRecords.records(of: dataset)
        let stranger = "00000000-0000-4000-8000-000000000000"

        records["cart"]![0] = try Self.setting(records["cart"]![0], "userId", to: .string(stranger))
        let duplicateLine = try #require(records["cart"]![1]["items"]?[0])
        var cartItems = try #require(records["cart"]![1]["items"]?.arrayValue)
        cartItems.append(duplicateLine)
        records["cart"]![1] = try Self.setting(records["cart"]![1], "items", to: .array(cartItems))
        var orderItems = try #require(records["order"]![2]["items"]?.arrayValue)
        orderItems[0] = try Self.setting(orderItems[0], "unitPrice", to: 0.01)
        records["order"]![2] = try Self.setting(records["order"]![2], "items", to: .array(orderItems))
        let total = try #require(DatasetIntegrity.hundredths(records["order"]![3]["total"]))
        records["order"]![3] = try Self.setting(records["order"]![3], "total", to: .double(Double(total + 1) / 100))
        records["payment"]![4] = try Self.setting(records["payment"]![4], "amount", to: 1_000_000)
        records["payment"]![5] = try Self.setting(records["payment"]![5], "orderId", to: .string(stranger))
        records["review"]![6] = try Self.setting(records["review"]![6], "rating", to: 6)
        records["review"]![7] = try Self.setting(records["review"]![7], "productId", to: .string(stranger))

        let violations = DatasetIntegrity.check(records)
        let found = violations.map { "\($0.entity)[\($0.index ?? -1)]\($0.pointer)" }
        #expect(found.contains("cart[0]/userId"))
        #expect(found.contains("cart[1]/items/\(cartItems.count - 1)/productId"))
        #expect(found.contains("cart[1]/subtotal"))
        #expect(found.contains("order[2]/items/0/unitPrice"))
        #expect(found.contains("order[2]/items/0/lineTotal"))
        #expect(found.contains("order[3]/total"))
        // Order 3's payment paid the total the order had before it was tampered with.
        #expect(found.contains("payment[3]/amount"))
        #expect(found.contains("payment[4]/amount"))
        #expect(found.contains("payment[5]/orderId"))
        #expect(found.contains("review[6]/rating"))
        #expect(found.contains("review[7]/productId"))
        #expect(violations.count == 11, "\(violations)")
        #expect(violations.map(\.entity) == ["cart", "cart", "cart", "order", "order", "order", "payment", "payment", "payment", "review", "review"])
        let price = try #require(violations.first { $0.pointer.description == "/items/0/unitPrice" })
        #expect(price.description.hasPrefix("order[2]/items/0/unitPrice: 0.01 is not the product's price, "))
    }

    @Test func theCheckerReportsAMissingEntityOnce() throws {
        let dataset = try Dataset(counts: [("order", 20), ("product", 10), ("review", 5)], seed: 4, locale: .enUS)
        #expect(dataset.missingReferences == ["user"])
        let violations = DatasetIntegrity.check(try EntityTestRecords.records(of: dataset))
        #expect(
            violations.map(\.description) == [
                "order/userId: order records reference users, but the dataset has no user records",
                "review/userId: review records reference users, but the dataset has no user records",
            ]
        )
    }

    @Test func badCountsAndNamesAreRejected() {
        #expect(throws: DataError.self) { try Dataset(counts: [("users", -1)], seed: 0, locale: .enUS) }
        do {
            _ = try Dataset(counts: [("users", 3), ("invoices", 2)], seed: 0, locale: .enUS)
            Issue.record("'invoices' was accepted")
        } catch {
            #expect(error.code == .unknownEntity)
            #expect(error.message.contains("'invoices'"))
        }
    }

    @Test func aRepeatedEntityKeepsItsLastCount() throws {
        let dataset = try Dataset(counts: [("users", 3), ("user", 7)], seed: 0, locale: .enUS)
        #expect(dataset.members.map(\.count) == [7])
    }

    private static func setting(_ record: JSONValue, _ key: String, to value: JSONValue) throws -> JSONValue {
        var object = try #require(record.objectValue)
        object[key] = value
        return .object(object)
    }
}
