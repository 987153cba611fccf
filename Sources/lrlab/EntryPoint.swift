import ArgumentParser
import LRLabShell

#if canImport(Glibc)
import Glibc
#endif

/// The `lrlab` executable: decides once whether it talks to a person at a terminal or
/// runs a script, then hands lines to the shell.
@main
struct EntryPoint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lrlab",
        abstract: "A terminal laboratory for learning rates and optimizers.",
        discussion: """
            With no arguments at a terminal, lrlab starts an interactive prompt (type `help`). \
            With a script, it runs that file; with -c, it runs the given commands; with commands \
            piped on standard input, it runs them without a prompt. A script that reports an error \
            or a failing `expect` makes lrlab exit with status 1; Ctrl-C stops a script (the rest \
            is not run) with status 130. A failed write to standard output is reported and exits \
            with status 1; a closed pipe ends lrlab with SIGPIPE (status 141), as it does other tools.
            """,
        version: "0.1.0")

    @Argument(help: "A script of lrlab commands to run.")
    var script: String?

    @Option(name: .customShort("c"), help: ArgumentHelp("Commands to run (may be repeated; ';' separates commands).",
                                                         valueName: "commands"))
    var commands: [String] = []

    @Flag(help: "Draw pictures with ASCII characters only.")
    var ascii = false

    @Flag(name: .customLong("no-color"), help: "Never use colour.")
    var noColor = false

    @Flag(help: "After the script or commands, stay at the interactive prompt.")
    var interactive = false

    mutating func run() throws {
        let terminal = Terminal()
        let session = Session(output: terminal.write, errorOutput: terminal.writeError)
        session.useUnicode = !ascii && terminal.supportsUnicode
        session.lessonDirectories = Terminal.lessonDirectories()
        session.progressFile = ProgressFile.standard(stateHome: getenv("XDG_STATE_HOME").map { String(cString: $0) },
                                                     home: getenv("HOME").map { String(cString: $0) })
        if let size = Terminal.size() {
            session.terminalColumns = size.columns
            session.terminalRows = size.rows
        }
        Interrupt.install()
        // A closed pipe ends lrlab quietly (status 141), even when the parent ignored SIGPIPE.
        signal(SIGPIPE, SIG_DFL)
        session.shouldStop = { Interrupt.isRequested }

        var outcome = ScriptOutcome()
        for (index, line) in commands.enumerated() {
            outcome = session.runScript(text: line, file: commands.count == 1 ? "-c" : "-c#\(index + 1)")
            if !outcome.succeeded || session.wantsToQuit { break }
        }
        if let script, outcome.succeeded, !session.wantsToQuit {
            outcome = session.runScriptFile(script)
        }
        let ranSomething = script != nil || !commands.isEmpty
        if (!ranSomething || interactive) && !outcome.wasInterrupted && !session.wantsToQuit {
            if terminal.inputIsTerminal {
                session.useColor = !noColor && terminal.outputIsTerminal && Terminal.colorAllowed
                LineEditor(session: session).run()
            } else if !ranSomething {
                do {
                    outcome = try session.runScript(descriptor: STDIN_FILENO, reportedAs: "<stdin>", source: "standard input")
                } catch {
                    terminal.writeError("lrlab: " + error.message)
                    outcome.errors = 1
                }
            }
        }
        terminal.flush()
        // 128 + SIGINT, as a shell reports a command that Ctrl-C ended.
        if outcome.wasInterrupted { throw ExitCode(130) }
        if !outcome.succeeded { throw ExitCode(1) }
    }
}
