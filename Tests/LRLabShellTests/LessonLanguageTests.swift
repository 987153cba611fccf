import Testing
@testable import LRLabShell

/// The lesson language run as a script: `title`, `summary`, `pause`, and tasks whose solution
/// runs and whose checks must hold, reported at their own lines.
@Suite struct LessonLanguageTests {
    static let parabola = "f(x) = (x - 3)^2\nstart x=0\n"

    @Test func aTaskRunsItsSolutionShownAfterThePromptAndPassesItsChecks() {
        let (text, outcome) = transcript(of: Self.parabola + """
            task Make it diverge; any rate past 1 will do
            check verdict == diverging
            check steps == 50
            hint the factor is 1 - 2*lr # not a comment
            solution opt gd lr=1.2; run 50
            say after
            """, file: "t.lrlab")
        #expect(outcome.succeeded, "\(text)")
        #expect(text.contains("task: Make it diverge; any rate past 1 will do\nlrlab> opt gd lr=1.2\n"))
        #expect(text.contains("\nlrlab> run 50\n"))
        #expect(text.contains("✓ verdict == diverging, steps == 50\nafter"))
        // The hint is for the guided mode: a script does not print it.
        #expect(!text.contains("the factor is"))
    }

    @Test func aFailingCheckIsReportedAtItsOwnLineAndFailsTheScript() {
        let (text, outcome) = transcript(of: Self.parabola + """
            task Make it converge
            check converged
            check steps < 10
            solution opt gd lr=0.1; run 20
            say still runs
            """, file: "t.lrlab")
        #expect(outcome.failedExpectations == 1 && outcome.errors == 0)
        #expect(!outcome.succeeded)
        #expect(text.contains("t.lrlab:4:7: expectation failed: converged does not hold"))
        #expect(text.contains("t.lrlab:5:7: expectation failed: steps < 10 does not hold: steps = 20"))
        #expect(unwrapped(text).contains("t.lrlab:6:1: expectation failed: the solution does not pass 2 of the 2 checks of the task on line 3"))
        #expect(text.hasSuffix("still runs"))
    }

    @Test func anErrorInTheSolutionPointsAtItsColumn() {
        let (text, outcome) = transcript(of: Self.parabola + "task t\ncheck steps == 1\nsolution step; opt gd lr=oops\n", file: "t.lrlab")
        #expect(outcome.errors == 1)
        #expect(text.contains("t.lrlab:5:"), "\(text)")
        #expect(text.contains("lr=oops"))
    }

    @Test func aTaskWithoutASolutionIsAnError() {
        let atEnd = transcript(of: Self.parabola + "task t\ncheck steps == 1\n", file: "t.lrlab")
        #expect(atEnd.outcome.errors == 1)
        #expect(atEnd.text.contains("t.lrlab:3: error: the task on line 3 has no solution line"))
        let before = transcript(of: Self.parabola + "task t\ncheck steps == 1\nstep\nsolution step\n", file: "t.lrlab")
        #expect(before.outcome.errors == 1)
        #expect(before.text.contains("t.lrlab:5:1: error: the task on line 3 has no solution yet"))
        let noCheck = transcript(of: Self.parabola + "task t\nsolution step\n", file: "t.lrlab")
        #expect(noCheck.text.contains("t.lrlab:4:1: error: the task on line 3 has no check"))
    }

    @Test func partsOfATaskNeedATask() {
        let (text, outcome) = transcript(of: "check loss < 1", file: "t.lrlab")
        #expect(outcome.errors == 1)
        #expect(text.contains("check belongs to a task, and there is none above it"))
        #expect(text.contains("use expect CLAIM to check a claim now"))
    }

    @Test func titleSummaryAndPausePrintInAScript() {
        let (text, outcome) = transcript(of: "title Gradient descent; the factor\nsummary One line # kept\npause\nsay next")
        #expect(outcome.succeeded)
        #expect(text == "Gradient descent; the factor\n────────────────────────────\nOne line # kept\n\nnext")
    }

    @Test(arguments: ["title T", "summary S", "pause", "task T", "check loss < 1", "hint H", "solution step"])
    func lessonPartsAtThePromptExplainThemselves(_ line: String) throws {
        let session = Session(output: { _ in })
        let error = try #require(throws: ShellError.self) { try session.execute(line: line) }
        #expect(error.message.contains("lesson") || error.message.contains("task"), "\(error.message)")
        #expect(error.hint != nil)
    }
}
