extension Run {
    /// Why a run stopped taking steps.
    public enum Ending: Sendable, Hashable {
        /// Non-finite values or an exploding loss at this step.
        case diverged(step: Int, reason: Phrase)
        /// The formula has no value at the point reached at this step.
        case undefined(step: Int, reason: Phrase)

        public var step: Int {
            switch self {
            case .diverged(let step, _), .undefined(let step, _): return step
            }
        }

        /// `diverged at step 12: the loss grew to 1.5e+20, beyond 1e+20`, as a phrase whose
        /// numbers `LRLabText` renders (`PhraseFormat`).
        public var description: Phrase {
            switch self {
            case .diverged(let step, let reason): return "diverged at step \(step): \(reason)"
            case .undefined(let step, let reason): return "stopped at step \(step): \(reason)"
            }
        }
    }
}
