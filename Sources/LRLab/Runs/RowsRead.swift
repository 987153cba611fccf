/// One quantity of every row a diagnosis reads (`TraceReader`): the trace's kept rows, read
/// in place, then the run's latest step when a thinned trace does not hold it. A view that
/// copies nothing, so a verdict costs what its rules read rather than a copy of every kept
/// row (which made diagnosing a run of 10,000 steps cost as much as a third of its steps;
/// `Benchmarks/README.md`, cases c and e).
///
/// Indices are the rows read: `0..<trace.count`, then `trace.count` for `latest`.
struct RowsRead<Element>: RandomAccessCollection {
    let trace: Trace
    /// The run's latest step, when the trace does not hold it.
    let latest: Element?
    /// Row `row` (below `trace.count`) of `trace`.
    let read: (_ trace: Trace, _ row: Int) -> Element

    var startIndex: Int { 0 }
    var endIndex: Int { latest == nil ? trace.count : trace.count + 1 }

    subscript(row: Int) -> Element {
        if row < trace.count { return read(trace, row) }
        guard row == trace.count, let latest else { preconditionFailure("row \(row) read out of range") }
        return latest
    }
}

extension Trace {
    /// Step `row`'s number, loss and notes, read in place (one row, no column view).
    func step(ofRow row: Int) -> Int { buffer.steps[row] }
    func loss(ofRow row: Int) -> Double { buffer.row(row)[Trace.lossOffset] }
    func notes(ofRow row: Int) -> TraceNotes { TraceNotes(rawValue: UInt8(buffer.row(row)[Trace.notesOffset])) }
}
