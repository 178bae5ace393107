import OrderedCollections

extension SchemaEvaluator {
    /// A resolved reference: the target schema, its place, and the base URI just outside it.
    struct Target {
        var schema: JSONValue
        var location: SchemaLocation
        var parentBase: String
        /// The location's number in this evaluator (``SchemaEvaluator/visitID(of:)``): what
        /// the recursion guard hashes instead of the location's pointer, once per `$ref`
        /// followed.
        var visitID = 0
    }

    /// `$ref` and `$dynamicRef` of a 2020-12 schema (they apply alongside their siblings).
    func applyReferences(_ instance: JSONValue, _ schema: JSONObject, _ frame: Frame, into result: inout SchemaEvaluation) {
        if case .string(let reference)? = schema["$ref"] {
            result.absorb(evaluateReference(reference, keyword: "$ref", instance, frame))
        }
        if draft == .draft2020_12, case .string(let reference)? = schema["$dynamicRef"] {
            result.absorb(evaluateReference(reference, keyword: "$dynamicRef", instance, frame))
        }
    }

    /// Follows a reference of the schema in `frame` and evaluates its target.
    func evaluateReference(_ reference: String, keyword: String, _ instance: JSONValue, _ frame: Frame) -> SchemaEvaluation {
        var result = SchemaEvaluation()
        let found = keyword == "$dynamicRef" ? resolveDynamic(reference, frame) : resolve(reference, base: frame.parentBase)
        guard let target = found else {
            result.errors.append(error(frame, keyword, "cannot resolve the reference \"\(reference)\""))
            return result
        }
        let visit = ReferenceVisit(target: target.visitID, instanceDepth: frame.instanceDepth)
        guard activeReferences.insert(visit).inserted else {
            result.errors.append(
                error(frame, keyword, "the reference \"\(reference)\" leads back to itself without reaching a deeper value")
            )
            return result
        }
        defer { activeReferences.remove(visit) }
        var next = frame
        // The same base held by the scope already is kept as that very string, so the
        // comparisons of every schema below it are of one storage, not of characters.
        next.enter(target.location, parentBase: frame.scope.last == target.parentBase ? frame.scope.last! : target.parentBase)
        return evaluate(instance, target.schema, next)
    }

    /// Resolves a `$ref` against `base`: a JSON pointer, an anchor or an identified resource.
    func resolve(_ reference: String, base: String) -> Target? {
        let key = ReferenceKey(reference: reference, base: base)
        if let cached = resolvedReferences[key] { return cached }
        // Evaluations that start inside the shared documents resolve alike, so they share
        // what they resolved; one starting from a schema held as a value indexes that
        // schema too, and keeps its resolutions to itself.
        let shared = startLocation.pointer.tokens.isEmpty ? nil : sharedIndex
        var target: Target?
        if let shared, let known = shared.resolvedReference(key) {
            target = known
        } else {
            target = resolveUncached(reference, base: base)
            shared?.remember(key, target)
        }
        // Numbered here: another evaluator sharing the resolution numbers it its own way.
        if let location = target?.location { target?.visitID = visitID(of: location) }
        resolvedReferences[key] = .some(target)
        return target
    }

    private func resolveUncached(_ reference: String, base: String) -> Target? {
        let (absolute, fragment) = SchemaURI.split(SchemaURI.resolve(reference, against: base))
        guard let resource = resourceEntry(absolute) else { return nil }
        guard let fragment else { return target(resource) }
        if fragment.hasPrefix("/") {
            guard let pointer = JSONPointer(fragment) else { return nil }
            let resourceRoot = documents[resource.location.document].value(at: resource.location.pointer)
            guard let resourceRoot, let schema = resourceRoot.value(at: pointer) else { return nil }
            var location = resource.location
            for token in pointer.tokens { location = location.appending(token) }
            let parentBase = Self.parentBase(in: resourceRoot, base: resource.parentBase, tokens: pointer.tokens, draft: draft)
            return Target(schema: schema, location: location, parentBase: parentBase)
        }
        let name = fragment.removingPercentEncodingIfValid
        guard let entry = index.anchor(absolute + "#" + name) else { return nil }
        return target(entry)
    }

    /// Resolves a `$dynamicRef`: like `$ref`, then, when the target carries the matching
    /// `$dynamicAnchor`, the outermost resource in the dynamic scope with that anchor wins.
    func resolveDynamic(_ reference: String, _ frame: Frame) -> Target? {
        guard let initial = resolve(reference, base: frame.parentBase) else { return nil }
        let (_, fragment) = SchemaURI.split(SchemaURI.resolve(reference, against: frame.parentBase))
        guard let name = fragment?.removingPercentEncodingIfValid, !name.hasPrefix("/"),
            case .string(let anchor)? = initial.schema["$dynamicAnchor"], anchor == name
        else { return initial }
        for resource in frame.scope {
            if let entry = index.dynamicAnchor(resource + "#" + name), var found = target(entry) {
                found.visitID = visitID(of: found.location)
                return found
            }
        }
        return initial
    }

    /// The schema resource an absolute URI names: a document or an embedded `$id`.
    private func resourceEntry(_ absolute: String) -> SchemaIndex.Entry? {
        if absolute == documentBases[0] {
            return SchemaIndex.Entry(location: SchemaLocation(document: 0, pointer: .root), parentBase: absolute)
        }
        return index.resource(absolute)
    }

    private func target(_ entry: SchemaIndex.Entry) -> Target? {
        guard let schema = documents[entry.location.document].value(at: entry.location.pointer) else { return nil }
        return Target(schema: schema, location: entry.location, parentBase: entry.parentBase)
    }
}
