import LRLab
import LRLabText

extension Command {
    /// `fit`: under- and overfitting, one polynomial degree after another.
    static let fitCommands: [Command] = [
        Command("fit", usage: "fit [degree=1,3,9,15] [l2=0] [epochs=1000] [batch=full|N] [seed=0]",
                summary: "train one polynomial per degree on a 1-D regression set: train and validation error side by side",
                details: """
                Trains `model poly degree=N` once per degree on the current data (a 1-D regression set:
                data sine, data poly, data step, or a CSV file with one feature), each with the session's
                optimizer and schedule (opt, schedule), the same epochs, batches and starting seed, and
                prints the training and validation error after the last epoch (MSELoss, without the l2
                term), their gap (validation − train) and a verdict that compares each degree with the
                best validation error of the table (best):
                  underfitting  its training error is above \(NumberFormat.format(PolynomialFits.underfitRatio)) × best: it fits the rows it sees
                                worse than another degree predicts rows it never saw
                  overfitting   its validation error is above \(NumberFormat.format(PolynomialFits.overfitRatio)) × its training error and
                                above \(NumberFormat.format(PolynomialFits.overfitRatio)) × best: much worse on unseen rows than on its own
                  good          otherwise
                After it, the optimizer's verdict when one applies (slow: more epochs would help).
                Defaults: degrees 1,3,9,15, 1000 epochs of full batches, parameters and batches from seed 0.
                l2=X adds X·Σw² to every degree's loss: the gap closes as X grows. `plot fit` draws each
                curve over the points.
                  data sine; opt adam lr=0.01; fit
                  fit degree=1,3,9,15 l2=0.001 epochs=2000
                """, options: fitOptions, countsAsTry: true) { session, statement throws(ShellError) in
            try fitCommand(session, statement)
        },
    ]

    static let fitOptions: [CommandOption] = [
        CommandOption("degree", .text(syntax: "N1,N2,..."), "the polynomial degrees, 1 to \(ModelSpecification.maximumDegree), at most \(Limits.maximumFitDegrees)",
                      defaultDescription: "1,3,9,15"),
        CommandOption("l2", .number(default: 0, range: 0...1e6), "weight penalty: each loss adds l2·Σw² over the weights (not the bias)"),
        CommandOption("epochs", .count(default: 1000, limit: Limits.maximumEpochs), "epochs each degree trains"),
        CommandOption("batch", .text(syntax: "full|N"), "rows per step: full (every row) or N", defaultDescription: "full"),
        CommandOption("seed", .seed(default: 0), "seed of the starting parameters and of the batches' shuffle"),
    ]

    /// The degrees fit trains when `degree=` is not given.
    static let defaultFitDegrees = [1, 3, 9, 15]

    static func fitCommand(_ session: Session, _ statement: Statement) throws(ShellError) {
        let options = try CommandOptionValues(statement.words.dropFirst(), options: fitOptions, command: "fit")
        guard let split = session.data else {
            throw ShellError("no data to fit yet", at: statement.words[0].range,
                             hint: "make a 1-D regression set first, e.g. data sine (help data lists them)")
        }
        guard !split.training.isClassification, split.training.featureCount == 1 else {
            throw ShellError("fit compares polynomial degrees on a 1-D regression set; '\(split.training.name)' has "
                             + (split.training.isClassification ? "classes" : "\(split.training.featureCount) features"),
                             at: statement.words[0].range,
                             hint: "use data sine, data poly or data step; on classes, train a model and plot fit draws its regions")
        }
        let degrees = try listOfWholeNumbers(options.text("degree"), option: "degree", statement: statement,
                                             range: 1...ModelSpecification.maximumDegree, maximumCount: Limits.maximumFitDegrees)
            ?? defaultFitDegrees
        let epochs = options.declaredCount("epochs")
        let batch = try batchSize(options.text("batch"), statement: statement)
        let seed = options.seed("seed")
        let l2 = options.number("l2") ?? 0
        let fits: PolynomialFits
        do throws(FitError) {
            fits = try PolynomialFits(split: split, degrees: degrees, l2: l2, initialization: .seeded(seed),
                                      configuration: session.optimizer, schedule: session.schedule,
                                      epochs: epochs, batchSize: batch, seed: seed, shouldStop: session.shouldStop)
        } catch {
            switch error {
            case .model(let problem): throw ShellError(problem.message, at: statement.words[0].range, hint: problem.hint)
            case .evaluation(let degree, let problem):
                throw ShellError("degree \(degree) has no loss at its start: \(problem.description)", at: statement.words[0].range)
            }
        }
        session.lastFits = FittedDegrees(split: split, fits: fits)
        session.say(session.wrapped(fitReport(fits, split: split, session: session, epochs: epochs, batch: batch, seed: seed, l2: l2)))
    }

