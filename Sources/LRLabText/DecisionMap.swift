/// The decision regions of a 2-D classifier with the data on top, as TensorFlow Playground
/// draws them (`plot fit` on a classification set).
///
/// The window is cut into `width`×`height` cells; the caller predicts a class at every cell
/// centre (`cellCentres`) and passes the classes row by row from the top. Each class's region
/// is shaded with a light glyph of its own (`·` `░` `▒` …, ASCII `.` `:` `-` …) and its points
/// drawn over it with a strong mark (`●` `▲` `■` …, ASCII `o` `x` `#` …), so a point on the
/// wrong side of a boundary shows as a mark inside another class's shade.
///
/// ```
/// y
///  1 ┤·····░░░░░
///    │··●··░▲░░░
/// -1 ┤·····░░░░░
///    └──────────
///     -1       1
///         x
/// ● class 0 (region ·)  ▲ class 1 (region ░)
/// ```
public struct DecisionMap: Sendable {
    /// One labelled data point.
    public struct Point: Sendable, Hashable {
        public var x: Double
        public var y: Double
        /// Class index, 0-based.
        public var label: Int
        /// A validation row (drawn hollow), not a training one.
        public var isValidation: Bool

        /// The point (`x`, `y`) of class `label`, a training row unless `isValidation`.
        public init(x: Double, y: Double, label: Int, isValidation: Bool = false) {
            self.x = x
            self.y = y
            self.label = label
            self.isValidation = isValidation
        }
    }

    /// The window shown.
    public var rect: PlotRect
    /// Width of the map in cells.
    public var width: Int
    /// Height of the map in cells.
    public var height: Int
    /// The predicted class at every cell centre, row by row from the top (`width × height`
    /// values); a missing or negative entry leaves its cell blank.
    public var regions: [Int]
    /// The data drawn over the regions.
    public var points: [Point]
    /// Class names for the legend (`class k` for a class without one).
    public var classNames: [String]
    /// Optional first line.
    public var title: String?

    /// A map of `regions` over `rect` in `width`×`height` cells with `points` on top.
    public init(rect: PlotRect, width: Int, height: Int, regions: [Int], points: [Point],
                classNames: [String] = [], title: String? = nil) {
        self.rect = rect
        self.width = width
        self.height = height
        self.regions = regions
        self.points = points
        self.classNames = classNames
        self.title = title
    }

    /// The centre of every cell of a `width`×`height` grid over `rect`, row by row from the
    /// top: where the caller predicts `regions`.
    public static func cellCentres(rect: PlotRect, width: Int, height: Int) -> [(x: Double, y: Double)] {
        let columns = max(1, width), rows = max(1, height)
        var centres: [(x: Double, y: Double)] = []
        centres.reserveCapacity(columns * rows)
        for row in 0..<rows {
            for column in 0..<columns {
                centres.append(rect.cellCentre(column: column, row: row, columns: columns, rows: rows))
            }
        }
        return centres
    }

    /// The shade of class `k`'s region (cycles).
    static func regionGlyph(_ k: Int, style: GlyphStyle) -> Character {
        let glyphs: [Character] = style == .unicode ? ["·", "░", "▒", ":", "▓", "'"] : [".", ":", "-", "=", "'", "~"]
        return glyphs[k % glyphs.count]
    }

    /// The mark of class `k`'s points (cycles).
    static func pointMark(_ k: Int, style: GlyphStyle) -> Character {
        let marks: [Character] = style == .unicode ? ["●", "▲", "■", "◆", "★", "✚"] : ["o", "x", "#", "@", "%", "&"]
        return marks[k % marks.count]
    }

    /// The mark of class `k`'s validation points: its training mark, hollow (cycles).
    static func validationMark(_ k: Int, style: GlyphStyle) -> Character {
        let marks: [Character] = style == .unicode ? ["○", "△", "□", "◇", "☆", "✛"] : ["O", "X", "H", "Q", "P", "K"]
        return marks[k % marks.count]
    }

    /// The name of class `k`.
    func name(_ k: Int) -> String {
        k < classNames.count ? classNames[k] : "class \(k)"
    }

    /// The classes that appear in the regions or the points, ascending.
    var classes: [Int] {
        Set(regions.filter { $0 >= 0 } + points.map(\.label).filter { $0 >= 0 }).sorted()
    }

    /// The map as text, lines separated by `\n`. `color` colours regions and points by class.
    public func render(style: GlyphStyle = .unicode, color: Bool = false) -> String {
        let width = max(1, self.width), height = max(1, self.height)
        var out = [String]()
        if let title { out.append(title) }
        out.append("y")
        var canvas = Canvas(width: width, height: height)
        for (index, k) in regions.prefix(width * height).enumerated() where k >= 0 {
            canvas.set(index % width, index / width, DecisionMap.regionGlyph(k, style: style), color: color ? ANSIColor.series(k) : nil)
        }
        var outside = 0
        for p in points where p.label >= 0 {
            guard let c = rect.cell(x: p.x, y: p.y, columns: width, rows: height), rect.contains(x: p.x, y: p.y) else {
                outside += 1
                continue
            }
            let mark = p.isValidation ? DecisionMap.validationMark(p.label, style: style) : DecisionMap.pointMark(p.label, style: style)
            canvas.set(c.column, c.row, mark, color: color ? ANSIColor.series(p.label) : nil)
        }
        let frame = AxisFrame(y: (rect.yMax, (rect.yMin + rect.yMax) / 2, rect.yMin),
                              x: (rect.xMin, rect.xMax), xCaption: "x")
        out.append(contentsOf: frame.lines(around: canvas, style: style, color: color))
        let legend = classes.map { k in
            "\(DecisionMap.pointMark(k, style: style)) \(name(k)) (region \(DecisionMap.regionGlyph(k, style: style)))"
        }
        if !legend.isEmpty { out.append(legend.joined(separator: "  ")) }
        if points.contains(where: \.isValidation) {
            let hollow = classes.map { String(DecisionMap.validationMark($0, style: style)) }.joined(separator: " ")
            out.append("filled marks: training rows; \(hollow): validation rows")
        }
        if outside > 0 { out.append("note: \(NumberFormat.counted(outside, "point")) outside the window") }
        return out.joined(separator: "\n")
    }
}
