import LRLab
import LRLabText

enum LessonCommands {
    /// The parts of a lesson file. Run as a script (a file, a pipe, the tests) a lesson has no
    /// pauses and every task's solution runs and must pass its checks; at the prompt, `lesson N`
    /// shows it section by section and waits for the learner (`LessonGuide`).
    static let all: [Command] = [
        Command("title", usage: "title TEXT", summary: "a lesson's title (its first line)",
                details: """
                The first line of a lesson file: `lessons` lists it. Run as a script, the
                title is printed underlined; at the prompt there is no lesson to name
                (lesson N starts one).
                Example: title Gradient descent and the factor (1 - lr*f'')
                """) { session, statement throws(ShellError) in
            let text = try lessonText(statement, in: session)
            let rule = String(repeating: session.useUnicode ? "─" : "-", count: min(text.count, session.terminalColumns))
            return Report(text: text + "\n" + rule)
        },
        Command("summary", usage: "summary TEXT", summary: "a lesson's one-line summary (after its title)",
                details: "The line `lessons` shows under the title. Run as a script, it is printed as it is.") { session, statement throws(ShellError) in
            Report(prose: try lessonText(statement, in: session))
        },
        Command("pause", usage: "pause", summary: "end a section of a lesson",
                details: """
                In a guided lesson (lesson N at the prompt) the lesson waits here: Enter or
                next goes on, back repeats the section, skip jumps the next one, quit leaves
                the lesson. Run as a script, a pause is an empty line.
                """) { session, statement throws(ShellError) in
            try statement.expectNoArguments()
            guard session.currentFile != nil else {
                throw ShellError("pause ends a section of a lesson; at the prompt there is nothing to pause",
                                 at: statement.words[0].range, hint: "lesson N starts a guided lesson; lessons lists them")
            }
            return Report(text: "")
        },
        Command("task", usage: "task TEXT", summary: "ask the learner to do something (lessons)",
                details: """
                A task is `task TEXT`, then its `check CLAIM` lines (claims as expect reads
                them), an optional `hint TEXT` and a `solution COMMAND[; COMMAND…]` that does
                it, in that order:
                    task Find a learning rate that makes gradient descent diverge
                    check verdict == diverging
                    hint Each step multiplies the distance by (1 - 2*lr): when is that below -1?
                    solution opt gd lr=1.2; run 50
                In a guided lesson the checks are evaluated after each command the learner
                types; only work they read (run, step, train, fit, compare, sweep, lrfind,
                pbt) is a try, and the hint comes after two failed tries; `solution`
                shows the reference (`solution run` runs it). Run as a script, the solution
                runs (each command shown after the prompt) and every check must hold: a
                failing check fails the script as a failing expect does, at its own line.
                """) { session, statement throws(ShellError) in
            let text = try lessonText(statement, in: session)
            let place = session.currentPlace ?? ScriptPlace(file: session.currentFile ?? "-", number: 1, text: statement.text)
            session.course.openTask = LessonTask(text: text, line: place)
            return Report(prose: "task: " + text)
        },
        Command("check", usage: "check CLAIM", summary: "a claim a task's result must satisfy (lessons)",
                details: "Claims read as expect's do (help expect lists them): check diverged,\ncheck verdict == bouncing, check loss < 1e-6. A check belongs to the task\nabove it; see help task.",
                completion: .words(Expectation.quantities + Expectation.flags + ["not"])) { session, statement throws(ShellError) in
            try addPart(statement, in: session)
            return Report()
        },
        Command("any", usage: "any WHAT REASON", summary: "what a task leaves free, and why (lessons)",
                details: """
                A task's checks pin down everything its text asks for: the optimizer (check
                opt == momentum), its options (check momentum == 0.9), the function (check
                function == ravine), the start (check start_x == -8), noise and seed (check
                noise == 1, check seed == 1). Where the text leaves one free, say so and why,
                between the checks and the solution:
                    any start because choosing where to start is the task
                WHAT is one of opt function start noise seed. The tests change each part
                of every solution that is not free and expect its checks to fail.
                """) { session, statement throws(ShellError) in
            try addPart(statement, in: session)
            return Report()
        },
        Command("hint", usage: "hint TEXT", summary: "help for a task, shown after two failed tries (lessons)",
                details: "See help task. Run as a script, the hint is not printed.") { session, statement throws(ShellError) in
            try addPart(statement, in: session)
            return Report()
        },
        Command("solution", usage: "solution COMMAND[; COMMAND…]", summary: "the commands that do a task (lessons)",
                details: """
                Ends a task (see help task). Run as a script, its commands run, each shown
                after the prompt, then every check of the task must hold. In a guided lesson,
                `solution` shows the reference and `solution run` runs it.
                """) { session, statement throws(ShellError) in
            var task = try openTask(statement, in: session)
            _ = try lessonText(statement, in: session)
            task.solution = LessonTask.solutionStatements(of: statement)
            task.solutionLine = session.currentPlace
            session.course.openTask = nil
            guard !task.checks.isEmpty else {
                throw ShellError("the task on line \(task.line.number) has no check", at: statement.words[0].range,
                                 hint: "put check CLAIM lines between the task and its solution (help task)")
            }
            try task.runSolution(in: session, echo: true)
            let failures = task.failedChecks(in: session)
            for (check, error) in failures {
                session.report(error, file: check.line.file, lineNumber: check.line.number, text: check.line.text)
            }
            guard failures.isEmpty else {
                throw ShellError("the solution does not pass \(failures.count) of the \(task.checks.count) checks of the task on line \(task.line.number)",
                                 at: statement.words[0].range, hint: "change the solution or the checks so that the task can be done",
                                 kind: .expectationFailed)
            }
            return Report(text: task.doneLine(in: session))
        },
    ]

