import Testing

/// The executable's own arguments (`CommandLineArguments`), through the built `lrlab`.
@Suite struct CommandLineTests {
    let lrlab = EndToEndTests()

    @Test func helpListsEveryOptionAndExitsZero() throws {
        for word in ["--help", "-h"] {
            let result = try lrlab.run([word])
            #expect(result.status == 0)
            #expect(result.output.hasPrefix("OVERVIEW: A terminal laboratory"))
            for option in ["<script>", "-c <commands>", "--ascii", "--no-color", "--interactive", "--version"] {
                #expect(result.output.contains(option), "help lacks \(option)")
            }
        }
    }

    @Test func versionPrintsTheVersion() throws {
        let result = try lrlab.run(["--version"])
        #expect(result.status == 0)
        #expect(result.output == "0.1.0\n")
    }

    @Test func usageErrorsExitWith64AndSayWhat() throws {
        let cases: [([String], String)] = [
            (["--bogus"], "Error: Unknown option '--bogus'"),
            (["-c"], "Error: Missing value for '-c <commands>'"),
            (["one.lrlab", "two.lrlab"], "Error: Unexpected argument 'two.lrlab'"),
        ]
        for (arguments, message) in cases {
            let result = try lrlab.run(arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.error.hasPrefix(message + "\nUsage: lrlab [<script>]"), "\(arguments): \(result.error)")
            #expect(result.output.isEmpty)
        }
    }

    @Test func repeatedAndAttachedDashCRunInOrder() throws {
        let result = try lrlab.run(["-c", "say one", "-c=say two", "-csay three", "--ascii", "--no-color"])
        #expect(result.status == 0)
        #expect(result.output == "one\ntwo\nthree\n")
    }

    @Test func aDashCValueMayStartWithADash() throws {
        let result = try lrlab.run(["-c", "-x", "--", "--not-an-option"])
        // `-x` is a command (an unknown one); the script after `--` is never reached.
        #expect(result.status == 1)
        #expect(result.error.contains("-c:1:1"))
    }
}
