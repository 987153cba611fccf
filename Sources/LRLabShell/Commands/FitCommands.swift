import LRLab
import LRLabText

enum FitCommands {
    /// `fit`: under- and overfitting, one polynomial degree after another.
    static let all: [Command] = [
        Command("fit", usage: "fit [OPTIONS]",
                summary: "train one polynomial per degree on a 1-D regression set: train and validation error side by side",
                details: """
                Trains `model poly degree=N` once per degree on the current data (a 1-D regression set:
                data sine, data poly, data step, or a CSV file with one feature), each with the session's
                optimizer and schedule (opt, schedule), the same epochs, batches and starting seed, and
                prints the training and validation error after the last epoch (MSELoss, without the l2
                term), their gap (validation − train), the epochs trained and the verdicts `train` would
                give each degree's training (help verdicts): underfitting, overfitting or good-fit, then
                slow or bouncing where the optimizer's behaviour says more epochs or a lower rate would
                help; diverging alone. The lowest validation error of the table is its best.
                Defaults: degrees 1,3,9,15, 1000 epochs of full batches, parameters and batches from seed 0.
                l2=X adds X·Σw² to every degree's loss: the gap closes as X grows. `plot fit` draws each
                curve over the points.
                  data sine; opt adam lr=0.01; fit
                  fit degree=1,3,9,15 l2=0.001 epochs=2000
                """, options: FitOptions.all, countsAsTry: true) { session, statement throws(ShellError) in
            try fitCommand(session, statement)
        },
    ]

    /// `fit`'s options.
    enum FitOptions {
        static let degree = CommandOption.wholeNumbers("degree", default: [1, 3, 9, 15], range: 1...ModelSpecification.maximumDegree,
                                                       maximumCount: Limits.maximumFitDegrees, "the polynomial degrees")
        static let l2 = CommandOption.number("l2", default: 0, range: 0...1e6, "weight penalty: each loss adds l2·Σw² over the weights (not the bias)")
        static let epochs = CommandOption.epochs(default: 1000, "epochs each degree trains (the tutorial's polynomial fits)")
        static let batch = CommandOption.batch(default: nil, "rows per step: full (every row) or N")
        static let seed = CommandOption.seed("seed of the starting parameters and of the batches' shuffle")
        static let all = [degree.option, l2.option, epochs.option, batch.option, seed.option]
    }

    static func fitCommand(_ session: Session, _ statement: Statement) throws(ShellError) -> Report {
        let options = try CommandOptionValues(statement.words.dropFirst(), options: FitOptions.all, command: "fit")
        guard let split = session.lab.data else {
            throw ShellError("no data to fit yet", at: statement.words[0].range,
                             hint: "make a 1-D regression set first, e.g. data sine (help data lists them)")
        }
        guard !split.training.isClassification, split.training.featureCount == 1 else {
            throw ShellError("fit compares polynomial degrees on a 1-D regression set; '\(split.training.name)' has "
                             + (split.training.isClassification ? "classes" : "\(split.training.featureCount) features"),
                             at: statement.words[0].range,
                             hint: "use data sine, data poly or data step; on classes, train a model and plot fit draws its regions")
        }
        let degrees = options[FitOptions.degree]
        let epochs = options[FitOptions.epochs]
        let batch = options[FitOptions.batch]
        let seed = options[FitOptions.seed]
        let l2 = options[FitOptions.l2]
        let fits: PolynomialFits
        do throws(FitError) {
            fits = try PolynomialFits(split: split, degrees: degrees, l2: l2, initialization: .seeded(seed),
                                      configuration: session.optimizer, schedule: session.schedule,
                                      epochs: epochs, batchSize: batch, seed: seed, shouldStop: session.shouldStop)
        } catch {
            switch error {
            case .model(let problem): throw ShellError(problem, at: statement.words[0].range)
            case .evaluation(let degree, let problem):
                throw ShellError("degree \(degree) has no loss at its start: \(problem.description)", at: statement.words[0].range)
            }
        }
        session.lab.fits = FittedDegrees(split: split, fits: fits)
        session.focus = .model
        return fitReport(fits, split: split, session: session, epochs: epochs, batch: batch, seed: seed, l2: l2)
    }

    /// The table `fit` shows, with its heading and notes.
    static func fitReport(_ fits: PolynomialFits, split: DataSplit, session: Session, epochs: Int, batch: Int?, seed: UInt64, l2: Double) -> Report {
        let digits = Swift.min(session.digits, 4)
        let validationRows = split.validation?.rowCount ?? 0
        let heading = "fit: one poly per degree on \(split.training.name) (\(split.training.rowCount) training rows, \(validationRows) validation), "
                      + "\(session.optimizer.kind.name) lr=\(NumberFormat.format(session.optimizer.learningRate, digits: 4)), "
                      + "\(NumberFormat.counted(epochs, "epoch")) of \(batch.map { "batches of \($0)" } ?? "full batches"), seed \(seed)"
                      + (l2 > 0 ? ", l2=\(NumberFormat.format(l2, digits: 4))" : "")
        var report = Report(prose: heading)
        let rows = fits.fits.map { fit -> [String] in
            [String(fit.degree), fit.trainError.map { NumberFormat.format($0, digits: digits) } ?? "-",
             fit.validationError.map { NumberFormat.format($0, digits: digits) } ?? "-",
             fit.gap.map { NumberFormat.format($0, digits: digits) } ?? "-", String(fit.epochs),
             fit.verdicts.map(\.name).joined(separator: ", ")]
        }
        let table = Table(columns: [.init("degree"), .init("train"), .init("validation"), .init("gap"), .init("epochs"),
                                    .init("verdict", alignment: .left)], rows: rows)
        report.table(table)
        var lines = ["errors: MSELoss mean((ŷ−y)²) over the whole set after the last epoch, without the l2 term; gap = validation − train"]
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
        report.prose(lines.joined(separator: "\n"))
        return report
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
