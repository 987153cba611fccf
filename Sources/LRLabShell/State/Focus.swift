import LRLab

/// What the commands that act on "the current thing" (`compare`, `sweep`, `lrfind`, `pbt`,
/// `plot loss`, `lr`, `save FILE.csv`, `expect`) act on: the formula of the explorer, or the
/// model on the data lab's data. Setting up either turns the focus to it: `f(x) = ...`,
/// `use`, `start`, `run` and `step` to the formula; `data`, `model`, `train` and `fit` to the
/// model. `show` says which it is.
public enum Focus: String, Sendable {
    case formula
    case model

    /// How `show` and errors name it: `the formula`, `the model on the data`.
    var phrase: String {
        switch self {
        case .formula: return "the formula"
        case .model: return "the model on the data"
        }
    }
}

extension Population {
    /// Whether the members train a model on data (`pbt epochs=`) rather than run a formula.
    var isOnModel: Bool { members.first?.trainer != nil }
}
