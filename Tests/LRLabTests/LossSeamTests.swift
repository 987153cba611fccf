import Testing
@testable import LRLab
import LRLabText

/// A `Run` over a loss that is not a formula: a 10,000-parameter least-squares fit defined in
/// the tests (`LeastSquaresLoss`).
@Suite struct LossSeamTests {
    static let parameters = 10_000

    func run(_ configuration: OptimizerConfiguration, parameters: Int = LossSeamTests.parameters,
             recording: RecordingPolicy = .standard) throws -> Run {
        try Run(objective: LeastSquaresLoss(parameters: parameters), start: [Double](repeating: 0, count: parameters),
                configuration: configuration, recording: recording)
    }

    @Test func aTenThousandParameterRunStepsAndTheLossFalls() throws {
        var run = try run(OptimizerConfiguration.standard.withLearningRate(0.5))
        let start = run.loss
        // L(0) = 1/(2m) Σ bᵢ² with b = 1, 2, 3, 4: 30/8.
        #expect(start == 30.0 / 8)
        #expect(run.run(100) == 100)
        #expect(run.ending == nil)
        #expect(run.loss < start / 10)
        #expect(run.point.count == LossSeamTests.parameters)
        #expect(run.lossFunction.parameterNames.prefix(2) == ["w1", "w2"])
    }

    @Test func theTraceKeepsScalarsOnlySoItsMemoryDoesNotGrowWithTheModel() throws {
        var run = try run(OptimizerConfiguration(kind: .adam, values: OptimizerKind.adam.defaultValues).withLearningRate(0.01))
        run.run(50)
        let trace = run.trace
        // Step, rate, loss, notes, gradient norm, step length: six doubles a row, whatever n is.
        #expect(trace.dimension == 0 && trace.parameterCount == LossSeamTests.parameters)
        #expect(trace.stateNames.isEmpty && trace.storesNorms)
        #expect(trace.width == 6)
        #expect(trace.count == 51)
        #expect(trace.parameters.isEmpty && trace.gradients.isEmpty && trace.states.isEmpty)
        // The bound: capacity rows of six doubles and their index, the same as for 10 parameters.
        let small = try self.run(OptimizerConfiguration(kind: .adam, values: OptimizerKind.adam.defaultValues),
                                 parameters: 100).trace
        #expect(trace.maximumBytes == small.maximumBytes)
        #expect(trace.maximumBytes == trace.capacity * (6 * 8 + 4 + 8))
        #expect(trace.storedBytes <= trace.maximumBytes)
        // The recorded scalars are the run's: the norms of the latest gradient and step.
        let last = trace.record(trace.count - 1)
        #expect(trace.gradientNorm(trace.count - 1) == EuclideanNorm.of(run.gradient))
        #expect(last.gradientNorm == run.current.gradientNorm)
        #expect(abs(last.stepLength - run.current.stepLength) <= 1e-15 * run.current.stepLength)
        #expect(last.stepLength > 0)
    }

    @Test func aFewParametersKeepEveryColumnAsTheExplorerDoes() throws {
        let trace = try run(OptimizerConfiguration(kind: .adam, values: OptimizerKind.adam.defaultValues), parameters: 2).trace
        #expect(trace.dimension == 2 && !trace.storesNorms)
        #expect(trace.width == 4 + (4 + trace.stateNames.count) * 2)
        let limit = RecordingPolicy.defaultPerParameterLimit
        #expect(try run(.standard, parameters: limit).trace.dimension == limit)
        #expect(try run(.standard, parameters: limit + 1).trace.dimension == 0)
    }

    @Test func diagnosisAndCurvatureSayTheHessianIsUnavailable() throws {
        var run = try run(OptimizerConfiguration.standard.withLearningRate(0.5))
        run.run(20)
        #expect(!run.lossFunction.hasHessian)
        let report = CurvatureReport(loss: run.lossFunction, at: run.point, configuration: run.configuration)
        #expect(!report.isAvailable)
        #expect(report.sentence.text == "no Hessian for this loss: curvature bounds unavailable")
        #expect(report.criticalRate == nil && report.directions.isEmpty)
        // Gradient descent converging, with the theory line saying what it lacks.
        let verdict = run.verdict()
        #expect(verdict.kind == .slow)
        #expect(verdict.evidence.map(\.text).contains("curvature at step 20: no Hessian for this loss: curvature bounds unavailable"))
        #expect(run.lossFunction.nearestMinimum(to: run.point) == nil)
    }

