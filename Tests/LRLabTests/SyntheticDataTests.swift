import Testing
@testable import LRLab

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The synthetic data sets: seeded, deterministic, and true to the formulas their doc comment
/// and `help data` state.
@Suite struct SyntheticDataTests {
    @Test(arguments: SyntheticFamily.allCases)
    func sameSeedSameRowsOtherSeedOtherRows(family: SyntheticFamily) {
        let a = family.generate(rows: 50, noise: family.defaultNoise, seed: 7)
        let b = family.generate(rows: 50, noise: family.defaultNoise, seed: 7)
        let c = family.generate(rows: 50, noise: family.defaultNoise, seed: 8)
        #expect(a == b)
        #expect(a.features != c.features)
        #expect(a.rowCount == 50)
        #expect(a.featureCount == (family.isClassification ? 2 : 1))
        #expect(a.classCount == family.classCount)
        #expect(a.features.allSatisfy { $0.isFinite })
    }

    @Test(arguments: SyntheticFamily.allCases.filter(\.isClassification), [1, 2, 3, 100, 101, 202])
    func classesAreBalanced(family: SyntheticFamily, rows: Int) throws {
        let data = family.generate(rows: rows, noise: 0.1, seed: 1)
        let classes = try #require(data.classCount)
        guard case .classes(let labels, _) = data.target else { Issue.record("not classes"); return }
        var counts = [Int](repeating: 0, count: classes)
        for label in labels { counts[label] += 1 }
        // Row i is class i mod K: the first rows % K classes have one row more.
        for (label, count) in counts.enumerated() {
            #expect(count == rows / classes + (label < rows % classes ? 1 : 0), "class \(label) of \(rows) rows")
        }
    }

    /// The points of class `label`.
    func points(_ data: Dataset, label: Int) -> [(x: Double, y: Double)] {
        guard case .classes(let labels, _) = data.target else { return [] }
        return labels.indices.filter { labels[$0] == label }.map { (data.features[2 * $0], data.features[2 * $0 + 1]) }
    }

    @Test func circlesWithoutNoiseLieOnRadiiOneAndOneHalf() {
        let data = SyntheticFamily.circles.generate(rows: 400, noise: 0, seed: 3)
        for (label, radius) in [(0, 1.0), (1, 0.5)] {
            let ring = points(data, label: label)
            #expect(ring.count == 200)
            #expect(ring.allSatisfy { abs(hypot($0.x, $0.y) - radius) < 1e-12 })
            // Angles cover the whole circle: every quadrant holds points.
            #expect(Set(ring.map { ($0.x > 0 ? 1 : 0) + ($0.y > 0 ? 2 : 0) }).count == 4)
        }
    }

    @Test func circlesMeanRadiusWithNoiseStaysNearTheRing() {
        // With ε ~ N(0, σ²) per coordinate the radius grows on average by about σ²/(2r).
        let data = SyntheticFamily.circles.generate(rows: 20_000, noise: 0.05, seed: 4)
        for (label, radius) in [(0, 1.0), (1, 0.5)] {
            let ring = points(data, label: label)
            let mean = ring.map { hypot($0.x, $0.y) }.reduce(0, +) / Double(ring.count)
            #expect(abs(mean - (radius + 0.0025 / (2 * radius))) < 0.003, "class \(label): mean radius \(mean)")
        }
    }

    @Test func moonsWithoutNoiseLieOnTheirHalfCircles() {
        let data = SyntheticFamily.moons.generate(rows: 300, noise: 0, seed: 5)
        let upper = points(data, label: 0), lower = points(data, label: 1)
        #expect(upper.allSatisfy { abs(hypot($0.x, $0.y) - 1) < 1e-12 && $0.y >= 0 })
        #expect(lower.allSatisfy { abs(hypot($0.x - 1, $0.y - 0.5) - 1) < 1e-12 && $0.y <= 0.5 })
    }

