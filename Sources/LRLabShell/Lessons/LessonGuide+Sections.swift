import LRLab

extension LessonGuide {
    /// Shows the current section from `item` on, a screen at a time, until a task waits or the
    /// section ends.
    /// `above` is what was just printed above the section on the same screen (a lesson's title).
    mutating func present(_ session: Session, above: String = "") {
        pager = Pager(rows: session.terminalRows, columns: session.terminalColumns)
        pager.show(above, through: { _ in }, errorOutput: { _ in })
        presentItems(session)
    }

    /// Shows the section's items from `item` on through the pager; stops where a page is full.
    mutating func presentItems(_ session: Session) {
        guard let lesson else { return }
        phase = .paused
        session.course.guidedPlace = place
        let items = lesson.sections[section]
        if item == 0 {
            failedSections.remove(section)
            let line = LessonGuide.sectionLine(section, of: lesson.sections.count, unicode: session.useUnicode)
            show(session) { session.say(line) }
        }
        var narration: [String] = []
        func showNarration() {
            let paragraphs = Narration.paragraphs(narration)
            narration = []
            if !paragraphs.isEmpty { show(session) { for paragraph in paragraphs { Self.say(wrapped: paragraph, session) } } }
        }
        while item < items.count {
            if pager.isHolding {
                phase = .more(then: .present)
                return
            }
            if session.shouldStop() {
                showNarration()
                session.say("(interrupted: Enter goes on with the next section, back repeats this one)")
                return
            }
            let current = items[item]
            item += 1
            switch current {
            case .narration(let text):
                narration.append(text)
            case .command(let place):
                showNarration()
                var failed = false
                show(session) { failed = LessonGuide.run(place, session, echo: true) != nil }
                if failed { failedSections.insert(section) }
            case .task(let task, let taskNumber):
                showNarration()
                self.task = (task, taskNumber)
                progress.position = section
                saveProgress(session)
                show(session) {
                    Self.say(wrapped: task.noun + ": " + task.text, session)
                    if !task.choices.isEmpty { Self.say(wrapped: "  choices: " + task.choices.joined(separator: " · "), session) }
                    session.say(task.isQuestion ? "  (answer VALUE, or just the value; solution shows the answer, skip skips it)"
                                                : "  (type commands until it is done; solution shows an answer, skip skips it)")
                }
                phase = pager.isHolding ? .more(then: .task) : .task(tries: 0, hintShown: false)
                return
            }
        }
        showNarration()
        progress.sections.insert(section)
        if section + 1 >= lesson.sections.count {
            let end = endMessage(session)
            show(session) { session.say(end) }
            if pager.isHolding { phase = .more(then: .finish) } else { finish(session, announced: true) }
            return
        }
        progress.position = section + 1
        saveProgress(session)
        let dot = session.useUnicode ? " · " : ", "
        show(session) { session.say("(" + LessonGuide.pauseChoices.joined(separator: dot) + ")") }
        phase = pager.isHolding ? .more(then: .paused) : .paused
    }

    /// `── section 3 of 7 ──` (`-- section 3 of 7 --` in ASCII), shown as a section begins, as
    /// swirl shows its progress: `section` counts from 0.
    static func sectionLine(_ section: Int, of count: Int, unicode: Bool) -> String {
        let bar = unicode ? "──" : "--"
        return "\(bar) section \(section + 1) of \(count) \(bar)"
    }

    /// Runs `body`, sending what it prints through the pager.
    private mutating func show(_ session: Session, _ body: () -> Void) {
        var printed: [(text: String, isError: Bool)] = []
        let output = session.output, errorOutput = session.errorOutput
        session.output = { printed.append(($0, false)) }
        session.errorOutput = { printed.append(($0, true)) }
        body()
        session.output = output
        session.errorOutput = errorOutput
        for (text, isError) in printed { pager.show(text, isError: isError, through: output, errorOutput: errorOutput) }
    }

    /// Evaluates the waiting task's checks: ✓ and on when they hold; else a note (unless
    /// `quietlyUnlessDone`), and after two counted tries the hint.
    mutating func checkTask(tries: Int, hintShown: Bool, counting: Bool, quietlyUnlessDone: Bool = false,
                                    _ session: Session) {
        guard let (task, taskNumber) = self.task else { return }
        let failures = task.failedChecks(in: session)
        guard let first = failures.first else {
            progress.tasks.insert(taskNumber)
            progress.skipped.remove(taskNumber)
            saveProgress(session)
            if task.isQuestion {
                Self.say(wrapped: (session.useUnicode ? "✓ " : "ok ") + "Right." + (task.explanation.map { " " + $0 } ?? ""), session)
            } else {
                session.say(task.doneLine(in: session, lead: "Task done: "))
            }
            self.task = nil
            present(session)
            return
        }
        if quietlyUnlessDone { return }
        let tries = tries + (counting ? 1 : 0)
        if task.isQuestion {
            guard tries >= 2 || task.hint == nil else {
                Self.say(wrapped: "  not quite. Hint: " + (task.hint ?? ""), session)
                phase = .task(tries: tries, hintShown: true)
                return
            }
            let answer = task.solutionText.hasPrefix("answer ") ? String(task.solutionText.dropFirst(7)) : task.solutionText
            Self.say(wrapped: "  not quite. The answer: " + answer + (task.explanation.map { ". " + $0 } ?? ""), session)
            self.task = nil
            present(session)
            return
        }
        Self.say(wrapped: "  not yet: " + first.error.message, session)
        var hintShown = hintShown
        if tries >= 2, !hintShown, let hint = task.hint {
            Self.say(wrapped: "Hint: " + hint, session)
            hintShown = true
        }
        phase = .task(tries: tries, hintShown: hintShown)
    }
}
