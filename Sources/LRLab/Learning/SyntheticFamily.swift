/// The seeded synthetic data sets of the data lab: three 1-D regression curves and five 2-D
/// classification sets, the families TensorFlow Playground offers (plus scikit-learn's moons).
///
/// Every set is a pure function of `(rows, noise, seed)`: uniforms and normals (Box–Muller) all
/// come from one `GaussianNoise(seed:)` over `SeededRandom`, so the same
/// arguments give the same rows everywhere. `noise` is the standard deviation of Gaussian noise
/// `ε ~ N(0, noise²)`, in the units of the data: added to the target for regression, to each
/// coordinate of a point for classification (the label is decided before the noise moves the
/// point, so noise makes classes overlap). The formulas, with `u ~ U(a, b)` uniform:
///
///     sine     x ~ U(−1, 1),  y = sin(π x) + ε          (Bishop's sin 2πx on [0, 1], moved to [−1, 1])
///     poly     x ~ U(−1, 1),  y = 4x³ − 3x + ε          (the Chebyshev cubic T₃: range [−1, 1])
///     step     x ~ U(−1, 1),  y = −1 if x < 0 else 1, + ε
///     blobs    class c ∈ {0, 1, 2} at centre (cos θ_c, sin θ_c), θ_c = π/2 + 2πc/3; point = centre + (ε₁, ε₂)
///     moons    t ~ U(0, π);  class 0: (cos t, sin t);  class 1: (1 − cos t, 0.5 − sin t);  + (ε₁, ε₂)
///     circles  t ~ U(0, 2π); class 0 (outer): (cos t, sin t);  class 1 (inner): 0.5·(cos t, sin t);  + (ε₁, ε₂)
///     spirals  s ~ U(0, 1), θ = 3.5π s + cπ;  class c ∈ {0, 1}: s·(sin θ, cos θ);  + (ε₁, ε₂)
///     xor      (x, y) ~ U(−1, 1)²,  class 1 when x·y > 0 (same sign) else 0;  + (ε₁, ε₂)
///
/// Classes are balanced: row `i` belongs to class `i mod K`, so each of the K classes has
/// ⌊n/K⌋ or ⌈n/K⌉ rows (the lower classes get the remainder). Moons and circles follow
/// scikit-learn's `make_moons` / `make_circles` (factor 0.5) with random instead of evenly spaced
/// angles; spirals and xor follow TensorFlow Playground scaled from [−5, 5] to [−1, 1].
public enum SyntheticFamily: String, CaseIterable, Sendable {
    case sine, poly, step
    case blobs, moons, circles, spirals, xor

    /// The family called `name` (case-insensitive), or nil.
    public static func named(_ name: String) -> SyntheticFamily? {
        SyntheticFamily(rawValue: name.lowercased())
    }

    /// Whether the set is 2-D classification (else 1-D regression).
    public var isClassification: Bool {
        switch self {
        case .sine, .poly, .step: return false
        case .blobs, .moons, .circles, .spirals, .xor: return true
        }
    }

    /// The number of classes (nil for regression).
    public var classCount: Int? {
        switch self {
        case .sine, .poly, .step: return nil
        case .blobs: return 3
        case .moons, .circles, .spirals, .xor: return 2
        }
    }

    /// Rows when `n=` is not given: few for the 1-D curves, so that a flexible model can
    /// overfit them (scikit-learn's under/overfitting example uses 30), more for the 2-D sets.
    public var defaultRowCount: Int {
        switch self {
        case .sine, .poly, .step: return 30
        case .blobs, .moons, .circles, .xor: return 200
        case .spirals: return 300
        }
    }

    /// The noise standard deviation when `noise=` is not given.
    public var defaultNoise: Double {
        switch self {
        case .sine, .poly, .step: return 0.2
        case .blobs: return 0.3
        case .moons: return 0.15
        case .circles: return 0.1
        case .spirals, .xor: return 0.05
        }
    }

    /// The formula, in one line, as help prints it.
    public var formula: String {
        switch self {
        case .sine: return "x ~ U(−1, 1), y = sin(πx) + ε"
        case .poly: return "x ~ U(−1, 1), y = 4x³ − 3x + ε"
        case .step: return "x ~ U(−1, 1), y = −1 if x < 0 else 1, + ε"
        case .blobs: return "3 classes around (cos θ, sin θ), θ = 90°, 210°, 330°, + ε per coordinate"
        case .moons: return "t ~ U(0, π): (cos t, sin t) and (1 − cos t, 0.5 − sin t), + ε"
        case .circles: return "t ~ U(0, 2π): radius 1 (class 0) and 0.5 (class 1), + ε"
        case .spirals: return "s ~ U(0, 1), θ = 3.5πs (+π for class 1): s·(sin θ, cos θ), + ε"
        case .xor: return "(x, y) ~ U(−1, 1)², class 1 where x·y > 0, + ε"
        }
    }

