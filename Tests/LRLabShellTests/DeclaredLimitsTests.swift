import Testing
import LRLab
@testable import LRLabShell

/// Every option of every registered command that declares a limit: its parser accepts the
/// limit and refuses one past it with an error naming the limit, and `help COMMAND` states the
/// same limit on the option's row. The commands come from the registry, not a hand-kept list.
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
        #expect(error.message.contains("from 1 to \(probe.limit)"), "\(error.message)")
        #expect(error.range != nil)
    }

    @Test(arguments: probes)
    func helpStatesTheSameLimit(probe: Probe) throws {
        var lines: [String] = []
        let session = Session(output: { lines.append($0) })
        session.terminalColumns = 1000
        try session.execute(line: "help \(probe.command)")
        let row = lines.joined(separator: "\n").split(separator: "\n").first { $0.hasPrefix("  \(probe.option.name)=") }
        #expect(row?.hasSuffix("at most \(HelpText.grouped(probe.limit))") == true, "\(row ?? "no row")")
    }
}
