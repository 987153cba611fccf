import Testing
@testable import LRLabShell

#if canImport(Glibc)
import Glibc
#endif

/// The guided mode driven line by line, as the executable drives it, without a terminal.
@Suite struct LessonGuideTests {
    static let tinyLesson = LessonSource(name: "lessons/01-tiny.lrlab", text: """
        title A tiny lesson
        summary Three sections and a task.
        say First section narration.
        f(x) = (x - 3)^2
        start x=0
        expect steps == 0
        pause
        say Second section.
        task Make gradient descent diverge
        check verdict == diverging
        hint The factor 1 - 2*lr must fall below -1.
        solution opt gd lr=1.2; run 50
        say After the task.
        pause
        say Third and last.
        """)

    /// A guided session over `lessons` with its progress in a fresh temporary folder.
    final class Learner {
        var lines: [String] = []
        var guide = LessonGuide()
        let session: Session
        let stateFolder: String

        init(lessons: [LessonSource] = [LessonGuideTests.tinyLesson]) {
            session = Session(output: { _ in })
            var template = Array("/tmp/lrlab-guide-XXXXXX".utf8CString)
            stateFolder = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
            session.output = { [unowned self] in self.lines.append($0) }
            session.course.lessonDirectories = []
            session.course.builtInLessons = lessons
            session.course.guidesLessons = true
            session.course.progressFile = ProgressFile(path: stateFolder + "/lrlab/progress")
        }

        deinit {
            unlink(stateFolder + "/lrlab/progress")
            rmdir(stateFolder + "/lrlab")
            rmdir(stateFolder)
        }

        /// Types `line` and returns what it printed.
        @discardableResult
        func type(_ line: String) -> String {
            lines = []
            guide.enter(line, in: session)
            return lines.joined(separator: "\n")
        }

        var savedProgress: String { (try? TextFile.read(stateFolder + "/lrlab/progress")) ?? "" }
    }

    @Test func aLessonShowsItsFirstSectionThenWaitsAtThePause() {
        let learner = Learner()
        let shown = learner.type("lesson 1")
        #expect(shown.hasPrefix("Lesson 1 · A tiny lesson\n"))
        #expect(shown.contains("Three sections and a task.\n── section 1 of 3 ──\nFirst section narration.\nlrlab> f(x) = (x - 3)^2\n"))
        #expect(shown.contains("lrlab> start x=0\n"))
        // A line of claims runs without being shown.
        #expect(!shown.contains("expect"))
        #expect(!shown.contains("Second section"))
        #expect(learner.guide.prompt == "lesson 1 · 1/3 lrlab> ")
        // Any command between pauses is the learner's; the lesson still waits.
        #expect(learner.type("diff").contains("f'(x) = 2*(x - 3)"))
        #expect(learner.guide.prompt == "lesson 1 · 1/3 lrlab> ")
    }

    @Test func tabCompletesTheGuidesWordsOnlyDuringALesson() {
        let learner = Learner()
        #expect(learner.guide.words.isEmpty)
        #expect(Completion.candidates(forLineBeforeCursor: "ne", extraWords: learner.guide.words) == [])
        learner.type("lesson 1")
        #expect(Completion.candidates(forLineBeforeCursor: "ne", extraWords: learner.guide.words) == ["next"])
        #expect(Completion.candidates(forLineBeforeCursor: "sk", extraWords: learner.guide.words) == ["skip"])
        // `back` beside the commands that start the same way; after a command, still its options.
        #expect(Completion.candidates(forLineBeforeCursor: "b", extraWords: learner.guide.words)?.contains("back") == true)
        #expect(Completion.candidates(forLineBeforeCursor: "run n", extraWords: learner.guide.words)?.contains("next") != true)
    }

    @Test func aTaskWaitsThenHintsAfterTwoTriesThenPasses() {
        let learner = Learner()
        learner.type("lesson 1")
        let task = learner.type("")
        #expect(task.contains("Second section.\nTask: Make gradient descent diverge"))
        #expect(learner.guide.prompt == "lesson 1 · 2/3 lrlab> ")
        let first = learner.type("opt gd lr=0.1; run 20")
        #expect(first.contains("not yet: verdict == diverging does not hold"))
        #expect(!first.contains("Hint"))
        // Enter in a task repeats it; it is not a try.
        #expect(learner.type("").contains("Task: Make gradient descent diverge"))
        // A line that fails with an error is not a try either.
        #expect(!learner.type("opt nosuch").contains("Hint"))
        // Nor is a question or a setup: only work the checks read counts (no note, no hint).
        for question in ["help run", "show; trace last 2", "verdict", "opt gd lr=0.4", "start x=1; opt gd lr=0.3"] {
            let answer = learner.type(question)
            #expect(!answer.contains("not yet") && !answer.contains("Hint"), "\(question)")
        }
        let second = learner.type("run 20")
        #expect(second.contains("Hint: The factor 1 - 2*lr must fall below -1."))
        let right = learner.type("opt gd lr=1.5; run 30")
        #expect(right.contains("✓ Task done: verdict == diverging\nAfter the task.\n(Enter/next: go on"))
        #expect(learner.savedProgress.contains("01-tiny.lrlab at=2 sections=0,1 tasks=0 finished=0"))
    }

