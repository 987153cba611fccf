import LRLab
import LRLabText

/// A line of a script or lesson (where it is and what it says), kept so that a problem found
/// later (a `check` evaluated when the task's solution has run) is reported at its line.
public struct ScriptPlace: Sendable, Hashable {
    /// The script's name as reported (`lessons/01-gradient-descent.lrlab`, `-c`).
    public var file: String
    /// 1-based.
    public var number: Int
    /// The whole line as written, for the caret display.
    public var text: String

    public init(file: String, number: Int, text: String) {
        self.file = file
        self.number = number
        self.text = text
    }
}

/// A task of a lesson: `task TEXT` asks the learner to do something, its `check CLAIM` lines
/// say what must hold in the session when it is done (claims as `expect` reads them), `hint`
/// helps after failed tries, and `solution COMMAND[; COMMAND…]` is a reference that does it.
///
/// Run as a script (a file, a pipe, the tests) a task runs its solution and every check must
/// hold, so each task is proven solvable; at the prompt `LessonGuide` waits for the learner.
public struct LessonTask: Sendable, Hashable {
    /// One `check` line: the statement (`check CLAIM`, columns as in `line.text`) and where it is.
    public struct Check: Sendable, Hashable {
        public var statement: Statement
        public var line: ScriptPlace

        /// The claim as written after `check`.
        public var claim: String { statement.rest.text.trimmingSpaces }
    }

    /// The words that state a task after its `task` line.
    static let partWords: Set<String> = ["check", "any", "choices", "hint", "explanation", "solution"]

    /// What a task may say it does not care about (`any start because …`): each is a part of
    /// the setup its checks would otherwise have to pin down, so that a half-answer fails.
    public enum Freedom: String, CaseIterable, Sendable, Hashable {
        /// Any optimizer (and its options) will do.
        case opt
        /// Any function will do.
        case function
        /// Any start point will do.
        case start
        /// With or without gradient noise.
        case noise
        /// Any seed of the noise.
        case seed

        /// Reads `any WHAT REASON`'s words after `any`: the freedom and its reason, or an error
        /// that says what to write.
        static func parse(_ statement: Statement) throws(ShellError) -> (Freedom, reason: String) {
            let words = Array(statement.words.dropFirst())
            let usage = "write any WHAT REASON, WHAT one of " + allCases.map(\.rawValue).joined(separator: " ")
                + ", e.g. any start because choosing where to start is the task"
            guard let first = words.first else {
                throw ShellError("any needs what the task does not care about, and why", at: statement.words[0].range, hint: usage)
            }
            var name = first.text.lowercased()
            if name.hasSuffix(":") { name.removeLast() }
            guard let freedom = Freedom(rawValue: name) else {
                let hint = Suggestion.didYouMean(name, among: allCases.map(\.rawValue)) ?? usage
                throw ShellError("'\(first.text)' is not something a task can leave free", at: first.range, hint: hint)
            }
            let reason = words.dropFirst().map(\.text).joined(separator: " ")
            guard !reason.isEmpty else {
                throw ShellError("any \(name) needs its reason: why the task does not care", at: first.range, hint: usage)
            }
            return (freedom, reason)
        }
    }

    public var text: String
    /// The `task` line (or `question` line).
    public var line: ScriptPlace
    /// A question (`question TEXT`) asks about what the learner saw: it is answered with
    /// `answer VALUE`, its checks read `answer`, and after two wrong answers the guide gives
    /// the `explanation` and goes on.
    public var isQuestion = false
    /// The answers a question offers (`choices adam rmsprop`), shown with it; empty: a number.
    public var choices: [String] = []
    /// Why the answer is what it is, shown after two wrong answers.
    public var explanation: String?
    public var checks: [Check] = []
    /// What the task leaves free, with the reason its text gives (`any start because …`).
    public var freedoms: [Freedom: String] = [:]
    public var hint: String?
    /// The solution's statements, columns as in `solutionLine.text`.
    public var solution: [Statement] = []
    public var solutionLine: ScriptPlace?

    public init(text: String, line: ScriptPlace, isQuestion: Bool = false) {
        self.text = text
        self.line = line
        self.isQuestion = isQuestion
    }

    /// Adds a part line after the `task` (or `question`) line: `check`, `any`, `choices`,
    /// `hint` or `explanation` (`solution` ends the task, and its callers handle it).
    mutating func add(part name: String, _ statement: Statement, at place: ScriptPlace) throws(ShellError) {
        let text = statement.rest.text.trimmingSpaces
        switch name {
        case "check": checks.append(Check(statement: statement, line: place))
        case "any":
            let (freedom, reason) = try Freedom.parse(statement)
            freedoms[freedom] = reason
        case "choices": choices = statement.words.dropFirst().map(\.text)
        case "hint": hint = text
        case "explanation": explanation = text
        default: break
        }
    }

    /// How the guide and a script name it: `Task` or `Question`.
    var noun: String { isQuestion ? "Question" : "Task" }

    /// The solution as the learner would type it: `opt gd lr=1.2; run 50`.
    public var solutionText: String {
        solution.map { $0.text.trimmingSpaces }.joined(separator: "; ")
    }

    /// The statements of a `solution` statement's commands, with columns in its whole line.
    static func solutionStatements(of statement: Statement) -> [Statement] {
        let (text, column) = statement.rest
        return Statement.split(text).map { $0.shifted(by: column - 1) }
    }

    /// The checks that do not hold in `session`, each with the error that says why (a claim that
    /// cannot be read yet, such as one about a run when there is no function, does not hold).
    /// Evaluating a claim may start the session's run at its start point (as `expect` does).
    public func failedChecks(in session: Session) -> [(check: Check, error: ShellError)] {
        var failures: [(check: Check, error: ShellError)] = []
        for check in checks {
            do {
                try Expectation.check(check.statement, in: session)
            } catch {
                failures.append((check, error))
            }
        }
        return failures
    }

    /// Runs the solution's commands in `session`; with `echo`, each is printed after the prompt
    /// (`lrlab> run 50`) before its output. Stops at the first error.
    func runSolution(in session: Session, echo: Bool) throws(ShellError) {
        for statement in solution {
            if echo { session.present(Report(text: LessonTask.prompt + DiagnosticRenderer.visible(statement.text.trimmingSpaces))) }
            try session.execute(statement)
        }
    }

    /// The line that says the task is done (`✓ Task done: converged, lr == 0.05`), its claims
    /// wrapped to the session's width.
    func doneLine(in session: Session, lead: String = "") -> String {
        session.wrapped((session.useUnicode ? "✓ " : "ok ") + lead + checks.map(\.claim).joined(separator: ", "))
    }

    /// The prompt shown before a command that a lesson runs.
    public static let prompt = "lrlab> "
}

extension Statement {
    /// The same statement seen from `offset` columns further right (a statement parsed out of the
    /// rest of another line).
    func shifted(by offset: Int) -> Statement {
        Statement(text: text, column: column + offset,
                  words: words.map { Word(text: $0.text, column: $0.column + offset) })
    }
}

extension LessonTask {
    /// The error for a task left without its `solution`: at `word` (a command that came before
    /// it), or at the end of the script when `word` is nil.
    static func unfinished(_ task: LessonTask, before word: Word?) -> ShellError {
        let hint = "end the task with `solution COMMAND[; COMMAND…]`, the reference that does it"
        guard let word else {
            return ShellError("the task on line \(task.line.number) has no solution line", hint: hint)
        }
        return ShellError("the task on line \(task.line.number) has no solution yet; only check, hint and solution lines may come before it",
                          at: word.range, hint: hint)
    }
}
