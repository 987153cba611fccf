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
/// buffers of `rows × widest hidden` for the backward pass's deltas, then every layer's
/// weights transposed (the forward pass reads them input by input), then the kernels'
/// scratch (`DenseKernels`: whether each multiplier is nonzero, a bit each).
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
        transposedOffset(rows: rows) + weightCount + scratchCount(rows: rows)
    }

    /// Weights in all layers (the transposed copy's size).
    private var weightCount: Int { (0..<layerCount).reduce(0) { $0 + widths[$1] * widths[$1 + 1] } }

    /// Where the transposed weights start in the workspace (after activations and deltas).
    private func transposedOffset(rows: Int) -> Int {
        let hidden = hiddenWidths
        return rows * (hidden.reduce(0, +) + 2 * (hidden.max() ?? 0))
    }

    /// Words of kernel scratch for `rows` rows.
    private func scratchCount(rows: Int) -> Int {
        DenseKernels.scratchCount(rows: rows, inputWidth: widths.max() ?? 1, outputWidth: 1)
    }

    /// Where hidden layer `layer`'s (0-based) activations start in the workspace.
    private func activationOffset(_ layer: Int, rows: Int) -> Int {
        rows * widths[1..<(1 + layer)].reduce(0, +)
    }

    /// Calls `body` with the workspace's kernel scratch: its last doubles, their memory seen
    /// as words of mask for the call.
    @inline(__always)
    private func withScratch(_ workspace: UnsafeMutableBufferPointer<Double>, rows: Int, _ body: (UnsafeMutablePointer<UInt64>) -> Void) {
        let start = transposedOffset(rows: rows) + weightCount
        UnsafeMutableBufferPointer(rebasing: workspace[start..<start + scratchCount(rows: rows)]).withMemoryRebound(to: UInt64.self) { masks in
            body(masks.baseAddress!)
        }
    }

    public func forward(parameters: Span<Double>, inputs: Span<Double>, rows: Int,
                        outputs: inout MutableSpan<Double>, workspace: inout MutableSpan<Double>) {
        _ = forward(parameters: parameters, inputs: inputs, rows: rows, outputs: &outputs, workspace: &workspace,
                    shouldStop: { false })
    }

    /// Asks `shouldStop` inside each layer's kernel, between blocks of rows.
    public func forward(parameters: Span<Double>, inputs: Span<Double>, rows: Int,
                        outputs: inout MutableSpan<Double>, workspace: inout MutableSpan<Double>,
                        shouldStop: () -> Bool) -> Bool {
        ModelBuffers.forward(parameters: parameters, inputs: inputs, outputs: &outputs, workspace: &workspace) {
            forwardPass(parameters: $0, inputs: $1, rows: rows, outputs: $2, workspace: $3, shouldStop: shouldStop)
        }
    }

    public func backward(parameters: Span<Double>, inputs: Span<Double>, rows: Int, outputGradient: inout MutableSpan<Double>,
                         gradient: inout MutableSpan<Double>, workspace: inout MutableSpan<Double>) {
        _ = backward(parameters: parameters, inputs: inputs, rows: rows, outputGradient: &outputGradient, gradient: &gradient,
                     workspace: &workspace, shouldStop: { false })
    }

    /// Asks `shouldStop` inside each layer's kernels, between blocks of rows or units.
    public func backward(parameters: Span<Double>, inputs: Span<Double>, rows: Int, outputGradient: inout MutableSpan<Double>,
                         gradient: inout MutableSpan<Double>, workspace: inout MutableSpan<Double>,
                         shouldStop: () -> Bool) -> Bool {
        ModelBuffers.backward(parameters: parameters, inputs: inputs, outputGradient: &outputGradient, gradient: &gradient,
                              workspace: &workspace) {
            backwardPass(parameters: $0, inputs: $1, rows: rows, outputGradient: $2, gradient: $3, workspace: $4, shouldStop: shouldStop)
        }
    }

    /// `forward` on the buffers the spans cover.
    func forwardPass(parameters: UnsafeBufferPointer<Double>, inputs: UnsafeBufferPointer<Double>, rows: Int,
                     outputs: UnsafeMutableBufferPointer<Double>, workspace: UnsafeMutableBufferPointer<Double>) {
        _ = forwardPass(parameters: parameters, inputs: inputs, rows: rows, outputs: outputs, workspace: workspace,
                        shouldStop: { false })
    }

    /// `forwardPass`, asking `shouldStop` inside each layer's kernel, between blocks of rows;
    /// false when it said stop.
    func forwardPass(parameters: UnsafeBufferPointer<Double>, inputs: UnsafeBufferPointer<Double>, rows: Int,
                     outputs: UnsafeMutableBufferPointer<Double>, workspace: UnsafeMutableBufferPointer<Double>,
                     shouldStop: () -> Bool) -> Bool {
        guard let parameterBase = parameters.baseAddress, let outputBase = outputs.baseAddress, rows > 0 else { return true }
        let transposed = workspace.baseAddress! + transposedOffset(rows: rows)
        var finished = true
        withScratch(workspace, rows: rows) { masks in
            var input = inputs.baseAddress!
            var hiddenOffset = 0, transposedStart = 0
            for layer in 0..<layerCount {
                let (inputWidth, outputWidth) = (widths[layer], widths[layer + 1])
                let isLast = layer == layerCount - 1
                let output = isLast ? outputBase : workspace.baseAddress! + hiddenOffset
                guard DenseKernels.affine(rows: rows, inputs: input, inputWidth: inputWidth, weights: parameterBase + weightOffsets[layer],
                                          biases: parameterBase + biasOffsets[layer], outputs: output, outputWidth: outputWidth,
                                          transposed: transposed + transposedStart, masks: masks, shouldStop: shouldStop) else {
                    finished = false
                    return
                }
                if !isLast {
                    activate(output, count: rows * outputWidth)
                    input = UnsafePointer(output)
                    hiddenOffset += rows * outputWidth
                }
                transposedStart += inputWidth * outputWidth
            }
        }
        return finished
    }

    @inline(__always)
    private func activate(_ values: UnsafeMutablePointer<Double>, count: Int) {
        switch activation {
        // Written unconditionally (a select, not a branch: about half the values are negative,
        // in no pattern a branch predictor learns). NaN becomes 0, as `!(z > 0)` says.
        case .relu: for index in 0..<count { values[index] = values[index] > 0 ? values[index] : 0 }
        case .tanh: for index in 0..<count { values[index] = tanh(values[index]) }
        }
    }

    /// `backward` on the buffers the spans cover.
    func backwardPass(parameters: UnsafeBufferPointer<Double>, inputs: UnsafeBufferPointer<Double>, rows: Int,
                      outputGradient: UnsafeMutableBufferPointer<Double>, gradient: UnsafeMutableBufferPointer<Double>,
                      workspace: UnsafeMutableBufferPointer<Double>) {
        _ = backwardPass(parameters: parameters, inputs: inputs, rows: rows, outputGradient: outputGradient, gradient: gradient,
                         workspace: workspace, shouldStop: { false })
    }

    /// `backwardPass`, asking `shouldStop` inside each layer's kernels, between blocks of rows
    /// or units; false when it said stop.
    func backwardPass(parameters: UnsafeBufferPointer<Double>, inputs: UnsafeBufferPointer<Double>, rows: Int,
                      outputGradient: UnsafeMutableBufferPointer<Double>, gradient: UnsafeMutableBufferPointer<Double>,
                      workspace: UnsafeMutableBufferPointer<Double>, shouldStop: () -> Bool) -> Bool {
        guard let parameterBase = parameters.baseAddress, let gradientBase = gradient.baseAddress, rows > 0 else { return true }
        var finished = true
        let hidden = hiddenWidths
        let deltaOffset = rows * hidden.reduce(0, +), deltaSize = rows * (hidden.max() ?? 0)
        withScratch(workspace, rows: rows) { masks in
            var delta = UnsafePointer(outputGradient.baseAddress!)
            for layer in stride(from: layerCount - 1, through: 0, by: -1) {
                let (inputWidth, outputWidth) = (widths[layer], widths[layer + 1])
                let input: UnsafePointer<Double> = layer == 0 ? inputs.baseAddress!
                    : UnsafePointer(workspace.baseAddress! + activationOffset(layer - 1, rows: rows))
                guard DenseKernels.addGradients(rows: rows, inputs: input, inputWidth: inputWidth, deltas: delta, outputWidth: outputWidth,
                                                weightGradient: gradientBase + weightOffsets[layer],
                                                biasGradient: gradientBase + biasOffsets[layer], masks: masks,
                                                shouldStop: shouldStop) else {
                    finished = false
                    return
                }
                guard layer > 0 else { break }
                // δ_previous[i] = act′(a[i]) · Σ_j δ[j]·W[j, i], into the delta buffer not in use.
                let previous = workspace.baseAddress! + deltaOffset + (layer % 2) * deltaSize
                guard DenseKernels.propagate(rows: rows, deltas: delta, outputWidth: outputWidth,
                                             weights: parameterBase + weightOffsets[layer],
                                             inputWidth: inputWidth, into: previous, masks: masks, shouldStop: shouldStop) else {
                    finished = false
                    return
                }
                let count = rows * inputWidth
                switch activation {
                case .relu: DenseKernels.keepWhereActive(previous, input: input, count: count)
                case .tanh: for index in 0..<count { previous[index] *= 1 - input[index] * input[index] }
                }
                delta = UnsafePointer(previous)
            }
        }
        return finished
    }
}
