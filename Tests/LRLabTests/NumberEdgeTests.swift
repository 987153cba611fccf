import Testing
@testable import LRLab
import LRLabText
#if canImport(Glibc)
import Glibc
#endif

/// Numbers at the edges of the doubles: conversions that never trap, verdict formatting that
/// has a spelling for every double, a norm that neither underflows nor overflows, and number
/// syntax that refuses values a double cannot hold. Expected strings are worked out by hand.
@Suite struct NumberEdgeTests {
    // MARK: Int(saturating:)

    static let conversions: [(Double, Int)] = [
        (0, 0), (-0.0, 0), (2.9, 2), (-2.9, -2), (.leastNonzeroMagnitude, 0), (-.leastNonzeroMagnitude, 0),
        (1e15, 1_000_000_000_000_000), (0x1p63.nextDown, 9_223_372_036_854_774_784),
        (0x1p63, .max), (1e300, .max), (.greatestFiniteMagnitude, .max), (.infinity, .max),
        (-0x1p63, .min), (-1e300, .min), (-.greatestFiniteMagnitude, .min), (-.infinity, .min), (.nan, 0),
    ]

    @Test(arguments: conversions)
    func saturatingConversionIsTotal(value: Double, expected: Int) {
        #expect(Int(saturating: value) == expected, "\(value)")
    }

    @Test func saturatingConversionNamesTheValueForNaN() {
        #expect(Int(saturating: .nan, ifNaN: -1) == -1)
        #expect(Int(saturating: -.nan, ifNaN: 7) == 7)
    }

    // MARK: NumberFormat.readable (sentences)

    /// Four significant digits; positional from 1e-5 to below 1e6, scientific otherwise.
    static let verdictNumbers: [(Double, String)] = [
        (0, "0"), (-0.0, "0"), (1.5, "1.5"), (-0.5, "-0.5"), (0.012, "0.012"), (123.456, "123.5"), (2.3e-8, "2.3e-08"),
        (.infinity, "inf"), (-.infinity, "-inf"), (.nan, "nan"),
        // 4.9406564584124654e-324 and 2.2250738585072014e-308 to four digits.
        (.leastNonzeroMagnitude, "4.941e-324"), (-.leastNonzeroMagnitude, "-4.941e-324"),
        (.leastNormalMagnitude, "2.225e-308"), (Double("1e-310")!, "1e-310"),
        // 1.7976931348623157e308 to four digits.
        (.greatestFiniteMagnitude, "1.798e+308"), (-.greatestFiniteMagnitude, "-1.798e+308"),
        (1e15, "1e+15"), (1e-5, "0.00001"), (9.99e-6, "9.99e-06"), (9.9999e-6, "0.00001"),
        // The switch to scientific notation at 1e6, after rounding to four digits.
        (999_400, "999400"), (999_999, "1e+06"), (1e6, "1e+06"), (1_234_567, "1.235e+06"),
        (129_200_000_000_000, "1.292e+14"),
    ]

    @Test(arguments: verdictNumbers)
    func verdictNumbersHaveASpellingForEveryDouble(value: Double, expected: String) {
        #expect(NumberFormat.readable(value) == expected, "\(value)")
    }

    @Test func verdictNumbersAtOtherPrecisions() {
        #expect(NumberFormat.readable(.leastNonzeroMagnitude, digits: 6) == "4.94066e-324")
        #expect(NumberFormat.readable(.greatestFiniteMagnitude, digits: 1) == "2e+308")
        #expect(NumberFormat.readable(.leastNormalMagnitude, digits: 6) == "2.22507e-308")
        #expect(NumberFormat.readable(0.5, digits: 0) == "0.5")
        #expect(NumberFormat.readable(0.5, digits: 99) == "0.5")
    }

    static let fixedNumbers: [(Double, Int, String)] = [
        (0.5, 2, "0.50"), (-0.001, 2, "0.00"), (-1.25, 1, "-1.3"), (.leastNonzeroMagnitude, 2, "0.00"),
        (.infinity, 2, "inf"), (.nan, 2, "nan"), (1e300, 2, "1e+300"), (-.greatestFiniteMagnitude, 2, "-1.798e+308"),
        // More decimals than a double holds: clamped to 15, and 2.5e15 falls back to `number`.
        (2.5, 40, "2.5"), (2.5, -3, "3"),
    ]

    @Test(arguments: fixedNumbers)
    func fixedDecimalsAreTotal(value: Double, decimals: Int, expected: String) {
        #expect(NumberFormat.fixed(value, decimals: decimals) == expected, "\(value) with \(decimals)")
    }

    @Test func vectorsAndPointsOfEdgeValues() {
        #expect(Phrase(parts: [.direction([-0.0, 1, .nan], names: [])]).text == "along (0.00, 1.00, nan)")
        #expect(Phrase(parts: [.point([.leastNonzeroMagnitude, -.infinity])]).text == "(4.941e-324, -inf)")
    }

    // MARK: EuclideanNorm

    /// Closed forms: a 3-4-5 triangle at every scale (exact in binary when scaled by 2^k).
    static let norms: [([Double], Double)] = [
        ([], 0), ([0, 0], 0), ([-0.0], 0), ([3, 4], 5),
        ([3 * 0x1p-600, 4 * 0x1p-600], 5 * 0x1p-600),   // squares underflow to 0
        ([3 * 0x1p600, -4 * 0x1p600], 5 * 0x1p600),     // squares overflow to infinity
        ([3 * 0x1p-1070, 4 * 0x1p-1070], 5 * 0x1p-1070), // subnormal components, subnormal norm
        ([1e-170], 1e-170), ([-1e200], 1e200), ([.leastNonzeroMagnitude], .leastNonzeroMagnitude),
        ([0x1p-484], 0x1p-484), ([0x1p-485], 0x1p-485), // either side of the plain sum's lower limit
        ([.greatestFiniteMagnitude, .greatestFiniteMagnitude], .infinity),
        ([.infinity, 1], .infinity), ([1, -.infinity], .infinity),
    ]

