import LRLab

/// How a script ended.
public struct ScriptOutcome: Sendable, Hashable {
    /// Errors reported (the script stops at the first one).
    public var errors = 0
    /// `expect` lines whose claim did not hold (the script goes on after each).
    public var failedExpectations = 0
    /// `expect` lines that held.
    public var passedExpectations = 0

    public var succeeded: Bool { errors == 0 && failedExpectations == 0 }

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
        errorOutput(DiagnosticRenderer(useColor: useColor).render(error, file: file, line: lineNumber, text: text))
    }

    /// Runs a script's text line by line. An error stops the script; a failing `expect` is
    /// reported and the script goes on, so one run shows every failed claim.
    public func runScript(text: String, file: String) -> ScriptOutcome {
        runScript(lines: text.split(separator: "\n", omittingEmptySubsequences: false).lazy.map(String.init), file: file)
    }

    /// Runs lines as they arrive (standard input), with the same rules as a script file.
    public func runScript(lines: some Sequence<String>, file: String) -> ScriptOutcome {
        var outcome = ScriptOutcome()
        let previousFile = currentFile
        currentFile = file
        scriptDepth += 1
        defer {
            currentFile = previousFile
            scriptDepth -= 1
        }
        var lineNumber = 0
        for line in lines {
            lineNumber += 1
            var line = line
            if line.hasSuffix("\r") { line.removeLast() }
            let isExpectation = Statement.split(line).contains { $0.words.first?.text == "expect" }
            let failure = executeReporting(line: line, file: file, lineNumber: lineNumber)
            switch failure {
            case .error?:
                outcome.errors += 1
                return outcome
            case .expectationFailed?:
                outcome.failedExpectations += 1
            case nil:
                if isExpectation { outcome.passedExpectations += 1 }
            }
            if wantsToQuit || shouldStop() { break }
        }
        return outcome
    }

    /// Runs a script file from the command line; a file that cannot be read is reported
    /// as an error of the whole script.
    public func runScriptFile(_ path: String) -> ScriptOutcome {
        let text: String
        do {
            text = try TextFile.read(path)
        } catch {
            errorOutput("lrlab: " + error.message)
            var outcome = ScriptOutcome()
            outcome.errors = 1
            return outcome
        }
        return runScript(text: text, file: path)
    }

    /// Runs the script at `path` inside the session (for `load` and `lesson`). Problems inside it
    /// are reported with its own file and line; this throws one summary error if any occurred.
    func runScript(path: String, reportedAs name: String, at range: SourceRange?) throws(ShellError) {
        guard scriptDepth < Session.maximumScriptDepth else {
            throw ShellError("scripts are nested more than \(Session.maximumScriptDepth) deep (does '\(name)' load itself?)", at: range)
        }
        let text: String
        do {
            text = try TextFile.read(path)
        } catch {
            var located = error
            located.range = range
            located.hint = located.hint ?? "check the path; lessons lists the course"
            throw located
        }
        let outcome = runScript(text: text, file: name)
        if outcome.errors > 0 {
            throw ShellError("'\(name)' stopped at an error", at: range)
        }
        if outcome.failedExpectations > 0 {
            throw ShellError("\(outcome.failedExpectations) expectation\(outcome.failedExpectations == 1 ? "" : "s") failed in '\(name)'",
                             at: range, kind: .expectationFailed)
        }
    }
}
