import Testing
@testable import LRLab

@Suite struct ParserTests {
    @Test(arguments: [
        ("1 + 2*3", 7.0), ("2^3^2", 512.0), ("-2^2", -4.0), ("(-2)^2", 4.0), ("2^-1", 0.5),
        ("10 - 4 - 3", 3.0), ("8/4/2", 1.0), ("1e-3*1000", 1.0), (".5 + .5", 1.0), ("--3", 3.0),
        ("sqrt(16) + abs(-2)", 6.0), ("exp(0) + log(1) + cos(0) + sin(0) + tan(0) + tanh(0)", 2.0),
        ("2**3", 8.0),
    ])
    func evaluatesConstantFormulas(text: String, expected: Double) throws {
        let expr = try Parser.parse(text, variables: [])
        #expect(expr.value(names: [], at: []) == expected)
    }

    @Test func constantsAndNamedValues() throws {
        let expr = try Parser.parse("a*x^2 + pi + e", variables: ["x"], names: ["a": 5])
        let value = expr.value(names: ["x"], at: [2])
        #expect(Swift.abs(value - (20 + Double.pi + 2.718281828459045)) < 1e-12)
    }

    /// Each case gives the column (1-based) the caret must point at.
    @Test(arguments: [
        ("sqr(x)", 1, "unknown function 'sqr'", "did you mean 'sqrt'?"),
        ("x + ", 5, "formula ends where a number, name or '(' was expected", nil),
        ("2x", 2, "expected an operator before 'x'", "write a product with '*', e.g. 2*x"),
        ("(x + 1", 1, "missing ')' to close the '(' here", nil),
        ("x + z", 5, "unknown name 'z'", nil),
        ("x $ 2", 3, "unexpected character '$'", nil),
        ("x + y", 5, "'y' is not a variable of f(x)", "define f(x, y) = ... for a function of two variables"),
        ("1e999", 1, "number '1e999' is too large for a double", "nonzero magnitudes run from about 4.9e-324 to 1.8e308"),
        ("log(x, 2)", 6, "log takes one argument", nil),
        ("x + 1)", 6, "unmatched ')'", nil),
    ] as [(String, Int, String, String?)])
    func reportsErrorsWithColumns(text: String, column: Int, message: String, hint: String?) {
        let error = #expect(throws: ExpressionError.self, "expected an error for \(text)") {
            try Parser.parse(text, variables: ["x"])
        }
        #expect(error?.message == message)
        if let hint { #expect(error?.hint == hint) }
        #expect(error?.range.start.column == column)
    }

    @Test func columnsCountFromTheFormulasPlaceInTheLine() {
        let error = #expect(throws: ExpressionError.self) {
            try Parser.parse("sqr(x)", variables: ["x"], firstColumn: 8)
        }
        #expect(error?.range.start.column == 8)
        #expect(error?.range.length == 3)
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let deep = String(repeating: "(", count: 5000) + "x" + String(repeating: ")", count: 5000)
        #expect(throws: ExpressionError.self) { try Parser.parse(deep, variables: ["x"]) }
        let longSum = Array(repeating: "x", count: 100_000).joined(separator: "+")
        #expect(throws: ExpressionError.self) { try Parser.parse(longSum, variables: ["x"]) }
        let minuses = String(repeating: "-", count: 10_000) + "x"
        #expect(throws: ExpressionError.self) { try Parser.parse(minuses, variables: ["x"]) }
    }
}

@Suite struct PrinterTests {
    @Test(arguments: [
        "(x - 3)^2", "-x^2", "(-x)^2", "2^-x", "x - (y - 1)", "x/(y*2)", "x^y^2", "(x^y)^2",
        "sin(x)*cos(y)", "-(x + y)", "x*-y", "1e-05*x", "0.1 + x", "(1 - x)^2 + 100*(y - x^2)^2",
    ])
    func printsWhatItParsesAndReadsBack(text: String) throws {
        let expr = try Parser.parse(text, variables: ["x", "y"])
        let printed = expr.description
        let reparsed = try Parser.parse(printed, variables: ["x", "y"])
        #expect(reparsed == expr, "\(text) printed as \(printed)")
    }
}

@Suite struct DerivativeTests {
    @Test(arguments: [
        ("(x - 3)^2", "2*(x - 3)"),
        ("x^2", "2*x"),
        ("3*x + 1", "3"),
        ("sin(x)", "cos(x)"),
        ("exp(2*x)", "2*exp(2*x)"),
        ("log(x)", "1/x"),
        ("x^3/3 - x", "x^2 - 1"),
        ("0*x + 1", "0"),
    ])
    func exactFormsForSimpleCases(text: String, expected: String) throws {
        let expr = try Parser.parse(text, variables: ["x"])
        #expect(expr.derivative(withRespectTo: "x").description == expected)
    }

    @Test func rosenbrockGradientMatchesClosedForm() throws {
        let expr = try Parser.parse("(1 - x)^2 + 100*(y - x^2)^2", variables: ["x", "y"])
        let gx = expr.derivative(withRespectTo: "x"), gy = expr.derivative(withRespectTo: "y")
        for (x, y) in [(-1.5, 2.0), (0.3, -0.7), (1.0, 1.0)] {
            let expectedX = -2 * (1 - x) - 400 * x * (y - x * x)
            let expectedY = 200 * (y - x * x)
            #expect(Swift.abs(gx.value(names: ["x", "y"], at: [x, y]) - expectedX) <= 1e-12 * max(1, Swift.abs(expectedX)))
            #expect(Swift.abs(gy.value(names: ["x", "y"], at: [x, y]) - expectedY) <= 1e-12 * max(1, Swift.abs(expectedY)))
        }
    }

    /// Every formula's symbolic derivative agrees with central finite differences at many
    /// random points (relative tolerance 1e-5, points where the formula is smooth).
    @Test(arguments: [
        "(x - 3)^2", "x^4/4 - x^2 + x/4", "sin(x*y) + cos(x)^2", "exp(-x^2 - y^2)", "log(1 + x^2 + y^2)",
        "sqrt(1 + x^2)*tanh(y)", "x^y", "(x^2 + y - 11)^2 + (x + y^2 - 7)^2", "tan(x/4)*y^3", "abs(x - 5)*y",
        "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2", "20 + x^2 - 10*cos(2*pi*x)",
        "x/(1 + y^2)", "2^x*y", "-(x - y)^3",
    ])
    func agreesWithFiniteDifferences(text: String) throws {
        let names = ["x", "y"]
        let expr = try Parser.parse(text, variables: names)
        var generator = TestRandom(seed: 42)
        for _ in 0..<200 {
            let point = [generator.uniform(0.2...2.5), generator.uniform(0.2...2.5)]
            for (index, name) in names.enumerated() {
                let symbolic = expr.derivative(withRespectTo: name).value(names: names, at: point)
                let h = 1e-6 * max(1, Swift.abs(point[index]))
                var plus = point, minus = point
                plus[index] += h
                minus[index] -= h
                let numeric = (expr.value(names: names, at: plus) - expr.value(names: names, at: minus)) / (2 * h)
                let scale = max(1, Swift.abs(symbolic), Swift.abs(expr.value(names: names, at: point)))
                #expect(Swift.abs(symbolic - numeric) <= 1e-5 * scale, "\(text) d/d\(name) at \(point): \(symbolic) vs \(numeric)")
            }
        }
    }
}
