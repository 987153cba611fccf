import LRLabShell

#if canImport(Glibc)
import Glibc
#endif

/// The `lrlab` executable: decides once whether it talks to a person at a terminal or
/// runs a script, then hands lines to the shell.
@main
struct EntryPoint {
    static func main() {
        let arguments: CommandLineArguments
        do throws(CommandLineArguments.UsageError) {
            arguments = try CommandLineArguments(Array(CommandLine.arguments.dropFirst()))
        } catch {
            let terminal = Terminal()
            terminal.writeError("Error: \(error.message)\nUsage: \(CommandLineArguments.usage)\n  See 'lrlab --help' for more information.")
            terminal.flush()
            exit(64)
        }
        switch arguments.request {
        case .help, .version:
            let terminal = Terminal()
            terminal.write(arguments.request == .help ? CommandLineArguments.help : CommandLineArguments.version)
            terminal.flush()
        case .run:
            exit(run(arguments))
        }
    }

    /// Runs the script, the commands and maybe the prompt; returns the exit status.
    static func run(_ arguments: CommandLineArguments) -> Int32 {
        let (script, commands, ascii, noColor, interactive) =
            (arguments.script, arguments.commands, arguments.ascii, arguments.noColor, arguments.interactive)
        let terminal = Terminal()
        let session = Session(output: terminal.write, errorOutput: terminal.writeError)
        session.useUnicode = !ascii && terminal.supportsUnicode
        session.course.lessonDirectories = Terminal.lessonDirectories()
        session.course.progressFile = ProgressFile.standard(stateHome: getenv("XDG_STATE_HOME").map { String(cString: $0) },
                                                     home: getenv("HOME").map { String(cString: $0) })
        if let size = Terminal.size() {
            session.terminalColumns = size.columns
            session.terminalRows = size.rows
        }
        Interrupt.install()
        // A closed pipe ends lrlab quietly (status 141), even when the parent ignored SIGPIPE.
        signal(SIGPIPE, SIG_DFL)
        session.shouldStop = { Interrupt.isRequested }
        if terminal.outputIsTerminal {
            // A status line rewritten in place (carriage return, erase to the end of the line),
            // at most 20 times a second: a tiny model's epochs take microseconds, and a line
            // each would cost more than the training (clearing it is never skipped).
            var lastShown = ContinuousClock.now - .seconds(1)
            var frame = LiveFrame()
            session.live = Terminal.colorAllowed
            session.liveFramesDrawn = Terminal.colorAllowed
            session.progress = { text in
                // A live picture (several lines): the session already keeps it to a few a second.
                if text.contains("\n") {
                    if Terminal.colorAllowed { _ = Terminal.writeAll(STDOUT_FILENO, frame.replace(with: text)) }
                    return
                }
                let now = ContinuousClock.now
                guard text.isEmpty || now - lastShown >= .milliseconds(50) else { return }
                lastShown = now
                _ = Terminal.writeAll(STDOUT_FILENO, "\r\u{1B}[K" + text)
                if text.isEmpty { frame = LiveFrame() }
            }
        }

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
        if outcome.wasInterrupted { return 130 }
        return outcome.succeeded ? 0 : 1
    }
}
