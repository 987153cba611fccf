import Testing
import Foundation

/// Runs the built `lrlab` executable as a user would.
@Suite struct EndToEndTests {
    static var executable: URL {
        let testBinary = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        var directory = testBinary.deletingLastPathComponent()
        // The test bundle may sit inside `X.xctest/` or beside the products.
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent("lrlab")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return testBinary.deletingLastPathComponent().appendingPathComponent("lrlab")
    }

    func run(_ arguments: [String], input: String? = nil, environment extra: [String: String] = [:]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        let output = Pipe(), error = Pipe(), inputPipe = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = inputPipe
        var environment = ProcessInfo.processInfo.environment
        environment["LRLAB_HISTORY"] = "/dev/null"
        environment["COLUMNS"] = nil
        environment.merge(extra) { $1 }
        process.environment = environment
        try process.run()
        if let input { inputPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inputPipe.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }

    @Test func runsALineWithDashC() throws {
        let result = try run(["-c", "f(x) = x^2; start x=1; opt gd lr=0.1; step 3"])
        #expect(result.status == 0)
        #expect(result.output.contains("    3       0.1      1.28    -0.128     0.512  0.262144"))
    }

    @Test func runsAScriptFileAndFailsOnAFailedExpectation() throws {
        let path = NSTemporaryDirectory() + "lrlab-e2e-\(UUID().uuidString).lrlab"
        try "f(x) = (x - 3)^2\nstart x=0\nopt gd lr=0.1\nrun 10\nexpect loss < 1e-9\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try run([path])
        #expect(result.status == 1)
        #expect(unwrapped(result.error).contains("\(path):5:8: expectation failed: loss < 1e-9 does not hold"))
    }

    @Test func pipedCommandsRunWithoutAPrompt() throws {
        let result = try run([], input: "f(x) = x^2\nstart x=1\nstep\nquit\n")
        #expect(result.status == 0)
        #expect(!result.output.contains("lrlab>"))
        #expect(!result.output.contains("\u{1B}["))
        #expect(result.output.contains("0.8"))
    }

    @Test func savesATraceAsCSV() throws {
        let path = NSTemporaryDirectory() + "lrlab-e2e-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try run(["-c", "f(x, y) = x^2 + 10*y^2; start x=1 y=1; opt gd lr=0.01; run 3; save trace \(path)"])
        #expect(result.status == 0)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "step,lr,x,y,loss,gx,gy,dx,dy")
        #expect(lines.count == 5)
        #expect(lines[1] == "0,0,1,1,11,2,20,0,0")
        // Step 1: x = 1 - 0.01*2 = 0.98, y = 1 - 0.01*20 = 0.8, printed with %.17g.
        #expect(lines[2].hasPrefix("1,0.01,0.97999999999999998,0.80000000000000004,"))
    }

    /// Without a terminal or COLUMNS the width is 80; COLUMNS=132 gives a 2-D trace row room
    /// to stay on one line (the width the executable passes to the session).
    @Test func columnsSetsTheWidth() throws {
        let script = "use ravine; opt gd lr=0.035; step 2"
        let narrow = try run(["-c", script])
        #expect(narrow.status == 0)
        #expect(narrow.output.contains("        g=(-8, 50)  d=(0.28, -1.75)"), "\(narrow.output)")
        let wide = try run(["-c", script], environment: ["COLUMNS": "132"])
        #expect(wide.status == 0)
        #expect(wide.output.split(separator: "\n").contains { $0.hasPrefix("    1     0.035        -8        50      0.28     -1.75     -7.72     -0.75   43.8617") }, "\(wide.output)")
        #expect(!wide.output.contains("g=("))
    }
}
