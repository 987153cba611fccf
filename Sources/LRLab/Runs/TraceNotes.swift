/// Events marked on a trace line.
public struct TraceNotes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The step crossed the minimum along a coordinate: that coordinate's gradient changed sign.
    public static let overshoot = TraceNotes(rawValue: 1 << 0)
    /// The loss is higher than before the step.
    public static let lossUp = TraceNotes(rawValue: 1 << 1)
    /// The loss barely changed (relative change under 1e-12) while the gradient is not small.
    public static let plateau = TraceNotes(rawValue: 1 << 2)
    /// The gradient norm fell under the convergence tolerance.
    public static let converged = TraceNotes(rawValue: 1 << 3)
    /// A value became non-finite or the loss grew beyond any sensible bound.
    public static let diverged = TraceNotes(rawValue: 1 << 4)
    /// The formula has no value at the new point (log of a negative number, division by zero).
    public static let undefined = TraceNotes(rawValue: 1 << 5)
    /// The learning rate differs from the previous step's (a schedule changed it).
    public static let rateChanged = TraceNotes(rawValue: 1 << 6)

    /// The notes as words, in a fixed order: `overshoot, loss up`.
    public var words: [String] {
        var result: [String] = []
        if contains(.rateChanged) { result.append("lr change") }
        if contains(.overshoot) { result.append("overshoot") }
        if contains(.lossUp) { result.append("loss up") }
        if contains(.plateau) { result.append("plateau") }
        if contains(.converged) { result.append("converged") }
        if contains(.diverged) { result.append("diverged") }
        if contains(.undefined) { result.append("undefined") }
        return result
    }
}
