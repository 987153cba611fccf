import Testing
@testable import LRLabShell

/// `help` fits one 80×30 screen and names every registered command; `help all` gives each
/// its summary.
@Suite struct HelpMapTests {
    func help(_ line: String) throws -> [String] {
        var chunks: [String] = []
        let session = Session(output: { chunks.append($0) })
        try session.execute(line: line)
        return chunks.joined(separator: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func theMapFitsOneScreenAndNamesEveryCommand() throws {
        let lines = try help("help")
        #expect(lines.count <= 28, "help is \(lines.count) lines: it scrolls off a 30-row terminal")
        #expect(lines.allSatisfy { $0.count <= 80 })
        let words = Set(lines.flatMap { $0.split(separator: " ").map(String.init) })
        for command in CommandRegistry.standard.all {
            #expect(words.contains(command.name), "help does not name \(command.name)")
        }
    }

    @Test func helpAllGivesEverySummary() throws {
        let text = try help("help all").joined(separator: "\n")
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for command in CommandRegistry.standard.all {
            let summary = command.summary.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(words.contains(command.name + " " + summary), "help all misses \(command.name)")
        }
    }
}
