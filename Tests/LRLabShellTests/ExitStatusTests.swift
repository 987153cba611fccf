import Testing
import Foundation

/// The executable's exit status when Ctrl-C stops a script, when standard output cannot be
/// written, and when an input line never ends.
@Suite struct ExitStatusTests {
    func process(_ arguments: [String]) -> Process {
        let process = Process()
        process.executableURL = EndToEndTests.executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LRLAB_HISTORY"] = "/dev/null"
        process.environment = environment
        return process
    }

    /// lrlab reading piped standard input, its output discarded and its errors piped, started.
    func startReadingPipedInput() throws -> (lrlab: Process, input: Pipe, error: Pipe) {
        let lrlab = process([])
        let input = Pipe(), error = Pipe()
        lrlab.standardInput = input
        lrlab.standardOutput = FileHandle.nullDevice
        lrlab.standardError = error
        try lrlab.run()
        return (lrlab, input, error)
    }

    /// Reads `handle` until `marker` has arrived (or it ends); returns what was read.
    func read(_ handle: FileHandle, until marker: String) -> String {
        var text = ""
        while !text.contains(marker) {
            let data = handle.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        return text
    }

    /// SIGINT during a long `step` in piped input (it prints as it goes, so its first lines say
    /// it is running): it says where it stopped, the later lines (an `expect` among them) do
    /// not run, and the status is 130.
    @Test func ctrlCStopsAScriptWithStatus130() throws {
        let lrlab = process([])
        let input = Pipe(), output = Pipe(), error = Pipe()
        lrlab.standardInput = input
        lrlab.standardOutput = output
        lrlab.standardError = error
        try lrlab.run()
        input.fileHandleForWriting.write(Data("f(x) = (x - 3)^2; start x=0; opt gd lr=1e-9\nstep 100000\nexpect loss < 0\nsay after\n".utf8))
        _ = read(output.fileHandleForReading, until: "\n  255 ")
        lrlab.interrupt()
        try input.fileHandleForWriting.close()
        let rest = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        lrlab.waitUntilExit()
        #expect(lrlab.terminationReason == .exit)
        #expect(lrlab.terminationStatus == 130)
        #expect(rest.contains("interrupted at step "))
        #expect(!rest.contains("after"))
        #expect(errors == "<stdin>:2: interrupted; the rest of the script was not run\n")
    }

    /// SIGINT while lrlab waits for the next piped line also ends it with 130.
    @Test func ctrlCWhileWaitingForInputExits130() throws {
        let lrlab = process([])
        let input = Pipe(), output = Pipe()
        lrlab.standardInput = input
        lrlab.standardOutput = output
        lrlab.standardError = FileHandle.nullDevice
        try lrlab.run()
        input.fileHandleForWriting.write(Data("say waiting\n".utf8))
        _ = read(output.fileHandleForReading, until: "waiting")
        lrlab.interrupt()
        lrlab.waitUntilExit()
        try input.fileHandleForWriting.close()
        #expect(lrlab.terminationStatus == 130)
    }

    @Test func aFullDeviceIsReportedAndExitsNonZero() throws {
        let lrlab = process(["-c", "f(x)=x^2; start x=1; run 10"])
        let error = Pipe()
        lrlab.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        lrlab.standardError = error
        try lrlab.run()
        let errors = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        lrlab.waitUntilExit()
        #expect(lrlab.terminationStatus == 1)
        #expect(errors == "lrlab: cannot write to standard output: No space left on device\n")
    }

    /// A reader that goes away (`| head -c 10`) ends lrlab by SIGPIPE, quietly, as it ends `cat`.
    @Test func aClosedPipeEndsLrlabBySIGPIPE() throws {
        let lrlab = process(["-c", "f(x)=x^2; start x=1; opt gd lr=1e-9; step 100000"])
        let output = Pipe(), error = Pipe()
        lrlab.standardOutput = output
        lrlab.standardError = error
        try lrlab.run()
        _ = output.fileHandleForReading.readData(ofLength: 10)
        try output.fileHandleForReading.close()
        let errors = error.fileHandleForReading.readDataToEndOfFile()
        lrlab.waitUntilExit()
        #expect(lrlab.terminationReason == .uncaughtSignal)
        #expect(lrlab.terminationStatus == SIGPIPE)
        #expect(errors.isEmpty)
    }

    /// 1 MB of NUL bytes with no newline: refused as one over-long line, in little memory.
    @Test func aNeverEndingLineIsRefused() throws {
        let (lrlab, input, error) = try startReadingPipedInput()
        // lrlab stops reading at the limit: writing the rest fails (EPIPE), which must not end the tests.
        signal(SIGPIPE, SIG_IGN)
        DispatchQueue.global().async {
            try? input.fileHandleForWriting.write(contentsOf: Data(count: 1_000_000))
            try? input.fileHandleForWriting.close()
        }
        let errors = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        lrlab.waitUntilExit()
        #expect(lrlab.terminationStatus == 1)
        #expect(errors.hasPrefix("<stdin>:1: error: line is too long; the limit is 65536 bytes; it was not run\n"))
    }

    /// A NUL in an unknown command no longer cuts the message short.
    @Test func aNULDoesNotCutAnErrorMessage() throws {
        let (lrlab, input, error) = try startReadingPipedInput()
        input.fileHandleForWriting.write(Data("foo\u{0}bar\n".utf8))
        try input.fileHandleForWriting.close()
        let errors = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        lrlab.waitUntilExit()
        #expect(errors == "<stdin>:1:1: error: unknown command 'foo\\0bar'\n    foo\\0bar\n    ^~~~~~~~\n    type 'help' for the list of commands\n")
    }
}
