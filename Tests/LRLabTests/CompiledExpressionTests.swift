import Testing
@testable import LRLab

/// Random formulas over x and y using every operator and function, with literals chosen to
/// hit the compiler's special cases (exponent 2, other integer exponents, signed zeros).
struct ExpressionGenerator {
    var random: TestRandom

    private static let numbers: [Double] = [0, -0.0, 1, 2, 3, -1, 0.5, 100, 1e-3, 2.5, 1e300]

    mutating func leaf() -> Expr {
        switch random.below(6) {
        case 0, 1: return .variable("x")
        case 2: return .variable("y")
        case 3: return .constant(random.element(Constant.allCases))
        case 4: return .number(random.element(Self.numbers))
        default: return .number(random.uniform(-5...5))
        }
    }

    mutating func expression(depth: Int) -> Expr {
        if depth <= 0 || random.below(5) == 0 { return leaf() }
        switch random.below(10) {
        case 0: return .negate(expression(depth: depth - 1))
        case 1, 2: return .call(random.element(Function.allCases), expression(depth: depth - 1))
        case 3:
            // Powers: mostly literal exponents (2 becomes a*a), sometimes computed ones.
            let exponent: Expr = random.below(3) == 0
                ? expression(depth: depth - 1)
                : .number(random.element([2, 2, 3, 0.5, -1, 4, 1, 0]))
            return .binary(.power, expression(depth: depth - 1), exponent)
        default:
            let op = random.element([BinaryOperator.add, .subtract, .multiply, .divide])
            let left = expression(depth: depth - 1)
            // Reusing a subtree makes the sharing (hash-consing) do real work.
            let right = random.below(4) == 0 ? left : expression(depth: depth - 1)
            return .binary(op, left, right)
        }
    }

    mutating func point() -> [Double] {
        let special: [Double] = [0, -0.0, 1, -1, 2, 1e200, -1e-200, .infinity]
        return (0..<2).map { _ in random.below(8) == 0 ? random.element(special) : random.uniform(-3...3) }
    }
}

/// Equal bits, or both NaN (the sign and payload of a NaN are not part of the promise).
func sameBits(_ a: Double, _ b: Double) -> Bool {
    a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN)
}

@Suite("Compiled expressions")
struct CompiledExpressionTests {
    static let names = ["x", "y"]

    /// The promise in `CompiledExpression`'s documentation: every output is bit-for-bit the
    /// tree walker's value (NaN matches NaN), for raw unsimplified trees and their derivatives.
    @Test("random formulas and their derivatives match the tree walker bit for bit")
    func randomFormulasMatchReference() {
        var generator = ExpressionGenerator(random: TestRandom(seed: 0x5EED_1234))
        var compared = 0, finite = 0
        for _ in 0..<1500 {
            let expr = generator.expression(depth: 5)
            let formulas = [expr] + Self.names.map { expr.derivative(withRespectTo: $0) }
            let tape = CompiledExpression(formulas, variables: Self.names)
            #expect(tape.outputCount == 3)
            for _ in 0..<6 {
                let point = generator.point()
                let compiled = tape.evaluate(at: point)
                var rest = [0.0, 0.0]
                let first = tape.evaluate(at: point, rest: &rest)
                #expect(sameBits(first, compiled[0]) && sameBits(rest[0], compiled[1]) && sameBits(rest[1], compiled[2]))
                #expect(sameBits(tape.evaluateFirst(at: point), compiled[0]))
                for (formula, value) in zip(formulas, compiled) {
                    let reference = formula.value(names: Self.names, at: point)
                    #expect(sameBits(value, reference), "\(formula) at \(point): compiled \(value), tree \(reference)")
                    compared += 1
                    if reference.isFinite { finite += 1 }
                }
            }
        }
        // Make sure the property is not vacuous: most comparisons are of ordinary numbers.
        #expect(compared == 1500 * 6 * 3)
        #expect(finite > compared / 3)
    }

    @Test("objectives built from random formulas evaluate like their trees")
    func randomObjectivesMatchReference() {
        var generator = ExpressionGenerator(random: TestRandom(seed: 42))
        for _ in 0..<300 {
            let objective = Objective(parameters: Self.names, expression: generator.expression(depth: 4))
            for _ in 0..<4 {
                let point = generator.point()
                var gradient = [0.0, 0.0]
                let loss = objective.loss(at: point, gradient: &gradient)
                let reference = objective.expression.value(names: Self.names, at: point)
                #expect(sameBits(loss, reference))
                #expect(sameBits(objective.loss(at: point), reference))
                for index in 0..<2 {
                    #expect(sameBits(gradient[index], objective.gradient[index].value(names: Self.names, at: point)))
                }
            }
        }
    }

