import LRLab

/// A session's course: where its lessons come from, where progress is saved, and the lesson
/// in hand, whether a script is writing one (a task open until its `solution` line) or the
/// learner is guided through one (the section reached, the last `answer`). One value, so that
/// what a lesson leaves behind is forgotten in one place (`startLesson`).
public struct CourseState {
    /// Folders searched by `lesson N` and `lessons`, before `builtInLessons` (`LRLAB_LESSONS`).
    public var lessonDirectories: [String] = []
    /// The course built into lrlab, used when no folder of `lessonDirectories` has lessons.
    public var builtInLessons: [LessonSource] = LessonSource.builtIn
    /// Whether `lesson N` typed at the prompt asks `LessonGuide` for a guided lesson
    /// (`request`) instead of running it as a script; the executable sets it at a terminal.
    public var guidesLessons = false
    /// Where progress through the course is saved and read (`lessons` marks it); nil: nowhere.
    public var progressFile: ProgressFile?

    /// The task a lesson script has stated and not yet closed with its `solution` line.
    var openTask: LessonTask?
    /// The learner's last `answer TEXT`, which a question's checks read (`check answer ~ 0.2`).
    var answer: String?
    /// The lesson `lesson N` asked for, for `LessonGuide` to start.
    var request: LessonRequest?
    /// The guided lesson and the section it is at, for `lessons` to show.
    var guidedPlace: LessonPlace?

    public init() {}

    /// Forgets the work of the lesson before: a lesson starts with no answer given.
    mutating func startLesson() {
        answer = nil
    }

    /// The step before a statement reaches its command: while a task is open, only its part
    /// lines (`check`, `hint`, …, `solution`) may come; anything else is refused at `word`.
    func admit(_ word: Word) throws(ShellError) {
        if let openTask, !LessonTask.partWords.contains(word.text.lowercased()) {
            throw LessonTask.unfinished(openTask, before: word)
        }
    }
}
