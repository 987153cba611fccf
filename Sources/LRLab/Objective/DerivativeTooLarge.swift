/// A formula whose symbolic derivatives would be too large to build, run or print: each
/// derivative repeats parts of the formula (`d(u*v) = u'*v + u*v'`), so nested products and
/// powers grow with every order.
public struct DerivativeTooLarge: Error, Hashable, Sendable {
    /// 1 for the gradient, 2 for the Hessian.
    public var order: Int
    /// The node limit that was passed (`Objective.maximumDerivativeSize`).
    public var limit: Int

    public init(order: Int, limit: Int) {
        self.order = order
        self.limit = limit
    }

    /// "its gradient would have more than 100000 terms".
    public var description: String {
        "its \(order == 1 ? "gradient" : "second derivatives (the Hessian)") would have more than \(limit) terms"
    }
}
