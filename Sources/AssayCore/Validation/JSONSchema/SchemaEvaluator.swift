import OrderedCollections

/// One validation run: the documents it can reach, the identifiers in them (indexed on
/// demand), and the references in progress that bound recursion.
///
/// A ``JSONSchemaValidator`` is a plain `Sendable` value; each `validate` call makes an
/// evaluator of its own, so concurrent validations share nothing but the regex cache.
final class SchemaEvaluator {
    /// Where the evaluation is: the schema's place, the base URI just outside it, the
    /// dynamic scope (resources entered, outermost first) and the instance's place.
    ///
    /// Both places grow by one token per subschema or member entered, and are read only
    /// when an error names them, so each is kept as a fixed start plus a chain of the
    /// tokens added since: descending adds one small node instead of copying the whole
    /// pointer, which on large instances cost more than the checks themselves.
    ///
    /// What changes only at a reference or a new resource (the schema place's start, the
    /// base, the scope) is one shared ``Context``: a frame is copied for every subschema
    /// and member, and each reference-counted field it holds is a retain and a release
    /// per copy, which made up a fifth of a validation.
    struct Frame {
        var context: Context
        var schemaTail: PathNode?
        var instanceTail: PathNode?
        /// How many tokens the instance's place has.
        var instanceDepth: Int
        var depth: Int
        /// Errors are only counted (the caller keeps validity, not messages): stop at the first.
        var quiet: Bool

        init(location: SchemaLocation, parentBase: String, scope: [String], depth: Int, quiet: Bool) {
            context = Context(schemaStart: location, parentBase: parentBase, scope: scope)
            instanceDepth = 0
            self.depth = depth
            self.quiet = quiet
        }

        /// The base URI just outside the schema.
        var parentBase: String { context.parentBase }
        /// The dynamic scope: the resources entered, outermost first.
        var scope: [String] { context.scope }

        /// The schema's place.
        var location: SchemaLocation {
            let start = context.schemaStart
            guard let schemaTail else { return start }
            return SchemaLocation(document: start.document, pointer: JSONPointer(tokens: start.pointer.tokens + schemaTail.tokens))
        }

        /// The instance's place (from the root of the validated value).
        var instancePath: JSONPointer { JSONPointer(tokens: instanceTail?.tokens ?? []) }

        /// Continues at `location` (a reference's target) with `parentBase` outside it.
        mutating func enter(_ location: SchemaLocation, parentBase: String) {
            context = Context(schemaStart: location, parentBase: parentBase, scope: context.scope)
            schemaTail = nil
        }

        /// Makes `base` the base of the schema's children and the innermost resource of the
        /// scope (a new context only when either changes: schemas without `$id` keep it).
        mutating func adopt(base: String) {
            let last = context.scope.last
            guard base != context.parentBase || last != base else { return }
            // The scope's own string when equal, so later comparisons are of one storage.
            let kept = last == base ? last! : base
            context = Context(schemaStart: context.schemaStart, parentBase: kept, scope: last == base ? context.scope : context.scope + [base])
        }
    }

    /// The part of a ``Frame`` that changes only at a reference or a new resource.
    final class Context {
        let schemaStart: SchemaLocation
        let parentBase: String
        let scope: [String]

        init(schemaStart: SchemaLocation, parentBase: String, scope: [String]) {
            self.schemaStart = schemaStart
            self.parentBase = parentBase
            self.scope = scope
        }
    }

    /// One token of a place, after those of `parent`.
    final class PathNode {
        let parent: PathNode?
        let token: String
        /// A second token after `token`: most subschemas sit two tokens down
        /// (`properties/name`, `allOf/0`), and one node for both halves the allocations.
        let second: String?

        init(_ parent: PathNode?, _ token: String, _ second: String? = nil) {
            self.parent = parent
            self.token = token
            self.second = second
        }

        /// The tokens from the first to this one.
        var tokens: [String] {
            var reversed: [String] = []
            var node: PathNode? = self
            while let current = node {
                if let second = current.second { reversed.append(second) }
                reversed.append(current.token)
                node = current.parent
            }
            return reversed.reversed()
        }
    }

