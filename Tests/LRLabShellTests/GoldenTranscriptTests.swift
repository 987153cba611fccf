import Testing
import Foundation
@testable import LRLabShell

/// Each `Fixtures/NAME.lrlab` runs in a fresh session; what it prints must equal
/// `Fixtures/NAME.out`. To re-record deliberately: `LRLAB_RECORD=1 swift test --filter Golden`,
/// then review the diff like code.
@Suite struct GoldenTranscriptTests {
    static let scripts: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixturesDirectory)) ?? []
        return names.filter { $0.hasSuffix(".lrlab") }.sorted()
    }()

    /// A parameterized test over no arguments passes, so a moved or emptied fixture folder
    /// must fail here instead of silently checking nothing.
    @Test func fixtureFolderHoldsTranscripts() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: fixturesDirectory)
        #expect(names.contains { $0.hasSuffix(".lrlab") }, "no .lrlab fixtures in \(fixturesDirectory)")
        #expect(!Self.scripts.isEmpty)
    }

    @Test(arguments: scripts)
    func transcriptMatches(script: String) throws {
        let scriptPath = fixturesDirectory + "/" + script
        let expectedPath = String(scriptPath.dropLast(".lrlab".count)) + ".out"
        let source = try String(contentsOfFile: scriptPath, encoding: .utf8)
        let (text, _) = transcript(of: source, file: script)
        let actual = text + "\n"
        if ProcessInfo.processInfo.environment["LRLAB_RECORD"] != nil {
            try actual.write(toFile: expectedPath, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
        // Compared here and reported as a line diff: #expect on the two strings would print both whole.
        if actual != expected {
            Issue.record("transcript of \(script) changed; LRLAB_RECORD=1 re-records it\n\(lineDiff(expected: expected, actual: actual))")
        }
    }
}
