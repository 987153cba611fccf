import Testing
import LRLab
import LRLabText
@testable import LRLabShell

/// One vocabulary for every verdict: the words of `Outcome`, checked by `expect` and `check`
/// alike, listed by `help verdicts`, and the same word for the same situation in every command.
@Suite struct VerdictVocabularyTests {
    func printed(_ lines: [String]) throws -> [String] {
        var printed: [String] = []
        let session = Session(output: { printed.append($0) })
        for line in lines { try session.execute(line: line) }
        return printed
    }

    func failure(_ setup: String, _ line: String) -> ShellError? {
        let session = Session(output: { _ in })
        do {
            try session.execute(line: setup)
            try session.execute(line: line)
            return nil
        } catch {
            return error
        }
    }

    /// Every kind of run and training verdict is a word of the vocabulary, and every word is
    /// some verdict's.
    @Test func theKindsSpeakTheVocabulary() {
        let words = Set(Verdict.Kind.allCases.map(\.outcome) + TrainingVerdict.Kind.allCases.map(\.outcome))
        #expect(words == Set(Outcome.allCases))
        for kind in Verdict.Kind.allCases { #expect(kind.name == kind.outcome.word) }
        for kind in TrainingVerdict.Kind.allCases { #expect(kind.name == kind.outcome.word) }
    }

    /// `help verdicts`: each word once with its meaning on one line, then every rule of the
    /// registry in order, every line within 80 columns.
    @Test func helpVerdictsListsTheWordsAndTheRules() throws {
        let text = try printed(["help verdicts"]).joined(separator: "\n")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.filter { $0.count > 80 })")
        let words = lines.prefix { !$0.isEmpty }.filter { $0.hasPrefix("  ") }
        #expect(words.count == Outcome.allCases.count)
        for (line, outcome) in zip(words, Outcome.allCases) {
            #expect(line.hasPrefix("  " + outcome.word + " ") && line.hasSuffix(outcome.meaning), "\(line)")
            #expect(outcome.meaning.count <= Outcome.meaningWidth, "\(outcome.meaning)")
        }
        var position = text.startIndex
        for rule in Diagnosis.rules {
            let range = try #require(text.range(of: "  " + rule.name + " ", range: position..<text.endIndex), "\(rule.name)")
            position = range.upperBound
        }
    }

    /// The same run reads the same word in `verdict`, `compare` and `sweep`.
    @Test(arguments: [0.001, 0.1, 0.4, 0.5, 0.6])
    func aRunReadsTheSameWordInEveryCommand(lr: Double) throws {
        let session = Session(output: { _ in })
        try session.execute(line: "f(x) = 2*x^2; start x=1; opt gd lr=\(lr); run 100")
        let verdict = try session.currentRun().verdict()
        try session.execute(line: "expect verdict == \(verdict.name)")
        try session.execute(line: "f(x) = 2*x^2; start x=1; opt gd; compare lr=\(lr) steps=100")
        #expect(session.explorer.comparison?.results.first?.verdict.name == verdict.name)
        let sweep = try Sweep.run(objective: try #require(session.explorer.objective), start: [1], configuration: session.optimizer,
                                  rates: [lr], steps: 100)
        #expect(sweep.points.first?.outcome.word == verdict.name)
    }

    @Test(arguments: [
        ("f(x) = x^2; start x=1; run 3", "expect verdict == good", "did you mean"),
        ("f(x) = x^2; start x=1; run 3", "expect verdict == divergent", "did you mean 'diverging'?"),
        ("f(x) = x^2; start x=1; run 3", "expect verdict == overfitting", "a run's verdict is never 'overfitting'"),
        ("data sine; fit degree=1 epochs=1", "expect fit 1 verdict == converged", "a fit's verdict is never 'converged'"),
        ("data sine; model linear; train epochs=1", "expect train verdict == stuck", "a training's verdict is never 'stuck'"),
        ("data sine; model linear; train epochs=1", "expect train verdict == good", "did you mean 'good-fit'?"),
    ])
    func otherWordsAreRefused(setup: String, line: String, phrase: String) throws {
        let error = try #require(failure(setup, line), "\(line) was accepted")
        #expect((error.message + " " + (error.hint ?? "")).contains(phrase), "\(error.message) \(error.hint ?? "")")
    }

    /// `fit` and `train` apply the same rules: on `data sine` each degree of `fit` gets the
    /// verdicts `train` gives the same model trained the same way (1000 full-batch epochs of
    /// Adam from seed 0; the 24 training rows are one batch of 32), with the same losses, and
    /// `fit` says how many epochs it trained.
    @Test func fitAndTrainAgree() throws {
        let session = Session(output: { _ in })
        try session.execute(line: "data sine; opt adam lr=0.01; fit degree=3,15")
        let fits = try #require(session.lab.fits).fits.fits
        for fit in fits {
            try session.execute(line: "model poly degree=\(fit.degree); train epochs=1000")
            let trainer = try #require(session.lab.training).trainer
            #expect(fit.epochs == 1000 && trainer.epoch == 1000)
            let (fitLoss, trainLoss) = (try #require(fit.trainError), try #require(trainer.trace.last?.trainLoss))
            #expect(Swift.abs(fitLoss - trainLoss) <= 1e-9 * trainLoss)
            #expect(fit.verdicts.map(\.name) == TrainingDiagnosis.verdicts(for: trainer).map(\.name), "degree \(fit.degree)")
            try session.execute(line: "expect fit \(fit.degree) epochs == 1000")
            for verdict in fit.verdicts { try session.execute(line: "expect train verdict == \(verdict.name)") }
        }
        // Degree 3's validation loss was lowest at epoch 404 and rose 37% since while its
        // training loss fell: both read overfitting, early stopping would stop at 404.
        #expect(fits.first?.verdicts.first?.kind == .overfitting)
        #expect(fits.first?.verdicts.first?.bestEpoch == 404)
    }

    /// Lesson 10's line on a sine (14 training rows, 31 validation): its validation loss was
    /// lowest after epoch 1 and rose while the training loss fell, but the training loss stays
    /// at 77% of the constant prediction's and validation within 1.5× of it: both high, the
    /// tutorial's underfitting, from `fit` and from `train` alike, and with early stopping too
    /// (the kept epoch's loss and the last's both high).
    @Test func aLineOnASineUnderfitsInFitAndTrain() throws {
        let session = Session(output: { _ in })
        try session.execute(line: "data sine n=45 split=0.33; opt adam lr=0.01; fit degree=1")
        let fit = try #require(session.lab.fits?.fits.fits.first)
        #expect(fit.verdicts.map(\.rule) == ["high-loss"], "\(fit.verdicts.map(\.summary.text))")
        try session.execute(line: "model poly degree=1; train epochs=1000")
        let trainer = try #require(session.lab.training).trainer
        #expect(TrainingDiagnosis.verdicts(for: trainer) == fit.verdicts)
        try session.execute(line: "expect train verdict == underfitting; expect fit 1 verdict == underfitting")
        try session.execute(line: "model poly degree=1; train epochs=1000 early=50")
        try session.execute(line: "expect train verdict == underfitting")
    }

    /// A training in a model `compare` reads as the same training by `train`: the same
    /// start, batches and epochs, the same verdicts, which `expect compare` checks.
    @Test func aComparedTrainingReadsAsItsTrain() throws {
        let session = Session(output: { _ in })
        try session.execute(line: "data moons n=40 seed=2; model mlp hidden=4 seed=1; opt adam lr=0.01")
        try session.execute(line: "compare lr=0.01 epochs=4 batch=8")
        let compared = try #require(session.lab.comparison?.results.first)
        try session.execute(line: "train epochs=4 batch=8")
        let trainer = try #require(session.lab.training).trainer
        #expect(compared.last?.trainLoss == trainer.trace.last?.trainLoss)
        #expect(!compared.verdicts.isEmpty)
        #expect(compared.verdicts.map(\.name) == TrainingDiagnosis.verdicts(for: trainer).map(\.name))
        try session.execute(line: "compare lr=0.01 epochs=4 batch=8")
        for verdict in compared.verdicts { try session.execute(line: "expect compare adam verdict == \(verdict.name)") }
        #expect(throws: ShellError.self) { try session.execute(line: "expect compare adam verdict == converged") }
    }

    /// The fit table has an epochs column.
    @Test func fitSaysHowManyEpochsItTrained() throws {
        let lines = try printed(["data sine", "fit degree=1,3 epochs=7"]).joined(separator: "\n")
        #expect(lines.contains("│ epochs │"))
        #expect(lines.contains("│      7 │"))
    }

    /// One colour per word, from `OutcomeStyle`: a run's verdict and a training's print their
    /// word in its colour at a terminal.
    @Test func wordsHaveOneColour() throws {
        var printed: [String] = []
        let session = Session(output: { printed.append($0) })
        session.useColor = true
        try session.execute(line: "f(x) = x^2; start x=1; opt gd lr=0.5; run 3; verdict")
        #expect(printed.last?.hasPrefix("verdict: " + OutcomeStyle.paint("converged", as: .converged, color: true)) == true)
        try session.execute(line: "data sine; model poly degree=1; train epochs=50")
        #expect(printed.last?.contains("verdict: " + OutcomeStyle.paint("underfitting", as: .underfitting, color: true)) == true)
    }
}
