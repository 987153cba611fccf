/// The three loops a dense layer spends its time in, on raw pointers, for a batch of `rows`
/// rows held row-major: the affine map (forward), the weight and bias gradients, and the
/// deltas passed back to the layer's inputs.
///
/// **Order of operations** (fixed, so results depend neither on the batch's size nor on the
/// machine): every output is a plain sequential sum over the terms named in each function,
/// in increasing index order, one product then one sum per term, exactly as the triple loop
/// written in each doc comment. Outputs are computed 16, 8, 4, 2 or 1 at a time
/// (`DenseLanes`), which changes nothing in a result.
///
/// **Zeros are skipped**: a term whose multiplier is exactly 0 (an input pixel that is 0, a
/// ReLU output that is 0, a delta that is 0) is not added. That is the same sum, except
/// where a skipped term would not have been ±0: against an infinite or NaN weight the
/// triple loop gives NaN where the kernel gives the other terms' sum; and a sum of nothing
/// but skipped terms keeps its start's sign of zero. Non-finite multipliers (NaN, ±∞) are
/// never skipped.
///
/// **Scratch**: one bit a multiplier (whether it is nonzero) for a row or column, in
/// `scratchCount(...)` words of a caller's buffer: nothing is allocated.
enum DenseKernels {
    /// Words of mask a kernel's scratch must hold for a layer of these widths over `rows` rows.
    static func scratchCount(rows: Int, inputWidth: Int, outputWidth: Int) -> Int {
        (Swift.max(rows, inputWidth, outputWidth, 1) + 63) / 64
    }

    /// t[i·rows + j] = w[j·columns + i]: the `columns × rows` transpose of a `rows × columns`
    /// matrix.
    static func transpose(_ w: UnsafePointer<Double>, rows: Int, columns: Int, into t: UnsafeMutablePointer<Double>) {
        for row in 0..<rows {
            let source = w + row * columns
            for column in 0..<columns { t[column * rows + row] = source[column] }
        }
    }

    /// Marks which of x[k·stride], k in 0..<count, are not ±0 (NaN and ±∞ included): bit
    /// k mod 64 of `masks[k / 64]`, with no branch and no store whose address depends on the
    /// data (why: `Benchmarks/README.md`, case i).
    @inline(__always)
    static func markNonzeros(_ x: UnsafePointer<Double>, count: Int, stride: Int, masks: UnsafeMutablePointer<UInt64>) {
        var group = 0
        while group * 64 < count {
            let first = group * 64, last = Swift.min(count, first + 64)
            var mask: UInt64 = 0
            for k in first..<last {
                let magnitude = x[k &* stride].bitPattern &<< 1
                mask |= ((magnitude | (0 &- magnitude)) >> 63) &<< UInt64(truncatingIfNeeded: k &- first)
            }
            masks[group] = mask
            group += 1
        }
    }

    /// Calls `body` with each index marked in `masks` (see `markNonzeros`) among 0..<count,
    /// lowest first.
    @inline(__always)
    static func forEachMarked(_ masks: UnsafePointer<UInt64>, count: Int, _ body: (Int) -> Void) {
        var group = 0
        while group * 64 < count {
            var mask = masks[group]
            while mask != 0 {
                body(group &* 64 &+ mask.trailingZeroBitCount)
                mask &= mask &- 1
            }
            group += 1
        }
    }

    /// start + Σᵢ x[i·xStride]·(the block at base + i·blockStride) over the indices i marked
    /// in `masks` (see `markNonzeros`) among 0..<count, lane by lane, i increasing.
    @inline(__always)
    static func sum<Lanes: DenseLanes>(from start: Lanes, marked masks: UnsafePointer<UInt64>, count: Int,
                                       x: UnsafePointer<Double>, xStride: Int, base: UnsafePointer<Double>, blockStride: Int) -> Lanes {
        var total = start
        forEachMarked(masks, count: count) { i in total = total.adding(x[i &* xStride], times: Lanes(loading: base + i &* blockStride)) }
        return total
    }

    /// `sum` with each block's lanes `laneStride` apart: start + Σᵢ x[i]·(base[i + l·laneStride]
    /// for each lane l) over the marked i, i increasing.
    @inline(__always)
    static func sumGathered<Lanes: DenseLanes>(from start: Lanes, marked masks: UnsafePointer<UInt64>, count: Int,
                                               x: UnsafePointer<Double>, base: UnsafePointer<Double>, laneStride: Int) -> Lanes {
        var total = start
        forEachMarked(masks, count: count) { i in total = total.adding(x[i], times: Lanes(gathering: base + i, stride: laneStride)) }
        return total
    }

    /// Rows from which `affine` transposes the weights first: below, the copy would cost more
    /// than the strided loads it saves.
    static let transposeThreshold = 8

