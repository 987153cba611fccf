import LRLab
import LRLabText

/// Claims about the tables of the last `fit` and of the last `compare` on a model, and about
/// the latest `train` (its last epoch), for lessons:
///
///     expect fit 15 verdict == overfitting        a degree's verdict (== or !=)
///     expect fit 3 val_error < 0.1                a degree's train_error, val_error or gap
///     expect fit best == 3                        the degree with the lowest validation error
///     expect compare adam val_acc > 0.9           the row whose label has the word `adam`
///     expect compare lr=0.001 train_loss < 0.5    (train_loss, val_loss, train_acc, val_acc)
///     expect compare best == adam                 the row with the lowest validation loss
///                                                 (training loss without validation) has the word
///     expect train val_acc > 0.9                  the latest training's last epoch (the compare
///                                                 quantities, and `epoch`, `best_epoch`)
///     expect train verdict == overfitting         one of the training's verdicts is (or none is)
///
/// A row of `fit` or `compare` is picked by a word of its label (`adam`, `lr=0.01`); the claim
/// fails when no row or several rows have it. `train` has one row and no selector.
enum TableExpectation {
    /// Whether `words` (after `expect`) are a claim about a table: `fit` or `compare` followed
    /// by something other than a comparison (so a variable named `fit` still reads as one).
    static func recognizes(_ words: [Word]) -> Bool {
        guard words.count >= 2, ["fit", "compare", "train"].contains(words[0].text) else { return false }
        return !Expectation.Relation.allCases.contains { words[1].text.hasPrefix($0.rawValue) }
    }

    static let fitQuantities = ["train_error", "val_error", "gap", "epochs"]
    static let compareQuantities = ["train_loss", "val_loss", "train_acc", "val_acc"]
    /// `best_epoch`: the epoch of lowest validation loss, where early stopping would stop.
    static let trainingQuantities = compareQuantities + ["epoch", "best_epoch"]

    /// The measurements of an epoch, by the names the claims use.
    static func values(of record: EpochRecord?) -> [String: Double] {
        var values: [String: Double] = [:]
        values["train_loss"] = record?.trainLoss
        values["val_loss"] = record?.validationLoss
        values["train_acc"] = record?.trainAccuracy
        values["val_acc"] = record?.validationAccuracy
        return values
    }

