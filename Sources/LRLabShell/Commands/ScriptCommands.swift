import LRLab
import LRLabText

enum ScriptCommands {
    static let all: [Command] = [
        Command("say", usage: "say TEXT", summary: "print narration (in scripts and lessons)",
                details: "Everything after `say` is printed as it is, including ';' and '#' (control characters are shown as \\x1b, \\t, ...).") { session, statement throws(ShellError) in
            Report(prose: DiagnosticRenderer.visible(statement.rest.text))
        },
        Command("expect", usage: "expect CLAIM", summary: "check a claim; a failing one fails the script",
                details: """
                Claims: QUANTITY OP VALUE, with OP one of < <= > >= == != and ~ (within tol=,
                default 1e-6), or a flag: diverged, converged, ended (each may follow `not`).
                Quantities: loss, steps, lr (last rate used), grad (gradient norm), distance
                (to the nearest known minimum), gap (loss minus the known minimum), critical
                (2/λ_max here), lambda_max, converged_at (first step under the tolerance),
                the variables (x, y) and gradient components (gx, gy). Values may be
                formulas: expect x ~ pi/2 tol=1e-6.
                The verdict: expect verdict == bouncing (converged slow bouncing diverging
                stuck undefined).
                After pbt: pbt_best pbt_median pbt_lr pbt_start_lr pbt_steps pbt_members
                pbt_seed.
                The setup: expect opt == momentum, expect momentum == 0.9 (any option
                of the optimizer in force: noise, seed, beta1, convention...), expect
                function == ravine (a preset, or a formula: function == (x - 3)^2),
                expect start_x == -8 (the run's start point).
                Tables: expect fit 15 verdict == overfitting, expect fit 3 val_error < 0.1,
                expect fit best == 3; expect compare adam val_acc > 0.9, expect compare
                best == adam (a row by a word of its label); expect train val_loss < 0.5,
                expect train best_epoch < 40, expect train verdict == overfitting (the
                latest training's last epoch: train_loss val_loss train_acc val_acc epoch
                best_epoch).
                In a script a failing claim is reported as FILE:LINE and the process exits
                non-zero.
                """, completion: .words(Expectation.quantities + Expectation.flags + ["not", "fit", "compare", "train"])) { session, statement throws(ShellError) in
            try Expectation.check(statement, in: session)
            return Report()
        },
        Command("load", usage: "load FILE", summary: "run a script of commands inside this session",
                details: "Relative paths are tried from the current folder, then from the folder of the script being run.",
                completion: .files) { session, statement throws(ShellError) in
            let (path, column) = statement.rest
            guard !path.isEmpty else {
                throw ShellError("load needs a file name", at: statement.words[0].range, hint: "e.g. load lessons/01-gradient-descent.lrlab")
            }
            // The script's commands show their own reports as they run.
            try session.runScript(path: session.resolve(path), reportedAs: path, at: SourceRange(column: column, length: path.count))
            return Report()
        },
        Command("lessons", usage: "lessons", summary: "list the lessons of the course",
                details: """
                Each lesson with its number, title and summary; ✔ marks a lesson done, ◐ one
                begun (progress is kept under $XDG_STATE_HOME/lrlab, else
                ~/.local/state/lrlab).
                """) { session, statement throws(ShellError) in
            try statement.expectNoArguments()
            return Report(text: try session.courseListing())
        },
        Command("lesson", usage: "lesson N", summary: "take lesson N of the course",
                details: """
                At the prompt a lesson is guided: its narration and commands come a section
                at a time (each command shown after the prompt, then its output), and it
                waits at each pause: Enter or next goes on, back repeats the section, skip
                jumps the next one, quit leaves the lesson (lrlab stays), lessons shows where
                you are. Between pauses you can type any command. A task waits until your
                session passes its checks; after two tries that do not, a hint; `solution`
                shows one answer and `solution run` runs it. Progress is saved, and lesson N
                offers to resume. In a script or a pipe the lesson runs straight through:
                every task's solution runs and its checks must hold.
                """) { session, statement throws(ShellError) in
            let lessons = try session.lessonSources()
            let number = try lessonNumber(statement, count: lessons.count)
            let source = lessons[number - 1]
            if session.course.guidesLessons, session.currentFile == nil {
                session.course.request = LessonRequest(number: number, source: source)
            } else {
                // The lesson's commands show their own reports as they run.
                try session.runLesson(source, at: nil)
            }
            return Report()
        },
    ]
}

extension Session {
    /// A path as typed, tried as it is and then beside the running script.
    func resolve(_ path: String) -> String {
        guard !path.hasPrefix("/"), !TextFile.exists(path),
              let directory = currentFile.flatMap(TextFile.directory(of:)) else { return path }
        return directory + "/" + path
    }
}

extension ScriptCommands {
    /// The N of `lesson N`, one of the `count` lessons (1 when absent).
    static func lessonNumber(_ statement: Statement, count: Int) throws(ShellError) -> Int {
        guard statement.words.count > 1 else { return 1 }
        guard statement.words.count == 2 else { throw ShellError("lesson takes one number", at: statement.words[2].range) }
        let word = statement.words[1]
        guard let number = try Word.wholeNumber(word.text, at: word.range, limit: count, hint: "e.g. lesson 1; lessons lists them") else {
            throw ShellError("there is no lesson \(word.text): the lessons are 1 to \(count)", at: word.range, hint: "lessons lists them")
        }
        return number
    }
}
