/// What a command says, as values in order: prose, text already laid out, tables and pictures.
/// A command builds one and returns it; `rendered(in:)` lays it out for a terminal, so every
/// command wraps, draws and colours alike, and a test can read the values before any text.
public struct Report {
    /// One part of a report, shown as one chunk of output.
    public enum Block {
        /// Sentences, wrapped at spaces to the layout's width (a long line's continuation
        /// hangs by two columns).
        case prose(String)
        /// Text already laid out in columns (a trace, a usage line), printed as it is.
        case text(String)
        /// A table with its border.
        case table(Table, border: Table.Border)
        /// A chart, map or gallery, drawn for the layout.
        case picture(any TerminalPicture)
    }

    /// What `save FILE.svg` writes once the report is shown.
    public enum SavedPicture {
        /// The picture saved before stays.
        case unchanged
        /// This report's picture replaces it; nil when the report drew one with no SVG twin.
        case replaced(Picture?)
    }

    public private(set) var blocks: [Block] = []
    public private(set) var savedPicture = SavedPicture.unchanged

    public init() {}

    /// A report of prose alone.
    public init(prose: String) {
        self.prose(prose)
    }

    /// A report of laid-out text alone.
    public init(text: String) {
        self.text(text)
    }

    public var isEmpty: Bool { blocks.isEmpty }

    /// Adds sentences, wrapped to the terminal's width when rendered.
    public mutating func prose(_ text: String) {
        blocks.append(.prose(text))
    }

    /// Adds text printed as it is (its lines already fit).
    public mutating func text(_ text: String) {
        blocks.append(.text(text))
    }

    /// Adds a table.
    public mutating func table(_ table: Table, border: Table.Border = .box) {
        blocks.append(.table(table, border: border))
    }

    /// Adds a picture and makes `saved` what `save FILE.svg` writes (nil: nothing, as after a
    /// picture with no SVG twin).
    public mutating func picture(_ picture: any TerminalPicture, saved: Picture?) {
        blocks.append(.picture(picture))
        savedPicture = .replaced(saved)
    }

    /// Adds a picture that `save FILE.svg` writes as it is.
    public mutating func picture(_ picture: Picture) {
        self.picture(picture, saved: picture)
    }

    /// Adds a picture without touching what `save FILE.svg` writes (a picture beside the
    /// one that is saved, such as a table of a sweep's runs).
    public mutating func figure(_ picture: any TerminalPicture) {
        blocks.append(.picture(picture))
    }

    /// Makes `saved` what `save FILE.svg` writes, without drawing anything.
    public mutating func save(_ saved: Picture?) {
        savedPicture = .replaced(saved)
    }

    /// Appends `other`'s blocks; its saved picture, when it has one, replaces this one's.
    public mutating func append(_ other: Report) {
        blocks += other.blocks
        if case .replaced = other.savedPicture { savedPicture = other.savedPicture }
    }

    /// Each block as one chunk of text for `layout`, in order.
    public func rendered(in layout: ReportLayout) -> [String] {
        blocks.map { block in
            switch block {
            case .prose(let text): TextWrap.wrap(text, width: layout.width)
            case .text(let text): text
            case .table(let table, let border): table.render(style: layout.style, border: border)
            case .picture(let picture): picture.render(in: layout)
            }
        }
    }
}

extension Picture: TerminalPicture {
    /// The picture as the terminal shows it; the curves and the error chart one above the other.
    public func render(in layout: ReportLayout) -> String {
        switch self {
        case .lineChart(let chart): chart.render(in: layout)
        case .contourMap(let map): map.render(in: layout)
        case .scatterPlot(let plot): plot.render(in: layout)
        case .fitPlot(let plot): plot.render(in: layout)
        case .decisionMap(let map): map.render(in: layout)
        case .fitWithErrors(let plot, let errors): plot.render(in: layout) + "\n" + errors.render(in: layout)
        case .strip(let strip): strip.render(in: layout)
        }
    }
}
