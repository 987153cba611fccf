/// A shaded map of f(x, y) over a rectangle with optimizer trajectories on it (`plot path`).
///
/// Each cell is shaded by the quantile of f at its centre (equal shares of the map per shade) (` ░▒▓█`, ASCII ` .:-=+#%@`), so
/// valleys stay visible however steep the walls. Each trajectory is a path of its own marker
/// with `S` at its start and `E` at its end; known minima are `★` (ASCII `*`). Parts of a path
/// outside the rectangle are clipped, and a note says how many points were outside.
///
/// ```
/// y
///  2 ┤▓▒░ ░▒▓
///    │▒░S ●░▒
///    │░  ● ░░
/// -2 ┤▒░ E★░▒
///    └────────
///     -2     2
///         x
/// ```
public struct ContourMap {
    /// One optimizer path through the plane.
    public struct Trajectory {
        /// Name shown in the legend.
        public var label: String
        /// The iterates, in order.
        public var points: [(x: Double, y: Double)]

        /// A path named `label` through `points`.
        public init(_ label: String, points: [(x: Double, y: Double)]) {
            self.label = label
            self.points = points
        }
    }

    /// The function to shade.
    public var function: (Double, Double) -> Double
    /// The window shown.
    public var rect: PlotRect
    /// Paths drawn over the shading, in order.
    public var trajectories: [Trajectory]
    /// Known minima, marked `★`.
    public var minima: [(x: Double, y: Double)]
    /// Width of the map in cells.
    public var width: Int
    /// Height of the map in cells.
    public var height: Int
    /// Optional first line.
    public var title: String?

    /// A map of `function` over `rect` in `width`×`height` cells with `trajectories` and `minima`.
    public init(function: @escaping (Double, Double) -> Double, rect: PlotRect,
                trajectories: [Trajectory] = [], minima: [(x: Double, y: Double)] = [],
                width: Int = 60, height: Int = 20, title: String? = nil) {
        self.function = function
        self.rect = rect
        self.trajectories = trajectories
        self.minima = minima
        self.width = width
        self.height = height
        self.title = title
    }

    /// The shade ramp, lowest level first.
    static func ramp(_ style: GlyphStyle) -> [Character] {
        style == .unicode ? [" ", "░", "▒", "▓", "█"] : [" ", ".", ":", "-", "=", "+", "#", "%", "@"]
    }

    /// The marker of the trajectory at `index` (distinct from shades, `S`, `E` and minima).
    static func marker(_ index: Int, style: GlyphStyle) -> Character {
        let markers: [Character] = style == .unicode ? ["●", "○", "◆", "◇", "■", "□"]
            : ["o", "x", "a", "b", "c", "d"]
        return markers[index % markers.count]
    }

    /// f at the centre of every cell, row by row from the top.
    func samples(columns: Int, rows: Int) -> [Double] {
        var values = [Double]()
        values.reserveCapacity(columns * rows)
        for row in 0..<rows {
            for column in 0..<columns {
                let p = rect.cellCentre(column: column, row: row, columns: columns, rows: rows)
                values.append(function(p.x, p.y))
            }
        }
        return values
    }

    /// The map as text, lines separated by `\n`. `color` colours the trajectories and minima.
    /// The text lines above and under the picture (title, legend, notes) wrap at spaces to
    /// `lineWidth` cells when it is given (the terminal's width); the picture is `width` wide.
    public func render(style: GlyphStyle = .unicode, color: Bool = false, lineWidth: Int? = nil) -> String {
        let width = max(1, self.width), height = max(1, self.height)
        var out = [String]()
        if let title { out += lineWidth.map { TextWrap.wrapLine(title, width: $0) } ?? [title] }
        out.append("y")
        var canvas = Canvas(width: width, height: height)
        let ramp = ContourMap.ramp(style)
        let values = samples(columns: width, rows: height)
        let shading = LevelShading(samples: values, levels: ramp.count)
        if let shading {
            for (index, value) in values.enumerated() {
                canvas.set(index % width, index / width, ramp[shading.level(value)])
            }
        }

        var outside = 0
        for (index, trajectory) in trajectories.enumerated() {
            let marker = ContourMap.marker(index, style: style)
            let tint = color ? ANSIColor.series(index) : nil
            var previous: (column: Int, row: Int)?
            for p in trajectory.points {
                guard let cell = rect.cell(x: p.x, y: p.y, columns: width, rows: height) else {
                    previous = nil
                    continue
                }
                if !rect.contains(x: p.x, y: p.y) { outside += 1 }
                if let previous { canvas.line(from: previous, to: cell, marker, color: tint) }
                canvas.set(cell.column, cell.row, marker, color: tint)
                previous = cell
            }
        }
        for m in minima {
            if let c = rect.cell(x: m.x, y: m.y, columns: width, rows: height) {
                canvas.set(c.column, c.row, style.pick("★", "*"), color: color ? .red : nil)
            }
        }
        for (index, trajectory) in trajectories.enumerated() {
            let finite = trajectory.points.filter { $0.x.isFinite && $0.y.isFinite }
            let tint = color ? ANSIColor.series(index) : nil
            for (p, glyph) in [(finite.first, Character("S")), (finite.last, Character("E"))] {
                if let p, finite.count > 1 || glyph == "S",
                   let c = rect.cell(x: p.x, y: p.y, columns: width, rows: height) {
                    canvas.set(c.column, c.row, glyph, color: tint)
                }
            }
        }

        let frame = AxisFrame(y: (rect.yMax, (rect.yMin + rect.yMax) / 2, rect.yMin),
                              x: (rect.xMin, rect.xMax), xCaption: "x")
        out.append(contentsOf: frame.lines(around: canvas, style: style, color: color))

        var legend = trajectories.enumerated().map { index, t in
            String(ContourMap.marker(index, style: style)) + " " + t.label
        }
        if !trajectories.isEmpty { legend += ["S start", "E end"] }
        if !minima.isEmpty { legend.append("\(style.pick("★", "*")) minimum") }
        var notes: [String] = []
        if !legend.isEmpty { notes.append(legend.joined(separator: "  ")) }
        if let shading {
            notes.append("shade: low '\(String(ramp))' high, equal shares of the map (quantiles of f)"
                         + " (f from \(AxisFormat.label(shading.minimum)) to \(AxisFormat.label(shading.maximum)))")
        } else {
            notes.append("note: f is not finite anywhere in this window")
        }
        if outside > 0 { notes.append("note: \(NumberFormat.counted(outside, "point")) outside the window (clipped)") }
        out += lineWidth.map { width in notes.flatMap { TextWrap.wrapLine($0, width: width) } } ?? notes
        return out.joined(separator: "\n")
    }
}
