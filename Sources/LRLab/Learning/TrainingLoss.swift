/// The data loss a model is trained on, chosen by the data set's target: PyTorch's, so that a
/// user can check the numbers elsewhere.
public enum TrainingLoss: String, Sendable, Hashable {
    /// `nn.MSELoss()`: mean over rows of (ŷ − y)², one output per row.
    case meanSquaredError
    /// `nn.CrossEntropyLoss()`: mean over rows of log Σₖ exp zₖ − z_y, from the logits z
    /// (computed as m + log Σₖ exp(zₖ − m) with m = maxₖ zₖ, so no exponential overflows).
    case crossEntropy

    /// The loss for `data`'s target: cross-entropy for classes, mean squared error for values.
    public init(for data: Dataset) {
        self = data.isClassification ? .crossEntropy : .meanSquaredError
    }

    /// `MSELoss`, `CrossEntropyLoss`.
    public var pytorchName: String {
        switch self {
        case .meanSquaredError: return "MSELoss"
        case .crossEntropy: return "CrossEntropyLoss"
        }
    }

    /// `mean((ŷ−y)²)`, `mean cross-entropy of the logits`.
    public var formula: String {
        switch self {
        case .meanSquaredError: return "mean((ŷ−y)²)"
        case .crossEntropy: return "mean over rows of −log softmax(logits)[class]"
        }
    }
}
