/// One named rule of `Diagnosis`: when it holds, the verdict it gives.
///
/// A rule is its own small type in its own file, with its thresholds beside it, and one line in
/// `DiagnosisRules.standard`, whose order is the order the rules are tried: the first of the
/// run's phase that holds gives the verdict. `help verdicts` lists them from the registry.
protocol DiagnosisRule: Sendable {
    /// A short name, `noise-floor`.
    var name: String { get }
    /// The phase of the run the rule reads; it is tried only then.
    var phase: DiagnosisPhase { get }
    /// The outcome the rule gives when it holds.
    var outcome: Outcome { get }
    /// When it holds, in a few words (listed after the name and outcome in `help verdicts`).
    var condition: String { get }
    /// The verdict when the rule holds, else nil.
    func verdict(_ reading: DiagnosisReading) -> Verdict?
}

/// Where a run stands, which decides the rules that read it.
enum DiagnosisPhase: CaseIterable, Sendable {
    /// The run ended: diverged, or at a point where the formula has no value.
    case ended
    /// Not ended, its gradient norm under the tolerance.
    case underTolerance
    /// Not ended, above the tolerance, no step taken yet.
    case unstarted
    /// Not ended, above the tolerance, at least one step taken: the rules read the last
    /// `window` rows (`DiagnosisReading`'s window).
    case running

    /// The heading of the phase's rules in `help verdicts`.
    var heading: String {
        switch self {
        case .ended: return "the run ended"
        case .underTolerance: return "the gradient norm is under the tolerance"
        case .unstarted: return "no step yet"
        case .running: return "still running (read over the last \(Diagnosis.defaultWindow) steps, the window)"
        }
    }
}
