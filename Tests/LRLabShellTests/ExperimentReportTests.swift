import Testing
@testable import LRLab
@testable import LRLabShell
import LRLabText

/// `plot`, `compare`, `sweep`, `lrfind`, `verdict` and `lr` return their output as a Report:
/// the pictures, tables and sentences as values, read here before any text is drawn.
/// Gradient descent on f(x) = x² from x = 1 multiplies x by 1 − 2·lr each step, so with
/// lr = 0.25 the iterates are 1, 1/2, 1/4, 1/8 and the losses 1, 1/4, 1/16, 1/64.
@Suite struct ExperimentReportTests {
    /// A session set up by `lines`, then `command`'s report (not shown: the session prints nothing of it).
    func report(_ command: String, after lines: String,
                sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (Report, Session) {
        let session = Session(output: { _ in })
        for line in lines.split(separator: "\n") { try session.execute(line: String(line)) }
        let statement = try #require(Statement.split(command).first, sourceLocation: sourceLocation)
        let name = try #require(statement.words.first?.text, sourceLocation: sourceLocation)
        let found = try #require(session.commandRegistry.named(name), sourceLocation: sourceLocation)
        return (try found.run(session, statement), session)
    }

    let halving = "f(x) = x^2\nstart x=1\nopt gd lr=0.25\nstep 3"

    /// The picture a report saves for `save FILE.svg`, when it replaced the one before.
    func saved(_ report: Report) -> Picture?? {
        if case .replaced(let picture) = report.savedPicture { return .some(picture) }
        return nil
    }

    @Test func plotLossDrawsAndSavesTheLossPerStep() throws {
        let (report, _) = try report("plot loss", after: halving)
        #expect(report.blocks.count == 1)
        guard case .replaced(.lineChart(let chart)?) = report.savedPicture else {
            Issue.record("plot loss saves a line chart"); return
        }
        #expect(chart.series.count == 1)
        #expect(chart.series[0].y == [1, 0.25, 0.0625, 0.015625])
        #expect(chart.series[0].x == [0, 1, 2, 3])
        guard case .picture(let shown) = report.blocks[0] else { Issue.record("a picture block"); return }
        #expect(shown is Picture)
    }

    @Test func plotFunctionShowsTheCurveAndSavesTheIterates() throws {
        let (report, _) = try report("plot f", after: halving)
        guard case .picture(let shown) = report.blocks.first, let plot = shown as? CurvePlot else {
            Issue.record("plot f shows a CurvePlot"); return
        }
        #expect(plot.iterates == [1, 0.5, 0.25, 0.125])
        guard case .replaced(.lineChart(let chart)?) = report.savedPicture else {
            Issue.record("plot f saves a line chart"); return
        }
        let iterates = try #require(chart.series.first { $0.label == "iterates" })
        #expect(iterates.x == [1, 0.5, 0.25, 0.125])
        #expect(iterates.y == [1, 0.25, 0.0625, 0.015625])
    }

    @Test func plotPathMapsEveryStepOfA2DRun() throws {
        // x and y each multiplied by 1 − 2·0.25 = 1/2 per step.
        let (report, _) = try report("plot path", after: "f(x, y) = x^2 + y^2\nstart x=1 y=-2\nopt gd lr=0.25\nstep 2")
        guard case .replaced(.contourMap(let map)?) = report.savedPicture else {
            Issue.record("plot path saves a contour map"); return
        }
        let points = try #require(map.trajectories.first).points
        #expect(points.map { $0.x } == [1, 0.5, 0.25])
        #expect(points.map { $0.y } == [-2, -1, -0.5])
    }

    @Test func compareReportsATableAndTheLossesOfEachRate() throws {
        // lr = 0.5 lands on the minimum in one step; lr = 0.25 halves x each step.
        let (report, session) = try report("compare lr=0.25,0.5 steps=3", after: "f(x) = x^2\nstart x=1\nopt gd")
        #expect(report.blocks.count == 2)
        guard case .table(let table, let border) = report.blocks[0] else { Issue.record("a table first"); return }
        #expect(border == .box)
        #expect(table.rows.map { $0[0] } == ["gd lr=0.25", "gd lr=0.5"])
        #expect(table.rows[1][1] == "0")
        guard case .replaced(.lineChart(let chart)?) = report.savedPicture else {
            Issue.record("compare saves its loss chart"); return
        }
        #expect(chart.series.map { $0.label } == ["gd lr=0.25", "gd lr=0.5"])
        #expect(Array(chart.series[0].y.prefix(4)) == [1, 0.25, 0.0625, 0.015625])
        #expect(Array(chart.series[1].y.prefix(2)) == [1, 0])
        #expect(session.explorer.comparison?.results.count == 2)
    }

    @Test func sweepReportsItsStripWithTheCriticalRate() throws {
        // f'' = 2, so gradient descent diverges past 2/λ = 1; the grid is 10^(-2 + k/2).
        let (report, _) = try report("sweep lr=0.01..10 n=7 steps=100", after: "f(x) = x^2\nstart x=1")
        #expect(report.blocks.count == 4)
        guard case .text(let heading) = report.blocks[0], case .table = report.blocks[1],
              case .picture = report.blocks[2], case .prose(let sentences) = report.blocks[3] else {
            Issue.record("heading, table, strip, sentences"); return
        }
        #expect(heading.hasPrefix("sweep of gd over 7 rates, 100 steps each"))
        #expect(sentences.contains("smallest rate that diverged: 3.162"))
        guard case .replaced(.strip(let strip)?) = report.savedPicture else { Issue.record("sweep saves its strip"); return }
        #expect(strip.grid.count == 7)
        #expect(abs(strip.grid[0] - 0.01) < 1e-15 && abs(strip.grid[6] - 10) < 1e-12)
        #expect(strip.critical?.value == 1)
    }

    @Test func lrfindDrawsLossAgainstTheLogOfTheRate() throws {
        let (report, _) = try report("lrfind from=0.001 to=1 steps=4", after: "f(x) = x^2\nstart x=1")
        guard case .replaced(.lineChart(let chart)?) = report.savedPicture else { Issue.record("lrfind saves its chart"); return }
        #expect(chart.xLabel == "log10 lr")
        let x = try #require(chart.series.first?.x)
        // Four rates growing by the same factor from 10^-3 to 10^0: log10 -3, -2, -1, 0.
        #expect(x.count == 4)
        #expect(zip(x, [-3.0, -2, -1, 0]).allSatisfy { abs($0 - $1) < 1e-12 })
        guard case .prose = report.blocks.last else { Issue.record("sentences under the chart"); return }
    }

    @Test func verdictIsAFigureThatLeavesTheSavedPictureAlone() throws {
        // lr = 0.5 on a·x²/2 with a = 4: x is multiplied by 1 − 2 = −1, a swing that never shrinks.
        let (report, _) = try report("verdict", after: "f(x) = 4*x^2/2\nstart x=1\nopt gd lr=0.5\nrun 20")
        #expect(saved(report) == nil)
        guard case .picture(let shown) = report.blocks.first, let verdict = shown as? ShownVerdict else {
            Issue.record("verdict shows a ShownVerdict"); return
        }
        #expect(verdict.verdict.kind == Verdict.Kind.bouncing)
        #expect(verdict.render(in: ReportLayout()).hasPrefix("verdict: bouncing"))
    }

    @Test func learningRateSaysTheRateAndItsChangeAsProse() throws {
        let (shown, _) = try report("lr", after: halving)
        guard case .prose(let rate) = shown.blocks.first else { Issue.record("lr says prose"); return }
        #expect(rate == "lr 0.25")
        let (changed, session) = try report("lr 0.1", after: halving)
        guard case .prose(let change) = changed.blocks.first else { Issue.record("lr RATE says prose"); return }
        #expect(change == "lr 0.1 from step 4 on (was 0.25); the optimizer's state is kept")
        #expect(session.explorer.run?.learningRate == 0.1)
        #expect(saved(changed) == nil)
    }
}
