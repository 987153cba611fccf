/// The three loops a dense layer spends its time in, on raw pointers, for a batch of `rows`
/// rows held row-major: the affine map (forward), the weight and bias gradients, and the
/// deltas passed back to the layer's inputs.
///
/// **Order of operations** (fixed, so results depend neither on the batch's size nor on the
/// machine): every output is a plain sequential sum over the terms named in each function,
/// in increasing index order, one product then one sum per term, exactly as the triple loop
/// written in each doc comment. Outputs are computed 24 or 16 at a time, then the last 1–15
/// together (`forEachBlock`, `DenseLanes`, `JoinedLanes`), which changes nothing in a result.
///
/// **Zeros are skipped**: a term whose multiplier is exactly 0 (an input pixel that is 0, a
/// ReLU output that is 0, a delta that is 0) is not added. That is the same sum, except
/// where a skipped term would not have been ±0: against an infinite or NaN weight the
/// triple loop gives NaN where the kernel gives the other terms' sum; and a sum of nothing
/// but skipped terms keeps its start's sign of zero. Non-finite multipliers (NaN, ±∞) are
/// never skipped.
///
/// **Stopping**: each kernel asks `shouldStop` between blocks of rows (or of output units)
/// of about `workBetweenStopChecks` multiply-adds, and returns false when it said stop, its
/// outputs then partial. Asking changes no result.
///
/// **Scratch**: one bit a multiplier (whether it is nonzero) for a row or column, in
/// `scratchCount(...)` words of a caller's buffer: nothing is allocated.
enum DenseKernels {
    /// Words of mask a kernel's scratch must hold for a layer of these widths over `rows` rows.
    static func scratchCount(rows: Int, inputWidth: Int, outputWidth: Int) -> Int {
        NonzeroMasks.wordCount(Swift.max(rows, inputWidth, outputWidth, 1))
    }

    /// t[i·rows + j] = w[j·columns + i]: the `columns × rows` transpose of a `rows × columns`
    /// matrix.
    static func transpose(_ w: UnsafePointer<Double>, rows: Int, columns: Int, into t: UnsafeMutablePointer<Double>) {
        for row in 0..<rows {
            let source = w + row &* columns
            var target = t + row
            for column in 0..<columns {
                target.pointee = source[column]
                target += rows
            }
        }
    }

    /// start + Σᵢ x[i·xStride]·(the block at base + i·blockStride) over the indices i marked
    /// in `masks` (see `NonzeroMasks`) among 0..<count, lane by lane, i increasing.
    @inline(__always)
    static func sum<Lanes: DenseLanes>(from start: Lanes, marked masks: UnsafePointer<UInt64>, count: Int,
                                       x: UnsafePointer<Double>, xStride: Int, base: UnsafePointer<Double>, blockStride: Int) -> Lanes {
        var total = start
        NonzeroMasks.forEachMarked(masks, count: count) { i in total = total.adding(x[i &* xStride], times: Lanes(loading: base + i &* blockStride)) }
        return total
    }

    /// `sum` with each block's lanes `laneStride` apart: start + Σᵢ x[i]·(base[i + l·laneStride]
    /// for each lane l) over the marked i, i increasing.
    @inline(__always)
    static func sumGathered<Lanes: DenseLanes>(from start: Lanes, marked masks: UnsafePointer<UInt64>, count: Int,
                                               x: UnsafePointer<Double>, base: UnsafePointer<Double>, laneStride: Int) -> Lanes {
        var total = start
        NonzeroMasks.forEachMarked(masks, count: count) { i in total = total.adding(x[i], times: Lanes(gathering: base + i, stride: laneStride)) }
        return total
    }

    /// Multiply-adds a kernel does between two questions to `shouldStop`: 2²⁰, well under a
    /// millisecond.
    static let workBetweenStopChecks = 1 << 20

