import LRLab
import LRLabText

/// The guided mode of `lesson N` at the prompt, as a value the executable drives: it shows
/// `prompt`, and hands every line the learner types to `enter(_:in:)`, which runs it in the
/// session or takes it as a word of the lesson. A lesson comes a section at a time: narration
/// wrapped to the terminal, each command after the prompt (`lrlab> step 3`) before its output;
/// then it waits at a pause (Enter or `next` goes on, `back` repeats the section, `skip` jumps
/// the next one, `quit` leaves the lesson, `lessons` shows the course). Any other line is a
/// command of the learner's session. A task waits until the session passes its checks, which
/// are evaluated after each command the learner types; after two tries that do not, the hint;
/// `solution` shows one answer, `solution run` runs it. Progress is saved at every pause and
/// task, and `lesson N` offers to resume. Everything goes through the session's output.
public struct LessonGuide {
    enum Phase: Equatable {
        /// No lesson: lines go to the session.
        case free
        /// `lesson N` found saved progress: resume at `section`, or start over?
        case askingResume(section: Int)
        /// A task waits: the tries that did not pass it so far, and whether the hint was shown.
        case task(tries: Int, hintShown: Bool)
        /// At the end of a section.
        case paused
        /// A page of the section is on the screen and more waits (`Pager`); then `then`.
        case more(then: AfterPage)
    }

    /// What the guide does once the held part of a section has been shown.
    enum AfterPage: Equatable {
        /// Goes on with the section's items.
        case present
        /// Waits for the task (or question) it showed.
        case task
        /// Waits at the section's end.
        case paused
        /// Ends the lesson (its last section is shown).
        case finish
    }

    /// The lesson being taken, nil at the plain prompt.
    public internal(set) var lesson: Lesson?
    var phase = Phase.free
    /// The lesson's number in the course and its file name (the key of its progress).
    var number = 0
    var fileName = ""
    /// The section shown (0-based) and the next of its items to show.
    var section = 0
    var item = 0
    /// The task waited for, with its number in the lesson.
    var task: (task: LessonTask, number: Int)?
    /// The task or question the lesson waits for, if any.
    var waitingTask: LessonTask? { task?.task }
    /// Sections in which a command of the lesson failed when last run: the lesson is not ✔.
    var failedSections: Set<Int> = []
    /// The course's progress as loaded when the lesson started, with this lesson's kept current.
    var course = CourseProgress()
    /// Shows sections a screen at a time.
    var pager = Pager(rows: 0, columns: 80)

    /// Whether the prompt may hold a character past ASCII (`lesson 3 · 4/9`).
    public var unicodePrompt: Bool

    public init(unicodePrompt: Bool = true) {
        self.unicodePrompt = unicodePrompt
    }

    /// The prompt to show before the next line: `lesson 3 · 4/9 lrlab> ` inside a lesson.
    public var prompt: String {
        switch phase {
        case .free: return LessonTask.prompt
        case .askingResume: return "resume? [Y/n] "
        case .task, .paused: return (place?.label(unicode: unicodePrompt) ?? "") + " " + LessonTask.prompt
        case .more: return Pager.prompt + " "
        }
    }

    /// Whether an empty line means something (Enter goes on), so the caller must pass it in.
    public var takesEmptyLines: Bool { phase != .free }

    /// The guide's own words that are not commands (`next`, `back`, `skip`), for tab
    /// completion while a lesson is on; none at the plain prompt or at the resume question.
    public var words: [String] {
        switch phase {
        case .task, .paused: return ["next", "back", "skip"]
        case .free, .askingResume, .more: return []
        }
    }

    /// Where the guide is, for the prompt and `lessons`.
    var place: LessonPlace? {
        lesson.map { LessonPlace(number: number, fileName: fileName, section: section, sectionCount: $0.sections.count) }
    }

    /// The progress of the lesson being taken.
    var progress: LessonProgress {
        get { course[fileName] }
        set { course[fileName] = newValue }
    }

    /// What a pause offers, said under each section (it fits 80 columns).
    static let pauseChoices = ["Enter/next: go on", "back: repeat", "skip: jump the next", "quit", "lessons"]

