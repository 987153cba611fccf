/// `model poly degree=N`: a polynomial of degree N in each feature, fitted as a linear layer
/// over the powers z, z², …, z^N of each feature's **scaled** value z.
///
/// **Scaling.** Each feature x is mapped to [−1, 1] by the training set's range [lo, hi]:
/// z = (2x − lo − hi)/(hi − lo) (z = x − lo when every training value is the same). Powers of
/// numbers in [−1, 1] stay in [−1, 1], so degree 15 is as trainable as degree 3: on raw x in
/// [−3, 3] the feature x¹⁵ would reach 1.4·10⁷ and any learning rate that moves the low powers
/// would explode the high ones. Points outside the training range extrapolate (|z| > 1).
///
/// **Layout**: one output per class (or one for regression): `layer1.weight` (`outputs ×
/// features·N`, columns feature-major: z₁, z₁², …, z₁^N, z₂, …), then `layer1.bias`.
public struct PolynomialModel: Model {
    public let degree: Int
    /// The training range of each feature, which the scaling maps to [−1, 1].
    public let lowerBounds: [Double]
    public let upperBounds: [Double]
    /// The linear layer over the powers.
    public let network: DenseNetwork

    /// A polynomial of `degree` (≥ 1) in features whose training ranges are
    /// `lowerBounds[i]...upperBounds[i]`, with `outputs` outputs.
    public init(degree: Int, lowerBounds: [Double], upperBounds: [Double], outputs: Int) {
        precondition(degree >= 1 && !lowerBounds.isEmpty && lowerBounds.count == upperBounds.count, "a polynomial needs a degree and ranges")
        self.degree = degree
        self.lowerBounds = lowerBounds
        self.upperBounds = upperBounds
        self.network = DenseNetwork(widths: [lowerBounds.count * degree, outputs])
    }

    /// A polynomial of `degree` scaled by the range of each feature of `data`.
    public init(degree: Int, scaledBy data: Dataset, outputs: Int) {
        var lower = [Double](repeating: .infinity, count: data.featureCount)
        var upper = [Double](repeating: -.infinity, count: data.featureCount)
        for row in 0..<data.rowCount {
            for (column, value) in data.features(ofRow: row).enumerated() {
                lower[column] = Swift.min(lower[column], value)
                upper[column] = Swift.max(upper[column], value)
            }
        }
        self.init(degree: degree, lowerBounds: lower, upperBounds: upper, outputs: outputs)
    }

    public var inputCount: Int { lowerBounds.count }
    public var outputCount: Int { network.outputCount }
    public var parameterCount: Int { network.parameterCount }
    public var layout: [ParameterBlock] { network.layout }

    public var layerDescriptions: [String] {
        ["powers z … z^\(degree) of each feature scaled to [−1, 1]: \(inputCount) → \(inputCount * degree)"]
            + network.layerDescriptions
    }

    /// The scaled value z of `value` of feature `feature`.
    public func scaled(_ value: Double, feature: Int) -> Double {
        let (lower, upper) = (lowerBounds[feature], upperBounds[feature])
        return upper > lower ? (2 * value - lower - upper) / (upper - lower) : value - lower
    }

    private var expandedWidth: Int { inputCount * degree }

    public func workspaceCount(rows: Int) -> Int {
        rows * expandedWidth + network.workspaceCount(rows: rows)
    }

    /// Writes the powers of the scaled features of each row into the workspace's start.
    private func expand(_ inputs: UnsafeBufferPointer<Double>, rows: Int, into workspace: UnsafeMutableBufferPointer<Double>) {
        let (features, width) = (inputCount, expandedWidth)
        for row in 0..<rows {
            for feature in 0..<features {
                let z = scaled(inputs[row * features + feature], feature: feature)
                var power = 1.0
                for exponent in 0..<degree {
                    power *= z
                    workspace[row * width + feature * degree + exponent] = power
                }
            }
        }
    }

    public func forward(parameters: Span<Double>, inputs: Span<Double>, rows: Int,
                        outputs: inout MutableSpan<Double>, workspace: inout MutableSpan<Double>) {
        ModelBuffers.forward(parameters: parameters, inputs: inputs, outputs: &outputs, workspace: &workspace) {
            forwardPass(parameters: $0, inputs: $1, rows: rows, outputs: $2, workspace: $3)
        }
    }

    public func backward(parameters: Span<Double>, inputs: Span<Double>, rows: Int, outputGradient: inout MutableSpan<Double>,
                         gradient: inout MutableSpan<Double>, workspace: inout MutableSpan<Double>) {
        ModelBuffers.backward(parameters: parameters, inputs: inputs, outputGradient: &outputGradient, gradient: &gradient,
                              workspace: &workspace) {
            backwardPass(parameters: $0, inputs: $1, rows: rows, outputGradient: $2, gradient: $3, workspace: $4)
        }
    }

    /// `forward` on the buffers the spans cover.
    func forwardPass(parameters: UnsafeBufferPointer<Double>, inputs: UnsafeBufferPointer<Double>, rows: Int,
                        outputs: UnsafeMutableBufferPointer<Double>, workspace: UnsafeMutableBufferPointer<Double>) {
        expand(inputs, rows: rows, into: workspace)
        let split = rows * expandedWidth
        network.forwardPass(parameters: parameters, inputs: UnsafeBufferPointer(rebasing: workspace[0..<split]), rows: rows,
                        outputs: outputs, workspace: UnsafeMutableBufferPointer(rebasing: workspace[split...]))
    }

    /// `backward` on the buffers the spans cover.
    func backwardPass(parameters: UnsafeBufferPointer<Double>, inputs: UnsafeBufferPointer<Double>, rows: Int,
                         outputGradient: UnsafeMutableBufferPointer<Double>, gradient: UnsafeMutableBufferPointer<Double>,
                         workspace: UnsafeMutableBufferPointer<Double>) {
        let split = rows * expandedWidth
        network.backwardPass(parameters: parameters, inputs: UnsafeBufferPointer(rebasing: workspace[0..<split]), rows: rows,
                         outputGradient: outputGradient, gradient: gradient,
                         workspace: UnsafeMutableBufferPointer(rebasing: workspace[split...]))
    }
}
