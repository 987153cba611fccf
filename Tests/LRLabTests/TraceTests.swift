import Testing
@testable import LRLab

/// The trace's row-major buffer: columns, copies and thinning behave like arrays of values.
@Suite struct TraceTests {
    /// A 2-D trace with one state quantity, rows numbered so every value names its place.
    func trace(rows: Int, capacity: Int = 100_000) -> Trace {
        var trace = Trace(dimension: 2, stateNames: ["s"], capacity: capacity)
        for step in 0..<rows {
            let t = Double(step)
            trace.append(step: step, learningRate: t + 0.5, parameters: [t, -t], loss: 10 * t,
                         gradient: [t + 0.25, t - 0.25], stepTaken: [1, -1], stepGradient: [t + 0.5, t - 0.5], state: [t * t, -t * t],
                         notes: step.isMultiple(of: 3) ? [.overshoot] : [])
        }
        return trace
    }

    @Test func columnsReadEveryQuantityOfEveryRow() {
        let trace = trace(rows: 200)
        #expect(trace.count == 200)
        #expect(trace.width == 4 + 4 * 2 + 1 * 2)
        #expect(Array(trace.steps) == Array(0..<200))
        #expect(trace.learningRates[7] == 7.5)
        #expect(trace.losses[199] == 1990)
        #expect(trace.notes[6] == [.overshoot] && trace.notes[7] == [])
        #expect(trace.parameters.count == 400)
        #expect(trace.parameters[2 * 150] == 150 && trace.parameters[2 * 150 + 1] == -150)
        #expect(trace.gradients[2 * 9 + 1] == 8.75 && trace.stepGradients[2 * 9 + 1] == 8.5)
        #expect(trace.states[2 * 12] == 144 && trace.states[2 * 12 + 1] == -144)
        #expect(trace.record(12) == TraceRecord(step: 12, learningRate: 12.5, parameters: [12, -12], loss: 120,
                                                gradient: [12.25, 11.75], stepTaken: [1, -1], state: [144, -144],
                                                notes: [.overshoot], stepGradient: [12.5, 11.5]))
    }

    /// A copy, or a column taken earlier, keeps its rows while the original grows and thins.
    @Test func copiesAndColumnsKeepTheirValues() {
        var trace = trace(rows: 64, capacity: 64)
        let copy = trace
        let losses = trace.losses
        for step in 64..<1000 {
            trace.append(step: step, learningRate: 0, parameters: [0, 0], loss: -1, gradient: [0, 0],
                         stepTaken: [0, 0], state: [0, 0], notes: [])
        }
        #expect(trace.isThinned && trace.count <= 64)
        #expect(copy.count == 64 && Array(copy.steps) == Array(0..<64))
        #expect(losses.count == 64 && losses[63] == 630)
        #expect(trace.losses[0] == 0 && trace.losses[trace.count - 1] == -1)
    }

    /// Thinning keeps the head, then only multiples of the stride, in order.
    @Test func thinningKeepsTheHeadAndMultiplesOfTheStride() {
        let trace = trace(rows: 1000, capacity: 100)
        let steps = Array(trace.steps)
        #expect(steps.count <= 100)
        #expect(Array(steps.prefix(trace.keptHead)) == Array(0..<trace.keptHead))
        #expect(steps.dropFirst(trace.keptHead).allSatisfy { $0 % trace.stride == 0 }, "\(steps) stride \(trace.stride)")
        #expect(steps == steps.sorted())
        #expect(steps.last == 992 && trace.stride == 16)
    }

    /// After several thinnings every row still reads back whole, in step order, a copy
    /// taken between thinnings keeps its own rows, and rows appended after a truncation
    /// read back too.
    @Test func rowsWrittenAfterThinningReadBackWhole() {
        var trace = trace(rows: 500, capacity: 100)
        let copy = trace
        let copiedSteps = Array(copy.steps)
        for step in 500..<3000 {
            let t = Double(step)
            trace.append(step: step, learningRate: t + 0.5, parameters: [t, -t], loss: 10 * t,
                         gradient: [t + 0.25, t - 0.25], stepTaken: [1, -1], stepGradient: [t + 0.5, t - 0.5],
                         state: [t * t, -t * t], notes: [])
        }
        #expect(trace.stride > 4)
        for row in 0..<trace.count {
            let record = trace.record(row)
            let t = Double(record.step)
            #expect(record == TraceRecord(step: record.step, learningRate: t + 0.5, parameters: [t, -t], loss: 10 * t,
                                          gradient: [t + 0.25, t - 0.25], stepTaken: [1, -1], state: [t * t, -t * t],
                                          notes: record.step < 500 && record.step.isMultiple(of: 3) ? [.overshoot] : [],
                                          stepGradient: [t + 0.5, t - 0.5]))
            #expect(trace.losses[row] == 10 * t && trace.parameters[2 * row + 1] == -t && trace.states[2 * row] == t * t)
        }
        #expect(Array(trace.steps) == Array(trace.steps).sorted())
        #expect(Array(copy.steps) == copiedSteps)
        for row in 0..<copy.count { #expect(copy.losses[row] == 10 * Double(copy.record(row).step)) }
        trace.truncate(to: trace.count - 10)
        let last = trace.steps.last ?? 0
        trace.append(step: last + trace.stride, learningRate: 0, parameters: [1, 2], loss: 3, gradient: [4, 5],
                     stepTaken: [6, 7], state: [8, 9], notes: [])
        #expect(trace.last == TraceRecord(step: last + trace.stride, learningRate: 0, parameters: [1, 2], loss: 3,
                                          gradient: [4, 5], stepTaken: [6, 7], state: [8, 9], notes: [], stepGradient: [4, 5]))
        #expect(trace.losses[trace.count - 2] == 10 * Double(last))
    }

    /// The run's current row, built from its own state, equals the row the trace recorded.
    @Test(arguments: OptimizerRegistry.standard.names)
    func currentEqualsTheLastRecordedRow(optimizer: String) throws {
        let objective = Objective(parameters: ["x", "y"], expression: try Parser.parse("x^2 + 10*y^2", variables: ["x", "y"]))
        var run = try Run(objective: objective, start: [1, 1], configuration: try OptimizerConfiguration(name: optimizer, options: [("lr", "0.01")]))
        run.run(50)
        #expect(run.current == run.trace.last)
    }
}
