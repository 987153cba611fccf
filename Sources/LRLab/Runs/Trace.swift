/// Everything a run did, one row per step. Row 0 is the start point (learning rate 0, no
/// step taken).
///
/// **Layout.** The rows live in one buffer of doubles, `width` values each: step, learning
/// rate, loss, notes, then `dimension` parameters, gradient components, step components and
/// components of the gradient the step moved along, then the optimizer's state, state-major; then, when the per-parameter columns are not
/// kept (`RecordingPolicy`), the gradient norm and the step length; then the named extras. One buffer rather than a structure of arrays
/// because a run appends a whole row per step: one write of contiguous memory (and one
/// uniqueness check) instead of one `append` per column. The rows are in order until the
/// first thinning; after it a row index says where each row is (see `TraceBuffer`). The
/// columns are read through `TraceColumn` views (`losses`, `parameters`, ...), which behave
/// like read-only arrays. Steps and notes are stored as doubles; both are exact (steps are
/// far below 2⁵³, notes are a byte).
///
/// **Memory is bounded.** Every step is kept up to `capacity` rows; past that the rows after
/// the first `keptHead` are thinned to every other one and only every `stride`-th later step
/// is kept, so a run of any length holds at most `capacity` rows. The run's current state
/// is always exact, and `save trace` replays the run to write every step. A run that knows
/// its last step skips the rows this would drop later (`plan(throughStep:)`): the same rows,
/// fewer written. A row's width depends on the parameter count only up to the policy's
/// `perParameterLimit`: past it a row holds scalars alone, so a 10,000-weight model's trace
/// is as small as a formula's.
public struct Trace: Sendable {
    /// Most rows held in memory.
    public let capacity: Int
    /// Rows at the start that thinning never removes.
    public let keptHead: Int
    /// Only steps that are multiples of this are recorded (1 until the trace first fills);
    /// always a power of two.
    public private(set) var stride = 1
    /// The stride planned for the batch of steps under way (`plan(throughStep:)`), 1 when
    /// none: rows after the head are written only at its multiples, because later thinning
    /// would drop the others. A power of two, at least `stride` while a plan is in force.
    var plannedStride = 1
    /// `max(stride, plannedStride) - 1`: a row after the head is written when its step has
    /// none of these bits, one test per step.
    var writeMask = 0
    /// The run's parameter count.
    public let parameterCount: Int
    /// Parameters recorded per row: `parameterCount` when the per-parameter columns are kept,
    /// else 0 (and `parameters`, `gradients`, `stepsTaken`, `states` are empty).
    public let dimension: Int
    /// The optimizer's per-parameter state quantities recorded on each row (none when the
    /// per-parameter columns are not kept).
    public let stateNames: [String]
    /// Names of the extra scalars on each row (`RecordingPolicy.extras`).
    public let extraNames: [String]
    /// Whether rows store the gradient norm and step length as scalars: exactly when the
    /// per-parameter columns they would be computed from are not kept.
    public let storesNorms: Bool
    /// Doubles per row: 4 + (4 + `stateNames.count`) × `dimension` (+ 2 when `storesNorms`)
    /// + `extraNames.count`.
    public let width: Int
    /// Rows held.
    public private(set) var count = 0
    /// The rows and their index. Until the first thinning, places past `count` are spare
    /// capacity, not yet written.
    private(set) var buffer: TraceBuffer

    /// Where each quantity sits in a row.
    static let stepOffset = 0, learningRateOffset = 1, lossOffset = 2, notesOffset = 3, parametersOffset = 4
    var gradientOffset: Int { Trace.parametersOffset + dimension }
    var stepTakenOffset: Int { Trace.parametersOffset + 2 * dimension }
    var stepGradientOffset: Int { Trace.parametersOffset + 3 * dimension }
    var stateOffset: Int { Trace.parametersOffset + 4 * dimension }
    /// Where the gradient norm (then the step length) sits when `storesNorms`.
    let normsOffset: Int
    let extrasOffset: Int

    /// A trace keeping every column for `dimension` parameters.
    public init(dimension: Int, stateNames: [String], capacity: Int = 100_000) {
        self.init(parameterCount: dimension, stateNames: stateNames,
                  policy: RecordingPolicy(perParameterLimit: Int.max, capacity: capacity))
    }

