/// How a report is laid out for one terminal: the width prose wraps at and pictures fit in,
/// the glyphs pictures may use, and whether they are coloured.
public struct ReportLayout: Sendable, Hashable {
    /// Columns: prose wraps at spaces to this width; wide pictures are drawn within it.
    public var width: Int
    public var style: GlyphStyle
    public var color: Bool

    public init(width: Int = TextWrap.defaultWidth, style: GlyphStyle = .unicode, color: Bool = false) {
        self.width = width
        self.style = style
        self.color = color
    }
}
