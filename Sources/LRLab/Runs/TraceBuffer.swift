#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The memory behind a `Trace`: its rows, `width` doubles each, in one block from the C
/// allocator grown with `realloc`, and beside them the row index: for each row in order,
/// where it sits in the block (`slots`) and its step (`steps`).
///
/// Why not an `Array`: a trace is written a row at a time far past what it has filled, and
/// an array must be initialized up to its count, so growing one meant zero-filling every new
/// row and then copying all rows on each doubling. `realloc` of a large block remaps pages
/// instead of copying them, and untouched memory is never written.
///
/// Why an index: thinning drops every other row. With the index, thinning moves index
/// entries instead of rows, so its cost does not depend on the row width, and the rows it
/// drops become the places where the next rows are written. The index keeps each row's
/// step because that is what thinning decides by: reading it from the rows would touch a
/// cache line per row. (`Benchmarks/JOURNAL.md` has the measurements.) `slots` is a permutation
/// of `0..<rows`: entries `0..<count` place the trace's rows, and the rest list the free
/// places in the order the next rows take them. Until the first thinning it is the
/// identity.
///
/// A reference type, shared between copies of a `Trace` and the `TraceColumn` views made from
/// it; `Trace` copies it before any write unless it is the only owner (copy on write), so
/// traces keep value semantics. Holders only read it, hence `@unchecked Sendable`.
///
/// The pointers and sizes are constants, so reading them costs no exclusivity check;
/// growing makes a new object around the reallocated memory.
final class TraceBuffer: @unchecked Sendable {
    /// The first double of the first place; `rows * width` doubles are allocated.
    let base: UnsafeMutablePointer<Double>
    /// The place of each row, then the free places: `rows` entries.
    let slots: UnsafeMutablePointer<Int32>
    /// The step of each row, in row order: `rows` entries, the first `Trace.count` set.
    let steps: UnsafeMutablePointer<Int>
    /// Places for rows.
    let rows: Int
    let width: Int
    /// False once `grown(toRows:)` has handed the memory to a new buffer.
    private var ownsMemory = true

    /// Room for `rows` rows of `width` doubles, the index the identity. `rows` must fit an
    /// `Int32` (`Trace` caps it far below).
    init(rows: Int, width: Int) {
        let rows = Swift.max(rows, 1), width = Swift.max(width, 1)
        self.base = TraceBuffer.allocate(Double.self, rows * width)
        self.slots = TraceBuffer.allocate(Int32.self, rows)
        self.steps = TraceBuffer.allocate(Int.self, rows)
        self.rows = rows
        self.width = width
        for place in 0..<rows { slots[place] = Int32(place) }
    }

    private init(base: UnsafeMutablePointer<Double>, slots: UnsafeMutablePointer<Int32>, steps: UnsafeMutablePointer<Int>,
                 rows: Int, width: Int) {
        self.base = base
        self.slots = slots
        self.steps = steps
        self.rows = rows
        self.width = width
    }

    deinit {
        if ownsMemory {
            free(base)
            free(slots)
            free(steps)
        }
    }

    /// Bytes allocated for `rows` rows of `width` doubles and their index entries.
    static func bytes(rows: Int, width: Int) -> Int {
        rows * (width * MemoryLayout<Double>.stride + MemoryLayout<Int32>.stride + MemoryLayout<Int>.stride)
    }

    /// The first double of row `row` (an index into `slots`, not a place).
    @inline(__always)
    func row(_ row: Int) -> UnsafeMutablePointer<Double> {
        base + Int(slots[row]) * width
    }

    /// A buffer of `newRows` places holding this one's contents, made by `realloc`; the new
    /// places join the index's free end in order. The caller must be this buffer's only
    /// owner, must not use it afterwards, and may grow it only when every place holds a row
    /// (then the index's free end is empty, and the new places become it).
    func grown(toRows newRows: Int) -> TraceBuffer {
        let bytes = newRows * width * MemoryLayout<Double>.stride
        guard let moved = realloc(base, bytes),
              let movedSlots = realloc(slots, newRows * MemoryLayout<Int32>.stride),
              let movedSteps = realloc(steps, newRows * MemoryLayout<Int>.stride) else {
            fatalError("out of memory for a trace of \(newRows) rows")
        }
        ownsMemory = false
        let grown = TraceBuffer(base: moved.assumingMemoryBound(to: Double.self), slots: movedSlots.assumingMemoryBound(to: Int32.self),
                                steps: movedSteps.assumingMemoryBound(to: Int.self), rows: newRows, width: width)
        for place in rows..<newRows { grown.slots[place] = Int32(place) }
        return grown
    }

    /// A new buffer of the same size with the same index, the first `count` rows' steps, and
    /// the rows in the first `places` places (the rest were never written).
    func copy(places: Int, count: Int) -> TraceBuffer {
        let copy = TraceBuffer(base: TraceBuffer.allocate(Double.self, rows * width), slots: TraceBuffer.allocate(Int32.self, rows),
                               steps: TraceBuffer.allocate(Int.self, rows), rows: rows, width: width)
        copy.base.update(from: base, count: Swift.min(places, rows) * width)
        copy.slots.update(from: slots, count: rows)
        copy.steps.update(from: steps, count: Swift.min(count, rows))
        return copy
    }

    private static func allocate<Element>(_ type: Element.Type, _ count: Int) -> UnsafeMutablePointer<Element> {
        let bytes = Swift.max(count, 1) * MemoryLayout<Element>.stride
        guard let memory = malloc(bytes) else { fatalError("out of memory for a trace of \(bytes) bytes") }
        return memory.bindMemory(to: Element.self, capacity: Swift.max(count, 1))
    }
}
