import LRLab

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How a script ended.
public struct ScriptOutcome: Sendable, Hashable {
    /// Errors reported (the script stops at the first one).
    public var errors = 0
    /// `expect` lines whose claim did not hold (the script goes on after each).
    public var failedExpectations = 0
    /// `expect` lines that held.
    public var passedExpectations = 0
    /// Ctrl-C (`shouldStop`) stopped the script: the lines after the one running were not run,
    /// so their `expect`s were not checked. The executable exits with status 130.
    public var wasInterrupted = false

    public var succeeded: Bool { errors == 0 && failedExpectations == 0 && !wasInterrupted }

    public init() {}
}

extension Session {
    /// Most nested `load`s; a script that loads itself stops here with an error.
    static let maximumScriptDepth = 16

    /// Executes one line and reports any error through `errorOutput`, with the file and line
    /// when they are known. Returns the error's kind, or nil when the line succeeded.
    @discardableResult
    public func executeReporting(line: String, file: String? = nil, lineNumber: Int = 1) -> ShellError.Kind? {
        do {
            try execute(line: line)
            return nil
        } catch {
            report(error, file: file, lineNumber: lineNumber, text: line)
            return error.kind
        }
    }

    func report(_ error: ShellError, file: String?, lineNumber: Int, text: String) {
        errorOutput(DiagnosticRenderer(useColor: useColor, width: terminalColumns).render(error, file: file, line: lineNumber, text: text))
    }

    /// Runs a script's text line by line. An error stops the script; a failing `expect` is
    /// reported and the script goes on, so one run shows every failed claim.
    public func runScript(text: String, file: String) -> ScriptOutcome {
        runScript(lines: TextFile.lines(text).lazy.map { ScriptLine.text(String($0)) },
                  file: file)
    }

    /// Runs lines as a `LineReader` gives them (standard input, a file): a line over the
    /// length limit is an error that stops the script, as any error does. When `shouldStop`
    /// (Ctrl-C) says so between or during lines, the script stops: the rest is not run, the
    /// outcome says `wasInterrupted`, and `FILE:LINE: interrupted; ...` goes to `errorOutput`.
    public func runScript(lines: some Sequence<ScriptLine>, file: String) -> ScriptOutcome {
        var outcome = ScriptOutcome()
        let previousFile = currentFile, previousPlace = currentPlace, previousTask = course.openTask
        currentFile = file
        course.openTask = nil
        scriptDepth += 1
        defer {
            currentFile = previousFile
            currentPlace = previousPlace
            course.openTask = previousTask
            scriptDepth -= 1
        }
        var lineNumber = 0
        func interrupted() -> ScriptOutcome {
            outcome.wasInterrupted = true
            errorOutput("\(DiagnosticRenderer.visible(file)):\(max(lineNumber, 1)): interrupted; the rest of the script was not run")
            return outcome
        }
        for input in lines {
            if shouldStop() { return interrupted() }
            lineNumber += 1
            guard case .text(var line) = input else {
                report(Session.lineTooLong(), file: file, lineNumber: lineNumber, text: "")
                outcome.errors += 1
                return outcome
            }
            if line.hasSuffix("\r") { line.removeLast() }
            currentPlace = ScriptPlace(file: file, number: lineNumber, text: line)
            let isExpectation = Statement.split(line).contains { ["expect", "solution"].contains($0.words.first?.text) }
            let failure = executeReporting(line: line, file: file, lineNumber: lineNumber)
            // Interrupted within the line: its later statements (an `expect` among them) did not run.
            if failure == nil, shouldStop() { return interrupted() }
            switch failure {
            case .error?:
                outcome.errors += 1
                return outcome
            case .expectationFailed?:
                outcome.failedExpectations += 1
            case nil:
                if isExpectation { outcome.passedExpectations += 1 }
            }
            if wantsToQuit { return outcome }
            if shouldStop() { return interrupted() }
        }
        // Ctrl-C while waiting for input ends the lines early.
        if shouldStop() { return interrupted() }
        if let task = course.openTask {
            report(LessonTask.unfinished(task, before: nil), file: task.line.file, lineNumber: task.line.number, text: task.line.text)
            outcome.errors += 1
        }
        return outcome
    }

    /// Runs a script file from the command line; a file that cannot be read is reported
    /// as an error of the whole script.
    public func runScriptFile(_ path: String) -> ScriptOutcome {
        do {
            return try runScript(fileAt: path, reportedAs: path)
        } catch {
            errorOutput("lrlab: " + DiagnosticRenderer.visible(error.message))
            var outcome = ScriptOutcome()
            outcome.errors = 1
            return outcome
        }
    }

    /// Runs the file at `path` line by line as it is read (no line kept past the length limit).
    /// Throws when it cannot be opened or read, or is a regular file past `Limits.maximumScriptBytes`.
    func runScript(fileAt path: String, reportedAs name: String) throws(ShellError) -> ScriptOutcome {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ShellError("cannot open '\(path)': \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) > Limits.maximumScriptBytes {
            throw ShellError("'\(path)' is larger than \(Limits.maximumScriptBytes >> 20) MiB, the limit for a script")
        }
        return try runScript(descriptor: descriptor, reportedAs: name, source: "'\(path)'")
    }

    /// Runs the lines read from `descriptor` (a file, standard input) as they arrive, reported
    /// as `name`. Throws when reading fails before any error or interruption; `source` names
    /// what was read in that error (`'lesson.lrlab'`, `standard input`).
    public func runScript(descriptor: Int32, reportedAs name: String, source: String) throws(ShellError) -> ScriptOutcome {
        let reader = LineReader(fileDescriptor: descriptor, shouldStop: shouldStop)
        let outcome = runScript(lines: reader, file: name)
        if let error = reader.readError, outcome.errors == 0, !outcome.wasInterrupted {
            throw ShellError("cannot read \(source): \(String(cString: strerror(error)))")
        }
        return outcome
    }

    /// Runs the script at `path` inside the session (for `load` and `lesson`). Problems inside it
    /// are reported with its own file and line; this throws one summary error if any occurred.
    func runScript(path: String, reportedAs name: String, at range: SourceRange?) throws(ShellError) {
        guard scriptDepth < Session.maximumScriptDepth else {
            throw ShellError("scripts are nested more than \(Session.maximumScriptDepth) deep (does '\(name)' load itself?)", at: range)
        }
        let outcome: ScriptOutcome
        do {
            outcome = try runScript(fileAt: path, reportedAs: name)
        } catch {
            var located = error
            located.range = range
            located.hint = located.hint ?? "check the path; lessons lists the course"
            throw located
        }
        try summarize(outcome, of: name, at: range)
    }

    /// Nothing when `outcome` succeeded or was interrupted (the script said where it stopped and
    /// the caller's runner stops too), else one error that sums up what went wrong in `name`.
    func summarize(_ outcome: ScriptOutcome, of name: String, at range: SourceRange?) throws(ShellError) {
        if outcome.wasInterrupted { return }
        if outcome.errors > 0 {
            throw ShellError("'\(name)' stopped at an error", at: range)
        }
        if outcome.failedExpectations > 0 {
            throw ShellError("\(outcome.failedExpectations) expectation\(outcome.failedExpectations == 1 ? "" : "s") failed in '\(name)'",
                             at: range, kind: .expectationFailed)
        }
    }
}
