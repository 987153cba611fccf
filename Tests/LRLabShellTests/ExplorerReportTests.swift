import Foundation
@testable import LRLabText
import Testing
@testable import LRLab
@testable import LRLabShell

/// The explorer's commands (`step`, `run`, `state`, `reset`, `keep`, `schedule`, `save`, ...)
/// return their output as a report: its blocks and its saved picture are values a test reads
/// before any text is laid out. Numbers are checked against closed forms.
@Suite struct ExplorerReportTests {
    /// A session with `setup` run, and its printed output.
    func session(_ setup: String) throws -> (Session, () -> String) {
        final class Box { var lines: [String] = [] }
        let box = Box()
        let session = Session(output: { box.lines.append($0) })
        try session.execute(line: setup)
        box.lines = []
        return (session, { defer { box.lines = [] }; return box.lines.joined(separator: "\n") })
    }

    /// What the command of `line` reports in `session`, run through the registry.
    func report(_ session: Session, _ line: String) throws -> Report {
        let statement = try #require(Statement.split(line).first)
        return try session.commandRegistry.command(for: statement).run(session, statement)
    }

    /// Each block's kind, in order.
    func kinds(_ report: Report) -> [String] {
        report.blocks.map { block in
            switch block {
            case .prose: "prose"
            case .text: "text"
            case .table: "table"
            case .picture: "picture"
            }
        }
    }

    func text(_ block: Report.Block) -> String? {
        if case .text(let text) = block { return text }
        return nil
    }

    // x ← x − 0.25·2(x − 3) halves the distance to 3: x_k = 3 − 3·2^−k, loss_k = 9·4^−k.
    static let halving = "f(x) = (x - 3)^2; start x=0; opt gd lr=0.25"

    @Test func stepReportsOneTableOfTraceLines() throws {
        let (session, _) = try session(Self.halving)
        let report = try report(session, "step 3")
        #expect(kinds(report) == ["text"])
        let lines = try #require(text(report.blocks[0])).split(separator: "\n").map(String.init)
        #expect(lines.count == 4)  // the header, then one line per step
        #expect(lines[3].contains("2.625") && lines[3].contains("0.140625"))
        #expect(session.explorer.run?.point == [2.625])
        if case .unchanged = report.savedPicture {} else { Issue.record("step saved a picture") }
    }

    @Test func aStepRightAfterAStepContinuesItsTableAndAnythingBetweenStartsANewOne() throws {
        let (session, output) = try session(Self.halving)
        try session.execute(line: "step")
        let first = output()
        try session.execute(line: "step")
        let continued = output()
        try session.execute(line: "show; step")
        let afterShow = output().split(separator: "\n").map(String.init)
        #expect(first.split(separator: "\n").count == 2)
        #expect(!continued.contains("\n") && continued.contains("2.25"))
        let header = try #require(first.split(separator: "\n").first.map(String.init))
        #expect(afterShow.contains(header) && afterShow.last?.contains("2.625") == true)
    }

    @Test func stepTableContinuesOnlyFromTheStatementJustBeforeAtTheSameStep() {
        var table = StepTable()
        #expect(table.layout(continuingAt: 0, statement: 1) == nil)
        let layout = TraceFormat.Layout(widths: [4, 8], folded: false)
        table.end(at: 5, statement: 7, layout: layout)
        #expect(table.layout(continuingAt: 5, statement: 8) == layout)
        #expect(table.layout(continuingAt: 5, statement: 9) == nil)  // a statement ran between
        #expect(table.layout(continuingAt: 4, statement: 8) == nil)  // another run's table
        table.close()
        #expect(table.layout(continuingAt: 5, statement: 8) == nil)
        table.end(at: nil, statement: 9, layout: layout)  // the run ended
        #expect(table.layout(continuingAt: 5, statement: 10) == nil)
    }

    @Test func watchingA2DRunReportsItsMapThenItsSummaryAndSavesTheMap() throws {
        // x ← x − 0.25·2x halves each coordinate: (1, 1) reaches (2^−10, 2^−10) at step 10.
        let (session, _) = try session("f(x, y) = x^2 + y^2; start x=1 y=1; opt gd lr=0.25")
        let report = try report(session, "run 10 watch")
        #expect(kinds(report) == ["picture", "text"])
        guard case .picture(let shown) = report.blocks[0], let map = shown as? ContourMap else {
            Issue.record("no contour map"); return
        }
        let points = try #require(map.trajectories.first?.points)
        #expect(points.count == 11)
        #expect(points.last?.x == 0x1p-10 && points.last?.y == 0x1p-10)
        guard case .replaced(.contourMap(let saved)?) = report.savedPicture else {
            Issue.record("the map is not kept for save"); return
        }
        #expect(saved.trajectories.first?.points.count == 11)
    }