    /// Each super-instruction, produced by a formula of its shape (with literals and points
    /// where rounding differs between orders of operations), against the tree walker.
    @Test("every super-instruction appears where its shape does and rounds as the tree walker",
          arguments: [
              ("x^2*100", Instruction.Operation.squareMultiplyImmediate),
              ("(x*y)*400", .multiplyMultiplyImmediate),
              ("x - y^2", .subtractSquare),
              ("x + y^2", .addSquare),
              ("x*3 - y", .multiplyImmediateSubtract),
              ("x - y*3", .subtractMultiplyImmediate),
              ("x*3 + y", .multiplyImmediateAdd),
              ("x^2*10 + y^2", .squareMultiplyImmediateAddSquare),
              ("y^2 + 10*x^2", .squareMultiplyImmediateAddSquare),
              ("x*(-2) - (x*y)*400", .multiplyImmediateAddScaledProduct),
              ("-2*(1 - x) - 400*((y - x^2)*x)", .multiplyImmediateAddScaledProduct),
          ])
    func superInstructions(formula: String, operation: Instruction.Operation) throws {
        let expr = try Parser.parse(formula, variables: Self.names)
        let tape = CompiledExpression([expr], variables: Self.names)
        let operations = (0..<tape.instructionCount).map { tape.tape.instructions[$0].operation }
        #expect(operations.contains(operation), "\(formula) compiles to \(operations)")
        var random = TestRandom(seed: 7)
        var points: [[Double]] = [[0.1, 0.7], [-0.0, 0], [1e200, -3], [.infinity, 1], [.nan, 2]]
        for _ in 0..<300 { points.append([random.uniform(-3...3), random.uniform(-3...3)]) }
        for point in points {
            let reference = expr.value(names: Self.names, at: point)
            let compiled = tape.evaluateFirst(at: point)
            #expect(sameBits(compiled, reference), "\(formula) at \(point): compiled \(compiled), tree \(reference)")
        }
    }

    @Test("common subexpressions are computed once across the loss and the gradient")
    func sharing() throws {
        let rosenbrock = try Parser.parse("(1 - x)^2 + 100*(y - x^2)^2", variables: Self.names)
        let objective = Objective(parameters: Self.names, expression: rosenbrock)
        let formulas = [rosenbrock] + objective.gradient
        let tape = CompiledExpression(formulas, variables: Self.names)
        let treeOperations = formulas.map(\.size).reduce(0, +)
        #expect(tape.instructionCount < treeOperations / 2)
        // Today: 5 instructions (super-instructions fuse single-use pairs and triples) and 7
        // registers: 2 inputs, 3 outputs (side by side, for in-place evaluation), 2 temporaries.
        #expect(tape.instructionCount <= 5)
        #expect(tape.registerCount <= 8)
        // `x*y` and `y*x` are one multiplication; the copy puts the shared value in the
        // second output's register, since the outputs' registers lie side by side.
        let product = CompiledExpression([.binary(.multiply, .variable("x"), .variable("y")),
                                          .binary(.multiply, .variable("y"), .variable("x"))], variables: Self.names)
        #expect(product.instructionCount == 2)
        #expect(product.evaluate(at: [3, 5]) == [15, 15])
    }

    /// The outputs' registers lie side by side for in-place evaluation, whatever the outputs
    /// are: computed values, inputs, literals, or one value listed twice.
    @Test("in-place evaluation leaves every kind of output in its register")
    func inPlaceOutputs() throws {
        let formulas: [Expr] = [.binary(.multiply, .variable("x"), .variable("y")), .variable("y"), .variable("x"),
                                .number(-0.0), .binary(.multiply, .variable("y"), .variable("x")), .number(2.5)]
        let tape = CompiledExpression(formulas, variables: Self.names)
        var workspace = [Double](repeating: .nan, count: tape.workspaceCount)
        var span = workspace.mutableSpan
        tape.prepare(workspace: &span)
        span[0] = 3
        span[1] = 5
        let first = tape.evaluate(inPlace: &span)
        let outputs = Array(workspace[tape.outputOffset..<tape.outputOffset + formulas.count])
        #expect(first == 15)
        #expect(outputs.map(\.bitPattern) == [15, 5, 3, -0.0, 15, 2.5].map(\.bitPattern))
        #expect(outputs.map(\.bitPattern) == tape.evaluate(at: [3, 5]).map(\.bitPattern))
    }

