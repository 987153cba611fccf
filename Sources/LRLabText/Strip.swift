import LRLab
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line strip of categories over a grid of values, with an optional marker under a
/// critical value — the answer to `sweep`: where does the learning rate become slow,
/// converge, bounce, diverge?
///
/// ```
/// lr 0.001 ░░░▒▒▒▓▓×××× 10
///                  ↑ 2/L = 1
/// ░ slow  ▒ converged  ▓ bouncing  × diverging
/// ```
public struct Strip {
    /// A category: its name and the glyph it is drawn with in each style.
    public struct Category: Sendable, Hashable {
        /// Name shown in the legend.
        public var name: String
        /// Glyph in the Unicode style.
        public var unicode: Character
        /// Glyph in the ASCII style.
        public var ascii: Character
        /// Colour of its cells at a terminal; nil: the category's place in the legend picks one.
        public var color: ANSIColor?

        /// A category named `name`, drawn as `unicode` or `ascii` (in `color` at a terminal).
        public init(_ name: String, unicode: Character, ascii: Character, color: ANSIColor? = nil) {
            self.name = name
            self.unicode = unicode
            self.ascii = ascii
            self.color = color
        }

        /// The sweep's outcomes in order of growing learning rate, then the rarer ones.
        public static let sweepOutcomes: [Outcome] = [.slow, .converged, .bouncing, .diverging, .stuck, .undefined]
        /// The four usual sweep outcomes in order of growing learning rate.
        public static let sweep: [Category] = sweepOutcomes.prefix(4).map(OutcomeStyle.category)
    }

    /// The grid values (for example learning rates), ascending; one cell each.
    public var grid: [Double]
    /// The category of each grid value, as an index into `categories`; out-of-range indices show
    /// as `?`.
    public var cells: [Int]
    /// The categories, in legend order.
    public var categories: [Category]
    /// Name of the grid quantity, printed before the strip.
    public var label: String
    /// A value to point at under the strip, with its name (such as `2/L`).
    public var critical: (name: String, value: Double)?
    /// Whether the grid is spaced logarithmically (decides where `critical` falls between cells).
    public var logarithmic: Bool

    /// A strip of `cells` (indices into `categories`) over `grid`, labelled `label`.
    public init(grid: [Double], cells: [Int], categories: [Category] = Category.sweep,
                label: String = "lr", critical: (name: String, value: Double)? = nil,
                logarithmic: Bool = true) {
        self.grid = grid
        self.cells = cells
        self.categories = categories
        self.label = label
        self.critical = critical
        self.logarithmic = logarithmic
    }

    /// The strip as text: the strip line, the marker line (when there is a critical value inside
    /// the grid), and the legend. When the strip line would pass `width` characters, each mark
    /// stands for a run of neighbouring grid values (the outcome most of them had; the later one
    /// on a tie) and a line says how many.
    public func render(style: GlyphStyle = .unicode, color: Bool = false, width: Int? = nil) -> String {
        let count = min(grid.count, cells.count)
        var lead = label
        if count > 0 { lead += " " + AxisFormat.label(grid[0]) }
        let tail = count > 0 ? " " + AxisFormat.label(grid[count - 1]) : ""
        let room = width.map { max(8, $0 - lead.count - 1 - tail.count) } ?? count
        let marks = min(count, room)
        let binned = (0..<marks).map { mark in mostFrequent(cells[mark * count / marks ..< (mark + 1) * count / marks]) }
        let glyphs = binned.map { index -> String in
            guard categories.indices.contains(index) else { return "?" }
            let glyph = String(style == .unicode ? categories[index].unicode : categories[index].ascii)
            return color ? (categories[index].color ?? ANSIColor.series(index)).wrap(glyph) : glyph
        }
        var lines = [lead + " " + glyphs.joined() + tail]
        if let critical, let column = column(of: critical.value, count: count) {
            let pad = String(repeating: " ", count: lead.count + 1 + column * marks / max(count, 1))
            lines.append(pad + String(style.upArrow) + " " + critical.name + " = " + AxisFormat.label(critical.value))
        }
        lines.append(categories.map { String(style == .unicode ? $0.unicode : $0.ascii) + " " + $0.name }
            .joined(separator: "  "))
        if marks < count {
            let low = count / marks, high = (count + marks - 1) / marks
            lines.append("each mark: \(low == high ? "\(low)" : "\(low) or \(high)") neighbouring rates, the outcome most of them had")
        }
        return lines.joined(separator: "\n")
    }

    /// The category most cells of `run` have (the later one on a tie).
    private func mostFrequent(_ run: ArraySlice<Int>) -> Int {
        var counts: [Int: Int] = [:]
        var best = run.first ?? 0
        for cell in run {
            counts[cell, default: 0] += 1
            if counts[cell, default: 0] >= counts[best, default: 0] { best = cell }
        }
        return best
    }

    /// The cell nearest `value` when it lies within the grid; `nil` outside it.
    private func column(of value: Double, count: Int) -> Int? {
        guard count > 0, value.isFinite else { return nil }
        let position: (Double) -> Double = { logarithmic && $0 > 0 ? log10($0) : $0 }
        if logarithmic && value <= 0 { return nil }
        guard value >= grid[0], value <= grid[count - 1] else { return nil }
        for i in 0..<(count - 1) where value <= grid[i + 1] {
            let a = position(grid[i]), b = position(grid[i + 1])
            let f = b > a ? (position(value) - a) / (b - a) : 0
            return f < 0.5 ? i : i + 1
        }
        return count - 1
    }
}
