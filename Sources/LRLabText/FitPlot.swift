/// Data points of a 1-D regression set with one or more fitted curves over them (`plot fit`).
///
/// Points are drawn as marks (training `+`, validation `×`, ASCII `+` and `x`), each curve as a
/// line of its own marker, points on top. The y window is the points' range widened by a quarter
/// of its span each way (the data decide the window, not a wild curve), so a curve that leaves
/// the window is clipped at its edge and a note names it.
///
/// ```
///    y
///  1 ┤   +●●●+
///    │  ●      ●●
///  0 ┤●+         +●
///    └────────────
///     0          6
///            x
///  ● degree 3  + train
/// ```
public struct FitPlot: Sendable {
    /// A set of data points drawn with one mark.
    public struct Points: Sendable {
        /// Name in the legend (`train`, `validation`).
        public var label: String
        /// Inputs.
        public var x: [Double]
        /// Targets, one per input (extra values on either side are ignored).
        public var y: [Double]

        /// Points named `label` at (`x[i]`, `y[i]`).
        public init(_ label: String, x: [Double], y: [Double]) {
            self.label = label
            self.x = x
            self.y = y
        }
    }

    /// A fitted curve, sampled: the caller evaluates the model at `x` (sorted ascending).
    public struct Curve: Sendable {
        /// Name in the legend (`degree 3`).
        public var label: String
        /// Sample positions, ascending.
        public var x: [Double]
        /// The model's prediction at each position.
        public var y: [Double]

        /// A curve named `label` through (`x[i]`, `y[i]`).
        public init(_ label: String, x: [Double], y: [Double]) {
            self.label = label
            self.x = x
            self.y = y
        }
    }

    /// Point sets, drawn over the curves (the first set with `+`, the second with `×`).
    public var points: [Points]
    /// Curves, drawn in order.
    public var curves: [Curve]
    /// Width of the plotting area in cells.
    public var width: Int
    /// Height of the plotting area in cells.
    public var height: Int
    /// Optional first line.
    public var title: String?
    /// Name of the input, under the x axis.
    public var xLabel: String
    /// Name of the target, above the y axis.
    public var yLabel: String

    /// A plot of `points` with `curves` over them in a `width`×`height` area.
    public init(points: [Points], curves: [Curve], width: Int = 60, height: Int = 15,
                title: String? = nil, xLabel: String = "x", yLabel: String = "y") {
        self.points = points
        self.curves = curves
        self.width = width
        self.height = height
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// The mark of the point set at `index` (cycles after two).
    static func pointMark(_ index: Int, style: GlyphStyle) -> Character {
        index % 2 == 0 ? "+" : style.pick("×", "x")
    }

    /// The marker of the curve at `index`; distinct from the point marks; cycles.
    static func curveMarker(_ index: Int, style: GlyphStyle) -> Character {
        let markers: [Character] = style == .unicode ? ["●", "○", "◆", "◇", "■", "□", "▲", "△"]
            : ["*", "o", "#", "@", "%", "&", "=", "~"]
        return markers[index % markers.count]
    }

    /// Samples `count` positions evenly over `range` (ends included; the midpoint when `count` is 1).
    public static func samplePositions(over range: ClosedRange<Double>, count: Int) -> [Double] {
        let n = max(1, count)
        if n == 1 { return [(range.lowerBound + range.upperBound) / 2] }
        return (0..<n).map { range.lowerBound + (range.upperBound - range.lowerBound) * Double($0) / Double(n - 1) }
    }

    /// The x window (every finite point and curve position) and the y window (the points'
    /// range widened by a quarter of its span, or the curves' range when there are no points);
    /// nil when nothing is finite.
    func windows() -> (x: AxisRange, y: AxisRange)? {
        let pointPairs = points.flatMap { zip($0.x, $0.y) }.filter { $0.0.isFinite && $0.1.isFinite }
        let curvePairs = curves.flatMap { zip($0.x, $0.y) }.filter { $0.0.isFinite && $0.1.isFinite }
        guard let x = AxisRange(enclosing: pointPairs.map(\.0) + curvePairs.map(\.0), scale: .linear) else { return nil }
        if let y = AxisRange(enclosing: pointPairs.map(\.1), scale: .linear) {
            let pad = (y.high - y.low) / 4
            return (x, AxisRange(low: y.low - pad, high: y.high + pad, scale: .linear))
        }
        guard let y = AxisRange(enclosing: curvePairs.map(\.1), scale: .linear) else { return nil }
        return (x, y)
    }

    /// The plot as text, lines separated by `\n`. `color` colours curves and points.
    public func render(style: GlyphStyle = .unicode, color: Bool = false) -> String {
        let width = max(1, self.width), height = max(1, self.height)
        var out = [String]()
        if let title { out.append(title) }
        guard let (xAxis, yAxis) = windows() else {
            out.append("(nothing to plot: no finite points or curve values)")
            return out.joined(separator: "\n")
        }
        out.append(yLabel)
        var canvas = Canvas(width: width, height: height)
        var clipped = [String]()
        for (index, curve) in curves.enumerated() {
            let marker = FitPlot.curveMarker(index, style: style)
            let tint = color ? ANSIColor.series(index + 2) : nil
            var previous: (column: Int, row: Int)?
            var left = false
            for (x, y) in zip(curve.x, curve.y) {
                guard let column = xAxis.cell(x, count: width), let cell = yAxis.cell(y, count: height) else {
                    previous = nil
                    left = true
                    continue
                }
                let point = (column: column, row: height - 1 - cell)
                if point.row < 0 || point.row >= height { left = true }
                if let previous { canvas.line(from: previous, to: point, marker, color: tint) }
                canvas.set(point.column, point.row, marker, color: tint)
                previous = point
            }
            if left { clipped.append(curve.label) }
        }
        for (index, set) in points.enumerated() {
            let mark = FitPlot.pointMark(index, style: style)
            let tint = color ? ANSIColor.series(index) : nil
            for (x, y) in zip(set.x, set.y) {
                guard let column = xAxis.cell(x, count: width), let cell = yAxis.cell(y, count: height) else { continue }
                canvas.set(column, height - 1 - cell, mark, color: tint)
            }
        }
        let frame = AxisFrame(y: yAxis, x: xAxis, xCaption: xLabel)
        out.append(contentsOf: frame.lines(around: canvas, style: style, color: color))
        let legend = curves.enumerated().map { String(FitPlot.curveMarker($0.offset, style: style)) + " " + $0.element.label }
            + points.enumerated().map { String(FitPlot.pointMark($0.offset, style: style)) + " " + $0.element.label }
        if !legend.isEmpty { out.append(legend.joined(separator: "  ")) }
        if !clipped.isEmpty {
            out.append("note: \(clipped.joined(separator: ", ")) leave\(clipped.count == 1 ? "s" : "") the window of the data (clipped)")
        }
        return out.joined(separator: "\n")
    }
}
