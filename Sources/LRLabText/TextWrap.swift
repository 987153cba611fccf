/// Display widths and word wrapping for text printed to a terminal of a given width.
///
/// Widths count terminal cells: one per character, two for East Asian wide characters and
/// emoji, none for the ANSI colour escapes lrlab prints. Wrapping breaks lines at spaces only,
/// never inside a word: a single word wider than the width stays whole on a line of its own.
public enum TextWrap {
    /// The widest line lrlab assumes when it knows nothing about the terminal.
    public static let defaultWidth = 80

    /// The number of terminal cells `text` (one line) takes.
    public static func displayWidth(_ text: String) -> Int {
        var width = 0
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                // An escape sequence `ESC [ ... letter` ends at its final letter.
                if (0x40...0x7E).contains(scalar.value), scalar != "[" { inEscape = false }
                continue
            }
            if scalar == "\u{1B}" { inEscape = true; continue }
            width += cellWidth(scalar)
        }
        return width
    }

    /// Cells one scalar takes: 0 for combining marks and other zero-width scalars, 2 for wide
    /// ones, 1 otherwise.
    static func cellWidth(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        let wideRanges: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
        ]
        return wideRanges.contains { $0.contains(value) } ? 2 : 1
    }

    /// `text` with every line longer than `width` cells broken at spaces. A continuation line
    /// starts with the broken line's own indentation plus `hang` spaces, so a wrapped sentence
    /// reads as one item. Lines that fit are returned unchanged.
    public static func wrap(_ text: String, width: Int, hang: Int = 2) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { wrapLine(String($0), width: width, hang: hang) }
            .joined(separator: "\n")
    }

    /// One line broken at spaces into lines of at most `width` cells (see `wrap`).
    public static func wrapLine(_ line: String, width: Int, hang: Int = 2) -> [String] {
        guard displayWidth(line) > width else { return [line] }
        let indent = String(line.prefix { $0 == " " })
        let continuation = indent + String(repeating: " ", count: max(0, hang))
        let words = unbreakable(line.dropFirst(indent.count).split(separator: " ", omittingEmptySubsequences: true).map(String.init))
        var lines: [String] = []
        var current = indent
        var currentWidth = indent.count
        var isEmpty = true
        for word in words {
            let wordWidth = displayWidth(String(word))
            if !isEmpty, currentWidth + 1 + wordWidth > width {
                lines.append(current)
                current = continuation
                currentWidth = continuation.count
                isEmpty = true
            }
            if !isEmpty {
                current += " "
                currentWidth += 1
            }
            current += word
            currentWidth += wordWidth
            isEmpty = false
        }
        lines.append(current)
        return lines
    }

    /// `text` with every line longer than `width` cells broken at spaces, keeping columns: a
    /// line laid out in columns (`  name=N  20  passes over the rows`, or an example with its
    /// comment) continues under its last column, so a wrapped table still reads as a table;
    /// other lines continue as `wrap` does. Lines that fit are returned unchanged.
    public static func wrapKeepingColumns(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { wrapLineKeepingColumns(String($0), width: width) }
            .joined(separator: "\n")
    }

    static func wrapLineKeepingColumns(_ line: String, width: Int) -> [String] {
        guard displayWidth(line) > width else { return [line] }
        // The last column: where text resumes after a gap of two or more spaces, leaving at
        // least a third of the width for the text that wraps under it.
        let characters = Array(line)
        let indent = characters.prefix { $0 == " " }.count
        var column: Int?
        var index = indent
        while index < characters.count {
            if characters[index] == " ", index + 1 < characters.count, characters[index + 1] == " " {
                var end = index
                while end < characters.count, characters[end] == " " { end += 1 }
                let cells = displayWidth(String(characters[..<end]))
                if end < characters.count, cells <= width - max(20, width / 3) { column = end }
                index = end
            } else {
                index += 1
            }
        }
        guard let column else { return wrapLine(line, width: width, hang: indent == 0 ? 0 : 2) }
        let head = String(characters[..<column])
        let headWidth = displayWidth(head)
        let body = wrapLine(String(characters[column...]), width: width - headWidth, hang: 0)
        return body.enumerated().map { offset, part in
            (offset == 0 ? head : String(repeating: " ", count: headWidth)) + part
        }
    }

    /// Tokens that stand between two operands: a line never breaks beside one, so that
    /// `θ ← θ − lr·∇f(θ)` or `1 − lr·λ = 0.96` stays whole.
    static let operators: Set<String> = ["=", "≈", "←", "<-", "→", "+", "-", "−", "*", "·", "×", "/", "<", ">", "≤", "≥", "<=", ">=", "~", "^"]

    /// The words of a line, each operator joined to the words on either side of it.
    static func unbreakable(_ words: [String]) -> [String] {
        var result: [String] = []
        var joinNext = false
        for word in words {
            if operators.contains(word), !result.isEmpty {
                result[result.count - 1] += " " + word
                joinNext = true
            } else if joinNext, !result.isEmpty {
                result[result.count - 1] += " " + word
                joinNext = operators.contains(word)
            } else {
                result.append(word)
                joinNext = false
            }
        }
        return result
    }

    /// Parts (such as `m=(0.1, 0.2)`) laid out on lines of at most `width` cells, separated by
    /// `separator`, each line starting with `indent`; a part is never split.
    public static func flow(_ parts: [String], width: Int, indent: String, separator: String = "  ") -> [String] {
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        for part in parts {
            let partWidth = displayWidth(part)
            if !current.isEmpty, currentWidth + separator.count + partWidth > width {
                lines.append(current)
                current = ""
            }
            if current.isEmpty {
                current = indent + part
                currentWidth = displayWidth(indent) + partWidth
            } else {
                current += separator + part
                currentWidth += separator.count + partWidth
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
