/// A picture a report can draw at a terminal: any of LRLabText's charts, maps and tables.
public protocol TerminalPicture {
    /// The picture as lines of text laid out for `layout`.
    func render(in layout: ReportLayout) -> String
}

extension LineChart: TerminalPicture {
    public func render(in layout: ReportLayout) -> String { render(style: layout.style, color: layout.color) }
}

extension SmallMultiples: TerminalPicture {
    public func render(in layout: ReportLayout) -> String { render(style: layout.style, color: layout.color) }
}

extension CurvePlot: TerminalPicture {
    public func render(in layout: ReportLayout) -> String { render(style: layout.style, color: layout.color) }
}

extension ContourMap: TerminalPicture {
    /// The map, with its legend wrapped to the layout's width.
    public func render(in layout: ReportLayout) -> String {
        render(style: layout.style, color: layout.color, lineWidth: layout.width)
    }
}

extension ScatterPlot: TerminalPicture {
    public func render(in layout: ReportLayout) -> String { render(style: layout.style, color: layout.color) }
}

extension FitPlot: TerminalPicture {
    public func render(in layout: ReportLayout) -> String { render(style: layout.style, color: layout.color) }
}

extension DecisionMap: TerminalPicture {
    public func render(in layout: ReportLayout) -> String { render(style: layout.style, color: layout.color) }
}

extension Strip: TerminalPicture {
    /// The strip within the layout's width.
    public func render(in layout: ReportLayout) -> String {
        render(style: layout.style, color: layout.color, width: layout.width)
    }
}

extension ImageGallery: TerminalPicture {
    public func render(in layout: ReportLayout) -> String { render(style: layout.style) }
}

extension Table: TerminalPicture {
    /// The table boxed; `Report.table(_:border:)` chooses another border.
    public func render(in layout: ReportLayout) -> String { render(style: layout.style) }
}
