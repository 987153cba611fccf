import LRLab

/// Trace lines as `step`, `run` and `trace` print them: a header, then one aligned line per
/// step with the step number, learning rate, the gradient the step moved along (at the
/// previous row's point), the step taken, the new point, its loss and notes; an adaptive
/// optimizer's state follows on indented lines. So every number on a row follows from the
/// numbers on it and the previous row's point: for gd, d = −lr·g and x = previous x + d; an
/// adaptive optimizer's state is updated from the row's g. (The gradient at the last point
/// is the next step's: a run's summary shows it.) Row 0 is the start, with its gradient.
///
/// Every line fits `width` terminal cells. Columns are as wide as the numbers of the block
/// being printed (a `Layout`); when a whole row does not fit, the row folds: the first line
/// keeps the step, rate, point, loss and notes, and a second line gives the gradient and the
/// step taken as `g=(gx, gy)  d=(dx, dy)`. State lines flow `name=(values)` parts over as many
/// lines as the width needs, never splitting a part. The numbers are the same either way.
public struct TraceFormat: Sendable {
    public var parameters: [String]
    public var stateNames: [String]
    /// Significant digits per number.
    public var digits: Int
    /// ANSI colour for the notes (terminals only): red for divergence, yellow for overshoot
    /// and loss up, green for convergence.
    public var useColor: Bool
    /// The terminal width, in cells, every line must fit.
    public var width: Int
    /// Whether the optimizer's state follows each trace line (`set state=on|off`).
    public var showsState: Bool

    public init(parameters: [String], stateNames: [String], digits: Int = 6, useColor: Bool = false,
                width: Int = TextWrap.defaultWidth, showsState: Bool = true) {
        self.parameters = parameters
        self.stateNames = stateNames
        self.digits = digits
        self.useColor = useColor
        self.width = width
        self.showsState = showsState
    }

    /// Column names: `step lr gx dx x loss` (1-D) or `step lr gx gy dx dy x y loss`.
    public var columns: [String] {
        ["step", "lr"] + parameters.map { "g" + $0 } + parameters.map { "d" + $0 } + parameters + ["loss"]
    }

    /// Column widths for a block of trace lines, and whether its rows fold onto two lines.
    public struct Layout: Sendable, Equatable {
        /// One width per column of `columns`, in cells.
        public var widths: [Int]
        /// The gradient and the step taken go on a second line (`g=(...)  d=(...)`).
        public var folded: Bool

        /// The wider of each column; folded when either is.
        public func merged(with other: Layout?) -> Layout {
            guard let other, other.widths.count == widths.count else { return self }
            return Layout(widths: zip(widths, other.widths).map { max($0, $1) }, folded: folded || other.folded)
        }
    }

    /// Columns are separated by this many spaces.
    static let gap = 2
    /// State lines and a folded row's second line start this far in.
    static let continuationIndent = String(repeating: " ", count: 8)