    @Test func watchingA1DRunDrawsTheCurveAndKeepsItForSave() throws {
        let (session, _) = try session(Self.halving)
        let report = try report(session, "run 10 watch")
        #expect(kinds(report) == ["picture", "text"])
        guard case .picture(let shown) = report.blocks[0], let plot = shown as? CurvePlot else {
            Issue.record("no curve"); return
        }
        #expect(plot.iterates.count == 11 && plot.iterates.last == 3 - 3 * 0x1p-10)
        // One chunk, as the tests of `run N watch` at a terminal compare it: the lines, then the summary.
        let summary = try #require(text(report.blocks[1])).split(separator: "\n").first { $0.hasPrefix("10 steps") }
        #expect(summary?.hasPrefix("10 steps (1..10): loss 9 → \(session.format(9 * 0x1p-20))") == true)
        // save FILE.svg writes what plot f saves: f sampled, and the iterates with f(x) = (x − 3)².
        guard case .replaced(.lineChart(let saved)?) = report.savedPicture else { Issue.record("no chart kept for save"); return }
        #expect(saved.series.map(\.label) == ["f", "iterates"])
        #expect(saved.series[1].x == plot.iterates && saved.series[1].y.last == 9 * 0x1p-20)
    }

    @Test func stateReportsAHeadingAndAPlainTableOfAdamsMoments() throws {
        // Step 1 from x = 0: g = 2(0 − 3) = −6, m = 0.1·g = −0.6, v = 0.001·g² = 0.036.
        let (session, _) = try session("f(x) = (x - 3)^2; start x=0; opt adam lr=0.1; step")
        let report = try report(session, "state")
        #expect(kinds(report) == ["text", "table"])
        #expect(text(report.blocks[0]) == "adam state after step 1")
        guard case .table(let table, let border) = report.blocks[1] else { return }
        #expect(border == .plain)
        #expect(table.rows.first?.prefix(2) == ["g", "-6"])
        #expect(table.rows.first { $0.first == "m" }?[1] == "-0.6")
        #expect(table.rows.first { $0.first == "v" }?[1] == "0.036")
    }

    @Test func resetKeepAndScheduleReportWhatTheyDid() throws {
        let (session, _) = try session(Self.halving + "; run 10")
        let kept = try report(session, "keep a = loss")
        #expect(kinds(kept) == ["text"])
        #expect(text(kept.blocks[0]) == "a = \(session.format(9 * 0x1p-20))   (loss at step 10)")
        #expect(session.explorer.names["a"] == 9 * 0x1p-20)
        let scheduled = try report(session, "schedule step 0.1 400:0.01")
        #expect(kinds(scheduled) == ["text", "prose"])  // the discarded run's note, then the schedule
        let reset = try report(session, "reset")
        #expect(text(reset.blocks[0]) == "back at the start: step 0, x = 0, loss = 9")
    }

    @Test func saveWritesTheSavedPictureAndReportsTheFile() throws {
        let path = NSTemporaryDirectory() + "lrlab-report-\(UUID().uuidString).svg"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (session, output) = try session("f(x, y) = x^2 + y^2; start x=1 y=1; opt gd lr=0.25")
        try session.execute(line: "run 10 watch")
        _ = output()
        let saved = try report(session, "save \(path)")
        #expect(kinds(saved) == ["text"] && text(saved.blocks[0]) == "wrote \(path)")
        guard case .contourMap(let map)? = session.lastPicture else { Issue.record("no map kept"); return }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Picture.contourMap(map).svg)
    }

    @Test func definitionsAndSettingsReportAsText() throws {
        let (session, _) = try session("")
        let defined = try report(session, "a = 2^10")
        #expect(text(defined.blocks[0]) == "a = 1024")
        let settings = try report(session, "set")
        #expect(text(settings.blocks[0])?.hasPrefix("digits=6 ") == true)
        #expect(try report(session, "set digits=4").isEmpty)
        #expect(session.digits == 4)
    }
}
