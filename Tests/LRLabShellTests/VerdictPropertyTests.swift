import Testing
import LRLab
import LRLabText
@testable import LRLabShell

/// Every preset × every optimizer × a log grid of rates through `run until converged`: no crash,
/// and a verdict the trace bears out. `converged` means the final gradient norm is under the
/// run's tolerance; `diverging` means the run ended diverged or its loss grew past where it
/// started; a run that ended diverged is never called anything milder.
@Suite struct VerdictPropertyTests {
    static let rates = [1e-4, 1e-3, 1e-2, 0.1, 1, 10]
    /// Steps per run: enough to converge on the easy presets at good rates, small enough to keep
    /// the whole grid (7 presets × 6 optimizers × 6 rates) a few seconds in a debug build.
    static let maximumSteps = 2000

    @Test func theGridCoversWhatFunctionsLists() throws {
        var lines: [String] = []
        let session = Session(output: { lines.append($0) })
        try session.execute(line: "functions")
        for preset in Preset.all {
            #expect(lines.joined().contains(preset.name))
        }
    }

    @Test(arguments: Preset.all.map(\.name), OptimizerRegistry.standard.names)
    func verdictsAgreeWithTheTrace(preset: String, optimizer: String) throws {
        for rate in Self.rates {
            let session = Session(output: { _ in })
            try session.execute(line: "use \(preset); opt \(optimizer) lr=\(rate)")
            let start = try #require(session.start)
            let startLoss = try #require(session.objective).loss(at: start)
            // The run may end at an error only if the formula has no value where it went.
            _ = session.executeReporting(line: "run until converged max=\(Self.maximumSteps)")
            let run = try #require(session.run, "\(preset) \(optimizer) lr=\(rate): no run")
            let verdict = Diagnosis.verdict(for: run)
            let gradientNorm = EuclideanNorm.of(run.gradient)
            let label = "\(preset) \(optimizer) lr=\(rate): \(verdict.kind) (\(verdict.summary.text)), loss \(run.loss), |g| \(gradientNorm)"
            var endedDiverged = false
            if case .diverged? = run.ending { endedDiverged = true }
            switch verdict.kind {
            case .converged:
                #expect(gradientNorm < run.convergenceTolerance, "\(label)")
                #expect(run.ending == nil, "\(label)")
            case .diverging:
                #expect(endedDiverged || run.loss > startLoss || !run.loss.isFinite, "\(label)")
            default:
                break
            }
            if endedDiverged {
                #expect(verdict.kind == .diverging || verdict.kind == .undefined, "\(label)")
            }
        }
    }
}
