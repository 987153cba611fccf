import LRLab

/// A lesson file read as the guided mode needs it: a title, a one-line summary, and sections
/// (the text between `pause` lines) of narration, commands and tasks.
public struct Lesson: Sendable, Hashable {
    /// One thing a section does, in the order the file says it.
    public enum Item: Sendable, Hashable {
        /// A `say` line's text (empty for a blank line).
        case narration(String)
        /// A line of commands, run as a script line (errors reported at its place).
        case command(ScriptPlace)
        /// A task and its number in the lesson (0, 1, …).
        case task(LessonTask, number: Int)
    }

    /// A lesson file that is not well formed: the problem and the line it is on.
    public struct SyntaxError: Error, Sendable, Hashable {
        public var error: ShellError
        public var place: ScriptPlace
    }

    /// The file's name as reported (`lessons/01-gradient-descent.lrlab`).
    public var file: String
    /// The `title` line's text, or the file's name when it has none (control characters made
    /// visible, as everything a lesson shows: `say`, `task`, `hint`).
    public var title: String
    /// The `summary` line's text, empty when it has none.
    public var summary: String
    /// Never empty sections, in order; a lesson without commands has none.
    public var sections: [[Item]]

    /// How many tasks the lesson has.
    public var taskCount: Int {
        sections.joined().reduce(0) { count, item in
            if case .task = item { return count + 1 }
            return count
        }
    }

    /// Reads a lesson's text. Throws at the first line that breaks the lesson's grammar (a
    /// `check` without a task, a task without a solution); commands are not checked here, they
    /// report their own errors when they run.
    public static func parse(_ text: String, file: String) throws(SyntaxError) -> Lesson {
        var lesson = Lesson(file: file, title: TextFile.name(of: file), summary: "", sections: [])
        var section: [Item] = []
        var openTask: LessonTask?
        var taskCount = 0
        func endSection() {
            if !section.isEmpty { lesson.sections.append(section) }
            section = []
        }
        for (index, rawLine) in TextFile.lines(text).enumerated() {
            var line = String(rawLine)
            if line.hasSuffix("\r") { line.removeLast() }
            let place = ScriptPlace(file: file, number: index + 1, text: line)
            guard let statement = Statement.split(line).first, let word = statement.words.first else { continue }
            let name = word.text.lowercased()
            let rest = statement.rest.text
            func fail(_ error: ShellError) -> SyntaxError { SyntaxError(error: error, place: place) }
            if let task = openTask, !LessonTask.partWords.contains(name) {
                throw fail(LessonTask.unfinished(task, before: word))
            }
            switch name {
            case "title": lesson.title = DiagnosticRenderer.visible(rest.trimmingSpaces)
            case "summary": lesson.summary = DiagnosticRenderer.visible(rest.trimmingSpaces)
            case "pause": endSection()
            case "say":
                // The text after one space, so that an indented line keeps its indent.
                let after = line.dropFirst(word.column - 1 + word.text.count)
                section.append(.narration(String(after.first?.separatesWords == true ? after.dropFirst() : after)))
            case "task", "question": openTask = LessonTask(text: rest.trimmingSpaces, line: place, isQuestion: name == "question")
            case "check", "any", "choices", "hint", "explanation", "solution":
                guard var task = openTask else {
                    throw fail(ShellError("\(name) belongs to a task, and there is none above it", at: word.range,
                                          hint: "write task TEXT first (help task)"))
                }
                switch name {
                case "check": task.checks.append(LessonTask.Check(statement: statement, line: place))
                case "any":
                    do {
                        let (freedom, reason) = try LessonTask.Freedom.parse(statement)
                        task.freedoms[freedom] = reason
                    } catch {
                        throw fail(error)
                    }
                case "hint": task.hint = rest.trimmingSpaces
                case "choices": task.choices = statement.words.dropFirst().map(\.text)
                case "explanation": task.explanation = rest.trimmingSpaces
                default:
                    guard !task.checks.isEmpty else {
                        throw fail(ShellError("the task on line \(task.line.number) has no check", at: word.range,
                                              hint: "put check CLAIM lines between the task and its solution (help task)"))
                    }
                    task.solution = LessonTask.solutionStatements(of: statement)
                    task.solutionLine = place
                    section.append(.task(task, number: taskCount))
                    taskCount += 1
                }
                openTask = name == "solution" ? nil : task
            default:
                section.append(.command(place))
            }
        }
        if let task = openTask {
            throw SyntaxError(error: LessonTask.unfinished(task, before: nil), place: task.line)
        }
        endSection()
        return lesson
    }
}

extension TextFile {
    /// The last part of a path (`01-x.lrlab` for `lessons/01-x.lrlab`).
    static func name(of path: String) -> String {
        String(path.split(separator: "/").last ?? Substring(path))
    }
}
