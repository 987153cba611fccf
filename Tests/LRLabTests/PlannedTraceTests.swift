import Testing
@testable import LRLab

/// `Run.run(n)` plans its trace (`Trace.plan`): it writes only the rows thinning will keep.
/// The reference is the same run stepped one step at a time, which offers every row to the
/// trace and thins as it fills (a one-step batch has nothing to plan): both traces must hold
/// the same rows with the same values, bit for bit, and the same stride.
@Suite struct PlannedTraceTests {
    /// A run of `formula` over x (and y) with `optimizer`'s options, recording `capacity` rows.
    static func run(_ formula: String, start: [Double], optimizer: String, options: [(String, String)],
                    schedule: any LearningRateSchedule = ConstantSchedule(), capacity: Int,
                    divergenceBound: Double = 1e100) throws -> Run {
        let names = ["x", "y"].prefix(start.count).map { $0 }
        let objective = Objective(parameters: names, expression: try Parser.parse(formula, variables: names))
        var run = try Run(objective: objective, start: start, configuration: try OptimizerConfiguration(name: optimizer, options: options),
                          schedule: schedule, recording: RecordingPolicy(capacity: capacity))
        run.divergenceBound = divergenceBound
        return run
    }

    /// Every row of `planned` equals the same row of `reference`, comparing the doubles' bits
    /// (so that not-a-number extras compare equal), and both have the same stride.
    static func expectSameTrace(_ planned: Trace, _ reference: Trace, _ label: String,
                                sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(planned.count == reference.count, "\(label): \(planned.count) rows against \(reference.count)", sourceLocation: sourceLocation)
        #expect(planned.stride == reference.stride, "\(label): stride \(planned.stride) against \(reference.stride)", sourceLocation: sourceLocation)
        for row in 0..<Swift.min(planned.count, reference.count) {
            let a = planned.record(row), b = reference.record(row)
            let bitsA = [Double(a.step), a.learningRate, a.loss, Double(a.notes.rawValue)] + a.parameters + a.gradient + a.stepTaken + a.state + a.extras
            let bitsB = [Double(b.step), b.learningRate, b.loss, Double(b.notes.rawValue)] + b.parameters + b.gradient + b.stepTaken + b.state + b.extras
            guard bitsA.map(\.bitPattern) == bitsB.map(\.bitPattern) else {
                Issue.record("\(label): row \(row) differs: step \(a.step) against \(b.step)", sourceLocation: sourceLocation)
                return
            }
        }
    }

    /// Steps `run` in batches of `batches` steps with `run(_:)`, and a copy one step at a time
    /// for as many steps; returns both.
    static func stepBoth(_ run: Run, batches: [Int]) -> (planned: Run, reference: Run) {
        var planned = run, reference = run
        for batch in batches {
            let taken = planned.run(batch)
            for _ in 0..<taken { reference.step() }
            // The reference would take no more steps either.
            if taken < batch {
                let steppedOn = reference.step()
                #expect(!steppedOn)
            }
        }
        return (planned, reference)
    }

    static let capacities = [16, 17, 40, 64, 100, 333, 1000]

    /// A smooth run (Adam on Rosenbrock) in one batch or several, at capacities where the
    /// head is 4 to 250 rows and the trace thins up to seven times.
    @Test(arguments: capacities)
    func smoothRunsKeepTheSameRows(capacity: Int) throws {
        let run = try Self.run("(1 - x)^2 + 100*(y - x^2)^2", start: [-1.5, 2], optimizer: "adam", options: [("lr", "0.01")],
                               capacity: capacity)
        for batches in [[3000], [1, 2999], [capacity - 1, 7, 5000], [capacity / 4, 1, capacity, 4096], [2, 2, 2, 200, 1500]] {
            let (planned, reference) = Self.stepBoth(run, batches: batches)
            #expect(planned.stepCount == batches.reduce(0, +) && planned.ending == nil)
            Self.expectSameTrace(planned.trace, reference.trace, "capacity \(capacity), batches \(batches)")
        }
    }

    /// Overshoots and rises of the loss (gradient descent at too large a rate on a valley),
    /// and `lr change` notes from a schedule's breakpoints and from `setLearningRate`.
    @Test(arguments: [16, 64, 100])
    func eventsAndBreakpointsKeepTheSameRows(capacity: Int) throws {
        let oscillating = try Self.run("x^2 + 10*y^2", start: [3, 1], optimizer: "gd", options: [("lr", "0.099")], capacity: capacity)
        let (planned, reference) = Self.stepBoth(oscillating, batches: [1500, 700])
        #expect(planned.ending == nil && planned.trace.notes.contains { $0.contains(.overshoot) })
        Self.expectSameTrace(planned.trace, reference.trace, "overshoots, capacity \(capacity)")

        // Breakpoints at steps 4, 97, 512 and 1024: multiples of every stride the trace of 16
        // rows takes, and not.
        let schedule = PiecewiseSchedule(initial: 0.001, breakpoints: [.init(after: 3, rate: 0.0008), .init(after: 96, rate: 0.0006),
                                                                       .init(after: 511, rate: 0.0004), .init(after: 1023, rate: 0.0002)])
        let scheduled = try Self.run("(1 - x)^2 + 100*(y - x^2)^2", start: [-1.5, 2], optimizer: "momentum", options: [("lr", "0.001")],
                                     schedule: schedule, capacity: capacity)
        var (plannedScheduled, referenceScheduled) = Self.stepBoth(scheduled, batches: [2000])
        #expect(plannedScheduled.ending == nil)
        #expect(plannedScheduled.trace.notes.filter { $0.contains(.rateChanged) }.count >= 2)
        Self.expectSameTrace(plannedScheduled.trace, referenceScheduled.trace, "breakpoints, capacity \(capacity)")
        try plannedScheduled.setLearningRate(0.0005)
        try referenceScheduled.setLearningRate(0.0005)
        plannedScheduled.run(999)
        for _ in 0..<999 { referenceScheduled.step() }
        Self.expectSameTrace(plannedScheduled.trace, referenceScheduled.trace, "lr set by hand, capacity \(capacity)")
    }