    @Test func solutionShowsTheAnswerAndSolutionRunRunsIt() {
        let learner = Learner()
        learner.type("lesson 1")
        learner.type("next")
        #expect(learner.type("solution").contains("One answer: opt gd lr=1.2; run 50"))
        let ran = learner.type("solution run")
        #expect(ran.hasPrefix("lrlab> opt gd lr=1.2\n"))
        #expect(ran.contains("✓ Task done"))
    }

    /// What the guide itself says fits 80 columns (narration is wrapped to the terminal).
    @Test func theGuidesOwnLinesFitEightyColumns() {
        let learner = Learner()
        learner.session.terminalColumns = 80
        var shown = learner.type("lesson 1") + "\n" + learner.type("") + "\n" + learner.type("show") + "\n" + learner.type("show")
        shown += "\n" + learner.type("solution") + "\n" + learner.type("solution run") + "\n" + learner.type("lessons")
        let commandOutput = ["  step", "    ", "50 steps", "verdict", "  the ", "  curvature", "lrlab> "]
        for line in shown.split(separator: "\n") where !commandOutput.contains(where: { line.hasPrefix($0) }) {
            #expect(line.count <= 80, "\(line)")
        }
        #expect(shown.contains("(Enter/next: go on · back: repeat · skip: jump the next · quit · lessons)"))
    }

    @Test func backRepeatsTheSectionAndSkipJumpsTheNext() {
        let learner = Learner()
        learner.type("lesson 1")
        #expect(learner.type("back").contains("First section narration."))
        let skipped = learner.type("skip")
        #expect(skipped.contains("Section 2 skipped"))
        #expect(!skipped.contains("Task:"))
        // The skipped section's solution ran, so the session is where the lesson expects it.
        #expect(learner.session.explorer.run?.stepCount == 50)
        #expect(skipped.contains("Third and last.\n✔ Lesson 1 done. That was the last lesson."))
        #expect(learner.guide.prompt == "lrlab> ")
        #expect(learner.savedProgress.contains("01-tiny.lrlab at=0 sections=0,2 tasks= finished=1"))
        #expect(learner.type("lessons").contains("  1 ✔ A tiny lesson\n"))
    }

    @Test func quitLeavesTheLessonAndLessonNOffersToResume() throws {
        let learner = Learner()
        learner.type("lesson 1")
        learner.type("")
        learner.type("solution run")
        #expect(learner.type("lessons").contains("  1 ◐ A tiny lesson ← you are here, 2/3"))
        #expect(learner.type("quit").contains("Left lesson 1 at section 3 of 3"))
        #expect(learner.guide.prompt == "lrlab> ")
        #expect(!learner.session.wantsToQuit)
        #expect(learner.type("lessons").contains("  1 ◐ A tiny lesson\n"))
        // A fresh guide (lrlab started again) reads the saved place.
        learner.guide = LessonGuide()
        #expect(learner.type("lesson 1").contains("You left this lesson at section 3 of 3."))
        #expect(learner.guide.prompt == "resume? [Y/n] ")
        let resumed = learner.type("")
        #expect(!resumed.contains("Second section"))
        #expect(resumed.contains("Third and last."))
        // The sections before ran without printing: the task's run is there.
        #expect(learner.session.explorer.run?.stepCount == 50)
    }

    /// Ctrl-C stops a section before its end and the lesson waits; in the last section, Enter
    /// and skip then end the lesson.
    @Test(arguments: ["", "skip"])
    func anInterruptedLastSectionEndsOnTheNextWord(_ word: String) {
        let learner = Learner(lessons: [LessonSource(name: "i.lrlab", text: "say one\nf(x) = x^2\nstart x=1\nrun 10\nsay after")])
        var stop = false
        learner.session.shouldStop = { stop }
        learner.session.output = { [unowned learner] line in
            learner.lines.append(line)
            if line.hasPrefix("lrlab> start") { stop = true }
        }
        #expect(learner.type("lesson 1").contains("(interrupted: Enter goes on with the next section, back repeats this one)"))
        stop = false
        #expect(learner.type(word).contains("Lesson 1 done"))
        #expect(learner.guide.prompt == "lrlab> ")
    }

    /// Two lrlab sessions at once: each saves its own lesson without losing the other's.
    @Test func savingKeepsWhatAnotherSessionSaved() {
        let two = LessonSource(name: "lessons/02-two.lrlab", text: "say two\npause\nsay end")
        let first = Learner(lessons: [LessonGuideTests.tinyLesson, two])
        let second = Learner(lessons: [LessonGuideTests.tinyLesson, two])
        second.session.course.progressFile = first.session.course.progressFile
        first.type("lesson 1")
        second.type("lesson 2")
        first.type("back")
        #expect(first.savedProgress.contains("01-tiny.lrlab at=1"))
        #expect(first.savedProgress.contains("02-two.lrlab at=1"))
    }

