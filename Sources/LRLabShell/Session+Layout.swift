import LRLab
import LRLabText

/// How the session lays out what it prints: glyphs, picture sizes, wrapped prose and numbers,
/// all from its settings (`useUnicode`, `terminalColumns`, `terminalRows`, `digits`).
extension Session {
    /// Unicode glyphs, or ASCII where the terminal cannot show them.
    var glyphStyle: GlyphStyle { useUnicode ? .unicode : .ascii }

    /// How reports are laid out at this terminal: its width, glyphs and colour.
    var layout: ReportLayout { ReportLayout(width: terminalColumns, style: glyphStyle, color: useColor) }

    /// Picture size: the terminal less room for axis labels, within sensible bounds.
    func pictureSize(tall: Bool = false) -> (width: Int, height: Int) {
        let width = Swift.min(Swift.max(terminalColumns - 14, 20), 160)
        let height = Swift.min(Swift.max(terminalRows - (tall ? 8 : 14), 8), tall ? 50 : 20)
        return (width, height)
    }

    /// The trace line format for the current setup.
    func traceFormat(for run: Run) -> TraceFormat {
        TraceFormat(parameters: run.lossFunction.parameterNames, stateNames: run.stateNames, digits: digits, useColor: useColor,
                    width: terminalColumns, showsState: showsState)
    }

    /// Prose (verdicts, summaries, explanations) wrapped at spaces to the terminal width.
    func wrapped(_ text: String) -> String {
        TextWrap.wrap(text, width: terminalColumns)
    }

    /// A number as the session prints it.
    func format(_ value: Double) -> String {
        NumberFormat.format(value, digits: digits)
    }
}
