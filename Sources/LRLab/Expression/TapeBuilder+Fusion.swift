extension TapeBuilder {
    /// The super-instruction computing `outer` with the instructions of one or two of its
    /// operands inside it, and those operands' nodes; nil when no fused form fits. `inner`
    /// gives an operand's instruction when it may be absorbed; `fusedInner` gives it when it
    /// is itself a super-instruction used once, for the two forms that go one level deeper.
    /// Each fused form performs exactly the operations it replaces, in the same order, on
    /// the same operands (no fused multiply-add): `K*(a*a)` is `(a*a)*K`, rounded twice. The
    /// forms are the shapes that the derivatives of polynomial-like formulas produce most
    /// (Rosenbrock's loss and gradient go from 12 instructions to 7 with the pairs, and to 5
    /// with the deeper forms); `+` is commutative bit for bit (up to a NaN's payload, which
    /// `CompiledExpression` does not promise), so either operand of an add may be the inner
    /// one.
    func fuse(_ outer: Step, inner: (Int) -> Step?, fusedInner: (Int) -> Step?) -> (Step, [Int])? {
        switch outer.operation {
        case .multiplyImmediate:
            guard let first = inner(outer.a) else { return nil }
            switch first.operation {
            case .square:
                return (Step(operation: .squareMultiplyImmediate, a: first.a, b: outer.b, bIsImmediate: true), [outer.a])
            case .multiply:
                return (Step(operation: .multiplyMultiplyImmediate, a: first.a, b: first.b, c: outer.b, bIsImmediate: false),
                        [outer.a])
            default: return nil
            }
        case .subtract:
            // `a*K - (b*c)*L`, which is `a*K + (b*c)*(-L)` bit for bit: negating a factor
            // negates the rounded product exactly, and `x - y` is `x + (-y)`.
            if let first = inner(outer.a), first.operation == .multiplyImmediate,
               let second = fusedInner(outer.b), second.operation == .multiplyMultiplyImmediate {
                return (Step(operation: .multiplyImmediateAddScaledProduct, a: first.a, b: second.a, c: first.b, third: second.b,
                             secondImmediate: -literalValue(second.c)!, bIsImmediate: false), [outer.a, outer.b])
            }
            if let second = inner(outer.b), second.operation == .square {
                return (Step(operation: .subtractSquare, a: outer.a, b: second.a, bIsImmediate: false), [outer.b])
            }
            if let first = inner(outer.a), first.operation == .multiplyImmediate {
                return (Step(operation: .multiplyImmediateSubtract, a: first.a, b: outer.b, c: first.b, bIsImmediate: false),
                        [outer.a])
            }
            if let second = inner(outer.b), second.operation == .multiplyImmediate {
                return (Step(operation: .subtractMultiplyImmediate, a: outer.a, b: second.a, c: second.b, bIsImmediate: false),
                        [outer.b])
            }
            return nil
        case .add:
            // `(a*a)*K + b*b`, a weighted sum of squares (the loss of every quadratic bowl):
            // two squares, a scaling and an add in one dispatch.
            for (candidate, other) in [(outer.b, outer.a), (outer.a, outer.b)] {
                if let scaled = fusedInner(candidate), scaled.operation == .squareMultiplyImmediate,
                   let square = inner(other), square.operation == .square {
                    return (Step(operation: .squareMultiplyImmediateAddSquare, a: scaled.a, b: square.a, c: scaled.b,
                                 bIsImmediate: false), [candidate, other])
                }
            }
            for (candidate, other) in [(outer.b, outer.a), (outer.a, outer.b)] {
                guard let step = inner(candidate) else { continue }
                if step.operation == .square {
                    return (Step(operation: .addSquare, a: other, b: step.a, bIsImmediate: false), [candidate])
                }
                if step.operation == .multiplyImmediate {
                    return (Step(operation: .multiplyImmediateAdd, a: step.a, b: other, c: step.b, bIsImmediate: false),
                            [candidate])
                }
            }
            return nil
        default:
            return nil
        }
    }
}