    @Test(arguments: norms)
    func normIsRightAtEveryScale(vector: [Double], expected: Double) {
        #expect(EuclideanNorm.of(vector) == expected, "\(vector)")
    }

    @Test func normOfNaNIsNaN() {
        #expect(EuclideanNorm.of([.nan, 1]).isNaN)
        #expect(EuclideanNorm.of([.infinity, .nan]).isNaN)
        #expect(EuclideanNorm.of([1e200, 1e200]) == 1e200 * 2.0.squareRoot())
    }

    /// The threshold test agrees with the scaled norm for every vector and threshold, where
    /// the plain sum of squares would say 0 or infinity.
    @Test func thresholdAgreesWithTheScaledNorm() {
        let thresholds: [Double] = [1e-8, 1, 1e-150, 1e-180, 1e150, 1e250, 0x1p-480, 0x1p480, 0x1p-481, 0x1p481,
                                    .leastNonzeroMagnitude, .greatestFiniteMagnitude, 0, -1, .infinity, .nan]
        var vectors = NumberEdgeTests.norms.map(\.0) + [[.nan], [1e-170, 1e-171], [1e-160, -1e-160], [1e154, 1e154], [1e300]]
        for exponent in stride(from: -320.0, through: 300, by: 7) {
            vectors.append([pow(10, exponent), -0.5 * pow(10, exponent)])
        }
        for threshold in thresholds {
            let test = NormThreshold(threshold)
            for vector in vectors {
                let squares = vector.reduce(0) { $0 + $1 * $1 }
                let met = vector.withUnsafeBufferPointer { test.isMet(bySumOfSquares: squares, of: $0) }
                #expect(met == (EuclideanNorm.of(vector) < threshold), "threshold \(threshold), vector \(vector)")
            }
        }
        // Where the plain sum of squares misleads.
        #expect([1e-170].withUnsafeBufferPointer { NormThreshold(1e-180).isMet(bySumOfSquares: 0, of: $0) } == false)
        #expect([1e200, 1e200].withUnsafeBufferPointer { NormThreshold(1e250).isMet(bySumOfSquares: .infinity, of: $0) })
    }

    /// A run's convergence test and its trace use the scaled norm: ‖∇(1e-170·x)‖ = 1e-170 and
    /// ‖∇(1e200·(x + y))‖ = √2·1e200, not 0 and infinity.
    @Test func runsMeasureTinyAndHugeGradients() throws {
        let tiny = Objective(parameters: ["x"], expression: try Parser.parse("1e-170*x", variables: ["x"]))
        var run = try Run(objective: tiny, start: [1], configuration: try OptimizerConfiguration(name: "gd", options: [("lr", "0.1")]))
        run.convergenceTolerance = 1e-180
        run.run(5)
        #expect(!run.hasConverged)
        #expect(run.current.gradientNorm == 1e-170 && run.trace.gradientNorm(run.trace.count - 1) == 1e-170)

        let huge = Objective(parameters: ["x", "y"], expression: try Parser.parse("1e200*x + 1e200*y", variables: ["x", "y"]))
        var hugeRun = try Run(objective: huge, start: [0, 0], configuration: try OptimizerConfiguration(name: "gd", options: [("lr", "1e-320")]))
        hugeRun.convergenceTolerance = 1e250
        hugeRun.run(1)
        #expect(hugeRun.hasConverged)
        #expect(hugeRun.current.gradientNorm == 1e200 * 2.0.squareRoot())
        #expect(hugeRun.trace.gradientNorm(0) == 1e200 * 2.0.squareRoot())
    }

    // MARK: NumberSyntax

    static let refusedNumbers: [(String, NumberSyntax.Problem)] = [
        ("1e400", .tooLarge), ("-1e400", .tooLarge), ("1e-5000", .tooSmall), ("-2.5e-400", .tooSmall),
        ("inf", .notFinite), ("-inf", .notFinite), ("nan", .notFinite), ("Infinity", .notFinite),
        ("abc", .notANumber), ("", .notANumber), ("1e", .notANumber), ("0x10", .notANumber),
    ]

    @Test(arguments: refusedNumbers)
    func numbersADoubleCannotHoldAreRefused(text: String, problem: NumberSyntax.Problem) {
        #expect(throws: problem) { try NumberSyntax.value(text) }
        #expect(NumberSyntax.parse(text) == nil)
    }

    @Test func representableNumbersAreRead() throws {
        #expect(try NumberSyntax.value("0") == 0)
        #expect(try NumberSyntax.value("0.0e-5000") == 0)
        #expect(try NumberSyntax.value("-0") == 0)
        #expect(try NumberSyntax.value("1e-310") == Double("1e-310"))
        #expect(try NumberSyntax.value("5e-324") == .leastNonzeroMagnitude)
        #expect(try NumberSyntax.value("1.7976931348623157e308") == .greatestFiniteMagnitude)
        #expect(try NumberSyntax.value(" pi ") == .pi)
    }

    @Test func formulaLiteralsThatUnderflowAreErrors() {
        #expect(throws: ExpressionError.self) { try Parser.parse("1e-5000*x", variables: ["x"]) }
        #expect(throws: ExpressionError.self) { try Parser.parse("x + 1e400", variables: ["x"]) }
        #expect((try? Parser.parse("0e-5000 + 1e-320*x", variables: ["x"])) != nil)
    }
}
