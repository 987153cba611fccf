import LRLab
import Testing
@testable import LRLabShell

/// Every `run N` of every lesson that ends short of convergence: the verdict's estimate of the
/// steps still needed is within 2× of the steps the run really takes (continued on a copy), or
/// a "more than N" that holds; a run under gradient noise gives no count at all.
@Suite struct LessonEstimateTests {
    struct RunLine: CustomTestStringConvertible, Sendable {
        var lesson: String
        var number: Int
        var prefix: String
        var testDescription: String { "\(lesson):\(number)" }
    }

    static let runLines: [RunLine] = LessonSource.builtIn.flatMap { source -> [RunLine] in
        let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return lines.indices.compactMap { index -> RunLine? in
            let words = lines[index].split(separator: " ")
            guard words.count == 2, words[0] == "run", Int(words[1]) != nil else { return nil }
            return RunLine(lesson: source.name, number: index + 1, prefix: lines[...index].joined(separator: "\n"))
        }
    }

    @Test func theLessonsHaveRunsToCheck() {
        #expect(Self.runLines.count >= 10)
    }

    @Test(arguments: runLines)
    func theEstimateMeetsTheRun(_ line: RunLine) throws {
        let session = Session(output: { _ in })
        #expect(session.runScript(text: line.prefix, file: line.lesson).succeeded)
        var run = try #require(session.explorer.run)
        let verdict = Diagnosis.verdict(for: run)
        guard verdict.kind != .converged, run.ending == nil, let estimate = verdict.estimate else { return }
        #expect(run.configuration.gradientNoise == 0, "\(line.testDescription): a step count under noise: \(verdict.summary.text)")
        let more = run.run(1_000_000, untilConverged: true)
        guard run.hasConverged else {
            #expect(estimate.isLowerBound, "\(line.testDescription): estimated \(estimate.steps), not converged after \(more)")
            return
        }
        if estimate.isLowerBound {
            #expect(more > estimate.steps, "\(line.testDescription): more than \(estimate.steps), took \(more)")
        } else {
            let ratio = Double(max(estimate.steps, 1)) / Double(max(more, 1))
            #expect(ratio >= 0.5 && ratio <= 2, "\(line.testDescription): estimated \(estimate.steps), took \(more)")
        }
    }
}
