import LRLab
import LRLabText

/// Running a lesson's lines: shown at the prompt, or silently to catch up.
extension LessonGuide {
    /// Shows lesson text (narration, a task, a hint) wrapped, its control characters made visible.
    static func say(wrapped text: String, _ session: Session) {
        session.say(Narration.wrap(DiagnosticRenderer.visible(text), width: session.terminalColumns).joined(separator: "\n"))
    }

    /// Runs a lesson line: its commands after the prompt (a line of `expect`s alone is not shown).
    /// Returns the kind of error it reported, nil when it ran.
    @discardableResult
    static func run(_ place: ScriptPlace, _ session: Session, echo: Bool) -> ShellError.Kind? {
        let statements = Statement.split(place.text)
        let onlyClaims = statements.allSatisfy { $0.words.first?.text.lowercased() == "expect" }
        if echo, !onlyClaims {
            let typed = DiagnosticRenderer.visible(statements.map { $0.text.trimmingSpaces }.joined(separator: "; "))
            session.say(TextWrap.wrap(LessonTask.prompt + typed, width: session.terminalColumns, hang: LessonTask.prompt.count))
        }
        return session.executeReporting(line: place.text, file: place.file, lineNumber: place.number)
    }

    /// Runs a section's commands and task solutions (the caller silences the output); returns
    /// whether every command of the lesson ran without an error.
    @discardableResult
    static func runSilently(_ items: [Lesson.Item], _ session: Session) -> Bool {
        var succeeded = true
        for item in items {
            if session.shouldStop() { return succeeded }
            switch item {
            case .narration: break
            case .command(let place): if run(place, session, echo: false) != nil { succeeded = false }
            case .task(let task, _): try? task.runSolution(in: session, echo: false)
            }
        }
        return succeeded
    }

    /// Runs `body` with the session's output and errors silenced.
    func runQuietly(_ session: Session, _ body: () -> Void) {
        let output = session.output, errorOutput = session.errorOutput
        session.output = { _ in }
        session.errorOutput = { _ in }
        defer {
            session.output = output
            session.errorOutput = errorOutput
        }
        body()
    }
}
