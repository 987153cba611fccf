import Testing
@testable import LRLabShell

/// The shell's side of trainings at the edges: the memory budget (`set memory=`), early
/// stopping that keeps what it says, and pbt options refused where they are typed.
@Suite struct TrainingLimitsTests {
    /// Runs `script` in a fresh session; returns what it printed (errors included) and the outcome.
    static func run(_ script: String) -> (text: String, outcome: ScriptOutcome) {
        var printed: [String] = []
        let session = Session(output: { printed.append($0) })
        session.errorOutput = { printed.append($0) }
        let outcome = session.runScript(text: script, file: "-c")
        return (printed.joined(separator: "\n"), outcome)
    }

    @Test func aPopulationPastTheBudgetIsRefusedBeforeItAllocatesWithTheFigureAndWhatToLower() {
        let (text, outcome) = TrainingLimitsTests.run("data digits; model mlp hidden=1400,1300; opt adam; pbt epochs=1 population=32")
        #expect(outcome.errors == 1)
        let flat = unwrapped(text)
        #expect(flat.contains("pbt on this model needs about 3.6 GB (32 members × 108 MB), more than the memory budget of 2 GB"), "\(text)")
        #expect(flat.contains("give population=17 or fewer or a smaller model, or raise the budget: set memory=4GB"), "\(text)")
        #expect(text.contains("^~~~~~~~~~~~~"))
    }

    @Test func theBudgetIsASettingThatTrainAndCompareRespect() {
        let (shown, _) = TrainingLimitsTests.run("set; set memory=1.5GB; set")
        #expect(shown.contains("memory=2GB") && shown.contains("memory=1.5GB"), "\(shown)")
        let (train, trainOutcome) = TrainingLimitsTests.run("set memory=100MB; data digits; model mlp hidden=1400,1300; opt adam; train epochs=1")
        #expect(trainOutcome.errors == 1)
        #expect(unwrapped(train).contains("train on this model needs about"), "\(train)")
        #expect(unwrapped(train).contains("more than the memory budget of 100 MB"), "\(train)")
        let (compare, compareOutcome) = TrainingLimitsTests.run("set memory=100MB; data digits; model mlp hidden=1400,1300; compare lr=0.1,0.01 epochs=1")
        #expect(compareOutcome.errors == 1)
        #expect(unwrapped(compare).contains("compare on this model needs about"), "\(compare)")
        let (bad, badOutcome) = TrainingLimitsTests.run("set memory=lots")
        #expect(badOutcome.errors == 1 && bad.contains("memory=lots is not a size from 1MB to 1PB"), "\(bad)")
    }

    /// The session: early stopping keeps epoch 363, and a training continued at lr 0
    /// stays exactly there.
    @Test func aTrainingContinuedAfterEarlyStoppingStartsFromTheKeptEpoch() {
        let (text, _) = TrainingLimitsTests.run("""
            data sine n=40 seed=2; model poly degree=15; opt adam lr=0.05; train epochs=2000 early=20 batch=full
            lr 0; train epochs=1
            """)
        let flat = unwrapped(text)
        #expect(flat.contains("the parameters of epoch 363 are kept"), "\(text)")
        #expect(flat.contains("with the parameters of epoch 363, which early stopping kept"), "\(text)")
        #expect(flat.contains("384    384      0          0.0289183    0.013453"), "\(text)")
    }

    @Test(arguments: [("adam", "beta1"), ("adam", "beta2"), ("rmsprop", "alpha"), ("adadelta", "rho")])
    func pbtRefusesAnOptionThatCannotChangeDuringARunWhereItIsTyped(optimizer: String, option: String) {
        let line = "use rosenbrock; opt \(optimizer); pbt steps=100 evolve=lr,\(option)"
        let (text, outcome) = TrainingLimitsTests.run(line)
        #expect(outcome.errors == 1)
        let column = line.distance(from: line.startIndex, to: line.range(of: "lr,\(option)")!.lowerBound) + 4
        #expect(unwrapped(text).contains("-c:1:\(column): error: option '\(option)' of \(optimizer) cannot change during a run, so it cannot evolve"), "\(text)")
        #expect(text.contains(String(repeating: " ", count: column + 3) + "^" + String(repeating: "~", count: option.count - 1)), "\(text)")
        #expect(!text.contains("generation"))
    }
}