    /// The table `fit` prints, with its heading and notes.
    static func fitReport(_ fits: PolynomialFits, split: DataSplit, session: Session, epochs: Int, batch: Int?, seed: UInt64, l2: Double) -> String {
        let digits = Swift.min(session.digits, 4)
        let validationRows = split.validation?.rowCount ?? 0
        var lines = ["fit: one poly per degree on \(split.training.name) (\(split.training.rowCount) training rows, \(validationRows) validation), "
                     + "\(session.optimizer.kind.name) lr=\(NumberFormat.format(session.optimizer.learningRate, digits: 4)), "
                     + "\(NumberFormat.counted(epochs, "epoch")) of \(batch.map { "batches of \($0)" } ?? "full batches"), seed \(seed)"
                     + (l2 > 0 ? ", l2=\(NumberFormat.format(l2, digits: 4))" : "")]
        let rows = fits.fits.map { fit -> [String] in
            [String(fit.degree), fit.trainError.map { NumberFormat.format($0, digits: digits) } ?? "-",
             fit.validationError.map { NumberFormat.format($0, digits: digits) } ?? "-",
             fit.gap.map { NumberFormat.format($0, digits: digits) } ?? "-", ([fit.verdict.rawValue] + fit.optimizerVerdicts.map(\.title)).joined(separator: ", ")]
        }
        let table = Table(columns: [.init("degree"), .init("train"), .init("validation"), .init("gap"),
                                    .init("verdict", alignment: .left)], rows: rows)
        lines.append(table.render(style: style(session)))
        lines.append("errors: MSELoss mean((ŷ−y)²) over the whole set after the last epoch, without the l2 term; gap = validation − train")
        if let best = fits.fits.filter({ $0.validationError == fits.bestValidationError && $0.validationError != nil }).first,
           let error = best.validationError {
            lines.append("lowest validation error: degree \(best.degree) (\(NumberFormat.format(error, digits: digits)))")
        } else if split.validation == nil {
            lines.append("no validation set (split=1): nothing unseen to judge over- or underfitting by")
        }
        for fit in fits.fits {
            if let ending = fit.trainer.ending { lines.append("degree \(fit.degree): " + ending.description.text(digits: session.digits)) }
        }
        if fits.wasStopped {
            let last = fits.fits.last
            lines.append(Session.interruptionNote(atStep: last?.trainer.run.stepCount ?? 0,
                                                  of: last.map { "degree \($0.degree)" },
                                                  "the table shows the degrees so far (\(fits.fits.count))"))
        }
        lines.append("plot fit draws the curves over the points")
        return lines.joined(separator: "\n")
    }

    /// `N1,N2,...` as whole numbers in `range`, at most `maximumCount` of them; nil when not given.
    static func listOfWholeNumbers(_ text: String?, option: String, statement: Statement, range: ClosedRange<Int>,
                                   maximumCount: Int) throws(ShellError) -> [Int]? {
        guard let text else { return nil }
        let word = statement.words.first { $0.text.lowercased().hasPrefix(option + "=") }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count <= maximumCount else {
            throw ShellError("\(option)= takes at most \(maximumCount) values, not \(parts.count)", at: word?.range)
        }
        var values: [Int] = []
        for part in parts {
            guard let value = Int(part), range.contains(value) else {
                throw ShellError("\(option)=\(text): '\(part)' is not a whole number from \(range.lowerBound) to \(range.upperBound)",
                                 at: word?.range, hint: "e.g. \(option)=1,3,9,15")
            }
            values.append(value)
        }
        return values
    }

    /// `batch=full` (nil) or a whole number of rows ≥ 1 (nil when not given: full batches).
    static func batchSize(_ text: String?, statement: Statement) throws(ShellError) -> Int? {
        guard let text, text.lowercased() != "full" else { return nil }
        guard let rows = Int(text), rows >= 1, rows <= Limits.maximumDataRows else {
            let word = statement.words.first { $0.text.lowercased().hasPrefix("batch=") }
            throw ShellError("batch=\(text) is not full or a whole number of rows from 1 to \(Limits.maximumDataRows)", at: word?.range,
                             hint: "e.g. batch=32, or batch=full")
        }
        return rows
    }
}

/// The fits of the last `fit` and the data they were trained on (`plot fit` draws them while
/// the data is still the session's).
struct FittedDegrees {
    var split: DataSplit
    var fits: PolynomialFits
    /// False once a `train` ran after the fit: `plot fit` then draws that training's curve.
    var isNewerThanTraining = true
}
