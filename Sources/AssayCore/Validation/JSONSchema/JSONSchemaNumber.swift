/// Exact arithmetic on JSON numbers for the numeric keywords and for JSON equality.
///
/// JSON numbers arrive as `Int` or `Double`; comparing them through `Double` loses
/// precision past 2^53, and `fmod` makes `0.3` not a multiple of `0.1`. These helpers
/// compare mixed kinds exactly and decide `multipleOf` on the decimal text of the numbers.
enum JSONSchemaNumber {
    /// -1, 0 or 1 as `lhs` is less than, equal to or greater than `rhs`; `nil` for non-numbers.
    static func compare(_ lhs: JSONValue, _ rhs: JSONValue) -> Int? {
        switch (lhs, rhs) {
        case (.integer(let a), .integer(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.double(let a), .double(let b)):
            if a.isNaN || b.isNaN { return nil }
            return a < b ? -1 : (a == b ? 0 : 1)
        case (.integer(let a), .double(let b)): return compare(a, b)
        case (.double(let a), .integer(let b)): return compare(b, a).map { -$0 }
        default: return nil
        }
    }

    /// Compares an integer with a double without rounding either.
    static func compare(_ int: Int, _ double: Double) -> Int? {
        if double.isNaN { return nil }
        if double >= 9.223372036854775808e18 { return -1 }
        if double < -9.223372036854775808e18 { return 1 }
        let floor = double.rounded(.down)
        guard let floorInt = Int(exactly: floor) else { return nil }
        if int < floorInt { return -1 }
        if int > floorInt { return 1 }
        return double > floor ? -1 : 0
    }

    /// Whether two numbers are equal as JSON numbers (`1 == 1.0`).
    static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        compare(lhs, rhs) == 0
    }

    /// Whether a number is integral (`1.0` is, `1.5` is not).
    static func isIntegral(_ value: JSONValue) -> Bool {
        switch value {
        case .integer: return true
        case .double(let double): return double.isFinite && double.rounded(.towardZero) == double
        default: return false
        }
    }

    /// A number as decimal digits and a power of ten: `19.99` is (1999, -2).
    struct Decimal: Equatable {
        var digits: [UInt8]
        var exponent: Int
        var negative: Bool
    }

    /// The shortest decimal form of a number, or `nil` for non-finite values.
    static func decimal(_ value: JSONValue) -> Decimal? {
        let text: String
        switch value {
        case .integer(let int): text = String(int)
        case .double(let double):
            guard double.isFinite else { return nil }
            text = "\(double)"
        default: return nil
        }
        return parseDecimal(text)
    }

    /// Parses `-12.5e-3`-style text into digits and an exponent, without leading or trailing zeros.
    static func parseDecimal(_ text: String) -> Decimal? {
        var digits: [UInt8] = []
        var exponent = 0
        var negative = false
        var seenPoint = false
        var utf8 = Substring(text).utf8[...]
        if utf8.first == UInt8(ascii: "-") {
            negative = true
            utf8 = utf8.dropFirst()
        } else if utf8.first == UInt8(ascii: "+") {
            utf8 = utf8.dropFirst()
        }
        while let byte = utf8.first {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits.append(byte - UInt8(ascii: "0"))
                if seenPoint { exponent -= 1 }
            } else if byte == UInt8(ascii: ".") {
                if seenPoint { return nil }
                seenPoint = true
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                utf8 = utf8.dropFirst()
                guard let power = Int(String(decoding: utf8, as: UTF8.self)) else { return nil }
                let (sum, overflow) = exponent.addingReportingOverflow(power)
                if overflow { return nil }
                exponent = sum
                break
            } else {
                return nil
            }
            utf8 = utf8.dropFirst()
        }
        while let first = digits.first, first == 0 { digits.removeFirst() }
        while let last = digits.last, last == 0 {
            digits.removeLast()
            exponent += 1
        }
        if digits.isEmpty { return Decimal(digits: [], exponent: 0, negative: false) }
        return Decimal(digits: digits, exponent: exponent, negative: negative)
    }

    /// Whether `value` is an integer multiple of `divisor` (which must be positive).
    ///
    /// Decided exactly on the decimal forms when the scaled integers fit 64 bits, which
    /// covers every realistic `multipleOf` (`0.01`, `0.1`, `1e-8`); beyond that, the
    /// quotient is checked in floating point, and an infinite quotient is not a multiple.
    static func isMultiple(_ value: JSONValue, of divisor: JSONValue) -> Bool {
        if let v = decimal(value), let d = decimal(divisor), !d.digits.isEmpty {
            if v.digits.isEmpty { return true }
            let common = min(v.exponent, d.exponent)
            if let x = scaled(v, by: v.exponent - common), let m = scaled(d, by: d.exponent - common), m != 0 {
                return x % m == 0
            }
            // The divisor's digits cannot divide the value's if the value needs fewer decimal places.
            if v.exponent >= d.exponent, let m = scaled(d, by: 0), m != 0 {
                // The value is an integer times 10^(v.exponent - d.exponent): reduce it modulo m digit by digit.
                var remainder: UInt64 = 0
                for digit in v.digits {
                    remainder = appendingDigit(UInt64(digit), to: remainder, modulo: m)
                }
                var power = v.exponent - d.exponent
                while power > 0 && remainder != 0 {
                    remainder = appendingDigit(0, to: remainder, modulo: m)
                    power -= 1
                }
                return remainder == 0
            }
        }
        guard let x = value.doubleValue, let m = divisor.doubleValue, m != 0 else { return false }
        let quotient = x / m
        guard quotient.isFinite else { return false }
        return quotient.rounded(.towardZero) == quotient
    }

    /// `(remainder * 10 + digit) % modulus`, without overflow, for `remainder < modulus`.
    private static func appendingDigit(_ digit: UInt64, to remainder: UInt64, modulo modulus: UInt64) -> UInt64 {
        let (high, low) = remainder.multipliedFullWidth(by: 10)
        let (sum, carry) = low.addingReportingOverflow(digit)
        return modulus.dividingFullWidth((high + (carry ? 1 : 0), sum)).remainder
    }

    private static func scaled(_ decimal: Decimal, by power: Int) -> UInt64? {
        guard power >= 0, decimal.digits.count + power <= 19 else { return nil }
        var result: UInt64 = 0
        for digit in decimal.digits {
            let (product, overflow1) = result.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = product.addingReportingOverflow(UInt64(digit))
            if overflow1 || overflow2 { return nil }
            result = sum
        }
        for _ in 0..<power {
            let (product, overflow) = result.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            result = product
        }
        return result
    }

    /// A number as people write it, for messages.
    static func text(_ value: JSONValue) -> String {
        switch value {
        case .integer(let int): return String(int)
        case .double(let double):
            if double.isFinite, double.rounded() == double, abs(double) < 1e15 { return String(Int(double)) }
            return "\(double)"
        default: return JSONSchemaValue.text(value)
        }
    }
}
