/// A hyper-parameter set during a run (`Run.setHyperparameter`): from the step after
/// `afterStep` on, option `name` holds `value`. A run keeps the list so that a replay from
/// the start (`save trace` of a thinned trace) makes the same steps.
public struct HyperparameterChange: Sendable, Hashable {
    /// Steps taken when the change was made.
    public var afterStep: Int
    /// The option, as `opt` names it: `lr`, `momentum`.
    public var name: String
    public var value: Double

    public init(afterStep: Int, name: String, value: Double) {
        self.afterStep = afterStep
        self.name = name
        self.value = value
    }
}
