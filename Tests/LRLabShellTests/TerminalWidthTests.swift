import Testing
import Foundation
import LRLabText
@testable import LRLabShell

/// Everything a lesson or a golden script prints fits an 80-column terminal: trace lines fold,
/// state lines flow, sentences wrap at spaces, tables and pictures take the session's width.
@Suite struct TerminalWidthTests {
    static let width = 80

    static let lessonsDirectory = fixturesDirectory + "/../../../lessons"

    static let lessons: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: lessonsDirectory)) ?? []
        return names.filter { $0.hasSuffix(".lrlab") }.sorted()
    }()

    /// The lines of `text` wider than the terminal, with their width.
    static func overWide(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
            .filter { TextWrap.displayWidth($0) > width }
            .map { "\(TextWrap.displayWidth($0)): \($0)" }
    }

    @Test func theSessionStartsAt80Columns() {
        #expect(Session(output: { _ in }).terminalColumns == Self.width)
    }

    @Test func everyGoldenTranscriptFits() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: fixturesDirectory).filter { $0.hasSuffix(".out") }
        #expect(!names.isEmpty)
        for name in names {
            let text = try String(contentsOfFile: fixturesDirectory + "/" + name, encoding: .utf8)
            #expect(Self.overWide(text).isEmpty, "\(name): \(Self.overWide(text).joined(separator: "\n"))")
        }
    }

    @Test func theCourseHasLessons() {
        #expect(Self.lessons.count >= 10, "\(Self.lessons)")
    }

    /// Every lesson taken guided at 80×30, as a learner would (Enter at each pause and page,
    /// each task done by `solution run`, each question answered): no line is wider than the
    /// screen, nothing fails, and each section's first line is still on the screen at the first
    /// wait after it (a page prompt, a task, or the pause).
    @Test(arguments: LessonSource.builtIn.indices)
    func everyLessonFitsTheScreenGuided(lesson number: Int) throws {
        let rows = 30
        let learner = LessonGuideTests.Learner(lessons: LessonSource.builtIn)
        learner.session.errorOutput = { [unowned learner] in learner.lines.append($0) }
        learner.session.terminalRows = rows
        let pager = Pager(rows: rows, columns: Self.width)
        var shown = learner.type("lesson \(number + 1)")
        var waits = 0
        for _ in 0..<400 {
            let place = "lesson \(number + 1), section \(learner.guide.section + 1)"
            #expect(Self.overWide(shown).isEmpty, "\(place): \(Self.overWide(shown).joined(separator: "\n"))")
            #expect(!shown.contains(": error: ") && !shown.contains("expectation failed"), "\(place): \(shown)")
            // What one Enter (or a task's answer) brought fits above the prompt: the first line is on the screen.
            let shownRows = shown.split(separator: "\n", omittingEmptySubsequences: false).map { pager.rowCount(of: String($0)) }.reduce(0, +)
            #expect(shownRows <= rows - 1, "\(place): \(shownRows) rows before the first wait:\n\(shown)")
            guard learner.guide.lesson != nil else { break }
            waits += 1
            if case .task = learner.guide.phase, let task = learner.guide.waitingTask {
                let answer = learner.type(task.isQuestion ? String(task.solutionText.dropFirst("answer ".count)) : "solution run")
                let done = try #require(learner.lines.lastIndex { $0.contains("✓") }, "\(place): \(task.text) \(answer)")
                // The rest of the section starts after what says the task is done.
                shown = learner.lines[(done + 1)...].joined(separator: "\n")
            } else {
                shown = learner.type("")
            }
        }
        #expect(learner.guide.lesson == nil, "lesson \(number + 1) did not end")
        #expect(waits > 0)
    }

    /// A 2-D adaptive run at the widest numbers (`set digits=6`, 3-digit exponents) still fits.
    @Test func aDivergingAdamRunFits() {
        let (text, _) = transcript(of: "f(x, y) = x^2 - 1e5*y^2\nstart x=-1e-100 y=1e-100\nopt adam lr=10\nstep 5\nrun 300\nstate")
        #expect(text.contains("m_hat="))
        #expect(Self.overWide(text).isEmpty, "\(Self.overWide(text).joined(separator: "\n"))")
    }

    @Test func setStateOffHidesTheStateLinesAndStateStillShowsThem() {
        let (on, _) = transcript(of: "use ravine\nopt adam lr=0.05\nstep 2")
        #expect(on.contains("        m=(-0.8, 5)  v=(0.064, 2.5)  m_hat=(-8, 50)  v_hat=(64, 2500)"), "\(on)")
        let (off, outcome) = transcript(of: "use ravine\nopt adam lr=0.05\nset state=off\nstep 2\nset\nstate")
        #expect(outcome.succeeded, "\(off)")
        #expect(!off.contains("m=(-0.8, 5)"), "\(off)")
        #expect(off.contains("state=off"))
        // `state` still prints the table on request.
        #expect(off.contains("m_hat  "), "\(off)")
    }

    /// Lines that used to pass 80 columns: a model's pbt header, generation lines and the
    /// change column with two evolving values, `show` with a long optimizer, a progress warning.
    @Test(arguments: [
        "data moons n=60; model mlp hidden=8; opt adam; pbt epochs=2 population=4",
        "use rosenbrock; opt momentum lr=0.001 momentum=0.9; pbt steps=400 population=8 evolve=lr,momentum; pbt step; pbt lineage",
        "opt adamw lr=0.001 weight_decay=0.01 amsgrad=true; use rosenbrock; run 3; show",
    ])
    func longReportsFit(script: String) {
        let (text, outcome) = transcript(of: script)
        #expect(outcome.succeeded, "\(text)")
        #expect(Self.overWide(text).isEmpty, "\(Self.overWide(text).joined(separator: "\n"))")
    }

    @Test func aTooWideGenerationTableListsItsChangesBelow() {
        let (text, _) = transcript(of: "use rosenbrock; opt momentum lr=0.001 momentum=0.9; pbt steps=400 population=8 evolve=lr,momentum")
        #expect(text.contains("  m2: lr resampled; momentum ×1.2, clamped to 1"), "\(text)")
    }

    @Test func aProgressWarningFits() throws {
        var lines: [String] = []
        let session = Session(output: { lines.append($0) })
        session.course.builtInLessons = [LessonSource(name: "01-a.lrlab", text: "say a\npause\nsay b")]
        session.course.guidesLessons = true
        session.course.progressFile = ProgressFile(path: "/proc/lrlab-cannot-be-made-here/with/a/rather/long/folder/name/progress")
        var guide = LessonGuide()
        guide.enter("lesson 1", in: session)
        let text = lines.joined(separator: "\n")
        #expect(text.contains("warning: lesson progress is not saved"), "\(text)")
        #expect(Self.overWide(text).isEmpty, "\(Self.overWide(text).joined(separator: "\n"))")
    }
}
