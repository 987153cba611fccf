import Testing
@testable import LRLabShell

/// The limits of the work are declared once with the commands they bound: each names a real
/// command, and that command's help shows it, wrapped within the session's width.
@Suite struct WorkLimitTests {
    @Test func everyLimitNamesRegisteredCommandsAndTheirHelpShowsIt() throws {
        let registry = CommandRegistry.standard
        for limit in WorkLimit.all {
            for name in limit.commands {
                #expect(registry.named(name) != nil || name == "=", "\(limit.subject) bounds \(name), which is no command")
                guard name != "=" else { continue }
                var lines: [String] = []
                let session = Session(output: { lines.append($0) })
                try session.execute(line: "help \(name)")
                let help = lines.joined(separator: "\n")
                #expect(help.contains("  " + limit.subject + " "), "help \(name) misses \(limit.subject)")
            }
        }
    }

    @Test func rowsWrapBesideTheirSubject() {
        let rows = WorkLimit.lines([WorkLimit(subject: "pbt", text: String(repeating: "word ", count: 30), commands: [])], width: 40)
        #expect(rows.count > 1)
        #expect(rows.allSatisfy { $0.count <= 40 })
        #expect(rows[0].hasPrefix("  pbt  word"))
        #expect(rows.dropFirst().allSatisfy { $0.hasPrefix("       word") })
    }
}
