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
    /// `  name  → outcome  condition`, each at most `width` columns (conditions wrapped).
    func documentation(width: Int = 80) -> [String] {
        let nameWidth = rules.map(\.name.count).max() ?? 0
        let outcomeWidth = rules.map(\.outcome.word.count).max() ?? 0
        var lines: [String] = []
        for phase in DiagnosisPhase.allCases {
            let inPhase = rules.filter { $0.phase == phase }
            guard !inPhase.isEmpty else { continue }
            lines.append(phase.heading + ":")
            for rule in inPhase {
                let lead = "  " + pad(rule.name, nameWidth) + "  " + pad(rule.outcome.word, outcomeWidth) + "  "
                lines += wrap(rule.condition, first: lead, width: width)
            }
        }
        return lines
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: Swift.max(0, width - text.count))
    }

    /// `text` after `first`, wrapped at spaces to `width`, continuations under its start.
    private func wrap(_ text: String, first: String, width: Int) -> [String] {
        let indent = String(repeating: " ", count: first.count)
        var lines: [String] = []
        var line = first
        var lineHasWord = false
        for word in text.split(separator: " ") {
            if lineHasWord, line.count + 1 + word.count > width {
                lines.append(line)
                line = indent
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        lines.append(line)
        return lines
    }
}
