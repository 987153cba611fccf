import Testing
import Foundation
@testable import LRLabShell

/// The prompt's history: sessions open at once append to one plain-text file and keep each
/// other's lines; libedit's format is read and converted.
@Suite struct HistoryFileTests {
    func temporaryPath() -> String {
        NSTemporaryDirectory() + "lrlab-history-\(UUID().uuidString)"
    }

    @Test func twoSessionsAtOnceKeepEachOthersLines() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "use rosenbrock\n".write(toFile: path, atomically: true, encoding: .utf8)
        let first = HistoryFile(path: path), second = HistoryFile(path: path)
        #expect(first.load() == ["use rosenbrock"])
        #expect(second.load() == ["use rosenbrock"])
        first.append("opt adam")
        second.append("run 10")
        first.append("plot loss")
        // The one that closes first loses nothing: there is nothing left to write at exit.
        #expect(HistoryFile(path: path).load() == ["use rosenbrock", "opt adam", "run 10", "plot loss"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "use rosenbrock\nopt adam\nrun 10\nplot loss\n")
    }

    @Test func libeditsFormatIsReadAndConvertedToPlainText() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "_HiStOrY_V2_\nuse\\040rosenbrock\nsay\\040a\\\\b\\011c\\^G\n".write(toFile: path, atomically: true, encoding: .utf8)
        let entries = HistoryFile(path: path).load()
        #expect(entries == ["use rosenbrock", "say a\\b\tc\u{7}"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "use rosenbrock\nsay a\\b\tc\u{7}\n")
    }

    @Test func aLongFileIsTrimmedToTheLastEntries() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try (1...25).map { "say \($0)\n" }.joined().write(toFile: path, atomically: true, encoding: .utf8)
        let history = HistoryFile(path: path, limit: 10)
        #expect(history.load() == (16...25).map { "say \($0)" })
        #expect(try String(contentsOfFile: path, encoding: .utf8) == (16...25).map { "say \($0)\n" }.joined())
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains("lrlab-tmp") && $0.contains(URL(fileURLWithPath: path).lastPathComponent) }.isEmpty)
    }

    @Test func blankEntriesAreNotKeptAndAMissingFileIsEmpty() {
        #expect(HistoryFile.line(for: "   ") == nil)
        #expect(HistoryFile.line(for: "a\nb") == nil)
        #expect(HistoryFile.line(for: "step 3") == "step 3")
        #expect(HistoryFile(path: "/nonexistent-lrlab/history").load() == [])
        #expect(!HistoryFile(path: "/nonexistent-lrlab/history").append("step"))
    }
}
