#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Fully connected layers, PyTorch's `nn.Sequential(nn.Linear, act, …, nn.Linear)`: `widths`
/// = [inputs, hidden₁, …, outputs], the activation after every layer but the last, whose
/// outputs are returned as they are (predictions or logits). With no hidden layer it is
/// `model linear` (one output) or `model logistic` (one logit per class); with hidden
/// layers, `model mlp`.
///
/// **Layout**: layer after layer, its weight (`out × in`, row-major: `nn.Linear.weight`)
/// then its bias (`out`), so layer k's blocks are named `layerk.weight`, `layerk.bias`.
///
/// **Workspace** for `rows` rows: each hidden layer's activations (`rows × width`), then two
/// buffers of `rows × widest hidden` for the backward pass's deltas.
public struct DenseNetwork: Model {
    /// The nonlinearity between layers.
    public enum Activation: String, Sendable, Hashable, CaseIterable {
        /// max(0, z); its derivative is taken as 0 at z = 0, as PyTorch does.
        case relu
        /// tanh z, derivative 1 − tanh² z.
        case tanh
    }

    /// [inputs, hidden widths…, outputs].
    public let widths: [Int]
    public let activation: Activation
    public let layout: [ParameterBlock]
    public let parameterCount: Int
    /// Where each layer's weight and bias start.
    private let weightOffsets: [Int]
    private let biasOffsets: [Int]

    /// A network with layer widths `widths` (at least an input and an output width, each ≥ 1).
    public init(widths: [Int], activation: Activation = .relu) {
        precondition(widths.count >= 2 && widths.allSatisfy { $0 >= 1 }, "a network needs positive input and output widths")
        self.widths = widths
        self.activation = activation
        var layout: [ParameterBlock] = [], weightOffsets: [Int] = [], biasOffsets: [Int] = []
        var offset = 0
        for layer in 0..<widths.count - 1 {
            let (inputs, outputs) = (widths[layer], widths[layer + 1])
            weightOffsets.append(offset)
            layout.append(ParameterBlock(name: "layer\(layer + 1).weight", kind: .weight, offset: offset,
                                         rows: outputs, columns: inputs, fanIn: inputs))
            offset += outputs * inputs
            biasOffsets.append(offset)
            layout.append(ParameterBlock(name: "layer\(layer + 1).bias", kind: .bias, offset: offset,
                                         rows: outputs, columns: 1, fanIn: inputs))
            offset += outputs
        }
        self.layout = layout
        self.weightOffsets = weightOffsets
        self.biasOffsets = biasOffsets
        self.parameterCount = offset
    }

    public var inputCount: Int { widths[0] }
    public var outputCount: Int { widths[widths.count - 1] }
    /// Dense layers (hidden layers + 1).
    public var layerCount: Int { widths.count - 1 }
    public var hiddenWidths: [Int] { Array(widths.dropFirst().dropLast()) }

    public var layerDescriptions: [String] {
        (0..<layerCount).map { layer in
            "dense \(widths[layer]) → \(widths[layer + 1])" + (layer < layerCount - 1 ? ", \(activation.rawValue)" : "")
        }
    }

    public func workspaceCount(rows: Int) -> Int {
        let hidden = hiddenWidths
        return rows * (hidden.reduce(0, +) + 2 * (hidden.max() ?? 0))
    }

    /// Where hidden layer `layer`'s (0-based) activations start in the workspace.
    private func activationOffset(_ layer: Int, rows: Int) -> Int {
        rows * widths[1..<(1 + layer)].reduce(0, +)
    }

