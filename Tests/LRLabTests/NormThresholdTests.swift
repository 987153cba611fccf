import Foundation
import Testing
@testable import LRLab

/// `NormThreshold` must answer exactly as `s.squareRoot() < threshold` does, above all for
/// sums of squares within a few ulps of threshold², where its shortcuts hand over to the root.
@Suite struct NormThresholdTests {
    static let thresholds: [Double] = [1e-8, 1, 2, 0.1, 3.7e5, 1e-150, 1e150, 1e-155, 1e155, 0x1p-500,
                                       .leastNormalMagnitude, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
                                       0, -0.0, -1, .infinity, -.infinity, .nan]

    @Test(arguments: thresholds)
    func agreesWithTheSquareRootNearTheBoundary(threshold: Double) {
        let test = NormThreshold(threshold)
        let square = threshold * threshold
        var sums: [Double] = [0, -0.0, .infinity, .nan, .leastNonzeroMagnitude, .greatestFiniteMagnitude, square]
        // Every double within 6000 ulps of threshold²: past both shortcuts' bounds (about 4096 ulps away).
        var below = square, above = square
        for _ in 0..<6000 {
            below = below.nextDown
            above = above.nextUp
            sums += [below, above]
        }
        // Squares of the doubles next to the threshold itself.
        var near = threshold
        for _ in 0..<50 {
            near = near.nextUp
            sums.append(near * near)
        }
        near = threshold
        for _ in 0..<50 {
            near = near.nextDown
            sums.append(near * near)
        }
        for sum in sums {
            #expect(test.isMet(bySumOfSquares: sum) == (sum.squareRoot() < threshold),
                    "threshold \(threshold), sum of squares \(sum)")
        }
    }

    @Test func agreesWithTheSquareRootOnRandomSums() {
        var random = TestRandom(seed: 11)
        for _ in 0..<20_000 {
            let threshold = Foundation.pow(10, random.uniform(-160...160))
            let test = NormThreshold(threshold)
            let sum = threshold * threshold * random.uniform(0.999_999...1.000_001)
            #expect(test.isMet(bySumOfSquares: sum) == (sum.squareRoot() < threshold),
                    "threshold \(threshold), sum of squares \(sum)")
        }
    }
}
