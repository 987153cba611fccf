import LRLab
import LRLabText

extension Command {
    static let scriptCommands: [Command] = [
        Command("say", usage: "say TEXT", summary: "print narration (in scripts and lessons)",
                details: "Everything after `say` is printed as it is, including ';' and '#'.") { session, statement throws(ShellError) in
            session.say(statement.rest.text)
        },
        Command("expect", usage: "expect CLAIM", summary: "check a claim; a failing one fails the script",
                details: """
                Claims: QUANTITY OP VALUE, with OP one of < <= > >= == != and ~ (within tol=, default 1e-6),
                or a flag: diverged, converged, ended (each may follow `not`).
                Quantities: loss, steps, lr (last rate used), grad (gradient norm), distance (to the nearest
                known minimum), gap (loss minus the known minimum), critical (2/λ_max here), lambda_max,
                converged_at (first step under the tolerance), the variables (x, y) and gradient
                components (gx, gy). Values may be formulas: expect x ~ pi/2 tol=1e-6.
                The verdict: expect verdict == bouncing (converged slow bouncing diverging stuck undefined).
                In a script a failing claim is reported as FILE:LINE and the process exits non-zero.
                """, completion: .words(Expectation.quantities + Expectation.flags + ["not"])) { session, statement throws(ShellError) in
            try Expectation.check(statement, in: session)
        },
        Command("load", usage: "load FILE", summary: "run a script of commands inside this session",
                details: "Relative paths are tried from the current folder, then from the folder of the script being run.",
                completion: .files) { session, statement throws(ShellError) in
            let (path, column) = statement.rest
            guard !path.isEmpty else {
                throw ShellError("load needs a file name", at: statement.words[0].range, hint: "e.g. load lessons/01-gradient-descent.lrlab")
            }
            try session.runScript(path: session.resolve(path), reportedAs: path, at: SourceRange(column: column, length: path.count))
        },
        Command("lessons", usage: "lessons", summary: "list the lessons of the course") { session, statement throws(ShellError) in
            try statement.expectNoArguments()
            let lessons = session.lessonFiles()
            guard !lessons.isEmpty else {
                throw ShellError("no lessons found in " + session.lessonDirectories.joined(separator: ", "),
                                 hint: "run lrlab from the project folder, or set LRLAB_LESSONS to the lessons folder")
            }
            var lines: [String] = []
            for (number, path) in lessons.enumerated() {
                lines.append(NumberFormat.leftPad(String(number + 1), 3) + "  " + session.lessonTitle(path))
            }
            lines.append("lesson N runs one")
            session.say(lines.joined(separator: "\n"))
        },
        Command("lesson", usage: "lesson N", summary: "run lesson N of the course") { session, statement throws(ShellError) in
            let lessons = session.lessonFiles()
            guard !lessons.isEmpty else {
                throw ShellError("no lessons found in " + session.lessonDirectories.joined(separator: ", "),
                                 hint: "run lrlab from the project folder, or set LRLAB_LESSONS to the lessons folder")
            }
            let number = try parseCount(statement, limit: lessons.count)
            guard number <= lessons.count else {
                throw ShellError("there is no lesson \(number)", hint: "lessons lists them")
            }
            let path = lessons[number - 1]
            try session.runScript(path: path, reportedAs: path, at: nil)
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

    /// The `.lrlab` files of the first lesson folder that has any, in name order.
    func lessonFiles() -> [String] {
        for directory in lessonDirectories {
            if let names = TextFile.list(directory) {
                let lessons = names.filter { $0.hasSuffix(".lrlab") }.map { directory + "/" + $0 }
                if !lessons.isEmpty { return lessons }
            }
        }
        return []
    }

    /// A lesson's title: its `title` line, else its first comment line, else its file name.
    func lessonTitle(_ path: String) -> String {
        let name = String(path.split(separator: "/").last ?? Substring(path))
        guard let text = try? TextFile.read(path) else { return name }
        let lines = text.split(separator: "\n")
        if let title = lines.first(where: { $0.hasPrefix("title ") }) {
            return String(title.dropFirst(6)).trimmingSpaces + "  (" + name + ")"
        }
        guard let first = lines.first(where: { $0.hasPrefix("#") }) else { return name }
        return String(first.drop(while: { $0 == "#" || $0 == " " })) + "  (" + name + ")"
    }
}