    /// A trace for a run over `parameterCount` parameters whose optimizer records
    /// `stateNames`, keeping what `policy` says.
    public init(parameterCount: Int, stateNames: [String], policy: RecordingPolicy) {
        let perParameter = policy.recordsPerParameterColumns(parameterCount: parameterCount)
        self.parameterCount = parameterCount
        self.dimension = perParameter ? parameterCount : 0
        self.stateNames = perParameter ? stateNames : []
        self.extraNames = policy.extras
        self.storesNorms = !perParameter
        // At most Int32.max rows, so that the row index's entries fit.
        self.capacity = min(max(policy.capacity, 16), Int(Int32.max))
        self.keptHead = min(1000, self.capacity / 4)
        self.normsOffset = Trace.parametersOffset + (4 + self.stateNames.count) * dimension
        self.extrasOffset = normsOffset + (storesNorms ? 2 : 0)
        self.width = extrasOffset + extraNames.count
        self.buffer = TraceBuffer(rows: min(64, self.capacity), width: width)
    }

    /// Bytes allocated for rows and their index: what the memory bound is about.
    public var storedBytes: Int { TraceBuffer.bytes(rows: buffer.rows, width: width) }

    /// The most `storedBytes` can reach for this trace's shape.
    public var maximumBytes: Int { TraceBuffer.bytes(rows: capacity, width: width) }

    /// Whether some steps have been thinned out.
    public var isThinned: Bool { stride > 1 }

    public var isEmpty: Bool { count == 0 }

    // MARK: Adding rows

    /// Whether a row for `step` with `notes` would be kept: always within the head, and for
    /// a divergence or an undefined point; otherwise when `step` is a multiple of `stride`
    /// (of the planned stride while a plan is in force, see `plan(throughStep:)`).
    @inline(__always)
    public func keeps(step: Int, notes rowNotes: TraceNotes) -> Bool {
        count < keptHead || step & writeMask == 0 || !rowNotes.isDisjoint(with: Trace.endingNotes)
    }

    /// The notes of a run's last row, kept whatever its step.
    static let endingNotes: TraceNotes = [.diverged, .undefined]

    /// Adds a row. `parameters`, `gradient`, `stepTaken` and `stepGradient` (the gradient the
    /// step moved along; `gradient` when nil, as on row 0) hold `parameterCount` values;
    /// `state` holds `stateNames.count * dimension` values, state-major. Only the columns
    /// the trace keeps are written.
    public mutating func append(step: Int, learningRate: Double, parameters point: [Double], loss: Double,
                                gradient: [Double], stepTaken: [Double], stepGradient: [Double]? = nil, state: [Double],
                                notes rowNotes: TraceNotes) {
        let stepGradient = stepGradient ?? gradient
        precondition(point.count == parameterCount && gradient.count == parameterCount && stepTaken.count == parameterCount
                     && stepGradient.count == parameterCount
                     && state.count == stateNames.count * dimension, "a trace row has the wrong shape")
        guard keeps(step: step, notes: rowNotes) else { return }
        let dimension = self.dimension
        let norms = storesNorms ? (gradient: EuclideanNorm.of(gradient), step: EuclideanNorm.of(stepTaken)) : nil
        appendRow(step: step, learningRate: learningRate, loss: loss, notes: rowNotes, norms: norms) { parameters, gradients, stepsTaken, stepGradients, states in
            for index in 0..<dimension {
                parameters[index] = point[index]
                gradients[index] = gradient[index]
                stepsTaken[index] = stepTaken[index]
                stepGradients[index] = stepGradient[index]
            }
            for index in state.indices { states[index] = state[index] }
        }
    }

