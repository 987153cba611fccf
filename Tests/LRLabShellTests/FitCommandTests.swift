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
        ("data sine", "fit degree=0", "not a whole number from 1 to 20"),
        ("data sine", "fit degree=1000", "not a whole number from 1 to 20"),
        ("data sine", "fit degree=1,x", "'x' is not a whole number"),
        ("data sine", "fit degree=" + Array(repeating: "1", count: 21).joined(separator: ","), "at most 20 values"),
        ("data sine", "fit batch=0", "batch=0 is not full or a whole number"),
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
        guard case .fitPlot(let plot)? = session.lastPicture else {
            Issue.record("plot fit left no fit plot")
            return
        }
        #expect(plot.curves.map(\.label) == ["degree 1", "degree 2"])
        #expect(plot.points.map(\.x.count) == [8, 2])
    }
}
