/// A one-line picture of a sequence of values, such as a loss history: `▇▅▃▂▁▁`.
public enum Sparkline {
    /// `values` as one line of bar glyphs (Unicode `▁▂▃▄▅▆▇█`, ASCII `_.-=+*#@`), lowest value
    /// lowest. With `width`, values are averaged into that many buckets. Non-finite values (and
    /// non-positive ones on a log scale) show as `×` (ASCII `x`); a constant sequence shows at
    /// the middle height; an empty one as an empty string.
    public static func render(_ values: [Double], width: Int? = nil, scale: AxisScale = .linear,
                              style: GlyphStyle = .unicode) -> String {
        let bars: [Character] = style == .unicode ? ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
            : ["_", ".", "-", "=", "+", "*", "#", "@"]
        let buckets = bucketed(values, width: width)
        guard let range = AxisRange(enclosing: buckets, scale: scale, widenConstant: false) else {
            return String(repeating: style.pick("×", "x"), count: buckets.count)
        }
        return String(buckets.map { value -> Character in
            guard let f = range.fraction(value) else { return style.pick("×", "x") }
            if range.low == range.high { return bars[bars.count / 2 - 1] }
            return bars[min(bars.count - 1, max(0, Int(saturating: (f * Double(bars.count - 1)).rounded())))]
        })
    }

    /// `values` averaged into `width` consecutive buckets (a bucket with a non-finite value is
    /// non-finite); unchanged when there is no width or fewer values than buckets.
    static func bucketed(_ values: [Double], width: Int?) -> [Double] {
        guard let width, width > 0, values.count > width else { return values }
        return (0..<width).map { bucket in
            let start = bucket * values.count / width, end = (bucket + 1) * values.count / width
            let slice = values[start..<max(end, start + 1)]
            return slice.reduce(0, +) / Double(slice.count)
        }
    }
}
