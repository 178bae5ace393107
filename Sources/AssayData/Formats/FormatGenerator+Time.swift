/// `date-time`, `date`, `time`, `duration` and `unix-time`.
extension FormatGenerator {
    /// Dates fall in 2015–2030: plausible for orders, accounts and schedules alike.
    private static let years = 2015...2030

    private static func two(_ value: Int) -> String {
        value < 10 ? "0" + String(value) : String(value)
    }

    private static func calendarDate(random: inout SeededRandom) -> String {
        let year = random.int(in: years)
        let month = random.int(in: 1...12)
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return String(year) + "-" + two(month) + "-" + two(random.int(in: 1...days))
    }

    /// `HH:MM:SS`, busier in working hours.
    private static func clock(random: inout SeededRandom) -> String {
        let hour = random.chance(0.7) ? random.int(in: 8...19) : random.int(in: 0...23)
        return two(hour) + ":" + two(random.int(in: 0...59)) + ":" + two(random.int(in: 0...59))
    }

    private static let offsets = ["+01:00", "+02:00", "-05:00", "-08:00", "+05:30", "+09:00", "-03:00", "+00:00"]

    /// The fraction and zone of a time whose clock part is `base` scalars long: the
    /// natural `Z` / `.123Z` / `+02:00` first, else any combination that fits.
    private static func timeSuffix(base: Int, request: FormatRequest, random: inout SeededRandom) -> String? {
        // (fraction digits, offset?) pairs, most natural first.
        let shapes: [(Int, Bool)] = [(0, false), (3, false), (0, true), (6, false), (3, true)]
            + (1...9).flatMap { digits in [(digits, false), (digits, true)] }
        let natural = shapes.prefix(5).filter { request.allows(length(base, $0)) }
        let fitting = natural.isEmpty ? shapes.filter { request.allows(length(base, $0)) } : Array(natural)
        guard !fitting.isEmpty else { return nil }
        let (digits, offset) = random.pick(fitting)
        var suffix = digits > 0 ? "." + run(Array("0123456789"), digits, random: &random) : ""
        suffix += offset ? random.pick(offsets) : "Z"
        return suffix
    }

    private static func length(_ base: Int, _ shape: (Int, Bool)) -> Int {
        base + (shape.0 > 0 ? shape.0 + 1 : 0) + (shape.1 ? 6 : 1)
    }

    static func dateTime(_ request: FormatRequest, random: inout SeededRandom) -> String? {
        guard let suffix = timeSuffix(base: 19, request: request, random: &random) else { return nil }
        return calendarDate(random: &random) + "T" + clock(random: &random) + suffix
    }

    static func date(_ request: FormatRequest, random: inout SeededRandom) -> String? {
        request.allows(10) ? calendarDate(random: &random) : nil
    }

    static func time(_ request: FormatRequest, random: inout SeededRandom) -> String? {
        guard let suffix = timeSuffix(base: 8, request: request, random: &random) else { return nil }
        return clock(random: &random) + suffix
    }

    /// ISO 8601 durations as RFC 3339 defines them (components in order, none skipped).
    private static let durations = [
        "PT15M", "PT30M", "PT1H", "PT1H30M", "PT2H", "PT45S", "PT90S", "P1D", "P7D", "P30D", "P1W", "P2W",
        "P1M", "P3M", "P6M", "P1Y", "P1Y6M", "P1DT12H", "PT8H", "P1Y2M3DT4H5M6S", "PT0S", "P14D", "PT5M30S",
    ]

    static func duration(_ request: FormatRequest, random: inout SeededRandom) -> String? {
        let natural = durations.filter { request.allows($0.count) }
        if !natural.isEmpty { return random.pick(natural) }
        // Any length from 4 on: seconds (`PT` n `S`) or days (`P` n `D`) with n digits.
        guard let size = request.length(natural: 3...1_000, preferred: 4...12, random: &random) else { return nil }
        if size == 3 { return "P" + String(random.int(in: 1...9)) + random.pick(["D", "W", "Y", "M"]) }
        return random.chance(0.5)
            ? "PT" + number(digits: size - 3, random: &random) + "S"
            : "P" + number(digits: size - 2, random: &random) + "D"
    }

    /// Seconds since 1970 as a string: ten digits for 2015–2030, fewer for early times,
    /// thirteen for milliseconds.
    static func unixTime(_ request: FormatRequest, random: inout SeededRandom) -> String? {
        if request.allows(10) { return String(random.int(in: 1_420_070_400...1_924_991_999)) }
        if request.allows(13) { return String(random.int(in: 1_420_070_400_000...1_924_991_999_999)) }
        guard let size = request.length(natural: 1...13, preferred: 1...9, random: &random) else { return nil }
        return number(digits: size, random: &random)
    }
}
