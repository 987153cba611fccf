import LRLab

/// A claim about the learner's answer to a lesson's question (`answer ~ 0.2 tol=0.01`,
/// `answer == adam`). The answer is what the last `answer TEXT` gave: a number (or a formula
/// of numbers, `1 - 2*0.4`) against a number, a word against a word, in any letter case.
enum AnswerClaim {
    static let word = "answer"

    static func check(_ words: [Word], text: String, column: Int, in session: Session) throws(ShellError) {
        let claimRange = SourceRange(column: column, length: text.count)
        let claim = try ClaimComparison.parse(Array(text), from: word.count, column: column, after: word)
        guard let answer = session.course.answer else {
            throw ShellError("\(text.trimmingSpaces) does not hold: no answer yet", at: claimRange,
                             hint: "answer VALUE gives one", kind: .expectationFailed)
        }
        if claim.isWord, (try? claim.number(names: session.explorer.names)) == nil {
            guard claim.relation == .equal || claim.relation == .notEqual else {
                throw ShellError("a word answer is compared with == or !=", at: SourceRange(column: claim.valueColumn, length: claim.valueText.count))
            }
            let same = answer.trimmingSpaces.lowercased() == claim.valueText.trimmingSpaces.lowercased()
            guard same != (claim.relation == .equal) else { return }
            throw ShellError("\(text.trimmingSpaces) does not hold: the answer is \(answer)", at: claimRange, kind: .expectationFailed)
        }
        let expected = try claim.number(names: session.explorer.names)
        let actual: Double
        do {
            actual = try Parser.parse(answer, variables: [], names: session.explorer.names).checkedValue(names: [], at: [])
        } catch {
            throw ShellError("\(text.trimmingSpaces) does not hold: '\(answer)' is not a number", at: claimRange, kind: .expectationFailed)
        }
        guard !claim.relation.holds(actual, expected, tolerance: claim.tolerance) else { return }
        throw ShellError("\(text.trimmingSpaces) does not hold: the answer is \(answer)", at: claimRange, kind: .expectationFailed)
    }
}
