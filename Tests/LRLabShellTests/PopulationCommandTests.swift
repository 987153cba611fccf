import Testing
import Foundation
@testable import LRLab
@testable import LRLabShell

/// `pbt`, `pbt step`, `pbt lineage`, `pbt compare`, `plot pbt` and `save pbt FILE.json`.
@Suite struct PopulationCommandTests {
    static let setup = "f(x, y) = x^2 + y^2; start x=10 y=10; opt gd noise=2 seed=1"

    func session() throws -> (Session, () -> String) {
        var lines: [String] = []
        let session = Session(output: { lines.append($0) })
        try session.execute(line: Self.setup)
        lines.removeAll()
        return (session, { defer { lines.removeAll() }; return lines.joined(separator: "\n") })
    }

    func error(of line: String) throws -> ShellError {
        let (session, _) = try session()
        return try #require(throws: ShellError.self) { try session.execute(line: line) }
    }

    /// The JSON `save pbt` writes after `pbt ARGUMENTS` in a fresh session.
    func json(_ arguments: String) throws -> String {
        let path = NSTemporaryDirectory() + "lrlab-pbt-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (session, _) = try session()
        try session.execute(line: "pbt \(arguments); save pbt \(path)")
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func theSameSeedWritesTheSameJSONByteForByteAndAnotherSeedDiffers() throws {
        let first = try json("population=8 steps=500 seed=3")
        let second = try json("population=8 steps=500 seed=3")
        let other = try json("population=8 steps=500 seed=4")
        #expect(first == second)
        #expect(first != other)
    }

    /// The shape issue 14 asks for, read back with a JSON parser.
    @Test func theJSONHasTheIssuesShape() throws {
        let text = try json("population=4 steps=300 interval=100 seed=2")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(document.keys) == ["task", "population", "interval", "seed", "generations", "best"])
        #expect(document["population"] as? Int == 4)
        #expect(document["interval"] as? Int == 100)
        #expect(document["seed"] as? Int == 2)
        let generations = try #require(document["generations"] as? [[String: Any]])
        #expect(generations.map { $0["step"] as? Int } == [0, 100, 200, 300])
        for generation in generations {
            let members = try #require(generation["members"] as? [[String: Any]])
            #expect(members.count == 4)
            for member in members {
                #expect(Set(member.keys) == ["id", "score", "hyper", "copied_from", "resampled"])
                #expect((member["hyper"] as? [String: Double])?.keys.sorted() == ["lr"])
            }
        }
        // With 4 members, one copies per generation after the start (⌈0.25·4⌉ = 1).
        let copies = generations.dropFirst().map { generation in
            ((generation["members"] as? [[String: Any]]) ?? []).filter { !($0["copied_from"] is NSNull) }.count
        }
        #expect(copies == [1, 1, 1])
        let best = try #require(document["best"] as? [String: Any])
        #expect(Set(best.keys) == ["id", "score", "schedule"])
        let schedule = try #require(best["schedule"] as? [[Double]])
        #expect(schedule.first?.first == 0)
        #expect(schedule.allSatisfy { $0.count == 2 })
    }

