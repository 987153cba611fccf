/// Small grey-scale images side by side, each in a box labelled in its top edge, each pixel two character cells wide (cells are about
/// twice as tall as wide, so the image keeps its shape) and shaded by its value in [0, 1]
/// (`plot data` on digits):
///
/// ```
/// ┌─0──────────────┐  ┌─1──────────────┐
/// │    ▒▒▓▓▒▒░░    │  │      ▓▓▓▓░░    │
/// │  ░░▓▓▒▒▒▒▓▓▒▒  │  │    ░░████░░    │
/// ```
///
/// Shades, for a value v: blank for v = 0, then `░ ▒ ▓ █` for v in (0, ¼], (¼, ½], (½, ¾], (¾, 1]
/// (ASCII: `. : * #`). Values outside [0, 1] are clamped; NaN is blank.
public struct ImageGallery {
    /// One image: `side × side` values, row after row, and the label written above it.
    public struct Image {
        public var label: String
        public var pixels: [Double]

        public init(_ label: String, pixels: [Double]) {
            self.label = label
            self.pixels = pixels
        }
    }

    public var images: [Image]
    /// Pixels per row and per column of every image.
    public var side: Int
    /// The widest a line may be, in cells; images wrap onto further rows beyond it.
    public var maximumWidth: Int
    public var title: String?

    public init(images: [Image], side: Int, maximumWidth: Int = 100, title: String? = nil) {
        self.images = images
        self.side = side
        self.maximumWidth = maximumWidth
        self.title = title
    }

    /// The glyph for a pixel value.
    static func shade(_ value: Double, style: GlyphStyle) -> Character {
        guard value > 0 else { return " " }
        let shades: [Character] = style == .unicode ? ["░", "▒", "▓", "█"] : [".", ":", "*", "#"]
        let level = Int(saturating: (min(value, 1) * 4).rounded(.up)) - 1
        return shades[max(0, min(3, level))]
    }

    /// The images as text, lines separated by `\n`: each in a box with its label in the top edge.
    public func render(style: GlyphStyle = .unicode) -> String {
        var out: [String] = []
        if let title { out.append(title) }
        let side = max(1, self.side)
        let inner = 2 * side, gap = 2
        let perRow = max(1, (maximumWidth + gap) / (inner + 2 + gap))
        let horizontal = style.pick("─", "-"), vertical = String(style.pick("│", "|"))
        let spacing = String(repeating: " ", count: gap)
        var start = 0
        while start < images.count {
            let row = images[start..<min(images.count, start + perRow)]
            out.append(row.map { image -> String in
                let label = String(image.label.prefix(inner - 2))
                let top = String(horizontal) + label + String(repeating: horizontal, count: inner - 1 - label.count)
                return String(style.pick("┌", "+")) + top + String(style.pick("┐", "+"))
            }.joined(separator: spacing))
            for pixelRow in 0..<side {
                out.append(row.map { image -> String in
                    var text = vertical
                    for column in 0..<side {
                        let index = pixelRow * side + column
                        let glyph = index < image.pixels.count ? Self.shade(image.pixels[index], style: style) : " "
                        text.append(glyph)
                        text.append(glyph)
                    }
                    return text + vertical
                }.joined(separator: spacing))
            }
            let bottom = String(style.pick("└", "+")) + String(repeating: horizontal, count: inner) + String(style.pick("┘", "+"))
            out.append(Array(repeating: bottom, count: row.count).joined(separator: spacing))
            start += perRow
        }
        out.append(Self.legend(style: style))
        return out.joined(separator: "\n")
    }

    /// What the shades mean: `shades: blank 0, ░ to ¼, ▒ to ½, ▓ to ¾, █ to 1`.
    public static func legend(style: GlyphStyle) -> String {
        let marks = [0.25, 0.5, 0.75, 1].map { String(shade($0, style: style)) }
        return "shades: blank 0, \(marks[0]) to ¼, \(marks[1]) to ½, \(marks[2]) to ¾, \(marks[3]) to 1"
    }
}
