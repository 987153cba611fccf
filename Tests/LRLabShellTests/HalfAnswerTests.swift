import LRLab
import Testing
@testable import LRLabShell

/// Every task of every lesson, answered by halves: its solution with one part changed (another
/// optimizer at the same rate, another function, another start, the run left out, the noise
/// switched off, another seed). A change that alters what the task's text asks for must make the
/// task's own checks fail, unless the task says that part is free (`any start because …`).
@Suite struct HalfAnswerTests {
    /// One way to half-answer a task.
    enum Change: String, CaseIterable {
        case opt, function, start, run, noise, seed

        /// The freedom that lets a task accept this change, if any (the run is never free).
        var freedom: LessonTask.Freedom? { LessonTask.Freedom(rawValue: rawValue) }
    }

    /// What the checks of a task can see of the session, per part of the setup.
    struct Setup: Equatable {
        var optimizer: String
        var function: String
        var start: [Double]
        var work: [Int]
        var noise: Double
    }

    /// Whether `line` starts with a command that does work the checks read (`Command.countsAsTry`).
    static func isWork(_ line: String) -> Bool {
        CommandRegistry.standard.named(String(line.split(separator: " ").first ?? "").lowercased())?.countsAsTry ?? false
    }

    struct TaskCase: CustomTestStringConvertible, Sendable {
        var lesson: String
        var prefix: String
        var task: LessonTask
        var testDescription: String { "\(lesson):\(task.line.number)" }
    }

    static let tasks: [TaskCase] = LessonSource.builtIn.flatMap { source -> [TaskCase] in
        guard let lesson = try? Lesson.parse(source.text, file: source.name) else { return [] }
        let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
        return lesson.sections.joined().compactMap { item -> TaskCase? in
            guard case .task(let task, _) = item, !task.isQuestion else { return nil }
            return TaskCase(lesson: source.name, prefix: lines.prefix(task.line.number - 1).joined(separator: "\n"), task: task)
        }
    }

    @Test func everyLessonWithSectionsHasTasksToTest() {
        #expect(Self.tasks.count >= 15)
    }

    /// Every lesson asks the learner something (a task or a question) at least once per two sections.
    @Test(arguments: LessonSource.builtIn.map(\.name))
    func everyLessonAsksOncePerTwoSections(_ name: String) throws {
        let source = try #require(LessonSource.builtIn.first { $0.name == name })
        let lesson = try Lesson.parse(source.text, file: source.name)
        #expect(lesson.taskCount >= lesson.sections.count / 2, "\(name): \(lesson.taskCount) tasks and questions in \(lesson.sections.count) sections")
    }

