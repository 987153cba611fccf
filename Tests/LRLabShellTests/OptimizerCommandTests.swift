import Testing
import Foundation
import LRLab
@testable import LRLabShell

/// `schedule`, `explain`, `state` and `keep`, driven through the command language.
@Suite struct OptimizerCommandTests {
    /// A session that collects what it prints, with the lines already executed.
    private func session(_ lines: [String]) throws -> (Session, () -> String) {
        final class Sink: @unchecked Sendable { var lines: [String] = [] }
        let sink = Sink()
        let session = Session(output: { sink.lines.append($0) })
        for line in lines { try session.execute(line: line) }
        return (session, { sink.lines.joined(separator: "\n") })
    }

    /// The error a line raises (nil when it succeeds).
    private func error(of line: String, after setup: [String] = []) throws -> ShellError? {
        let (session, _) = try session(setup)
        do {
            try session.execute(line: line)
            return nil
        } catch {
            return error
        }
    }

    // MARK: - schedule

    @Test func scheduleIsParsedAndPrintedBack() throws {
        let (session, output) = try session(["schedule step 0.1 400:0.01 700:0.001"])
        #expect(session.schedule.description == "step 0.1 400:0.01 700:0.001")
        #expect(output().hasPrefix("schedule step 0.1 400:0.01 700:0.001\n"))
        #expect(output().contains("lr at step 1: 0.1, 400: 0.1, 401: 0.01, 700: 0.01, 701: 0.001"))
        #expect(output().contains("replace opt gd lr=0.1"))
    }

    @Test func scheduleAlonePrintsTheCurrentOneAndTheNextRate() throws {
        let (_, output) = try session(["f(x) = (x - 3)^2", "start x=0", "opt gd lr=0.5",
                                       "schedule step gamma=0.5 every=10", "step 12", "schedule"])
        let text = output()
        #expect(text.contains("schedule step gamma=0.5 every=10\n  lr at step 1: 0.5, 10: 0.5, 11: 0.25"))
        #expect(text.contains("from opt gd lr=0.5"))
        #expect(text.contains("the run is at step 12; step 13 will use lr = 0.25"))
    }

    @Test func settingAScheduleResetsTheRun() throws {
        let (session, _) = try session(["f(x) = (x - 3)^2", "start x=0", "step 5", "schedule exp gamma=0.9"])
        #expect(session.explorer.run == nil)
        #expect(session.schedule is ExponentialSchedule)
        try session.execute(line: "schedule constant")
        #expect(session.schedule is ConstantSchedule)
    }

    @Test func warmupWithAnInnerScheduleReadsBack() throws {
        let (session, _) = try session(["schedule warmup steps=10 then cosine steps=100 min=0.001"])
        #expect(session.schedule.description == "warmup steps=10 then cosine steps=100 min=0.001")
    }

    @Test func lrColumnFollowsTheScheduleAtItsBoundaries() throws {
        let (session, output) = try session(["f(x) = (x - 3)^2", "start x=0", "opt gd lr=0.1",
                                             "schedule step 0.1 400:0.01 700:0.001", "run 701", "trace last 3"])
        let trace = try #require(session.explorer.run).trace
        #expect(trace.learningRates[400] == 0.1)
        #expect(trace.learningRates[401] == 0.01)
        #expect(trace.learningRates[700] == 0.01)
        #expect(trace.learningRates[701] == 0.001)
        #expect(trace.notes[401].contains(.rateChanged))
        #expect(!trace.notes[400].contains(.rateChanged))
        let lines = output().split(separator: "\n")
        let row700 = try #require(lines.first { $0.hasPrefix("  700 ") })
        let row701 = try #require(lines.first { $0.hasPrefix("  701 ") })
        #expect(row700.split(separator: " ")[1] == "0.01")
        #expect(row701.split(separator: " ")[1] == "0.001")
    }

    @Test func badSchedulesPointAtTheOffendingWord() throws {
        let unknown = try #require(try error(of: "schedule cosinee steps=3"))
        #expect(unknown.message == "unknown schedule 'cosinee'")
        #expect(unknown.range == SourceRange(column: 10, length: 7))
        #expect(unknown.hint == "did you mean 'cosine'?")

        let option = try #require(try error(of: "schedule cosine stesp=4"))
        #expect(option.range == SourceRange(column: 17, length: 7))
        #expect(option.hint == "did you mean 'steps'?")

        let order = try #require(try error(of: "schedule step 0.1 400:0.01 300:0.001"))
        #expect(order.range == SourceRange(column: 28, length: 9))

        let rate = try #require(try error(of: "schedule step 0.1 400:abc"))
        #expect(rate.range == SourceRange(column: 19, length: 7))
        #expect(rate.hint?.contains("a rate is a number") == true)

        let nested = try #require(try error(of: "schedule warmup steps=3 then warmup"))
        #expect(nested.range == SourceRange(column: 30, length: 6))

        let missing = try #require(try error(of: "schedule step gamma=0.5"))
        #expect(missing.range == SourceRange(column: 10, length: 4))
        #expect(missing.hint?.contains("every=100") == true)

        let table = try #require(try error(of: "schedule table foo=3"))
        #expect(table.range == SourceRange(column: 16, length: 5))
    }

