import Testing
@testable import LRLab
@testable import LRLabShell
@testable import LRLabText

/// Every help page fits the session's 80 columns, broken at spaces: the overview, every
/// command of the registry, every optimizer, schedule and preset, formulas and limits.
@Suite struct HelpWidthTests {
    static var topics: [String] {
        [""] + CommandRegistry.standard.all.map(\.name) + OptimizerRegistry.standard.names + ScheduleKind.all.map(\.name)
            + Preset.all.map(\.name) + ["f", "limits"]
    }

    @Test(arguments: topics)
    func everyHelpPageFitsEightyColumns(topic: String) throws {
        var lines: [String] = []
        let session = Session(output: { lines.append($0) })
        #expect(session.terminalColumns == 80)
        try session.execute(line: "help " + topic)
        let text = lines.joined(separator: "\n")
        #expect(!text.isEmpty)
        for line in text.split(separator: "\n") {
            #expect(TextWrap.displayWidth(String(line)) <= 80, "help \(topic): \(line)")
        }
    }

    @Test func aWrappedOptionRowContinuesUnderItsMeaning() {
        let row = "  epochs=N  20  passes over the training rows, which is a long way of saying what an epoch is (at most 100,000)"
        let lines = TextWrap.wrapKeepingColumns(row, width: 60).split(separator: "\n").map(String.init)
        #expect(lines.count >= 2)
        #expect(lines[0].hasPrefix("  epochs=N  20  passes over"))
        for line in lines.dropFirst() {
            #expect(line.hasPrefix(String(repeating: " ", count: 16)) && line.dropFirst(16).first != " ")
        }
        #expect(lines.allSatisfy { $0.count <= 60 })
    }
}
