import ArgumentParser

/// The exit codes every command shares.
enum ExitStatus {
    /// Everything worked.
    static let ok = ExitCode(0)
    /// The command ran, and found something: warnings under `--strict`, findings, a failed gate.
    static let findings = ExitCode(1)
    /// The input cannot be used: unreadable, malformed, hostile, or the target unreachable.
    static let unusable = ExitCode(2)
}
