import Testing
@testable import LRLab

/// The parser's two limits (nesting and size) and the derivative size limit: each holds at its
/// value, refuses one past it with a message naming the real limit, and costs little to enforce.
@Suite struct FormulaLimitTests {
    static func flatSum(_ terms: Int) -> String {
        Array(repeating: "x", count: terms).joined(separator: " + ")
    }

    /// `levels` levels of nesting: the formula itself is level 1, each parenthesis one more.
    static func parenthesized(levels: Int) -> String {
        String(repeating: "(", count: levels - 1) + "x" + String(repeating: ")", count: levels - 1)
    }

    @Test func aFlatSumOf250TermsIsAcceptedNotCalledNested() throws {
        let expr = try Parser.parse(Self.flatSum(250), variables: ["x"])
        #expect(expr.size == 499)
        #expect(expr.value(names: ["x"], at: [2]) == 500)
    }

    @Test func aFlatSumUpToTheSizeLimitIsAcceptedAndDifferentiated() throws {
        // n terms are 2n - 1 nodes.
        let terms = (Parser.maximumSize + 1) / 2
        let expr = try Parser.parse(Self.flatSum(terms), variables: ["x"])
        #expect(expr.size <= Parser.maximumSize)
        let objective = try Objective.checked(parameters: ["x"], expression: expr)
        var gradient = [0.0]
        #expect(objective.loss(at: [3], gradient: &gradient) == 3 * Double(terms))
        #expect(gradient == [Double(terms)])
    }

    @Test func oneTermPastTheSizeLimitIsRefusedNamingTheLimit() {
        let terms = Parser.maximumSize / 2 + 1
        let error = #expect(throws: ExpressionError.self) { try Parser.parse(Self.flatSum(terms), variables: ["x"]) }
        #expect(error?.message == "formula is too large (more than \(Parser.maximumSize) terms)")
    }

    @Test func nestingAtTheLimitIsAcceptedAndOneMoreIsRefused() throws {
        let expr = try Parser.parse(Self.parenthesized(levels: Parser.maximumNesting), variables: ["x"])
        #expect(expr == .variable("x"))
        let error = #expect(throws: ExpressionError.self) {
            try Parser.parse(Self.parenthesized(levels: Parser.maximumNesting + 1), variables: ["x"])
        }
        #expect(error?.message.contains("nested too deeply (more than \(Parser.maximumNesting) levels") == true)
    }

    @Test func signsFunctionsAndPowersCountAsNesting() throws {
        // sin(-(x^2)): the 2 sits at level 5.
        let levels = Parser.maximumNesting
        let signs = String(repeating: "-", count: levels - 1) + "x"
        _ = try Parser.parse(signs, variables: ["x"])
        #expect(throws: ExpressionError.self) { try Parser.parse("-" + signs, variables: ["x"]) }
        let calls = String(repeating: "sin(", count: levels - 1) + "x" + String(repeating: ")", count: levels - 1)
        _ = try Parser.parse(calls, variables: ["x"])
        #expect(throws: ExpressionError.self) { try Parser.parse("sin(" + calls + ")", variables: ["x"]) }
        let tower = Array(repeating: "x", count: levels).joined(separator: "^")
        _ = try Parser.parse(tower, variables: ["x"])
        #expect(throws: ExpressionError.self) { try Parser.parse("x^" + tower, variables: ["x"]) }
    }

    @Test func aHundredThousandNestedParenthesesAreRefused() {
        let deep = String(repeating: "(", count: 100_000) + "x" + String(repeating: ")", count: 100_000)
        let error = #expect(throws: ExpressionError.self) { try Parser.parse(deep, variables: ["x"]) }
        #expect(error?.message.contains("nested too deeply") == true)
        // The caret points at the first token past the limit.
        #expect(error?.range.start.column == Parser.maximumNesting + 1)
    }

    /// A power tower's derivatives repeat the tower at every level: the Hessian of x^(x^...^y)
    /// 60 levels high would print as megabytes. It is refused, quickly, naming the limit.
    @Test func derivativesPastTheLimitAreRefusedQuickly() throws {
        let tower = String(repeating: "x^(", count: 60) + "y" + String(repeating: ")", count: 60)
        let expr = try Parser.parse(tower, variables: ["x", "y"])
        let start = ContinuousClock.now
        let error = #expect(throws: DerivativeTooLarge.self) {
            try Objective.checked(parameters: ["x", "y"], expression: expr)
        }
        #expect(error?.limit == Objective.maximumDerivativeSize)
        #expect(error?.description.contains("more than \(Objective.maximumDerivativeSize) terms") == true)
        // Well under a second in release; the bound here leaves room for a loaded debug build.
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test func everyPresetIsWellWithinTheDerivativeLimit() throws {
        for preset in Preset.all {
            let objective = try preset.objective()
            let checked = try Objective.checked(name: preset.name, parameters: objective.parameters, expression: objective.expression)
            #expect(checked.gradient == objective.gradient)
            #expect(checked.hessian == objective.hessian)
            #expect(!objective.hessian.joined().contains { $0.hasMoreNodes(than: Objective.maximumDerivativeSize / 100) })
        }
    }

    @Test func hasMoreNodesStopsAtTheLimit() throws {
        let expr = try Parser.parse("x*y + sin(x)", variables: ["x", "y"])
        #expect(expr.size == 6)
        #expect(expr.hasMoreNodes(than: 5))
        #expect(!expr.hasMoreNodes(than: 6))
        // A tree that shares one subtree 2^60 times prints as 2^61 nodes; counting stops at the limit.
        var shared = Expr.variable("x")
        for _ in 0..<60 { shared = .binary(.add, shared, shared) }
        #expect(shared.hasMoreNodes(than: 1_000_000))
    }
}
