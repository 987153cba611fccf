import Testing
import Foundation
@testable import LRLabShell

/// Text a user typed is echoed with control characters made visible, so an error message can
/// neither recolour nor clear the terminal, nor be cut short by a NUL; the caret stays under
/// the column it points at.
@Suite struct VisibleTextTests {
    @Test(arguments: [
        ("a\u{0}b", "a\\0b"),
        ("\u{1B}[2J", "\\x1b[2J"),
        ("bell\u{7}", "bell\\x07"),
        ("cr\rhere", "cr\\rhere"),
        ("tab\tnew\nline\u{7F}", "tab\\tnew\\nline\\x7f"),
        ("c1 \u{9B}31m", "c1 \\u{9b}31m"),
        ("bidi \u{202E}cba", "bidi \\u{202e}cba"),
        ("f\u{FFFD} é ∇ 🙂", "f\u{FFFD} é ∇ 🙂"),
    ])
    func controlCharactersAreShownVisibly(text: String, shown: String) {
        #expect(DiagnosticRenderer.visible(text) == shown)
    }

    @Test func theCaretStaysUnderItsColumnAfterEscapedCharacters() {
        // Column 5 is "sqr": after "a", ESC, "b" and a space.
        let error = ShellError("unknown function 'sqr'", at: .init(column: 5, length: 3))
        let text = DiagnosticRenderer().render(error, file: "t.lrlab", line: 1, text: "a\u{1B}b sqr")
        #expect(text == """
            t.lrlab:1:5: error: unknown function 'sqr'
                a\\x1bb sqr
                       ^~~
            """)
    }

    @Test func anUnderlinedControlCharacterIsUnderlinedWhole() {
        let error = ShellError("unexpected character", at: .init(column: 2, length: 1))
        let text = DiagnosticRenderer().render(error, file: nil, line: 1, text: "x\u{7}y")
        #expect(text.hasSuffix("    x\\x07y\n     ^~~~"))
    }

    /// An unknown command made of escape sequences, NUL, BEL and CR: the whole message arrives,
    /// with no raw control character in it.
    @Test func anUnknownCommandIsEchoedVisibly() {
        for (typed, shown) in [("foo\u{0}bar", "foo\\0bar"), ("\u{1B}[31mred\u{7}", "\\x1b[31mred\\x07"), ("a\u{8}b", "a\\x08b")] {
            var errors: [String] = []
            let session = Session(output: { _ in }, errorOutput: { errors.append($0) })
            session.executeReporting(line: typed + " 1", file: "-c", lineNumber: 1)
            let message = errors.joined()
            #expect(message.hasPrefix("-c:1:1: error: unknown command '\(shown)'\n    \(shown) 1\n    ^" + String(repeating: "~", count: shown.count - 1)))
            #expect(!message.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        }
    }

    /// Bytes that are not UTF-8, read from a script file, show as U+FFFD, one column each.
    @Test func invalidUTF8FromAFileShowsAsReplacementCharacters() throws {
        let path = NSTemporaryDirectory() + "lrlab-bytes-\(UUID().uuidString).lrlab"
        try Data([0x66, 0xFF, 0xFE, 0x1B, 0x20, 0x31, 0x0A]).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var errors: [String] = []
        let session = Session(output: { _ in }, errorOutput: { errors.append($0) })
        session.terminalColumns = 1000  // the temporary path is long: this test reads the message whole
        #expect(session.runScriptFile(path).errors == 1)
        #expect(errors.joined().hasPrefix("\(path):1:1: error: unknown command 'f\u{FFFD}\u{FFFD}\\x1b'\n    f\u{FFFD}\u{FFFD}\\x1b 1\n    ^~~~~~~\n"))
    }
}