    /// Adds a row the caller has checked with `keeps`, letting `fill` write its parameters,
    /// gradient, step taken, the step's gradient and state straight into the buffer: the run's per-step path,
    /// with no intermediate arrays. When the trace is full it thins first and then drops the
    /// row if the doubled stride no longer keeps it. `norms` (the gradient norm and the step
    /// length) must be given when `storesNorms`, and is ignored otherwise; extras start as
    /// not a number.
    @inline(__always)
    mutating func appendRow(step: Int, learningRate: Double, loss: Double, notes rowNotes: TraceNotes,
                            norms: (gradient: Double, step: Double)?,
                            _ fill: (_ parameters: UnsafeMutablePointer<Double>, _ gradient: UnsafeMutablePointer<Double>,
                                     _ stepTaken: UnsafeMutablePointer<Double>, _ stepGradient: UnsafeMutablePointer<Double>,
                                     _ state: UnsafeMutableBufferPointer<Double>) -> Void) {
        if count >= capacity {
            thin()
            // The stride has doubled: the row may no longer be one to keep.
            guard keeps(step: step, notes: rowNotes) else { return }
        }
        makeUnique()
        // Before the first thinning the rows are in order and the buffer grows with them;
        // after it the buffer holds `capacity` places and the row takes the next free one.
        if count >= buffer.rows { buffer = buffer.grown(toRows: Swift.min(capacity, 2 * count)) }
        let start = buffer.row(count)
        buffer.steps[count] = step
        start[Trace.stepOffset] = Double(step)
        start[Trace.learningRateOffset] = learningRate
        start[Trace.lossOffset] = loss
        start[Trace.notesOffset] = Double(rowNotes.rawValue)
        fill(start + Trace.parametersOffset, start + gradientOffset, start + stepTakenOffset, start + stepGradientOffset,
             UnsafeMutableBufferPointer(start: start + stateOffset, count: stateNames.count * dimension))
        if normsOffset < width { writeScalars(start, norms: norms) }
        count += 1
    }

    /// Writes a new row's norms (when `storesNorms`) and its extras (not a number). Apart
    /// from `appendRow`, so that the explorer's rows, which have neither, do not carry it.
    @inline(never)
    private func writeScalars(_ start: UnsafeMutablePointer<Double>, norms: (gradient: Double, step: Double)?) {
        if storesNorms {
            start[normsOffset] = norms?.gradient ?? .nan
            start[normsOffset + 1] = norms?.step ?? .nan
        }
        for index in 0..<extraNames.count { start[extrasOffset + index] = .nan }
    }

    /// Sets the extra scalar `name` on the last row, when that row is step `step` (a thinned
    /// trace may not hold it). Returns whether a row was written; false for an unknown name.
    @discardableResult
    public mutating func setExtra(_ name: String, _ value: Double, onStep step: Int) -> Bool {
        guard let index = extraNames.firstIndex(of: name), count > 0, buffer.steps[count - 1] == step else { return false }
        makeUnique()
        buffer.row(count - 1)[extrasOffset + index] = value
        return true
    }

    /// Copy on write: the buffer is shared with copies of this trace and with column views.
    @inline(__always)
    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&buffer) { buffer = buffer.copy(places: isThinned ? buffer.rows : count, count: count) }
    }

    // MARK: Thinning

    /// Halves the rows after the head and doubles the stride. Only the row index changes:
    /// the kept rows' entries move together in order and the dropped rows' places follow
    /// them, to be written next (see `TraceBuffer`).
    private mutating func thin() {
        thin(toStride: 2 * stride, keepingLastRow: false)
    }

    /// Keeps the head and the rows whose steps are multiples of `newStride` (a power of two
    /// above `stride`), and the last row too when `keepingLastRow`; `stride` becomes
    /// `newStride`.
    mutating func thin(toStride newStride: Int, keepingLastRow: Bool) {
        makeUnique()
        stride = newStride
        writeMask = Swift.max(stride, plannedStride) - 1
        let (stride, slots, steps) = (self.stride, buffer.slots, buffer.steps)
        // The dropped rows' places collect in a scratch list, then go after the kept rows.
        let dropped = UnsafeMutablePointer<Int32>.allocate(capacity: Swift.max(count - keptHead, 1))
        defer { dropped.deallocate() }
        var write = keptHead, droppedCount = 0
        for read in keptHead..<count {
            if steps[read] & (stride - 1) == 0 || (keepingLastRow && read == count - 1) {
                slots[write] = slots[read]
                steps[write] = steps[read]
                write += 1
            } else {
                dropped[droppedCount] = slots[read]
                droppedCount += 1
            }
        }
        // Kept and dropped fill exactly the old `0..<count`, so free places past it (none
        // when a full trace thins) stay where they are, after the dropped ones.
        (slots + write).update(from: dropped, count: droppedCount)
        count = write
    }

    /// Removes every row after the first `count` (their memory stays allocated for reuse).
    public mutating func truncate(to newCount: Int) {
        guard newCount < count else { return }
        count = max(newCount, 0)
    }
}
