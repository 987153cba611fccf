import Testing
@testable import LRLab

/// Plain Adam's kernel (`AdamKernel`, through `Adam.update`) updates two parameters at a time;
/// each lane must compute exactly the scalar rule, so the parameters equal, bit for bit, the
/// plain loop over the documented equations, for odd and even counts (the last parameter alone
/// included).
@Suite struct AdamKernelTests {
    @Test(arguments: [1, 2, 3, 7, 64])
    func pairsEqualTheScalarRule(count: Int) {
        var random = SeededRandom(seed: UInt64(count))
        var adam = Adam()
        var theta = (0..<count).map { _ in random.nextUniform(in: -1...1) }
        var expected = theta
        var m = [Double](repeating: 0, count: count), v = m
        let (beta1, beta2, epsilon, rate) = (0.9, 0.999, 1e-8, 0.01)
        for step in 1...5 {
            let gradient = (0..<count).map { _ in random.nextUniform(in: -3...3) * (step == 3 ? 1e-9 : 1) }
            adam.update(parameters: &theta, gradient: gradient, learningRate: rate, step: step)
            var power1 = 1.0, power2 = 1.0
            for _ in 0..<step { power1 *= beta1; power2 *= beta2 }
            let (c1, c2) = (1 - power1, 1 - power2)
            for index in 0..<count {
                m[index] = beta1 * m[index] + (1 - beta1) * gradient[index]
                v[index] = beta2 * v[index] + (1 - beta2) * gradient[index] * gradient[index]
                expected[index] -= rate / ((v[index] / c2).squareRoot() + epsilon) * (m[index] / c1)
            }
            #expect(theta.map(\.bitPattern) == expected.map(\.bitPattern), "step \(step)")
        }
    }

    /// Past t ≈ 360 the first bias correction is exactly 1 and the loop leaves out m / c₁:
    /// still the scalar rule, bit for bit, on every step across the switch.
    @Test func pairsEqualTheScalarRuleOnceTheFirstCorrectionIsOne() {
        let count = 5
        var random = SeededRandom(seed: 42)
        var adam = Adam()
        var theta = (0..<count).map { _ in random.nextUniform(in: -1...1) }
        var expected = theta
        var m = [Double](repeating: 0, count: count), v = m
        var power1 = 1.0, power2 = 1.0
        var sawCorrectionOne = false
        for step in 1...400 {
            let gradient = (0..<count).map { _ in random.nextUniform(in: -3...3) }
            adam.update(parameters: &theta, gradient: gradient, learningRate: 0.01, step: step)
            power1 *= 0.9
            power2 *= 0.999
            let (c1, c2) = (1 - power1, 1 - power2)
            sawCorrectionOne = sawCorrectionOne || c1 == 1
            for index in 0..<count {
                m[index] = 0.9 * m[index] + (1 - 0.9) * gradient[index]
                v[index] = 0.999 * v[index] + (1 - 0.999) * gradient[index] * gradient[index]
                expected[index] -= 0.01 / ((v[index] / c2).squareRoot() + 1e-8) * (m[index] / c1)
            }
            if theta.map(\.bitPattern) != expected.map(\.bitPattern) {
                Issue.record("step \(step) differs")
                return
            }
        }
        #expect(sawCorrectionOne && adam.biasCorrection1 == 1)
    }

    /// The two-lane square root equals the scalar one bit for bit, NaNs from negative inputs
    /// and the signs of zero included.
    @Test func twoLaneSquareRootsAreTheScalarOnes() {
        let values: [Double] = [0, -0.0, 1, 2, 1e-300, .leastNonzeroMagnitude, .greatestFiniteMagnitude, .infinity, -.infinity,
                                -1, -.leastNonzeroMagnitude, .nan, -.nan, Double(bitPattern: 0x7FF8_0000_0000_BEEF), 0.999e-8]
        for first in values {
            for second in values {
                let lanes = AdamKernel.squareRoots(SIMD2(first, second))
                #expect(lanes[0].bitPattern == first.squareRoot().bitPattern, "√\(first)")
                #expect(lanes[1].bitPattern == second.squareRoot().bitPattern, "√\(second)")
            }
        }
    }
}
