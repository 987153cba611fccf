import Testing
@testable import LRLabShell

/// Ctrl-C through the Session API: `shouldStop` flips to true after a number of polls, as the
/// executable's flag does after SIGINT, and stays true.
@Suite struct InterruptTests {
    /// A session set up by `setup` (no Ctrl-C), whose `shouldStop` then answers true from its
    /// `allowed + 1`th call on, with what it printed after the setup.
    final class Recorder {
        var output: [String] = []
        var errors: [String] = []
        var polls = 0
        var armed = false
        let session: Session

        init(stopAfter allowed: Int, setup: String = "f(x) = (x - 3)^2; start x=0; opt gd lr=1e-9") {
            session = Session(output: { _ in })
            session.shouldStop = { [unowned self] in
                guard self.armed else { return false }
                self.polls += 1
                return self.polls > allowed
            }
            session.executeReporting(line: setup)
            session.output = { [unowned self] in self.output.append($0) }
            session.errorOutput = { [unowned self] in self.errors.append($0) }
            armed = true
        }

        var text: String { output.joined(separator: "\n") }
    }

    @Test func anInterruptedRunSaysWhereItStoppedAndTheScriptStops() throws {
        let recorder = Recorder(stopAfter: 3)
        let outcome = recorder.session.runScript(text: """
            run 100000000
            expect loss < 0
            say not reached
            """, file: "long.lrlab")
        let run = try #require(recorder.session.explorer.run)
        #expect(run.stepCount > 0 && run.stepCount < 100_000_000)
        #expect(recorder.text.contains("interrupted at step \(run.stepCount); the trace is kept (\(run.stepCount) of 100000000 steps taken)"))
        #expect(outcome.wasInterrupted)
        #expect(!outcome.succeeded)
        #expect(outcome.failedExpectations == 0 && outcome.passedExpectations == 0)
        #expect(!recorder.text.contains("not reached"))
        #expect(recorder.errors == ["long.lrlab:1: interrupted; the rest of the script was not run"])
    }

    /// Statements after the interrupted one on the same line do not run either.
    @Test func theRestOfTheLineIsNotRunAfterAnInterrupt() throws {
        let recorder = Recorder(stopAfter: 3)
        let outcome = recorder.session.runScript(text: "run 100000000; expect loss < 0; say not reached",
                                                 file: "-c")
        #expect(outcome.wasInterrupted)
        #expect(outcome.failedExpectations == 0 && outcome.passedExpectations == 0)
        #expect(!recorder.text.contains("not reached"))
        #expect(recorder.errors == ["-c:1: interrupted; the rest of the script was not run"])
    }

    @Test func runUntilConvergedSaysInterruptedToo() throws {
        let recorder = Recorder(stopAfter: 2)
        let outcome = recorder.session.runScript(text: "run until converged max=100000000",
                                                 file: "-c")
        let run = try #require(recorder.session.explorer.run)
        #expect(recorder.text.contains("interrupted at step \(run.stepCount);"))
        #expect(outcome.wasInterrupted)
    }

    @Test func anInterruptedStepKeepsItsSteps() throws {
        let recorder = Recorder(stopAfter: 2)
        _ = recorder.session.runScript(text: "step 100000", file: "-c")
        let run = try #require(recorder.session.explorer.run)
        #expect(run.stepCount > 0 && run.stepCount < 100_000)
        #expect(recorder.text.hasSuffix("interrupted at step \(run.stepCount); the steps are kept (\(run.stepCount) of 100000 taken)"))
    }

    /// Polls: one by the script runner before the line, one before the first run, then one per
    /// 1024 steps after the first 1024: the 5th, at step 3072, is the first to say stop.
    @Test func anInterruptedCompareNamesTheRunItStoppedIn() {
        let recorder = Recorder(stopAfter: 4)
        _ = recorder.session.runScript(text: "compare lr=1e-9,1e-8 steps=1000000", file: "-c")
        #expect(unwrapped(recorder.text).contains("interrupted at step 3072 of gd lr=1e-09; the table shows the runs so far (1 of 2)"),
                "\(recorder.text.suffix(300))")
    }

    @Test func anInterruptedSweepNamesTheRateItStoppedAt() {
        let recorder = Recorder(stopAfter: 4)
        _ = recorder.session.runScript(text: "sweep lr=1e-9..1e-8 n=3 steps=1000000", file: "-c")
        #expect(unwrapped(recorder.text).contains("interrupted at step 3072 of the run at lr=1e-09; the table shows the rates so far (1 of 3)"),
                "\(recorder.text.suffix(300))")
    }

    /// Ctrl-C between lines (the flag set while nothing polled) stops the script before the next line.
    @Test func anInterruptBetweenLinesStopsTheScript() {
        let recorder = Recorder(stopAfter: 2)
        let outcome = recorder.session.runScript(text: "say one\nsay two\nsay three", file: "s.lrlab")
        #expect(recorder.output == ["one"])
        #expect(outcome.wasInterrupted)
        #expect(recorder.errors == ["s.lrlab:1: interrupted; the rest of the script was not run"])
    }

    @Test func anUninterruptedScriptIsNotMarked() {
        let recorder = Recorder(stopAfter: .max)
        let outcome = recorder.session.runScript(text: "run 3000", file: "s.lrlab")
        #expect(outcome.succeeded && !outcome.wasInterrupted)
        #expect(!recorder.text.contains("interrupted"))
    }
}
