import Foundation
import Testing
import LRLab
import LRLabText
@testable import LRLabShell

/// Verdicts that must agree with their own trace, each from a session a learner typed: the
/// words are checked against what the trace shows and the numbers against closed forms or
/// against the run itself carried on.
@Suite struct VerdictTraceTests {
    /// The session's output, unwrapped, after `script`.
    static func output(_ script: String) -> String {
        unwrapped(transcript(of: script).text)
    }

    static func verdictLines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { $0.hasPrefix("verdict:") }
    }

    // MARK: runs

    /// Ravine x²/2 + 25y², gd lr = 0.039: y's factor 1 − 50·0.039 = −0.95 flips it every step
    /// and shrinks it; x's 0.961 decides the pace: 8·0.961^N < 1e-8 from N = 516, so after 300
    /// steps 216 remain. A shrinking zig-zag converges: not bouncing.
    @Test func aShrinkingZigZagConvergesAndSaysSo() throws {
        let session = Session(output: { _ in })
        try session.execute(line: "use ravine; opt gd lr=0.039; run 300")
        let verdict = Diagnosis.verdict(for: try #require(session.explorer.run))
        #expect(verdict.kind == .slow)
        #expect(verdict.summary.text.contains("converging, zig-zagging along y (factor -0.95 per step: the swing shrinks)"))
        let total = (log(8e8) / -log(0.961)).rounded(.up)
        #expect(total == 516)
        #expect(verdict.remainingSteps == Int(total) - 300)
    }

    /// Lesson 7: Adagrad from x = −100 on √(1 + x²) converges at step 3472; after 100 steps
    /// the estimate must say 3372, not "more than 1000000".
    @Test func adagradsEstimateMeetsItsRun() throws {
        let setup = "f(x) = sqrt(1 + x^2); start x=-100; opt adagrad lr=1"
        try Self.expectEstimateMeetsTheRun(setup: setup, after: 100)
    }

    /// Lesson 9's Adam sweep on the ravine (lr = 0.001..1, 10 rates, 300 steps): at every rate
    /// not yet converged the estimate is within 2× of the steps the run really needs, so the
    /// ranking of the rates is right (0.004642 needs more than 0.01).
    @Test(arguments: Sweep.logGrid(from: 0.001, to: 1, count: 10))
    func adamsEstimatesMeetTheirRuns(lr: Double) throws {
        try Self.expectEstimateMeetsTheRun(setup: "use ravine; opt adam lr=\(lr)", after: 300)
    }

    static func expectEstimateMeetsTheRun(setup: String, after steps: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let session = Session(output: { _ in })
        try session.execute(line: "\(setup); run \(steps)")
        var run = try #require(session.explorer.run, sourceLocation: sourceLocation)
        let verdict = Diagnosis.verdict(for: run)
        guard verdict.kind != .converged else { return }
        let estimate = try #require(verdict.estimate, "\(verdict.summary.text)", sourceLocation: sourceLocation)
        let more = run.run(1_000_000, untilConverged: true)
        #expect(run.hasConverged, sourceLocation: sourceLocation)
        if estimate.isLowerBound {
            // "more than N": true, and said only when no count was found.
            #expect(more > estimate.steps, "more than \(estimate.steps), took \(more)", sourceLocation: sourceLocation)
        } else {
            #expect(Double(estimate.steps) <= 2 * Double(more) && Double(more) <= 2 * Double(estimate.steps),
                    "estimated \(estimate.steps), took \(more)", sourceLocation: sourceLocation)
        }
    }

    /// Lesson 3: with noise = 1 a rate of 0.001 is still descending, toward a floor of
    /// lr·σ²/(2(1 − lr)) = 0.0005005; the gradient never settles under 1e-8, so no count of steps.
    @Test func underNoiseTheFloorComesBeforeAnyEstimate() throws {
        let text = Self.output("f(x, y) = (x - 3)^2 + (y + 1)^2; start x=0 y=0; opt gd lr=0.001 noise=1 seed=1; run 1000")
        let verdict = try #require(Self.verdictLines(text).first)
        #expect(verdict.contains("verdict: slow — still descending toward the noise floor, a loss of about 0.0005005"))
        #expect(!text.contains("more steps"))
        #expect(NumberFormat.readable(0.001 / (2 * 0.999), digits: 4) == "0.0005005")
    }

    // MARK: trainings

    /// Adam on a line through `data sine` settles: the training loss is flat to rounding for
    /// hundreds of epochs. Flat is not bouncing.
    @Test func aFlatTrainingLossIsNotBouncing() throws {
        let text = Self.output("data sine; model poly degree=1; opt adam lr=0.01; train epochs=300")
        #expect(!text.contains("bouncing"))
        #expect(text.contains("the training loss is flat at 0.219628"))
    }

    /// At lr 0 nothing changes: the loss is flat, so neither slow nor falling.
    @Test func atRateZeroNothingIsFalling() throws {
        let text = Self.output("data moons; model logistic; train epochs=1; lr 0; train epochs=5")
        let last = try #require(text.components(separatedBy: "lr 0").last)
        #expect(!last.contains("verdict: slow"))
        #expect(!last.contains("falling"))
        #expect(last.contains("is flat at"))
    }

    /// A polynomial of degree 9 through 4 training rows: validation ×18000 the training loss
    /// is not "close to it".
    @Test func aGapIsJudgedByRatioToo() throws {
        let text = Self.output("data sine n=5 seed=1; model poly degree=9; opt adam lr=0.05; train epochs=200 batch=full")
        #expect(!text.contains("close to it"))
        #expect(text.contains("validation is ×18000 the training loss"))
    }

    /// One training row: predicting its mean leaves no loss, so there is no percentage of it.
    @Test func noPercentageOfAZeroLoss() throws {
        for epochs in [1, 3, 20] {
            let text = Self.output("data sine n=2; model linear; train epochs=\(epochs)")
            #expect(!text.contains("inf%"))
            #expect(!text.contains("nan%"))
        }
    }

    /// A feature of 1e200: the loss is not finite before the first step. That is the data's
    /// scale, named, not a learning rate to lower; and no "0 epochs (1..0)".
    @Test func anAstronomicalStartIsADataScaleProblem() throws {
        let folder = NSTemporaryDirectory() + "lrlab-scale-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var rows = "x,big,y\n1,1e200,2.5\n"
        for row in 2...10 { rows += "\(row),\(row % 5),\(Double(row) + 1.5)\n" }
        try rows.write(toFile: folder + "/big.csv", atomically: true, encoding: .utf8)
        for rate in ["1e-300", "0.01"] {
            let text = Self.output("data load \(folder)/big.csv target=y; model linear; opt gd lr=\(rate); train epochs=5")
            let verdict = try #require(Self.verdictLines(text).first)
            #expect(verdict.contains("feature 'big' reaches 1e+200"), "\(verdict)")
            #expect(!text.contains("lower the learning rate"))
            #expect(!text.contains("(1..0"))
        }
    }

    /// `fit` never calls a degree a good fit whose training diverged.
    @Test func aDivergingFitIsNeverGood() throws {
        let text = Self.output("data sine; opt adam lr=1e12; fit degree=1,3 epochs=10")
        #expect(text.contains("diverging"))
        #expect(!text.contains("good-fit, diverging"))
        #expect(!text.contains("underfitting, diverging") && !text.contains("overfitting, diverging"))
    }

    /// `converged: gradient norm 1e-08 < 1e-08` read as false: the printed value must differ
    /// from the threshold it is said to be under, at any digits setting.
    @Test(arguments: [3, 6, 10])
    func theConvergedLineNeverPrintsANumberUnderItself(digits: Int) throws {
        // x²/2 at lr = 0.5 halves x: from 1.99999998e-8 one step leaves g = 9.9999999e-9.
        var script = "set digits=\(digits)\nf(x) = x^2/2; start x=1.99999998e-8; opt gd lr=0.5; run until converged\n"
        for lr in stride(from: 0.05, through: 0.45, by: 0.005) {
            script += "f(x) = x^2; start x=1; opt gd lr=\(lr); run until converged\n"
        }
        let lines = transcript(of: script).text.split(separator: "\n").filter { $0.hasPrefix("converged:") }
        #expect(lines.count > 50)
        for line in lines {
            let numbers = line.split(separator: " ").map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ",")) }.compactMap(Double.init)
            #expect(numbers.count == 2 && numbers[0] < numbers[1], "\(line)")
        }
    }
}
