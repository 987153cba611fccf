import Testing
@testable import LRLab

/// Only a schedule's breakpoints are events (`lr change`); a smooth schedule marks none (issue 11).
@Suite struct ScheduleBreakpointTests {
    static func changedSteps(_ schedule: any LearningRateSchedule, steps: Int = 300) throws -> [Int] {
        let objective = Objective(parameters: ["x"], expression: try Parser.parse("(x-3)^2", variables: ["x"]))
        var run = try Run(objective: objective, start: [0], configuration: DiagnosisFixture.gd(0.1), schedule: schedule)
        run.run(steps)
        let trace = run.trace
        return (0..<trace.count).filter { trace.notes[$0].contains(.rateChanged) }.map { trace.steps[$0] }
    }

    @Test func smoothSchedulesMarkNoStep() throws {
        // Cosine changes the rate at every step up to N + 1 = 101, exp and 1/t at every step.
        #expect(try Self.changedSteps(CosineSchedule(steps: 100, minimum: 0.001)) == [])
        #expect(try Self.changedSteps(ExponentialSchedule(gamma: 0.99)) == [])
        #expect(try Self.changedSteps(InverseTimeSchedule(decay: 0.01)) == [])
        #expect(try Self.changedSteps(ConstantSchedule()) == [])
    }

    @Test func breakpointsAreMarked() throws {
        // `step 0.1 40:0.01 70:0.001`: new rates from steps 41 and 71.
        let piecewise = PiecewiseSchedule(initial: 0.1, breakpoints: [.init(after: 40, rate: 0.01), .init(after: 70, rate: 0.001)])
        #expect(try Self.changedSteps(piecewise) == [41, 71])
        // γ every 100 steps: steps 101 and 201.
        #expect(try Self.changedSteps(StepDecaySchedule(gamma: 0.5, every: 100)) == [101, 201])
        // The ramp ends at step W = 10 (t/W reaches 1); its own steps are smooth.
        #expect(try Self.changedSteps(WarmupSchedule(steps: 10)) == [10])
        #expect(try Self.changedSteps(WarmupSchedule(steps: 10, then: StepDecaySchedule(gamma: 0.5, every: 100))) == [10, 101, 201])
        // A cosine after the warm-up adds nothing.
        #expect(try Self.changedSteps(WarmupSchedule(steps: 10, then: CosineSchedule(steps: 100))) == [10])
        // A milestone that keeps the rate is not a change.
        #expect(try Self.changedSteps(PiecewiseSchedule(initial: 0.1, breakpoints: [.init(after: 40, rate: 0.1)])) == [])
    }

    @Test func breakpointsNeverTrapOnHugeSteps() {
        #expect(PiecewiseSchedule(breakpoints: [.init(after: Int.max, rate: 0.1)]).breakpoint(after: 5) == nil)
        #expect(PiecewiseSchedule(breakpoints: [.init(after: Int.max - 1, rate: 0.1)]).breakpoint(after: 5) == Int.max)
        #expect(StepDecaySchedule(every: Int.max / 2 + 1).breakpoint(after: Int.max / 2 + 2) == nil)
        #expect(StepDecaySchedule(every: 10).breakpoint(after: Int.max) == nil)
        #expect(StepDecaySchedule(every: 10).breakpoint(after: Int.min) == 11)
        #expect(WarmupSchedule(steps: Int.max).breakpoint(after: 1) == Int.max)
    }
}
