import Testing
@testable import LRLabText

/// The printf-based formatters over the edges of the doubles: every value has a spelling, no
/// output is cut short, and ordinary values print as before. Expected strings by hand.
@Suite struct NumberFormatEdgeTests {
    /// `%.6g`, with `nan` for every NaN.
    static let general: [(Double, String)] = [
        (0, "0"), (-0.0, "-0"), (1.5, "1.5"), (1e15, "1e+15"), (1e-5, "1e-05"), (0.0001, "0.0001"),
        (123_456, "123456"), (1_234_567, "1.23457e+06"),
        (.leastNonzeroMagnitude, "4.94066e-324"), (-.leastNonzeroMagnitude, "-4.94066e-324"),
        (.leastNormalMagnitude, "2.22507e-308"), (.greatestFiniteMagnitude, "1.79769e+308"),
        (-.greatestFiniteMagnitude, "-1.79769e+308"), (.infinity, "inf"), (-.infinity, "-inf"), (.nan, "nan"), (-.nan, "nan"),
    ]

    @Test(arguments: general)
    func generalFormatSpellsEveryDouble(value: Double, expected: String) {
        #expect(NumberFormat.format(value) == expected, "\(value)")
    }

    @Test func exactFormatReadsBack() {
        #expect(NumberFormat.exact(.greatestFiniteMagnitude) == "1.7976931348623157e+308")
        #expect(NumberFormat.exact(.leastNonzeroMagnitude) == "4.9406564584124654e-324")
        #expect(NumberFormat.exact(0.1) == "0.10000000000000001")
        for value in [Double.greatestFiniteMagnitude, .leastNonzeroMagnitude, .leastNormalMagnitude, 0x1p-1030, -0.1] {
            #expect(Double(NumberFormat.exact(value)) == value)
        }
    }

    /// `%.2f` of 1e308 is 309 digits, a point and 2 decimals: longer than the first buffer.
    @Test func longOutputIsNotCut() {
        let text = NumberFormat.cFormat("%.2f", 1e308)
        #expect(text.count == 312)
        #expect(text.hasPrefix("1000000000000000010979") && text.hasSuffix(".00"))
        #expect(AxisFormat.fixed(-.greatestFiniteMagnitude, decimals: 0).count == 310)
    }

    static let labels: [(Double, String)] = [
        (0, "0"), (-0.0, "0"), (.infinity, "inf"), (-.infinity, "-inf"), (.nan, "nan"),
        (1000, "1000"), (999_999, "999999"), (1e6, "1e6"), (1e15, "1e15"), (1e-5, "1e-5"), (2.5e-5, "2.5e-5"),
        (.leastNonzeroMagnitude, "4.94e-324"), (.leastNormalMagnitude, "2.23e-308"),
        (.greatestFiniteMagnitude, "1.8e308"), (-.greatestFiniteMagnitude, "-1.8e308"),
    ]

    @Test(arguments: labels)
    func axisLabelsSpellEveryDouble(value: Double, expected: String) {
        #expect(AxisFormat.label(value) == expected, "\(value)")
    }

    @Test func axisFixedIsTotal() {
        #expect(AxisFormat.fixed(1.234) == "1.23")
        #expect(AxisFormat.fixed(-0.001) == "0.00")
        #expect(AxisFormat.fixed(.leastNonzeroMagnitude) == "0.00")
        #expect(AxisFormat.fixed(.infinity) == "0" && AxisFormat.fixed(.nan) == "0")
        #expect(AxisFormat.fixed(1e20, decimals: 0) == "100000000000000000000")
    }

    /// The SVG shading of a non-finite level was `Int(nan)`: now the ends of the ramp hold.
    @Test func shadingIsTotal() {
        #expect(SVG.shadeColour(0) == "#f7fbff")
        #expect(SVG.shadeColour(1) == "#08306b")
        #expect(SVG.shadeColour(.nan) == "#000000")
        #expect(SVG.shadeColour(.infinity) == "#000000")
        #expect(SVG.shadeColour(-.infinity) == "#ffffff")
    }
}
