public import AssayCore

/// One broken promise of a dataset: a reference that resolves nowhere, or amounts that do
/// not add up.
public struct DatasetViolation: Sendable, Hashable, CustomStringConvertible {
    /// The entity of the offending record (`order`).
    public var entity: String
    /// The record's position in its entity's array; `nil` for a problem of the whole entity.
    public var index: Int?
    /// The offending value inside the record (`/items/2/unitPrice`).
    public var pointer: JSONPointer
    /// What is wrong, with the values involved.
    public var message: String

    public init(entity: String, index: Int?, pointer: JSONPointer, message: String) {
        self.entity = entity
        self.index = index
        self.pointer = pointer
        self.message = message
    }

    /// `order[12]/items/2/unitPrice: 18.99 is not product 'a1b2…'s price 19.99`.
    public var description: String {
        var text = entity
        if let index { text += "[\(index)]" }
        if pointer != .root { text += pointer.description }
        return text + ": " + message
    }
}
