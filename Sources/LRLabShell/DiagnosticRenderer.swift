import LRLab

/// Renders a `ShellError` the way compilers do:
///
///     lesson.lrlab:3:12: error: unknown function 'sqr'
///         f(x) = sqr(x)
///                ^~~
///         did you mean 'sqrt'?
///
/// Interactive input has no file name, so the first line reads `error at column 12: ...`.
public struct DiagnosticRenderer: Sendable {
    public var useColor: Bool

    public init(useColor: Bool = false) {
        self.useColor = useColor
    }

    /// - Parameters:
    ///   - file: the script's name, or nil for a line typed at the prompt.
    ///   - line: the 1-based line number in the file.
    ///   - text: the whole source line, for the caret display.
    public func render(_ error: ShellError, file: String?, line: Int, text: String) -> String {
        let label = error.kind == .expectationFailed ? "expectation failed" : "error"
        let coloredLabel = useColor ? "\u{1B}[1;31m\(label)\u{1B}[0m" : label
        var head: String
        if let file {
            head = "\(file):\(line):"
            if let range = error.range { head += "\(range.start.column):" }
            head += " \(coloredLabel): \(error.message)"
        } else if let range = error.range, error.kind == .error {
            head = "\(coloredLabel) at column \(range.start.column): \(error.message)"
        } else {
            head = "\(coloredLabel): \(error.message)"
        }
        var lines = [head]
        if let range = error.range, !text.isEmpty {
            let shown = DiagnosticRenderer.excerpt(text, around: range.start.column)
            lines.append("    " + shown.text)
            let caretColumn = range.start.column - shown.firstColumn
            let length = max(1, min(range.length, shown.text.count - caretColumn + 1))
            lines.append("    " + String(repeating: " ", count: max(0, caretColumn)) + "^" + String(repeating: "~", count: max(0, length - 1)))
        }
        if let hint = error.hint { lines.append("    " + hint) }
        return lines.joined(separator: "\n")
    }

    /// At most about 100 characters of a long line, around `column`; tabs become spaces so
    /// the caret lines up.
    static func excerpt(_ text: String, around column: Int) -> (text: String, firstColumn: Int) {
        let characters = Array(text).map { $0 == "\t" ? " " : $0 }
        guard characters.count > 100 else { return (String(characters), 1) }
        let start = max(0, min(column - 50, characters.count - 100))
        let end = min(characters.count, start + 100)
        return (String(characters[start..<end]), start + 1)
    }
}