    /// Rows (or units) of `work` multiply-adds each between two questions to `shouldStop`.
    @inline(__always)
    static func stopInterval(work: Int) -> Int {
        Swift.max(1, workBetweenStopChecks / Swift.max(1, work))
    }

    /// Rows from which `affine` transposes the weights first: below, the copy would cost more
    /// than the strided loads it saves.
    static let transposeThreshold = 8

    /// Calls `body` for blocks covering 0..<width: blocks of 24 (twelve of the sixteen SSE
    /// registers, with room for the multiplier and a product) while more than 32 remain, then
    /// blocks of 16, then the 1–15 left in one block (`JoinedLanes` of 8, 4, 2 and 1 lanes).
    /// Fewer, wider blocks mean fewer walks over the same mask: 64 is 24 + 24 + 16, 32 stays
    /// 16 + 16 (24 + 8 would cost as much), 10 is one block of 8 + 2.
    @inline(__always)
    static func forEachBlock<Body: DenseBlockBody>(of width: Int, _ body: Body) {
        typealias L2 = SIMD2<Double>
        typealias L4 = SIMD4<Double>
        typealias L8 = SIMD8<Double>
        var start = 0
        while width &- start > 32 {
            body(JoinedLanes<SIMD16<Double>, L8>.self, at: start)
            start &+= 24
        }
        while start &+ 16 <= width {
            body(SIMD16<Double>.self, at: start)
            start &+= 16
        }
        switch width &- start {
        case 1: body(Double.self, at: start)
        case 2: body(L2.self, at: start)
        case 3: body(JoinedLanes<L2, Double>.self, at: start)
        case 4: body(L4.self, at: start)
        case 5: body(JoinedLanes<L4, Double>.self, at: start)
        case 6: body(JoinedLanes<L4, L2>.self, at: start)
        case 7: body(JoinedLanes<L4, JoinedLanes<L2, Double>>.self, at: start)
        case 8: body(L8.self, at: start)
        case 9: body(JoinedLanes<L8, Double>.self, at: start)
        case 10: body(JoinedLanes<L8, L2>.self, at: start)
        case 11: body(JoinedLanes<L8, JoinedLanes<L2, Double>>.self, at: start)
        case 12: body(JoinedLanes<L8, L4>.self, at: start)
        case 13: body(JoinedLanes<L8, JoinedLanes<L4, Double>>.self, at: start)
        case 14: body(JoinedLanes<L8, JoinedLanes<L4, L2>>.self, at: start)
        case 15: body(JoinedLanes<L8, JoinedLanes<L4, JoinedLanes<L2, Double>>>.self, at: start)
        default: break
        }
    }

