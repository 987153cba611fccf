import Testing
@testable import LRLab

/// The dense kernels against the plain triple loops their doc comments state, bit for bit:
/// each output is the same sequential sum (skipping a term whose multiplier is exactly 0
/// adds nothing when the weights are finite), so no tolerance is needed. Shapes cover every
/// block width (24 or 16 outputs at a time, then the last 1–15 together), no row, one row,
/// one unit, and rows and inputs of zeros.
@Suite struct DenseKernelsTests {
    /// (rows, inputs, outputs).
    static let shapes: [(Int, Int, Int)] = [(1, 1, 1), (1, 64, 32), (1, 130, 3), (70, 65, 9), (5, 7, 3), (3, 32, 10), (4, 17, 33), (7, 2, 31), (32, 64, 32),
                                            (2, 5, 16), (6, 1, 47), (0, 5, 3), (0, 17, 10)]

    /// Seeded values in [−1, 1] with about `zeros` of them exactly 0 (as digits' pixels and
    /// ReLU outputs are), scaled so that sums round differently in another order.
    static func values(_ count: Int, seed: UInt64, zeros: Double = 0.5) -> [Double] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { _ in
            random.nextUniform(in: 0...1) < zeros ? 0 : random.nextUniform(in: -1...1) * 1e3
        }
    }

    static func scratch(_ rows: Int, _ inputs: Int, _ outputs: Int) -> Int {
        DenseKernels.scratchCount(rows: rows, inputWidth: inputs, outputWidth: outputs)
    }

    @Test(arguments: shapes)
    func affineIsTheTripleLoop(shape: (Int, Int, Int)) {
        let (rows, inputs, outputs) = shape
        let x = Self.values(rows * inputs, seed: 1), w = Self.values(outputs * inputs, seed: 2, zeros: 0)
        let b = Self.values(outputs, seed: 3, zeros: 0)
        var expected = [Double](repeating: 0, count: rows * outputs)
        for r in 0..<rows {
            for j in 0..<outputs {
                var z = b[j]
                for i in 0..<inputs { z += x[r * inputs + i] * w[j * inputs + i] }
                expected[r * outputs + j] = z
            }
        }
        var masks = [UInt64](repeating: 0, count: Self.scratch(rows, inputs, outputs))
        // Both ways of loading the weights: transposed first (from row 0 on), and strided (never transposed).
        for threshold in [0, Int.max] {
            var transposed = [Double](repeating: .nan, count: inputs * outputs)
            var z = [Double](repeating: .nan, count: rows * outputs)
            DenseKernels.affine(rows: rows, inputs: x, inputWidth: inputs, weights: w, biases: b, outputs: &z, outputWidth: outputs,
                                transposed: &transposed, masks: &masks, transposeFrom: threshold)
            #expect(z.map(\.bitPattern) == expected.map(\.bitPattern), "transposing from \(threshold) rows")
        }
    }

    @Test(arguments: shapes)
    func gradientsAreTheTripleLoop(shape: (Int, Int, Int)) {
        let (rows, inputs, outputs) = shape
        let a = Self.values(rows * inputs, seed: 4), d = Self.values(rows * outputs, seed: 5, zeros: 0.3)
        let startW = Self.values(outputs * inputs, seed: 6, zeros: 0), startB = Self.values(outputs, seed: 7, zeros: 0)
        var expectedW = startW, expectedB = startB
        for j in 0..<outputs {
            for i in 0..<inputs {
                var s = 0.0
                for r in 0..<rows { s += d[r * outputs + j] * a[r * inputs + i] }
                expectedW[j * inputs + i] += s
            }
            var s = 0.0
            for r in 0..<rows { s += d[r * outputs + j] }
            expectedB[j] += s
        }
        var masks = [UInt64](repeating: 0, count: Self.scratch(rows, inputs, outputs))
        var gw = startW, gb = startB
        DenseKernels.addGradients(rows: rows, inputs: a, inputWidth: inputs, deltas: d, outputWidth: outputs,
                                  weightGradient: &gw, biasGradient: &gb, masks: &masks)
        #expect(gw.map(\.bitPattern) == expectedW.map(\.bitPattern))
        #expect(gb.map(\.bitPattern) == expectedB.map(\.bitPattern))
    }

    @Test(arguments: shapes)
    func propagationIsTheTripleLoop(shape: (Int, Int, Int)) {
        let (rows, inputs, outputs) = shape
        let d = Self.values(rows * outputs, seed: 8), w = Self.values(outputs * inputs, seed: 9, zeros: 0)
        var expected = [Double](repeating: 0, count: rows * inputs)
        for r in 0..<rows {
            for i in 0..<inputs {
                var p = 0.0
                for j in 0..<outputs { p += d[r * outputs + j] * w[j * inputs + i] }
                expected[r * inputs + i] = p
            }
        }
        var p = [Double](repeating: .nan, count: rows * inputs)
        var masks = [UInt64](repeating: 0, count: Self.scratch(rows, inputs, outputs))
        DenseKernels.propagate(rows: rows, deltas: d, outputWidth: outputs, weights: w, inputWidth: inputs, into: &p,
                               masks: &masks)
        #expect(p.map(\.bitPattern) == expected.map(\.bitPattern))
    }

    /// Every width of the last block (1–15 lanes after the blocks of 24 and 16,
    /// `JoinedLanes`), and every mix of those blocks up to 50, as outputs and as inputs,
    /// against the triple loops.
    @Test(arguments: 1...50)
    func everyBlockWidthIsTheTripleLoop(width: Int) {
        for shape in [(3, width, width), (9, 7, width), (2, width, 5)] {
            affineIsTheTripleLoop(shape: shape)
            gradientsAreTheTripleLoop(shape: shape)
            propagationIsTheTripleLoop(shape: shape)
        }
    }

    /// Zeros are skipped but non-finite multipliers are not: a NaN or infinite input reaches
    /// every output it feeds, while a 0 input against an infinite weight adds nothing (the
    /// documented difference from the triple loop, which would give NaN).
    @Test func zerosAreSkippedAndNonFiniteInputsAreNot() {
        let w: [Double] = [1, 2, .infinity, 4, 5, 6]  // 2 outputs × 3 inputs
        var transposed = [Double](repeating: 0, count: 6), masks = [UInt64](repeating: 0, count: 1)
        var z = [Double](repeating: 0, count: 6)
        DenseKernels.affine(rows: 3, inputs: [1, 1, 0, .nan, 0, 0, 0, .infinity, 0], inputWidth: 3, weights: w,
                            biases: [0.5, -0.5], outputs: &z, outputWidth: 2, transposed: &transposed, masks: &masks)
        #expect(z[0] == 3.5 && z[1] == 8.5)
        #expect(z[2].isNaN && z[3].isNaN)
        #expect(z[4] == .infinity && z[5] == .infinity)
    }

    /// The forward pass gives the same outputs, bit for bit, whatever the batch size.
    @Test func forwardDoesNotDependOnTheBatch() {
        let network = DenseNetwork(widths: [5, 7, 3])
        let parameters = network.initialParameters(.seeded(3))
        var random = SeededRandom(seed: 11)
        let inputs = (0..<(9 * 5)).map { _ in random.nextUniform(in: -2...2) }
        let data = Dataset(name: "t", featureNames: (1...5).map { "x\($0)" }, features: inputs,
                           target: .classes(labels: Array(repeating: 0, count: 9), classCount: 3))
        let loss = ModelLoss(model: network, data: data)
        let together = loss.outputs(at: parameters, inputs: inputs)
        let alone = (0..<9).flatMap { row in loss.outputs(at: parameters, inputs: Array(inputs[row * 5..<(row + 1) * 5])) }
        #expect(together.map(\.bitPattern) == alone.map(\.bitPattern))
    }

    /// Each kernel asks `shouldStop` once per `DenseKernels.stopInterval` rows (or units), and
    /// returns false at the first yes. A layer of 1024 × 1024 is one interval a row: it asks
    /// before every row, so a stop takes effect within a row's work.
    @Test func eachKernelAsksBetweenBlocksOfRowsAndStopsAtTheFirstYes() {
        let (rows, inputs, outputs) = (3, 1024, 1024)
        #expect(DenseKernels.stopInterval(work: inputs * outputs) == 1)
        #expect(DenseKernels.stopInterval(work: 16) == DenseKernels.workBetweenStopChecks / 16)
        let x = Self.values(rows * inputs, seed: 1), w = Self.values(outputs * inputs, seed: 2, zeros: 0)
        let b = Self.values(outputs, seed: 3, zeros: 0)
        var masks = [UInt64](repeating: 0, count: Self.scratch(rows, inputs, outputs))
        var transposed = [Double](repeating: 0, count: inputs * outputs)
        var z = [Double](repeating: 0, count: rows * outputs), gw = [Double](repeating: 0, count: inputs * outputs)
        var gb = [Double](repeating: 0, count: outputs), p = [Double](repeating: 0, count: rows * inputs)
        for stopAt in [Int.max, 1, 2] {
            var asked = 0
            let stop = { asked += 1; return asked >= stopAt }
            let affine = DenseKernels.affine(rows: rows, inputs: x, inputWidth: inputs, weights: w, biases: b, outputs: &z,
                                             outputWidth: outputs, transposed: &transposed, masks: &masks, shouldStop: stop)
            #expect(affine == (stopAt > rows) && asked == min(rows, stopAt), "affine, stop at \(stopAt)")
            asked = 0
            let propagated = DenseKernels.propagate(rows: rows, deltas: z, outputWidth: outputs, weights: w, inputWidth: inputs,
                                                    into: &p, masks: &masks, shouldStop: stop)
            #expect(propagated == (stopAt > rows) && asked == min(rows, stopAt), "propagate, stop at \(stopAt)")
            asked = 0
            // Units of 3 rows × 1024 inputs: one question every 341 units.
            let added = DenseKernels.addGradients(rows: rows, inputs: x, inputWidth: inputs, deltas: z, outputWidth: outputs,
                                                  weightGradient: &gw, biasGradient: &gb, masks: &masks, shouldStop: stop)
            let questions = outputs / DenseKernels.stopInterval(work: rows * inputs)
            #expect(added == (stopAt > questions) && asked == min(questions, stopAt), "addGradients, stop at \(stopAt)")
        }
    }
}

/// ReLU's derivative two lanes at a time equals the scalar select, bit for bit, for every
/// kind of input (±0, NaN, infinities) and odd and even counts.
@Suite struct KeepWhereActiveTests {
    @Test(arguments: [0, 1, 2, 7, 16])
    func lanesEqualTheScalarSelect(count: Int) {
        let inputs: [Double] = [1, -1, 0, -0.0, .nan, .infinity, -.infinity, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, 3]
        let a = (0..<count).map { inputs[$0 % inputs.count] }
        let p = (0..<count).map { Double($0) - 3.5 }
        var kept = p
        kept.withUnsafeMutableBufferPointer { kept in
            a.withUnsafeBufferPointer { a in
                if let k = kept.baseAddress, let input = a.baseAddress { DenseKernels.keepWhereActive(k, input: input, count: count) }
            }
        }
        let expected = (0..<count).map { a[$0] > 0 ? p[$0] : 0 }
        #expect(kept.map(\.bitPattern) == expected.map(\.bitPattern))
    }
}
