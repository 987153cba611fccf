/// What a training did, in one line with the numbers behind it: how the model fits
/// (`underfitting`, `overfitting`, `good-fit`) and, where they apply, how the optimizer
/// behaved (`diverging`, `bouncing`, `slow`). `TrainingDiagnosis` makes them.
public struct TrainingVerdict: Sendable, Hashable {
    /// The outcomes a training can have (a subset of `Outcome`).
    public enum Kind: Sendable, Hashable, CaseIterable {
        /// The training loss high (a large part of the constant prediction's loss) and the
        /// validation loss no wide gap above it: the model is too simple, or barely trained
        /// (`high-loss`).
        case underfitting
        /// The validation loss rose while a training loss no longer high fell since the epoch
        /// of lowest validation loss (`validation-rose`), or ends far above the training loss
        /// (`wide-gap`).
        case overfitting
        /// Low training loss and a validation loss close to it.
        case goodFit
        /// The training ended diverged, or its loss grew well above the start's.
        case diverging
        /// The training loss rose in many of the recent epochs.
        case bouncing
        /// The training loss was still falling steadily at the end: more epochs would help.
        case slow
        /// No epoch trained yet.
        case unstarted

        /// The word of the shared vocabulary.
        public var outcome: Outcome {
            switch self {
            case .underfitting: return .underfitting
            case .overfitting: return .overfitting
            case .goodFit: return .goodFit
            case .diverging: return .diverging
            case .bouncing: return .bouncing
            case .slow: return .slow
            case .unstarted: return .unstarted
            }
        }

        /// The word printed and tested (`outcome.word`).
        public var name: String { outcome.word }
    }

    public var kind: Kind
    /// Follows the kind's words without repeating them (`verdict: overfitting — …`).
    public var summary: Phrase
    /// One fact a line.
    public var evidence: [Phrase]
    /// The epoch with the lowest validation loss, where early stopping would stop (overfitting).
    public var bestEpoch: Int?
    /// The name of the rule that gave it (`TrainingDiagnosis.rules`); empty for a verdict made
    /// outside the registry.
    public var rule: String

    public init(kind: Kind, summary: Phrase, evidence: [Phrase] = [], bestEpoch: Int? = nil, rule: String = "") {
        self.kind = kind
        self.summary = summary
        self.evidence = evidence
        self.bestEpoch = bestEpoch
        self.rule = rule
    }

    /// The stable word scripts test and the verdict prints: `underfitting`, `overfitting`,
    /// `good-fit`, `diverging`, `bouncing`, `slow`, `unstarted`.
    public var name: String { kind.name }
}

/// Reads a training's epoch trace and says how the model fits and how the optimizer behaved.
///
/// The decision is an ordered list of named rules, `TrainingRules.standard` (each rule its own
/// type in `Learning/Rules/`, with its thresholds; shared ones are `TrainingThresholds`), tried
/// in stages: first the training as a whole (no epoch, blown up, the data's scale, a loss grown
/// past the start's), whose verdict stands alone; then the fit at the kept epoch (the last, or
/// the best under early stopping), always one of `underfitting`, `overfitting`, `good-fit`;
/// then, beside it, how the training loss moved over the last epochs (`bouncing`, `slow`)
/// where a rule holds, or else a flat loss said in the fit's evidence. `help verdicts` prints
/// the list (`ruleLines`). Losses are judged against the constant prediction's
/// (`constantLosses`); without one (a single training row) no loss is called high.
public enum TrainingDiagnosis {
    /// The verdicts on `trainer` as it stands: the fit first (or `diverging`/`unstarted`
    /// alone), then an optimizer verdict when one applies.
    public static func verdicts(for trainer: Trainer) -> [TrainingVerdict] {
        TrainingRules.standard.verdicts(TrainingReading(trainer))
    }

    /// The rules a training's verdicts are decided by, in the order they are tried: each
    /// rule's name (`TrainingVerdict.rule`) and the outcome it gives.
    public static var rules: [(name: String, outcome: Outcome)] {
        TrainingRules.standard.rules.map { ($0.name, $0.outcome) }
    }

    /// The rules a training's verdicts are decided by, in order, grouped by stage:
    /// `  name  outcome  when it holds`, each line at most `width` columns.
    public static func ruleLines(width: Int = 80) -> [String] {
        TrainingRules.standard.documentation(width: width)
    }

    /// The loss of the best constant prediction on the training set and on the validation
    /// set: the training mean (mean squared deviation), or the training class frequencies with
    /// one added to each count, so a class unseen in training has a finite loss (mean −log p).
    public static func constantLosses(_ split: DataSplit) -> (training: Double, validation: Double?) {
        switch split.training.target {
        case .values(let values):
            let mean = values.isEmpty ? 0 : SampleStatistics.mean(values)
            func loss(_ set: Dataset) -> Double {
                guard case .values(let targets) = set.target, !targets.isEmpty else { return .nan }
                return SampleStatistics.meanSquaredDeviation(targets, from: mean)
            }
            return (loss(split.training), split.validation.map(loss))
        case .classes(let labels, let classCount):
            var counts = [Double](repeating: 1, count: classCount)
            for label in labels { counts[label] += 1 }
            let total = counts.reduce(0, +)
            func loss(_ set: Dataset) -> Double {
                guard case .classes(let targets, _) = set.target, !targets.isEmpty else { return .nan }
                return targets.reduce(0) { $0 - _log(counts[$1] / total) } / Double(targets.count)
            }
            return (loss(split.training), split.validation.map(loss))
        }
    }
}
