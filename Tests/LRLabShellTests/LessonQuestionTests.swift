import Testing
@testable import LRLabShell

/// Questions in lessons: asked in the guided mode, answered with `answer VALUE` (or the bare
/// value), a hint after a wrong answer and the explanation after two; run as a script, the
/// solution's answer must pass the checks.
@Suite struct LessonQuestionTests {
    static let lesson = LessonSource(name: "lessons/01-asks.lrlab", text: """
        title A lesson that asks
        f(x) = (x - 3)^2
        start x=0
        say With lr = 0.4 the factor is 1 - 2*lr.
        question The factor per step at lr = 0.4 is?
        check answer ~ 0.2 tol=0.005
        hint Put 0.4 in 1 - 2*lr.
        explanation 1 - 0.8 = 0.2: each step keeps a fifth of the distance.
        solution answer 0.2
        say After the question.
        pause
        say Which optimizer?
        question Which one adds a running sum of gradients?
        choices gd momentum
        check answer == momentum
        explanation Momentum: b <- μ*b + g.
        solution answer momentum
        say The end.
        """)

    @Test func aRightAnswerIsConfirmedWithItsExplanation() {
        let learner = LessonGuideTests.Learner(lessons: [Self.lesson])
        let shown = learner.type("lesson 1")
        #expect(shown.contains("Question: The factor per step at lr = 0.4 is?\n  (answer VALUE, or just the value;"))
        // A command that sets up or prints is not an answer and not a try.
        #expect(!learner.type("show").contains("not quite"))
        let right = learner.type("answer 1 - 2*0.4")
        #expect(right.contains("✓ Right. 1 - 0.8 = 0.2: each step keeps a fifth of the distance.\nAfter the question."))
    }

    @Test func aWrongAnswerGetsTheHintThenTheExplanationAndTheLessonGoesOn() {
        let learner = LessonGuideTests.Learner(lessons: [Self.lesson])
        learner.type("lesson 1")
        let first = learner.type("0.6")
        #expect(first.contains("not quite. Hint: Put 0.4 in 1 - 2*lr."))
        #expect(!first.contains("After the question"))
        let second = learner.type("answer 0.8")
        #expect(second.contains("not quite. The answer: 0.2. 1 - 0.8 = 0.2: each step keeps a fifth of"))
        #expect(second.hasSuffix("After the question.\n(Enter/next: go on · back: repeat · skip: jump the next · quit · lessons)"))
        // The next question offers its choices; a word answers it.
        let next = learner.type("")
        #expect(next.contains("Question: Which one adds a running sum of gradients?\n  choices: gd · momentum"))
        #expect(learner.type("Momentum").contains("✓ Right. Momentum: b <- μ*b + g.\nThe end."))
    }

    @Test func skipShowsTheAnswerAndItsOutput() {
        let learner = LessonGuideTests.Learner(lessons: [Self.lesson])
        learner.type("lesson 1")
        let skipped = learner.type("skip")
        #expect(skipped.contains("Question skipped; one answer, so that the lesson can go on:\nlrlab> answer 0.2\n"))
        #expect(skipped.contains("After the question."))
        // Done, but with a question skipped: the lesson is not ✔.
        learner.type("")
        #expect(learner.type("momentum").contains("◑ Lesson 1 done, with 1 task or question skipped"))
        #expect(learner.type("lessons").contains("  1 ◑ A lesson that asks"))
        #expect(learner.savedProgress.contains("01-asks.lrlab at=0 sections=0,1 tasks=1 finished=1 skipped=0"))
    }

    @Test func runAsAScriptTheSolutionsAnswerPassesTheChecks() {
        let session = Session(output: { _ in })
        var printed: [String] = []
        session.output = { printed.append($0) }
        let outcome = session.runScript(text: Self.lesson.text, file: Self.lesson.name)
        #expect(outcome.succeeded, "\(printed.joined(separator: "\n"))")
        #expect(printed.contains("question: The factor per step at lr = 0.4 is?"))
        #expect(printed.contains("✓ answer ~ 0.2 tol=0.005"))
    }

    @Test(arguments: [
        ("answer", "answer needs a value"),
        ("expect answer ~ 1", "no answer yet"),
        ("answer abc; expect answer ~ 1", "'abc' is not a number"),
        ("answer 2; expect answer == two", "the answer is 2"),
        ("answer two; expect answer < three", "a word answer is compared with == or !="),
    ])
    func answersAndClaimsSayWhatIsWrong(line: String, message: String) {
        var printed: [String] = []
        let session = Session(output: { printed.append($0) })
        _ = session.runScript(text: line, file: "-c")
        #expect(printed.joined(separator: "\n").contains(message), "\(printed)")
    }
}
