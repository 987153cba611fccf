import Foundation
import Testing
@testable import LRLabShell

#if canImport(Glibc)
import Glibc
#endif

/// The C library's pty functions, which the Glibc module does not declare (they need
/// _XOPEN_SOURCE): looked up by name.
private enum PTY {
    static func function<T>(_ name: String, as type: T.Type) -> T {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { fatalError("no \(name) in the C library") }
        return unsafeBitCast(symbol, to: type)
    }
    static let openMaster = function("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
    static let grant = function("grantpt", as: (@convention(c) (Int32) -> Int32).self)
    static let unlock = function("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
    static let name = function("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
}

/// `lesson 1` taken in a pseudo-terminal, as a learner takes it: lrlab runs with its standard
/// input, output and error on the terminal side of a pty (so libedit and the guided mode are on),
/// and the test types lines into the other side and reads what comes back.
@Suite struct GuidedTerminalTests {
    /// The controlling side of a pty with lrlab on the other.
    final class Learner {
        let master: Int32
        let process = Process()
        private(set) var screen = ""
        private var bytes: [UInt8] = []

        init(environment extra: [String: String]) throws {
            master = PTY.openMaster(O_RDWR | O_NOCTTY)
            guard master >= 0, PTY.grant(master) == 0, PTY.unlock(master) == 0, let name = PTY.name(master) else {
                throw POSIXError(.ENODEV)
            }
            let terminal = open(String(cString: name), O_RDWR | O_NOCTTY)
            guard terminal >= 0 else { throw POSIXError(.ENODEV) }
            var size = winsize(ws_row: 40, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
            _ = ioctl(terminal, UInt(TIOCSWINSZ), &size)
            let handle = FileHandle(fileDescriptor: terminal, closeOnDealloc: true)
            process.executableURL = EndToEndTests.executable
            process.arguments = []
            process.standardInput = handle
            process.standardOutput = handle
            process.standardError = handle
            var environment = ProcessInfo.processInfo.environment
            environment["LRLAB_LESSONS"] = nil
            environment["COLUMNS"] = nil
            environment["LRLAB_HISTORY"] = "/dev/null"
            environment["NO_COLOR"] = "1"
            environment["TERM"] = "dumb"
            environment["LANG"] = "C.UTF-8"
            environment["LC_ALL"] = nil
            for (key, value) in extra { environment[key] = value }
            process.environment = environment
            try process.run()
            try handle.close()
        }

        deinit {
            if process.isRunning { process.terminate() }
            close(master)
        }

        /// Reads until the screen, from `offset` on, contains `marker`; false after `seconds`.
        @discardableResult
        func waitFor(_ marker: String, after offset: String.Index? = nil, seconds: Double = 60) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if screen[(offset ?? screen.startIndex)...].contains(marker) { return true }
                var pollDescriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
                guard poll(&pollDescriptor, 1, 100) >= 0 else { return false }
                if pollDescriptor.revents & Int16(POLLIN | POLLHUP) == 0 { continue }
                var buffer = [UInt8](repeating: 0, count: 4096)
                let count = read(master, &buffer, buffer.count)
                guard count > 0 else { return screen[(offset ?? screen.startIndex)...].contains(marker) }
                bytes += buffer[0..<count]
                screen = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r", with: "")
            }
            return false
        }

        /// Types a line; returns where what it prints starts on the screen.
        @discardableResult
        func type(_ line: String) -> String.Index {
            let mark = screen.endIndex
            let text = Array((line + "\r").utf8)
            _ = text.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
            return mark
        }

        /// What came after `mark`.
        func since(_ mark: String.Index) -> String { String(screen[mark...]) }
    }

    @Test(.timeLimit(.minutes(2)))
    func lessonOneWaitsHintsPassesTheTaskAndSavesProgress() throws {
        let source = try #require(LessonSource.builtIn.first)
        let lesson = try Lesson.parse(source.text, file: source.name)
        // The first task of lesson 1, and the section it is in (after at least one pause).
        let (taskSection, task) = try #require(lesson.sections.enumerated().lazy.compactMap { index, items in
            items.lazy.compactMap { item -> LessonTask? in if case .task(let task, _) = item { return task } else { return nil } }
                .first.map { (index, $0) }
        }.first)
        try #require(taskSection >= 1, "lesson 1 needs a pause before its first task")
        let hint = try #require(task.hint)
        let sections = lesson.sections.count

        let state = FileManager.default.temporaryDirectory.appendingPathComponent("lrlab-pty-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let learner = try Learner(environment: ["XDG_STATE_HOME": state.path])
        #expect(learner.waitFor("lrlab> "))

        // The first pause holds: the prompt shows the place, the next section is not shown.
        var mark = learner.type("lesson 1")
        #expect(learner.waitFor("lesson 1 · 1/\(sections) lrlab> ", after: mark), "\(learner.screen)")
        #expect(learner.since(mark).contains(lesson.title))
        #expect(learner.since(mark).contains("lrlab> "))
        let nextSectionText = lesson.sections[1].lazy.compactMap { item -> String? in
            if case .narration(let text) = item, !text.isEmpty { return text } else { return nil }
        }.first
        if let nextSectionText {
            #expect(!learner.waitFor(String(nextSectionText.prefix(20)), after: mark, seconds: 1))
        }

        // Enter goes on, section by section, to the task.
        for section in 1...taskSection {
            mark = learner.type("")
            let marker = section == taskSection ? "Task: " : "lesson 1 · \(section + 1)/\(sections) lrlab> "
            #expect(learner.waitFor(marker, after: mark), "\(learner.since(mark))")
        }
        #expect(learner.waitFor("lesson 1 · \(taskSection + 1)/\(sections) lrlab> ", after: mark))

        // Two tries that do not do the task, then the hint (a step is work the checks read;
        // a command that only prints or sets up, such as `show` or `opt`, would not be a try).
        mark = learner.type("opt gd lr=0.4; step 1")
        #expect(learner.waitFor("not yet:", after: mark))
        #expect(learner.waitFor("lrlab> ", after: mark))
        mark = learner.type("opt gd lr=0.4; step 1")
        #expect(learner.waitFor("Hint: ", after: mark), "\(learner.since(mark))")
        #expect(learner.waitFor(String(hint.prefix(20)), after: mark))

        // The reference answer, typed by the learner, passes the task.
        mark = learner.type(task.solutionText)
        #expect(learner.waitFor("✓ Task done", after: mark), "\(learner.since(mark))")
        #expect(learner.waitFor("lrlab> ", after: mark))

        // Progress is written, for the user only; lessons shows lesson 1 begun.
        let progressPath = state.path + "/lrlab/progress"
        let progress = try String(contentsOfFile: progressPath, encoding: .utf8)
        #expect(progress.contains(TextFile.name(of: source.name) + " at="))
        #expect(progress.contains(" tasks=0 "))
        let attributes = try FileManager.default.attributesOfItem(atPath: progressPath)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: state.path + "/lrlab")
        #expect((folder[.posixPermissions] as? Int) == 0o700)

        mark = learner.type("quit")
        #expect(learner.waitFor("Left lesson 1", after: mark))
        mark = learner.type("lessons")
        #expect(learner.waitFor("  1 ◐ ", after: mark), "\(learner.since(mark))")
        mark = learner.type("quit")
        learner.process.waitUntilExit()
        #expect(learner.process.terminationStatus == 0)
    }
}
