import Testing
import Foundation
import LRLab
@testable import LRLabShell

/// Every limit in `Limits`: `help` states it, the command accepts the limit itself and refuses
/// one past it with an error naming the limit.
@Suite struct LimitsTests {
    /// A session with a 1-D function ready, whose long work stops at once (as after Ctrl-C),
    /// so a command at its limit is accepted without running for minutes.
    func session(stopping: Bool = true) throws -> (Session, () -> String) {
        var lines: [String] = []
        let session = Session(output: { lines.append($0) })
        // Set up first: a stop request also drops the rest of a line (Ctrl-C).
        try session.execute(line: "f(x) = (x - 3)^2; start x=0; opt gd lr=0.01")
        session.shouldStop = { stopping }
        return (session, { lines.joined(separator: "\n") })
    }

    func help(_ topic: String) throws -> String {
        let (session, output) = try session()
        try session.execute(line: "help " + topic)
        return output()
    }

    @Test func theOverviewStatesEveryLimit() throws {
        let text = try help("all")
        for value in [Limits.maximumSteps, Limits.maximumPrintedSteps, Limits.maximumCompareRuns, Limits.maximumSweepRates,
                      Limits.maximumSweepSteps, Limits.maximumFinderSteps, Limits.maximumFormulaSize,
                      Limits.maximumFormulaNesting, Limits.maximumLineBytes] {
            #expect(text.contains(HelpText.grouped(value)), "help does not state \(value)")
        }
        #expect(text.contains("help limits"))
    }

    @Test func helpLimitsStatesEveryLimitWithItsReason() throws {
        let text = try help("limits")
        for value in [Limits.maximumLineBytes, Limits.maximumSteps, Limits.defaultUntilConvergedSteps, Limits.maximumPrintedSteps,
                      Limits.maximumCompareRuns, Limits.maximumSweepRates, Limits.maximumSweepSteps, Limits.maximumFinderSteps,
                      Limits.maximumScheduleHorizon, Limits.maximumFormulaSize, Limits.maximumFormulaNesting,
                      Limits.maximumDerivativeSize, Limits.maximumShownDerivativeSize, Limits.maximumScriptBytes,
                      Limits.maximumScriptDepth, Limits.maximumDataRows, Limits.maximumDataColumns, Limits.maximumDataCells,
                      Limits.maximumDataLineBytes] {
            #expect(text.contains(HelpText.grouped(value)), "help limits does not state \(value)")
        }
        #expect(text.contains("keeps and smooths every step's loss"))
    }

    @Test(arguments: [
        ("run", [Limits.maximumSteps, Limits.defaultUntilConvergedSteps]),
        ("step", [Limits.maximumPrintedSteps]),
        ("compare", [Limits.maximumCompareRuns, Limits.maximumSteps]),
        ("sweep", [Limits.maximumSweepRates, Limits.maximumSweepSteps]),
        ("lrfind", [Limits.maximumFinderSteps]),
        ("schedule", [Limits.maximumScheduleHorizon]),
        ("plot", [Limits.maximumScheduleHorizon]),
        ("diff", [Limits.maximumShownDerivativeSize, Limits.maximumDerivativeSize]),
        ("f", [Limits.maximumFormulaSize, Limits.maximumFormulaNesting, Limits.maximumDerivativeSize]),
        ("data", [Limits.maximumDataRows, Limits.maximumDataColumns, Limits.maximumDataCells, Limits.maximumDataLineBytes]),
    ])
    func helpForACommandStatesItsLimits(command: String, values: [Int]) throws {
        let text = try help(command)
        for value in values {
            #expect(text.contains(HelpText.grouped(value)), "help \(command) does not state \(value)")
        }
    }

    /// Commands that run the optimizer share one step limit.
    @Test func runAndCompareShareOneStepLimit() throws {
        for line in ["run \(Limits.maximumSteps + 1)", "run until converged max=\(Limits.maximumSteps + 1)",
                     "compare steps=\(Limits.maximumSteps + 1)"] {
            let (session, _) = try session()
            let error = #expect(throws: ShellError.self) { try session.execute(line: line) }
            #expect(error?.message.contains("from 1 to \(Limits.maximumSteps)") == true, "\(line): \(error?.message ?? "")")
        }
    }

    /// Each count at its limit is accepted (the work stops at once, as after Ctrl-C) and one
    /// past it is refused with the limit in the message.
    @Test(arguments: [
        ("run %", Limits.maximumSteps),
        ("run until converged max=%", Limits.maximumSteps),
        ("step %", Limits.maximumPrintedSteps),
        ("compare lr=0.1 steps=%", Limits.maximumSteps),
        ("sweep lr=0.01..0.1 n=2 steps=%", Limits.maximumSweepSteps),
        ("sweep lr=0.01..0.1 n=% steps=1", Limits.maximumSweepRates),
        ("lrfind steps=%", Limits.maximumFinderSteps),
        ("schedule table steps=%", Limits.maximumScheduleHorizon),
        ("plot lr steps=%", Limits.maximumScheduleHorizon),
    ])
    func countsAreAcceptedAtTheLimitAndRefusedPastIt(template: String, limit: Int) throws {
        func line(_ value: Int) -> String {
            template.split(separator: "%", omittingEmptySubsequences: false).joined(separator: String(value))
        }
        let (session, _) = try session()
        try session.execute(line: line(limit))
        try session.execute(line: "reset")
        let error = #expect(throws: ShellError.self) { try session.execute(line: line(limit + 1)) }
        #expect(error?.message.contains("from 1 to \(limit), not") == true, "\(error?.message ?? "")")
    }

