import Testing
import Foundation
@testable import LRLabShell

/// Lines are read with at most 64 KiB of one line held; longer ones are reported and skipped.
@Suite struct LineReaderTests {
    /// The lines a reader gives for `bytes` written to a file.
    func lines(of bytes: [UInt8], limit: Int = Limits.maximumLineBytes) throws -> [ScriptLine] {
        let path = NSTemporaryDirectory() + "lrlab-reader-\(UUID().uuidString)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let descriptor = open(path, O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        return Array(LineReader(fileDescriptor: descriptor, limit: limit))
    }

    @Test func readsLinesAndALastLineWithoutANewline() throws {
        #expect(try lines(of: Array("a\n\nb c\nlast".utf8)) == [.text("a"), .text(""), .text("b c"), .text("last")])
        #expect(try lines(of: []) == [])
    }

    @Test func aLineAtTheLimitIsKeptOneByteMoreIsNot() throws {
        let atLimit = [UInt8](repeating: UInt8(ascii: "x"), count: 10)
        #expect(try lines(of: atLimit + [10] + atLimit + [UInt8(ascii: "x"), 10, UInt8(ascii: "y")], limit: 10)
                == [.text(String(repeating: "x", count: 10)), .tooLong, .text("y")])
    }

    /// A line far past the limit and past the read buffer (200 KiB of NUL bytes) is reported once,
    /// then skipped up to its newline; the next line reads normally.
    @Test func aHugeLineIsReportedOnceAndSkipped() throws {
        let huge = [UInt8](repeating: 0, count: 200_000)
        #expect(try lines(of: Array("first\n".utf8) + huge + Array("\nnext\n".utf8)) == [.text("first"), .tooLong, .text("next")])
        #expect(try lines(of: huge) == [.tooLong])
    }

    @Test func invalidUTF8ReadsAsReplacementCharacters() throws {
        #expect(try lines(of: [0x66, 0xFF, 0xFE, 10]) == [.text("f\u{FFFD}\u{FFFD}")])
    }

    /// Piped input, a script file and -c all refuse an over-long line with FILE:LINE; the
    /// script stops there, as at any error.
    @Test func anOverLongLineIsAnErrorWithItsLineNumber() throws {
        let path = NSTemporaryDirectory() + "lrlab-long-\(UUID().uuidString).lrlab"
        let long = "say " + String(repeating: "x", count: 70_000)
        try "say one\n\(long)\nsay three\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var output: [String] = []
        let session = Session(output: { output.append($0) })
        session.terminalColumns = 1000  // the temporary path is long: this test reads the message whole
        let outcome = session.runScriptFile(path)
        #expect(outcome.errors == 1)
        #expect(output == ["one", "\(path):2: error: line is too long; the limit is 65536 bytes; it was not run\n"
                           + "    split it into several lines, or name parts of a formula: a = ..."])

        let (text, dashC) = transcript(of: "say one\n\(long)\nsay three", file: "-c")
        #expect(dashC.errors == 1)
        #expect(unwrapped(text).contains("-c:2: error: line is too long: 70004 bytes; the limit is 65536 bytes; it was not run"))
        #expect(!text.contains("three"))
    }
}