    /// Deepest nesting of schema evaluations before giving up with an error.
    static let maxDepth = 1000
    /// Deepest nesting evaluated on the caller's thread, whose stack may be small (a
    /// concurrency pool thread, a NIO event loop). A deeper evaluation starts over on a
    /// thread of its own with a stack sized for ``maxDepth``.
    static let callerStackDepth = 40
    /// The stack of that thread: enough for ``maxDepth`` levels in a debug build.
    static let largeStackSize = 64 << 20

    /// Whether this run is on the large-stack thread.
    private var onLargeStack = false
    /// Set when the evaluation got deeper than ``callerStackDepth`` on the caller's thread.
    private(set) var needsLargeStack = false

    let draft: JSONSchemaValidator.Draft
    let openAPI: Bool
    let assertFormats: Bool
    let requiredExemption: (@Sendable (JSONObject, String) -> Bool)?
    /// Whether the members and items each keyword evaluated are recorded: only
    /// `unevaluatedProperties` and `unevaluatedItems` read them, so a run over documents
    /// without those keywords (every draft 4 one, most 2020-12 ones) skips building the sets.
    let tracksAnnotations: Bool
    /// The root document, registered documents and the built-in meta-schema.
    private(set) var documents: [JSONValue]
    /// The retrieval URI of each document.
    private(set) var documentBases: [String]
    private var lazyIndex: SchemaIndex?
    let startLocation: SchemaLocation
    private let startSchema: JSONValue
    private let startParentBase: String
    /// `$ref` targets being evaluated, with the instance place: a revisit means no progress.
    var activeReferences: Set<ReferenceVisit> = []

    /// Resolved references by text and base URI (`nil` for unresolvable ones): a schema
    /// referenced from every item of a large array is looked up once.
    var resolvedReferences: [ReferenceKey: Target?] = [:]

    struct ReferenceKey: Hashable {
        var reference: String
        var base: String
    }

    /// A reference target entered at an instance place. The target is kept as its number
    /// (``visitID(of:)``) and the place as its depth: instance paths only grow down one
    /// chain of evaluations, so two active visits at the same depth are at the same place,
    /// and two Ints hash for almost nothing where a location and a path do not.
    struct ReferenceVisit: Hashable {
        var target: Int
        var instanceDepth: Int
    }

    /// The number of each reference target's location met so far (one location, one number).
    private var visitIDs: [SchemaLocation: Int] = [:]

    /// The number of a reference target's location in this evaluator.
    func visitID(of location: SchemaLocation) -> Int {
        if let known = visitIDs[location] { return known }
        let id = visitIDs.count + 1
        visitIDs[location] = id
        return id
    }

    /// The retrieval URI given to a root document without an absolute `$id`.
    static let defaultBase = "https://assay.invalid/schema.json"

    /// The prepared validator's index of the documents, built by the first evaluator that needs it.
    let sharedIndex: SchemaIndexCache?

    init(
        validator: JSONSchemaValidator,
        schema: JSONValue,
        document: JSONValue,
        schemaPointer: JSONPointer,
        sharedIndex: SchemaIndexCache? = nil
    ) {
        self.sharedIndex = sharedIndex
        draft = validator.draft
        openAPI = validator.openAPI
        assertFormats = validator.assertFormats
        requiredExemption = validator.requiredExemption
        var documents = [document]
        var bases = [Self.defaultBase]
        for (uri, value) in validator.documents.sorted(by: { $0.key < $1.key }) {
            documents.append(value)
            bases.append(SchemaURI.split(SchemaURI.normalized(uri)).absolute)
        }
        for (uri, value) in JSONSchemaMetaSchemas.documents(for: validator.draft) where !bases.contains(uri) {
            documents.append(value)
            bases.append(uri)
        }
        self.documents = documents
        self.documentBases = bases
        if validator.draft == .draft2020_12 {
            // The built-in meta-schemas name those keywords only as properties of schemas.
            let own = documents.prefix(1 + validator.documents.count)
            tracksAnnotations = sharedIndex?.usesUnevaluated(orScan: { own.contains(where: Self.usesUnevaluated) }) ?? own.contains(where: Self.usesUnevaluated)
        } else {
            tracksAnnotations = false
        }
        startLocation = SchemaLocation(document: 0, pointer: schemaPointer)
        startSchema = schema
        startParentBase = Self.parentBase(in: document, base: Self.defaultBase, tokens: schemaPointer.tokens, draft: validator.draft)
    }