    /// Gradient descent with seeded noise: the noise generator's state is part of the run,
    /// so a planned batch draws the same numbers.
    @Test func noisyRunsKeepTheSameRows() throws {
        let run = try Self.run("x^2 + y^2", start: [1, -1], optimizer: "gd", options: [("lr", "0.05"), ("noise", "0.3"), ("seed", "7")],
                               capacity: 50)
        let (planned, reference) = Self.stepBoth(run, batches: [10, 4000])
        Self.expectSameTrace(planned.trace, reference.trace, "noise")
    }

    /// Runs that end early, beyond the head: gradient descent at a rate past 2/curvature
    /// grows by 1.02 a step and diverges when the loss passes the bound (step 1,166 for a
    /// bound of 1e20), and gradient descent on √x steps past 0, where the formula has no
    /// value. The planned batch, asked for more steps, steps again from its start to write
    /// the finer trace the reference has.
    @Test(arguments: capacities)
    func runsEndingEarlyKeepTheSameRows(capacity: Int) throws {
        let diverging = try Self.run("x^2", start: [1], optimizer: "gd", options: [("lr", "1.01")], capacity: capacity,
                                     divergenceBound: 1e20)
        for batches in [[100_000], [500, 100_000], [1165, 10]] {
            let (planned, reference) = Self.stepBoth(diverging, batches: batches)
            guard case .diverged(let step, _) = planned.ending else {
                Issue.record("the run should diverge, ended \(String(describing: planned.ending))")
                return
            }
            // x_t = (−1.02)^t: the loss 1.02^(2t) passes 1e20 at t = ⌈10 / log₁₀ 1.0404⌉ = 1,163 (the rest is rounding).
            #expect((1160...1170).contains(step))
            #expect(planned.trace.last?.notes.contains(.diverged) == true)
            Self.expectSameTrace(planned.trace, reference.trace, "diverging, capacity \(capacity), batches \(batches)")
        }

        let undefined = try Self.run("sqrt(x)", start: [100], optimizer: "gd", options: [("lr", "1")], capacity: capacity)
        let (planned, reference) = Self.stepBoth(undefined, batches: [50_000])
        guard case .undefined = planned.ending else {
            Issue.record("the run should reach an undefined point, ended \(String(describing: planned.ending))")
            return
        }
        #expect(planned.stepCount > 1000)
        Self.expectSameTrace(planned.trace, reference.trace, "undefined, capacity \(capacity)")
    }

    /// Every step count from 1 to 300 in one batch, on a trace of 16 rows (head 4): each
    /// count ends at another point of the thinning, with and without a divergence at its
    /// last step.
    @Test func everyLengthOfBatchKeepsTheSameRows() throws {
        let smooth = try Self.run("x^2 + 10*y^2", start: [1, 1], optimizer: "adam", options: [("lr", "0.01")], capacity: 16)
        for length in 1...300 {
            let (planned, reference) = Self.stepBoth(smooth, batches: [length])
            Self.expectSameTrace(planned.trace, reference.trace, "\(length) steps")
        }
        // x_t = (−3)^t · 1e-3 (gd at lr 2 on x²): the loss 9^t · 1e-6 first passes the bound
        // 9^(k − 1) · 1e-6 · 1.5 at step k.
        for lastStep in [5, 17, 31, 32, 33, 47, 63, 64, 65, 100] {
            let bound = (1..<lastStep).reduce(1e-6 * 1.5) { product, _ in product * 9 }
            let diverging = try Self.run("x^2", start: [1e-3], optimizer: "gd", options: [("lr", "2")], capacity: 16,
                                         divergenceBound: bound)
            let (planned, reference) = Self.stepBoth(diverging, batches: [lastStep + 50])
            #expect(planned.ending?.step == lastStep)
            Self.expectSameTrace(planned.trace, reference.trace, "diverging at step \(lastStep)")
        }
    }

    /// Stopped from outside (Ctrl-C), a planned batch keeps the plan's stride: the head,
    /// then every multiple of the stride up to the last step taken, no more rows than the
    /// capacity, and the run goes on from there as any other.
    @Test func aStoppedBatchKeepsEveryMultipleOfItsStride() throws {
        var run = try Self.run("x^2 + 10*y^2", start: [1, 1], optimizer: "adam", options: [("lr", "0.001")], capacity: 100)
        var asked = 0
        let taken = run.run(1_000_000) {
            asked += 1
            return asked == 3
        }
        #expect(taken == 3 * 1024)
        #expect(Array(run.trace.steps) == Self.headAndMultiples(of: run.trace, through: taken))
        #expect(run.trace.count <= run.trace.capacity && run.trace.stride > 1)
        let stride = run.trace.stride
        run.run(50_000)
        #expect(run.stepCount == taken + 50_000 && run.trace.stride == stride)
        #expect(Array(run.trace.steps) == Self.headAndMultiples(of: run.trace, through: run.stepCount))
    }

    /// The steps a run's trace holds when it keeps every multiple of its stride: the head, then
    /// those multiples up to `lastStep`.
    static func headAndMultiples(of trace: Trace, through lastStep: Int) -> [Int] {
        Array(0..<trace.keptHead) + Array(Swift.stride(from: 0, through: lastStep, by: trace.stride).filter { $0 >= trace.keptHead })
    }
}