    /// The forward pass of one layer, before its activation:
    ///
    ///     for r, j: z[r,j] = b[j];  for i in 0..<inputWidth: z[r,j] += x[r,i] · W[j,i]
    ///
    /// from the weights as stored (`w[j·inputWidth + i] = W[j,i]`). From `transposeFrom` rows
    /// on, it first copies them transposed into `transposed` (`inputWidth × outputWidth`
    /// doubles), so that a block of outputs' weights is one contiguous load; below, it loads
    /// them strided. The sums are the same either way.
    @discardableResult
    static func affine(rows: Int, inputs x: UnsafePointer<Double>, inputWidth: Int,
                       weights w: UnsafePointer<Double>, biases b: UnsafePointer<Double>,
                       outputs z: UnsafeMutablePointer<Double>, outputWidth: Int,
                       transposed: UnsafeMutablePointer<Double>, masks: UnsafeMutablePointer<UInt64>,
                       transposeFrom threshold: Int = transposeThreshold, shouldStop: () -> Bool = { false }) -> Bool {
        struct Block: DenseBlockBody {
            let masks: UnsafePointer<UInt64>, x: UnsafePointer<Double>, inputWidth: Int, outputWidth: Int
            let wt: UnsafePointer<Double>, b: UnsafePointer<Double>, z: UnsafeMutablePointer<Double>
            @inline(__always)
            func callAsFunction<Lanes: DenseLanes>(_ lanes: Lanes.Type, at start: Int) {
                DenseKernels.sum(from: Lanes(loading: b + start), marked: masks, count: inputWidth, x: x, xStride: 1,
                                 base: wt + start, blockStride: outputWidth).store(to: z + start)
            }
        }
        struct StridedBlock: DenseBlockBody {
            let masks: UnsafePointer<UInt64>, x: UnsafePointer<Double>, inputWidth: Int
            let w: UnsafePointer<Double>, b: UnsafePointer<Double>, z: UnsafeMutablePointer<Double>
            @inline(__always)
            func callAsFunction<Lanes: DenseLanes>(_ lanes: Lanes.Type, at start: Int) {
                DenseKernels.sumGathered(from: Lanes(loading: b + start), marked: masks, count: inputWidth, x: x,
                                         base: w + start * inputWidth, laneStride: inputWidth).store(to: z + start)
            }
        }
        let transposes = rows >= threshold
        if transposes { transpose(w, rows: outputWidth, columns: inputWidth, into: transposed) }
        let interval = stopInterval(work: inputWidth &* outputWidth)
        var untilCheck = interval
        for row in 0..<rows {
            untilCheck &-= 1
            if untilCheck == 0 {
                untilCheck = interval
                if shouldStop() { return false }
            }
            let inputRow = x + row * inputWidth
            NonzeroMasks.mark(inputRow, count: inputWidth, stride: 1, into: masks)
            if transposes {
                forEachBlock(of: outputWidth, Block(masks: masks, x: inputRow, inputWidth: inputWidth, outputWidth: outputWidth,
                                                    wt: transposed, b: b, z: z + row * outputWidth))
            } else {
                forEachBlock(of: outputWidth, StridedBlock(masks: masks, x: inputRow, inputWidth: inputWidth, w: w, b: b,
                                                           z: z + row * outputWidth))
            }
        }
        return true
    }

    /// The gradients of one layer's weights and biases, added to `gw` and `gb`:
    ///
    ///     for j, i: s = 0;  for r in 0..<rows: s += d[r,j] · a[r,i];  gw[j,i] += s
    ///     for j:    s = 0;  for r in 0..<rows: s += d[r,j];           gb[j] += s
    ///
    /// where `a` (`rows × inputWidth`) is the layer's input and `d` (`rows × outputWidth`)
    /// the deltas at its outputs (∂L/∂z). For each output j, the sums run over the rows where
    /// d[r,j] is nonzero, a block of inputs at a time, into a whole row of `gw` (for one row,
    /// the outer product d ⊗ a).
    @discardableResult
    static func addGradients(rows: Int, inputs a: UnsafePointer<Double>, inputWidth: Int,
                             deltas d: UnsafePointer<Double>, outputWidth: Int,
                             weightGradient gw: UnsafeMutablePointer<Double>, biasGradient gb: UnsafeMutablePointer<Double>,
                             masks: UnsafeMutablePointer<UInt64>, shouldStop: () -> Bool = { false }) -> Bool {
        struct RowBlock: DenseBlockBody {
            let masks: UnsafePointer<UInt64>, rows: Int, a: UnsafePointer<Double>, inputWidth: Int
            let d: UnsafePointer<Double>, outputWidth: Int, gw: UnsafeMutablePointer<Double>
            @inline(__always)
            func callAsFunction<Lanes: DenseLanes>(_ lanes: Lanes.Type, at start: Int) {
                let total = DenseKernels.sum(from: Lanes.zero, marked: masks, count: rows, x: d, xStride: outputWidth,
                                             base: a + start, blockStride: inputWidth)
                Lanes(loading: gw + start).adding(total).store(to: gw + start)
            }
        }
        struct BiasBlock: DenseBlockBody {
            let rows: Int, d: UnsafePointer<Double>, gb: UnsafeMutablePointer<Double>, outputWidth: Int
            @inline(__always)
            func callAsFunction<Lanes: DenseLanes>(_ lanes: Lanes.Type, at start: Int) {
                var total = Lanes.zero
                for row in 0..<rows { total = total.adding(Lanes(loading: d + row * outputWidth + start)) }
                Lanes(loading: gb + start).adding(total).store(to: gb + start)
            }
        }
        let interval = stopInterval(work: rows &* inputWidth)
        var untilCheck = interval
        for unit in 0..<outputWidth {
            untilCheck &-= 1
            if untilCheck == 0 {
                untilCheck = interval
                if shouldStop() { return false }
            }
            NonzeroMasks.mark(d + unit, count: rows, stride: outputWidth, into: masks)
            forEachBlock(of: inputWidth, RowBlock(masks: masks, rows: rows, a: a, inputWidth: inputWidth, d: d + unit,
                                                  outputWidth: outputWidth, gw: gw + unit * inputWidth))
        }
        forEachBlock(of: outputWidth, BiasBlock(rows: rows, d: d, gb: gb, outputWidth: outputWidth))
        return true
    }

