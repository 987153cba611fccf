/// One quantity of every row a diagnosis reads (`TraceReader`): the trace's kept rows, read
/// in place, then the run's latest step when a thinned trace does not hold it. A view that
/// copies nothing: for the quantities the rules read at a few rows (step numbers, notes),
/// where copying every kept row cost a diagnosis more than all its rules
/// (`Benchmarks/JOURNAL.md`).
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
    /// Row `row`'s step number, loss and notes (`row` below `count`), read in place: no
    /// column view is made.
    func step(ofRow row: Int) -> Int { buffer.steps[row] }
    func loss(ofRow row: Int) -> Double { buffer.row(row)[Trace.lossOffset] }
    func notes(ofRow row: Int) -> TraceNotes { TraceNotes(rawValue: UInt8(buffer.row(row)[Trace.notesOffset])) }
}
