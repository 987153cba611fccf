/// What trainings of a model hold in memory, in bytes, worked out from the model, the data
/// and the optimizer before anything is allocated: what a population, a comparison or a
/// training checks against a memory budget.
///
/// A training (`Trainer`) keeps, per parameter, the parameters and their gradient, the point
/// and gradient before the latest step (the trace's step and overshoot read them), the
/// optimizer's state (`Optimizer.storedValuesPerParameter`: Adam's m, v and rate) and, when it
/// keeps them for early stopping, the best epoch's parameters. Only the training being
/// stepped holds more: the loss's workspace (the parameters and gradient again, and one chunk
/// of rows' inputs, outputs and activations), the measurement's workspace, the start point
/// the trainings share, and, where an evaluation can be stopped midway, the point of a step
/// whose evaluation Ctrl-C stopped (held until the step is finished). The data set itself is
/// not counted: it is held already.
public struct TrainingMemory: Sendable, Hashable {
    /// Bytes each training keeps between its turns.
    public var perTraining: Int
    /// Bytes held once, by the training being stepped (and the shared start point).
    public var whileStepping: Int

    public init(perTraining: Int, whileStepping: Int) {
        self.perTraining = perTraining
        self.whileStepping = whileStepping
    }

    /// The memory of trainings of `model` on `split` with the optimizer `configuration`, in
    /// batches of `batchSize` rows (nil: full batches), keeping the best epoch's parameters
    /// when `keepsBestParameters` (and the split has validation rows).
    public init(model: any Model, split: DataSplit, configuration: OptimizerConfiguration, batchSize: Int?,
                keepsBestParameters: Bool) {
        let parameters = model.parameterCount
        let optimizer = configuration.makeOptimizer(parameterCount: 0).storedValuesPerParameter
        let best = keepsBestParameters && split.validation != nil ? 1 : 0
        // Parameters, gradient, the point and gradient before the latest step, optimizer, best.
        let kept = (4 + optimizer + best) * parameters
        let loss = ModelLoss(model: model, data: split.training)
        let measurement = Swift.max(loss.measurementWorkspaceCount,
                                    split.validation.map { ModelLoss(model: model, data: $0).measurementWorkspaceCount } ?? 0)
        let rowsPerStep = Swift.min(batchSize ?? split.training.rowCount, split.training.rowCount)
        let held = ModelLoss.evaluationCanStop(rows: rowsPerStep, parameters: parameters) ? parameters : 0
        let stepping = parameters + loss.workspaceCount + measurement + held
        self.init(perTraining: kept.multipliedSaturating(by: 8), whileStepping: stepping.multipliedSaturating(by: 8))
    }

    /// Bytes of `count` trainings of which one is stepped at a time (a population's members).
    public func bytes(trainings count: Int) -> Int {
        perTraining.multipliedSaturating(by: count).addingSaturating(whileStepping)
    }
}

extension Int {
    /// `self × other`, or `Int.max` past it.
    func multipliedSaturating(by other: Int) -> Int {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        return overflow ? .max : product
    }

    /// `self + other`, or `Int.max` past it.
    func addingSaturating(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }
}
