import AssayCore

/// A decimal number held exactly as `mantissa / 10^scale`, so boundary arithmetic
/// (`0.1 - 0.01`, the multiple of `0.05` just below `1.3`) gives the decimal a person
/// would write instead of a binary rounding artefact.
struct ScaledNumber: Hashable {
    var mantissa: Int
    /// Decimal places, 0...maxScale.
    var scale: Int

    /// Finer numbers than this are not worth exact arithmetic (and would overflow).
    static let maxScale = 15

    init(mantissa: Int, scale: Int) {
        self.mantissa = mantissa
        self.scale = scale
        normalize()
    }

    /// The number a JSON number holds; `nil` for non-numbers and numbers too large or too fine.
    init?(_ value: JSONValue) {
        switch value {
        case .integer(let int): self.init(mantissa: int, scale: 0)
        case .double(let double):
            guard double.isFinite, let parsed = Self.parse(String(double)) else { return nil }
            self = parsed
        default: return nil
        }
    }

    /// Parses Swift's shortest text of a double: `-1.25`, `1e-05`, `1.5e+20`.
    static func parse(_ text: String) -> ScaledNumber? {
        var body = Substring(text)
        var exponent = 0
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let parsed = Int(body[body.index(after: e)...]) else { return nil }
            exponent = parsed
            body = body[..<e]
        }
        var negative = false
        if body.first == "-" {
            negative = true
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        var digits = String(parts[0] + fraction).drop { $0 == "0" }
        if digits.isEmpty { digits = "0" }
        guard digits.count <= 18, var mantissa = Int(digits) else { return nil }
        var scale = fraction.count - exponent
        while scale < 0 {
            let (product, overflow) = mantissa.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            mantissa = product
            scale += 1
        }
        var result = ScaledNumber(mantissa: negative ? -mantissa : mantissa, scale: scale)
        guard result.scale <= maxScale else { return nil }
        result.normalize()
        return result
    }

    private mutating func normalize() {
        while scale > 0, mantissa % 10 == 0 {
            mantissa /= 10
            scale -= 1
        }
    }

    /// The mantissa at a finer scale; `nil` on overflow.
    func mantissa(atScale target: Int) -> Int? {
        var result = mantissa
        for _ in scale..<max(scale, target) {
            let (product, overflow) = result.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            result = product
        }
        return result
    }

    var isIntegral: Bool { scale == 0 }

    /// Numeric order.
    func lessThan(_ other: ScaledNumber) -> Bool {
        let common = max(scale, other.scale)
        if let a = mantissa(atScale: common), let b = other.mantissa(atScale: common) { return a < b }
        return (Double(text) ?? 0) < (Double(other.text) ?? 0)
    }
    var isPositive: Bool { mantissa > 0 }

    /// `self + other`, exactly; `nil` on overflow.
    func adding(_ other: ScaledNumber) -> ScaledNumber? {
        let common = max(scale, other.scale)
        guard let a = mantissa(atScale: common), let b = other.mantissa(atScale: common) else { return nil }
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : ScaledNumber(mantissa: sum, scale: common)
    }

    var negated: ScaledNumber? {
        mantissa == .min ? nil : ScaledNumber(mantissa: -mantissa, scale: scale)
    }

    /// Half of it, exactly (one more decimal place).
    var half: ScaledNumber? {
        guard scale < Self.maxScale else { return nil }
        let (product, overflow) = mantissa.multipliedReportingOverflow(by: 5)
        return overflow ? nil : ScaledNumber(mantissa: product, scale: scale + 1)
    }

    /// The multiple of `step` (positive) nearest to `self` going down; strictly below when
    /// `strictly`, else at most `self`.
    func multiple(of step: ScaledNumber, below strictly: Bool) -> ScaledNumber? {
        let common = max(scale, step.scale)
        guard let value = mantissa(atScale: common), let unit = step.mantissa(atScale: common), unit > 0 else { return nil }
        var quotient = value / unit
        if value % unit != 0, value < 0 { quotient -= 1 }
        var (result, overflow) = quotient.multipliedReportingOverflow(by: unit)
        guard !overflow else { return nil }
        if strictly, result == value {
            (result, overflow) = result.subtractingReportingOverflow(unit)
            guard !overflow else { return nil }
        }
        return ScaledNumber(mantissa: result, scale: common)
    }

    /// The multiple of `step` (positive) nearest to `self` going up; strictly above when
    /// `strictly`, else at least `self`.
    func multiple(of step: ScaledNumber, above strictly: Bool) -> ScaledNumber? {
        guard let negated, let below = negated.multiple(of: step, below: strictly) else { return nil }
        return below.negated
    }

    /// The smallest integer multiple of `self` (positive): `0.5` → 1, `1.5` → 3, `4` → 4.
    var integralMultiple: ScaledNumber? {
        guard mantissa > 0 else { return nil }
        guard let power = ScaledNumber(mantissa: 1, scale: 0).mantissa(atScale: scale) else { return nil }
        var (a, b) = (mantissa, power)
        while b != 0 { (a, b) = (b, a % b) }
        return ScaledNumber(mantissa: mantissa / a, scale: 0)
    }

    /// The JSON number: an integer when integral, else the double nearest the decimal.
    var jsonValue: JSONValue {
        if scale == 0 { return .integer(mantissa) }
        return .double(Double(text) ?? Double(mantissa))
    }

    /// Plain decimal text: `-0.05`, `12`.
    var text: String {
        guard scale > 0 else { return String(mantissa) }
        let digits = String(mantissa.magnitude)
        let padded = String(repeating: "0", count: max(0, scale + 1 - digits.count)) + digits
        let point = padded.index(padded.endIndex, offsetBy: -scale)
        return (mantissa < 0 ? "-" : "") + padded[..<point] + "." + padded[point...]
    }
}