    /// Narration that ends in a colon introduces what comes next: a command the lesson shows,
    /// not a claim (hidden when guided), a pause, a task or the end.
    @Test(arguments: LessonSource.builtIn.map(\.name))
    func aColonIsFollowedByWhatItIntroduces(_ name: String) throws {
        let source = try #require(LessonSource.builtIn.first { $0.name == name })
        let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated() where line.hasPrefix("say ") && line.hasSuffix(":") {
            let next = index + 1 < lines.count ? lines[index + 1] : ""
            let word = next.split(separator: " ").first.map(String.init) ?? ""
            #expect(!["", "expect", "keep", "pause", "task", "question", "say"].contains(word) || word == "say" && !next.dropFirst(4).isEmpty,
                    "\(name):\(index + 1) ends in a colon before '\(next)'")
        }
    }

    /// Every question of every lesson: its solution's answer passes its checks, and a wrong
    /// answer (another choice, or the number off by half and one) fails them.
    @Test func wrongAnswersFailEveryQuestion() throws {
        var questions = 0
        for source in LessonSource.builtIn {
            let lesson = try Lesson.parse(source.text, file: source.name)
            for case .task(let task, _) in lesson.sections.joined() where task.isQuestion {
                questions += 1
                let session = Session(output: { _ in })
                let solution = task.solutionText
                let right = solution.hasPrefix("answer ") ? String(solution.dropFirst(7)) : solution
                let wrong = task.choices.first { $0.lowercased() != right.lowercased() }
                    ?? (Double(right).map { String($0 * 1.5 + 1) } ?? "nonsense")
                session.course.answer = right
                #expect(task.failedChecks(in: session).isEmpty, "\(source.name):\(task.line.number) the answer \(right) fails")
                session.course.answer = wrong
                #expect(!task.failedChecks(in: session).isEmpty, "\(source.name):\(task.line.number) the wrong answer \(wrong) passes")
            }
        }
        #expect(questions >= 10)
    }

    @Test(arguments: tasks)
    func halfAnswersFailTheChecks(_ taskCase: TaskCase) throws {
        let solution = taskCase.task.solution.map { $0.text.trimmingSpaces }
        let reference = try #require(Self.answer(taskCase, with: solution))
        #expect(reference.failures.isEmpty, "the solution itself fails: \(reference.failures)")
        for change in Change.allCases {
            if let freedom = change.freedom, taskCase.task.freedoms[freedom] != nil { continue }
            guard let changed = Self.change(solution, by: change, reference: reference.setup),
                  let outcome = Self.answer(taskCase, with: changed) else { continue }
            // A change that leaves the part as the solution has it does not half-answer.
            guard Self.differs(outcome.setup, from: reference.setup, in: change) || change == .seed else { continue }
            #expect(!outcome.failures.isEmpty,
                    "\(taskCase.testDescription) '\(taskCase.task.text)': \(changed.joined(separator: "; ")) passes its checks (\(change.rawValue) changed); check it, or say `any \(change.rawValue) because …`")
        }
    }

    /// Half-answers a learner typed, each of which a task once accepted: lesson number, the
    /// task's place among the lesson's tasks (0-based), and what was typed.
    static let typedHalfAnswers: [(lesson: Int, task: Int, typed: [String])] = [
        (4, 0, ["opt gd lr=0.05", "start x=0 y=0"]),
        (4, 0, ["opt gd lr=0.05", "start x=-8 y=0", "run until converged"]),
        (4, 1, ["use ravine", "opt gd lr=0.05", "run 1000"]),
        (6, 0, ["opt momentum lr=0.0614 momentum=0.566", "run until converged"]),
        (6, 0, ["start x=-0.5 y=0", "opt adam lr=0.1", "run until converged"]),
        (7, 0, ["opt gd lr=0.5", "start x=3 y=3", "step 1"]),
        (8, 0, ["opt adadelta convention=tutorial", "run 300", "keep tutorial_x = x"]),
        (9, 0, ["opt adam lr=3", "run until converged"]),
        (9, 0, ["start x=3"]),
        (13, 0, ["opt adam lr=2", "step 1"]),
        (13, 1, ["start x=-1", "opt momentum lr=0.1 momentum=0.9", "run until converged"]),
        (13, 2, ["start x=-3 y=-3", "opt adam lr=0.01", "run until converged"]),
        (13, 3, ["start x=1.4 y=0", "opt gd lr=0.1", "run until converged"]),
        (13, 4, ["start x=1 y=1"]),
        (13, 5, ["opt gd lr=0.1 noise=0 seed=1", "schedule step 0.1 400:0.01 700:0.001", "run 1000"]),
    ]

    @Test(arguments: typedHalfAnswers.indices)
    func halfAnswersLearnersTypedFail(_ index: Int) throws {
        let (lesson, number, typed) = Self.typedHalfAnswers[index]
        let prefix = lesson < 10 ? "lessons/0\(lesson)-" : "lessons/\(lesson)-"
        let taskCase = try #require(Self.tasks.filter { $0.lesson.hasPrefix(prefix) }.dropFirst(number).first)
        let outcome = try #require(Self.answer(taskCase, with: typed))
        #expect(!outcome.failures.isEmpty, "\(taskCase.testDescription) '\(taskCase.task.text)' passes with \(typed.joined(separator: "; "))")
    }

    /// Runs the lesson up to the task, then `statements` (errors ignored, as a learner's typing
    /// would leave the session), and evaluates the task's checks.
    static func answer(_ taskCase: TaskCase, with statements: [String]) -> (setup: Setup, failures: [String])? {
        let session = Session(output: { _ in })
        session.course.builtInLessons = LessonSource.builtIn
        guard session.runScript(text: taskCase.prefix, file: taskCase.lesson).succeeded else { return nil }
        for statement in statements { try? session.execute(line: statement) }
        let failures = taskCase.task.failedChecks(in: session).map(\.error.message)
        guard let run = try? session.currentRun() else { return (Setup(optimizer: "", function: "", start: [], work: [], noise: 0), failures) }
        let setup = Setup(optimizer: run.configuration.description,
                          function: run.objective.map { "\($0.expression)" } ?? "",
                          start: run.start, work: [run.stepCount, session.population?.stepCount ?? -1, session.population?.generations.count ?? -1],
                          noise: run.configuration.gradientNoise)
        return (setup, failures)
    }

    static func differs(_ setup: Setup, from reference: Setup, in change: Change) -> Bool {
        switch change {
        case .opt: return setup.optimizer != reference.optimizer
        case .function: return setup.function != reference.function
        case .start: return setup.start != reference.start
        case .run: return setup.work != reference.work
        case .noise: return setup.noise != reference.noise
        case .seed: return true
        }
    }

    /// The solution with one part changed, or nil when it has no such part to change.
    static func change(_ solution: [String], by change: Change, reference: Setup) -> [String]? {
        func firstWord(_ line: String) -> String { String(line.split(separator: " ").first ?? "").lowercased() }
        let firstRun = solution.firstIndex { isWork($0) } ?? solution.endIndex
        switch change {
        case .opt:
            let kind = reference.optimizer.split(separator: " ").first.map(String.init) ?? "gd"
            let other = kind == "gd" ? "momentum" : "gd"
            let rate = reference.optimizer.split(separator: " ").first { $0.hasPrefix("lr=") }.map(String.init) ?? ""
            var changed = solution.filter { firstWord($0) != "opt" }
            changed.insert("opt \(other) \(rate)", at: min(changed.firstIndex { isWork($0) } ?? changed.endIndex,
                                                           changed.endIndex))
            return changed
        case .function:
            let defines = solution.filter { firstWord($0) == "use" || $0.contains(")") && $0.contains("=") && firstWord($0).contains("(") }
            if !defines.isEmpty { return solution.filter { !defines.contains($0) } }
            let dimension = reference.start.count
            guard let other = Preset.all.first(where: {
                $0.parameters.count == dimension && (try? $0.objective())?.expression.description != reference.function
            }) else { return nil }
            var changed = solution
            changed.insert("use \(other.name)", at: 0)
            return changed
        case .start:
            if solution.contains(where: { firstWord($0) == "start" }) { return solution.filter { firstWord($0) != "start" } }
            guard !reference.start.isEmpty else { return nil }
            let names = reference.start.count == 1 ? ["x"] : ["x", "y"]
            var changed = solution
            changed.insert("start " + zip(names, reference.start).map { "\($0)=\($1 + 0.5)" }.joined(separator: " "), at: firstRun)
            return changed
        case .run:
            guard firstRun < solution.endIndex else { return nil }
            return solution.filter { !isWork($0) }
        case .noise:
            guard solution.contains(where: { $0.contains("noise=") && !$0.contains("noise=0 ") && !$0.hasSuffix("noise=0") }) else { return nil }
            return solution.map { replacing(option: "noise", in: $0) { _ in "0" } }
        case .seed:
            guard solution.contains(where: { $0.contains("seed=") }) else { return nil }
            return solution.map { replacing(option: "seed", in: $0) { String((UInt64($0) ?? 0) &+ 1) } }
        }
    }

    /// `line` with the value of `name=` replaced.
    static func replacing(option name: String, in line: String, _ newValue: (String) -> String) -> String {
        line.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            guard word.hasPrefix(name + "=") else { return String(word) }
            return name + "=" + newValue(String(word.dropFirst(name.count + 1)))
        }.joined(separator: " ")
    }
}
