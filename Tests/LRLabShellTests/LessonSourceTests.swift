import Foundation
import Testing
@testable import LRLabShell

/// The course built into lrlab is lessons/, byte for byte, and every lesson runs clean from
/// anywhere, as a file and as `lesson N`.
@Suite struct LessonSourceTests {
    static let lessonsFolder = URL(fileURLWithPath: fixturesDirectory).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("lessons")

    static func lessonFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(atPath: lessonsFolder.path).filter { $0.hasSuffix(".lrlab") }.sorted()
            .map { lessonsFolder.appendingPathComponent($0) }
    }

    @Test func theBuiltInLessonsAreTheLessonsFolder() throws {
        let regenerate = "lessons/ and Sources/LRLabShell/Generated/BuiltInLessons.swift differ: run `make lessons` "
            + "(sh Sources/LRLabShell/Generated/generate-lessons.sh lessons > Sources/LRLabShell/Generated/BuiltInLessons.swift)"
        let files = try Self.lessonFiles()
        #expect(LessonSource.builtIn.map(\.name) == files.map { "lessons/" + $0.lastPathComponent }, "\(regenerate)")
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let builtIn = LessonSource.builtIn.first { $0.name == "lessons/" + file.lastPathComponent }
            let same = builtIn?.text == text
            #expect(same, "\(file.lastPathComponent): \(regenerate)")
        }
    }

    @Test func everyLessonParsesWithATitleAndSections() throws {
        for source in LessonSource.builtIn {
            let lesson = try Lesson.parse(source.text, file: source.name)
            #expect(!lesson.sections.isEmpty, "\(source.name)")
        }
    }

    /// Narration is written in lines of at most 80 characters: `say` prints each line as it
    /// is, so a longer one would wrap mid-sentence under a hanging indent.
    @Test func everyNarrationLineFits80Columns() {
        for source in LessonSource.builtIn {
            for (number, line) in source.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.hasPrefix("say ") && line.dropFirst(4).count > 80 {
                Issue.record("\(source.name):\(number + 1): \(line.dropFirst(4).count) characters")
            }
        }
    }

    /// Runs lrlab in a fresh folder outside the repository, without LRLAB_LESSONS, at 80 columns.
    func runOutside(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lrlab-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = EndToEndTests.executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["LRLAB_LESSONS"] = nil
        environment["LRLAB_HISTORY"] = "/dev/null"
        environment["XDG_STATE_HOME"] = folder.path
        environment["COLUMNS"] = "\(TerminalWidthTests.width)"
        process.environment = environment
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }

    /// Each lesson runs once, as `lesson N` from a folder outside the repository: it exits 0
    /// (every `check` and `expect` held, each task's solution ran) and every line it prints fits
    /// 80 columns. The built-in text is the file's (above), so this runs what `lrlab FILE` runs.
    @Test(arguments: LessonSource.builtIn.indices)
    func everyLessonRunsCleanAndFits(lesson index: Int) throws {
        let result = try runOutside(["-c", "lesson \(index + 1)"])
        let name = LessonSource.builtIn[index].name
        #expect(result.status == 0, "\(name): \(result.error)")
        #expect(!result.output.isEmpty, "\(name) printed nothing")
        let overWide = TerminalWidthTests.overWide(result.output)
        #expect(overWide.isEmpty, "\(name): \(overWide.joined(separator: "\n"))")
    }

    /// A lesson also runs as a file given to lrlab, from anywhere.
    @Test func aLessonFileRunsFromAFolderOutsideTheRepository() throws {
        let file = try #require(try Self.lessonFiles().first)
        let result = try runOutside([file.path])
        #expect(result.status == 0, "\(file.lastPathComponent): \(result.error)")
    }
}
