import LRLab
import LRLabText

/// `help verdicts`: the outcome words, one line each, and the rules a run's and a training's
/// verdicts are decided by, listed from the engine's registries in the order they are tried.
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
        lines += ["",
                  "A training's verdicts (train, each degree of fit, compare on a model) are the",
                  "first rule that holds in each stage, in this order; the constant's loss is",
                  "that of predicting the training mean (or the training class frequencies):"]
        lines += TrainingDiagnosis.ruleLines(width: width)
        return lines.joined(separator: "\n")
    }
}
