import Testing
@testable import LRLabShell
import Foundation

@Suite struct ScriptRunnerTests {
    @Test func passingExpectationsSucceed() {
        let (_, outcome) = transcript(of: """
            # gradient descent on a parabola
            f(x) = (x - 3)^2
            start x=0
            opt gd lr=0.1
            run 200
            expect loss < 1e-12
            expect x ~ 3 tol=1e-6
            expect steps == 200
            expect not diverged
            """)
        #expect(outcome.succeeded)
        #expect(outcome.passedExpectations == 4)
    }

    @Test func aFailingExpectationIsReportedWithFileAndLineAndTheScriptGoesOn() {
        let (text, outcome) = transcript(of: """
            f(x) = (x - 3)^2; start x=0; opt gd lr=0.1
            run 5
            expect loss < 1e-6
            expect steps == 5
            """, file: "claims.lrlab")
        #expect(!outcome.succeeded)
        #expect(outcome.failedExpectations == 1)
        #expect(outcome.passedExpectations == 1)
        #expect(unwrapped(text).contains("claims.lrlab:3:8: expectation failed: loss < 1e-6 does not hold: loss = "))
    }

    @Test func anErrorStopsTheScript() {
        let (text, outcome) = transcript(of: """
            f(x) = x^2
            stpe 3
            say not reached
            """, file: "typo.lrlab")
        #expect(outcome.errors == 1)
        #expect(text.contains("typo.lrlab:2:1: error: unknown command 'stpe'"))
        #expect(text.contains("did you mean 'step'?"))
        #expect(!text.contains("not reached"))
    }

    @Test func divergenceIsAFactAScriptCanExpect() {
        let (text, outcome) = transcript(of: """
            f(x) = (x - 3)^2; start x=0; opt gd lr=1.5
            run 1000
            expect diverged
            """)
        #expect(outcome.succeeded)
        #expect(text.contains("diverged at step"))
    }

    @Test func sayPrintsTheRestOfTheLineVerbatim() {
        let (text, _) = transcript(of: "say Step #1; then step 2")
        #expect(text == "Step #1; then step 2")
    }

    @Test func statementsSplitOnSemicolonsAndCommentsEndTheLine() {
        let statements = Statement.split("f(x) = x^2; start x=1 # a comment; step")
        #expect(statements.map(\.text) == ["f(x) = x^2", " start x=1 "])
        #expect(statements[1].words.map(\.column) == [13, 19])
    }

    @Test func loadRefusesEndlessRecursion() throws {
        let path = "/tmp/lrlab-test-recursive-\(UInt32.random(in: 0...UInt32.max)).lrlab"
        var lines: [String] = []
        let session = Session(output: { lines.append($0) })
        let outcome = session.runScript(text: "load \(path)", file: path)
        #expect(!outcome.succeeded)
        #expect(lines.joined().contains("cannot open"))
    }

    @Test func absurdInputGetsErrorsNotCrashes() {
        let cases = [
            "f(x) = " + String(repeating: "(", count: 100_000) + "x",
            String(repeating: "x", count: 70_000),
            "f(x) = x^2; start x=1; step 1e30",
            "f(x) = x^2; start x=1; run -5",
            "f(x) = x^2; start x=1; run 9999999999999999999999",
            "f(x) = 1/x; start x=0",
            "f(x) = x; start x=1e308; opt gd lr=1e12; run 10",
            "f(x, y, z) = x",
            "f(x, x) = x",
            "start x=1",
            "step",
            "a = 1/0",
            "opt gd lr=-1",
            "opt gd lr=1e400",
            "expect banana > 3",
            "save trace",
            "load",
            "lesson 999",
        ]
        for line in cases {
            let (text, outcome) = transcript(of: line)
            #expect(!outcome.succeeded || text.contains("diverged"), "\(line.prefix(60)) -> \(text.prefix(200))")
        }
    }
}

