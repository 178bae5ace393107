/// What the properties of one generated object share: a single `Persona`, drawn on first
/// use, so an object's email matches its name and its city matches its postal code.
public struct SemanticContext: Sendable {
    /// The locale personas are drawn from.
    public let locale: LocalePack
    private var random: SeededRandom
    private var drawn: Persona?

    /// A context for one object; `random` is used only to draw its persona.
    public init(locale: LocalePack, random: SeededRandom) {
        self.locale = locale
        self.random = random
    }

    /// The object's persona, drawn on first use.
    public mutating func persona() -> Persona {
        if let drawn { return drawn }
        let person = Persona(locale: locale, random: &random)
        drawn = person
        return person
    }
}
