import Foundation
import Testing
import LRLab
@testable import LRLabShell

/// `model` and `train` in a session: what they print, what they keep, and what they refuse.
@Suite struct ModelCommandTests {
    /// A session that has run `lines`, with everything it printed.
    final class Lab {
        var output: [String] = []
        let session: Session

        init(_ lines: String...) throws {
            session = Session(output: { _ in })
            session.output = { [unowned self] in self.output.append($0) }
            for line in lines { try session.execute(line: line) }
        }

        func run(_ line: String) throws -> String {
            output.removeAll()
            try session.execute(line: line)
            return output.joined(separator: "\n")
        }

        var trainer: Trainer? { session.lab.training?.trainer }
    }

    static let refused: [(setup: [String], line: String, phrase: String)] = [
        ([], "train", "no data to train on"),
        (["data moons"], "train", "no model to train"),
        ([], "model poly degree=0", "degree must be a whole number from 1 to \(Limits.maximumPolynomialDegree), not 0"),
        ([], "model poly degree=1000", "from 1 to \(Limits.maximumPolynomialDegree), not 1000"),
        ([], "model poly", "model poly needs a degree"),
        ([], "model mlp hidden=0", "hidden= takes whole numbers from 1 to \(Limits.maximumHiddenWidth), not '0'"),
        ([], "model mlp hidden=100000", "not '100000'"),
        ([], "model mlp hidden=32,x", "not 'x'"),
        ([], "model mlp hidden=1,1,1,1,1,1,1,1,1", "hidden= takes at most \(Limits.maximumHiddenLayers) values, not 9"),
        ([], "model mlp act=sigmoid", "act is one of relu, tanh"),
        ([], "model mlp init=zeros seed=2", "it takes no seed"),
        ([], "model mlp degree=3", "unknown option 'degree' for model mlp"),
        ([], "model lin", "unknown model 'lin'"),
        ([], "model linear l2=-1", "l2"),
        (["data moons", "model mlp"], "train batch=0", "batch must be full or a whole number from 1 to \(Limits.maximumBatchRows), not 0"),
        (["data moons", "model mlp"], "train epochs=-1", "epochs must be a whole number from 1 to \(Limits.maximumEpochs), not -1"),
        (["data moons", "model mlp"], "train epochs=1e300", "epochs must be a whole number"),
        (["data moons", "model mlp"], "train early=0", "early must be a whole number"),
        (["data moons split=1", "model mlp"], "train early=3", "early stopping needs a validation set"),
        (["data moons"], "model mlp hidden=4096,4096,4096", "the limit is \(Limits.maximumModelParameters)"),
        (["data moons"], "model linear", "model linear predicts a value, but 'moons' has 2 classes"),
        (["data sine"], "model logistic", "model logistic predicts classes"),
        (["model linear", "data moons"], "train", "model linear predicts a value"),
    ]

