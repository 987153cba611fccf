/// A plot of a 1-D function on an interval with the iterates of a run on it (`plot f`).
///
/// The curve is sampled once per column. Iterates are drawn on the curve at (xₖ, f(xₖ)) and
/// numbered by the last digit of k; the start is `S` and the end `E`. Iterates outside the
/// window show as arrows on the edge they left by; non-finite ones are skipped.
///
/// ```
/// f(x) = (x-3)^2
///  9 ┤S
///    │ ·                ·
///    │  1·           ··
///  0 ┤     ····E····
///    └──────────────────
///     0                6
///     S start x=0  E end x=3 (step 5)  digits: step mod 10
/// ```
public struct CurvePlot {
    /// The function to draw.
    public var function: (Double) -> Double
    /// The x interval shown.
    public var xRange: ClosedRange<Double>
    /// The iterates x₀, x₁, …, xₙ.
    public var iterates: [Double]
    /// Width of the plotting area in cells.
    public var width: Int
    /// Height of the plotting area in cells.
    public var height: Int
    /// Optional first line, such as the function's definition.
    public var title: String?
    /// Name of the variable, printed under the x axis.
    public var xLabel: String
    /// Several runs' iterates (a comparison), each drawn with its own marker; when given they
    /// are drawn instead of `iterates`.
    public var paths: [Path] = []

    /// A plot of `function` over `xRange` with `iterates` marked, in a `width`×`height` area.
    public init(function: @escaping (Double) -> Double, xRange: ClosedRange<Double>,
                iterates: [Double] = [], width: Int = 60, height: Int = 15,
                title: String? = nil, xLabel: String = "x") {
        self.function = function
        self.xRange = xRange
        self.iterates = iterates
        self.width = width
        self.height = height
        self.title = title
        self.xLabel = xLabel
    }

    /// An interval holding every finite iterate and `include`, widened by `margin` (a fraction of
    /// its width) on each side; `[-1, 1]` around a single value when there is nothing to span.
    public static func interval(enclosing iterates: [Double], including include: [Double] = [],
                                margin: Double = 0.1) -> ClosedRange<Double> {
        let values = (iterates + include).filter(\.isFinite)
        guard let low = values.min(), let high = values.max() else { return -1...1 }
        if low == high { return (low - 1)...(high + 1) }
        let pad = (high - low) * margin
        return (low - pad)...(high + pad)
    }

