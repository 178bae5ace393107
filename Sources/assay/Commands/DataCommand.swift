import ArgumentParser
import AssayCore
import AssayData
import Foundation
import OrderedCollections

/// `assay data`: realistic, schema-valid test data, streamed to a file or standard output.
struct DataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Generate realistic test data: a built-in entity, a JSON Schema, or a schema of an API description.",
        discussion: """
            Output is byte-identical for the same seed, source and Assay version. Records are \
            generated and written in chunks, so any count streams in constant memory.

            Exit codes: 0 written; 2 unusable input (unknown entity or locale, unreadable or \
            unsatisfiable schema, unwritable output).

            Examples:
              assay data --list
              assay data user --count 1000000 --locale de_DE --out users.ndjson
              assay data order --count 50 --format json
              assay data --dataset user=50,product=40,order=60,payment=60 --out data/
              assay data --schema customer.schema.json --count 100 --unique email
              assay data --spec examples/petstore.yaml --component Pet --count 20 --format csv
            """
    )

    @Argument(help: "A built-in entity: user, product, cart, order, payment or review (see --list).")
    var entity: String?

    @Option(help: "A JSON Schema file (JSON or YAML) to generate from.")
    var schema: String?

    @Option(help: "An API description to take a component schema from (with --component).")
    var spec: String?

    @Option(help: "The component schema of --spec to generate.")
    var component: String?

    @Option(help: "Several entities generated together, references kept inside: user=50,product=40,order=60. Writes one file per entity into --out.")
    var dataset: String?

    @Option(name: .shortAndLong, help: "How many records.")
    var count: Int = 10

    @Option(help: "The seed: the same seed gives the same bytes.")
    var seed: UInt64 = 1

    @Option(help: "Locale of names, addresses and phone numbers: \(LocalePack.identifiers.joined(separator: ", ")).")
    var locale: String = "en_US"

    /// Output formats (the data engine's `DataFormat`).
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case ndjson, json, csv

        var dataFormat: DataFormat {
            switch self {
            case .ndjson: return .ndjson
            case .json: return .json
            case .csv: return .csv
            }
        }
    }

    /// Which side of an exchange schema values are for.
    enum Direction: String, ExpressibleByArgument, CaseIterable {
        case request, response, neutral

        var option: GenerationOptions.Direction {
            switch self {
            case .request: return .request
            case .response: return .response
            case .neutral: return .neutral
            }
        }
    }

    @Option(help: "Output format: ndjson, json or csv.")
    var format: Format = .ndjson

    @Option(name: .shortAndLong, help: "Output file (a directory with --dataset); standard output when absent.")
    var out: String?

    @Option(help: "A field whose values must differ in every record (repeatable).")
    var unique: [String] = []

    @Option(help: "For schemas: request leaves out readOnly properties, response leaves out writeOnly ones.")
    var direction: Direction = .neutral

    @Option(help: "Records generated and written per chunk.")
    var batchSize: Int = 10_000

    @Flag(help: "List the built-in entities with their fields and schemas.")
    var list = false

    @Flag(help: "No progress bar, even on a terminal.")
    var quiet = false

    @OptionGroup var loading: SpecLoadingOptions

    func validate() throws {
        if list { return }
        let sources = [entity != nil, schema != nil, spec != nil, dataset != nil].filter { $0 }.count
        guard sources == 1 else {
            throw ValidationError("name exactly one source: an ENTITY, --schema FILE, --spec SPEC --component NAME, or --dataset")
        }
        if spec != nil, component == nil { throw ValidationError("--spec needs --component NAME") }
        if component != nil, spec == nil { throw ValidationError("--component needs --spec SPEC") }
        guard count >= 0 else { throw ValidationError("--count must not be negative") }
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
        if dataset != nil, out == nil { throw ValidationError("--dataset writes one file per entity: give a directory with --out") }
    }

    func run() async throws {
        if list {
            printCatalog()
            return
        }
        do {
            let localePack = try LocalePack.named(locale)
            if let dataset {
                try await writeDataset(dataset, locale: localePack)
                return
            }
            let generator = try await recordGenerator(locale: localePack)
            let stream = DataStream(generator: generator, count: count, seed: seed, format: format.dataFormat, batchSize: batchSize)
            let progress = ProgressBar(total: count, label: "records", enabled: !quiet && out != nil)
            _ = try await DataSink.write(stream, toPath: out, progress: { progress.update($0) })
            progress.finish()
        } catch let error as DataError {
            report(error)
            throw ExitStatus.unusable
        } catch let error as LoadError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitStatus.unusable
        }
    }

    /// The generator the source names.
    private func recordGenerator(locale: LocalePack) async throws -> any RecordGenerator {
        if let entity {
            let type = try EntityCatalog.named(entity)
            let context = EntityContext(seed: seed, locale: locale)
            return try type.make(context: context, unique: unique)
        }
        let options = GenerationOptions(direction: direction.option, locale: locale)
        if let schema {
            let loader = SpecLoader(options: loading.loadOptions)
            let (document, _) = try await loader.loadDocument(SpecSource(argument: schema))
            let generator = SchemaValueGenerator(document: document, dialect: Self.dialect(of: document), options: options)
            return try SchemaRecordGenerator(generator: generator, schemaAt: .root, unique: unique)
        }
        let loader = SpecLoader(options: loading.loadOptions)
        let model = try await loader.load(SpecSource(argument: spec!)).model
        guard let name = component, let found = model.schemas[name] else {
            let known = model.schemas.keys.prefix(40).joined(separator: ", ")
            throw DataError(
                .unknownComponent,
                "\(spec!) has no component schema \"\(component ?? "")\"",
                details: model.schemas.isEmpty ? ["the description declares no component schemas"] : ["known: \(known)\(model.schemas.count > 40 ? ", …" : "")"]
            )
        }
        let generator = SchemaValueGenerator(model: model, options: options)
        return try SchemaRecordGenerator(generator: generator, schemaAt: found.pointer, unique: unique)
    }

    /// A standalone schema's dialect from its `$schema`: draft 4 to 7 validate with draft-4
    /// semantics, anything else (and no `$schema`) with 2020-12.
    static func dialect(of document: JSONValue) -> SchemaDialect {
        guard let declared = document["$schema"]?.stringValue else { return .openAPI31 }
        return ["draft-04", "draft-06", "draft-07"].contains(where: declared.contains) ? .openAPI30 : .openAPI31
    }

    private func writeDataset(_ specification: String, locale: LocalePack) async throws {
        var counts: [(entity: String, count: Int)] = []
        for part in specification.split(separator: ",") {
            let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count == 2, let number = Int(pieces[1]), number >= 0 else {
                throw DataError(.unknownEntity, "--dataset entry \"\(part)\" is not ENTITY=COUNT", details: ["example: user=50,product=40,order=60"])
            }
            counts.append((pieces[0], number))
        }
        let dataset = try Dataset(counts: counts, seed: seed, locale: locale)
        if !dataset.missingReferences.isEmpty {
            let names = dataset.missingReferences.joined(separator: ", ")
            FileHandle.standardError.write(
                Data("warning: the dataset has no \(names) records; references to them point outside it (add e.g. \(dataset.missingReferences[0])=100)\n".utf8)
            )
        }
        let directory = out!
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw DataError(.io, "cannot create the directory \(directory): \(error.localizedDescription)")
        }
        for member in dataset.members {
            let path = (directory as NSString).appendingPathComponent("\(member.entity.entityName).\(format.fileExtension)")
            let stream = DataStream(generator: member.generator, count: member.count, seed: seed, format: format.dataFormat, batchSize: batchSize)
            let written = try await DataSink.write(stream, toPath: path)
            FileHandle.standardError.write(Data("wrote \(written) \(member.entity.entityName) records to \(path)\n".utf8))
        }
    }

    private func printCatalog() {
        if format == .json {
            var object = JSONObject()
            for type in EntityCatalog.all {
                object[type.entityName] = ["summary": .string(type.summary), "schema": type.schema]
            }
            print(JSONWriter(pretty: true).string(.object(object)))
            return
        }
        var text = "Built-in entities (assay data ENTITY; --list --format json prints their JSON Schemas):\n"
        for type in EntityCatalog.all {
            text += "\n\(type.entityName) — \(type.summary)\n"
            let required = Set(type.schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            for (name, property) in type.schema["properties"]?.objectValue ?? [:] {
                text += "  \(name.padding(toLength: 14, withPad: " ", startingAt: 0)) \(Self.describe(property))\(required.contains(name) ? "" : " (optional)")\n"
            }
        }
        text += "\nLocales: \(LocalePack.identifiers.joined(separator: ", "))\n"
        print(text, terminator: "")
    }

    /// `string (uuid)`, `integer 1…5`, `array of object`: a schema in a few words.
    static func describe(_ schema: JSONValue) -> String {
        var text = schema["type"]?.stringValue ?? schema["type"]?.arrayValue?.compactMap(\.stringValue).joined(separator: "|") ?? "any"
        if let format = schema["format"]?.stringValue { text += " (\(format))" }
        if let values = schema["enum"]?.arrayValue { text += " one of " + values.compactMap(\.stringValue).joined(separator: "|") }
        let low = schema["minimum"].map { JSONWriter().string($0) }
        let high = schema["maximum"].map { JSONWriter().string($0) }
        if low != nil || high != nil { text += " \(low ?? "")…\(high ?? "")" }
        if text == "array", let items = schema["items"] { text += " of " + describe(items) }
        return text
    }

    private func report(_ error: DataError) {
        var text = "error: \(error.message)\n"
        if let pointer = error.schemaPointer, !pointer.tokens.isEmpty { text += "  schema: #\(pointer)\n" }
        for detail in error.details { text += "  - \(detail)\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }
}

extension DataCommand.Format {
    /// The file name extension of the format.
    var fileExtension: String { rawValue }
}