    @Test(arguments: 0..<refused.count)
    func badInputIsRefusedWithWhatToDo(_ index: Int) throws {
        let (setup, line, phrase) = ModelCommandTests.refused[index]
        let lab = try Lab()
        for setupLine in setup { try lab.session.execute(line: setupLine) }
        let error = try #require(throws: ShellError.self) { try lab.session.execute(line: line) }
        #expect(error.message.contains(phrase) || (error.hint ?? "").contains(phrase), "\(line): \(error.message)")
        #expect(lab.session.lab.training == nil)
        if line.hasPrefix("model") { #expect(lab.session.lab.model == nil) }
    }

    @Test func modelAloneDescribesLayersParametersLossAndInit() throws {
        let lab = try Lab()
        #expect(try lab.run("model").contains("no model yet"))
        let text = try lab.run("model mlp hidden=8,4 act=tanh seed=3")
        #expect(text.contains("model mlp hidden=8,4 act=tanh seed=3"))
        #expect(text.contains("layers are sized when there is data"))
        try lab.session.execute(line: "data moons")
        let described = try lab.run("model")
        // 2·8 + 8 + 8·4 + 4 + 4·2 + 2 parameters.
        #expect(described.contains("parameters 70 (layer1.weight 8×2, layer1.bias 8, layer2.weight 4×8"))
        #expect(described.contains("dense 2 → 8, tanh") && described.contains("dense 4 → 2"))
        #expect(described.contains("CrossEntropyLoss"))
        #expect(described.contains("seed 3"))
        let polynomial = try lab.run("data sine; model poly degree=15")
        #expect(polynomial.contains("MSELoss: mean((ŷ−y)²)"))
        #expect(polynomial.contains("inputs scaled to [−1, 1] by the training range"))
        #expect(try lab.run("model mlp init=zeros").contains("stay 0 with relu"))
    }

    @Test func trainPrintsFirstAndLastEpochsASummaryAndVerdicts() throws {
        let lab = try Lab("data sine", "model poly degree=3", "opt adam lr=0.05")
        let text = try lab.run("train epochs=40")
        // 24 training rows: fewer than the default batch of 32, so each epoch is one full batch.
        #expect(unwrapped(text).contains("training poly degree=3 seed=0 on sine: 24 training rows, 6 validation; full batch (1 step an epoch), seed 0; adam lr=0.05; MSELoss"))
        #expect(text.contains("epoch  step     lr         train_loss   val_loss"))
        #expect(text.contains("40 epochs (1..40, step 40)"))
        #expect(text.contains("verdict: "))
        #expect(!text.lowercased().contains("nan"))
        let trainer = try #require(lab.trainer)
        #expect(trainer.trace.count == 41 && trainer.epoch == 40)
        #expect(lab.session.focus == .model && lab.session.lab.latest == .training)
    }

    @Test func aSecondTrainContinuesAndLrBetweenThemApplies() throws {
        // 48 training rows in batches of 16: three steps an epoch.
        let lab = try Lab("data moons n=60", "model mlp hidden=8", "opt adam lr=0.01", "train epochs=3 batch=16")
        #expect(try lab.run("lr 0.002").contains("lr 0.002 from step 10 of the training on (was 0.01)"))
        let text = try lab.run("train epochs=2")
        #expect(text.contains("continuing from epoch 3 (step 9)"))
        let trainer = try #require(lab.trainer)
        #expect(trainer.epoch == 5 && trainer.stepCount == 15)
        #expect(trainer.trace.records.map(\.learningRate) == [0, 0.01, 0.01, 0.01, 0.002, 0.002])
        // A new optimizer continues from the parameters with fresh state.
        let point = trainer.run.point
        let changed = try lab.run("opt gd lr=0.1; train epochs=1")
        #expect(changed.contains("continuing from epoch 5 with a fresh gd"))
        #expect(lab.trainer?.run.start == point)
        #expect(lab.trainer?.epoch == 6 && lab.trainer?.stepCount == 18)
        // A new model starts afresh.
        try lab.session.execute(line: "model mlp hidden=4")
        #expect(try lab.run("train epochs=1").contains("continuing") == false)
        #expect(lab.trainer?.epoch == 1)
    }

    @Test func saveTraceWritesTheEpochColumns() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lrlab-models-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let lab = try Lab("data moons n=40", "model logistic init=zeros", "opt gd lr=0.5", "train epochs=4 batch=full")
        try lab.session.execute(line: "save trace \(directory)/classes.csv")
        let classes = try String(contentsOfFile: directory + "/classes.csv", encoding: .utf8).split(separator: "\n")
        #expect(classes.first == "epoch,step,lr,train_loss,val_loss,train_acc,val_acc")
        #expect(classes.count == 6)
        // Row 0: all-zero parameters, so the loss is log 2 on both sets, before any step.
        #expect(classes[1].hasPrefix("0,0,0,0.69314718055994"))
        let last = classes[5].split(separator: ",", omittingEmptySubsequences: false)
        #expect(last.count == 7 && last[0] == "4" && last[1] == "4" && last[2] == "0.5")
        #expect(Double(last[3]) == lab.trainer?.trace.last?.trainLoss)

        try lab.session.execute(line: "data sine split=1; model linear init=zeros; train epochs=2; save trace \(directory)/values.csv")
        let values = try String(contentsOfFile: directory + "/values.csv", encoding: .utf8).split(separator: "\n")
        #expect(values.first == "epoch,step,lr,train_loss,val_loss")
        #expect(values.count == 4 && values.allSatisfy { $0.hasSuffix(",") || $0 == values.first })
    }

