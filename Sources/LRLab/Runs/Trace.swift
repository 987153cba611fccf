/// Everything a run did, one row per step, stored as a structure of arrays of doubles so a
/// long run stays compact. Row 0 is the start point (learning rate 0, no step taken).
///
/// Memory is bounded: every step is kept up to `capacity` rows; past that the rows after
/// the first `keptHead` are thinned to every other one and only every `stride`-th later step
/// is kept, so a run of any length holds at most `capacity` rows. The run's current state
/// is always exact, and `save trace` replays the run to write every step.
public struct Trace: Sendable {
    /// Most rows held in memory.
    public let capacity: Int
    /// Rows at the start that thinning never removes.
    public let keptHead: Int
    /// Only steps that are multiples of this are recorded (1 until the trace first fills).
    public private(set) var stride = 1
    /// Parameters per row.
    public let dimension: Int
    /// The optimizer's per-parameter state quantities recorded on each row.
    public let stateNames: [String]

    public private(set) var steps: [Int] = []
    public private(set) var learningRates: [Double] = []
    public private(set) var losses: [Double] = []
    public private(set) var notes: [TraceNotes] = []
    /// `dimension` values per row.
    public private(set) var parameters: [Double] = []
    /// `dimension` values per row.
    public private(set) var gradients: [Double] = []
    /// `dimension` values per row: the change in the parameters made by the step.
    public private(set) var stepsTaken: [Double] = []
    /// `stateNames.count * dimension` values per row, state-major.
    public private(set) var states: [Double] = []

    public init(dimension: Int, stateNames: [String], capacity: Int = 100_000) {
        self.dimension = dimension
        self.stateNames = stateNames
        self.capacity = max(capacity, 16)
        self.keptHead = min(1000, self.capacity / 4)
    }

    /// Bytes held by the rows (not counting array headers): what the memory bound is about.
    public var storedBytes: Int {
        let doubles = learningRates.count + losses.count + parameters.count + gradients.count + stepsTaken.count + states.count
        return doubles * MemoryLayout<Double>.stride + steps.count * MemoryLayout<Int>.stride + notes.count
    }

    /// The most `storedBytes` can reach for this trace's shape.
    public var maximumBytes: Int {
        capacity * ((3 + 3 * dimension + stateNames.count * dimension) * MemoryLayout<Double>.stride + MemoryLayout<Int>.stride + 1)
    }

    /// Whether some steps have been thinned out.
    public var isThinned: Bool { stride > 1 }

    public var count: Int { steps.count }
    public var isEmpty: Bool { steps.isEmpty }

    /// Adds a row. `state` holds `stateNames.count * dimension` values, state-major.
    public mutating func append(step: Int, learningRate: Double, parameters point: [Double], loss: Double,
                                gradient: [Double], stepTaken: [Double], state: [Double], notes rowNotes: TraceNotes) {
        if count >= keptHead, step % stride != 0, !rowNotes.contains(.diverged), !rowNotes.contains(.undefined) {
            return
        }
        if count >= capacity { thin() }
        steps.append(step)
        learningRates.append(learningRate)
        losses.append(loss)
        notes.append(rowNotes)
        // Element by element: `append(contentsOf:)` retains and releases its argument, which
        // was a fifth of a step's cost.
        for index in 0..<dimension {
            parameters.append(point[index])
            gradients.append(gradient[index])
            stepsTaken.append(stepTaken[index])
        }
        for value in state { states.append(value) }
    }

    /// One row as a value.
    public func record(_ row: Int) -> TraceRecord {
        let range = row * dimension ..< (row + 1) * dimension
        let stateWidth = stateNames.count * dimension
        return TraceRecord(
            step: steps[row], learningRate: learningRates[row],
            parameters: Array(parameters[range]), loss: losses[row], gradient: Array(gradients[range]),
            stepTaken: Array(stepsTaken[range]),
            state: Array(states[row * stateWidth ..< (row + 1) * stateWidth]), notes: notes[row])
    }

    /// The last row.
    public var last: TraceRecord? { isEmpty ? nil : record(count - 1) }

    /// Halves the rows after the head and doubles the stride.
    private mutating func thin() {
        stride *= 2
        var write = keptHead
        let stateWidth = stateNames.count * dimension
        for read in keptHead..<count where steps[read] % stride == 0 {
            steps[write] = steps[read]
            learningRates[write] = learningRates[read]
            losses[write] = losses[read]
            notes[write] = notes[read]
            for index in 0..<dimension {
                parameters[write * dimension + index] = parameters[read * dimension + index]
                gradients[write * dimension + index] = gradients[read * dimension + index]
                stepsTaken[write * dimension + index] = stepsTaken[read * dimension + index]
            }
            for index in 0..<stateWidth {
                states[write * stateWidth + index] = states[read * stateWidth + index]
            }
            write += 1
        }
        truncate(to: write)
    }

    /// Removes every row after the first `count`.
    public mutating func truncate(to newCount: Int) {
        guard newCount < count else { return }
        let stateWidth = stateNames.count * dimension
        steps.removeSubrange(newCount...)
        learningRates.removeSubrange(newCount...)
        losses.removeSubrange(newCount...)
        notes.removeSubrange(newCount...)
        parameters.removeSubrange((newCount * dimension)...)
        gradients.removeSubrange((newCount * dimension)...)
        stepsTaken.removeSubrange((newCount * dimension)...)
        states.removeSubrange((newCount * stateWidth)...)
    }
}

/// One row of a trace: the state after step `step`.
public struct TraceRecord: Sendable, Hashable {
    public var step: Int
    /// The rate used to make this step (0 on row 0).
    public var learningRate: Double
    public var parameters: [Double]
    public var loss: Double
    /// The gradient at `parameters`.
    public var gradient: [Double]
    /// How far this step moved each parameter.
    public var stepTaken: [Double]
    /// The optimizer's state quantities, state-major (`stateNames.count * dimension`).
    public var state: [Double]
    public var notes: TraceNotes

    /// Euclidean norm of the gradient.
    public var gradientNorm: Double { gradient.map { $0 * $0 }.reduce(0, +).squareRoot() }
}
