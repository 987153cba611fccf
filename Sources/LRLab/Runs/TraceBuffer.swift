#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The memory behind a `Trace`: doubles in one block from the C allocator, grown with
/// `realloc`.
///
/// Why not an `Array`: a trace is written a row at a time far past what it has filled, and
/// an array must be initialized up to its count, so growing one meant zero-filling every new
/// row and then copying all rows on each doubling. `realloc` of a large block remaps pages
/// instead of copying them, and untouched memory is never written (a small gain, about
/// 1–2 ns of a million-step run's ~70 ns a step, within this machine's noise).
///
/// A reference type, shared between copies of a `Trace` and the `TraceColumn` views made from
/// it; `Trace` copies it before any write unless it is the only owner (copy on write), so
/// traces keep value semantics. Holders only read it, hence `@unchecked Sendable`.
///
/// `base` and `capacity` are constants, so reading them costs no exclusivity check; growing
/// makes a new object around the reallocated memory.
final class TraceBuffer: @unchecked Sendable {
    /// The first double; `capacity` of them are allocated.
    let base: UnsafeMutablePointer<Double>
    let capacity: Int
    /// False once `grown(to:)` has handed the memory to a new buffer.
    private var ownsMemory = true

    init(capacity: Int) {
        let count = Swift.max(capacity, 1)
        let bytes = count * MemoryLayout<Double>.stride
        guard let memory = malloc(bytes) else { fatalError("out of memory for a trace of \(bytes) bytes") }
        self.base = memory.bindMemory(to: Double.self, capacity: count)
        self.capacity = count
    }

    private init(base: UnsafeMutablePointer<Double>, capacity: Int) {
        self.base = base
        self.capacity = capacity
    }

    deinit { if ownsMemory { free(base) } }

    /// A buffer of `newCapacity` doubles holding this one's contents, made by `realloc`. The
    /// caller must be this buffer's only owner and must not use it afterwards.
    func grown(to newCapacity: Int) -> TraceBuffer {
        let bytes = newCapacity * MemoryLayout<Double>.stride
        guard let moved = realloc(base, bytes) else { fatalError("out of memory for a trace of \(bytes) bytes") }
        ownsMemory = false
        return TraceBuffer(base: moved.assumingMemoryBound(to: Double.self), capacity: newCapacity)
    }

    /// A new buffer with the same capacity holding the first `count` doubles.
    func copy(count: Int) -> TraceBuffer {
        let copy = TraceBuffer(capacity: capacity)
        copy.base.update(from: base, count: count)
        return copy
    }
}
