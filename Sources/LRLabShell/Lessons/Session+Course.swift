import LRLab
import LRLabText

extension Session {
    /// The saved progress (empty without a progress file); a problem reading it is a warning on
    /// `errorOutput`, never an error.
    func loadProgress() -> CourseProgress {
        guard let progressFile = course.progressFile else { return CourseProgress() }
        let (progress, warning) = progressFile.load()
        if let warning { errorOutput(wrapped("lrlab: " + warning)) }
        return progress
    }

    /// Saves `progress` when there is a progress file; a failure is a warning.
    func saveProgress(_ progress: CourseProgress) {
        if let warning = course.progressFile?.save(progress) { errorOutput(wrapped("lrlab: " + warning)) }
    }

    /// What `lessons` prints: each lesson's number, a mark (✔ done, ◐ begun), its title, and its
    /// summary below, wrapped to the terminal; the guided lesson says where it is.
    func courseListing() throws(ShellError) -> String {
        let sources = try lessonSources()
        let progress = loadProgress()
        let width = max(40, terminalColumns)
        var lines: [String] = []
        for (index, source) in sources.enumerated() {
            let lesson = progress[source.fileName]
            let mark = lesson.isDone ? (useUnicode ? "✔" : "+") : lesson.finished ? (useUnicode ? "◑" : "s")
                : lesson.isBegun ? (useUnicode ? "◐" : "~") : " "
            var title = source.title
            if let place = course.guidedPlace, place.fileName == source.fileName, place.number == index + 1 {
                title += "  ← you are here, \(place.section + 1)/\(place.sectionCount)"
            }
            let head = NumberFormat.leftPad(String(index + 1), 3) + " " + mark + " "
            lines += Narration.wrap(title, width: width - head.count).enumerated().map { offset, line in
                (offset == 0 ? head : String(repeating: " ", count: head.count)) + line
            }
            if !source.summary.isEmpty {
                lines += Narration.wrap(String(repeating: " ", count: head.count + 2) + source.summary, width: width)
            }
        }
        lines.append(useUnicode ? "lesson N takes one (✔ done, ◑ done with a task skipped, ◐ begun)"
                                : "lesson N takes one (+ done, s done with a task skipped, ~ begun)")
        return lines.joined(separator: "\n")
    }
}

extension Session {
    /// Puts the learner's function, names, start, optimizer, schedule and run aside so that a
    /// lesson starts as its script does; returns whether there was anything to put aside.
    func clearForLesson() -> Bool {
        let hadSomething = explorer.objective != nil || !explorer.names.isEmpty || lab.data != nil || lab.model != nil
        explorer.clear()
        lab = DataLab()
        population = nil
        focus = .formula
        optimizer = .standard
        schedule = ConstantSchedule()
        course.startLesson()
        lastPicture = nil
        stepTable.close()
        return hadSomething
    }
}
