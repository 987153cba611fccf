/// The ordered list of `TrainingRule`s a training's verdicts are decided by. The first rule of
/// stage `whole` that holds gives the only verdict; otherwise the first of stage `fit` gives
/// the first verdict and the first of stage `motion` (if one holds) the second, unless it
/// stands alone in the fit's place (`TrainingRule.replacing`). Adding a rule is its file and
/// one line here.
struct TrainingRules: Sendable {
    var rules: [any TrainingRule]

    /// The rules `TrainingDiagnosis` applies, in order.
    static let standard = TrainingRules(rules: [
        DataScaleRule(),
        TrainingBlewUpRule(),
        NoEpochRule(),
        LossGrewRule(),
        HighLossRule(),
        ValidationRoseRule(),
        WideGapRule(),
        GoodFitRule(),
        RisingEpochsRule(),
        StillFallingRule(),
    ])

    /// The verdicts on `reading`: one of stage `whole`, or the fit's and the motion's.
    func verdicts(_ reading: TrainingReading) -> [TrainingVerdict] {
        if let alone = first(.whole, reading) { return [alone.verdict] }
        // The fit and motion rules read at least one trained epoch; `standard`'s `no-epoch`
        // rule says so first, a registry without one gets the same words here.
        guard reading.records.count > 1, let fit = first(.fit, reading) else {
            return [TrainingVerdict(kind: .unstarted, summary: "no epoch trained yet")]
        }
        guard let motion = first(.motion, reading) else {
            var verdict = fit.verdict
            if let flat = reading.flatStretch { verdict.evidence.append(flat) }
            return [verdict]
        }
        if var instead = motion.rule.replacing(fit: fit.verdict, with: motion.verdict) {
            instead.rule = motion.rule.name
            return [instead]
        }
        return [fit.verdict, motion.verdict]
    }

    /// The first rule of `stage` that holds, with its verdict (named after it).
    private func first(_ stage: TrainingStage, _ reading: TrainingReading) -> (rule: any TrainingRule, verdict: TrainingVerdict)? {
        for rule in rules where rule.stage == stage {
            if var verdict = rule.verdict(reading) {
                verdict.rule = rule.name
                return (rule, verdict)
            }
        }
        return nil
    }

    /// The rules as `help verdicts` lists them: a heading per stage, then one line per rule,
    /// `  name  outcome  condition`, each at most `width` columns (conditions wrapped).
    func documentation(width: Int = 80) -> [String] {
        RuleDocumentation.lines(
            TrainingStage.allCases.map { stage in
                (stage.heading, rules.filter { $0.stage == stage }.map { ($0.name, $0.outcome.word, $0.condition) })
            },
            width: width)
    }
}