    @Test func pbtPrintsTheScoreRuleAndEveryGenerationAndTheLineagesSchedule() throws {
        let (session, output) = try session()
        try session.execute(line: "pbt population=8 steps=300 interval=100")
        let text = output()
        #expect(text.contains("score: the current loss, lower is better"))
        for step in [0, 100, 200, 300] { #expect(text.contains("step \(step): best m")) }
        #expect(text.contains("lr of the best lineage: "))
        #expect(text.contains("member  score"))
        #expect(session.population?.stepCount == 300)
    }

    /// `pbt step` goes one interval past the budget and prints every member; lineage and plot
    /// read the population.
    @Test func pbtStepGoesPastTheBudgetAndLineageAndPlotReadThePopulation() throws {
        let (session, output) = try session()
        try session.execute(line: "pbt population=4 steps=200 interval=100")
        _ = output()
        try session.execute(line: "pbt step")
        let table = output()
        #expect(table.hasPrefix("step 300: best m"))
        #expect(table.split(separator: "\n").filter { $0.first == "m" && $0.dropFirst().first?.isNumber == true }.count == 4)
        #expect(session.population?.stepCount == 300)
        try session.execute(line: "pbt lineage")
        let lineage = output()
        #expect(lineage.hasPrefix("lineage of m"))
        #expect(lineage.contains("steps 0–"))
        #expect(lineage.contains("drawn at the start"))
        try session.execute(line: "plot pbt")
        let picture = output()
        #expect(picture.contains("score (the current loss, lower is better) at each generation"))
        // The best lineage, the median and the band of the population, not one glyph per member.
        #expect(picture.contains("● median  ○ m"))
        #expect(picture.contains("'s lineage (best)  ░ all 4 members"))
        #expect(!picture.contains("◆ m"))
        #expect(picture.contains("learning rate of the best member's lineage"))
    }

    @Test func compareRunsRandomSearchWithTheSameBudget() throws {
        let (session, output) = try session()
        try session.execute(line: "pbt population=8 steps=300 compare")
        let text = output()
        #expect(text.contains("\npbt "))
        #expect(text.contains("\nrandom search "))
        #expect(text.contains(", fixed"))
        #expect(session.population?.settings.exploit == .truncation)
    }

    /// Ctrl-C during pbt keeps the generations done and says so.
    @Test func anInterruptedPbtKeepsTheGenerationsDone() throws {
        let (session, output) = try session()
        var polls = 0
        session.shouldStop = { polls += 1; return polls > 20 }
        try session.execute(line: "pbt population=8 steps=1000 interval=100")
        let text = output()
        #expect(unwrapped(text).contains("interrupted at step 200 of m4; the population is kept at step 200 (2 generations)"))
        #expect(session.population?.stepCount == 200)
    }

    @Test func theProgressLineReportsEachGenerationAndIsCleared() throws {
        let (session, _) = try session()
        var progress: [String] = []
        session.progress = { progress.append($0) }
        try session.execute(line: "pbt population=4 steps=300 interval=100")
        #expect(progress == ["pbt: step 100 of 300, generation 1", "pbt: step 200 of 300, generation 2",
                             "pbt: step 300 of 300, generation 3", ""])
    }

    @Test(arguments: [
        ("pbt epochs=3", "epochs= counts a model's epochs, and the focus is the formula"),
        ("pbt population=1", "at least 2 members"),
        ("pbt population=\(Limits.maximumPopulation + 1)", "from 1 to \(Limits.maximumPopulation)"),
        ("pbt population=100 steps=\(Limits.maximumPopulationBudget / 100 + 1)", "at most \(HelpText.grouped(Limits.maximumPopulationBudget)) steps in all"),
        ("pbt population=200 steps=10000 interval=1", "at most \(HelpText.grouped(Limits.maximumPopulationRecords)) member rows"),
        ("pbt evolve=noise", "no bounded range"),
        ("pbt evolve=lrr", "no option 'lrr'"),
        ("pbt quantile=2", "quantile must be a number from 0 to 1"),
        ("pbt perturb=0,1.2", "perturb= factors must be positive"),
        ("pbt exploit=sometimes", "exploit is one of truncation, off"),
        ("pbt step", "no population yet"),
        ("pbt lineage", "no population yet"),
        ("plot pbt", "no population yet"),
        ("save pbt x.json", "no population yet"),
        ("pbt stepp", "unexpected 'stepp'"),
    ])
    func badInputIsRefusedWithAReason(line: String, message: String) throws {
        let error = try error(of: line)
        #expect(error.message.contains(message), "\(line): \(error.message)")
    }

    /// On a model every option a formula's population evolves evolves too: each member trains
    /// with the momentum its record carries.
    @Test func onAModelMomentumEvolvesWithTheRate() throws {
        let session = Session(output: { _ in })
        try session.execute(line: "data moons n=100; model mlp hidden=4; opt momentum; pbt epochs=3 population=4 evolve=lr,momentum")
        let population = try #require(session.population)
        let last = try #require(population.generations.last)
        #expect(Set(last.members.map { $0.hyper[1] }).count > 1)
        for record in last.members {
            let trainer = try #require(population.members[record.id].trainer)
            #expect(trainer.run.configuration.values.number("lr") == record.hyper[0])
            #expect(trainer.run.configuration.values.number("momentum") == record.hyper[1])
        }
    }

    /// On a model, members are trainings: progress counts epochs, a generation's score is each
    /// member's validation loss after the epoch, and a copy is a whole training that then
    /// trains on its own (the source trains as it would alone).
    @Test func onAModelTheScoreIsTheValidationLossAndCopiesAreWholeTrainings() throws {
        var lines: [String] = []
        let session = Session(output: { lines.append($0) })
        try session.execute(line: "data moons n=100; model mlp hidden=4; opt adam; pbt epochs=3 population=4 lr=1e-3..1e-1")
        let text = lines.joined(separator: "\n")
        #expect(text.contains("4 members × 3 epochs, a generation every epoch"))
        #expect(unwrapped(text).contains("score: the validation loss, lower is better"))
        var population = try #require(session.population)
        #expect(population.progress == 3)
        #expect(population.generations.count == 4)
        let last = try #require(population.generations.last)
        for record in last.members where record.copiedFrom == nil {
            let trainer = try #require(population.members[record.id].trainer)
            #expect(trainer.epoch == 3)
            #expect(record.score == trainer.trace.last?.validationLoss)
        }
        let copied = try #require(last.members.first { $0.copiedFrom != nil })
        let source = try #require(copied.copiedFrom)
        #expect(population.members[copied.id].run.point == population.members[source].run.point)
        #expect(population.members[copied.id].run.learningRate == copied.hyper[0])
        var alone = try #require(population.members[source].trainer)
        alone.train(epochs: 1)
        population.advance()
        // The scores measured after the epoch, before this generation's exploit (which may
        // replace the source): the source's is the lone training's, the copy's differs.
        let next = try #require(population.generations.last)
        #expect(next.members[source].score == alone.trace.last?.validationLoss)
        #expect(next.members[copied.id].score != alone.trace.last?.validationLoss)
    }

    @Test(arguments: [
        ("data moons n=100; model logistic; pbt epochs=2 steps=10", "steps= counts a formula's steps, and the focus is the model"),
        ("data moons n=100; model logistic; pbt epochs=2 evolve=lr,eps", "eps"),
        ("data moons n=100; pbt epochs=2", "no model to train"),
        ("data moons n=100; model logistic; pbt epochs=\(Limits.maximumEpochs) population=2", "epochs in all"),
    ])
    func badModelPopulationsAreRefused(line: String, message: String) throws {
        let session = Session(output: { _ in })
        let error = try #require(throws: ShellError.self) { try session.execute(line: line) }
        #expect(error.message.contains(message), "\(line): \(error.message)")
    }

    @Test func helpShowsExamplesAndLimits() throws {
        let (session, output) = try session()
        try session.execute(line: "help pbt")
        let text = output()
        #expect(text.contains("pbt compare"))
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("at most \(Limits.maximumPopulation)"), "the population option's row")
        #expect(text.contains("members × steps"), "the work limit on the steps of all members")
        #expect(Completion.candidates(forLineBeforeCursor: "pbt l") == ["lineage", "lr="])
        #expect(Completion.candidates(forLineBeforeCursor: "plot pb") == ["pbt"])
    }
}
