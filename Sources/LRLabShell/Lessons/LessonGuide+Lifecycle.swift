import LRLab
import LRLabText

/// Starting a lesson, resuming it, leaving it and finishing it, with its saved progress.
extension LessonGuide {
    mutating func start(_ request: LessonRequest, _ session: Session) {
        let parsed: Lesson
        do {
            parsed = try Lesson.parse(request.source.text, file: request.source.name)
        } catch {
            session.report(error.error, file: error.place.file, lineNumber: error.place.number, text: error.place.text)
            return
        }
        guard !parsed.sections.isEmpty else {
            session.say("Lesson \(request.number) has nothing to show.")
            return
        }
        lesson = parsed
        number = request.number
        fileName = request.source.fileName
        task = nil
        course = session.loadProgress()
        if session.clearForLesson() { session.say("(a lesson starts from a fresh session: your function, start point, optimizer and schedule are put aside)") }
        let rule = String(repeating: session.useUnicode ? "─" : "-", count: min(session.terminalColumns, 12 + parsed.title.count))
        var heading = ["Lesson \(number) · \(parsed.title)", rule]
        if !parsed.summary.isEmpty { heading += Narration.wrap(parsed.summary, width: session.terminalColumns) }
        session.say(heading.joined(separator: "\n"))
        let saved = progress
        if !saved.finished, saved.position > 0, saved.position < parsed.sections.count {
            phase = .askingResume(section: saved.position)
            session.course.guidedPlace = place
            Self.say(wrapped: "You left this lesson at section \(saved.position + 1) of \(parsed.sections.count). Resume there (the sections before it run again without printing)? Enter or yes resumes, no starts over.", session)
            return
        }
        resume(at: 0, session, above: heading.joined(separator: "\n"))
    }

    /// Runs the sections before `target` without printing, then shows `target`.
    mutating func resume(at target: Int, _ session: Session, above: String = "") {
        guard let lesson else { return }
        failedSections = []
        runQuietly(session) {
            for index in 0..<target where !LessonGuide.runSilently(lesson.sections[index], session) { failedSections.insert(index) }
        }
        section = target
        item = 0
        present(session, above: above)
    }

    /// Leaves the lesson (lrlab goes on); the place is saved to resume.
    mutating func leave(_ session: Session) {
        guard let lesson else { return }
        if case .askingResume = phase {} else {
            progress.position = phase == .paused ? min(section + 1, lesson.sections.count - 1) : section
            saveProgress(session)
        }
        session.say("Left lesson \(number) at section \(progress.position + 1) of \(lesson.sections.count); lesson \(number) resumes there.")
        close(session)
    }

    /// Ends the lesson: done (✔) when every command of it ran without an error. `announced`:
    /// the end has been said already (through the pager).
    mutating func finish(_ session: Session, announced: Bool = false) {
        progress.finished = failedSections.isEmpty
        progress.position = 0
        saveProgress(session)
        if !announced { session.say(endMessage(session)) }
        close(session)
    }

    /// What the end of the lesson says: done, or which section had a failed command.
    func endMessage(_ session: Session) -> String {
        let count = (try? session.lessonSources(reportingProblems: false).count) ?? 0
        let next = number < count ? " lesson \(number + 1) goes on; lessons lists the course." : " That was the last lesson."
        guard let failed = failedSections.min() else {
            guard progress.skipped.isEmpty else {
                let skipped = NumberFormat.counted(progress.skipped.count, "task or question")
                return Narration.wrap((session.useUnicode ? "◑ " : "") + "Lesson \(number) done, with \(skipped) skipped; lesson \(number) "
                                      + "takes it again." + next, width: session.terminalColumns).joined(separator: "\n")
            }
            return (session.useUnicode ? "✔ " : "") + "Lesson \(number) done." + next
        }
        return Narration.wrap("Lesson \(number) ended, but a command of its section \(failed + 1) failed (see above), "
                              + "so it is not marked done; lesson \(number) takes it again." + next,
                              width: session.terminalColumns).joined(separator: "\n")
    }

    private mutating func close(_ session: Session) {
        lesson = nil
        task = nil
        phase = .free
        session.course.guidedPlace = nil
    }

    /// Saves this lesson's progress into the file as it is now, so that what another lrlab
    /// saved for other lessons meanwhile is kept.
    mutating func saveProgress(_ session: Session) {
        let mine = progress
        if let latest = session.course.progressFile?.load(), latest.warning == nil { course = latest.progress }
        progress = mine
        session.saveProgress(course)
    }

    /// At a pause: runs the next section without printing, then shows the one after it.
    mutating func skipNextSection(_ session: Session) {
        guard let lesson else { return }
        guard section + 1 < lesson.sections.count else { return finish(session) }
        let skipped = section + 1
        runQuietly(session) { if !LessonGuide.runSilently(lesson.sections[skipped], session) { failedSections.insert(skipped) } }
        session.say("Section \(skipped + 1) skipped (its commands ran without printing).")
        section = skipped
        if skipped + 1 >= lesson.sections.count {
            finish(session)
            return
        }
        section = skipped + 1
        item = 0
        present(session)
    }

    func showCourse(_ session: Session) {
        do throws(ShellError) {
            session.say(try session.courseListing())
        } catch {
            session.report(error, file: nil, lineNumber: 1, text: "")
        }
        if let place {
            session.say("You are at \(place.label(unicode: session.useUnicode))" + (task != nil ? ", in a task." : "; Enter goes on."))
        }
    }
}