    /// Calls `body` for blocks covering 0..<width: as many of 16 as fit, then at most one
    /// each of 8, 4, 2 and 1.
    @inline(__always)
    static func forEachBlock<Body: DenseBlockBody>(of width: Int, _ body: Body) {
        var start = 0
        while start + 16 <= width {
            body(SIMD16<Double>.self, at: start)
            start += 16
        }
        if start + 8 <= width { body(SIMD8<Double>.self, at: start); start += 8 }
        if start + 4 <= width { body(SIMD4<Double>.self, at: start); start += 4 }
        if start + 2 <= width { body(SIMD2<Double>.self, at: start); start += 2 }
        if start < width { body(Double.self, at: start) }
    }

    /// The forward pass of one layer, before its activation:
    ///
    ///     for r, j: z[r,j] = b[j];  for i in 0..<inputWidth: z[r,j] += x[r,i] · W[j,i]
    ///
    /// from the weights as stored (`w[j·inputWidth + i] = W[j,i]`). From `transposeFrom` rows
    /// on, it first copies them transposed into `transposed` (`inputWidth × outputWidth`
    /// doubles), so that a block of outputs' weights is one contiguous load; below, it loads
    /// them strided. The sums are the same either way.
    static func affine(rows: Int, inputs x: UnsafePointer<Double>, inputWidth: Int,
                       weights w: UnsafePointer<Double>, biases b: UnsafePointer<Double>,
                       outputs z: UnsafeMutablePointer<Double>, outputWidth: Int,
                       transposed: UnsafeMutablePointer<Double>, masks: UnsafeMutablePointer<UInt64>,
                       transposeFrom threshold: Int = transposeThreshold) {
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
        for row in 0..<rows {
            let inputRow = x + row * inputWidth
            markNonzeros(inputRow, count: inputWidth, stride: 1, masks: masks)
            if transposes {
                forEachBlock(of: outputWidth, Block(masks: masks, x: inputRow, inputWidth: inputWidth, outputWidth: outputWidth,
                                                    wt: transposed, b: b, z: z + row * outputWidth))
            } else {
                forEachBlock(of: outputWidth, StridedBlock(masks: masks, x: inputRow, inputWidth: inputWidth, w: w, b: b,
                                                           z: z + row * outputWidth))
            }
        }
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
    static func addGradients(rows: Int, inputs a: UnsafePointer<Double>, inputWidth: Int,
                             deltas d: UnsafePointer<Double>, outputWidth: Int,
                             weightGradient gw: UnsafeMutablePointer<Double>, biasGradient gb: UnsafeMutablePointer<Double>,
                             masks: UnsafeMutablePointer<UInt64>) {
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
        for unit in 0..<outputWidth {
            markNonzeros(d + unit, count: rows, stride: outputWidth, masks: masks)
            forEachBlock(of: inputWidth, RowBlock(masks: masks, rows: rows, a: a, inputWidth: inputWidth, d: d + unit,
                                                  outputWidth: outputWidth, gw: gw + unit * inputWidth))
        }
        forEachBlock(of: outputWidth, BiasBlock(rows: rows, d: d, gb: gb, outputWidth: outputWidth))
    }

    /// The deltas passed back through one layer's weights (before the activation's
    /// derivative is applied):
    ///
    ///     for r, i: p[r,i] = 0;  for j in 0..<outputWidth: p[r,i] += d[r,j] · W[j,i]
    static func propagate(rows: Int, deltas d: UnsafePointer<Double>, outputWidth: Int,
                          weights w: UnsafePointer<Double>, inputWidth: Int, into p: UnsafeMutablePointer<Double>,
                          masks: UnsafeMutablePointer<UInt64>) {
        struct Block: DenseBlockBody {
            let masks: UnsafePointer<UInt64>, d: UnsafePointer<Double>, outputWidth: Int, inputWidth: Int
            let w: UnsafePointer<Double>, p: UnsafeMutablePointer<Double>
            @inline(__always)
            func callAsFunction<Lanes: DenseLanes>(_ lanes: Lanes.Type, at start: Int) {
                DenseKernels.sum(from: Lanes.zero, marked: masks, count: outputWidth, x: d, xStride: 1, base: w + start,
                                 blockStride: inputWidth).store(to: p + start)
            }
        }
        for row in 0..<rows {
            let deltas = d + row * outputWidth
            markNonzeros(deltas, count: outputWidth, stride: 1, masks: masks)
            forEachBlock(of: inputWidth, Block(masks: masks, d: deltas, outputWidth: outputWidth, inputWidth: inputWidth, w: w,
                                               p: p + row * inputWidth))
        }
    }
}
