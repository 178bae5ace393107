extension TestPlan {
    /// The suffix a case id of a round gets in a run of several rounds: `@` and the seed.
    public static func roundSuffix(seed: UInt64) -> String { "@\(seed)" }

    /// This plan as one round of a run of several: every case id (and suite name) ends in
    /// ``roundSuffix(seed:)`` of its seed, so the rounds' cases stay apart in one report
    /// while reading as the case a plan of that seed has.
    public func taggedAsRound() -> TestPlan {
        let suffix = Self.roundSuffix(seed: seed)
        var plan = self
        plan.suites = suites.map { suite in
            var suite = suite
            suite.name += suffix
            suite.cases = suite.cases.map { testCase in
                var testCase = testCase
                testCase.id += suffix
                return testCase
            }
            return suite
        }
        return plan
    }

    /// The rounds of one run as one plan: their suites in order, with the first round's
    /// description, schemas, responses and credentials (every round planned the same
    /// description, so these are the same). What a run's findings and reports are read against.
    public static func merging(_ rounds: [TestPlan]) -> TestPlan? {
        guard var merged = rounds.first else { return nil }
        merged.suites = rounds.flatMap(\.suites)
        merged.skipped = rounds.flatMap(\.skipped).reduce(into: []) { kept, skipped in
            if !kept.contains(skipped) { kept.append(skipped) }
        }
        return merged
    }
}
