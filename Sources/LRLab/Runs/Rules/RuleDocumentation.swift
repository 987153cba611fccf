/// The text `help verdicts` lists a registry of rules in (`DiagnosisRules`, `TrainingRules`):
/// per group, its heading and a colon, then one line per rule, `  name  outcome  condition`,
/// names and outcomes padded to the longest of the registry, conditions wrapped at spaces to
/// `width` with continuations under their start. Groups without rules are left out.
enum RuleDocumentation {
    typealias Rule = (name: String, outcome: String, condition: String)

    static func lines(_ groups: [(heading: String, rules: [Rule])], width: Int) -> [String] {
        let all = groups.flatMap(\.rules)
        let nameWidth = all.map(\.name.count).max() ?? 0
        let outcomeWidth = all.map(\.outcome.count).max() ?? 0
        var lines: [String] = []
        for group in groups where !group.rules.isEmpty {
            lines.append(group.heading + ":")
            for rule in group.rules {
                let lead = "  " + pad(rule.name, nameWidth) + "  " + pad(rule.outcome, outcomeWidth) + "  "
                lines += wrap(rule.condition, first: lead, width: width)
            }
        }
        return lines
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: Swift.max(0, width - text.count))
    }

    /// `text` after `first`, wrapped at spaces to `width`, continuations under its start.
    private static func wrap(_ text: String, first: String, width: Int) -> [String] {
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
