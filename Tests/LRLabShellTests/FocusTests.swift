import Testing
@testable import LRLab
@testable import LRLabShell

/// Session state by concern: the explorer and the data lab keep their own results, changing
/// the data drops what was learned from the old data (and says so), and the commands that act
/// on "the current thing" act on the focus, the last thing set up.
@Suite struct FocusTests {
    final class Console {
        var lines: [String] = []
        let session: Session

        init() {
            session = Session(output: { _ in })
            session.output = { [unowned self] in self.lines.append($0) }
        }

        /// Runs `line`, returning what it printed; throws its error.
        @discardableResult
        func run(_ line: String) throws -> String {
            lines.removeAll()
            try session.execute(line: line)
            return lines.joined(separator: "\n")
        }
    }

    @Test func aClaimAboutATrainingOnOldDataFailsAndSaysWhy() throws {
        let console = Console()
        try console.run("data moons; model logistic; opt adam lr=0.1; train epochs=30")
        let note = try console.run("data circles")
        #expect(unwrapped(note).contains("(the training of logistic seed=0 on moons (30 epochs) was for the old data and is dropped)"))
        let error = try #require(throws: ShellError.self) { try console.run("expect train val_acc > 0.8") }
        #expect(unwrapped(error.message) == "no training to check yet: the training of logistic seed=0 on moons (30 epochs) was for the old data")
        #expect(throws: ShellError.self) { try console.run("plot loss") }
        #expect(console.session.lab.training == nil)
    }

    @Test func theSameDataAgainKeepsTheTraining() throws {
        let console = Console()
        try console.run("data moons; model logistic; opt adam lr=0.1; train epochs=3")
        let note = try console.run("data moons")
        #expect(!note.contains("dropped"))
        #expect(console.session.lab.training?.trainer.epoch == 3)
    }

    @Test func aFormulaDefinedEarlierDoesNotHideTheModel() throws {
        let console = Console()
        try console.run("f(x) = x^2; data digits; model mlp hidden=8")
        let text = try console.run("compare lr=0.1,0.01 epochs=1")
        #expect(text.contains("compare: mlp hidden=8"))
        #expect(console.session.lab.comparison?.results.count == 2)
    }

    @Test func lrfindAfterAModelTestsTheModel() throws {
        let console = Console()
        try console.run("f(x) = x^2; data moons n=100; model logistic; opt adam")
        let text = try console.run("lrfind steps=50")
        #expect(text.contains("range test of logistic"))
        #expect(!text.contains("x^2"))
    }

    @Test func sweepOnAModelSaysWhatToDoInstead() throws {
        let console = Console()
        try console.run("f(x) = x^2; start x=1; data moons n=100; model logistic")
        let error = try #require(throws: ShellError.self) { try console.run("sweep n=3") }
        #expect(error.message.contains("the focus is the model"))
        #expect(error.hint?.contains("compare lr=") == true)
    }

    @Test func theFocusFollowsTheLastThingSetUp() throws {
        let console = Console()
        try console.run("data moons n=100; model logistic; f(x) = (x - 3)^2; start x=0")
        #expect(console.session.focus == .formula)
        let text = try console.run("compare lr=0.1,0.5")
        #expect(text.contains("lr=0.5"))
        #expect(console.session.explorer.comparison?.results.count == 2)
        try console.run("model mlp hidden=4")
        #expect(console.session.focus == .model)
        #expect(try console.run("show").contains("focus      the model on the data"))
        try console.run("run 3")
        #expect(console.session.focus == .formula)
    }

    @Test func plotFitAfterFitDrawsTheFitNotAnEarlierTraining() throws {
        let console = Console()
        try console.run("data sine; model poly degree=1; opt adam lr=0.05; train epochs=5")
        try console.run("fit degree=3,15 epochs=50")
        let picture = try console.run("plot fit")
        #expect(picture.contains("degree 3"))
        #expect(picture.contains("degree 15"))
        #expect(!picture.contains("poly degree=1"))
        try console.run("train epochs=1")
        #expect(try console.run("plot fit").contains("poly degree=1"))
    }

    @Test func compareOnAModelTrainsTheBatchesTrainWould() throws {
        let console = Console()
        try console.run("data moons n=200; model logistic; opt gd lr=0.1")
        let text = try console.run("compare lr=0.1 epochs=1")
        #expect(text.contains("batches of \(TrainingDefaults.batchRows)"))
        try console.run("train epochs=1 batch=full")
        #expect(try console.run("compare lr=0.1 epochs=1").contains("full batches"))
    }

    @Test(arguments: ["train batch=2000000", "compare batch=2000000 epochs=1", "fit degree=1 batch=2000000 epochs=1"])
    func batchHasOneLimitEverywhere(line: String) throws {
        let console = Console()
        try console.run("data sine n=20; model poly degree=1")
        try console.run(line)
        let past = line.replacingOccurrences(of: "2000000", with: String(Limits.maximumBatchRows + 1))
        let error = try #require(throws: ShellError.self) { try console.run(past) }
        #expect(error.message.contains("from 1 to \(Limits.maximumBatchRows)"))
    }
}