    /// Validates `instance` against the start schema.
    func run(_ instance: JSONValue, quiet: Bool) -> [SchemaValidationError] {
        let frame = Frame(location: startLocation, parentBase: startParentBase, scope: [], depth: 0, quiet: quiet)
        let errors = evaluate(instance, startSchema, frame).errors
        guard needsLargeStack else { return errors }
        // Too deep for the caller's stack: evaluate again, from the top, where depth is affordable.
        needsLargeStack = false
        onLargeStack = true
        activeReferences = []
        return LargeStackThread.run(stackSize: Self.largeStackSize) {
            self.evaluate(instance, self.startSchema, frame).errors
        }
    }

    /// Whether `value` holds `unevaluatedProperties` or `unevaluatedItems` as a keyword
    /// somewhere (not merely as a property name under `properties`).
    static func usesUnevaluated(_ value: JSONValue) -> Bool {
        func scan(_ value: JSONValue, underProperties: Bool) -> Bool {
            switch value {
            case .object(let object):
                if !underProperties && (object["unevaluatedProperties"] != nil || object["unevaluatedItems"] != nil) { return true }
                return object.contains { key, member in scan(member, underProperties: key == "properties" && !underProperties) }
            case .array(let array):
                return array.contains { scan($0, underProperties: false) }
            default:
                return false
            }
        }
        return scan(value, underProperties: false)
    }

    // MARK: Identifiers

    /// The index of identifiers, built on first use.
    var index: SchemaIndex {
        if let lazyIndex { return lazyIndex }
        let build = { [documents, documentBases, draft] in
            var index = SchemaIndex(draft: draft)
            for (number, document) in documents.enumerated() {
                index.addDocument(document, index: number, base: documentBases[number])
            }
            return index
        }
        var index = sharedIndex?.index(orBuild: build) ?? build()
        if !startLocation.pointer.tokens.isEmpty {
            index.addSchema(startSchema, at: startLocation, parentBase: startParentBase)
        }
        lazyIndex = index
        return index
    }

    /// The base URI in effect just outside the value at `tokens` below `value`, applying the
    /// `$id`s of the schemas passed on the way.
    static func parentBase(in value: JSONValue, base: String, tokens: [String], draft: JSONSchemaValidator.Draft) -> String {
        var current = value
        var base = base
        for token in tokens {
            base = SchemaIndex.base(of: current, draft: draft, parentBase: base)
            switch current {
            case .object(let object):
                guard let next = object[token] else { return base }
                current = next
            case .array(let array):
                guard let index = Int(token), array.indices.contains(index) else { return base }
                current = array[index]
            default:
                return base
            }
        }
        return base
    }

    // MARK: Evaluation

    /// Evaluates `schema`, which sits at `frame.location`, against `instance`.
    func evaluate(_ instance: JSONValue, _ schema: JSONValue, _ frame: Frame) -> SchemaEvaluation {
        switch schema {
        case .bool(false):
            var result = SchemaEvaluation()
            result.errors.append(error(frame, keyword: "false", at: frame.location.pointer, "no value is allowed here (the schema is false)"))
            return result
        case .object(let object):
            if !onLargeStack && frame.depth >= Self.callerStackDepth {
                needsLargeStack = true
                var result = SchemaEvaluation()
                result.errors.append(error(frame, keyword: "$ref", at: frame.location.pointer, "evaluation continues on a larger stack"))
                return result
            }
            guard frame.depth < Self.maxDepth else {
                var result = SchemaEvaluation()
                result.errors.append(
                    error(frame, keyword: "$ref", at: frame.location.pointer, "the schema nests deeper than \(Self.maxDepth) levels of evaluation")
                )
                return result
            }
            return evaluateObject(instance, object, frame)
        default:
            // `true`, and anything that is not a schema, accepts every instance.
            return SchemaEvaluation()
        }
    }

