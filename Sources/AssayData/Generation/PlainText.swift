/// Readable filler text for strings with no pattern, format or meaning to go by.
enum PlainText {
    static let words: [String] = [
        "alpha", "amber", "anchor", "apex", "arc", "atlas", "aurora", "axis", "beacon", "birch", "blue", "bold",
        "breeze", "bridge", "bright", "brook", "canyon", "cedar", "chord", "cinder", "clear", "cliff", "cloud",
        "coast", "comet", "coral", "crest", "crystal", "delta", "drift", "dune", "echo", "ember", "falcon", "fern",
        "field", "flint", "forest", "frost", "garden", "gentle", "glade", "granite", "grove", "harbor", "hazel",
        "horizon", "island", "ivory", "jade", "juniper", "lake", "lantern", "laurel", "lemon", "light", "linen",
        "lunar", "maple", "marble", "meadow", "mesa", "mint", "mist", "moss", "north", "oak", "ocean", "olive",
        "opal", "orbit", "pearl", "pine", "plain", "prairie", "quartz", "quiet", "rain", "ridge", "river", "rock",
        "sage", "sand", "scarlet", "shadow", "silver", "sky", "slate", "solar", "spark", "spring", "spruce",
        "stone", "storm", "summit", "sun", "swift", "thunder", "tide", "timber", "trail", "valley", "velvet",
        "violet", "wave", "willow", "wind", "winter", "zenith",
    ]

    /// Words joined by spaces, trimmed or padded to a length in `length` (Unicode scalars;
    /// all ASCII here, so characters and bytes agree). Short defaults when the range is open.
    static func text(length: ClosedRange<Int>, random: inout SeededRandom) -> String {
        let low = length.lowerBound
        let high = length.upperBound
        // A natural length: one to three words, unless the bounds force otherwise.
        let preferredLow = max(low, min(high, 5))
        let preferredHigh = max(preferredLow, min(high, max(low, 24)))
        let target = random.int(in: preferredLow...preferredHigh)
        if target == 0 { return "" }
        var text = ""
        while text.utf8.count < target {
            if !text.isEmpty { text += " " }
            text += words[random.index(words.count)]
        }
        var scalars = Array(text.unicodeScalars.prefix(target))
        // No trailing space: servers trim, and a trimmed value could then break minLength.
        if scalars.last == " " { scalars[scalars.count - 1] = "s" }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars)
        return result
    }
}
