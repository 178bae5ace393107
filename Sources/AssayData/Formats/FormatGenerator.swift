/// Realistic strings for JSON Schema and OpenAPI `format`s: dates within a plausible
/// span, hosts under `example.com`, real country and currency codes.
///
/// Every value is drawn from the given ``SeededRandom`` (same seed, same value) and, for
/// each format the validator checks, is valid under `JSONSchemaValidator` with
/// `assertFormats` on. Lengths count Unicode scalars, as `minLength`/`maxLength` do.
public enum FormatGenerator {
    /// A string in `format` whose length (Unicode scalars) is in `length` when possible;
    /// `nil` for a format it does not know (the caller falls back to plain strings) or when
    /// no value of the format has a length in range (a `uuid` with `maxLength` 10).
    public static func string(format: String, length: ClosedRange<Int>?, random: inout SeededRandom) -> String? {
        guard let maker = makers[format] else { return nil }
        let range = length ?? 0...Int.max
        guard range.upperBound >= 0, let value = maker(FormatRequest(range: range), &random) else { return nil }
        return range.contains(value.unicodeScalars.count) ? value : nil
    }

    /// Names of the string formats it knows.
    public static let knownFormats: [String] = makers.keys.sorted()

    typealias Maker = @Sendable (FormatRequest, inout SeededRandom) -> String?

    private static let makers: [String: Maker] = [
        "date-time": dateTime, "date": date, "time": time, "duration": duration, "unix-time": unixTime,
        "email": { email($0, international: false, random: &$1) },
        "idn-email": { email($0, international: true, random: &$1) },
        "hostname": { hostname($0, international: false, random: &$1) },
        "idn-hostname": { hostname($0, international: true, random: &$1) },
        "ipv4": ipv4, "ipv6": ipv6,
        "uri": { uri($0, international: false, random: &$1) },
        "url": { uri($0, international: false, random: &$1) },
        "iri": { uri($0, international: true, random: &$1) },
        "uri-reference": { uriReference($0, international: false, random: &$1) },
        "iri-reference": { uriReference($0, international: true, random: &$1) },
        "uri-template": uriTemplate,
        "json-pointer": jsonPointer, "relative-json-pointer": relativeJSONPointer, "regex": regex,
        "uuid": uuid, "byte": byte, "binary": binary, "password": password,
        "phone": phone, "country": country, "country-code": country, "currency": currency, "currency-code": currency,
        "language": language, "mac": mac, "mac-address": mac, "hex-color": hexColor, "color-hex": hexColor,
        "semver": semver, "slug": slug,
    ]
}

/// What a format maker is asked for: the allowed lengths. Makers try their natural
/// shape first and build to a length only when that shape does not fit.
struct FormatRequest {
    var range: ClosedRange<Int>

    /// A length inside both the request and `natural` (the lengths the format can take),
    /// near `preferred` when that is allowed; `nil` when they do not meet.
    func length(natural: ClosedRange<Int>, preferred: ClosedRange<Int>, random: inout SeededRandom) -> Int? {
        let low = max(range.lowerBound, natural.lowerBound)
        let high = min(range.upperBound, natural.upperBound)
        guard low <= high else { return nil }
        let likeLow = max(low, preferred.lowerBound)
        let likeHigh = min(high, preferred.upperBound)
        if likeLow <= likeHigh { return random.int(in: likeLow...likeHigh) }
        // The preferred lengths are out of range: take the nearest allowed ones.
        return preferred.lowerBound > high ? random.int(in: max(low, high - 4)...high) : random.int(in: low...min(high, low + 4))
    }

    func allows(_ length: Int) -> Bool { range.contains(length) }
}
