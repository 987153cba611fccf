import LRLab
import LRLabText

/// Claims about the tables of the last `fit` and of the last `compare` on a model, for lessons:
///
///     expect fit 15 verdict == overfitting        a degree's verdict (== or !=)
///     expect fit 3 val_error < 0.1                a degree's train_error, val_error or gap
///     expect fit best == 3                        the degree with the lowest validation error
///     expect compare adam val_acc > 0.9           the row whose label has the word `adam`
///     expect compare lr=0.001 train_loss < 0.5    (train_loss, val_loss, train_acc, val_acc)
///     expect compare best == adam                 the row with the lowest validation loss
///                                                 (training loss without validation) has the word
///
/// A row is picked by a word of its label (`adam`, `lr=0.01`); the claim fails when no row or
/// several rows have it.
enum TableExpectation {
    /// Whether `words` (after `expect`) are a claim about a table: `fit` or `compare` followed
    /// by something other than a comparison (so a variable named `fit` still reads as one).
    static func recognizes(_ words: [Word]) -> Bool {
        guard words.count >= 2, ["fit", "compare"].contains(words[0].text) else { return false }
        return !Expectation.Relation.allCases.contains { words[1].text.hasPrefix($0.rawValue) }
    }

    static let fitQuantities = ["train_error", "val_error", "gap"]
    static let compareQuantities = ["train_loss", "val_loss", "train_acc", "val_acc"]

    static func check(_ words: [Word], text: String, column: Int, in session: Session) throws(ShellError) {
        let whole = SourceRange(column: column, length: text.count)
        func failed(_ detail: String) -> ShellError {
            ShellError("\(text.trimmingSpaces) does not hold: \(detail)", at: whole, kind: .expectationFailed)
        }
        let isFit = words[0].text == "fit"
        let rows: [(label: String, words: [String], values: [String: Double], verdict: String?)]
        let bestIndex: Int?
        if isFit {
            guard let fitted = session.lastFits else {
                throw ShellError("no fit to check yet", at: words[0].range, hint: "run fit first")
            }
            rows = fitted.fits.fits.map { fit in
                var values: [String: Double] = [:]
                values["train_error"] = fit.trainError
                values["val_error"] = fit.validationError
                values["gap"] = fit.gap
                return ("degree \(fit.degree)", [String(fit.degree)], values, fit.verdict.rawValue)
            }
            let errors = fitted.fits.fits.map { $0.validationError ?? .infinity }
            bestIndex = fitted.fits.bestValidationError == nil ? nil : errors.firstIndex(of: errors.min() ?? .infinity)
        } else {
            guard let comparison = session.lastModelComparison else {
                throw ShellError("no compare of models to check yet", at: words[0].range, hint: "run compare with a model and data first")
            }
            rows = comparison.results.map { result in
                var values: [String: Double] = [:]
                let last = result.last
                values["train_loss"] = last?.trainLoss
                values["val_loss"] = last?.validationLoss
                values["train_acc"] = last?.trainAccuracy
                values["val_acc"] = last?.validationAccuracy
                return (result.label, result.label.split(separator: " ").map(String.init), values, nil)
            }
            let losses = comparison.results.map { result -> Double in
                guard result.trainer.ending == nil, let last = result.last else { return .infinity }
                return last.validationLoss ?? last.trainLoss
            }
            bestIndex = losses.min().flatMap { $0.isFinite ? losses.firstIndex(of: $0) : nil }
        }
        // `best == WORD`
        if words[1].text == "best" {
            guard words.count == 4, words[2].text == "==" else {
                throw ShellError("expected '\(words[0].text) best == \(isFit ? "DEGREE" : "WORD")'", at: whole)
            }
            guard let bestIndex else { throw failed("no row has a finite \(isFit ? "validation error" : "loss")") }
            if !rows[bestIndex].words.contains(words[3].text) {
                throw failed("the best is \(rows[bestIndex].label)")
            }
            return
        }
        let selector = words[1].text
        let matching = rows.indices.filter { rows[$0].words.contains(selector) }
        guard matching.count == 1, let index = matching.first else {
            let labels = rows.map(\.label).joined(separator: ", ")
            throw ShellError(matching.isEmpty ? "no row of the \(words[0].text) table is '\(selector)'" : "several rows of the \(words[0].text) table have '\(selector)'",
                             at: words[1].range, hint: "the rows: \(labels)")
        }
        guard words.count >= 4 else {
            throw ShellError("expected a quantity, a comparison and a value after '\(selector)'", at: whole,
                             hint: "e.g. expect \(words[0].text) \(selector) \(isFit ? "val_error < 0.1" : "val_acc > 0.9")")
        }
        let quantity = words[2].text, relation = words[3].text
        if quantity == Expectation.verdictWord && isFit {
            let names = ["underfitting", "good", "overfitting", "ended"]
            guard words.count == 5, relation == "==" || relation == "!=", names.contains(words[4].text) else {
                throw ShellError("expected 'verdict == NAME' or 'verdict != NAME'", at: whole, hint: "verdicts: " + names.joined(separator: " "))
            }
            if (rows[index].verdict == words[4].text) != (relation == "==") {
                throw failed("the verdict of \(rows[index].label) is \(rows[index].verdict ?? "-")")
            }
            return
        }
        let known = isFit ? fitQuantities : compareQuantities
        guard known.contains(quantity) else {
            let hint = Suggestion.closest(to: quantity, among: known + (isFit ? ["verdict"] : [])).map { "did you mean '\($0)'?" }
                ?? "one of: " + known.joined(separator: " ")
            throw ShellError("unknown quantity '\(quantity)'", at: words[2].range, hint: hint)
        }
        guard let comparison = Expectation.Relation(rawValue: relation), comparison != .approximately, words.count == 5 else {
            throw ShellError("expected QUANTITY < <= > >= == != VALUE", at: words[3].range)
        }
        let expected: Double
        do throws(NumberSyntax.Problem) {
            expected = try NumberSyntax.value(words[4].text)
        } catch {
            throw ShellError(error.message(words[4].text), at: words[4].range)
        }
        guard let actual = rows[index].values[quantity] else { throw failed("\(rows[index].label) has no \(quantity)") }
        if !comparison.holds(actual, expected) { throw failed("\(quantity) of \(rows[index].label) = \(NumberFormat.format(actual, digits: Swift.max(session.digits, 10)))") }
    }
}
