/// The words every verdict is said in: of a run, a sweep's rate, a comparison's row, a training
/// and a fit. One word per situation, the same in every command; `rawValue` is what scripts
/// test (`expect verdict == slow`, `expect train verdict == good-fit`) and what is printed.
public enum Outcome: String, Sendable, Hashable, CaseIterable {
    /// The gradient norm is under the tolerance at a global minimum (or where none is known).
    case converged
    /// Still making progress toward a minimum: more steps (or epochs) would help.
    case slow
    /// The step keeps crossing the valley without converging: the swing does not shrink.
    case bouncing
    /// The loss grows geometrically, or the run ended diverged.
    case diverging
    /// No useful progress: a saddle, a local minimum, a plateau or the noise floor.
    case stuck
    /// The run reached a point where the formula has no value.
    case undefined
    /// Nothing has been stepped or trained yet.
    case unstarted
    /// Training and validation loss both high and close: the model is too simple.
    case underfitting
    /// Validation loss rose (or sits far) above the training loss: the model learned noise.
    case overfitting
    /// Low training loss and a validation loss close to it.
    case goodFit = "good-fit"

    /// The most characters a meaning takes: with two spaces, the longest word and two more
    /// it fits 80 columns.
    public static let meaningWidth = 64

    /// The word printed and tested.
    public var word: String { rawValue }

    /// What the word means, in one line of at most `meaningWidth` characters (`help verdicts`
    /// lists these after the words).
    public var meaning: String {
        switch self {
        case .converged: return "the gradient is under the tolerance at a minimum"
        case .slow: return "still making progress: more steps or epochs would help"
        case .bouncing: return "the step keeps crossing the valley; the swing does not shrink"
        case .diverging: return "the loss grows step after step, or the run blew up"
        case .stuck: return "no progress: a saddle, a local minimum, a plateau or noise floor"
        case .undefined: return "the run reached a point where the formula has no value"
        case .unstarted: return "no step or epoch taken yet"
        case .underfitting: return "training and validation loss high and close: too simple a model"
        case .overfitting: return "validation loss above the training loss: it learned the noise"
        case .goodFit: return "low training loss and a validation loss close to it"
        }
    }

    /// Whether the word speaks of a model's fit (trainings and fits) rather than of how the
    /// optimizer moved.
    public var isAboutTheFit: Bool {
        switch self {
        case .underfitting, .overfitting, .goodFit: return true
        case .converged, .slow, .bouncing, .diverging, .stuck, .undefined, .unstarted: return false
        }
    }
}
