import Testing
@testable import LRLab
@testable import LRLabShell

/// Options declared once per command: help, completion and parsing all read `Command.options`.
@Suite struct CommandOptionTests {
    /// The commands whose options are declared, with the words that reach the options
    /// (`plot lr`, `schedule table`).
    static let declared: [(command: String, prefix: String)] = [
        ("compare", "compare"), ("sweep", "sweep"), ("lrfind", "lrfind"),
        ("plot", "plot lr"), ("schedule", "schedule table"), ("pbt", "pbt"),
    ]

    /// `help topic` unwrapped (a terminal wide enough for every row).
    func help(_ topic: String) throws -> String {
        var lines: [String] = []
        let session = Session(output: { lines.append($0) })
        session.terminalColumns = 1000
        try session.execute(line: "help " + topic)
        return lines.joined(separator: "\n")
    }

    /// The error `line` raises after a small setup; fails the test when it succeeds.
    func error(of line: String) throws -> ShellError {
        let session = Session(output: { _ in })
        try session.execute(line: "f(x) = (x - 3)^2; start x=0; opt gd lr=0.01")
        return try #require(throws: ShellError.self) { try session.execute(line: line) }
    }

    @Test(arguments: declared.map(\.command))
    func helpListsEveryDeclaredOption(name: String) throws {
        let command = try #require(CommandRegistry.standard.named(name))
        #expect(!command.options.isEmpty)
        let text = try help(name)
        for option in command.options {
            let row = text.split(separator: "\n").first { $0.hasPrefix("  \(option.name)=\(option.valueSyntax) ") }
            let line = try #require(row, "help \(name) has no row for \(option.name)=")
            #expect(line.contains(option.defaultText))
            #expect(line.hasSuffix(option.summary + (option.limitText.map { "; \($0)" } ?? "")))
        }
    }

    @Test func helpShowsDefaultsAndTheSubcommand() throws {
        #expect(try help("sweep").contains("n=N           25"))
        #expect(try help("lrfind").contains("from=RATE  1e-06"))
        #expect(try help("plot").contains("options of plot lr:"))
        #expect(try help("schedule").contains("options of schedule table:"))
    }