@Suite struct ErrorRenderingTests {
    @Test func aTypoGetsAColumnACaretAndASuggestion() {
        let error = ShellError("unknown function 'sqr'", at: .init(column: 8, length: 3), hint: "did you mean 'sqrt'?")
        let text = DiagnosticRenderer().render(error, file: "lesson.lrlab", line: 3, text: "f(x) = sqr(x)")
        #expect(text == """
            lesson.lrlab:3:8: error: unknown function 'sqr'
                f(x) = sqr(x)
                       ^~~
                did you mean 'sqrt'?
            """)
    }

    /// A wide character takes two cells of the terminal, so the caret moves two for it.
    @Test func theCaretStaysUnderItsColumnAfterWideCharacters() {
        let error = ShellError("unknown function 'sqr'", at: .init(column: 8, length: 3))
        let text = DiagnosticRenderer().render(error, file: "l.lrlab", line: 1, text: "say 日本 sqr")
        #expect(text == """
            l.lrlab:1:8: error: unknown function 'sqr'
                say 日本 sqr
                         ^~~
            """)
    }

    @Test func atThePromptTheColumnIsSaidInWords() {
        let error = ShellError("unknown command 'stpe'", at: .init(column: 1, length: 4))
        let text = DiagnosticRenderer().render(error, file: nil, line: 1, text: "stpe")
        #expect(text.hasPrefix("error at column 1: unknown command 'stpe'\n    stpe\n    ^~~~"))
    }

    @Test func aMegabyteLineIsRefusedBeforeParsing() {
        var lines: [String] = []
        let session = Session(output: { lines.append($0) })
        let kind = session.executeReporting(line: "f(x) = " + String(repeating: "x+", count: 600_000) + "x")
        #expect(kind == .error)
        #expect(lines.joined().contains("line is too long: 1200008 bytes; the limit is 65536 bytes"))
    }
}

@Suite struct CompletionTests {
    @Test func completesCommandsPresetsOptimizersAndOptionKeys() {
        #expect(Completion.candidates(forLineBeforeCursor: "ste") == ["step"])
        #expect(Completion.candidates(forLineBeforeCursor: "use rosen") == ["rosenbrock"])
        #expect(Completion.candidates(forLineBeforeCursor: "opt g") == ["gd"])
        #expect(Completion.candidates(forLineBeforeCursor: "opt gd l") == ["lr="])
        #expect(Completion.candidates(forLineBeforeCursor: "f(x) = x^2; star") == ["start"])
        #expect(Completion.candidates(forLineBeforeCursor: "load less") == nil)
    }
}

@Suite struct ThinnedTraceExportTests {
    /// Past 100,000 rows the kept trace is thinned, but `save trace` replays the run and
    /// writes every step, ending exactly where the run is.
    @Test func savingAThinnedTraceWritesEveryStep() throws {
        let path = "/tmp/lrlab-thinned-\(UInt32.random(in: 0...UInt32.max)).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (text, outcome) = transcript(of: "f(x) = (x - 3)^2; start x=0; opt gd lr=0.00001; run 120000; save trace \(path)")
        #expect(outcome.succeeded, "\(text)")
        #expect(text.contains("wrote 120001 rows"))
        let csv = try String(contentsOfFile: path, encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 120_002)
        #expect(lines[120_000].hasPrefix("119999,"))
        // x_t = 3 - 3(1 - 2e-5)^t; the last row's x read back equals the run's final x.
        let finalX = Double(lines[120_001].split(separator: ",")[2]) ?? .nan
        let expected: Double = 3 - 3 * pow(1 - 2e-5, 120_000.0)
        #expect(Swift.abs(finalX - expected) < 1e-9)
    }
}

@Suite struct StepTableTests {
    @Test func repeatedStepsReadAsOneTable() {
        let (text, _) = transcript(of: "f(x) = x^2; start x=1\nstep\nstep 2\nshow\nstep")
        let headers = text.split(separator: "\n").filter { $0.hasPrefix(" step ") }
        #expect(headers.count == 2, "\(text)")
    }
}

@Suite struct LoadPathTests {
    /// `load NAME` inside a script finds NAME beside that script when it is not in the current folder.
    @Test func loadFindsAScriptBesideTheOneRunning() throws {
        let folder = "/tmp/lrlab-load-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "say inner ran\n".write(toFile: folder + "/inner.lrlab", atomically: true, encoding: .utf8)
        let (text, outcome) = transcript(of: "load inner.lrlab", file: folder + "/outer.lrlab")
        #expect(outcome.succeeded, "\(text)")
        #expect(text == "inner ran")
    }
}
