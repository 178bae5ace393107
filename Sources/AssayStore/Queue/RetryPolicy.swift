/// How long a failed job waits before its next attempt: capped exponential backoff with
/// "equal jitter".
///
/// For the failed attempt `n` (from 1), base `b` and cap `c`:
///
/// ```
/// exp   = min(c, b · 2^(n−1))
/// delay = exp/2 + random(0 … exp/2)
/// ```
///
/// so the delay is at least half the exponential step (retries never bunch at zero) and at
/// most the cap; the random half spreads jobs that failed together (an outage) apart.
/// With the defaults (b = 2 s, c = 10 min): 1–2 s, 2–4 s, 4–8 s, … up to 5–10 min.
public struct RetryPolicy: Sendable, Hashable {
    /// The exponential step of the first retry.
    public var base: Duration
    /// The largest exponential step.
    public var cap: Duration

    /// A policy with these steps.
    public init(base: Duration = .seconds(2), cap: Duration = .seconds(600)) {
        self.base = base
        self.cap = max(cap, base)
    }

    /// The delay after the failed attempt `attempt` (from 1), with `unit` in `0...1` as the random part.
    public func delay(afterAttempt attempt: Int, unit: Double) -> Duration {
        let exponent = min(max(attempt - 1, 0), 62)
        let baseSeconds = Self.seconds(base)
        let step = min(Self.seconds(cap), baseSeconds * Double(sign: .plus, exponent: exponent, significand: 1))
        let jitter = min(max(unit, 0), 1)
        return .milliseconds(Int64((step / 2 + step / 2 * jitter) * 1000))
    }

    /// The delay after the failed attempt `attempt`, with a fresh random part.
    public func delay(afterAttempt attempt: Int) -> Duration {
        delay(afterAttempt: attempt, unit: Double.random(in: 0...1))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
