/// A model as `model ...` names it, before it meets data: the architecture, the weight
/// penalty and the initialisation. `makeModel(for:)` builds the `Model` once the training set
/// fixes the inputs, the outputs and (for `poly`) the scaling.
public struct ModelSpecification: Sendable, Hashable {
    public enum Architecture: Sendable, Hashable {
        /// `model linear`: ŷ = w·x + b on the features as given (regression).
        case linear
        /// `model poly degree=N`: a linear layer over z … z^N of each scaled feature.
        case polynomial(degree: Int)
        /// `model logistic`: softmax regression, one logit per class, on the features as given.
        case logistic
        /// `model mlp hidden=32,16 act=relu`: dense layers with `activation` between them.
        case multilayerPerceptron(hidden: [Int], activation: DenseNetwork.Activation)
    }

    public var architecture: Architecture
    /// The l2 factor: the trained loss adds `l2·Σw²` over weights (not biases).
    public var l2: Double
    public var initialization: ModelInitialization

    /// The seed a model starts from when neither `init=zeros` nor `seed=` is given.
    public static let defaultSeed: UInt64 = 0
    /// `poly` degrees go from 1 to this.
    public static let maximumDegree = 20
    /// Widest hidden layer `mlp hidden=` takes.
    public static let maximumHiddenWidth = 4_096
    /// Most hidden layers `mlp hidden=` takes.
    public static let maximumHiddenLayers = 8
    /// Most parameters a model may have: 16 MB per copy of the parameter vector, and a
    /// training holds about six (parameters, gradient, optimizer state, the best epoch's).
    public static let maximumParameters = 2_000_000

    public init(architecture: Architecture, l2: Double = 0, initialization: ModelInitialization = .seeded(defaultSeed)) {
        self.architecture = architecture
        self.l2 = l2
        self.initialization = initialization
    }

    /// `linear`, `poly`, `logistic`, `mlp`.
    public var kindName: String {
        switch architecture {
        case .linear: return "linear"
        case .polynomial: return "poly"
        case .logistic: return "logistic"
        case .multilayerPerceptron: return "mlp"
        }
    }

    /// The command that makes this model: `mlp hidden=32,16 act=relu l2=0.001 seed=3`.
    public var description: String {
        var words = [kindName]
        switch architecture {
        case .linear, .logistic: break
        case .polynomial(let degree): words.append("degree=\(degree)")
        case .multilayerPerceptron(let hidden, let activation):
            words.append("hidden=" + hidden.map(String.init).joined(separator: ","))
            words.append("act=\(activation.rawValue)")
        }
        if l2 != 0 { words.append("l2=\(Expr.format(l2))") }
        switch initialization {
        case .zeros: words.append("init=zeros")
        case .seeded(let seed): words.append("seed=\(seed)")
        }
        return words.joined(separator: " ")
    }

    /// Builds the model for training on `training`: inputs its features; outputs one per
    /// class, or one value. `poly` is scaled by `training`'s ranges. Throws when the model
    /// does not suit the data (`linear` on classes, `logistic` on values) or is too big.
    public func makeModel(for training: Dataset) throws(ModelError) -> any Model {
        let outputs = training.classCount ?? 1
        let model: any Model
        switch architecture {
        case .linear:
            guard !training.isClassification else {
                throw .predictsValuesButDataHasClasses(data: training.name, classes: outputs)
            }
            model = DenseNetwork(widths: [training.featureCount, 1])
        case .logistic:
            guard training.isClassification else {
                throw .predictsClassesButDataHasValues(data: training.name)
            }
            model = DenseNetwork(widths: [training.featureCount, outputs])
        case .polynomial(let degree):
            model = PolynomialModel(degree: degree, scaledBy: training, outputs: outputs)
        case .multilayerPerceptron(let hidden, let activation):
            let count = ModelSpecification.parameterCount(widths: [training.featureCount] + hidden + [outputs])
            guard count <= ModelSpecification.maximumParameters else {
                throw .tooManyParameters(count, data: training.name, isNetwork: true)
            }
            model = DenseNetwork(widths: [training.featureCount] + hidden + [outputs], activation: activation)
        }
        guard model.parameterCount <= ModelSpecification.maximumParameters else {
            throw .tooManyParameters(model.parameterCount, data: training.name, isNetwork: false)
        }
        return model
    }

    /// Parameters of dense layers of `widths`, saturating instead of overflowing.
    static func parameterCount(widths: [Int]) -> Int {
        var total = 0
        for layer in 0..<Swift.max(widths.count - 1, 0) {
            let (product, overflow) = widths[layer].multipliedReportingOverflow(by: widths[layer + 1])
            if overflow { return .max }
            total = total.addingReportingOverflow(product + widths[layer + 1]).overflow ? .max : total + product + widths[layer + 1]
        }
        return total
    }
}

/// Why a model cannot be built for the data. The shell says what to type instead.
public enum ModelError: Error, Sendable, Hashable {
    /// A model of one output value (`linear`) on data of `classes` classes.
    case predictsValuesButDataHasClasses(data: String, classes: Int)
    /// A classifier (`logistic`) on data whose target is a value.
    case predictsClassesButDataHasValues(data: String)
    /// More parameters than `ModelSpecification.maximumParameters` on the data (`isNetwork`:
    /// an mlp, whose layers are the way to shrink it; else a polynomial).
    case tooManyParameters(Int, data: String, isNetwork: Bool)

    /// What is wrong, in a sentence.
    public var message: String {
        switch self {
        case .predictsValuesButDataHasClasses(let data, let classes):
            return "model linear predicts a value, but '\(data)' has \(classes) classes"
        case .predictsClassesButDataHasValues(let data):
            return "model logistic predicts classes, but '\(data)' has values to regress on"
        case .tooManyParameters(let count, let data, let isNetwork):
            return "this \(isNetwork ? "mlp" : "model") would have \(count) parameters on '\(data)'; the limit is \(ModelSpecification.maximumParameters)"
        }
    }
}
