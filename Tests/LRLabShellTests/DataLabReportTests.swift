import Testing
import Foundation
import LRLabText
@testable import LRLab
@testable import LRLabShell

/// The data lab's commands return their reports as values: prose, tables and pictures, with
/// the numbers a hand calculation gives.
///
/// The data set of most tests is `line.csv`: x = −1, 1 and y = 0.5, 1.5 (values, not classes).
/// A linear model from zeros trained by full-batch gd at rate lr on MSELoss takes one step
/// w = −lr·∂L/∂w = lr·2·mean(xy) = lr, b = lr·2·mean(y) = 2·lr, so its errors are
/// (lr − 0.5, 3·lr − 1.5) and its loss 5·(lr − 0.5)²: 1.25 at the start, 0.3125 after a step at
/// lr = 0.25 (each step halves both errors, so 0.078125 after two) and 0.8 after a step at lr = 0.1.
@Suite struct DataLabReportTests {
    final class OutputBox: @unchecked Sendable { var chunks: [String] = [] }

    /// A session on `line.csv` (every row trains) with `model linear init=zeros`, and what it printed.
    func session() throws -> (Session, OutputBox) {
        let folder = NSTemporaryDirectory() + "lrlab-report-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "x,y\n-1,0.5\n1,1.5\n".write(toFile: folder + "/line.csv", atomically: true, encoding: .utf8)
        let box = OutputBox()
        let session = Session(output: { box.chunks.append($0) })
        try session.execute(line: "data load \(folder)/line.csv split=1; model linear init=zeros; opt gd lr=0.25")
        box.chunks = []
        return (session, box)
    }

    /// Runs `line` (one statement) through the registry's command and returns its report.
    func run(_ line: String, in session: Session) throws -> Report {
        let statement = try #require(Statement.split(line).first)
        return try session.commandRegistry.command(for: statement).run(session, statement)
    }

    func prose(_ report: Report) -> [String] {
        report.blocks.compactMap { if case .prose(let text) = $0 { text } else { nil } }
    }

    func lineChart(_ saved: Report.SavedPicture) -> LineChart? {
        if case .replaced(.lineChart(let chart)?) = saved { chart } else { nil }
    }

    @Test func dataDescribesTheRowsTargetAndSplit() throws {
        let (session, _) = try session()
        let report = try run("data", in: session)
        let text = try #require(prose(report).first)
        #expect(report.blocks.count == 1)
        #expect(text.hasPrefix("data line.csv: 2 rows, 1 feature (x)"))
        // min 0.5, max 1.5, mean (0.5 + 1.5) / 2 = 1.
        #expect(text.contains("  target    values from 0.5 to 1.5, mean 1\n"))
        #expect(text.contains("  split     2 training rows, 0 validation rows (split=1 seed=0)"))
        guard case .unchanged = report.savedPicture else { Issue.record("data saved a picture"); return }
    }

    @Test func modelDescribesItsParametersForTheData() throws {
        let (session, _) = try session()
        let report = try run("model linear init=zeros", in: session)
        let text = try #require(prose(report).first)
        // One weight per feature and a bias: 1 + 1 parameters.
        #expect(text.contains("  parameters 2 (layer1.weight 1×1, layer1.bias 1)"))
        #expect(text.contains("MSELoss"))
    }

    @Test func trainShowsItsHeaderFirstAndKeepsTheLiveChartForSave() throws {
        let (session, box) = try session()
        var frames = 0
        session.live = true
        session.progress = { _ in frames += 1 }
        let report = try run("train epochs=2 batch=full", in: session)
        // The header was shown before the epochs ran; the rest is returned.
        #expect(box.chunks.count == 1 && box.chunks[0].hasPrefix("training linear"))
        #expect(frames > 0)
        #expect(report.blocks.count == 1 && prose(report).count == 1)
        let chart = try #require(lineChart(report.savedPicture))
        let train = try #require(chart.series.first { $0.label == "train" })
        #expect(train.y == [1.25, 0.3125, 0.078125])
        #expect(train.x == [0, 1, 2])
    }

