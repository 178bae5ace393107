/// Every mutant the mock can play, and lookup by name.
///
/// ```swift
/// for mutant in MutantCatalog.all { print(mutant.name, mutant.summary) }
/// let mutant = MutantCatalog.named("delete-does-nothing")
/// ```
public enum MutantCatalog {
    /// Every mutant, in a fixed order.
    public static let all: [Mutant] = Mutant.allCases

    /// The mutant called `name`, if there is one.
    public static func named(_ name: String) -> Mutant? {
        Mutant(rawValue: name.lowercased())
    }

    /// The catalog as text: one mutant per paragraph with its summary and what kills it.
    public static var listing: String {
        all.map { "\($0.name)\n    \($0.summary)\n    Killed by: \($0.killedBy)." }.joined(separator: "\n")
    }
}
