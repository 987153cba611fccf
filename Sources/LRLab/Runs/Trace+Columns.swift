/// Reading a trace: each quantity as an array-like column view, and each row as a value.
extension Trace {
    // MARK: Columns

    /// The step number of each row.
    public var steps: LazyMapCollection<TraceColumn, Int> { column(Trace.stepOffset).lazy.map { Int($0) } }
    /// The rate each row's step used (0 on row 0).
    public var learningRates: TraceColumn { column(Trace.learningRateOffset) }
    public var losses: TraceColumn { column(Trace.lossOffset) }
    public var notes: LazyMapCollection<TraceColumn, TraceNotes> {
        column(Trace.notesOffset).lazy.map { TraceNotes(rawValue: UInt8($0)) }
    }
    /// `dimension` values per row.
    public var parameters: TraceColumn { column(Trace.parametersOffset, valuesPerRow: dimension) }
    /// `dimension` values per row.
    public var gradients: TraceColumn { column(gradientOffset, valuesPerRow: dimension) }
    /// `dimension` values per row: the change in the parameters made by the step.
    public var stepsTaken: TraceColumn { column(stepTakenOffset, valuesPerRow: dimension) }
    /// `dimension` values per row: the gradient the step moved along (at the previous step's
    /// point; on row 0 the gradient at the start).
    public var stepGradients: TraceColumn { column(stepGradientOffset, valuesPerRow: dimension) }
    /// `stateNames.count * dimension` values per row, state-major.
    public var states: TraceColumn { column(stateOffset, valuesPerRow: stateNames.count * dimension) }

    /// The extra scalar `name` of each row (not a number where none was recorded); nil when
    /// the trace has no such extra.
    public func extra(_ name: String) -> TraceColumn? {
        extraNames.firstIndex(of: name).map { column(extrasOffset + $0) }
    }

    private func column(_ offset: Int, valuesPerRow: Int = 1) -> TraceColumn {
        TraceColumn(buffer: buffer, rows: count, offset: offset, valuesPerRow: valuesPerRow)
    }

    // MARK: Reading rows

    /// One row as a value.
    public func record(_ row: Int) -> TraceRecord {
        precondition(row >= 0 && row < count, "trace row out of range")
        let start = buffer.row(row)
        func values(_ offset: Int, _ count: Int) -> [Double] { Array(UnsafeBufferPointer(start: start + offset, count: count)) }
        return withExtendedLifetime(buffer) {
            TraceRecord(
                step: Int(start[Trace.stepOffset]), learningRate: start[Trace.learningRateOffset],
                parameters: values(Trace.parametersOffset, dimension), loss: start[Trace.lossOffset],
                gradient: values(gradientOffset, dimension), stepTaken: values(stepTakenOffset, dimension),
                state: values(stateOffset, stateNames.count * dimension),
                notes: TraceNotes(rawValue: UInt8(start[Trace.notesOffset])),
                stepGradient: values(stepGradientOffset, dimension),
                extras: values(extrasOffset, extraNames.count),
                recordedGradientNorm: storesNorms ? start[normsOffset] : nil,
                recordedStepLength: storesNorms ? start[normsOffset + 1] : nil)
        }
    }

    /// The Euclidean norm of row `row`'s gradient, read in place (`EuclideanNorm`, the same
    /// value as `TraceRecord.gradientNorm`).
    public func gradientNorm(_ row: Int) -> Double {
        precondition(row >= 0 && row < count, "trace row out of range")
        if storesNorms { return buffer.row(row)[normsOffset] }
        let gradient = buffer.row(row) + gradientOffset
        return withExtendedLifetime(buffer) { EuclideanNorm.of(UnsafeBufferPointer(start: gradient, count: dimension)) }
    }

    /// The last row.
    public var last: TraceRecord? { isEmpty ? nil : record(count - 1) }
}
