import Foundation
import OrderedCollections

/// The cases of one tag or resource: one emitted pytest module.
public struct TestSuite: Sendable, Hashable {
    /// The tag or resource name as the description spells it (`pets`, `store`).
    public var name: String
    /// The tag's description, when the API gives one.
    public var description: String?
    public var cases: [TestCase]

    public init(name: String, description: String? = nil, cases: [TestCase]) {
        self.name = name
        self.description = description
        self.cases = cases
    }
}