    @Test func aFailedScheduleKeepsTheOldOne() throws {
        let (session, _) = try session(["schedule exp gamma=0.9"])
        #expect(throws: ShellError.self) { try session.execute(line: "schedule exp gamma=x") }
        #expect(session.schedule.description == "exp gamma=0.9")
    }

    @Test func scheduleTableShowsTheBreakpoints() throws {
        let (_, output) = try session(["set unicode=off", "schedule step 0.1 400:0.01 700:0.001", "schedule table"])
        let text = output()
        #expect(text.contains("schedule step 0.1 400:0.01 700:0.001, base lr=0.1, steps 1..1000"))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix(" 401   0.01  0.1 -> 0.01") })
        #expect(lines.contains { $0.hasPrefix(" 701  0.001  0.01 -> 0.001") })
        #expect(lines.contains { $0.hasPrefix("1000  0.001") })
    }

    @Test func scheduleTableWithFewStepsListsEveryStep() throws {
        let (_, output) = try session(["schedule step gamma=0.5 every=2", "schedule table steps=5"])
        let rows = output().split(separator: "\n").compactMap { $0.split(separator: " ").first.flatMap { Int($0) } }
        #expect(rows == [1, 2, 3, 4, 5])
        #expect(output().contains("   3   0.05  0.1 → 0.05"))
    }

    @Test func scheduleChartDrawsTheRate() throws {
        let (session, _) = try session(["set unicode=off", "schedule step 0.1 400:0.01 700:0.001"])
        let chart = ScheduleReport.chart(session, steps: 1000).render(style: .ascii)
        #expect(chart.hasPrefix("learning rate: schedule step 0.1 400:0.01 700:0.001, base lr=0.1"))
        #expect(chart.contains("(log scale)"))
        #expect(chart.allSatisfy { $0.isASCII })
        let constant = ScheduleReport.chart(try self.session([]).0, steps: 50).render()
        #expect(constant.contains("lr"))
        // plot lr keeps its chart for save FILE.svg, as every other plot does.
        try session.execute(line: "plot lr steps=1000")
        guard case .lineChart(let saved) = session.lastPicture else { Issue.record("plot lr kept no chart"); return }
        #expect(saved.series.map(\.label) == ["lr"] && saved.series[0].y.first == 0.1)
        #expect(!constant.contains("log scale"))
    }

    // MARK: - explain

    @Test func explainNamesTheConvention() throws {
        let (_, output) = try session(["explain adam"])
        #expect(output().contains("convention: PyTorch (torch.optim)"))
        #expect(output().contains("With: opt adam lr=0.001"))
        let (_, optax) = try session(["explain rmsprop convention=optax"])
        #expect(optax().contains("convention: optax"))
        #expect(optax().contains("√(v_t + 1e-08)"))
        let (_, gd) = try session(["explain"])
        #expect(gd().hasPrefix("gd — plain gradient descent"))
        #expect(gd().contains("convention: plain gradient descent is the same"))
        #expect(gd().contains("In use now: opt gd lr=0.1"))
    }

    @Test func explainShowsZeilerBesideTheTutorialsAdadelta() throws {
        let (_, output) = try session(["explain adadelta convention=tutorial"])
        let text = output()
        #expect(text.contains("really RMSProp"))
        #expect(text.contains("Zeiler's Adadelta"))
        #expect(text.contains("E[Δ²]_t"))
    }

    @Test func explainUsesTheCurrentOptionsAndSchedule() throws {
        let (_, output) = try session(["opt adam lr=0.05 beta1=0.8", "schedule cosine steps=100", "explain"])
        #expect(output().contains("m_t = 0.8·m_{t-1} + 0.2·g_t"))
        #expect(output().contains("lr_t follows: schedule cosine steps=100 min=0"))
        let unknown = try #require(try error(of: "explain adma"))
        #expect(unknown.hint == "did you mean 'adam'?")
        let option = try #require(try error(of: "explain adam betta=3"))
        #expect(option.range == SourceRange(column: 14, length: 7))
    }

    // MARK: - state

    @Test func stateShowsAdamsMomentsAfterTheFirstStep() throws {
        let (_, output) = try session(["use ravine", "opt adam lr=0.05", "step 1", "state"])
        let lines = output().split(separator: "\n").map(String.init)
        #expect(lines.contains("adam state after step 1"))
        let mHat = try #require(lines.first { $0.hasPrefix("m_hat ") })
        #expect(mHat.split(separator: " ").prefix(3) == ["m_hat", "-8", "50"])
        let rate = try #require(lines.first { $0.hasPrefix("lr_eff ") })
        #expect(rate.split(separator: " ").prefix(3) == ["lr_eff", "0.00625", "0.001"])
    }

