/// The version of Assay, printed by `assay --version` and sent as the fetch User-Agent.
public enum AssayVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
