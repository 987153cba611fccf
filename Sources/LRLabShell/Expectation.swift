import LRLab
import LRLabText

/// A claim checked by `expect`: `loss < 1e-6`, `x ~ 3 tol=1e-4`, `steps <= 50`, `diverged`,
/// `not converged`. Lessons use these so every claim they make is tested when they run.
struct Expectation {
    enum Relation: String, CaseIterable {
        case lessOrEqual = "<=", greaterOrEqual = ">=", equal = "==", notEqual = "!=", less = "<", greater = ">", approximately = "~"

        /// Whether `actual RELATION expected` holds; `~` means within `tolerance`.
        func holds(_ actual: Double, _ expected: Double, tolerance: Double = 0) -> Bool {
            switch self {
            case .less: return actual < expected
            case .lessOrEqual: return actual <= expected
            case .greater: return actual > expected
            case .greaterOrEqual: return actual >= expected
            case .equal: return actual == expected
            case .notEqual: return actual != expected
            case .approximately: return Swift.abs(actual - expected) <= tolerance
            }
        }
    }

    /// A quantity of the run that a claim or `keep` names by a fixed word (besides the
    /// variables, `x`, and their gradients, `gx`). `value(of:)` reads these and nothing else,
    /// and a function's variables may not take these words (`Definition.reservedVariableNames`).
    enum RunQuantity: String, CaseIterable {
        case loss, steps, lr, grad, gnorm, distance, gap, critical
        case lambdaMax = "lambda_max", convergedAt = "converged_at"

        /// `gnorm` is another name for `grad`, accepted but not listed.
        var isListed: Bool { self != .gnorm }

        func value(in run: Run) -> Double {
            let objective = run.lossFunction
            switch self {
            case .loss: return run.loss
            case .steps: return Double(run.stepCount)
            case .lr: return run.stepCount == 0 ? run.nextLearningRate : run.current.learningRate
            case .grad, .gnorm: return run.current.gradientNorm
            case .distance: return objective.nearestMinimum(to: run.point).map { $0.distance } ?? .nan
            case .gap: return objective.minimumValue.map { run.loss - $0 } ?? .nan
            case .critical:
                return CurvatureReport(loss: objective, at: run.point, configuration: run.configuration).criticalRate ?? .nan
            case .lambdaMax:
                return CurvatureReport(loss: objective, at: run.point, configuration: run.configuration).largestEigenvalue ?? .nan
            case .convergedAt:
                return Comparison.firstConvergedStep(of: run).map(Double.init) ?? .nan
            }
        }
    }

    /// The word that starts a claim about the verdict, and the one that negates a flag.
    static let verdictWord = "verdict", negationWord = "not"

    /// The quantities a claim can name, for help and errors.
    static let quantities = RunQuantity.allCases.filter(\.isListed).map(\.rawValue) + [verdictWord, "x", "y", "gx", "gy"] + SetupClaim.words
    static let flags = ["diverged", "converged", "ended"]

    /// Every fixed word a claim reads as something other than a variable.
    static var reservedWords: [String] { RunQuantity.allCases.map(\.rawValue) + flags + [verdictWord, negationWord] }

