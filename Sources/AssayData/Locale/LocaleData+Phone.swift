extension LocaleData {
    /// The phone number as written at home: `(212) 555-0143`, `030 12345678`,
    /// `01 42 68 53 00`, `03-1234-5678`, `(11) 91234-5678`, `020 7946 0321`, `912 345 678`,
    /// `06 1234 5678`.
    func nationalPhone(_ draw: PersonaDraw) -> String {
        let prefix = phonePrefixes[draw.phonePrefix]
        let area = asciiDigits(prefix.digits)
        var subscriberDigits: [UInt8] = []
        RecordBuffer.appendDecimal(draw.subscriber, width: prefix.subscriberDigits, to: &subscriberDigits)
        let rest = String(decoding: subscriberDigits, as: UTF8.self)
        let number = area + rest
        switch spec.phone.style {
        case .northAmerican:
            return "(\(number.slice(0, 3))) \(number.slice(3, 6))-\(number.slice(6, 10))"
        case .german:
            return "0\(area) \(rest)"
        case .french:
            return "0" + number.slice(0, 1) + " " + [1, 3, 5, 7].map { number.slice($0, $0 + 2) }.joined(separator: " ")
        case .japanese:
            let cut = rest.count - 4
            return "0\(area)-\(rest.slice(0, cut))-\(rest.slice(cut, rest.count))"
        case .brazilian:
            let local = number.slice(2, number.count)
            let cut = local.count - 4
            return "(\(number.slice(0, 2))) \(local.slice(0, cut))-\(local.slice(cut, local.count))"
        case .british:
            if prefix.isMobile {
                return "0\(number.slice(0, 4)) \(number.slice(4, number.count))"
            }
            if rest.count > 6 {
                let cut = rest.count - 4
                return "0\(area) \(rest.slice(0, cut)) \(rest.slice(cut, rest.count))"
            }
            return "0\(area) \(rest)"
        case .spanish:
            return [0, 3, 6].map { number.slice($0, $0 + 3) }.joined(separator: " ")
        case .italian:
            if prefix.isMobile {
                return "\(number.slice(0, 3)) \(number.slice(3, 6)) \(number.slice(6, number.count))"
            }
            return "\(area) \(rest)"
        }
    }

    private func asciiDigits(_ word: WordSpan) -> String {
        String(decoding: utf8(word), as: UTF8.self)
    }
}

extension String {
    /// Characters `from ..< to` (clamped), for short ASCII strings.
    fileprivate func slice(_ from: Int, _ to: Int) -> String {
        let characters = Array(self)
        let lower = min(max(0, from), characters.count)
        let upper = min(max(lower, to), characters.count)
        return String(characters[lower..<upper])
    }
}
