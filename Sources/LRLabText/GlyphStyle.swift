/// Which characters a picture may use.
///
/// `.unicode` draws with box-drawing lines, shades and geometric markers; `.ascii` uses only
/// printable ASCII, for terminals and files that cannot show more. Every renderer takes a style.
public enum GlyphStyle: Sendable, Hashable, CaseIterable {
    /// Box-drawing lines, shade blocks (` ░▒▓█`), markers such as `●` and `★`.
    case unicode
    /// Printable ASCII only: `|`, `-`, `+`, letters, `*`, `#`.
    case ascii

    /// Picks the Unicode or the ASCII spelling of a glyph.
    func pick(_ unicode: Character, _ ascii: Character) -> Character {
        self == .unicode ? unicode : ascii
    }

    /// The marker drawn for the series (or trajectory) at `index`; cycles when there are more.
    func seriesMarker(_ index: Int) -> Character {
        let markers: [Character] = self == .unicode
            ? ["●", "○", "◆", "◇", "■", "□", "▲", "△"]
            : ["*", "o", "x", "+", "#", "@", "%", "&"]
        return markers[index % markers.count]
    }

    /// Shade that fills a band (a range of values) under a chart's series.
    var bandShade: Character { pick("░", ":") }
    /// Dotted column that marks one x on a chart (a sweet spot).
    var markColumn: Character { pick("┊", ":") }
    /// Glyph for a value that left the top of a chart (or diverged).
    var upArrow: Character { pick("↑", "^") }
    /// Glyph for a value that left the bottom of a chart.
    var downArrow: Character { pick("↓", "v") }
    /// Glyph for a value that left the left edge of a chart.
    var leftArrow: Character { pick("←", "<") }
    /// Glyph for a value that left the right edge of a chart.
    var rightArrow: Character { pick("→", ">") }
}

/// ANSI colours for terminal output. Off unless a caller asks (only when stdout is a terminal);
/// the characters of a picture are the same with colour on or off.
public enum ANSIColor: Int, Sendable, CaseIterable {
    case red = 31, green = 32, yellow = 33, blue = 34, magenta = 35, cyan = 36

    /// The colour used for the series (or trajectory) at `index`; cycles.
    public static func series(_ index: Int) -> ANSIColor {
        let order: [ANSIColor] = [.cyan, .yellow, .magenta, .green, .blue, .red]
        return order[index % order.count]
    }

    /// `text` wrapped in this colour's escape and a reset.
    public func wrap(_ text: String) -> String {
        "\u{1B}[\(rawValue)m\(text)\u{1B}[0m"
    }
}