    /// The layout that fits `records`: columns as wide as their widest cell (at least their
    /// name and `digits + 2`), folded when the numbers and the `notes` heading would not fit `width`. (A row
    /// whose notes do not fit beside its numbers puts them on a line of their own.)
    public func layout(for records: [TraceRecord]) -> Layout {
        // Numbers get at least `digits + 2` cells (`-0.12345` at 6 digits), so that a table a
        // later `step` continues rarely needs wider columns.
        var widths = columns.map { max($0.count, digits + 2) }
        widths[0] = 5
        for record in records {
            for (index, cell) in cells(record).enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        let oneLine = widths.reduce(0, +) + TraceFormat.gap * widths.count + "notes".count
        return Layout(widths: widths, folded: oneLine > width)
    }

    /// The header for `layout`: one line, or two for folded rows.
    public func header(_ layout: Layout) -> String {
        let shown = shownColumns(layout)
        let names = shown.map { NumberFormat.leftPad(columns[$0], layout.widths[$0]) }
        var text = (names.joined(separator: gapText) + gapText + "notes")
        if layout.folded, !parameters.isEmpty {
            let vector = { (prefix: String) in parameters.count == 1 ? prefix + parameters[0] : "(" + parameters.map { prefix + $0 }.joined(separator: ", ") + ")" }
            text += "\n" + TraceFormat.continuationIndent + "g=\(vector("g")) gradient  d=\(vector("d")) step taken"
        }
        return text
    }

    /// One step's line (with the folded second line and the state lines, when shown).
    public func line(_ record: TraceRecord, _ layout: Layout) -> String {
        let all = cells(record)
        let shown = shownColumns(layout)
        let first = shown.map { NumberFormat.leftPad(all[$0], layout.widths[$0]) }.joined(separator: gapText)
        let words = record.notes.words
        let notesWidth = words.isEmpty ? 0 : words.joined(separator: ", ").count + TraceFormat.gap
        var lines: [String] = []
        var continuation: [String] = []
        if layout.folded, !parameters.isEmpty, record.step > 0 {
            continuation = ["g=" + NumberFormat.point(record.gradientUsed, digits: digits),
                            "d=" + NumberFormat.point(record.stepTaken, digits: digits)]
        } else if layout.folded, !parameters.isEmpty {
            continuation = ["g=" + NumberFormat.point(record.gradientUsed, digits: digits)]
        }
        if words.isEmpty {
            lines.append(first)
        } else if TextWrap.displayWidth(first) + notesWidth <= width {
            lines.append(first + gapText + words.map(colored).joined(separator: ", "))
        } else {
            lines.append(first)
            continuation.append(words.map(colored).joined(separator: ", "))
        }
        lines += TextWrap.flow(continuation, width: width, indent: TraceFormat.continuationIndent)
        if showsState, !stateNames.isEmpty, record.step > 0 {
            lines += stateLines(record)
        }
        return lines.joined(separator: "\n")
    }

    /// A header and one line per record, in a layout fitted to them.
    public func table(_ records: [TraceRecord]) -> [String] {
        let layout = layout(for: records)
        return [header(layout)] + records.map { line($0, layout) }
    }

    /// The header in the layout that fits the widest numbers at `digits` (for a line printed alone).
    public var header: String { header(widestLayout) }

    /// One line in the layout that fits the widest numbers at `digits`.
    public func line(_ record: TraceRecord) -> String { line(record, widestLayout) }

    /// Columns wide enough for any number at `digits` (`-1.23456e-100`), for lines printed one by one.
    private var widestLayout: Layout {
        var widths = columns.map { max($0.count, digits + 7) }
        widths[0] = 6
        let oneLine = widths.reduce(0, +) + TraceFormat.gap * widths.count + "notes".count
        return Layout(widths: widths, folded: oneLine > width)
    }

    /// `m=(0.1, 0.2)  v=(...)  lr_eff=(...)`: one value per parameter, flowed over lines of
    /// at most `width` cells.
    public func stateLines(_ record: TraceRecord) -> [String] {
        TextWrap.flow(stateParts(record), width: width, indent: TraceFormat.continuationIndent)
    }

    /// The state lines of `record` as one string.
    public func stateLine(_ record: TraceRecord) -> String {
        stateLines(record).joined(separator: "\n")
    }

    private func stateParts(_ record: TraceRecord) -> [String] {
        let dimension = parameters.count
        return stateNames.enumerated().compactMap { index, name -> String? in
            guard (index + 1) * dimension <= record.state.count else { return nil }
            let values = Array(record.state[index * dimension ..< (index + 1) * dimension])
            return "\(name)=" + NumberFormat.point(values, digits: digits)
        }
    }

    /// The text of every column for `record` (row 0 has no rate and no step taken).
    private func cells(_ record: TraceRecord) -> [String] {
        let isStart = record.step == 0
        let count = parameters.count
        // A record without per-parameter columns leaves those cells empty.
        func cells(_ values: [Double], _ text: (Double) -> String) -> [String] {
            values.count == count ? values.map(text) : [String](repeating: "", count: count)
        }
        var row = [String(record.step), isStart ? "-" : NumberFormat.format(record.learningRate, digits: digits)]
        row += cells(record.gradientUsed, number)
        row += cells(record.stepTaken) { isStart ? "-" : number($0) }
        row += cells(record.parameters, number)
        row.append(number(record.loss))
        return row
    }

    /// The columns printed on the first line: all of them, or the step, rate, point and loss
    /// when folded.
    private func shownColumns(_ layout: Layout) -> [Int] {
        let count = parameters.count
        return layout.folded ? [0, 1] + Array((2 + 2 * count)..<(3 + 3 * count)) : Array(columns.indices)
    }

    private var gapText: String { String(repeating: " ", count: TraceFormat.gap) }

    private func colored(_ word: String) -> String {
        guard useColor else { return word }
        let code: String
        switch word {
        case "diverged", "undefined": code = "31"
        case "converged": code = "32"
        case "overshoot", "loss up": code = "33"
        default: return word
        }
        return "\u{1B}[\(code)m\(word)\u{1B}[0m"
    }

    private func number(_ value: Double) -> String {
        NumberFormat.format(value, digits: digits)
    }
}

extension String {
    /// The string without trailing spaces.
    public var trimmingTrailingSpaces: String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
