extension JSONValue {
    /// Parses one JSON document (UTF-8), within `limits` (size, depth, time).
    ///
    /// For JSON that Assay wrote itself or that a user hands it outside an API description
    /// (a test plan, a config file); API descriptions go through ``SpecLoader``.
    /// - Throws: ``LoadError`` with the line and column of a syntax error.
    public static func parse(_ bytes: [UInt8], limits: LoadLimits = .default) throws(LoadError) -> JSONValue {
        try JSONParser.parse(bytes, limits: limits, deadline: Deadline(seconds: limits.timeoutSeconds)).0
    }
}
