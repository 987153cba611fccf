/// One quantity of every row of a trace, read like an array: `trace.losses[row]`,
/// `trace.parameters[row * dimension + index]`. A view: it shares the trace's buffer and
/// copies nothing.
public struct TraceColumn: RandomAccessCollection, Sendable {
    private let buffer: TraceBuffer
    private let offset: Int
    private let valuesPerRow: Int
    /// Number of values: rows × values per row.
    public let count: Int

    init(buffer: TraceBuffer, rows: Int, offset: Int, valuesPerRow: Int) {
        self.buffer = buffer
        self.offset = offset
        self.valuesPerRow = valuesPerRow
        self.count = rows * valuesPerRow
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> Double {
        precondition(position >= 0 && position < count, "trace column index out of range")
        if valuesPerRow == 1 { return buffer.row(position)[offset] }
        let row = position / valuesPerRow
        return buffer.row(row)[offset + position - row * valuesPerRow]
    }
}
