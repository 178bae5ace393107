import OrderedCollections

extension SchemaEvaluator {
    /// `type`, `enum`, `const` and `format`, which apply to every kind of instance.
    func applyTypeAndValue(_ instance: JSONValue, _ schema: JSONObject, _ frame: Frame, into result: inout SchemaEvaluation) {
        // (OpenAPI 3.0's `nullable` was handled before any keyword: see `evaluateObject`.)
        if let type = schema["type"] {
            let names: [String]
            switch type {
            case .string(let name): names = [name]
            case .array(let elements): names = elements.compactMap(\.stringValue)
            default: names = []
            }
            if !names.isEmpty, !names.contains(where: { Self.matchesType($0, instance) }) {
                let expected = names.count == 1 ? names[0] : "one of " + names.joined(separator: ", ")
                result.errors.append(error(frame, "type", "expected \(expected), found \(Self.kindName(instance))"))
            }
        }
        if case .array(let allowed)? = schema["enum"],
            !allowed.contains(where: { JSONSchemaValue.equal($0, instance) })
        {
            let list = allowed.prefix(10).map { JSONSchemaValue.text($0, limit: 40) }.joined(separator: ", ")
            result.errors.append(
                error(
                    frame,
                    "enum",
                    "\(JSONSchemaValue.text(instance, limit: 60)) is not one of the allowed values [\(list)\(allowed.count > 10 ? ", …" : "")]"
                )
            )
        }
        if draft == .draft2020_12, let constant = schema["const"], !JSONSchemaValue.equal(constant, instance) {
            result.errors.append(
                error(
                    frame,
                    "const",
                    "\(JSONSchemaValue.text(instance, limit: 60)) is not the required value \(JSONSchemaValue.text(constant, limit: 60))"
                )
            )
        }
        if assertFormats, case .string(let format)? = schema["format"] {
            if case .string(let string) = instance, !JSONSchemaFormat.isValid(string, format: format) {
                result.errors.append(error(frame, "format", "\(JSONSchemaValue.text(instance, limit: 60)) is not a valid \(format)"))
            } else if instance.doubleValue != nil, !JSONSchemaFormat.isValid(number: instance, format: format) {
                result.errors.append(error(frame, "format", "\(JSONSchemaNumber.text(instance)) is out of the range of \(format)"))
            }
        }
    }

    /// Whether `instance` is of the JSON Schema type `name` (`1.0` is an integer).
    static func matchesType(_ name: String, _ instance: JSONValue) -> Bool {
        switch (name, instance) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object): return true
        case ("number", .integer), ("number", .double), ("integer", .integer): return true
        case ("integer", .double): return JSONSchemaNumber.isIntegral(instance)
        default: return false
        }
    }

    /// The type name of an instance, as `type` spells it.
    static func kindName(_ instance: JSONValue) -> String {
        switch instance {
        case .integer: return "integer"
        case .double(let double): return JSONSchemaNumber.isIntegral(.double(double)) ? "integer" : "number"
        default: return instance.kindName
        }
    }

    /// `multipleOf`, `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`.
    func applyNumeric(_ instance: JSONValue, _ schema: JSONObject, _ frame: Frame, into result: inout SchemaEvaluation) {
        let value = JSONSchemaNumber.text(instance)
        if let divisor = schema["multipleOf"], let order = JSONSchemaNumber.compare(divisor, .integer(0)), order > 0,
            !JSONSchemaNumber.isMultiple(instance, of: divisor)
        {
            result.errors.append(error(frame, "multipleOf", "\(value) is not a multiple of \(JSONSchemaNumber.text(divisor))"))
        }
        // Draft 4's boolean form makes `minimum`/`maximum` exclusive; the number form (2020-12,
        // and accepted in draft 4 too) is a bound of its own.
        let exclusiveMinimumFlag = draft == .draft4 && schema["exclusiveMinimum"] == .bool(true)
        let exclusiveMaximumFlag = draft == .draft4 && schema["exclusiveMaximum"] == .bool(true)
        if let minimum = schema["minimum"], let order = JSONSchemaNumber.compare(instance, minimum) {
            if exclusiveMinimumFlag, order <= 0 {
                result.errors.append(
                    error(frame, "minimum", "\(value) is not greater than the exclusive minimum \(JSONSchemaNumber.text(minimum))")
                )
            } else if order < 0 {
                result.errors.append(error(frame, "minimum", "\(value) is less than the minimum \(JSONSchemaNumber.text(minimum))"))
            }
        }
        if let maximum = schema["maximum"], let order = JSONSchemaNumber.compare(instance, maximum) {
            if exclusiveMaximumFlag, order >= 0 {
                result.errors.append(
                    error(frame, "maximum", "\(value) is not less than the exclusive maximum \(JSONSchemaNumber.text(maximum))")
                )
            } else if order > 0 {
                result.errors.append(error(frame, "maximum", "\(value) is greater than the maximum \(JSONSchemaNumber.text(maximum))"))
            }
        }
        if let bound = schema["exclusiveMinimum"], let order = JSONSchemaNumber.compare(instance, bound), order <= 0 {
            result.errors.append(
                error(frame, "exclusiveMinimum", "\(value) is not greater than the exclusive minimum \(JSONSchemaNumber.text(bound))")
            )
        }
        if let bound = schema["exclusiveMaximum"], let order = JSONSchemaNumber.compare(instance, bound), order >= 0 {
            result.errors.append(
                error(frame, "exclusiveMaximum", "\(value) is not less than the exclusive maximum \(JSONSchemaNumber.text(bound))")
            )
        }
    }

    /// A count keyword's value (`2` or `2.0`), or `nil` when it is not a count.
    static func count(_ value: JSONValue?) -> Int? {
        guard let value else { return nil }
        switch value {
        case .integer(let int): return int
        case .double(let double):
            guard double.isFinite, double.rounded() == double else { return nil }
            if double >= 9.2e18 { return Int.max }
            if double <= -9.2e18 { return Int.min }
            return Int(double)
        default: return nil
        }
    }

    /// `minLength`, `maxLength` (in Unicode code points) and `pattern`.
    func applyString(_ string: String, _ schema: JSONObject, _ frame: Frame, into result: inout SchemaEvaluation) {
        let minimum = Self.count(schema["minLength"])
        let maximum = Self.count(schema["maxLength"])
        if minimum != nil || maximum != nil {
            let length = string.unicodeScalars.count
            if let minimum, length < minimum {
                result.errors.append(
                    error(frame, "minLength", "the string is \(length) characters long, shorter than the minimum length \(minimum)")
                )
            }
            if let maximum, length > maximum {
                result.errors.append(
                    error(frame, "maxLength", "the string is \(length) characters long, longer than the maximum length \(maximum)")
                )
            }
        }
        if case .string(let pattern)? = schema["pattern"] {
            switch JSONSchemaRegex.shared.matches(pattern, string) {
            case false?:
                result.errors.append(
                    error(frame, "pattern", "\(JSONSchemaValue.text(.string(string), limit: 60)) does not match the pattern \(pattern)")
                )
            case nil:
                result.errors.append(error(frame, "pattern", "the pattern \(pattern) is not a valid regular expression"))
            default:
                break
            }
        }
    }
}
