import Testing
import Foundation
import LRLab
@testable import LRLabShell

/// `data load` of a file that takes a while: a progress line, and Ctrl-C while it reads or while
/// it waits for a FIFO to open, which stops it and says so.
@Suite struct DataLoadProgressTests {
    /// A file of `rows` rows of three columns, in a fresh folder.
    static func file(rows: Int) throws -> String {
        let path = try DataCommandTests.folder() + "/rows.csv"
        var text = "a,b,y\n"
        for row in 0..<rows { text += "\(row),\(Double(row) / 8),\(row % 3)\n" }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    final class Lines: @unchecked Sendable { var lines: [String] = [] }

    @Test func progressSaysTheBytesAndRowsReadAndIsClearedAtTheEnd() throws {
        let path = try Self.file(rows: 200_000)  // about 3.5 MB: four blocks
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let shown = Lines()
        let table = try CSVFile.read(path, reportedAs: "rows.csv", at: nil, progress: { shown.lines.append($0) }, progressDelay: .zero)
        #expect(table.rowCount == 200_000)
        let total = String(format: "%.1f", Double(size) / 1e6)
        #expect(shown.lines.first?.hasPrefix("data load: 1.0 MB of \(total) MB read, ") == true, "\(shown.lines)")
        #expect(shown.lines.count == 5 && shown.lines.last == "")
        #expect(shown.lines.dropLast().allSatisfy { $0.hasPrefix("data load: ") && $0.hasSuffix(" rows") && $0.count <= 80 })
    }

    @Test func aQuickLoadShowsNoProgress() throws {
        let path = try Self.file(rows: 100)
        let shown = Lines()
        let session = Session(output: { _ in })
        session.progress = { shown.lines.append($0) }
        try session.execute(line: "data load \(path)")
        #expect(session.lab.data?.training.rowCount == 80)
        #expect(shown.lines.isEmpty)
    }

    /// lrlab running `-c LINE`, its output and errors piped.
    static func start(_ line: String) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = EndToEndTests.executable
        process.arguments = ["-c", line]
        var environment = ProcessInfo.processInfo.environment
        environment["LRLAB_HISTORY"] = "/dev/null"
        process.environment = environment
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        return (process, output, error)
    }

    /// Ctrl-C while `data load` waits for a writer to open a FIFO: it says it was interrupted,
    /// not "Interrupted system call".
    @Test func ctrlCWhileWaitingOnAFIFOSaysInterrupted() throws {
        let path = try DataCommandTests.folder() + "/fifo.csv"
        #expect(mkfifo(path, 0o600) == 0)
        let (lrlab, output, error) = try Self.start("data moons; data load \(path)")
        Thread.sleep(forTimeInterval: 0.5)
        lrlab.interrupt()
        lrlab.waitUntilExit()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(unwrapped(printed).contains("fifo.csv'; no data set was loaded, the previous one is kept"), "\(printed)")
        #expect(!errors.contains("Interrupted system call"))
        #expect(lrlab.terminationStatus == 130)
    }

    /// Ctrl-C while rows keep arriving through a FIFO stops the reading within 0.2 s.
    @Test func ctrlCWhileReadingStopsWithinAFifthOfASecond() throws {
        let path = try DataCommandTests.folder() + "/stream.csv"
        #expect(mkfifo(path, 0o600) == 0)
        let (lrlab, output, _) = try Self.start("data moons; data load \(path)")
        let writer = try #require(FileHandle(forWritingAtPath: path))
        let rows = Data(("a,b,y\n" + String(repeating: "1.25,-3e-2,1\n", count: 10_000)).utf8)
        let body = Data(String(repeating: "1.25,-3e-2,1\n", count: 10_000).utf8)
        // Paced (10,000 rows every 20 ms), so that the rows stay far under the 1,000,000-row
        // limit however fast lrlab reads them.
        signal(SIGPIPE, SIG_IGN)
        try writer.write(contentsOf: rows)
        let deadline = Date().addingTimeInterval(0.5)
        while Date() < deadline, (try? writer.write(contentsOf: body)) != nil { Thread.sleep(forTimeInterval: 0.02) }
        let pressed = Date()
        lrlab.interrupt()
        // Keep the FIFO flowing, as a producer would, until lrlab has gone.
        while lrlab.isRunning, (try? writer.write(contentsOf: body)) != nil { Thread.sleep(forTimeInterval: 0.02) }
        lrlab.waitUntilExit()
        let seconds = Date().timeIntervalSince(pressed)
        try? writer.close()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(unwrapped(printed).contains("stream.csv'; no data set was loaded, the previous one is kept"), "\(printed)")
        #expect(lrlab.terminationStatus == 130)
        #expect(seconds < 0.2, "\(seconds) s after Ctrl-C")
    }
}
