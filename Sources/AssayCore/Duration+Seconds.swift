extension Duration {
    /// The duration in seconds (fractional), as reports, logs and limits use it.
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
