import Testing
import LRLab
@testable import LRLabShell

/// `fit` and `plot fit` refuse what they cannot do, each with a message that says what to type.
@Suite struct FitCommandTests {
    func error(after setup: String, _ line: String) -> ShellError? {
        let session = Session(output: { _ in })
        do {
            try session.execute(line: setup)
            try session.execute(line: line)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        ("", "fit", "no data to fit yet"),
        ("data moons n=20", "fit", "1-D regression set"),
        ("data sine", "fit degree=0", "takes whole numbers from 1 to 20"),
        ("data sine", "fit degree=1000", "takes whole numbers from 1 to 20, not '1000'"),
        ("data sine", "fit degree=1,x", "takes whole numbers from 1 to 20, not 'x'"),
        ("data sine", "fit degree=" + Array(repeating: "1", count: 21).joined(separator: ","), "at most 20 values"),
        ("data sine", "fit batch=0", "batch must be full or a whole number from 1 to \(Limits.maximumBatchRows), not 0"),
        ("data sine", "fit epochs=-1", "epochs"),
        ("data sine", "fit epochs=0", "epochs"),
        ("data sine", "plot fit", "nothing fitted to this data yet"),
        ("", "plot fit", "no data yet"),
        ("data moons n=20", "plot fit", "no trained model"),
        ("data sine; fit degree=1 epochs=1", "expect fit 2 val_error < 1", "no row of the fit table is '2'"),
        ("data sine; fit degree=1 epochs=1", "expect fit 1 verdict == overfitting", "does not hold"),
        ("data sine; fit degree=1 epochs=1", "expect fit 1 val_eror < 1", "did you mean 'val_error'"),
        ("data sine", "expect fit 1 val_error < 1", "no fit to check yet"),
    ])
    func refused(setup: String, line: String, phrase: String) throws {
        let error = try #require(self.error(after: setup, line), "\(line) was accepted")
        #expect((error.message + " " + (error.hint ?? "")).contains(phrase), "\(error.message)")
    }

    /// After new data the old fit no longer draws: its curves belong to other points.
    @Test func newDataForgetsTheFit() throws {
        let error = try #require(self.error(after: "data sine; fit degree=1 epochs=1; data sine seed=5", "plot fit"))
        #expect(error.message.contains("nothing fitted"))
    }

    @Test func plotFitSavesAnSVG() throws {
        var printed: [String] = []
        let session = Session(output: { printed.append($0) })
        try session.execute(line: "data sine n=10; fit degree=1,2 epochs=5; plot fit")
        guard case .fitWithErrors(let plot, let errors)? = session.lastPicture else {
            Issue.record("plot fit after fit left no fit plot with its errors")
            return
        }
        #expect(errors.series.map(\.label) == ["train", "validation"])
        #expect(plot.curves.map(\.label) == ["degree 1", "degree 2"])
        #expect(plot.points.map(\.x.count) == [8, 2])
    }
}

/// `compare` on a model: the same seed gives the same table; the explorer's options stay its own.
@Suite struct ModelCompareTests {
    func transcript(_ lines: [String]) throws -> [String] {
        var printed: [String] = []
        let session = Session(output: { printed.append($0) })
        for line in lines { try session.execute(line: line) }
        return printed
    }

    @Test func sameSeedSameTable() throws {
        let lines = ["data xor n=40 seed=3", "model mlp hidden=4 seed=2", "compare opt=gd,adam lr=0.05 epochs=3 batch=10"]
        let first = try transcript(lines)
        #expect(first == (try transcript(lines)))
        let shown = first.joined(separator: "\n")
        #expect(shown.contains("│ gd ") && shown.contains("│ adam "))
    }

    /// Every entry starts from the same parameters: at epoch 0 their losses are equal.
    @Test func everyEntryStartsTheSame() throws {
        var printed: [String] = []
        let session = Session(output: { printed.append($0) })
        try session.execute(line: "data blobs n=30; model logistic seed=4; compare opt=gd,rmsprop,adam epochs=2")
        let comparison = try #require(session.lab.comparison)
        let starts = comparison.results.map { $0.trace.records[0].trainLoss }
        #expect(starts.count == 3 && Set(starts).count == 1)
    }

    @Test func epochsOnAFormulaIsRefused() throws {
        let session = Session(output: { _ in })
        try session.execute(line: "f(x) = x^2; start x=1")
        let error = #expect(throws: ShellError.self) { try session.execute(line: "compare lr=0.1,0.2 epochs=3") }
        #expect(error?.message.contains("applies to compare on a model") == true)
    }
}

/// `expect train …` reads the latest training's last epoch and its verdicts.
@Suite struct TrainingExpectationTests {
    func session(_ lines: String) throws -> Session {
        let session = Session(output: { _ in })
        try session.execute(line: lines)
        return session
    }

    func failure(_ session: Session, _ claim: String) -> ShellError? {
        do {
            try session.execute(line: claim)
            return nil
        } catch {
            return error
        }
    }

    /// With all-zero weights and a rate of zero nothing moves: every class has probability 1/2,
    /// so both losses are log 2 and the claims read exactly that.
    @Test func claimsReadTheLastEpoch() throws {
        let session = try session("data moons n=40; model logistic init=zeros; opt gd lr=0; train epochs=3 batch=full")
        // log 2 = 0.693147180559945…, up to the rounding of a mean over the rows.
        try session.execute(line: "expect train train_loss > 0.6931471805599")
        try session.execute(line: "expect train train_loss < 0.6931471805600")
        try session.execute(line: "expect train val_loss > 0.6931471805599")
        try session.execute(line: "expect train val_loss < 0.6931471805600")
        try session.execute(line: "expect train epoch == 3")
        // Every epoch ties at log 2; the first, epoch 0, is the best.
        try session.execute(line: "expect train best_epoch == 0")
        let failed = try #require(failure(session, "expect train epoch > 3"))
        #expect(failed.kind == .expectationFailed)
        #expect(failed.message == "train epoch > 3 does not hold: epoch of the training = 3")
        // An equality that fails shows every digit.
        let unequal = try #require(failure(session, "expect train train_loss == 0.6931"))
        #expect(unequal.message.contains("train_loss of the training = 0.693147180559"))
    }

    @Test func verdictClaimsHoldForAnyOfTheVerdicts() throws {
        let session = try session("data sine; model linear; opt gd lr=10; train epochs=1000")
        try session.execute(line: "expect train verdict == diverging")
        try session.execute(line: "expect train verdict != good-fit")
        let failed = try #require(failure(session, "expect train verdict == good-fit"))
        #expect(failed.message.contains("the verdict of the training is diverging"))
    }

    @Test(arguments: [
        ("data sine", "expect train val_loss < 1", "no training to check yet"),
        ("data sine; model linear; train epochs=1", "expect train val_los < 1", "did you mean 'val_loss'"),
        ("data sine; model linear; train epochs=1", "expect train verdict == good", "did you mean 'good-fit'?"),
        ("data sine; model linear; train epochs=1", "expect train val_loss ~ 1", "expected QUANTITY"),
        ("data sine; model linear; train epochs=1", "expect train val_loss", "expected a quantity, a comparison and a value"),
        ("data sine; model linear; train epochs=1", "expect train train_acc > 0.5", "the training has no train_acc"),
    ])
    func refused(setup: String, line: String, phrase: String) throws {
        let session = try session(setup)
        let error = try #require(failure(session, line), "\(line) was accepted")
        #expect((error.message + " " + (error.hint ?? "")).contains(phrase), "\(error.message)")
    }
}
