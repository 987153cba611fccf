/// One row of a trace: the state after step `step`.
public struct TraceRecord: Sendable, Hashable {
    public var step: Int
    /// The rate used to make this step (0 on row 0).
    public var learningRate: Double
    public var parameters: [Double]
    public var loss: Double
    /// The gradient at `parameters` (the next step's to move along).
    public var gradient: [Double]
    /// How far this step moved each parameter.
    public var stepTaken: [Double]
    /// The optimizer's state quantities, state-major (`stateNames.count * dimension`).
    public var state: [Double]
    public var notes: TraceNotes
    /// The gradient this step moved along: the gradient at the previous step's point, from
    /// which the step, the optimizer's state and so the row's other numbers follow. On row 0
    /// (no step) the gradient at the start. Empty for a record made without it.
    public var stepGradient: [Double] = []
    /// The trace's extra scalars (`Trace.extraNames`), not a number where none was recorded.
    public var extras: [Double] = []
    /// The gradient norm as recorded, when the trace keeps no per-parameter columns.
    public var recordedGradientNorm: Double? = nil
    /// The step length as recorded, when the trace keeps no per-parameter columns.
    public var recordedStepLength: Double? = nil

    /// Euclidean norm of the gradient (`EuclideanNorm`: no underflow to 0, no overflow).
    public var gradientNorm: Double { recordedGradientNorm ?? EuclideanNorm.of(gradient) }
    /// `stepGradient`, or `gradient` for a record made without it.
    public var gradientUsed: [Double] { stepGradient.count == gradient.count ? stepGradient : gradient }
    /// Euclidean norm of the step taken.
    public var stepLength: Double { recordedStepLength ?? EuclideanNorm.of(stepTaken) }
}