    @Test("literals fold, keeping signed zeros apart")
    func folding() {
        let one = Expr.number(1)
        let tape = CompiledExpression([
            .binary(.divide, one, .number(-0.0)),
            .binary(.divide, one, .number(0)),
            .binary(.multiply, .constant(.pi), .binary(.power, .number(2), .number(3))),
            .binary(.add, .variable("x"), .variable("z")),
        ], variables: ["x"])
        #expect(tape.instructionCount == 1, "only x + NaN is left to compute")
        let values = tape.evaluate(at: [1])
        #expect(values[0] == -.infinity)
        #expect(values[1] == .infinity)
        #expect(values[2] == Double.pi * 8)
        #expect(values[3].isNaN, "an unknown variable reads as NaN, as in the tree walker")
    }

    @Test("a computed exponent of 2 squares, as Expr.power does")
    func computedExponent() {
        let expr = Expr.binary(.power, .variable("x"), .variable("y"))
        let tape = CompiledExpression([expr], variables: Self.names)
        for point in [[-3.0, 2], [0.1, 2], [-3, 3], [2, 0.5], [-2, 0.5]] {
            #expect(sameBits(tape.evaluateFirst(at: point), expr.value(names: Self.names, at: point)))
        }
    }
}

@Suite("Compiled expressions: tape layout")
struct CompiledTapeLayoutTests {
    @Test("literal operands on either side of every binary operator")
    func immediates() throws {
        let names = ["x", "y"]
        let formulas = try ["3 - x", "x - 3", "3 / x", "x / 3", "3 + x", "x * 3", "3^x", "x^3", "x^2", "2^x", "x^0.5",
                            "-(x) * 0", "0 / x", "x - 0", "(-0) - x"]
            .map { try Parser.parse($0, variables: names) }
        let tape = CompiledExpression(formulas, variables: names)
        let points: [[Double]] = [[-2, 1], [0, 0], [-0.0, 0], [0.3, 1], [7, 1], [.infinity, 0], [-.infinity, 0], [.nan, 0]]
        for point in points {
            for (formula, value) in zip(formulas, tape.evaluate(at: point)) {
                #expect(sameBits(value, formula.value(names: names, at: point)), "\(formula) at \(point)")
            }
        }
    }

    @Test("more outputs than fit in 1024 bytes of registers still evaluate correctly")
    func manyOutputs() {
        let formulas = (0..<300).map { Expr.binary(.multiply, .variable("x"), .number(Double($0))) }
        let tape = CompiledExpression(formulas, variables: ["x"])
        #expect(tape.registerCount > 128)
        let values = tape.evaluate(at: [1.5])
        #expect(values == (0..<300).map { 1.5 * Double($0) })
    }

    @Test("a long chain reuses a few registers")
    func registerReuse() {
        var expr = Expr.variable("x")
        for index in 0..<500 { expr = .call(index % 2 == 0 ? .sin : .cos, .binary(.add, expr, .variable("y"))) }
        let tape = CompiledExpression([expr], variables: ["x", "y"])
        #expect(tape.registerCount <= 4)
        #expect(sameBits(tape.evaluateFirst(at: [0.5, 0.25]), expr.value(names: ["x", "y"], at: [0.5, 0.25])))
    }
}

@Suite("Compiled expressions: edge shapes")
struct CompiledEdgeShapeTests {
    @Test("one output, no outputs and a point with too few values")
    func shapes() {
        let single = CompiledExpression([.binary(.add, .variable("x"), .number(1))], variables: ["x", "y"])
        var none: [Double] = []
        #expect(single.evaluate(at: [2, 0], rest: &none) == 3)
        #expect(single.evaluate(at: [2, 0]) == [3])
        #expect(single.evaluateFirst(at: []).isNaN, "a missing value reads as NaN, as in the tree walker")
        #expect(CompiledExpression([], variables: ["x"]).evaluate(at: [1]) == [])
    }
}
