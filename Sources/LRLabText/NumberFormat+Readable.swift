#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How sentences (verdicts, curvature, stop reasons) write numbers: short, for reading, not for
/// checking (the trace keeps full precision).
extension NumberFormat {
    /// `value` rounded to `digits` significant digits (1…17): `0.012`, `1.5`, `2.3e-08`,
    /// `1.292e+14`. Positional from 1e-5 up to (not including) 1e6 after rounding, scientific
    /// with an exponent of at least two digits otherwise. Total: subnormals (`4.941e-324`), the
    /// largest finite doubles, `inf`, `-inf` and `nan` all have a spelling, and `-0` prints as `0`.
    public static func readable(_ value: Double, digits: Int = 4) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value == 0 { return "0" }
        let digits = min(max(digits, 1), 17)
        let magnitude = Swift.abs(value)
        // From -324 (the smallest subnormal) to 308; the rounding below corrects an off-by-one.
        var exponent = Int(saturating: floor(log10(magnitude)))
        var limit = 1
        for _ in 0..<digits { limit *= 10 }
        var mantissa = Int(saturating: scaled(magnitude, byPowerOfTen: digits - 1 - exponent).rounded())
        if mantissa >= limit {
            mantissa /= 10
            exponent += 1
        } else if mantissa < limit / 10 {
            mantissa = Int(saturating: scaled(magnitude, byPowerOfTen: digits - exponent).rounded())
            exponent -= 1
            if mantissa >= limit {
                mantissa /= 10
                exponent += 1
            }
        }
        var significant = String(mantissa)
        while significant.count > 1, significant.hasSuffix("0") { significant.removeLast() }
        let sign = value < 0 ? "-" : ""
        if exponent >= -5 && exponent < 6 {
            if exponent < 0 {
                return sign + "0." + String(repeating: "0", count: -exponent - 1) + significant
            }
            if significant.count <= exponent + 1 {
                return sign + significant + String(repeating: "0", count: exponent + 1 - significant.count)
            }
            let split = significant.index(significant.startIndex, offsetBy: exponent + 1)
            return sign + significant[..<split] + "." + significant[split...]
        }
        let head = significant.prefix(1)
        let tail = significant.dropFirst()
        let power = Swift.abs(exponent) < 10 ? "0\(Swift.abs(exponent))" : "\(Swift.abs(exponent))"
        return sign + head + (tail.isEmpty ? "" : "." + tail) + "e" + (exponent < 0 ? "-" : "+") + power
    }

    /// `magnitude · 10^power` for a finite positive magnitude and `power` up to 17 + 324: a
    /// power beyond 10^308 (a subnormal's) is applied in two factors so neither is infinite.
    private static func scaled(_ magnitude: Double, byPowerOfTen power: Int) -> Double {
        guard power > 308 else { return magnitude * pow(10, Double(power)) }
        return magnitude * 1e308 * pow(10, Double(power - 308))
    }

    /// `value` with exactly `decimals` (0…15) digits after the point; values of 1e15 and more
    /// (after scaling) and non-finite ones fall back to `readable`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return readable(value) }
        let decimals = min(max(decimals, 0), 15)
        var unit = 1
        for _ in 0..<decimals { unit *= 10 }
        let scaled = (Swift.abs(value) * Double(unit)).rounded()
        guard scaled < 1e15 else { return readable(value) }
        let whole = Int(saturating: scaled)
        var text = String(whole / unit)
        if decimals > 0 {
            var fraction = String(whole % unit)
            while fraction.count < decimals { fraction = "0" + fraction }
            text += "." + fraction
        }
        return (value < 0 && scaled != 0 ? "-" : "") + text
    }
}

extension NumberFormat {
    /// `1 epoch`, `3 epochs`: a count and its noun (given in the singular) in the right number.
    public static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// `every epoch`, `every 3 epochs`.
    public static func every(_ count: Int, _ noun: String) -> String {
        count == 1 ? "every \(noun)" : "every " + counted(count, noun)
    }
}