    private func evaluateObject(_ instance: JSONValue, _ schema: JSONObject, _ outer: Frame) -> SchemaEvaluation {
        var frame = outer
        frame.depth += 1
        // `frame.parentBase` becomes this schema's own base for its children.
        let base = SchemaIndex.identifier(of: schema, draft: draft, parentBase: outer.parentBase)?.base ?? outer.parentBase
        frame.adopt(base: base)

        var result = SchemaEvaluation()
        if openAPI, draft == .draft4, instance.isNull, schema["nullable"] == .bool(true) {
            // OpenAPI 3.0: `nullable: true` admits null, also next to `$ref` or `allOf`, as
            // descriptions commonly write `{nullable: true, allOf: [{$ref: …}]}`.
            return result
        }
        if draft == .draft4, case .string(let reference)? = schema["$ref"] {
            // Draft 4 (and OpenAPI 3.0): `$ref` replaces the whole schema object.
            return evaluateReference(reference, keyword: "$ref", instance, frame)
        }
        applyReferences(instance, schema, frame, into: &result)
        if stop(frame, result) { return result }
        applyTypeAndValue(instance, schema, frame, into: &result)
        if stop(frame, result) { return result }
        switch instance {
        case .integer, .double: applyNumeric(instance, schema, frame, into: &result)
        case .string(let string): applyString(string, schema, frame, into: &result)
        case .array(let array): applyArray(array, schema, frame, into: &result)
        case .object(let object): applyObject(object, schema, frame, into: &result)
        default: break
        }
        if stop(frame, result) { return result }
        applyCombinators(instance, schema, frame, into: &result)
        if stop(frame, result) { return result }
        if draft == .draft2020_12 {
            applyConditional(instance, schema, frame, into: &result)
            if stop(frame, result) { return result }
            if case .object(let object) = instance {
                applyDependentSchemas(object, instance, schema, frame, into: &result)
                if stop(frame, result) { return result }
                applyUnevaluatedProperties(object, schema, frame, into: &result)
            }
            if case .array(let array) = instance {
                applyUnevaluatedItems(array, schema, frame, into: &result)
            }
        }
        return result
    }

    /// Whether to stop evaluating this schema: in quiet mode, at the first error.
    @inline(__always) func stop(_ frame: Frame, _ result: SchemaEvaluation) -> Bool {
        (frame.quiet && !result.isValid) || needsLargeStack
    }

    /// An error for `keyword` of the schema at `schemaPointer`.
    func error(_ frame: Frame, keyword: String, at schemaPointer: JSONPointer, _ message: String) -> SchemaValidationError {
        SchemaValidationError(
            instancePointer: frame.instancePath,
            keywordPointer: keyword == "false" ? schemaPointer : schemaPointer.appending(keyword),
            keyword: keyword,
            message: message
        )
    }

    /// An error for `keyword` of the schema being evaluated in `frame`.
    func error(_ frame: Frame, _ keyword: String, _ message: String) -> SchemaValidationError {
        error(frame, keyword: keyword, at: frame.location.pointer, message)
    }

    /// The frame for a subschema at `path` below the current schema, applied to the
    /// instance value at `instanceTokens` below the current instance.
    func child(_ frame: Frame, _ path: [String], instance instanceTokens: [String] = [], quiet: Bool? = nil) -> Frame {
        var next = frame
        var index = path.startIndex
        while index < path.endIndex {
            let pair = index + 1 < path.endIndex
            next.schemaTail = PathNode(next.schemaTail, path[index], pair ? path[index + 1] : nil)
            index += pair ? 2 : 1
        }
        for token in instanceTokens {
            next.instanceTail = PathNode(next.instanceTail, token)
            next.instanceDepth += 1
        }
        if let quiet { next.quiet = quiet || frame.quiet }
        return next
    }

    /// Evaluates the subschema `schema` at `path` below the current schema.
    func evaluate(
        _ instance: JSONValue,
        _ schema: JSONValue,
        _ frame: Frame,
        path: [String],
        instance instanceTokens: [String] = [],
        quiet: Bool? = nil
    ) -> SchemaEvaluation {
        evaluate(instance, schema, child(frame, path, instance: instanceTokens, quiet: quiet))
    }
}
