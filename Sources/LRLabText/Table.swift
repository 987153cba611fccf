/// A table of text cells with headers (`compare`, `sweep`, `functions`).
///
/// Numbers are right-aligned and text left-aligned (or as each column says), with Unicode box
/// borders, ASCII `|`/`-`/`+` borders, or no borders (columns separated by two spaces).
///
/// ```
/// ┌─────┬──────┐
/// │ opt │ loss │
/// ├─────┼──────┤
/// │ gd  │ 0.25 │
/// └─────┴──────┘
/// ```
public struct Table: Sendable {
    /// How the cells of a column line up.
    public enum Alignment: Sendable, Hashable {
        case left, right
        /// Right when every non-empty body cell reads as a number, otherwise left.
        case automatic
    }

    /// How the table is framed.
    public enum Border: Sendable, Hashable {
        /// Box lines (`┌─┬┐│` in Unicode, `+-|` in ASCII).
        case box
        /// No lines: a header, a dashed rule under it, columns separated by two spaces.
        case plain
    }

    /// A column: its header and alignment.
    public struct Column: Sendable, Hashable {
        /// The header text.
        public var header: String
        /// How the body cells line up (headers follow their column).
        public var alignment: Alignment

        /// A column headed `header`.
        public init(_ header: String, alignment: Alignment = .automatic) {
            self.header = header
            self.alignment = alignment
        }
    }

    /// The columns, left to right.
    public var columns: [Column]
    /// The body rows; short rows are padded with empty cells, extra cells are dropped.
    public var rows: [[String]]

    /// A table of `rows` under `columns`.
    public init(columns: [Column], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }

    /// A table of `rows` under headers `headers`, each column aligned automatically.
    public init(headers: [String], rows: [[String]]) {
        self.init(columns: headers.map { Column($0) }, rows: rows)
    }

    /// Whether `text` reads as a number (`1.5`, `-2e-3`, `inf`, `nan`, `12%`).
    static func isNumeric(_ text: String) -> Bool {
        var body = Substring(text)
        if body.hasSuffix("%") { body = body.dropLast() }
        if ["inf", "-inf", "+inf", "nan"].contains(body.lowercased()) { return true }
        return !body.isEmpty && Double(body) != nil
    }

    /// The table as text, lines separated by `\n`, no trailing newline.
    public func render(style: GlyphStyle = .unicode, border: Border = .box) -> String {
        guard !columns.isEmpty else { return "" }
        let body = rows.map { row in (0..<columns.count).map { $0 < row.count ? row[$0] : "" } }
        let widths = columns.indices.map { c in
            max(columns[c].header.count, body.map { $0[c].count }.max() ?? 0)
        }
        let rightAligned = columns.indices.map { c -> Bool in
            switch columns[c].alignment {
            case .left: return false
            case .right: return true
            case .automatic:
                let cells = body.map { $0[c] }.filter { !$0.isEmpty }
                return !cells.isEmpty && cells.allSatisfy(Table.isNumeric)
            }
        }
        func cells(_ row: [String]) -> [String] {
            row.enumerated().map { c, text in
                rightAligned[c] ? NumberFormat.leftPad(text, widths[c]) : NumberFormat.rightPad(text, widths[c])
            }
        }
        let headers = columns.map(\.header)
        switch border {
        case .plain:
            var lines = [cells(headers).joined(separator: "  ").trimmingTrailingSpaces]
            lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
            lines += body.map { cells($0).joined(separator: "  ").trimmingTrailingSpaces }
            return lines.joined(separator: "\n")
        case .box:
            let u = style == .unicode
            let h = u ? "─" : "-", v = u ? "│" : "|"
            func rule(_ left: String, _ middle: String, _ right: String) -> String {
                left + widths.map { String(repeating: h, count: $0 + 2) }.joined(separator: middle) + right
            }
            func line(_ row: [String]) -> String {
                v + " " + cells(row).joined(separator: " \(v) ") + " " + v
            }
            var lines = [u ? rule("┌", "┬", "┐") : rule("+", "+", "+"), line(headers),
                         u ? rule("├", "┼", "┤") : rule("+", "+", "+")]
            lines += body.map(line)
            lines.append(u ? rule("└", "┴", "┘") : rule("+", "+", "+"))
            return lines.joined(separator: "\n")
        }
    }
}
