import LRLab
import LRLabText

/// Renders a `ShellError` the way compilers do:
///
///     lesson.lrlab:3:12: error: unknown function 'sqr'
///         f(x) = sqr(x)
///                ^~~
///         did you mean 'sqrt'?
///
/// Interactive input has no file name, so the first line reads `error at column 12: ...`.
/// Whatever the user typed is shown with its control characters made visible (`\x1b`, `\0`,
/// see `visible(_:)`), so echoing a line can never recolour or clear the terminal, and the
/// caret stays under the column it points at.
public struct DiagnosticRenderer: Sendable {
    public var useColor: Bool
    /// The terminal's width: the message and hint wrap at spaces to it, and a long source line
    /// is shown as an excerpt that fits it; nil wraps nothing (excerpts of 100 characters).
    public var width: Int?

    public init(useColor: Bool = false, width: Int? = nil) {
        self.useColor = useColor
        self.width = width
    }

    /// - Parameters:
    ///   - file: the script's name, or nil for a line typed at the prompt.
    ///   - line: the 1-based line number in the file.
    ///   - text: the whole source line, for the caret display.
    public func render(_ error: ShellError, file: String?, line: Int, text: String) -> String {
        let label = error.kind == .expectationFailed ? "expectation failed" : "error"
        let coloredLabel = useColor ? "\u{1B}[1;31m\(label)\u{1B}[0m" : label
        let message = DiagnosticRenderer.visible(error.message, keepingNewlines: true)
        var head: String
        if let file {
            head = "\(DiagnosticRenderer.visible(file)):\(line):"
            if let range = error.range { head += "\(range.start.column):" }
            head += " \(coloredLabel): \(message)"
        } else if let range = error.range, error.kind == .error {
            head = "\(coloredLabel) at column \(range.start.column): \(message)"
        } else {
            head = "\(coloredLabel): \(message)"
        }
        var lines = [head]
        if let range = error.range, !text.isEmpty {
            let shown = DiagnosticRenderer.excerpt(text, around: range.start.column, count: width.map { max(20, $0 - 8) } ?? 100)
            // Each character as it is shown: one cell, two for a wide one (日), several for an
            // escaped control character.
            let cells = shown.characters.map { DiagnosticRenderer.visible(String($0)) }
            let caretIndex = max(0, min(range.start.column - shown.firstColumn, cells.count))
            let caretColumn = cells[..<caretIndex].reduce(0) { $0 + TextWrap.displayWidth($1) }
            let covered = cells[caretIndex..<min(cells.count, caretIndex + range.length)].reduce(0) { $0 + TextWrap.displayWidth($1) }
            lines.append("    " + cells.joined())
            lines.append("    " + String(repeating: " ", count: caretColumn) + "^" + String(repeating: "~", count: max(0, covered - 1)))
        }
        if let hint = error.hint { lines.append("    " + DiagnosticRenderer.visible(hint, keepingNewlines: true)) }
        guard let width else { return lines.joined(separator: "\n") }
        // The message and the hint wrap; the source line and its caret stay whole.
        let caretLines = lines.count - 1 - (error.hint == nil ? 0 : 1)
        return lines.enumerated().map { index, line in
            index == 0 || index > caretLines ? TextWrap.wrap(line, width: width, hang: index == 0 ? 4 : 0) : line
        }.joined(separator: "\n")
    }

    /// At most `count` characters of a long line, around `column`; tabs become spaces so
    /// the caret lines up.
    static func excerpt(_ text: String, around column: Int, count: Int = 100) -> (characters: [Character], firstColumn: Int) {
        let characters = Array(text).map { $0 == "\t" ? " " : $0 }
        guard characters.count > count else { return (characters, 1) }
        let start = max(0, min(column - count / 2, characters.count - count))
        let end = min(characters.count, start + count)
        return (Array(characters[start..<end]), start + 1)
    }

    /// `text` with every character a terminal would act on instead of show written out:
    /// NUL as `\0`, tab, newline and carriage return as `\t` `\n` `\r`, other C0 controls and
    /// DEL as `\x1b`-style escapes, C1 controls, bidirectional overrides and line/paragraph
    /// separators as `\u{202e}`. Everything else, including U+FFFD from invalid UTF-8, is kept.
    /// - Parameter keepingNewlines: keep `\n` as a line break (for messages and hints that are
    ///   written on several lines; a source line never contains one).
    public static func visible(_ text: String, keepingNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0) && !(keepingNewlines && $0 == "\n") }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if !needsEscape(scalar) || (keepingNewlines && scalar == "\n") {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar.value {
            case 0: result += "\\0"
            case 9: result += "\\t"
            case 10: result += "\\n"
            case 13: result += "\\r"
            case 0..<0x20, 0x7F: result += "\\x" + hex(scalar.value, digits: 2)
            default: result += "\\u{" + hex(scalar.value, digits: 1) + "}"
            }
        }
        return result
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
