/// A model trained on data: a function from a row of features to `outputCount` numbers (one
/// prediction for regression, one logit per class for classification) with `parameterCount`
/// parameters in one flat vector, laid out as `layout` says.
///
/// **The contract.** Both passes work on a batch of `rows` rows held contiguously, row-major
/// (`rows × inputCount` inputs, `rows × outputCount` outputs), on caller buffers: a model
/// allocates nothing per call. `forward` keeps in `workspace` (at least
/// `workspaceCount(rows:)` doubles) what `backward` needs, so a `backward` must follow the
/// `forward` of the same batch with the same parameters and workspace.
///
/// Implementations: `DenseNetwork` (`model linear`, `model logistic`, `model mlp`) and
/// `PolynomialModel` (`model poly`).
public protocol Model: Sendable {
    /// Features each input row has.
    var inputCount: Int { get }
    /// Numbers each row produces.
    var outputCount: Int { get }
    /// Length of the parameter vector.
    var parameterCount: Int { get }
    /// The parameter vector's blocks in order, covering it exactly.
    var layout: [ParameterBlock] { get }
    /// One line per layer, for `model` (`dense 2 → 32, relu`).
    var layerDescriptions: [String] { get }

    /// Doubles of scratch `forward` and `backward` need for a batch of up to `rows` rows.
    func workspaceCount(rows: Int) -> Int

    /// Computes the outputs of `rows` rows of `inputs` into `outputs`, keeping the
    /// intermediate values `backward` reads in `workspace`.
    func forward(parameters: Span<Double>, inputs: Span<Double>, rows: Int,
                 outputs: inout MutableSpan<Double>, workspace: inout MutableSpan<Double>)

    /// Given ∂L/∂outputs of the batch the latest `forward` saw (`rows × outputCount` values,
    /// which the pass may overwrite), **adds** ∂L/∂parameters into `gradient`.
    func backward(parameters: Span<Double>, inputs: Span<Double>, rows: Int,
                  outputGradient: inout MutableSpan<Double>, gradient: inout MutableSpan<Double>,
                  workspace: inout MutableSpan<Double>)

    /// `forward`, asking `shouldStop` between pieces of the work; false when it said stop
    /// (the outputs are then partial and `backward` must not follow). The same outputs
    /// otherwise, bit for bit. By default one piece: `shouldStop` is never asked.
    func forward(parameters: Span<Double>, inputs: Span<Double>, rows: Int,
                 outputs: inout MutableSpan<Double>, workspace: inout MutableSpan<Double>,
                 shouldStop: () -> Bool) -> Bool

    /// `backward`, asking `shouldStop` between pieces of the work; false when it said stop
    /// (the gradient is then partial). By default one piece.
    func backward(parameters: Span<Double>, inputs: Span<Double>, rows: Int,
                  outputGradient: inout MutableSpan<Double>, gradient: inout MutableSpan<Double>,
                  workspace: inout MutableSpan<Double>, shouldStop: () -> Bool) -> Bool
}

extension Model {
    public func forward(parameters: Span<Double>, inputs: Span<Double>, rows: Int,
                        outputs: inout MutableSpan<Double>, workspace: inout MutableSpan<Double>,
                        shouldStop: () -> Bool) -> Bool {
        forward(parameters: parameters, inputs: inputs, rows: rows, outputs: &outputs, workspace: &workspace)
        return true
    }

    public func backward(parameters: Span<Double>, inputs: Span<Double>, rows: Int,
                         outputGradient: inout MutableSpan<Double>, gradient: inout MutableSpan<Double>,
                         workspace: inout MutableSpan<Double>, shouldStop: () -> Bool) -> Bool {
        backward(parameters: parameters, inputs: inputs, rows: rows, outputGradient: &outputGradient, gradient: &gradient,
                 workspace: &workspace)
        return true
    }
}

