/// Short number labels for axes, legends and SVG coordinates.
///
/// Labels use C's `%g` with a given number of significant digits and a tidied exponent
/// (`1e+06` becomes `1e6`, `2.5e-05` becomes `2.5e-5`), so axis ends stay narrow.
public enum AxisFormat {
    /// `value` with at most `significant` significant digits (`%.{significant}g`), exponent tidied.
    /// Whole numbers below a million print in full (`1000`, as step counts read best).
    /// Non-finite values print as `nan`, `inf`, `-inf`; negative zero prints as `0`.
    public static func label(_ value: Double, significant: Int = 3) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == 0 { return "0" }
        if value == value.rounded(), abs(value) < 1e6 { return NumberFormat.cFormat("%.0f", value) }
        return tidyExponent(NumberFormat.cFormat("%.\(max(1, significant))g", value))
    }

    /// `value` with exactly `decimals` digits after the point (`%.{decimals}f`), for SVG coordinates.
    /// Negative zero prints without its sign; non-finite values print as `0`.
    public static func fixed(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "0" }
        let text = NumberFormat.cFormat("%.\(max(0, decimals))f", value)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            return String(text.dropFirst())
        }
        return text
    }

    /// The labels for an axis running from `low` to `high`, each with just enough significant
    /// digits (at least 3, at most 8) that the distinct input values get distinct labels.
    public static func labels(_ values: [Double], significant: Int = 3) -> [String] {
        var digits = max(1, significant)
        while true {
            let labels = values.map { label($0, significant: digits) }
            let distinctValues = Set(values).count
            if Set(labels).count >= distinctValues || digits >= 8 { return labels }
            digits += 1
        }
    }

    private static func tidyExponent(_ text: String) -> String {
        guard let e = text.firstIndex(of: "e") else { return text }
        let mantissa = text[..<e]
        var exponent = text[text.index(after: e)...]
        var sign = ""
        if exponent.first == "-" { sign = "-" }
        if exponent.first == "-" || exponent.first == "+" { exponent = exponent.dropFirst() }
        let digits = exponent.drop(while: { $0 == "0" })
        return "\(mantissa)e\(sign)\(digits.isEmpty ? "0" : String(digits))"
    }
}
