/// One page of a list and the cursor of the next one.
///
/// Pass `nextCursor` back as the `after` argument of the same list call; `nil` means this was the last page.
public struct Page<Item: Sendable>: Sendable {
    /// The items of this page, in list order.
    public var items: [Item]
    /// The cursor of the next page, or `nil` when there is none.
    public var nextCursor: String?

    /// A page of `items`.
    public init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}

extension Page: Equatable where Item: Equatable {}
