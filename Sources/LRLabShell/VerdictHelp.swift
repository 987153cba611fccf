import LRLab
import LRLabText

/// `help verdicts`: the outcome words, one line each, and the rules a run's verdict is decided
/// by, listed from the engine's registry in the order they are tried.
enum VerdictHelp {
    /// The words `help` reads as this topic.
    static let topics = ["verdicts", "outcomes"]

    static var text: String {
        let width = TextWrap.defaultWidth
        let wordWidth = Outcome.allCases.map(\.word.count).max() ?? 0
        var lines = ["Verdict words, the same in run, verdict, sweep, compare, train and fit:"]
        for outcome in Outcome.allCases {
            lines.append("  " + NumberFormat.rightPad(outcome.word, wordWidth) + "  " + outcome.meaning)
        }
        lines += ["Scripts and lessons check them: expect verdict == slow,",
                  "expect train verdict == good-fit, expect fit 3 verdict != overfitting.",
                  "",
                  "A run's verdict is the first rule that holds, in this order:"]
        lines += Diagnosis.ruleLines(width: width)
        lines += ["A training (train, and each degree of fit) is judged by its fit first",
                  "(underfitting, overfitting, good-fit; diverging alone), then by how its",
                  "loss moved over the last epochs (slow, bouncing) where that applies."]
        return lines.joined(separator: "\n")
    }
}