    @Test func blobsWithoutNoiseAreTheirCentresAndNoiseHasTheStatedSpread() {
        let exact = SyntheticFamily.blobs.generate(rows: 30, noise: 0, seed: 6)
        let sigma = 0.3
        let noisy = SyntheticFamily.blobs.generate(rows: 30_000, noise: sigma, seed: 6)
        for label in 0..<3 {
            let angle = Double.pi / 2 + 2 * Double.pi * Double(label) / 3
            let centre = (x: cos(angle), y: sin(angle))
            #expect(points(exact, label: label).allSatisfy { abs($0.x - centre.x) < 1e-15 && abs($0.y - centre.y) < 1e-15 })
            let deviations = points(noisy, label: label).flatMap { [$0.x - centre.x, $0.y - centre.y] }
            let n = Double(deviations.count)
            let mean = deviations.reduce(0, +) / n
            let sd = (deviations.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)).squareRoot()
            // 20,000 normals: the mean's standard error is σ/√n ≈ 0.002, the sd's σ/√(2n) ≈ 0.0015.
            #expect(abs(mean) < 0.01, "class \(label) mean \(mean)")
            #expect(abs(sd - sigma) < 0.008, "class \(label) sd \(sd)")
        }
    }

    @Test func spiralsWithoutNoiseFollowTheirFormula() {
        let data = SyntheticFamily.spirals.generate(rows: 200, noise: 0, seed: 8)
        for label in 0..<2 {
            for point in points(data, label: label) {
                let s = hypot(point.x, point.y)
                let angle = 3.5 * Double.pi * s + Double.pi * Double(label)
                #expect(s < 1)
                #expect(abs(point.x - s * sin(angle)) < 1e-12 && abs(point.y - s * cos(angle)) < 1e-12)
            }
        }
    }

    @Test func xorLabelsAreTheSignOfTheProduct() {
        let data = SyntheticFamily.xor.generate(rows: 400, noise: 0, seed: 9)
        guard case .classes(let labels, _) = data.target else { Issue.record("not classes"); return }
        var quadrants = Set<Int>()
        for row in 0..<data.rowCount {
            let x = data.features[2 * row], y = data.features[2 * row + 1]
            #expect(abs(x) < 1 && abs(y) < 1)
            #expect(labels[row] == (x * y > 0 ? 1 : 0))
            quadrants.insert((x > 0 ? 1 : 0) + (y > 0 ? 2 : 0))
        }
        #expect(quadrants.count == 4)
    }

    @Test(arguments: [SyntheticFamily.sine, .poly, .step])
    func curvesWithoutNoiseAreTheirFormula(family: SyntheticFamily) {
        let data = SyntheticFamily.generate(family)(rows: 100, noise: 0, seed: 10)
        guard case .values(let ys) = data.target else { Issue.record("not values"); return }
        for (x, y) in zip(data.features, ys) {
            let expected: Double
            switch family {
            case .sine: expected = sin(Double.pi * x)
            case .poly: expected = 4 * x * x * x - 3 * x
            default: expected = x < 0 ? -1 : 1
            }
            #expect(abs(x) < 1)
            #expect(abs(y - expected) < 1e-12, "\(family) at x = \(x)")
        }
    }

    @Test func regressionNoiseHasTheStatedSpreadAndXIsUniform() {
        let sigma = 0.5, n = 20_000.0
        let data = SyntheticFamily.sine.generate(rows: Int(n), noise: sigma, seed: 11)
        guard case .values(let ys) = data.target else { Issue.record("not values"); return }
        let residuals = zip(data.features, ys).map { $1 - sin(Double.pi * $0) }
        let mean = residuals.reduce(0, +) / n
        let sd = (residuals.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)).squareRoot()
        #expect(abs(mean) < 4 * sigma / n.squareRoot())
        #expect(abs(sd - sigma) < 4 * sigma / (2 * n).squareRoot())
        // U(−1, 1) has mean 0 and variance 1/3.
        let xMean = data.features.reduce(0, +) / n
        let xVariance = data.features.map { ($0 - xMean) * ($0 - xMean) }.reduce(0, +) / (n - 1)
        #expect(abs(xMean) < 4 * (1.0 / 3 / n).squareRoot())
        #expect(abs(xVariance - 1.0 / 3) < 0.01)
    }

    @Test(arguments: [(200, 0.8, 160), (7, 0.5, 3), (10, 1.0, 10), (3, 0.01, 1), (1, 0.8, 1), (1_797, 0.8, 1_437), (100, 0.29, 29), (10, 0.7, 7), (9, 0.99, 8)])
    func splitSizesAreExact(rows: Int, fraction: Double, training: Int) {
        let data = SyntheticFamily.moons.generate(rows: rows, noise: 0.1, seed: 12)
        let split = DataSplit(splitting: data, trainingFraction: fraction, seed: 12)
        #expect(split.training.rowCount == training)
        #expect((split.validation?.rowCount ?? 0) == rows - training)
        #expect(split.validation == nil || rows > training)
        // The two parts hold every row once.
        let all = split.validation.map { Dataset(concatenating: split.training, $0) } ?? split.training
        let key = { (d: Dataset) in (0..<d.rowCount).map { "\(d.features(ofRow: $0))" }.sorted() }
        #expect(key(all) == key(data))
    }

    @Test func concatenatingKeepsRowsInOrderAndClassNames() {
        let a = Dataset(name: "a", featureNames: ["x"], features: [1, 2], target: .classes(labels: [0, 1], classCount: 2),
                        classNames: ["-1", "1"])
        let b = Dataset(name: "b", featureNames: ["x"], features: [3], target: .classes(labels: [1], classCount: 2))
        let both = Dataset(concatenating: a, b)
        #expect(both.features == [1, 2, 3])
        #expect(both.target == .classes(labels: [0, 1, 1], classCount: 2))
        #expect(both.className(0) == "-1" && both.className(1) == "1")
        #expect(b.className(1) == "1")
        #expect(both.subset(rows: [2]).classNames == ["-1", "1"])
    }
}
