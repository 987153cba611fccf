/// A curvature report for any `DifferentiableLoss`: from its Hessian when it offers one;
/// otherwise an empty report that says so (`isAvailable` false, no directions, no critical
/// rate, and `sentence` is `unavailableSentence`).
extension CurvatureReport {
    /// What a report says when the loss has no Hessian.
    public static let unavailableSentence = "no Hessian for this loss: curvature bounds unavailable"

    /// The loss's Hessian at `point`, for the optimizer of `configuration` at its base rate,
    /// or at `learningRate` when given; empty when the loss offers no Hessian (or `point` is
    /// not one of its points: a trace that kept no parameters gives none).
    public init(loss: some DifferentiableLoss, at point: [Double], configuration: OptimizerConfiguration = .standard,
                learningRate: Double? = nil) {
        let hessian = point.count == loss.parameterCount ? loss.availableHessian(at: point) : nil
        self.init(hessian: hessian ?? [], point: point, parameterNames: loss.parameterNames,
                  learningRate: learningRate ?? configuration.learningRate, configuration: configuration)
    }

    /// The symbolic formula's Hessian at `point` (see `init(loss:at:configuration:learningRate:)`).
    public init(objective: Objective, at point: [Double], configuration: OptimizerConfiguration = .standard,
                learningRate: Double? = nil) {
        self.init(loss: objective, at: point, configuration: configuration, learningRate: learningRate)
    }

    /// Whether the report rests on a Hessian: false when the loss offered none.
    public var isAvailable: Bool { !hessian.isEmpty || parameterNames.isEmpty }
}