    @Test func startingOverAnswersNo() {
        let learner = Learner()
        learner.type("lesson 1")
        learner.type("")
        learner.type("quit")
        learner.type("lesson 1")
        #expect(learner.type("no").contains("First section narration."))
    }

    @Test func aDamagedProgressFileIsAWarningAndIsReplaced() throws {
        let learner = Learner()
        var errors: [String] = []
        learner.session.errorOutput = { errors.append($0) }
        #expect(ProgressFile.makeFolders(learner.stateFolder + "/lrlab") == nil)
        _ = try TextFile.write(learner.stateFolder + "/lrlab/progress") { emit in _ = emit("\u{0}garbage\nmore") }
        #expect(learner.type("lesson 1").contains("First section narration."))
        #expect(errors.count == 1 && errors[0].contains("warning: the saved lesson progress"))
        learner.type("")
        #expect(learner.savedProgress.hasPrefix("lrlab progress 1\n01-tiny.lrlab at=1"))
    }

    @Test func narrationIsWrappedToTheTerminalWidth() {
        let learner = Learner(lessons: [LessonSource(name: "w.lrlab", text: """
            say one two three four five six seven eight nine ten eleven twelve thirteen
            say fourteen fifteen
            say
            say   indented stays apart
            """)])
        learner.session.terminalColumns = 30
        let shown = learner.type("lesson 1")
        #expect(shown.contains("""
            one two three four five six
            seven eight nine ten eleven
            twelve thirteen fourteen
            fifteen

              indented stays apart
            """))
    }

    @Test func aMalformedLessonIsReportedAtItsLine() {
        let learner = Learner(lessons: [LessonSource(name: "bad.lrlab", text: "say hi\ncheck loss < 1\n")])
        var errors: [String] = []
        learner.session.errorOutput = { errors.append($0) }
        learner.type("lesson 1")
        #expect(errors.first?.hasPrefix("bad.lrlab:2:1: error: check belongs to a task") == true)
        #expect(learner.guide.prompt == "lrlab> ")
    }

    @Test(arguments: ["next", "back", "skip", "solution run"])
    func lessonWordsOutsideALessonSaySo(_ word: String) {
        let learner = Learner()
        var errors: [String] = []
        learner.session.errorOutput = { errors.append($0) }
        learner.type(word)
        #expect(errors == ["error: \(word) belongs to a guided lesson, and none is being taken\n    lesson N starts one; lessons lists the course"])
    }

    @Test func withoutGuidingALessonRunsAsAScript() {
        let learner = Learner()
        learner.session.course.guidesLessons = false
        let shown = learner.type("lesson 1")
        #expect(shown.contains("task: Make gradient descent diverge\nlrlab> opt gd lr=1.2"))
        #expect(shown.hasSuffix("Third and last."))
        #expect(learner.guide.prompt == "lrlab> ")
    }
}

@Suite struct CourseProgressTests {
    @Test func theTextFormReadsBack() {
        var progress = CourseProgress()
        progress["02-b.lrlab"].tasks = [1, 0]
        progress["02-b.lrlab"].position = 3
        progress["01-a.lrlab"].finished = true
        let text = progress.text
        #expect(text == "lrlab progress 1\n01-a.lrlab at=0 sections= tasks= finished=1\n02-b.lrlab at=3 sections= tasks=0,1 finished=0\n")
        let read = CourseProgress.parse(text)
        #expect(read.progress == progress && read.problems.isEmpty)
    }

    @Test(arguments: ["", "garbage", "lrlab progress 2\n"])
    func aTextWithoutTheHeaderIsUnreadable(_ text: String) {
        let read = CourseProgress.parse(text)
        #expect(read.progress.lessons.isEmpty && read.problems.count == 1)
    }

    @Test func badLinesAreLeftOutAndNamed() {
        let read = CourseProgress.parse("lrlab progress 1\n01-a.lrlab at=1 sections=0 tasks= finished=0\nx at=1\n02.lrlab at=99999999999999999999 sections= tasks= finished=0\n03.lrlab at=-1 sections= tasks= finished=0\n")
        #expect(read.progress.lessons.keys.sorted() == ["01-a.lrlab"])
        #expect(read.problems == ["line 3 cannot be read", "line 4 cannot be read", "line 5 cannot be read"])
    }

    @Test func theStandardPlaceFollowsXDG() {
        #expect(ProgressFile.standard(stateHome: "/s", home: "/h")?.path == "/s/lrlab/progress")
        #expect(ProgressFile.standard(stateHome: "relative", home: "/h")?.path == "/h/.local/state/lrlab/progress")
        #expect(ProgressFile.standard(stateHome: nil, home: nil) == nil)
    }
}
