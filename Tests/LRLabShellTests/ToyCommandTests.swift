import LRLabText
import Testing
@testable import LRLab
@testable import LRLabShell

/// A command is its declaration plus one registry line: this toy, declared only here, gets
/// help (usage, options, defaults and limits), completion, limits and did-you-mean from the
/// shell with no other edit.
@Suite struct ToyCommandTests {
    static let times = CommandOption.count("times", default: 3, limit: 50, "how many times to say it")
    static let loud = CommandOption.flag("loud", default: false, "shout")
    static let seed = CommandOption.seed("seed of nothing at all")
    static let toyOptions = [times.option, loud.option, seed.option]

    static let toy = Command("echoes", usage: "echoes WORD [times=3] [loud] [seed=0]", summary: "say a word several times",
                             details: "A toy of the tests.", options: toyOptions) { session, statement throws(ShellError) in
        guard statement.words.count > 1 else { throw ShellError("echoes what?", at: statement.words[0].range) }
        let options = try CommandOptionValues(statement.words.dropFirst(2), options: toyOptions, command: "echoes")
        let word = options[loud] ? statement.words[1].text.uppercased() : statement.words[1].text
        return Report(text: Array(repeating: word, count: options[times]).joined(separator: " "))
    }

    func session() -> (Session, () -> String) {
        final class Box { var lines: [String] = [] }
        let box = Box()
        let session = Session(output: { box.lines.append($0) })
        session.commandRegistry.register(ToyCommandTests.toy, family: "Toys")
        return (session, { defer { box.lines = [] }; return box.lines.joined(separator: "\n") })
    }

    @Test func itRunsWithItsDeclaredDefaults() throws {
        let (session, output) = session()
        try session.execute(line: "echoes hi")
        #expect(output() == "hi hi hi")
        try session.execute(line: "echoes hi times=2 loud")
        #expect(output() == "HI HI")
    }

    @Test func helpListsItAndShowsItsOptionsWithLimits() throws {
        let (session, output) = session()
        try session.execute(line: "help")
        #expect(output().contains("  Toys                      echoes"))
        try session.execute(line: "help all")
        let overview = output()
        #expect(overview.contains("Toys:") && overview.contains("echoes       say a word several times"))
        try session.execute(line: "help echoes")
        let page = output()
        #expect(page.contains("usage: echoes WORD"))
        #expect(page.contains("times=N") && page.contains("how many times to say it; at most 50"))
        #expect(page.contains("loud=on|off"))
    }

    @Test func completionOffersItsNameAndOptions() {
        let registry = session().0.commandRegistry
        #expect(Completion.candidates(forLineBeforeCursor: "echo", commands: registry) == ["echoes"])
        #expect(Completion.candidates(forLineBeforeCursor: "echoes hi ", commands: registry) == ["times=", "loud=", "seed="])
    }

    @Test func itsLimitIsEnforcedAtTheLimitAndOnePast() throws {
        let (session, output) = session()
        try session.execute(line: "echoes a times=50")
        #expect(output().split(separator: " ").count == 50)
        let error = try #require(throws: ShellError.self) { try session.execute(line: "echoes a times=51") }
        #expect(error.message == "times must be a whole number from 1 to 50, not 51")
    }

    @Test func misspellingsGetDidYouMean() throws {
        let (session, _) = session()
        let command = try #require(throws: ShellError.self) { try session.execute(line: "echos hi") }
        #expect(command.hint?.contains("did you mean 'echoes'?") == true)
        let option = try #require(throws: ShellError.self) { try session.execute(line: "echoes hi tims=2") }
        #expect(option.hint == "did you mean 'times'?")
    }
}
