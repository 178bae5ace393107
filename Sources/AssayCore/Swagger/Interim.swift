extension SwaggerConverter {
    static func convert(_ document: JSONValue, source: String?) throws(LoadError) -> (document: JSONValue, warnings: [Diagnostic]) {
        throw LoadError(.unsupportedVersion, "interim")
    }
}
