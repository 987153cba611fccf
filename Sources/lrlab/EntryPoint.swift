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
            or a failing `expect` makes lrlab exit with status 1.
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
        Interrupt.install()
        session.shouldStop = { Interrupt.isRequested }

        var succeeded = true
        for (index, line) in commands.enumerated() {
            let outcome = session.runScript(text: line, file: commands.count == 1 ? "-c" : "-c#\(index + 1)")
            succeeded = succeeded && outcome.succeeded
            if !outcome.succeeded || session.wantsToQuit { break }
        }
        if let script, succeeded, !session.wantsToQuit {
            let outcome = session.runScriptFile(script)
            succeeded = outcome.succeeded
        }
        let ranSomething = script != nil || !commands.isEmpty
        if (!ranSomething || interactive) && !session.wantsToQuit {
            if terminal.inputIsTerminal {
                session.useColor = !noColor && terminal.outputIsTerminal && Terminal.colorAllowed
                LineEditor(session: session).run()
            } else if !ranSomething {
                let outcome = session.runScript(lines: StandardInputLines(), file: "<stdin>")
                succeeded = outcome.succeeded
            }
        }
        terminal.flush()
        if !succeeded { throw ExitCode(1) }
    }
}

/// Lines of standard input, read as they arrive.
struct StandardInputLines: Sequence, IteratorProtocol {
    mutating func next() -> String? { readLine(strippingNewline: true) }
}
