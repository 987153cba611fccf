import Testing
import LRLab
@testable import LRLabShell

/// Lines just under the 64 KiB limit built to make some step quadratic or worse. Two hung the
/// shell before they were found: 65,000 spaces before a command (the statement splitter
/// rescanned the spaces at every character, about 2 billion steps) and `compare` with 5,000
/// optimizers × 5,000 rates (25 million runs were set up before their count was checked).
@Suite struct LongLineTests {
    static func list(_ item: String, _ count: Int, separator: String) -> String {
        Array(repeating: item, count: count).joined(separator: separator)
    }

    static let lines: [(String, String?)] = [
        (String(repeating: " ", count: 65_000) + "run", "run needs a number of steps"),
        (String(repeating: "\t", count: 65_000) + "step", nil),
        (String(repeating: "\u{A0}", count: 30_000) + "step", nil),
        (String(repeating: " ;", count: 32_000), nil),
        ("compare opt=" + list("gd", 5000, separator: ",") + " lr=" + list("1", 5000, separator: ","),
         "compare runs at most \(Limits.maximumCompareRuns) configurations, not 25000000"),
        (String(repeating: "a", count: 65_000), "unknown command"),
        ("f(" + list("x", 30_000, separator: ",") + ") = x", "a loss takes one or two variables, not 30000"),
        ("start " + list("x=1", 16_000, separator: " "), "x is given twice"),
        ("opt gd " + list("lr=0.1", 9000, separator: " "), "option 'lr' is given twice"),
        ("schedule step 0.1 " + (1...6000).map { "\($0):0.1" }.joined(separator: " "), nil),
        ("expect loss < " + list("1", 20_000, separator: "+"), "formula is too large"),
        ("keep a = " + list("loss", 10_000, separator: "+"), "unknown quantity"),
        ("sweep " + list("n=3", 10_000, separator: " "), nil),
        ("help " + list("run", 10_000, separator: " "), nil),
        (String(repeating: "x", count: 30_000) + " = 1", nil),
        ("say " + String(repeating: "; # ", count: 16_000), nil),
    ]

    @Test(arguments: LongLineTests.lines)
    func isHandledQuickly(line: String, error phrase: String?) throws {
        #expect(line.utf8.count <= Limits.maximumLineBytes)
        let session = Session(output: { _ in })
        try session.execute(line: "f(x, y) = (x - 1)^2 + 10*(y + 2)^2; start x=0 y=0; opt gd lr=0.01")
        session.shouldStop = { true }  // set after the setup line: a stop request also drops the rest of a line
        let start = ContinuousClock.now
        if let phrase {
            let error = #expect(throws: ShellError.self) { try session.execute(line: line) }
            #expect(error?.message.contains(phrase) == true, "\(error?.message.prefix(200) ?? "")")
        } else {
            _ = session.executeReporting(line: line)
        }
        // Milliseconds in release; the bound leaves room for a loaded debug build.
        #expect(ContinuousClock.now - start < .seconds(3))
    }
}
