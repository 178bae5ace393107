/// Birth dates of people aged 18 to 90 on the fixed reference day 2026-01-01 (never the
/// clock: the same seed gives the same dates on any day), pre-spelled as `YYYY-MM-DD`.
enum BirthDates {
    /// The reference day ages are measured on.
    static let reference = (year: 2026, month: 1, day: 1)
    /// Days since 1970-01-01 of the earliest birth date: 1935-01-02 (90 on the reference day).
    static let firstDay = daysSinceEpoch(year: 1935, month: 1, day: 2)
    /// How many birth dates there are, up to 2008-01-01 (18 on the reference day).
    static let count = daysSinceEpoch(year: 2008, month: 1, day: 1) - firstDay + 1

    /// Ten bytes per day, in order.
    static let spelled: ByteStore = {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count * 10)
        for offset in 0..<count {
            let date = civilDate(daysSinceEpoch: firstDay + offset)
            RecordBuffer.appendDecimal(date.year, width: 4, to: &bytes)
            bytes.append(0x2D)
            RecordBuffer.appendDecimal(date.month, width: 2, to: &bytes)
            bytes.append(0x2D)
            RecordBuffer.appendDecimal(date.day, width: 2, to: &bytes)
        }
        return ByteStore(bytes)
    }()

    /// `YYYY-MM-DD` of birth date number `offset` (`0 ..< count`).
    @inline(__always)
    static func bytes(_ offset: Int) -> UnsafeBufferPointer<UInt8> {
        spelled.slice(Int32(offset * 10), 10)
    }

    /// The calendar date of birth date number `offset`.
    static func date(_ offset: Int) -> (year: Int, month: Int, day: Int) {
        civilDate(daysSinceEpoch: firstDay + offset)
    }

    /// Age in whole years on the reference day.
    static func age(_ offset: Int) -> Int {
        let date = date(offset)
        let hadBirthday = (date.month, date.day) <= (reference.month, reference.day)
        return reference.year - date.year - (hadBirthday ? 0 : 1)
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (years counted from March so the
    /// leap day falls last).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilDate(daysSinceEpoch: Int) -> (year: Int, month: Int, day: Int) {
        EntityClock.civilDate(daysSinceEpoch: Int64(daysSinceEpoch))
    }
}