    @Test func compareRunsAtTheLimitAreAcceptedAndOneMoreRefused() throws {
        let rates = (1...Limits.maximumCompareRuns).map { "0.0\($0)" }
        let (session, _) = try session()
        try session.execute(line: "compare lr=\(rates.joined(separator: ",")) steps=5")
        let error = #expect(throws: ShellError.self) {
            try session.execute(line: "compare lr=\((rates + ["0.5"]).joined(separator: ",")) steps=5")
        }
        #expect(error?.message == "compare runs at most \(Limits.maximumCompareRuns) configurations, not \(Limits.maximumCompareRuns + 1)")
    }

    @Test func aLineAtTheLengthLimitIsAcceptedAndOneByteMoreRefused() throws {
        let (session, output) = try session()
        let line = "say " + String(repeating: "a", count: Limits.maximumLineBytes - 4)
        #expect(line.utf8.count == Limits.maximumLineBytes)
        try session.execute(line: line)
        #expect(output().hasSuffix("aaaa"))
        let error = #expect(throws: ShellError.self) { try session.execute(line: line + "a") }
        #expect(error?.message.contains("the limit is \(Limits.maximumLineBytes)") == true)
    }

    @Test func formulasAtTheSizeAndNestingLimitsAreAcceptedThroughTheShell() throws {
        let (session, output) = try session()
        let terms = (Limits.maximumFormulaSize + 1) / 2
        try session.execute(line: "f(x) = " + Array(repeating: "x", count: terms).joined(separator: " + "))
        try session.execute(line: "diff")
        #expect(output().contains("f'(x) = \(terms)"))
        let nested = String(repeating: "(", count: Limits.maximumFormulaNesting - 1) + "x" + String(repeating: ")", count: Limits.maximumFormulaNesting - 1)
        try session.execute(line: "f(x) = " + nested)
        let error = #expect(throws: ShellError.self) { try session.execute(line: "f(x) = (" + nested + ")") }
        #expect(error?.message.contains("more than \(Limits.maximumFormulaNesting) levels") == true)
    }

    @Test func aFlatSumOf250TermsIsAFunctionNotANestingError() throws {
        let (session, output) = try session(stopping: false)
        try session.execute(line: "f(x) = " + Array(repeating: "x^2", count: 250).joined(separator: " + ") + "; start x=1; opt gd lr=0.001; step")
        #expect(output().contains("f(x) = x^2 + x^2 + x^2"))
        #expect(output().contains("0.5"))  // x = 1 - 0.001 * 500
    }

    // MARK: - Derivative size

    @Test func diffOfALargeDerivativeSaysSoInsteadOfPrintingIt() throws {
        let (session, output) = try session(stopping: false)
        try session.execute(line: "f(x, y) = " + BadInputTests.nestedFormula(bytes: 400) + "; start x=0.5 y=0.5")
        let error = #expect(throws: ShellError.self) { try session.execute(line: "diff") }
        #expect(error?.message.contains("too large to show (more than \(Limits.maximumShownDerivativeSize) terms)") == true)
        #expect(error?.hint?.contains("curvature") == true)
        // The function itself works: a step and the curvature at the start.
        try session.execute(line: "step; curvature")
        #expect(output().contains("λ"))
    }

    /// The issue's case: `diff` of a 5 KB nested formula printed 227 MB in 62 s. Now every size
    /// of such a formula, up to 5 KB, is defined or refused and shown or refused quickly, and
    /// never prints more than a few kilobytes.
    @Test(arguments: [100, 200, 400, 800, 1600, 3200, 5000])
    func nestedFormulasOfEverySizeStayQuickAndSmall(bytes: Int) throws {
        var printed = 0
        let session = Session(output: { printed += $0.utf8.count })
        let start = ContinuousClock.now
        _ = session.executeReporting(line: "f(x, y) = " + BadInputTests.nestedFormula(bytes: bytes))
        _ = session.executeReporting(line: "diff")
        #expect(printed < 64 * 1024 + 2 * bytes)
        // Well under a second in release; the bound leaves room for a loaded debug build.
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test func theFiveKilobyteNestedFormulaIsRefusedNamingTheLimit() throws {
        let (session, _) = try session()
        let formula = BadInputTests.nestedFormula(bytes: 5000)
        #expect(formula.utf8.count >= 5000)
        let error = #expect(throws: ShellError.self) { try session.execute(line: "f(x, y) = " + formula) }
        #expect(error?.message.contains("is too large to differentiate") == true)
        #expect(error?.message.contains("more than \(Limits.maximumDerivativeSize) terms") == true)
    }

    /// A script file one byte past the limit is refused before a line of it runs (a sparse file:
    /// nothing is written but its length).
    @Test func aScriptPastTheSizeLimitIsRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lrlab-big-\(UUID().uuidString).lrlab").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("say first\n".utf8)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(truncate(path, off_t(Limits.maximumScriptBytes + 1)) == 0)
        let (session, output) = try session()
        let error = #expect(throws: ShellError.self) { try session.execute(line: "load \(path)") }
        #expect(error?.message.contains("is larger than 16 MiB, the limit for a script") == true, "\(error?.message ?? "")")
        #expect(!output().contains("first"))
    }
}
