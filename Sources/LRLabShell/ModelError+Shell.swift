import LRLab

extension ShellError {
    /// A model that does not suit the data, with the command to type instead, at `range`.
    init(_ error: ModelError, at range: SourceRange?) {
        let hint: String
        switch error {
        case .predictsValuesButDataHasClasses: hint = "use 'model logistic' (or 'model mlp') to classify"
        case .predictsClassesButDataHasValues: hint = "use 'model linear', 'model poly degree=N' or 'model mlp'"
        case .tooManyParameters(_, _, let isNetwork): hint = isNetwork ? "use narrower or fewer hidden layers" : "use a lower degree or fewer features"
        }
        self.init(error.message, at: range, hint: hint)
    }
}
