/// An update rule that moves a parameter vector of any length against its gradient.
///
/// The same implementation serves the one- and two-parameter explorer and models with
/// hundreds of weights. State buffers are sized once by `reset(parameterCount:)`; `update`
/// must not allocate, so a million steps cost a million updates and nothing else.
///
/// Conventions: step numbers start at 1 for the first update; the learning rate is passed in
/// on every step (a schedule decides it), so no optimizer stores its own.
public protocol Optimizer: Sendable {
    /// The name as typed after `opt`: `gd`, `adam`.
    var name: String { get }

    /// Names of the per-parameter quantities worth showing after each update, in the order
    /// `stateValue(_:parameter:)` returns them: `m`, `v`, `lr_eff`. Empty for plain gradient descent.
    var stateNames: [String] { get }

    /// Allocates and clears the state for `parameterCount` parameters.
    mutating func reset(parameterCount: Int)

    /// Applies update number `step` (1-based) in place. `gradient.count` must equal
    /// `parameters.count`.
    ///
    /// Spans, so that a caller stepping many times (a run's batch of steps, a training loop)
    /// hands over memory it already owns, with no array to check or copy per step;
    /// `update(parameters:gradient:learningRate:step:)` on arrays calls this.
    mutating func update(parameters: inout MutableSpan<Double>, gradient: Span<Double>,
                         learningRate: Double, step: Int)

    /// The state quantity `stateNames[index]` for one parameter, after the last update.
    func stateValue(_ index: Int, parameter: Int) -> Double

    /// Every state quantity at once, state-major (`buffer[state * parameterCount + parameter]`),
    /// written straight into a trace row: the run calls this after each update it records,
    /// so it must not allocate. `buffer.count` is `stateNames.count * parameterCount`.
    /// By default it asks `stateValue(_:parameter:)` for each value.
    func writeState(into buffer: inout MutableSpan<Double>)

    /// Takes a new value for the numeric option `name` (as `opt` names it) between updates,
    /// keeping the state accumulated so far; returns false, changing nothing, when the
    /// optimizer cannot (the default). The caller has checked `value` against the option's
    /// range. The learning rate is not an option here: the run passes it on every step.
    mutating func setOption(_ name: String, to value: Double) -> Bool

    /// Doubles of state the optimizer keeps per parameter (its buffers, not the quantities it
    /// derives to show): what a training's memory estimate counts for it. The default,
    /// `stateNames.count`, is an upper bound for an optimizer that stores each quantity it shows.
    var storedValuesPerParameter: Int { get }

    /// Takes the batch of a run's steps that `run` holds (`Run` sets it: how many steps, the
    /// loss, the schedule), calling `update(parameters:gradient:learningRate:step:)` once per
    /// step; returns the number taken.
    ///
    /// Not for an optimizer to write: the default below is the engine's one step loop, and
    /// as a requirement's default it is compiled for each conforming type of the engine, so
    /// the loop calls that type's `update` directly instead of through the protocol. An
    /// optimizer added to the engine gets this without naming it anywhere.
    mutating func takeSteps(_ run: inout RunProgress, shouldStop: () -> Bool) -> Int
}

extension Optimizer {
    /// Applies update number `step` (1-based) to an array in place (the span form checks
    /// that the lengths agree).
    public mutating func update(parameters: inout [Double], gradient: [Double], learningRate: Double, step: Int) {
        var parameterSpan = parameters.mutableSpan
        update(parameters: &parameterSpan, gradient: gradient.span, learningRate: learningRate, step: step)
    }

    public var stateNames: [String] { [] }
    public var storedValuesPerParameter: Int { stateNames.count }
    public mutating func setOption(_ name: String, to value: Double) -> Bool { false }
    public func stateValue(_ index: Int, parameter: Int) -> Double { .nan }

    /// The run's step loop, `RunProgress.advance`, for this optimizer's type.
    public mutating func takeSteps(_ run: inout RunProgress, shouldStop: () -> Bool) -> Int {
        run.advance(optimizer: &self, shouldStop: shouldStop)
    }

    public func writeState(into buffer: inout MutableSpan<Double>) {
        let count = stateNames.count
        guard count > 0 else { return }
        let parameterCount = buffer.count / count
        for state in 0..<count {
            for parameter in 0..<parameterCount {
                buffer[state * parameterCount + parameter] = stateValue(state, parameter: parameter)
            }
        }
    }
}
