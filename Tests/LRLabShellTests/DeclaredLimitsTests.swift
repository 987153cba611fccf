import Testing
import LRLab
@testable import LRLabShell

/// Every option of every registered command that declares a limit: its parser accepts the
/// limit and refuses one past it with an error naming the limit, and `help COMMAND` and `help
/// limits` state the same limit on the option's row. The commands come from the registry, not
/// a hand-kept list.
@Suite struct DeclaredLimitsTests {
    struct Probe: CustomTestStringConvertible, Sendable {
        var command: String
        var option: CommandOption
        var limit: Int
        var testDescription: String { "\(command) \(option.subcommand.map { $0 + " " } ?? "")\(option.name)=" }
    }

    static var probes: [Probe] {
        CommandRegistry.standard.all.flatMap { command in
            command.options.compactMap { option -> Probe? in
                switch option.kind {
                case .count(_, let limit): return Probe(command: command.name, option: option, limit: limit)
                case .batch: return Probe(command: command.name, option: option, limit: Limits.maximumBatchRows)
                case .wholeNumbers(_, let range, _): return Probe(command: command.name, option: option, limit: range.upperBound)
                default: return nil
                }
            }
        }
    }

    func parse(_ probe: Probe, value: Int) throws(ShellError) {
        let word = Word(text: "\(probe.option.name)=\(value)", column: 1)
        let options = probe.option.subcommand.flatMap { CommandRegistry.standard.named(probe.command)?.options(of: $0) }
            ?? CommandRegistry.standard.named(probe.command)?.options(of: nil) ?? []
        _ = try CommandOptionValues([word], options: options, command: probe.command)
    }

    @Test func everyCommandWithCountsIsProbed() {
        let commands = Set(Self.probes.map(\.command))
        for name in ["train", "fit", "compare", "pbt", "sweep", "lrfind", "data", "model", "schedule", "plot"] {
            #expect(commands.contains(name), "\(name) declares no limited option")
        }
    }

    @Test(arguments: probes)
    func theLimitIsAcceptedAndOnePastIsRefused(probe: Probe) throws {
        try parse(probe, value: probe.limit)
        let error = try #require(throws: ShellError.self) { try parse(probe, value: probe.limit + 1) }
        let lowest: Int
        if case .wholeNumbers(_, let range, _) = probe.option.kind { lowest = range.lowerBound } else { lowest = 1 }
        #expect(error.message.contains("from \(lowest) to \(probe.limit)"), "\(error.message)")
        #expect(error.range != nil)
    }

    @Test(arguments: probes)
    func helpStatesTheSameLimit(probe: Probe) throws {
        var lines: [String] = []
        let session = Session(output: { lines.append($0) })
        session.terminalColumns = 1000
        try session.execute(line: "help \(probe.command)")
        let row = lines.joined(separator: "\n").split(separator: "\n").first { $0.hasPrefix("  \(probe.option.name)=") }
        #expect(row?.hasSuffix(Self.limitText(probe)) == true, "\(row ?? "no row")")
    }

    /// How help states the probe's limit: `at most 100,000`, `each 1 to 20, at most 20 of them`.
    static func limitText(_ probe: Probe) -> String {
        if case .wholeNumbers(_, let range, let count) = probe.option.kind {
            return "each \(HelpText.grouped(range.lowerBound)) to \(HelpText.grouped(probe.limit)), at most \(count) of them"
        }
        return "at most \(HelpText.grouped(probe.limit))"
    }

    @Test(arguments: probes)
    func helpLimitsHasTheSameLimitInItsTable(probe: Probe) throws {
        var lines: [String] = []
        let session = Session(output: { lines.append($0) })
        try session.execute(line: "help limits")
        let command = probe.command + (probe.option.subcommand.map { " " + $0 } ?? "")
        let rows = lines.joined(separator: "\n").split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        let row = "\(command) \(probe.option.name)=\(probe.option.valueSyntax) \(Self.limitText(probe))"
        #expect(rows.contains(row), "help limits has no row '\(row)'")
    }

    @Test func theOverviewSumsUpEveryCountedLimit() throws {
        var lines: [String] = []
        let session = Session(output: { lines.append($0) })
        try session.execute(line: "help all")
        let overview = lines.joined(separator: "\n").split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        for probe in Self.probes where probe.option.maximum != nil {
            #expect(overview.contains("\(probe.option.name)=\(HelpText.grouped(probe.limit))"), "\(probe.testDescription)")
        }
        #expect(overview.contains("fit degree") == false && overview.contains("fit epochs=\(HelpText.grouped(Limits.maximumEpochs))"))
    }
}
