/// Counting a tree's nodes without paying for its whole size. Derivatives share subtrees
/// (`d(u^v)` holds `u^v` itself), so a tree can be small in memory yet print as millions of
/// nodes; `size` would walk every one of them, these stop at the limit.
extension Expr {
    /// Whether the tree, counted as printed (a shared subtree counts each time it appears),
    /// has more than `limit` nodes. Visits at most `limit + 1` nodes.
    public func hasMoreNodes(than limit: Int) -> Bool {
        var budget = limit
        return !fits(in: &budget)
    }

    /// Takes one unit of `budget` per node; false as soon as it runs out.
    private func fits(in budget: inout Int) -> Bool {
        budget -= 1
        if budget < 0 { return false }
        switch self {
        case .number, .constant, .variable: return true
        case .negate(let operand), .call(_, let operand): return operand.fits(in: &budget)
        case .binary(_, let left, let right): return left.fits(in: &budget) && right.fits(in: &budget)
        }
    }
}