    @Test(arguments: declared)
    func completionOffersEveryOptionNotGiven(entry: (command: String, prefix: String)) throws {
        let command = try #require(CommandRegistry.standard.named(entry.command))
        let names = command.options.map { $0.name + "=" }
        let offered = try #require(Completion.candidates(forLineBeforeCursor: entry.prefix + " "))
        for name in names { #expect(offered.contains(name)) }
        let first = try #require(command.options.first)
        let afterFirst = try #require(Completion.candidates(forLineBeforeCursor: entry.prefix + " \(first.name)=1 "))
        #expect(!afterFirst.contains(first.name + "="))
        for name in names.dropFirst() { #expect(afterFirst.contains(name)) }
    }

    @Test func completionIsExactForCompareAndSweep() {
        #expect(Completion.candidates(forLineBeforeCursor: "compare ") == ["opt=", "lr=", "steps=", "epochs=", "batch=", "schedule="])
        #expect(Completion.candidates(forLineBeforeCursor: "compare opt=gd,adam s") == ["steps=", "schedule="])
        #expect(Completion.candidates(forLineBeforeCursor: "compare optimizer=gd ") == ["lr=", "steps=", "epochs=", "batch=", "schedule="])
        #expect(Completion.candidates(forLineBeforeCursor: "sweep lr=1e-3..1 ") == ["n=", "steps="])
        #expect(Completion.candidates(forLineBeforeCursor: "plot ") == ["loss", "f", "path", "lr", "pbt", "data", "fit", "log", "linear"])
    }

    /// A value that is a word completes inside `name=`: optimizer lists element by element
    /// (skipping those already listed), choices and on/off whole.
    @Test func completionOffersValuesAfterTheEqualsSign() {
        #expect(Set(Completion.candidates(forLineBeforeCursor: "compare opt=ad") ?? []) == ["opt=adam", "opt=adamw", "opt=adagrad", "opt=adadelta"])
        #expect(Completion.candidates(forLineBeforeCursor: "compare opt=gd,mom") == ["opt=gd,momentum"])
        #expect(Completion.candidates(forLineBeforeCursor: "compare opt=gd,g") == [])
        #expect(Completion.candidates(forLineBeforeCursor: "model mlp act=t") == ["act=tanh"])
        #expect(Completion.candidates(forLineBeforeCursor: "pbt exploit=") == ["exploit=truncation", "exploit=off"])
        #expect(Completion.candidates(forLineBeforeCursor: "compare steps=1") == [])
    }

    @Test(arguments: [("compare stps=10", "compare", "steps"), ("sweep lr=1e-3..1 nn=5", "sweep", "n"),
                      ("lrfind fro=1e-5", "lrfind", "from"), ("plot lr step=10", "plot lr", "steps"),
                      ("schedule table stesp=10", "schedule table", "steps")])
    func unknownOptionGetsDidYouMean(line: String, command: String, suggestion: String) throws {
        let error = try error(of: line)
        #expect(error.message.hasPrefix("unknown option"))
        #expect(error.message.hasSuffix("for \(command)"))
        #expect(error.hint == "did you mean '\(suggestion)'?")
    }

    @Test func unknownOptionWithNothingCloseListsTheOptions() throws {
        let error = try error(of: "lrfind bogus=1")
        #expect(error.message == "unknown option 'bogus' for lrfind")
        #expect(error.hint == "lrfind takes from=, to=, steps=")
    }

    @Test func errorsPointAtTheWordOrListItem() throws {
        let rate = try error(of: "compare lr=0.1,abc")
        #expect(rate.message == "'abc' is not a learning rate")
        #expect(rate.range == SourceRange(column: 16, length: 3))
        let optimizer = try error(of: "compare opt=gd,bogus")
        #expect(optimizer.range == SourceRange(column: 16, length: 5))
        let count = try error(of: "sweep n=\(Limits.maximumSweepRates + 1)")
        #expect(count.message == "n must be a whole number from 1 to \(Limits.maximumSweepRates), not \(Limits.maximumSweepRates + 1)")
        #expect(count.range == SourceRange(column: 7, length: 5))
        let twice = try error(of: "compare steps=10 steps=20")
        #expect(twice.message == "option 'steps' is given twice")
        #expect(twice.range == SourceRange(column: 18, length: 8))
    }

    @Test func parsedValuesAndDefaults() throws {
        let words = Statement.split("sweep lr=0.001..1 steps=40")[0].words.dropFirst()
        let values = try CommandOptionValues(words, options: ExperimentCommands.SweepOptions.all, command: "sweep")
        #expect(values[ExperimentCommands.SweepOptions.lr] == 0.001...1)
        #expect(values[ExperimentCommands.SweepOptions.steps] == 40)
        #expect(values[ExperimentCommands.SweepOptions.n] == 25)
        #expect(!values.isGiven(ExperimentCommands.SweepOptions.n))
        #expect(values.given(ExperimentCommands.SweepOptions.steps) == 40)
        #expect(values.given(ExperimentCommands.SweepOptions.n) == nil)
        let defaults = try CommandOptionValues([], options: ExperimentCommands.LRFindOptions.all, command: "lrfind")
        #expect(defaults[ExperimentCommands.LRFindOptions.from] == 1e-6)
        #expect(defaults[ExperimentCommands.LRFindOptions.to] == 10)
    }

    @Test func flagsAndChoices() throws {
        let log = CommandOption.flag("log", default: false, "log scale")
        let scale = CommandOption.choice("scale", default: "linear", choices: ["linear", "log"], "axis")
        let options = [log.option, scale.option]
        let on = try CommandOptionValues(Statement.split("x log scale=LOG")[0].words.dropFirst(), options: options, command: "x")
        #expect(on[log])
        #expect(on[scale] == "log")
        let off = try CommandOptionValues(Statement.split("x log=off")[0].words.dropFirst(), options: options, command: "x")
        #expect(!off[log])
        #expect(off[scale] == "linear")
        #expect(throws: ShellError.self) {
            try CommandOptionValues(Statement.split("x scale=cubic")[0].words.dropFirst(), options: options, command: "x")
        }
    }
}