    /// The text after a lesson command's name, which must not be empty; lesson commands belong
    /// in scripts (at the prompt, the guided lesson reads them itself).
    static func lessonText(_ statement: Statement, in session: Session) throws(ShellError) -> String {
        let name = statement.words[0].text.lowercased()
        guard session.currentFile != nil else {
            throw ShellError("\(name) belongs in a lesson file; at the prompt there is no lesson being written",
                             at: statement.words[0].range,
                             hint: name == "check" ? "to check a claim now, use expect CLAIM" : "lesson N starts a guided lesson; help \(name) shows how lessons use it")
        }
        let text = statement.rest.text.trimmingSpaces
        guard !text.isEmpty else {
            throw ShellError("\(name) needs its text", at: statement.words[0].range, hint: "usage: " + (session.commandRegistry.named(name)?.usage ?? name))
        }
        // Shown to the learner: a lesson file cannot recolour or retitle the terminal.
        return DiagnosticRenderer.visible(text)
    }

    /// Adds a part line (`check`, `any`, `choices`, `hint`, `explanation`) to the open task.
    static func addPart(_ statement: Statement, in session: Session) throws(ShellError) {
        var task = try openTask(statement, in: session)
        _ = try lessonText(statement, in: session)
        let place = session.currentPlace ?? ScriptPlace(file: task.line.file, number: task.line.number, text: statement.text)
        try task.add(part: statement.words[0].text.lowercased(), statement, at: place)
        session.course.openTask = task
    }

    /// The task that a `check`, `hint` or `solution` line continues.
    static func openTask(_ statement: Statement, in session: Session) throws(ShellError) -> LessonTask {
        let name = statement.words[0].text.lowercased()
        guard let task = session.course.openTask else {
            _ = try lessonText(statement, in: session)
            throw ShellError("\(name) belongs to a task, and there is none above it", at: statement.words[0].range,
                             hint: name == "check" ? "write task TEXT first, or use expect CLAIM to check a claim now" : "write task TEXT first (help task)")
        }
        return task
    }
}
