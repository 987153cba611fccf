import LRLab
import LRLabText

extension Verdict {
    /// `verdict: bouncing — ...` and the evidence, indented, numbers at the session's `digits`,
    /// each line wrapped at spaces to `width`; the word coloured at a terminal (`OutcomeStyle`).
    func text(color: Bool = false, digits: Int = PhraseFormat.defaultDigits, width: Int = TextWrap.defaultWidth) -> String {
        OutcomeStyle.verdictText(kind.outcome, summary: summary, evidence: evidence, color: color, digits: digits, width: width)
    }

    /// The verdict in a few words, for table cells, read from its facts where it has them
    /// (estimate, growth factor, direction, converged step), else its summary at `digits`.
    func shortReason(digits: Int = PhraseFormat.defaultDigits) -> String {
        switch kind {
        case .slow:
            if let estimate { return "\(estimate.phrase) needed" }
            return "loss falls; no estimate"  // the summary's longer words would be cut at 80 columns
        case .diverging:
            if let growthFactor { return "grows ×\(NumberFormat.format(growthFactor, digits: 3)) per step" }
        case .bouncing:
            if let directionName { return "bounces " + directionName.text(digits: digits) }
        case .converged:
            if let convergedStep { return "converged at step \(convergedStep)" }
        default:
            break
        }
        return summary.text(digits: digits)
    }
}
