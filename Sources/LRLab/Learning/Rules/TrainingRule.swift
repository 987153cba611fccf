/// One named rule of `TrainingDiagnosis`: when it holds, the verdict it gives on a training.
///
/// A rule is its own small type in its own file, with its thresholds beside it, and one line in
/// `TrainingRules.standard`, whose order is the order the rules of a stage are tried: the first
/// of a stage that holds gives that stage's verdict. `help verdicts` lists them from the
/// registry, beside a run's rules.
protocol TrainingRule: Sendable {
    /// A short name, `high-loss`.
    var name: String { get }
    /// The stage of the judgement the rule belongs to; it is tried only there.
    var stage: TrainingStage { get }
    /// The outcome the rule gives when it holds.
    var outcome: Outcome { get }
    /// When it holds, in a few words (listed after the name and outcome in `help verdicts`).
    var condition: String { get }
    /// The verdict when the rule holds, else nil.
    func verdict(_ reading: TrainingReading) -> TrainingVerdict?
    /// For a rule of stage `motion`: the one verdict that stands instead of the pair
    /// (`fit`, this rule's `verdict`), or nil to keep both (the default).
    func replacing(fit: TrainingVerdict, with verdict: TrainingVerdict) -> TrainingVerdict?
}

extension TrainingRule {
    func replacing(fit: TrainingVerdict, with verdict: TrainingVerdict) -> TrainingVerdict? { nil }
}

/// The stages a training is judged in, in this order.
enum TrainingStage: CaseIterable, Sendable {
    /// Whether there is a fit to judge at all (no epoch, blown up, the data's scale): a rule
    /// that holds here gives the only verdict.
    case whole
    /// How the model fits, judged at the kept epoch (the last, or the best under early
    /// stopping): the first verdict. The stage's last rule always holds.
    case fit
    /// How the training loss moved over the last `TrainingThresholds.recentEpochs` epochs: a
    /// second verdict, where a rule holds.
    case motion

    /// The heading of the stage's rules in `help verdicts`.
    var heading: String {
        switch self {
        case .whole: return "first, alone"
        case .fit: return "then the fit, at the kept epoch (the last, or early stopping's)"
        case .motion: return "then, beside it, the loss over the last \(TrainingThresholds.recentEpochs) epochs"
        }
    }
}

extension TrainingRule {
    /// `25%` for 0.25: a threshold as a condition states it.
    static func percent(_ fraction: Double) -> String { number(100 * fraction) + "%" }
    /// `2` for 2.0, `1.5` for 1.5: a threshold as a condition states it.
    static func number(_ value: Double) -> String {
        value == value.rounded() && Swift.abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
