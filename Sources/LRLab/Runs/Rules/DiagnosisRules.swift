/// The ordered list of `DiagnosisRule`s a verdict is decided by: the first rule of the run's
/// phase that holds gives the verdict. Adding a rule is its file and one line here.
struct DiagnosisRules: Sendable {
    var rules: [any DiagnosisRule]

    /// The rules `Diagnosis` applies, in order.
    static let standard = DiagnosisRules(rules: [
        EndedUndefinedRule(),
        EndedDivergedRule(),
        BackAgainRule(),
        AtSaddleRule(),
        InLocalMinimumRule(),
        ConvergedRule(),
        UnstartedRule(),
        NoiseFloorRule(),
        GrowingRule(),
        ThrownOutRule(),
        EndlessSwingRule(),
        PlateauRule(),
        NearSaddleRule(),
        ZigZagRule(),
        StillDescendingRule(),
    ])

    /// The verdict of the first rule of `reading`'s phase that holds.
    func verdict(_ reading: DiagnosisReading) -> Verdict {
        for rule in rules where rule.phase == reading.phase {
            if var verdict = rule.verdict(reading) {
                verdict.rule = rule.name
                return verdict
            }
        }
        // Each phase of `standard` ends with a rule that always holds; a registry without one
        // says so rather than inventing a verdict.
        return Verdict(kind: .slow, summary: "no rule of the diagnosis applies")
    }

    /// The rules as `help verdicts` lists them: a heading per phase, then one line per rule,
    /// `  name  outcome  condition`, each at most `width` columns (conditions wrapped).
    func documentation(width: Int = 80) -> [String] {
        RuleDocumentation.lines(
            DiagnosisPhase.allCases.map { phase in
                (phase.heading, rules.filter { $0.phase == phase }.map { ($0.name, $0.outcome.word, $0.condition) })
            },
            width: width)
    }
}