    /// The words a guided lesson reads itself (`quit` and `lessons` are commands too).
    static let words: Set<String> = ["next", "back", "skip", "solution", "solution run"]

    /// Takes one line the learner typed.
    public mutating func enter(_ line: String, in session: Session) {
        let word = line.split(whereSeparator: \.separatesWords).joined(separator: " ").lowercased()
        switch phase {
        case .free:
            if LessonGuide.words.contains(word), session.commandRegistry.named(word) == nil {
                session.report(ShellError("\(word) belongs to a guided lesson, and none is being taken",
                                          hint: "lesson N starts one; lessons lists the course"), file: nil, lineNumber: 1, text: line)
            } else {
                session.executeReporting(line: line)
            }
        case .more(let then):
            switch word {
            case "", "next": pager.startPage()
            case "q": break
            case "quit": return leave(session)
            default: return session.say("Enter or Space shows the next page, q all the rest of the section, quit leaves the lesson.")
            }
            pager.release(through: session.output, errorOutput: session.errorOutput, all: word == "q")
            guard !pager.isHolding else { return }
            switch then {
            case .present: presentItems(session)
            case .task: phase = .task(tries: 0, hintShown: false)
            case .paused: phase = .paused
            case .finish: finish(session, announced: true)
            }
        case .askingResume(let resumeSection):
            switch word {
            case "", "y", "yes": resume(at: resumeSection, session)
            case "n", "no": resume(at: 0, session)
            case "quit": leave(session)
            default: session.say("Enter or yes resumes at section \(resumeSection + 1), no starts the lesson over, quit leaves it.")
            }
        case .paused:
            switch word {
            case "", "next":
                // Past the last section only after Ctrl-C stopped it before its end.
                guard let lesson, section + 1 < lesson.sections.count else { return finish(session) }
                section += 1
                item = 0
                present(session)
            case "back":
                item = 0
                present(session)
            case "skip": skipNextSection(session)
            case "quit": leave(session)
            case "lessons": showCourse(session)
            case "solution", "solution run": session.say("There is no task here; solution shows the answer of a task.")
            default: session.executeReporting(line: line)
            }
        case .task(let tries, let hintShown):
            guard let (task, taskNumber) = self.task else { return }
            switch word {
            case "": Self.say(wrapped: task.noun + ": " + task.text, session)
            case "next":
                session.say(task.isQuestion ? "The question waits for an answer: answer VALUE, or skip it (solution shows the answer)."
                                            : "The task is not done yet: type commands until it is, or skip it (solution shows an answer).")
            case "back":
                item = 0
                self.task = nil
                present(session)
            case "skip":
                session.say(task.noun + " skipped; one answer, so that the lesson can go on:")
                try? task.runSolution(in: session, echo: true)
                if let explanation = task.explanation { Self.say(wrapped: explanation, session) }
                progress.skipped.insert(taskNumber)
                saveProgress(session)
                self.task = nil
                present(session)
            case "quit": leave(session)
            case "lessons": showCourse(session)
            case "solution": session.say("One answer: " + DiagnosticRenderer.visible(task.solutionText) + "   (type it, or solution run)")
            case "solution run":
                do throws(ShellError) {
                    try task.runSolution(in: session, echo: true)
                } catch {
                    session.report(error, file: task.solutionLine?.file, lineNumber: task.solutionLine?.number ?? 1,
                                   text: task.solutionLine?.text ?? "")
                }
                checkTask(tries: tries, hintShown: hintShown, counting: false, session)
            default:
                // A question takes a bare value as its answer: `0.2` means `answer 0.2`.
                let firstWord = String(line.split(whereSeparator: \.separatesWords).first ?? "").lowercased()
                let line = task.isQuestion && session.commandRegistry.named(firstWord) == nil && !line.contains("=") ? "answer " + line : line
                if session.executeReporting(line: line) != .error {
                    // Only work the checks read (a run, a training...) is a try; asking (help,
                    // show) or setting up (opt, start) gets no note and brings no hint nearer.
                    let tried = session.commandRegistry.countsAsTry(line: line)
                    checkTask(tries: tries, hintShown: hintShown, counting: tried, quietlyUnlessDone: !tried, session)
                }
            }
        }
        if let request = session.course.request {
            session.course.request = nil
            start(request, session)
        }
    }
}
