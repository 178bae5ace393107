import AssayCore
import Foundation
import OrderedCollections

// The contracts' JSON form inside a plan (`operations`, docs/plan.md): compact, members
// left out when empty, read back strictly.

extension OperationContract {
    var json: JSONValue {
        var object: JSONObject = ["operation": .string(operation)]
        if let operationID { object["operationId"] = .string(operationID) }
        object["fingerprint"] = .string(fingerprint)
        if !parameters.isEmpty { object["parameters"] = .array(parameters.map(\.json)) }
        if let body { object["body"] = body.json }
        var statuses: JSONObject = [:]
        for (status, response) in responses { statuses[status] = response.json }
        object["responses"] = .object(statuses)
        return .object(object)
    }

    init(reader: PlanReader) throws(PlanError) {
        var responses: OrderedDictionary<String, ResponseContract> = [:]
        let statuses = try reader.object("responses")
        for (status, _) in statuses.value.objectValue ?? [:] {
            responses[status] = try ResponseContract(reader: try statuses.object(status))
        }
        self.init(
            operation: try reader.string("operation"),
            operationID: try reader.optionalString("operationId"),
            fingerprint: try reader.string("fingerprint"),
            parameters: try (reader.optionalArray("parameters") ?? []).map { entry throws(PlanError) in try ParameterContract(reader: entry) },
            body: try reader.optionalObject("body").map { entry throws(PlanError) in try BodyContract(reader: entry) },
            responses: responses
        )
    }
}

extension ParameterContract {
    var json: JSONValue {
        var object: JSONObject = ["name": .string(name), "in": .string(location.rawValue), "required": .bool(required)]
        if !schema.entries.isEmpty { object["schema"] = schema.json }
        return .object(object)
    }

    init(reader: PlanReader) throws(PlanError) {
        let locationName = try reader.string("in")
        guard let location = Parameter.Location(rawValue: locationName) else {
            throw reader.error("unknown parameter location '\(locationName)'", key: "in")
        }
        self.init(
            name: try reader.string("name"),
            location: location,
            required: try reader.optionalBool("required") ?? false,
            schema: try SchemaFacts(reader: reader.optionalObject("schema"))
        )
    }
}

extension BodyContract {
    var json: JSONValue {
        var object: JSONObject = ["required": .bool(required), "mediaTypes": .array(mediaTypes.map(JSONValue.string))]
        if !schema.entries.isEmpty { object["schema"] = schema.json }
        return .object(object)
    }

    init(reader: PlanReader) throws(PlanError) {
        self.init(
            required: try reader.optionalBool("required") ?? false,
            mediaTypes: try reader.array("mediaTypes").map { entry throws(PlanError) in try entry.asString() },
            schema: try SchemaFacts(reader: reader.optionalObject("schema"))
        )
    }
}

extension ResponseContract {
    var json: JSONValue {
        var object: JSONObject = ["mediaTypes": .array(mediaTypes.map(JSONValue.string))]
        if !schema.entries.isEmpty { object["schema"] = schema.json }
        return .object(object)
    }

    init(reader: PlanReader) throws(PlanError) {
        self.init(
            mediaTypes: try reader.array("mediaTypes").map { entry throws(PlanError) in try entry.asString() },
            schema: try SchemaFacts(reader: reader.optionalObject("schema"))
        )
    }
}

extension SchemaFacts {
    var json: JSONValue {
        var object: JSONObject = [:]
        for (place, fact) in entries {
            var entry: JSONObject = [:]
            if !fact.types.isEmpty { entry["type"] = .array(fact.types.map(JSONValue.string)) }
            if let values = fact.enumValues { entry["enum"] = .array(values) }
            if !fact.required.isEmpty { entry["required"] = .array(fact.required.map(JSONValue.string)) }
            object[place] = .object(entry)
        }
        return .object(object)
    }

    init(reader: PlanReader?) throws(PlanError) {
        var entries: OrderedDictionary<String, SchemaFact> = [:]
        guard let reader else {
            self.init(entries: entries)
            return
        }
        for (place, _) in reader.value.objectValue ?? [:] {
            let entry = try reader.object(place)
            entries[place] = SchemaFact(
                types: try (entry.optionalArray("type") ?? []).map { item throws(PlanError) in try item.asString() },
                enumValues: entry.value["enum"]?.arrayValue,
                required: try (entry.optionalArray("required") ?? []).map { item throws(PlanError) in try item.asString() }
            )
        }
        self.init(entries: entries)
    }
}
