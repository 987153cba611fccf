import LRLabShell

/// Runs script text in a fresh session and returns everything it printed (output and
/// errors interleaved, as a person would see them) with its outcome.
func transcript(of script: String, file: String = "test.lrlab") -> (text: String, outcome: ScriptOutcome) {
    var lines: [String] = []
    let session = Session(output: { lines.append($0) })
    session.course.lessonDirectories = [fixturesDirectory + "/../../../lessons"]
    let outcome = session.runScript(text: script, file: file)
    return (lines.joined(separator: "\n"), outcome)
}

/// `text` with the lines that prose wrapping broke off joined again: a line break followed by
/// indentation becomes one space (sentences are wrapped to the terminal width, 80 in tests).
func unwrapped(_ text: String) -> String {
    text.replacing(/\n +/, with: " ")
}

/// `text` with every run of spaces and line breaks one space: prose as it reads, however the
/// session's width broke it and however a column layout indented it.
func flattened(_ text: String) -> String {
    text.replacing(/\s+/, with: " ")
}

/// The folder of golden scripts and transcripts beside this file.
let fixturesDirectory: String = {
    let path = #filePath
    return String(path[..<path.lastIndex(of: "/")!]) + "/Fixtures"
}()
