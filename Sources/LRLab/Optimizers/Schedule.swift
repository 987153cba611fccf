/// The learning rate as a function of the step number (1-based), scaling the optimizer's
/// base rate. Annealing, warm-up and cosine schedules conform to this; `ScheduleSyntax`
/// reads them from `schedule WORDS...` and `ScheduleKind.all` lists them for help.
public protocol LearningRateSchedule: Sendable {
    /// The rate in force for update number `step`, given the optimizer's base rate.
    func rate(at step: Int, base: Double) -> Double
    /// How `schedule` prints it: `constant`, `step 0.1 400:0.01 700:0.001`. Parsing the
    /// description back gives the same schedule.
    var description: String { get }
    /// The first step after `step` at which the rate jumps: a breakpoint (a milestone, the
    /// end of a warm-up), which a run marks `lr change`. Nil when there is none; a smooth
    /// schedule (cosine, exponential, inverse-time) has none, since a rate that moves a
    /// little every step is no event. Must not trap for any `step`.
    func breakpoint(after step: Int) -> Int?
}

extension LearningRateSchedule {
    /// No breakpoints: the default for smooth and constant schedules.
    public func breakpoint(after step: Int) -> Int? { nil }
}

/// The base rate at every step: η_t = lr. Written `constant`.
public struct ConstantSchedule: LearningRateSchedule, Hashable {
    public init() {}
    public func rate(at step: Int, base: Double) -> Double { base }
    public var description: String { "constant" }
}