    /// The column names: `x` for the curves, `x1, x2` for the 2-D sets.
    public var featureNames: [String] {
        isClassification ? ["x1", "x2"] : ["x"]
    }

    /// Generates `rows` rows with noise standard deviation `noise` from `seed`.
    /// `rows` must be at least 1 and `noise` finite and ≥ 0 (the shell checks both).
    public func generate(rows: Int, noise: Double, seed: UInt64) -> Dataset {
        precondition(rows >= 1, "a data set needs at least one row")
        precondition(noise.isFinite && noise >= 0, "noise is a finite standard deviation ≥ 0")
        var random = GaussianNoise(seed: seed ^ SyntheticFamily.rowStreamKey)
        switch self {
        case .sine, .poly, .step:
            var xs: [Double] = [], ys: [Double] = []
            xs.reserveCapacity(rows)
            ys.reserveCapacity(rows)
            for _ in 0..<rows {
                let x = uniform(-1, 1, &random)
                xs.append(x)
                ys.append(curve(x) + noise * random.nextNormal())
            }
            return Dataset(name: rawValue, featureNames: featureNames, features: xs, target: .values(ys))
        case .blobs, .moons, .circles, .spirals, .xor:
            let classes = classCount ?? 2
            var points: [Double] = [], labels: [Int] = []
            points.reserveCapacity(2 * rows)
            labels.reserveCapacity(rows)
            for row in 0..<rows {
                let label = row % classes
                var point = cleanPoint(forClass: label, classes: classes, random: &random)
                point.x += noise * random.nextNormal()
                point.y += noise * random.nextNormal()
                points.append(point.x)
                points.append(point.y)
                labels.append(label)
            }
            return Dataset(name: rawValue, featureNames: featureNames, features: points,
                           target: .classes(labels: labels, classCount: classes))
        }
    }

    /// `lower + (upper − lower)·u`, u uniform in (0, 1).
    private func uniform(_ lower: Double, _ upper: Double, _ random: inout GaussianNoise) -> Double {
        lower + (upper - lower) * random.nextUniform()
    }

    /// What `generate` mixes into the seed before drawing, so the rows are not drawn from the
    /// very numbers `DataSplit(splitting:seed:)` shuffles them with when both take one seed
    /// (the first 64 bits of π's fraction; any constant that is not a multiple of SplitMix64's
    /// increment gives an unrelated stream).
    public static let rowStreamKey: UInt64 = 0x243F_6A88_85A3_08D3

    /// The noiseless curve of a regression family.
    public func curve(_ x: Double) -> Double {
        switch self {
        case .sine: return _sin(Double.pi * x)
        case .poly: return 4 * x * x * x - 3 * x
        case .step: return x < 0 ? -1 : 1
        default: return .nan
        }
    }

    /// A point of class `wanted` before noise. For xor the point is drawn uniformly in the two
    /// quadrants of its class, which is `U(−1, 1)²` given the class.
    private func cleanPoint(forClass wanted: Int, classes: Int, random: inout GaussianNoise) -> (x: Double, y: Double) {
        let c = Double(wanted)
        switch self {
        case .blobs:
            let angle: Double = Double.pi / 2 + 2 * Double.pi * c / Double(classes)
            return (_cos(angle), _sin(angle))
        case .moons:
            let t: Double = uniform(0, Double.pi, &random)
            if wanted == 0 { return (_cos(t), _sin(t)) }
            return (1 - _cos(t), 0.5 - _sin(t))
        case .circles:
            let t: Double = uniform(0, 2 * Double.pi, &random)
            let radius: Double = wanted == 0 ? 1 : 0.5
            return (radius * _cos(t), radius * _sin(t))
        case .spirals:
            let s: Double = random.nextUniform()
            let angle: Double = 3.5 * Double.pi * s + Double.pi * c
            return (s * _sin(angle), s * _cos(angle))
        case .xor:
            // The quadrant's signs directly: class 1 has x·y > 0, class 0 has x·y < 0.
            let x: Double = random.nextUniform(), y: Double = random.nextUniform()
            let xSign: Double = random.nextUniform() < 0.5 ? -1 : 1
            let ySign: Double = wanted == 1 ? xSign : -xSign
            return (xSign * x, ySign * y)
        case .sine, .poly, .step:
            return (0, 0)
        }
    }
}