/// A named block of a model's parameter vector: a weight matrix (`rows × columns`, row-major,
/// PyTorch's `nn.Linear.weight` layout: one row per output, one column per input) or a bias
/// vector (`rows` values, `columns == 1`).
public struct ParameterBlock: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Multiplies inputs; counted by the l2 penalty.
        case weight
        /// Added to outputs; not penalised.
        case bias
    }

    /// `layer1.weight`, `layer1.bias`.
    public var name: String
    public var kind: Kind
    /// Where the block starts in the parameter vector.
    public var offset: Int
    public var rows: Int
    public var columns: Int
    /// Inputs feeding each output: the `fan_in` of PyTorch's default initialisation.
    public var fanIn: Int

    public init(name: String, kind: Kind, offset: Int, rows: Int, columns: Int, fanIn: Int) {
        self.name = name
        self.kind = kind
        self.offset = offset
        self.rows = rows
        self.columns = columns
        self.fanIn = fanIn
    }

    public var count: Int { rows * columns }
    public var range: Range<Int> { offset..<offset + count }
}

/// How a model's parameters start.
public enum ModelInitialization: Sendable, Hashable {
    /// Every parameter 0 (`init=zeros`): with `linear` and `logistic` and full batches, the
    /// trajectory is PyTorch's with `torch.nn.init.zeros_`. Hidden units of an MLP started at
    /// zero stay identical (and stay 0 with relu): use a seed there.
    case zeros
    /// PyTorch's `nn.Linear` default: every weight and bias drawn from
    /// U(−1/√fan_in, 1/√fan_in), block after block in `layout` order (each block row-major),
    /// from `SeededRandom(seed:)`. The distribution is PyTorch's; the numbers are lrlab's own.
    case seeded(UInt64)
}

extension Model {
    /// The starting parameter vector for `initialization`.
    public func initialParameters(_ initialization: ModelInitialization) -> [Double] {
        var parameters = [Double](repeating: 0, count: parameterCount)
        guard case .seeded(let seed) = initialization else { return parameters }
        var random = SeededRandom(seed: seed)
        for block in layout {
            let bound = 1 / Double(Swift.max(block.fanIn, 1)).squareRoot()
            for index in block.range { parameters[index] = random.nextUniform(in: -bound...bound) }
        }
        return parameters
    }

    /// Σw² over the weight blocks (biases excluded): the l2 penalty's sum.
    public func sumOfSquaredWeights(_ parameters: Span<Double>) -> Double {
        var sum = 0.0
        for block in layout where block.kind == .weight {
            for index in block.range { sum += parameters[index] * parameters[index] }
        }
        return sum
    }
}

extension Model {
    /// The stoppable `forward` on raw buffers, for the engine's loops that hold them
    /// (`ModelLoss`); false when `shouldStop` said stop.
    @inline(__always)
    func forward(_ parameters: UnsafeBufferPointer<Double>, inputs: UnsafeBufferPointer<Double>, rows: Int,
                 outputs: UnsafeMutableBufferPointer<Double>, workspace: UnsafeMutableBufferPointer<Double>,
                 shouldStop: () -> Bool) -> Bool {
        var outputs = outputs.mutableSpan
        var workspace = workspace.mutableSpan
        return forward(parameters: parameters.span, inputs: inputs.span, rows: rows, outputs: &outputs, workspace: &workspace,
                       shouldStop: shouldStop)
    }

    /// The stoppable `backward` on raw buffers, for the engine's loops that hold them
    /// (`ModelLoss`); false when `shouldStop` said stop.
    @inline(__always)
    func backward(_ parameters: UnsafeBufferPointer<Double>, inputs: UnsafeBufferPointer<Double>, rows: Int,
                  outputGradient: UnsafeMutableBufferPointer<Double>, gradient: UnsafeMutableBufferPointer<Double>,
                  workspace: UnsafeMutableBufferPointer<Double>, shouldStop: () -> Bool) -> Bool {
        var outputGradient = outputGradient.mutableSpan
        var gradient = gradient.mutableSpan
        var workspace = workspace.mutableSpan
        return backward(parameters: parameters.span, inputs: inputs.span, rows: rows, outputGradient: &outputGradient,
                        gradient: &gradient, workspace: &workspace, shouldStop: shouldStop)
    }
}
