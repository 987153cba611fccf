import Testing
@testable import LRLabShell

/// Every example a help page shows works: the examples of each command's `details` (lines
/// indented by two spaces that start with a command's name) run in order in one session, as a
/// reader following the page would type them, each after the context its comment names
/// (`(with opt momentum)`, `after data moons; model mlp hidden=16`). An example fails when it
/// is refused or stops with an error; an `expect` example whose claim does not hold for the
/// session's function is not a failure of the example.
@Suite struct HelpExampleTests {
    /// One example: the command, and what its comment says to run first.
    struct Example: CustomStringConvertible {
        var page: String
        var line: String
        var context: String?
        var description: String { "help \(page): \(line)" + (context.map { "  (after \($0))" } ?? "") }
    }

    /// Commands whose examples read or write files, open lessons or leave the session: not
    /// run here (their own tests cover them).
    static let touchesFiles: Set<String> = ["load", "save", "lesson", "lessons", "quit", "history"]

    /// The examples of every help page, in page order.
    static var examples: [Example] {
        CommandRegistry.standard.all.flatMap { command -> [Example] in
            command.details.split(separator: "\n", omittingEmptySubsequences: false).compactMap { raw -> Example? in
                guard raw.hasPrefix("  "), !raw.hasPrefix("   ") else { return nil }
                let body = raw.dropFirst(2)
                // The example is the text before a gap of two spaces or more; the rest is its comment.
                let parts = body.split(separator: "  ", maxSplits: 1, omittingEmptySubsequences: true)
                let line = String(parts[0]).trimmingSpaces
                let comment = parts.count > 1 ? String(parts[1]).trimmingSpaces : ""
                guard let first = line.split(separator: " ").first.map(String.init), let named = CommandRegistry.standard.named(first.lowercased()) else { return nil }
                guard !touchesFiles.contains(named.name), !line.contains("load ") else { return nil }
                var context: String?
                var hint = comment.hasPrefix("(") && comment.hasSuffix(")") ? String(comment.dropFirst().dropLast()) : comment
                for lead in ["with ", "after "] where hint.hasPrefix(lead) {
                    hint.removeFirst(lead.count)
                    context = hint
                }
                return Example(page: command.name, line: line, context: context)
            }
        }
    }

    @Test func everyPageHasItsExamplesFound() {
        let pages = Set(HelpExampleTests.examples.map(\.page))
        #expect(pages.isSuperset(of: ["pbt", "train", "model", "data", "schedule", "fit"]), "\(pages.sorted())")
    }

    @Test(.timeLimit(.minutes(2)))
    func everyExampleInEveryHelpPageRuns() {
        var failures: [String] = []
        for (page, examples) in Dictionary(grouping: HelpExampleTests.examples, by: \.page).sorted(by: { $0.key < $1.key }) {
            var printed: [String] = []
            let session = Session(output: { printed.append($0) })
            session.errorOutput = { printed.append($0) }
            _ = session.runScript(text: "f(x) = (x - 3)^2; start x=0", file: "setup")
            for example in examples {
                if let context = example.context {
                    let outcome = session.runScript(text: context, file: "context")
                    if outcome.errors > 0 { failures.append("\(example): its context failed") }
                }
                printed = []
                let outcome = session.runScript(text: example.line, file: "example")
                if outcome.errors > 0 || outcome.wasInterrupted { failures.append("\(example)\n" + printed.suffix(6).joined(separator: "\n")) }
            }
            _ = page
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n\n"))")
    }
}

private extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