    public func forward(parameters: UnsafeBufferPointer<Double>, inputs: UnsafeBufferPointer<Double>, rows: Int,
                        outputs: UnsafeMutableBufferPointer<Double>, workspace: UnsafeMutableBufferPointer<Double>) {
        guard let parameterBase = parameters.baseAddress, let outputBase = outputs.baseAddress, rows > 0 else { return }
        var input = inputs.baseAddress!
        var hiddenOffset = 0
        for layer in 0..<layerCount {
            let (inputWidth, outputWidth) = (widths[layer], widths[layer + 1])
            let isLast = layer == layerCount - 1
            let output = isLast ? outputBase : workspace.baseAddress! + hiddenOffset
            let weights = parameterBase + weightOffsets[layer], biases = parameterBase + biasOffsets[layer]
            // Four rows at a time share each weight row's loads (the same sums as one row at a time).
            var row = 0
            while row + 4 <= rows {
                let x = input + row * inputWidth, z = output + row * outputWidth
                for unit in 0..<outputWidth {
                    let (d0, d1, d2, d3) = DenseKernels.dot4(weights + unit * inputWidth, x, x + inputWidth,
                                                             x + 2 * inputWidth, x + 3 * inputWidth, count: inputWidth)
                    z[unit] = biases[unit] + d0
                    z[outputWidth + unit] = biases[unit] + d1
                    z[2 * outputWidth + unit] = biases[unit] + d2
                    z[3 * outputWidth + unit] = biases[unit] + d3
                }
                if !isLast { activate(z, count: 4 * outputWidth) }
                row += 4
            }
            while row < rows {
                let x = input + row * inputWidth, z = output + row * outputWidth
                for unit in 0..<outputWidth {
                    z[unit] = biases[unit] + DenseKernels.dot(weights + unit * inputWidth, x, count: inputWidth)
                }
                if !isLast { activate(z, count: outputWidth) }
                row += 1
            }
            if !isLast {
                input = UnsafePointer(output)
                hiddenOffset += rows * outputWidth
            }
        }
    }

    @inline(__always)
    private func activate(_ values: UnsafeMutablePointer<Double>, count: Int) {
        switch activation {
        case .relu: for index in 0..<count where !(values[index] > 0) { values[index] = 0 }
        case .tanh: for index in 0..<count { values[index] = tanh(values[index]) }
        }
    }

    public func backward(parameters: UnsafeBufferPointer<Double>, inputs: UnsafeBufferPointer<Double>, rows: Int,
                         outputGradient: UnsafeMutableBufferPointer<Double>, gradient: UnsafeMutableBufferPointer<Double>,
                         workspace: UnsafeMutableBufferPointer<Double>) {
        guard let parameterBase = parameters.baseAddress, let gradientBase = gradient.baseAddress, rows > 0 else { return }
        let hidden = hiddenWidths
        let deltaOffset = rows * hidden.reduce(0, +), deltaSize = rows * (hidden.max() ?? 0)
        var delta = outputGradient.baseAddress!
        for layer in stride(from: layerCount - 1, through: 0, by: -1) {
            let (inputWidth, outputWidth) = (widths[layer], widths[layer + 1])
            let input: UnsafePointer<Double> = layer == 0 ? inputs.baseAddress!
                : UnsafePointer(workspace.baseAddress! + activationOffset(layer - 1, rows: rows))
            let weights = parameterBase + weightOffsets[layer]
            let weightGradient = gradientBase + weightOffsets[layer], biasGradient = gradientBase + biasOffsets[layer]
            // ∂L/∂W[j, i] = Σ_rows δ[j]·x[i];  ∂L/∂b[j] = Σ_rows δ[j].
            for row in 0..<rows {
                let d = delta + row * outputWidth, x = input + row * inputWidth
                for unit in 0..<outputWidth where d[unit] != 0 {
                    biasGradient[unit] += d[unit]
                    DenseKernels.addScaled(d[unit], x, to: weightGradient + unit * inputWidth, count: inputWidth)
                }
            }
            guard layer > 0 else { break }
            // δ_previous[i] = act′(a[i]) · Σ_j δ[j]·W[j, i], into the delta buffer not in use.
            let previous = workspace.baseAddress! + deltaOffset + (layer % 2) * deltaSize
            for row in 0..<rows {
                let d = delta + row * outputWidth, p = previous + row * inputWidth, a = input + row * inputWidth
                for index in 0..<inputWidth { p[index] = 0 }
                for unit in 0..<outputWidth where d[unit] != 0 {
                    DenseKernels.addScaled(d[unit], weights + unit * inputWidth, to: p, count: inputWidth)
                }
                switch activation {
                case .relu: for index in 0..<inputWidth where !(a[index] > 0) { p[index] = 0 }
                case .tanh: for index in 0..<inputWidth { p[index] *= 1 - a[index] * a[index] }
                }
            }
            delta = previous
        }
    }
}
