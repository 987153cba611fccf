/// A model's loss over a sequence of mini-batches, one per step: the evaluation that ends
/// step `firstStep + k` of a run is `batches[k]`'s. It lets a `Trainer` take many mini-batch
/// steps in one `Run.run` (whose steps are specialized and share one workspace) instead of a
/// `Run.replaceLoss` and a `Run.step()` per batch, with the same steps.
///
/// All batches are the same model, data and penalty over other rows, so they share the
/// workspace's layout. Outside its steps (`loss(inPlace:)`, `value(at:gradient:)`, which a run
/// uses at its start and to tell an undefined point from a divergence) the loss is the last
/// batch's: the one a run that took every step holds the gradient of.
public struct MiniBatchLoss: DifferentiableLoss {
    /// The loss of each batch, in order; never empty.
    public let batches: [ModelLoss]
    /// The step whose evaluation is `batches[0]`'s.
    public let firstStep: Int

    /// The batches' losses after steps `firstStep`, `firstStep + 1`, …; steps past the last
    /// batch evaluate the last batch. `batches` must not be empty and must have one parameter
    /// count.
    public init(batches: [ModelLoss], firstStep: Int) {
        precondition(!batches.isEmpty, "a mini-batch sequence needs a batch")
        precondition(batches.allSatisfy { $0.parameterCount == batches[0].parameterCount }, "the batches must be one model's")
        self.batches = batches
        self.firstStep = firstStep
    }

    /// The batch whose loss ends step `step`.
    public func batch(afterStep step: Int) -> ModelLoss {
        batches[Swift.min(Swift.max(step - firstStep, 0), batches.count - 1)]
    }

    public var parameterCount: Int { batches[0].parameterCount }
    public var parameterNames: [String] { batches[0].parameterNames }
    public var workspaceCount: Int { batches[0].workspaceCount }

    public func value(at point: Span<Double>, gradient: inout MutableSpan<Double>) -> Double {
        batches[batches.count - 1].value(at: point, gradient: &gradient)
    }

    public func loss(inPlace workspace: inout MutableSpan<Double>) -> Double {
        batches[batches.count - 1].loss(inPlace: &workspace)
    }

    public func loss(inPlace workspace: inout MutableSpan<Double>, afterStep step: Int) -> Double {
        batch(afterStep: step).loss(inPlace: &workspace)
    }

    public var evaluationCanStop: Bool { batches.contains { $0.evaluationCanStop } }

    public func loss(inPlace workspace: inout MutableSpan<Double>, afterStep step: Int,
                     shouldStop: () -> Bool) -> Double? {
        batch(afterStep: step).loss(inPlace: &workspace, afterStep: step, shouldStop: shouldStop)
    }
}
