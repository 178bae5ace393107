/// A place in one of the documents a validation can reach: the root document (0), a
/// registered document or a built-in meta-schema.
struct SchemaLocation: Hashable {
    var document: Int
    var pointer: JSONPointer

    func appending(_ token: String) -> SchemaLocation {
        SchemaLocation(document: document, pointer: pointer.appending(token))
    }

    func appending(_ index: Int) -> SchemaLocation {
        SchemaLocation(document: document, pointer: pointer.appending(index))
    }
}
