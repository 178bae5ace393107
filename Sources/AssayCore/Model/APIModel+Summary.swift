import OrderedCollections

extension APIModel {
    /// The facts `assay inspect` prints and the store keeps for a spec version, as JSON.
    ///
    /// Keys and their order are stable: scripts read this output.
    public func summary(warnings: [Diagnostic]) -> JSONValue {
        var byMethod = JSONObject()
        for method in HTTPMethod.allCases {
            let count = operations.filter { $0.method == method }.count
            if count > 0 { byMethod[method.name] = .integer(count) }
        }
        var byTag = JSONObject()
        for operation in operations {
            for tag in operation.tags.isEmpty ? ["(untagged)"] : operation.tags {
                byTag[tag] = .integer((byTag[tag]?.intValue ?? 0) + 1)
            }
        }
        let schemes: [JSONValue] = securitySchemes.values.map { scheme in
            var object: JSONObject = ["name": .string(scheme.name), "type": .string(scheme.typeName)]
            switch scheme.kind {
            case .apiKey(let name, let location):
                object["in"] = .string(location.rawValue)
                object["parameter"] = .string(name)
            case .http(let scheme, let bearerFormat):
                object["scheme"] = .string(scheme)
                if let bearerFormat { object["bearerFormat"] = .string(bearerFormat) }
            case .oauth2(let flows):
                object["flows"] = .array(flows.keys.map { .string($0) })
            case .openIDConnect(let url):
                object["openIdConnectUrl"] = .string(url)
            case .mutualTLS:
                break
            }
            return .object(object)
        }
        let warningValues: [JSONValue] = warnings.map { warning in
            var object: JSONObject = ["code": .string(warning.code), "message": .string(warning.message)]
            if let source = warning.source { object["source"] = .string(source) }
            if let pointer = warning.pointer { object["pointer"] = .string(pointer) }
            if let line = warning.line { object["line"] = .integer(line) }
            if let column = warning.column { object["column"] = .integer(column) }
            return .object(object)
        }
        return [
            "source": .string(source),
            "title": .string(info.title),
            "version": .string(info.version),
            "specVersion": .string(sourceFormat.version),
            "specFormat": .string(sourceFormat.description),
            "servers": .array(servers.map { .string($0.url) }),
            "operations": [
                "total": .integer(operations.count),
                "byMethod": .object(byMethod),
                "byTag": .object(byTag),
            ],
            "schemas": .integer(schemas.count),
            "securitySchemes": .array(schemes),
            "warnings": .array(warningValues),
        ]
    }
}
