/// The symbolic formula as a `DifferentiableLoss`: names from the formula, the exact
/// Hessian, and the presets' known minima and saddles (stored on `Objective`). The in-place
/// evaluation (`workspaceCount`, `gradientOffset`, `prepare`, `loss(inPlace:)`) is the
/// compiled tape's, declared on `Objective` itself.
extension Objective: DifferentiableLoss {
    public var parameterCount: Int { parameters.count }
    public var parameterNames: [String] { parameters }

    /// The loss and gradient from the compiled tape. Copies through arrays, so it allocates:
    /// runs use `loss(inPlace:)`, which does not.
    public func value(at point: Span<Double>, gradient: inout MutableSpan<Double>) -> Double {
        var result = [Double](repeating: 0, count: gradient.count)
        let loss = self.loss(at: (0..<point.count).map { point[$0] }, gradient: &result)
        for index in result.indices { gradient[index] = result[index] }
        return loss
    }

    /// The symbolic Hessian, always available.
    public func availableHessian(at point: [Double]) -> [[Double]]? { hessian(at: point) }
}
