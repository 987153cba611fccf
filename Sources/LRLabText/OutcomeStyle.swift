import LRLab

/// How each outcome word looks: its colour at a terminal and its glyph in a sweep's strip. The
/// one table every verdict, table cell and strip reads, so a word has one look everywhere.
public enum OutcomeStyle {
    /// The ANSI colour of `outcome`'s word; nil for words shown bold (no judgement of good or bad).
    public static func color(_ outcome: Outcome) -> ANSIColor? {
        switch outcome {
        case .converged, .goodFit: return .green
        case .diverging, .undefined: return .red
        case .bouncing, .stuck, .underfitting, .overfitting: return .yellow
        case .slow: return .cyan
        case .unstarted: return nil
        }
    }

    /// `word` coloured as `outcome` when `color` is on, else `word` unchanged.
    public static func paint(_ word: String, as outcome: Outcome, color: Bool) -> String {
        guard color else { return word }
        return Self.color(outcome).map { $0.wrap(word) } ?? "\u{1B}[1m\(word)\u{1B}[0m"
    }

    /// The strip category of `outcome`: its word, glyph and colour.
    public static func category(_ outcome: Outcome) -> Strip.Category {
        let glyphs: (unicode: Character, ascii: Character)
        switch outcome {
        case .slow: glyphs = ("░", ".")
        case .converged, .goodFit: glyphs = ("▒", "=")
        case .bouncing: glyphs = ("▓", "#")
        case .diverging: glyphs = ("×", "x")
        case .stuck: glyphs = ("·", ":")
        case .undefined: glyphs = ("?", "?")
        case .unstarted, .underfitting, .overfitting: glyphs = (" ", " ")
        }
        return Strip.Category(outcome.word, unicode: glyphs.unicode, ascii: glyphs.ascii, color: color(outcome))
    }

    /// `verdict: WORD — summary` and the evidence indented two spaces, each wrapped at spaces
    /// to `width` (the headline's continuations indented 4), the word coloured at a terminal.
    public static func verdictText(_ outcome: Outcome, summary: Phrase, evidence: [Phrase], color: Bool = false,
                                   digits: Int = PhraseFormat.defaultDigits, width: Int = TextWrap.defaultWidth) -> String {
        let name = paint(outcome.word, as: outcome, color: color)
        let headline = TextWrap.wrapLine("verdict: \(name) — " + summary.text(digits: digits), width: width, hang: 4)
        return (headline + evidence.flatMap { TextWrap.wrapLine("  " + $0.text(digits: digits), width: width) })
            .joined(separator: "\n")
    }
}