    static func check(_ words: [Word], text: String, column: Int, in session: Session) throws(ShellError) {
        let whole = SourceRange(column: column, length: text.count)
        func failed(_ detail: String) -> ShellError {
            ShellError("\(text.trimmingSpaces) does not hold: \(detail)", at: whole, kind: .expectationFailed)
        }
        let table = words[0].text
        let isFit = table == "fit", isTraining = table == "train"
        let rows: [(label: String, words: [String], values: [String: Double], verdicts: [String])]
        let bestIndex: Int?
        let verdictNames: [String]
        if isTraining {
            guard let training = session.lab.training else {
                throw ShellError("no training to check yet" + (session.lab.droppedTraining.map { ": " + $0 } ?? ""), at: words[0].range,
                                 hint: session.lab.droppedTraining == nil ? "choose data and a model, then train" : "train on this data first")
            }
            let trainer = training.trainer
            var values = values(of: trainer.trace.last)
            values["epoch"] = Double(trainer.epoch)
            values["best_epoch"] = trainer.trace.bestValidationEpoch.map { Double($0.epoch) }
            rows = [("the training", [], values, TrainingDiagnosis.verdicts(for: trainer).map(\.name))]
            bestIndex = nil
            verdictNames = TrainingVerdict.Kind.allCases.map(\.name)
        } else if isFit {
            guard let fitted = session.lab.fits else {
                throw ShellError("no fit to check yet", at: words[0].range, hint: "run fit first")
            }
            rows = fitted.fits.fits.map { fit in
                var values: [String: Double] = [:]
                values["train_error"] = fit.trainError
                values["val_error"] = fit.validationError
                values["gap"] = fit.gap
                values["epochs"] = Double(fit.epochs)
                return ("degree \(fit.degree)", [String(fit.degree)], values, fit.verdicts.map(\.name))
            }
            verdictNames = TrainingVerdict.Kind.allCases.map(\.name)
            let errors = fitted.fits.fits.map { $0.validationError ?? .infinity }
            bestIndex = fitted.fits.bestValidationError == nil ? nil : errors.firstIndex(of: errors.min() ?? .infinity)
        } else {
            guard let comparison = session.lab.comparison else {
                throw ShellError("no compare of models to check yet", at: words[0].range, hint: "run compare with a model and data first")
            }
            rows = comparison.results.map { result in
                (result.label, result.label.split(separator: " ").map(String.init), values(of: result.last), result.verdicts.map(\.name))
            }
            verdictNames = TrainingVerdict.Kind.allCases.map(\.name)
            let losses = comparison.results.map { result -> Double in
                guard result.ending == nil, let last = result.last else { return .infinity }
                return last.validationLoss ?? last.trainLoss
            }
            bestIndex = losses.min().flatMap { $0.isFinite ? losses.firstIndex(of: $0) : nil }
        }
        // `best == WORD`
        if !isTraining, words[1].text == "best" {
            guard words.count == 4, words[2].text == "==" else {
                throw ShellError("expected '\(words[0].text) best == \(isFit ? "DEGREE" : "WORD")'", at: whole)
            }
            guard let bestIndex else { throw failed("no row has a finite \(isFit ? "validation error" : "loss")") }
            if !rows[bestIndex].words.contains(words[3].text) {
                throw failed("the best is \(rows[bestIndex].label)")
            }
            return
        }
        // The row: picked by its word, or the training's only one.
        let index: Int, claim: ArraySlice<Word>
        if isTraining {
            (index, claim) = (0, words.dropFirst())
        } else {
            let selector = words[1].text
            let matching = rows.indices.filter { rows[$0].words.contains(selector) }
            guard matching.count == 1, let only = matching.first else {
                let labels = rows.map(\.label).joined(separator: ", ")
                throw ShellError(matching.isEmpty ? "no row of the \(table) table is '\(selector)'" : "several rows of the \(table) table have '\(selector)'",
                                 at: words[1].range, hint: "the rows: \(labels)")
            }
            (index, claim) = (only, words.dropFirst(2))
        }
        let known = isTraining ? trainingQuantities : isFit ? fitQuantities : compareQuantities
        guard claim.count >= 2 else {
            let example = isTraining ? "expect train val_acc > 0.9" : "expect \(table) \(words[1].text) \(isFit ? "val_error < 0.1" : "val_acc > 0.9")"
            throw ShellError("expected a quantity, a comparison and a value after '\(words[claim.startIndex - 1].text)'", at: whole,
                             hint: "e.g. \(example)")
        }
        let quantityWord = claim[claim.startIndex], relationWord = claim[claim.startIndex + 1]
        let quantity = quantityWord.text, relation = relationWord.text
        if quantity == Expectation.verdictWord && !verdictNames.isEmpty {
            guard claim.count == 3, relation == "==" || relation == "!=", let word = claim.last else {
                throw ShellError("expected 'verdict == NAME' or 'verdict != NAME'", at: whole, hint: "verdicts: " + verdictNames.joined(separator: " "))
            }
            let name = try VerdictWord.outcome(word, possible: TrainingVerdict.Kind.allCases.map(\.outcome),
                                               of: isTraining ? "a training's verdict" : isFit ? "a fit's verdict" : "a compared training's verdict").word
            if rows[index].verdicts.contains(name) != (relation == "==") {
                let verdicts = rows[index].verdicts.isEmpty ? "-" : rows[index].verdicts.joined(separator: " + ")
                throw failed("the verdict of \(rows[index].label) is \(verdicts)")
            }
            return
        }
        guard known.contains(quantity) else {
            let hint = Suggestion.didYouMean(quantity, among: known + (verdictNames.isEmpty ? [] : ["verdict"]))
                ?? "one of: " + known.joined(separator: " ")
            throw ShellError("unknown quantity '\(quantity)'", at: quantityWord.range, hint: hint)
        }
        guard let comparison = Expectation.Relation(rawValue: relation), comparison != .approximately, claim.count == 3, let valueWord = claim.last else {
            throw ShellError("expected QUANTITY < <= > >= == != VALUE", at: relationWord.range)
        }
        let expected: Double
        do throws(NumberSyntax.Problem) {
            expected = try NumberSyntax.value(valueWord.text)
        } catch {
            throw ShellError(error.message(valueWord.text), at: valueWord.range)
        }
        guard let actual = rows[index].values[quantity] else { throw failed("\(rows[index].label) has no \(quantity)") }
        if !comparison.holds(actual, expected) {
            // An equality fails on digits the session does not print: show them all then.
            let shown = comparison == .equal || comparison == .notEqual ? "\(actual)" : NumberFormat.format(actual, digits: Swift.max(session.digits, 10))
            throw failed("\(quantity) of \(rows[index].label) = \(shown)")
        }
    }
}