    static func check(_ statement: Statement, in session: Session) throws(ShellError) {
        let (text, column) = statement.rest
        guard !text.isEmpty else {
            throw ShellError("expect needs a claim", at: statement.words[0].range,
                             hint: "e.g. expect loss < 1e-6, expect x ~ 3 tol=1e-4, expect steps <= 50, expect diverged")
        }
        let words = Array(statement.words.dropFirst())
        // Claims about the last fit's or model compare's table: `expect fit 15 verdict == overfitting`.
        if TableExpectation.recognizes(words) {
            try TableExpectation.check(words, text: text, column: column, in: session)
            return
        }
        // The learner's answer to a lesson's question: `check answer ~ 0.2 tol=0.01`.
        if words.first?.text == AnswerClaim.word {
            try AnswerClaim.check(words, text: text, column: column, in: session)
            return
        }
        let run = try session.currentRun(at: statement.words[0])
        // Flags: `expect diverged`, `expect not converged`.
        let negated = words.first?.text == negationWord
        let flagWords = negated ? Array(words.dropFirst()) : words
        if flagWords.count == 1, flags.contains(flagWords[0].text) {
            let holds: Bool
            switch flagWords[0].text {
            case "diverged": if case .diverged = run.ending { holds = true } else { holds = false }
            case "converged": holds = run.hasConverged
            default: holds = run.ending != nil
            }
            if holds == negated {
                throw ShellError("\(text) does not hold: \(stateSummary(session, run))", at: SourceRange(column: column, length: text.count),
                                 kind: .expectationFailed)
            }
            return
        }
        // The verdict: `expect verdict == bouncing`, `expect verdict != diverging`.
        if words.first?.text == verdictWord {
            try checkVerdict(words, run: run, text: text, column: column)
            return
        }
        // The setup, by name: `expect opt == nesterov`, `expect function == ravine`.
        if SetupClaim.recognizesWordClaim(words, run: run, registry: session.optimizerRegistry) {
            try SetupClaim.checkWordClaim(words, run: run, registry: session.optimizerRegistry, text: text, column: column)
            return
        }
        // Comparisons: QUANTITY OP VALUE [tol=T].
        let characters = Array(text)
        var index = 0
        while index < characters.count, characters[index].isLetter || characters[index].isNumber || characters[index] == "_" { index += 1 }
        let quantityName = String(characters[0..<index])
        let quantityRange = SourceRange(column: column, length: max(1, index))
        guard !quantityName.isEmpty else {
            throw ShellError("expected a quantity to check", at: quantityRange, hint: "one of: " + (quantities + flags).joined(separator: " "))
        }
        var setupValue: Double?
        switch value(of: quantityName, run: run) == nil ? SetupClaim.number(named: quantityName, run: run, registry: session.optimizerRegistry) : nil {
        case .success(let value)?: setupValue = value
        case .failure(var error)?:
            if error.kind == .expectationFailed {
                error.message = "\(text.trimmingSpaces) does not hold: " + error.message
                error.range = SourceRange(column: column, length: text.count)
            } else {
                error.range = quantityRange
            }
            throw error
        case nil: break
        }
        guard let actual = value(of: quantityName, run: run) ?? setupValue ?? populationQuantity(quantityName, in: session) else {
            let candidates = quantities + flags + run.lossFunction.parameterNames + run.lossFunction.parameterNames.map { "g" + $0 }
                + run.lossFunction.parameterNames.map { SetupClaim.startPrefix + $0 } + SetupClaim.optionNames(in: session.optimizerRegistry)
            let hint = Suggestion.didYouMean(quantityName, among: candidates)
                ?? "one of: " + (quantities + flags).joined(separator: " ")
            throw ShellError("unknown quantity '\(quantityName)'", at: quantityRange, hint: hint)
        }
        let claim = try ClaimComparison.parse(characters, from: index, column: column, after: quantityName)
        let (comparison, tolerance) = (claim.relation, claim.tolerance)
        let expected = try claim.number(names: session.explorer.names)
        let holds = comparison.holds(actual, expected, tolerance: tolerance)
        if !holds {
            var detail = "\(quantityName) = \(NumberFormat.format(actual, digits: max(session.digits, 10)))"
            if comparison == .approximately {
                detail += ", off by \(NumberFormat.format(Swift.abs(actual - expected), digits: 3)) > tol \(NumberFormat.format(tolerance, digits: 3))"
            }
            throw ShellError("\(text.trimmingSpaces) does not hold: \(detail)", at: SourceRange(column: column, length: text.count),
                             kind: .expectationFailed)
        }
    }

    static func checkVerdict(_ words: [Word], run: Run, text: String, column: Int) throws(ShellError) {
        guard words.count == 3, words[1].text == "==" || words[1].text == "!=" else {
            throw ShellError("expected 'verdict == NAME' or 'verdict != NAME'", at: SourceRange(column: column, length: text.count),
                             hint: "verdicts: " + VerdictWord.names.joined(separator: " "))
        }
        let expected = try VerdictWord.outcome(words[2], possible: Verdict.Kind.allCases.map(\.outcome), of: "a run's verdict")
        let verdict = run.verdict()
        if (verdict.kind.outcome == expected) != (words[1].text == "==") {
            throw ShellError("\(text.trimmingSpaces) does not hold: the verdict is \(verdict.name) (\(verdict.summary.text))",
                             at: SourceRange(column: column, length: text.count), kind: .expectationFailed)
        }
    }

    static func value(of name: String, run: Run) -> Double? {
        let names = run.lossFunction.parameterNames
        if let index = names.firstIndex(of: name) { return run.point[index] }
        if name.hasPrefix("g"), let index = names.firstIndex(of: String(name.dropFirst())) { return run.gradient[index] }
        return RunQuantity(rawValue: name)?.value(in: run)
    }

    static func stateSummary(_ session: Session, _ run: Run) -> String {
        var text = "step \(run.stepCount), loss = \(session.format(run.loss))"
        if let ending = run.ending { text += ", " + ending.description.text(digits: session.digits) }
        else if run.hasConverged { text += ", converged" }
        else { text += ", gradient norm \(session.format(run.current.gradientNorm))" }
        return text
    }
}
