import LRLab

/// How far a learner got in one lesson.
public struct LessonProgress: Sendable, Hashable {
    /// The section a resumed lesson shows first (0-based).
    public var position = 0
    /// Sections seen to their end (0-based).
    public var sections: Set<Int> = []
    /// Tasks done (their numbers in the lesson, 0-based).
    public var tasks: Set<Int> = []
    /// Tasks (and questions) skipped and not done since.
    public var skipped: Set<Int> = []
    /// The learner reached the lesson's end.
    public var finished = false

    public init() {}

    /// Finished with every task done: ✔ (finished with a task skipped is not).
    public var isDone: Bool { finished && skipped.isEmpty }

    /// Whether anything was done yet.
    public var isBegun: Bool { finished || position > 0 || !sections.isEmpty || !tasks.isEmpty }
}

/// Progress through the course, by lesson file name, and its text form: a header line, then one
/// line per lesson, `NAME at=2 sections=0,1 tasks=0 finished=0 skipped=1` (`skipped=` may be
/// left out: files written before it are read as they were).
public struct CourseProgress: Sendable, Hashable {
    public var lessons: [String: LessonProgress] = [:]

    public init() {}

    static let header = "lrlab progress 1"

    /// The progress of lesson `fileName` (nothing done when it has none).
    public subscript(fileName: String) -> LessonProgress {
        get { lessons[fileName] ?? LessonProgress() }
        set { lessons[fileName] = newValue }
    }

    /// The text saved in the progress file.
    public var text: String {
        var lines = [CourseProgress.header]
        for (name, progress) in lessons.sorted(by: { $0.key < $1.key }) {
            func list(_ set: Set<Int>) -> String { set.sorted().map(String.init).joined(separator: ",") }
            lines.append("\(name) at=\(progress.position) sections=\(list(progress.sections)) tasks=\(list(progress.tasks)) finished=\(progress.finished ? 1 : 0)"
                         + (progress.skipped.isEmpty ? "" : " skipped=\(list(progress.skipped))"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads the text form. Lines it cannot read are left out and described in `problems`
    /// (`line 3: ...`); a missing or wrong header makes the whole text unreadable.
    public static func parse(_ text: String) -> (progress: CourseProgress, problems: [String]) {
        var progress = CourseProgress()
        var problems: [String] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map({ $0.trimmingSpaces }) == header else {
            return (progress, ["it does not start with '\(header)'"])
        }
        for (index, line) in lines.enumerated().dropFirst() where !line.trimmingSpaces.isEmpty {
            let words = line.split(separator: " ")
            var lesson = LessonProgress()
            var readable = (words.count == 5 || words.count == 6) && words[0].hasSuffix(".lrlab")
            for word in words.dropFirst() where readable {
                let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2 else { readable = false; break }
                let numbers = parts[1].split(separator: ",").map { Int($0) }
                guard numbers.allSatisfy({ ($0 ?? -1) >= 0 && ($0 ?? -1) < 1 << 20 }) else { readable = false; break }
                let values = numbers.compactMap { $0 }
                switch parts[0] {
                case "at" where values.count == 1: lesson.position = values[0]
                case "sections": lesson.sections = Set(values)
                case "tasks": lesson.tasks = Set(values)
                case "skipped": lesson.skipped = Set(values)
                case "finished" where values.count == 1 && values[0] <= 1: lesson.finished = values[0] == 1
                default: readable = false
                }
            }
            if readable {
                progress.lessons[String(words[0])] = lesson
            } else {
                problems.append("line \(index + 1) cannot be read")
            }
        }
        return (progress, problems)
    }
}
