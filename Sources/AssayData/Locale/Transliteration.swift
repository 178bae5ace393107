/// How a locale's names become the lowercase ASCII that spells emails and usernames.
enum Transliteration: Sendable {
    /// Strip diacritics: José → jose, François → francois.
    case latin
    /// As `.latin`, but umlauts expand the German way: Müller → mueller, Weiß → weiss.
    case german
    /// Names carry their romanisation after a colon: `佐藤:sato`.
    case explicit

    /// `text` in lowercase ASCII letters only (spaces, hyphens and apostrophes dropped, so the
    /// result can be joined with `.` or `_` and never holds a digit).
    func ascii(_ text: String) -> String {
        var output = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.value >= 0x61 && scalar.value <= 0x7A {
                output.unicodeScalars.append(scalar)
            } else if let replacement = replacement(for: scalar) {
                output += replacement
            }
        }
        return output
    }

    private func replacement(for scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "ä": return self == .german ? "ae" : "a"
        case "ö": return self == .german ? "oe" : "o"
        case "ü": return self == .german ? "ue" : "u"
        case "ß": return "ss"
        case "à", "á", "â", "ã", "å", "ā": return "a"
        case "æ": return "ae"
        case "ç": return "c"
        case "è", "é", "ê", "ë", "ē": return "e"
        case "ì", "í", "î", "ï", "ī": return "i"
        case "ñ": return "n"
        case "ò", "ó", "ô", "õ", "ø", "ō": return "o"
        case "œ": return "oe"
        case "ù", "ú", "û", "ū": return "u"
        case "ý", "ÿ": return "y"
        default: return nil
        }
    }
}
