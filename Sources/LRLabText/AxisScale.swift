#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How values map onto a chart axis.
public enum AxisScale: Sendable, Hashable {
    /// Equal distances for equal differences.
    case linear
    /// Equal distances for equal ratios; values that are not positive cannot be drawn and are
    /// skipped (renderers say how many).
    case log10
}

/// The span of one axis, in data units, with its scale. Internal helper of the renderers.
struct AxisRange: Equatable {
    var low: Double
    var high: Double
    var scale: AxisScale

    /// Whether `value` can be placed on this scale at all (finite, and positive on a log scale).
    static func isDrawable(_ value: Double, on scale: AxisScale) -> Bool {
        value.isFinite && (scale == .linear || value > 0)
    }

    /// The smallest range holding every drawable value, widened when all values are equal so a
    /// constant still sits inside the chart (linear: ±50 % or ±1 around 0; log: a decade each
    /// way). `nil` when no value is drawable.
    init?(enclosing values: [Double], scale: AxisScale, widenConstant: Bool = true) {
        var low = Double.infinity, high = -Double.infinity
        for v in values where AxisRange.isDrawable(v, on: scale) {
            low = min(low, v)
            high = max(high, v)
        }
        guard low <= high else { return nil }
        if low == high && widenConstant {
            switch scale {
            case .linear:
                let pad = low == 0 ? 1 : abs(low) / 2
                (low, high) = (low - pad, high + pad)
            case .log10:
                (low, high) = (low / 10, high * 10)
            }
        }
        self.init(low: low, high: high, scale: scale)
    }

    init(low: Double, high: Double, scale: AxisScale) {
        self.low = low
        self.high = high
        self.scale = scale
    }

    private func transform(_ v: Double) -> Double {
        scale == .log10 ? log10(v) : v
    }

    /// Where `value` falls: 0 at `low`, 1 at `high` (outside 0...1 beyond them); `nil` when not
    /// drawable. A range of zero width puts everything at 0.
    func fraction(_ value: Double) -> Double? {
        guard AxisRange.isDrawable(value, on: scale) else { return nil }
        let a = transform(low), b = transform(high), v = transform(value)
        // Halving first keeps spans such as -1e308...1e308 finite.
        let span = b / 2 - a / 2
        guard span > 0 else { return 0 }
        return (v / 2 - a / 2) / span
    }

    /// The cell (0..<count, 0 at `low`) for `value`; may lie outside when the value does.
    func cell(_ value: Double, count: Int) -> Int? {
        guard let f = fraction(value) else { return nil }
        let position = f * Double(max(count - 1, 0))
        return max(-1_000_000_000, min(1_000_000_000, Int(saturating: position.rounded())))
    }

    /// The value at `fraction` of the way from `low` to `high` (geometric on a log scale).
    func value(atFraction f: Double) -> Double {
        switch scale {
        case .linear:
            return low + (high / 2 - low / 2) * 2 * f
        case .log10:
            let a = log10(low), b = log10(high)
            return pow(10, a + (b - a) * f)
        }
    }
}
