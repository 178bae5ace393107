/// The fixed instant entity timestamps are drawn relative to, and their spelling.
///
/// Timestamps never read the clock: a dataset generated today and next year with the same
/// seed must be byte-identical.
enum EntityClock {
    /// 2026-01-01T00:00:00Z, in seconds since the Unix epoch.
    static let reference: Int64 = 1_767_225_600
    static let minute: Int64 = 60
    static let hour: Int64 = 3_600
    static let day: Int64 = 86_400

    /// An instant drawn uniformly in `reference - latest ... reference - earliest`
    /// (both in seconds before the reference).
    @inline(__always)
    static func before(_ random: inout SeededRandom, latest: Int64, earliest: Int64) -> Int64 {
        reference - earliest - Int64(random.below(UInt64(latest - earliest) + 1))
    }

    /// The UTC calendar fields of `epochSeconds`.
    static func fields(_ epochSeconds: Int64) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let (days, secondOfDay) = floorDivide(epochSeconds, day)
        let date = civilDate(daysSinceEpoch: days)
        let seconds = Int(secondOfDay)
        return (date.year, date.month, date.day, seconds / 3_600, seconds % 3_600 / 60, seconds % 60)
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let quotient = value >= 0 ? value / divisor : (value - divisor + 1) / divisor
        return (quotient, value - quotient * divisor)
    }

    /// The proleptic Gregorian date `daysSinceEpoch` days after 1970-01-01, counted in
    /// 400-year eras whose years start on March 1st so the leap day falls last.
    static func civilDate(daysSinceEpoch: Int64) -> (year: Int, month: Int, day: Int) {
        let shifted = daysSinceEpoch + 719_468  // days from 0000-03-01
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let marchMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * marchMonth + 2) / 5 + 1
        let month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }
}
