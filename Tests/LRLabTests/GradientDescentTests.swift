import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import LRLab
import LRLabText

@Suite struct GradientDescentRunTests {
    func quadraticRun(lr: Double, start: Double = 0) throws -> Run {
        let objective = Objective(parameters: ["x"], expression: try Parser.parse("(x - 3)^2", variables: ["x"]))
        let configuration = try OptimizerConfiguration(name: "gd", options: [("lr", String(lr))])
        return try Run(objective: objective, start: [start], configuration: configuration)
    }

    /// On (x - 3)^2 gradient descent follows x_t = 3 + (1 - 2 lr)^t (x_0 - 3) exactly (up to rounding).
    @Test(arguments: [0.01, 0.1, 0.25, 0.5, 0.75, 0.9])
    func followsTheClosedForm(lr: Double) throws {
        var run = try quadraticRun(lr: lr)
        for t in 1...60 {
            run.step()
            let expected = 3 + pow(1 - 2 * lr, Double(t)) * (0 - 3)
            #expect(Swift.abs(run.point[0] - expected) <= 1e-12 * max(1, Swift.abs(expected)), "lr=\(lr) t=\(t)")
        }
        #expect(run.trace.count == 61)
    }

    @Test func traceRowsHoldTheStateAfterEachStep() throws {
        var run = try quadraticRun(lr: 0.1)
        run.run(2)
        let start = run.trace.record(0)
        #expect(start.step == 0 && start.learningRate == 0 && start.parameters == [0] && start.loss == 9 && start.gradient == [-6])
        let first = run.trace.record(1)
        #expect(first.step == 1 && first.learningRate == 0.1)
        #expect(Swift.abs(first.parameters[0] - 0.6) < 1e-15)
        #expect(Swift.abs(first.stepTaken[0] - 0.6) < 1e-15)
        #expect(Swift.abs(first.loss - 5.76) < 1e-12)
    }

    @Test func overshootIsMarkedWhenTheGradientFlipsSign() throws {
        var run = try quadraticRun(lr: 0.75)  // factor 1 - 2*0.75 = -0.5: crosses x = 3 every step
        run.run(3)
        #expect(run.trace.notes[1].contains(.overshoot))
        #expect(!run.trace.notes[1].contains(.lossUp))
        var slow = try quadraticRun(lr: 0.1)
        slow.run(3)
        #expect(!slow.trace.notes[1...].contains { $0.contains(.overshoot) })
    }

    @Test func divergenceEndsTheRunWithoutTrapping() throws {
        var run = try quadraticRun(lr: 1.5)  // factor -2: grows
        let taken = run.run(10_000)
        guard case .diverged(let step, _)? = run.ending else {
            Issue.record("expected divergence")
            return
        }
        #expect(step == taken)
        #expect(run.trace.notes.last?.contains(.diverged) == true)
        #expect(run.step() == false)
    }

    @Test func anUndefinedPointStopsTheRunAndSaysWhy() throws {
        let objective = Objective(parameters: ["x"], expression: try Parser.parse("log(x)", variables: ["x"]))
        let configuration = try OptimizerConfiguration(name: "gd", options: [("lr", "10")])
        var run = try Run(objective: objective, start: [1], configuration: configuration)
        run.step()
        guard case .undefined(1, let reason)? = run.ending else {
            Issue.record("expected an undefined ending, got \(String(describing: run.ending))")
            return
        }
        #expect(reason.text.contains("log of a negative number"))
    }

    @Test func aMillionStepRunKeepsABoundedTrace() throws {
        var run = try quadraticRun(lr: 0.001, start: 1e6)
        run.run(1_000_000)
        #expect(run.stepCount == 1_000_000)
        #expect(run.trace.count <= run.trace.capacity)
        #expect(run.trace.steps.last == 1_000_000)
        // The current state stays exact: 3 + (1 - 0.002)^1e6 (x0 - 3) underflows to 3.
        #expect(Swift.abs(run.point[0] - 3) < 1e-9)
        // Memory: at most `capacity` rows of `width` doubles and a 12-byte index entry each
        // (place and step): for a 1-D gd run (step, rate, loss, notes, x, gradient, step
        // taken, the step's gradient: 8 doubles a row) 100,000 × 76 bytes = 7.6 MB however
        // long the run.
        #expect(run.trace.parameters.count == run.trace.count)
        #expect(run.trace.storedBytes <= run.trace.maximumBytes)
        #expect(run.trace.maximumBytes == 100_000 * (8 * 8 + 4 + 8))
    }
}

@Suite struct PresetTests {
    @Test(arguments: Preset.all.map(\.name))
    func everyPresetParsesAndItsMinimaAreStationary(name: String) throws {
        let preset = try #require(Preset.named(name))
        let objective = try preset.objective()
        for minimum in preset.minima + preset.localMinima {
            var gradient = [Double](repeating: 0, count: objective.dimension)
            let loss = objective.loss(at: minimum, gradient: &gradient)
            #expect(gradient.allSatisfy { Swift.abs($0) < 1e-9 }, "\(name) gradient at \(minimum): \(gradient)")
            if preset.minima.contains(minimum) {
                #expect(Swift.abs(loss - preset.minimumValue) < 1e-9)
            }
        }
    }
}

@Suite struct ConvergencePastCapacityTests {
    /// `run until converged` stops at the first converged step even when the trace has been
    /// thinned and that step is not a kept row.
    @Test func stopsAtTheFirstConvergedStepPastTheTraceCapacity() throws {
        let objective = Objective(parameters: ["x"], expression: try Parser.parse("(x - 3)^2", variables: ["x"]))
        let configuration = try OptimizerConfiguration(name: "gd", options: [("lr", "5e-5")])
        var run = try Run(objective: objective, start: [0], configuration: configuration)
        run.run(1_000_000, untilConverged: true)
        #expect(run.trace.isThinned)
        #expect(run.hasConverged)
        #expect(run.current.gradientNorm < run.convergenceTolerance)
        var before = try Run(objective: objective, start: [0], configuration: configuration)
        before.run(run.stepCount - 1)
        #expect(before.current.gradientNorm >= run.convergenceTolerance)
    }
}