    @Test func gradientDescentKeepsNoState() throws {
        let (_, output) = try session(["f(x) = x^2", "start x=1", "step", "state"])
        #expect(output().contains("gd keeps no state"))
        let (_, noisy) = try session(["f(x) = x^2", "start x=1", "opt gd noise=1 seed=3", "step", "state"])
        #expect(noisy().contains("noise added to the last gradient"))
    }

    @Test func csvTraceHasTheStateColumnsOfAdam() throws {
        let path = NSTemporaryDirectory() + "lrlab-optimizer-\(ProcessInfo.processInfo.processIdentifier).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try session(["use ravine", "opt adam lr=0.05", "schedule step 2:0.01", "step 3", "save trace \(path)"])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let rows = text.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        #expect(rows.count == 5)
        #expect(rows[0] == ["step", "lr", "x", "y", "loss", "gx", "gy", "dx", "dy",
                            "m_x", "m_y", "v_x", "v_y", "m_hat_x", "m_hat_y", "v_hat_x", "v_hat_y",
                            "bc1_x", "bc1_y", "bc2_x", "bc2_y", "lr_eff_x", "lr_eff_y"])
        #expect(rows.map { $0[0] } == ["step", "0", "1", "2", "3"])
        #expect(rows[2][1] == "0.050000000000000003")
        #expect(rows[3][1] == "0.050000000000000003")
        #expect(rows[4][1] == "0.01")
        let bc1 = try #require(rows[0].firstIndex(of: "bc1_x"))
        #expect(Double(rows[2][bc1]).map { abs($0 - 0.1) < 1e-12 } == true)
    }

    // MARK: - keep

    @Test func keepStoresARunQuantity() throws {
        let (session, output) = try session(["f(x) = (x - 3)^2", "start x=0", "step 2",
                                             "keep before = loss", "keep where=x", "step 100", "expect loss < before / 100"])
        #expect(session.explorer.names["before"] == 3.6864)
        #expect(session.explorer.names["where"].map { abs($0 - 1.08) < 1e-12 } == true)
        #expect(output().contains("before = 3.6864   (loss at step 2)"))
    }

    @Test func keepRefusesBadNamesAndQuantities() throws {
        let setup = ["f(x) = (x - 3)^2", "start x=0"]
        let quantity = try #require(try error(of: "keep c = los", after: setup))
        #expect(quantity.range == SourceRange(column: 10, length: 3))
        #expect(quantity.hint == "did you mean 'loss'?")
        let shadow = try #require(try error(of: "keep loss = loss", after: setup))
        #expect(shadow.range == SourceRange(column: 6, length: 4))
        let command = try #require(try error(of: "keep step = loss", after: setup))
        #expect(command.message.contains("is a command"))
        let builtin = try #require(try error(of: "keep pi = loss", after: setup))
        #expect(builtin.message.contains("built in"))
        let noEquals = try #require(try error(of: "keep c", after: setup))
        #expect(noEquals.hint == "e.g. keep constant_loss = loss")
        let noRun = try #require(try error(of: "keep c = loss"))
        #expect(noRun.message == "no function to minimise yet")
    }

    // MARK: - help and completion

    @Test func helpScheduleListsEveryKind() throws {
        let (_, output) = try session(["help schedule"])
        let text = flattened(output())
        for kind in ScheduleKind.all {
            #expect(text.contains(flattened(kind.summary)))
            #expect(text.contains(flattened("schedule " + kind.usage)))
        }
        let (_, cosine) = try session(["help cosine"])
        #expect(cosine().hasPrefix("schedule cosine steps=N min=RATE"))
        let (_, opt) = try session(["help opt"])
        let optText = flattened(opt())
        for kind in OptimizerRegistry.standard.kinds { #expect(optText.contains(kind.summary)) }
    }

    @Test func completionOffersScheduleKindsAndOptions() {
        #expect(Completion.candidates(forLineBeforeCursor: "schedule ") == ScheduleKind.all.map(\.name) + ["table"])
        #expect(Completion.candidates(forLineBeforeCursor: "schedule c") == ["constant", "cosine"])
        #expect(Completion.candidates(forLineBeforeCursor: "schedule cosine ") == ["steps=", "min="])
        #expect(Completion.candidates(forLineBeforeCursor: "schedule cosine steps=10 ") == ["min="])
        #expect(Completion.candidates(forLineBeforeCursor: "schedule step ") == ["gamma=", "every="])
        #expect(Completion.candidates(forLineBeforeCursor: "schedule warmup steps=5 ") == ["then"])
        #expect(Completion.candidates(forLineBeforeCursor: "schedule warmup steps=5 then ")
                == ScheduleKind.all.map(\.name).filter { $0 != "warmup" })
        #expect(Completion.candidates(forLineBeforeCursor: "schedule warmup steps=5 then exp ") == ["gamma="])
        #expect(Completion.candidates(forLineBeforeCursor: "schedule table ") == ["steps="])
        #expect(Completion.candidates(forLineBeforeCursor: "explain ad") == ["adagrad", "adadelta", "adam", "adamw"])
        #expect(Completion.candidates(forLineBeforeCursor: "explain adadelta con") == ["convention="])
    }
}
