import LRLab

/// The outcome word of a claim (`expect verdict == slow`, `expect fit 3 verdict == good-fit`,
/// `check train verdict != overfitting`): exactly the words of `Outcome`, for every command.
enum VerdictWord {
    /// Every word a verdict claim accepts, in `help verdicts` order.
    static var names: [String] { Outcome.allCases.map(\.word) }

    /// The outcome `word` names; for another word an error with "did you mean" (or the list).
    /// `possible` are the outcomes the thing checked can have: a word outside them is an error
    /// too (a run is never `overfitting`), naming what it can be.
    static func outcome(_ word: Word, possible: [Outcome], of thing: String) throws(ShellError) -> Outcome {
        guard let outcome = Outcome(rawValue: word.text) else {
            let hint = Suggestion.closest(to: word.text, among: names).map { "did you mean '\($0)'?" }
                ?? "verdicts: " + names.joined(separator: " ")
            throw ShellError("unknown verdict '\(word.text)'", at: word.range, hint: hint)
        }
        guard possible.contains(outcome) else {
            throw ShellError("\(thing) is never '\(outcome.word)': \(outcome.meaning)", at: word.range,
                             hint: "\(thing) can be: " + possible.map(\.word).joined(separator: " "))
        }
        return outcome
    }
}