    /// The plot as text, lines separated by `\n`. `color` colours the iterates. More paths than
    /// `SmallMultiples.seriesLimit` are drawn as small multiples, one panel a path.
    public func render(style: GlyphStyle = .unicode, color: Bool = false) -> String {
        let width = max(1, self.width), height = max(1, self.height)
        let xAxis = AxisRange(low: xRange.lowerBound, high: xRange.upperBound, scale: .linear)
        let samples = (0..<width).map { column -> Double in
            function(xAxis.value(atFraction: width == 1 ? 0.5 : Double(column) / Double(width - 1)))
        }
        var out = [String]()
        if let title { out.append(title) }
        let visibleIterates = (iterates + paths.flatMap(\.iterates)).filter { $0.isFinite && xRange.contains($0) }.map(function)
        guard let yAxis = AxisRange(enclosing: samples + visibleIterates, scale: .linear) else {
            out.append("(nothing to plot: f is not finite on [\(AxisFormat.label(xRange.lowerBound)), \(AxisFormat.label(xRange.upperBound))])")
            return out.joined(separator: "\n")
        }

        var canvas = Canvas(width: width, height: height)
        let dot = style.pick("·", ".")
        var previous: (column: Int, row: Int)?
        for (column, value) in samples.enumerated() {
            guard let cell = yAxis.cell(value, count: height) else { previous = nil; continue }
            let point = (column: column, row: height - 1 - cell)
            if let previous { canvas.line(from: previous, to: point, dot) } else { canvas.set(column, point.row, dot) }
            previous = point
        }

        if paths.count > SmallMultiples.seriesLimit {
            out += smallMultiples(xAxis: xAxis, yAxis: yAxis, totalWidth: width + 12, style: style, color: color)
            return out.joined(separator: "\n")
        }
        if !paths.isEmpty {
            let notes = drawPaths(on: &canvas, xAxis: xAxis, yAxis: yAxis, style: style, color: color)
            let frame = AxisFrame(y: yAxis, x: xAxis, xCaption: xLabel)
            out.append(contentsOf: frame.lines(around: canvas, style: style, color: color))
            out.append(contentsOf: pathLegend(style: style, color: color))
            out.append(contentsOf: notes)
            return out.joined(separator: "\n")
        }
        let finite = iterates.enumerated().filter { $0.element.isFinite }
        for (rank, (step, x)) in finite.enumerated() {
            let glyph: Character = rank == 0 ? "S" : rank == finite.count - 1 ? "E"
                : Character(String(step % 10))
            place(x: x, glyph: glyph, on: &canvas, xAxis: xAxis, yAxis: yAxis, style: style,
                  color: color ? ANSIColor.series(rank == 0 || rank == finite.count - 1 ? 1 : 0) : nil)
        }
        // The start stays visible when later iterates land on its cell, unless the end does.
        if let first = finite.first, finite.count > 1 {
            let endCell = cell(of: finite[finite.count - 1].element, xAxis: xAxis, yAxis: yAxis, size: (width, height))
            let startCell = cell(of: first.element, xAxis: xAxis, yAxis: yAxis, size: (width, height))
            if startCell.column != endCell.column || startCell.row != endCell.row {
                place(x: first.element, glyph: "S", on: &canvas, xAxis: xAxis, yAxis: yAxis, style: style,
                      color: color ? ANSIColor.series(1) : nil)
            }
        }

        let frame = AxisFrame(y: yAxis, x: xAxis, xCaption: xLabel)
        out.append(contentsOf: frame.lines(around: canvas, style: style, color: color))
        if let first = finite.first {
            var legend = "S start \(xLabel)=\(AxisFormat.label(first.element, significant: 4))"
            if let last = finite.last, finite.count > 1 {
                legend += "  E end \(xLabel)=\(AxisFormat.label(last.element, significant: 4)) (step \(last.offset))"
            }
            if finite.count > 2 { legend += "  digits: step mod 10" }
            out.append(legend)
        }
        let skipped = iterates.count - finite.count
        if skipped > 0 { out.append("note: \(NumberFormat.counted(skipped, "non-finite iterate")) not shown") }
        return out.joined(separator: "\n")
    }

    /// The cell of iterate `x`, clamped to the canvas edge it lies beyond.
    func cell(of x: Double, xAxis: AxisRange, yAxis: AxisRange, size: (Int, Int)) -> (column: Int, row: Int) {
        let column = xAxis.cell(x, count: size.0) ?? 0
        let value = function(x)
        let row = value.isFinite ? size.1 - 1 - (yAxis.cell(value, count: size.1) ?? 0) : 0
        return (min(max(column, 0), size.0 - 1), min(max(row, 0), size.1 - 1))
    }

    func place(x: Double, glyph: Character, on canvas: inout Canvas, xAxis: AxisRange,
                       yAxis: AxisRange, style: GlyphStyle, color: ANSIColor?, owner: Int? = nil) {
        let size = (canvas.width, canvas.height)
        let raw = xAxis.cell(x, count: size.0) ?? 0
        let value = function(x)
        let rawRow = value.isFinite ? size.1 - 1 - (yAxis.cell(value, count: size.1) ?? 0) : -1
        let at = cell(of: x, xAxis: xAxis, yAxis: yAxis, size: size)
        let shown: Character = raw < 0 ? style.leftArrow : raw >= size.0 ? style.rightArrow
            : rawRow < 0 ? style.upArrow : rawRow >= size.1 ? style.downArrow : glyph
        canvas.set(at.column, at.row, shown, color: color, owner: owner)
    }
}
