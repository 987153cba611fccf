/// A run of consecutive doubles that `DenseKernels` holds in registers while it sums: 16, 8,
/// 4, 2 or 1 outputs of a row at a time, or a few of those side by side (`JoinedLanes`).
/// Each lane is summed on its own, in the order the kernel adds terms, so the width changes
/// how many outputs are computed together, never a result.
protocol DenseLanes {
    /// Doubles in a block.
    static var width: Int { get }
    /// The block of `width` doubles starting at `source`.
    init(loading source: UnsafePointer<Double>)
    /// The block of source[l·stride] for l in 0..<width.
    init(gathering source: UnsafePointer<Double>, stride: Int)
    /// Every lane 0.
    static var zero: Self { get }
    /// self + a·x, lane by lane (a product, then a sum: no fused multiply-add).
    func adding(_ a: Double, times x: Self) -> Self
    /// self + x, lane by lane.
    func adding(_ x: Self) -> Self
    /// Writes the block's `width` doubles at `target`.
    func store(to target: UnsafeMutablePointer<Double>)
}

/// `DenseKernels.forEachBlock`'s body: called once per block of a row's outputs, with the
/// block's type and where it starts.
protocol DenseBlockBody {
    func callAsFunction<Lanes: DenseLanes>(_ lanes: Lanes.Type, at start: Int)
}

/// The SIMD blocks: one implementation for every width (`SIMD16` is eight SSE registers).
extension DenseLanes where Self: SIMD, Scalar == Double {
    static var width: Int { Self.scalarCount }
    @inline(__always) init(loading source: UnsafePointer<Double>) { self = UnsafeRawPointer(source).loadUnaligned(as: Self.self) }
    @inline(__always) init(gathering source: UnsafePointer<Double>, stride: Int) {
        self.init()
        for lane in 0..<Self.scalarCount { self[lane] = source[lane &* stride] }
    }
    @inline(__always) func adding(_ a: Double, times x: Self) -> Self { self + Self(repeating: a) * x }
    @inline(__always) func adding(_ x: Self) -> Self { self + x }
    @inline(__always) func store(to target: UnsafeMutablePointer<Double>) { UnsafeMutableRawPointer(target).storeBytes(of: self, as: Self.self) }
}

extension SIMD16: DenseLanes where Scalar == Double {}
extension SIMD8: DenseLanes where Scalar == Double {}
extension SIMD4: DenseLanes where Scalar == Double {}
extension SIMD2: DenseLanes where Scalar == Double {}

extension Double: DenseLanes {
    static var width: Int { 1 }
    @inline(__always) init(loading source: UnsafePointer<Double>) { self = source.pointee }
    @inline(__always) init(gathering source: UnsafePointer<Double>, stride: Int) { self = source.pointee }
    @inline(__always) func adding(_ a: Double, times x: Double) -> Double { self + a * x }
    @inline(__always) func adding(_ x: Double) -> Double { self + x }
    @inline(__always) func store(to target: UnsafeMutablePointer<Double>) { target.pointee = self }
}

/// Two blocks side by side, `Head`'s lanes then `Tail`'s: how `DenseKernels.forEachBlock`
/// makes its blocks of 24 (16 + 8) and covers the last 1–15 outputs of a row in one pass
/// (10 outputs: 8 + 2) instead of one pass per power of two. Each lane is still summed on
/// its own, so results do not change.
struct JoinedLanes<Head: DenseLanes, Tail: DenseLanes>: DenseLanes {
    var head: Head
    var tail: Tail

    static var width: Int { Head.width + Tail.width }
    @inline(__always) init(head: Head, tail: Tail) { (self.head, self.tail) = (head, tail) }
    @inline(__always) init(loading source: UnsafePointer<Double>) {
        self.init(head: Head(loading: source), tail: Tail(loading: source + Head.width))
    }
    @inline(__always) init(gathering source: UnsafePointer<Double>, stride: Int) {
        self.init(head: Head(gathering: source, stride: stride), tail: Tail(gathering: source + Head.width &* stride, stride: stride))
    }
    static var zero: Self { Self(head: .zero, tail: .zero) }
    @inline(__always) func adding(_ a: Double, times x: Self) -> Self {
        Self(head: head.adding(a, times: x.head), tail: tail.adding(a, times: x.tail))
    }
    @inline(__always) func adding(_ x: Self) -> Self { Self(head: head.adding(x.head), tail: tail.adding(x.tail)) }
    @inline(__always) func store(to target: UnsafeMutablePointer<Double>) {
        head.store(to: target)
        tail.store(to: target + Head.width)
    }
}