    /// The deltas passed back through one layer's weights (before the activation's
    /// derivative is applied):
    ///
    ///     for r, i: p[r,i] = 0;  for j in 0..<outputWidth: p[r,i] += d[r,j] · W[j,i]
    @discardableResult
    static func propagate(rows: Int, deltas d: UnsafePointer<Double>, outputWidth: Int,
                          weights w: UnsafePointer<Double>, inputWidth: Int, into p: UnsafeMutablePointer<Double>,
                          masks: UnsafeMutablePointer<UInt64>, shouldStop: () -> Bool = { false }) -> Bool {
        struct Block: DenseBlockBody {
            let masks: UnsafePointer<UInt64>, d: UnsafePointer<Double>, outputWidth: Int, inputWidth: Int
            let w: UnsafePointer<Double>, p: UnsafeMutablePointer<Double>
            @inline(__always)
            func callAsFunction<Lanes: DenseLanes>(_ lanes: Lanes.Type, at start: Int) {
                DenseKernels.sum(from: Lanes.zero, marked: masks, count: outputWidth, x: d, xStride: 1, base: w + start,
                                 blockStride: inputWidth).store(to: p + start)
            }
        }
        let interval = stopInterval(work: inputWidth &* outputWidth)
        var untilCheck = interval
        for row in 0..<rows {
            untilCheck &-= 1
            if untilCheck == 0 {
                untilCheck = interval
                if shouldStop() { return false }
            }
            let deltas = d + row * outputWidth
            NonzeroMasks.mark(deltas, count: outputWidth, stride: 1, into: masks)
            forEachBlock(of: inputWidth, Block(masks: masks, d: deltas, outputWidth: outputWidth, inputWidth: inputWidth, w: w,
                                               p: p + row * inputWidth))
        }
        return true
    }
}

extension DenseKernels {
    /// p[i] = a[i] > 0 ? p[i] : 0 (ReLU's derivative, 0 at 0 and for NaN) for i < `count`:
    /// the same values as that scalar loop, bit for bit, computed two at a time as an SSE
    /// select (written as the scalar loop, the compiler branched on the sign of each a[i],
    /// mispredicted about half the time).
    @inline(__always)
    static func keepWhereActive(_ p: UnsafeMutablePointer<Double>, input a: UnsafePointer<Double>, count: Int) {
        var index = 0
        while index &+ 2 <= count {
            let active = UnsafeRawPointer(a + index).loadUnaligned(as: SIMD2<Double>.self) .> 0
            let kept = SIMD2<Double>.zero.replacing(with: UnsafeRawPointer(p + index).loadUnaligned(as: SIMD2<Double>.self), where: active)
            UnsafeMutableRawPointer(p + index).storeBytes(of: kept, as: SIMD2<Double>.self)
            index &+= 2
        }
        if index < count { p[index] = a[index] > 0 ? p[index] : 0 }
    }
}
