import Testing
@testable import LRLabText

@Suite struct AxisFormatTests {
    @Test(arguments: [
        (0.0, "0"), (-0.0, "0"), (1000, "1000"), (1e6, "1e6"), (0.000123456, "0.000123"),
        (2.5e-5, "2.5e-5"), (123456.7, "1.23e5"), (-3.14159, "-3.14"), (Double.nan, "nan"),
        (Double.infinity, "inf"), (-Double.infinity, "-inf"), (1e308, "1e308"),
    ])
    func labels(value: Double, expected: String) {
        #expect(AxisFormat.label(value) == expected)
    }

    @Test func labelsGrowDigitsUntilDistinct() {
        #expect(AxisFormat.labels([1.0001, 1.0002]) == ["1.0001", "1.0002"])
        #expect(AxisFormat.labels([1, 2, 2]) == ["1", "2", "2"])
    }

    @Test func fixedDecimals() {
        #expect(AxisFormat.fixed(1.005, decimals: 1) == "1.0")
        #expect(AxisFormat.fixed(-0.001, decimals: 2) == "0.00")
        #expect(AxisFormat.fixed(.nan) == "0")
        #expect(AxisFormat.fixed(-2.5, decimals: 2) == "-2.50")
    }
}
