import Testing
@testable import LRLab

@Suite struct DenseKernelsTests {
    /// `dot4` is four `dot`s sharing the weight loads: bit-identical results for every length
    /// (tails of 0–3 included), on seeded values whose sums round differently in other orders.
    @Test(arguments: [0, 1, 3, 4, 5, 7, 8, 13, 64])
    func dot4EqualsFourDots(count: Int) {
        var random = SeededRandom(seed: UInt64(count) + 7)
        let w = (0..<count).map { _ in random.nextUniform(in: -1...1) * 1e3 }
        let xs = (0..<4).map { _ in (0..<count).map { _ in random.nextUniform(in: -1...1) } }
        w.withUnsafeBufferPointer { w in
            xs[0].withUnsafeBufferPointer { x0 in xs[1].withUnsafeBufferPointer { x1 in
                xs[2].withUnsafeBufferPointer { x2 in xs[3].withUnsafeBufferPointer { x3 in
                    let base = w.baseAddress ?? UnsafePointer(bitPattern: 8)!
                    func p(_ b: UnsafeBufferPointer<Double>) -> UnsafePointer<Double> { b.baseAddress ?? base }
                    let four = DenseKernels.dot4(base, p(x0), p(x1), p(x2), p(x3), count: count)
                    let one = [x0, x1, x2, x3].map { DenseKernels.dot(base, p($0), count: count) }
                    #expect([four.0, four.1, four.2, four.3].map(\.bitPattern) == one.map(\.bitPattern))
                } }
            } }
        }
    }

    /// The blocked forward pass gives the same outputs, bit for bit, whatever the batch size:
    /// rows in blocks of four and the rows left over are summed alike.
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
}