    @Test func comparisonSweepAndRateFinderTakeAnyLoss() throws {
        let loss = LeastSquaresLoss(parameters: 200)
        let start = [Double](repeating: 0, count: 200)
        let comparison = try Comparison.run(objective: loss, start: start, entries: [
            Comparison.Entry(configuration: OptimizerConfiguration.standard.withLearningRate(0.5), schedule: ConstantSchedule(), label: "gd"),
        ], steps: 50)
        let startLoss = try loss.checkedEvaluation(at: start).loss
        #expect(comparison.results.count == 1)
        #expect(comparison.results[0].finalLoss < startLoss)
        #expect(comparison.results[0].distanceToMinimum == nil)
        let sweep = try Sweep.run(objective: loss, start: start, configuration: .standard, rates: [0.1, 1, 100], steps: 30)
        #expect(sweep.points.count == 3)
        #expect(sweep.criticalRate == nil)
        #expect(sweep.points.last?.outcome == .diverging)
        let finder = try LearningRateFinder.run(objective: loss, start: start, configuration: .standard, from: 1e-4, to: 100, steps: 60)
        #expect(!finder.rates.isEmpty)
    }

    @Test func namedExtrasAreRecordedOnTheLatestRow() throws {
        var run = try run(.standard, parameters: 3, recording: RecordingPolicy(extras: ["val_loss"]))
        #expect(run.trace.width == 4 + 4 * 3 + 1)
        run.step()
        let known = run.recordExtra("val_loss", 1.5)
        let unknown = run.recordExtra("test_loss", 2)
        #expect(known && !unknown)
        let column = try #require(run.trace.extra("val_loss"))
        #expect(column.count == 2)
        #expect(column[0].isNaN && column[1] == 1.5)
        #expect(run.trace.record(1).extras == [1.5])
        #expect(run.trace.extra("test_loss") == nil)
    }
}


/// A loss that turns one value non-finite at a chosen step (through the per-step seam,
/// `loss(inPlace:afterStep:)`): a gradient entry, or a parameter written over in place.
struct PoisonedLoss: DifferentiableLoss {
    let parameterCount: Int
    let step: Int
    let index: Int
    let poisonsPoint: Bool

    func value(at point: Span<Double>, gradient: inout MutableSpan<Double>) -> Double {
        var sum = 0.0
        for i in 0..<parameterCount {
            gradient[i] = 2 * point[i]
            sum += point[i] * point[i]
        }
        return sum
    }

    func loss(inPlace workspace: inout MutableSpan<Double>, afterStep step: Int) -> Double {
        let value = loss(inPlace: &workspace)
        if step == self.step { workspace[(poisonsPoint ? 0 : parameterCount) + index] = poisonsPoint ? .infinity : .nan }
        return value
    }
}

@Suite struct RunFinitenessTests {
    /// Every position of a small or a model-sized point and gradient is checked at every step,
    /// kept as a trace row or not (a 16-row trace keeps step 37 of a 100-step batch only if it
    /// ends the run): a value that stops being finite ends the run at that step, whatever its
    /// index.
    @Test(arguments: [3, 8, 13, 64])
    func aNonFiniteValueAnywhereEndsTheRun(parameters: Int) throws {
        for poisonsPoint in [false, true] {
            for index in 0..<parameters {
                let loss = PoisonedLoss(parameterCount: parameters, step: 37, index: index, poisonsPoint: poisonsPoint)
                var run = try Run(objective: loss, start: [Double](repeating: 0.5, count: parameters),
                                  configuration: OptimizerConfiguration.standard.withLearningRate(0.01),
                                  recording: RecordingPolicy(capacity: 16))
                #expect(run.run(100) == 37)
                let reason = poisonsPoint ? "a parameter is no longer a finite number" : "the loss or gradient overflowed"
                guard case .diverged(let step, let phrase) = run.ending else {
                    Issue.record("\(parameters) parameters, index \(index): no divergence")
                    continue
                }
                #expect(step == 37 && phrase.text(digits: 6).hasPrefix(reason), "\(parameters) parameters, index \(index)")
            }
        }
    }
}