    @Test func plotLossDrawsTrainingAndValidationTogether() throws {
        let lab = try Lab("data sine", "model poly degree=5", "opt adam lr=0.05", "train epochs=20")
        let text = try lab.run("plot loss")
        #expect(text.contains("loss per epoch"))
        #expect(text.contains("train") && text.contains("validation"))
        #expect(text.contains("epoch"))
    }

    @Test func aDivergingTrainingEndsWithTheDiagnosisAndNoNaN() throws {
        let lab = try Lab("data sine", "model linear", "opt gd lr=10")
        let text = try lab.run("train epochs=1000")
        #expect(text.contains("diverged at step"))
        #expect(text.contains("verdict: diverging"))
        #expect(!text.lowercased().contains("nan") && !text.contains("inf "))
        #expect(try lab.run("train epochs=1").contains("the previous training ended diverged; starting again"))
    }

    @Test func ctrlCStopsTrainingKeepingWhatWasDone() throws {
        let lab = try Lab("data moons", "model mlp hidden=8", "opt adam lr=0.01")
        var polls = 0
        lab.session.shouldStop = { polls += 1; return polls > 3 }
        let text = try lab.run("train epochs=1000")
        let trainer = try #require(lab.trainer)
        // 160 rows in batches of 32: five steps an epoch. A model this small takes a whole
        // epoch between two polls (`Trainer.workBetweenStopChecks`): three epochs, then the stop.
        #expect(trainer.stepCount == 15 && trainer.epoch == 3)
        #expect(unwrapped(text).contains("interrupted at step 15; the 3 finished epochs are kept; train continues"))
        // Polled before every step, the stop falls inside an epoch, and train finishes it first.
        lab.session.lab.training?.trainer.workBetweenStopChecks = 1
        polls = 0
        lab.session.shouldStop = { polls += 1; return polls > 8 }
        #expect(unwrapped(try lab.run("train epochs=1000")).contains("interrupted at step 23; the 1 finished epoch and 3 steps of the next are kept; train continues"))
        lab.session.shouldStop = { false }
        #expect(try lab.run("train epochs=1").contains("continuing from epoch 4 (step 23)"))
        #expect(lab.trainer?.stepCount == 25 && lab.trainer?.epoch == 5)
    }

    @Test func completionOffersModelsAndOptions() {
        #expect(Completion.candidates(forLineBeforeCursor: "model ") == ["linear", "poly", "logistic", "mlp", "l2=", "init=", "seed="])
        let mlp = Completion.candidates(forLineBeforeCursor: "model mlp ") ?? []
        #expect(mlp.contains("hidden=") && mlp.contains("act=") && mlp.contains("l2=") && !mlp.contains("degree="))
        #expect(Completion.candidates(forLineBeforeCursor: "model poly d") == ["degree="])
        #expect(Completion.candidates(forLineBeforeCursor: "train ") == ["epochs=", "batch=", "seed=", "early="])
    }

    @Test func helpShowsExamplesAndLimits() throws {
        let lab = try Lab()
        let model = try lab.run("help model")
        let words = { (text: String) in text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        #expect(model.contains("model poly degree=9 l2=0.001")
                && words(model).contains("degree=N required degree of the polynomial; at most \(Limits.maximumPolynomialDegree)"))
        let train = try lab.run("help train")
        #expect(train.contains("train epochs=100 batch=full early=10")
                && words(train).contains("epochs=N 20 passes over the training rows; at most \(HelpText.grouped(Limits.maximumEpochs))"))
    }
}
