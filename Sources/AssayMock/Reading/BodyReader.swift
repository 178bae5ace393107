import AssayCore
import OrderedCollections

/// Reads a request body by its media type (JSON, form, multipart, text) and validates it
/// against the schema the description gives that media type.
struct BodyReader: Sendable {
    /// What the body turned out to be.
    enum Outcome: Sendable {
        /// No body (none sent, or the operation takes none).
        case absent
        /// The body as a value, with the media type it was read as.
        case value(JSONValue, MediaType)
        /// A media type the operation does not take.
        case unsupported(String)
        /// Bytes that are not what the media type says (JSON that does not parse).
        case malformed(String)
        /// A well-formed body that breaks its schema.
        case invalid(JSONValue, MediaType, [SchemaValidationError])
    }

    let check: SchemaCheck
    let parameters: ParameterReader

    /// Reads the body of `request` for `operation`.
    ///
    /// - Parameters:
    ///   - validate: `false` reads without checking the schema.
    ///   - anyMediaType: reads a body of an undocumented media type as JSON instead of refusing it.
    func read(_ request: MockRequest, for operation: AssayCore.Operation, validate: Bool, anyMediaType: Bool) -> Outcome {
        guard let body = operation.requestBody, !body.content.isEmpty else { return .absent }
        let sentType = request.headers.value(of: "Content-Type") ?? ""
        if request.body.isEmpty {
            // A form without fields travels as no body at all (clients send nothing for an
            // empty form): when only forms are taken, nothing is an empty form.
            let forms = body.content.filter { Self.isForm($0.contentType) }
            if forms.count == body.content.count, let media = forms.first,
                media.schema.map({ check.isValid(.object([:]), schemaAt: $0.pointer) }) ?? true
            {
                return .value(.object([:]), media)
            }
            return .absent
        }
        guard let media = mediaType(of: body, for: sentType) ?? (anyMediaType ? jsonMediaType(of: body) : nil) else {
            return .unsupported(sentType.isEmpty ? "no Content-Type" : sentType)
        }
        let readAs = anyMediaType && mediaType(of: body, for: sentType) == nil ? "application/json" : (sentType.isEmpty ? media.contentType : sentType)
        let value: JSONValue
        let type = MediaTypeText.bare(readAs)
        if MediaTypeText.isJSON(type) || (type == "*/*" || type.isEmpty) && request.body.first.map({ $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") }) == true {
            do {
                value = try JSONValue.parse(request.body)
            } catch {
                return .malformed("the body is not valid JSON: \(error)")
            }
        } else if type == "application/x-www-form-urlencoded" {
            value = fields(FormEncoding.pairs(String(decoding: request.body, as: UTF8.self)), schema: media.schema)
        } else if type.hasPrefix("multipart/") {
            guard let parts = MultipartBody.parts(of: request.body, contentType: readAs) else {
                return .malformed("the body is not well-formed \(type) (boundary missing or parts unreadable)")
            }
            value = fields(parts.map { ($0.name, String(decoding: $0.body, as: UTF8.self)) }, schema: media.schema)
        } else {
            // Text and binary bodies are taken as they come: only JSON and forms have a
            // structure to check.
            return .value(.string(String(decoding: request.body, as: UTF8.self)), media)
        }
        guard validate, let schema = media.schema else { return .value(value, media) }
        if Self.isForm(type) {
            // A form whose schema is not an object (a binary upload as `type: string`)
            // has no fields to check.
            let types = check.lookup.types(of: schema.value)
            if !types.isEmpty && !types.contains("object") { return .value(value, media) }
        }
        let errors = check.errors(value, schemaAt: schema.pointer)
        return errors.isEmpty ? .value(value, media) : .invalid(value, media, errors)
    }

    static func isForm(_ type: String) -> Bool {
        let bare = MediaTypeText.bare(type)
        return bare == "application/x-www-form-urlencoded" || bare.hasPrefix("multipart/")
    }

    /// The documented media type covering what was sent: the same type first, then ranges
    /// (`application/*`, `*/*`); without a Content-Type, the first documented one.
    func mediaType(of body: RequestBody, for sent: String) -> MediaType? {
        if sent.isEmpty { return jsonMediaType(of: body) ?? body.content.first }
        let bare = MediaTypeText.bare(sent)
        return body.content.first { MediaTypeText.bare($0.contentType) == bare }
            ?? body.content.first { MediaTypeText.covers($0.contentType, sent) }
    }

    func jsonMediaType(of body: RequestBody) -> MediaType? {
        body.content.first { MediaTypeText.isJSON($0.contentType) } ?? body.content.first { MediaTypeText.bare($0.contentType) == "*/*" }
    }

    /// Form fields as an object: each field read by its property's schema (scalars by
    /// their readings, arrays and objects from JSON text or repeated names).
    func fields(_ pairs: [(name: String, value: String)], schema: Schema?) -> JSONValue {
        let lookup = check.lookup
        let properties = schema.map { lookup.anyProperties(of: $0.value) } ?? [:]
        var object: JSONObject = [:]
        var repeated: [String: [String]] = [:]
        for (name, value) in pairs { repeated[name, default: []].append(value) }
        for (name, _) in pairs where object[name] == nil {
            let texts = repeated[name] ?? []
            let property = properties[name]
            if let property, lookup.types(of: property) == ["array"], texts.count > 1 || (try? JSONValue.parse(Array(texts[0].utf8)))?.arrayValue == nil {
                let items = lookup.items(of: property)
                object[name] = .array(texts.map { parameters.scalar($0, schema: items) })
            } else {
                object[name] = parameters.scalar(texts[0], schema: property)
            }
        }
        return .object(object)
    }
}
