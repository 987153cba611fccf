import Testing
import Foundation
@testable import LRLab
@testable import LRLabShell

/// `compare schedule=… lr=…` on a model: the schedule's breakpoints count epochs, as the
/// tutorial's annealing does, and the output says so.
@Suite struct CompareScheduleEpochTests {
    @Test func theRateChangesAtTheStatedEpochsNotSteps() throws {
        var printed: [String] = []
        let session = Session(output: { printed.append($0) })
        try session.execute(line: "data digits; model mlp hidden=8 seed=0; opt gd")
        printed.removeAll()
        try session.execute(line: "compare schedule=step:0.1,3:0.01,6:0.001 lr=0.1 epochs=8")
        let comparison = try #require(session.lab.comparison)
        #expect(comparison.results.map(\.label) == ["schedule", "gd lr=0.1"])
        let records = comparison.results[0].trace.records
        #expect(records.map(\.epoch) == Array(0...8))
        // 1,437 training rows in batches of 32: 45 updates an epoch.
        #expect(records[1].step == 45 && records[8].step == 360)
        // 0.1 for epochs 1…3, 0.01 for 4…6, then 0.001: counted in steps, the rate would
        // already be 0.001 in epoch 1 (its updates 1…45 pass 3 and 6).
        #expect(records.dropFirst().map(\.learningRate) == [0.1, 0.1, 0.1, 0.01, 0.01, 0.01, 0.001, 0.001])
        #expect(comparison.results[1].trace.records.dropFirst().allSatisfy { $0.learningRate == 0.1 })
        let text = printed.joined(separator: "\n")
        let unwrapped = text.replacingOccurrences(of: "\n  ", with: " ")
        #expect(unwrapped.contains("schedule = step 0.1 3:0.01 6:0.001: its breakpoints count epochs"))
        #expect(unwrapped.contains("(45 updates an epoch)"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }
}