    @Test func trainWithoutLiveFramesLeavesTheSavedPicture() throws {
        let (session, _) = try session()
        let report = try run("train epochs=1 batch=full", in: session)
        guard case .unchanged = report.savedPicture else { Issue.record("train saved a picture"); return }
        #expect(prose(report).first?.contains("0.3125") == true)
    }

    @Test func compareOnTheModelTabulatesEachRateAndSavesTheLossChart() throws {
        let (session, _) = try session()
        let statement = try #require(Statement.split("compare opt=gd lr=0.25,0.1 epochs=1 batch=full").first)
        let options = try CommandOptionValues(statement.words.dropFirst(), options: ExperimentCommands.CompareOptions.all, command: "compare",
                                              registry: session.optimizerRegistry)
        let setup = try ModelTrainingSetup(session, at: statement.words[0])
        let report = try ExperimentCommands.compareModels(session, statement, options: options,
                                               entries: ExperimentCommands.compareEntries(session, options, statement), setup: setup)
        let kinds = report.blocks.map { block -> String in
            switch block {
            case .prose: "prose"
            case .text: "text"
            case .table: "table"
            case .picture: "picture"
            }
        }
        #expect(kinds == ["prose", "table", "prose", "picture"])
        guard case .table(let table, _) = report.blocks[1] else { return }
        #expect(table.columns.map(\.header) == ["run", "train loss", "val loss", "epochs"])
        #expect(table.rows.map { Array($0.dropFirst()) } == [["0.3125", "-", "1"], ["0.8", "-", "1"]])
        let chart = try #require(lineChart(report.savedPicture))
        #expect(chart.series.map(\.y) == [[1.25, 0.3125], [1.25, 0.8]])
    }

    @Test func fitTabulatesOneRowPerDegreeBetweenItsProse() throws {
        let (session, _) = try session()
        try session.execute(line: "data sine n=20 seed=1")
        let report = try run("fit degree=1,3 epochs=2", in: session)
        #expect(report.blocks.count == 3)
        guard case .table(let table, _) = report.blocks[1] else { Issue.record("no table"); return }
        #expect(table.rows.map(\.first) == ["1", "3"])
        // gap = validation − train, each as shown with 4 digits.
        for row in table.rows {
            let (train, validation, gap) = try (#require(Double(row[1])), #require(Double(row[2])), #require(Double(row[3])))
            #expect(abs(validation - train - gap) <= 1e-3 * Swift.max(1, abs(gap)))
        }
        #expect(prose(report).last?.hasSuffix("plot fit draws the curves over the points") == true)
    }

    @Test func plotPbtDrawsTheScoresSavedAndTheRatesBelowAnEmptyLine() throws {
        let session = Session(output: { _ in })
        try session.execute(line: "f(x) = x^2; start x=1; opt gd; pbt population=2 steps=4 interval=2 seed=1")
        let statement = try #require(Statement.split("plot pbt").first)
        let report = try PopulationCommands.plotPopulation(session, statement)
        #expect(report.blocks.count == 3)
        guard case .text("") = report.blocks[1], case .picture(let rates) = report.blocks[2] else {
            Issue.record("no empty line and rates chart"); return
        }
        #expect(rates is LineChart)
        let scores = try #require(lineChart(report.savedPicture))
        // Two members, scored at steps 0, 2 and 4.
        #expect(scores.series.count == 2)
        #expect(scores.series.allSatisfy { $0.y.count == 3 })
    }

    @Test func lessonTitleIsUnderlinedToItsLength() throws {
        let session = Session(output: { _ in })
        session.currentFile = "lesson.lrlab"
        let report = try run("title Steps", in: session)
        guard case .text(let text) = report.blocks.first else { Issue.record("no text"); return }
        #expect(text == "Steps\n─────")
    }
}
