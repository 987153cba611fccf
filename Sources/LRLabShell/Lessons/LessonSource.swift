import LRLab

/// A lesson file's name and text: read from a lessons folder, or built into lrlab.
public struct LessonSource: Sendable, Hashable {
    /// The name errors and `lessons` show (`lessons/01-gradient-descent.lrlab`).
    public var name: String
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }

    /// The file's name without its folder: the key progress is saved under.
    public var fileName: String { TextFile.name(of: name) }

    /// The `title` line's text, else the first comment line's, else the file's name, with its
    /// control characters made visible (a lesson file cannot recolour the terminal).
    public var title: String {
        let lines = TextFile.lines(text)
        let title: String
        if let line = lines.first(where: { $0.hasPrefix("title ") }) {
            title = String(line.dropFirst(6)).trimmingSpaces
        } else if let comment = lines.first(where: { $0.hasPrefix("#") }) {
            title = String(comment.drop(while: { $0 == "#" || $0 == " " })).trimmingSpaces
        } else {
            title = fileName
        }
        return DiagnosticRenderer.visible(title)
    }

    /// The `summary` line's text (control characters made visible), or empty.
    public var summary: String {
        TextFile.lines(text).first(where: { $0.hasPrefix("summary ") }).map { DiagnosticRenderer.visible(String($0.dropFirst(8)).trimmingSpaces) } ?? ""
    }
}

/// What `lesson N` asks the guide for when lessons are guided.
struct LessonRequest: Sendable, Hashable {
    /// 1-based, as `lessons` numbers them.
    var number: Int
    var source: LessonSource
}

/// Where a guided lesson is: its number, its file and the section shown (0-based) of how many.
struct LessonPlace: Sendable, Hashable {
    var number: Int
    var fileName: String
    var section: Int
    var sectionCount: Int

    /// `lesson 3 · 4/9` (`lesson 3 - 4/9` without Unicode).
    func label(unicode: Bool = true) -> String {
        "lesson \(number)" + (unicode ? " · " : " - ") + "\(section + 1)/\(sectionCount)"
    }
}

extension Session {
    /// The lessons of the course: the `.lrlab` files of the first of `course.lessonDirectories` that has
    /// any, in name order, else `course.builtInLessons`. An entry that cannot be read (a folder, a
    /// link loop, a file past the size limit) is left out with a warning on `errorOutput`; a
    /// lessons folder without a readable lesson says so before the built-in course is used
    /// (unless `reportingProblems` is false: the course was listed already).
    func lessonSources(reportingProblems: Bool = true) throws(ShellError) -> [LessonSource] {
        func warn(_ text: String) { if reportingProblems { errorOutput(wrapped(text)) } }
        for directory in course.lessonDirectories {
            guard let names = TextFile.list(directory) else {
                warn("lrlab: warning: the lessons folder '\(DiagnosticRenderer.visible(directory))' cannot be read"
                     + (course.builtInLessons.isEmpty ? "" : "; the built-in course is used"))
                continue
            }
            var sources: [LessonSource] = []
            for name in names where name.hasSuffix(".lrlab") {
                let path = directory + "/" + name
                do {
                    sources.append(LessonSource(name: path, text: try TextFile.read(path)))
                } catch {
                    warn("lrlab: warning: lesson '\(DiagnosticRenderer.visible(path))' is left out: "
                                + DiagnosticRenderer.visible(error.message))
                }
            }
            if !sources.isEmpty { return sources }
            warn("lrlab: warning: no lesson (NN-name.lrlab) can be read in '\(DiagnosticRenderer.visible(directory))'"
                        + (course.builtInLessons.isEmpty ? "" : "; the built-in course is used"))
        }
        if !course.builtInLessons.isEmpty { return course.builtInLessons }
        throw ShellError("no lessons found in " + (course.lessonDirectories.isEmpty ? "this build" : course.lessonDirectories.joined(separator: ", ")),
                         hint: "set LRLAB_LESSONS to a folder of .lrlab lessons")
    }

    /// Runs a lesson as a script inside this session (`lesson N` in a script or a pipe); problems
    /// are reported at its own lines and summed up in one thrown error, as `load` does.
    func runLesson(_ source: LessonSource, at range: SourceRange?) throws(ShellError) {
        guard scriptDepth < Session.maximumScriptDepth else {
            throw ShellError("scripts are nested more than \(Session.maximumScriptDepth) deep", at: range)
        }
        try summarize(runScript(text: source.text, file: source.name), of: source.name, at: range)
    }
}
