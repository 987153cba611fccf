/// A differentiable loss over `parameterCount` parameters: what a `Run` minimizes. The
/// symbolic `Objective` conforms; a model on data will too.
///
/// **Required:** the parameter count and `value(at:gradient:)`, which writes the gradient
/// into a caller's buffer and must not allocate (a run calls it once per step).
///
/// **Optional extras**, present only where they exist: parameter names (default `w1`, `w2`,
/// …), a Hessian at a point (default: none), known minima, local minima, saddles and the
/// minimum value (default: none known). Diagnosis and curvature use what a loss offers and
/// say so plainly when a piece is missing.
///
/// **The in-place form** (`workspaceCount`, `gradientOffset`, `prepare(workspace:)`,
/// `loss(inPlace:afterStep:)`, by default `loss(inPlace:)`) is what a run's hot loop calls:
/// the point lies in `workspace[0..<parameterCount]` and the evaluation leaves the gradient at
/// `workspace[gradientOffset...]`. The defaults lay the workspace out as point then gradient
/// and call `value(at:gradient:)`; the symbolic `Objective` overrides them to evaluate its
/// compiled tape where the point lies. A run's step loop calls `loss(inPlace:afterStep:)`
/// through the protocol, once a step, so that call should hold the whole evaluation.
public protocol DifferentiableLoss: Sendable {
    /// Number of parameters the loss takes.
    var parameterCount: Int { get }
    /// One name per parameter, for traces and sentences; `w1…wn` by default.
    var parameterNames: [String] { get }

    /// The loss at `point` (`parameterCount` values), writing the gradient into `gradient`
    /// (`parameterCount` values). Non-finite where the loss is undefined. Must not allocate.
    func value(at point: Span<Double>, gradient: inout MutableSpan<Double>) -> Double

    /// The loss and gradient, or the reason the loss has no value at `point`. By default
    /// `value(at:gradient:)`, which never throws.
    func checkedEvaluation(at point: [Double]) throws(EvaluationError) -> (loss: Double, gradient: [Double])

    /// Doubles a workspace for `loss(inPlace:)` must hold (default `2 × parameterCount`).
    var workspaceCount: Int { get }
    /// Where `loss(inPlace:)` leaves the gradient (default `parameterCount`).
    var gradientOffset: Int { get }
    /// Makes a workspace ready for `loss(inPlace:)`; once is enough (default: nothing).
    func prepare(workspace: inout MutableSpan<Double>)
    /// The loss at the point in `workspace[0..<parameterCount]`, leaving the gradient at
    /// `workspace[gradientOffset..<gradientOffset + parameterCount]`; the same values as
    /// `value(at:gradient:)`, and no allocation.
    func loss(inPlace workspace: inout MutableSpan<Double>) -> Double
    /// `loss(inPlace:)` for the evaluation that ends step `step` of a run (counted from 1):
    /// the seam for a loss that changes from step to step, such as a training's mini-batches
    /// (`MiniBatchLoss`). By default the same as `loss(inPlace:)`, whatever the step.
    func loss(inPlace workspace: inout MutableSpan<Double>, afterStep step: Int) -> Double
    /// Whether one evaluation can take long enough (a full batch of many rows) that a run
    /// should be able to stop in its middle (default false).
    var evaluationCanStop: Bool { get }
    /// `loss(inPlace:afterStep:)`, asking `shouldStop` between pieces of the work; nil when it
    /// said stop, with the workspace's gradient partial. The same value otherwise, bit for
    /// bit. By default one piece: `shouldStop` is never asked.
    func loss(inPlace workspace: inout MutableSpan<Double>, afterStep step: Int, shouldStop: () -> Bool) -> Double?

    /// The Hessian at `point`, or nil when the loss has none to offer (default nil).
    func availableHessian(at point: [Double]) -> [[Double]]?
    /// Global minima known in closed form (default none).
    var minima: [[Double]] { get }
    /// Other known local minima (default none).
    var localMinima: [[Double]] { get }
    /// Known saddle points (default none).
    var saddles: [[Double]] { get }
    /// The loss at the global minima, when known (default nil).
    var minimumValue: Double? { get }
}

extension DifferentiableLoss {
    public var parameterNames: [String] { (0..<parameterCount).map { "w\($0 + 1)" } }

    public func checkedEvaluation(at point: [Double]) throws(EvaluationError) -> (loss: Double, gradient: [Double]) {
        var gradient = [Double](repeating: 0, count: parameterCount)
        var gradientSpan = gradient.mutableSpan
        let loss = value(at: point.span, gradient: &gradientSpan)
        return (loss, gradient)
    }

    public var workspaceCount: Int { 2 * parameterCount }
    public var gradientOffset: Int { parameterCount }
    public func prepare(workspace: inout MutableSpan<Double>) {}

    public func loss(inPlace workspace: inout MutableSpan<Double>) -> Double {
        let count = parameterCount, offset = gradientOffset
        return workspace.withUnsafeMutableBufferPointer { workspace in
            var gradient = UnsafeMutableBufferPointer(rebasing: workspace[offset..<offset + count]).mutableSpan
            return value(at: UnsafeBufferPointer(rebasing: workspace[0..<count]).span, gradient: &gradient)
        }
    }

    @inline(__always)
    public func loss(inPlace workspace: inout MutableSpan<Double>, afterStep step: Int) -> Double {
        loss(inPlace: &workspace)
    }

    public var evaluationCanStop: Bool { false }

    public func loss(inPlace workspace: inout MutableSpan<Double>, afterStep step: Int,
                     shouldStop: () -> Bool) -> Double? {
        loss(inPlace: &workspace, afterStep: step)
    }

    public func availableHessian(at point: [Double]) -> [[Double]]? { nil }
    public var minima: [[Double]] { [] }
    public var localMinima: [[Double]] { [] }
    public var saddles: [[Double]] { [] }
    public var minimumValue: Double? { nil }

    /// Whether the loss offers a Hessian (asked at its first known minimum, else at 0).
    public var hasHessian: Bool {
        availableHessian(at: minima.first ?? [Double](repeating: 0, count: parameterCount)) != nil
    }

    /// The nearest known minimum (global or local) to `point`, with whether it is global;
    /// nil when the loss knows none.
    public func nearestMinimum(to point: [Double]) -> (point: [Double], isGlobal: Bool, distance: Double)? {
        var best: (point: [Double], isGlobal: Bool, distance: Double)?
        for (candidates, isGlobal) in [(minima, true), (localMinima, false)] {
            for minimum in candidates where minimum.count == point.count {
                let distance = EuclideanNorm.distance(minimum, point)
                if distance < best?.distance ?? .infinity { best = (minimum, isGlobal, distance) }
            }
        }
        return best
    }
}
