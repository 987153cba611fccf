/// What `lrlab` was asked to do on its command line:
/// `lrlab [<script>] [-c <commands> ...] [--ascii] [--no-color] [--interactive]`, or
/// `--help` / `-h`, or `--version`.
///
/// Parsed by hand rather than with a reflection-based argument library: the executable's
/// start-up is part of every `lrlab -c ...` a script or a test runs, and that library's
/// parsing (and the Foundation it loads) was more than half of `lrlab -c quit`'s
/// instructions (`Benchmarks/JOURNAL.md`, process start).
struct CommandLineArguments: Equatable {
    /// What the words ask for.
    enum Request: Equatable {
        /// Run the script and commands (then maybe the prompt).
        case run
        /// Print `CommandLineArguments.help` and exit with status 0.
        case help
        /// Print `CommandLineArguments.version` and exit with status 0.
        case version
    }

    /// A command line lrlab does not accept. `message` is one line without the `Error: `
    /// prefix; lrlab prints it with the usage line and exits with status 64 (EX_USAGE).
    struct UsageError: Error, Equatable {
        let message: String
    }

    var request = Request.run
    /// The script file to run, if one was named.
    var script: String?
    /// Each `-c` value, in order (`;` separates commands inside one).
    var commands: [String] = []
    var ascii = false
    var noColor = false
    var interactive = false

    static let version = "0.1.0"

    static let usage = "lrlab [<script>] [-c <commands> ...] [--ascii] [--no-color] [--interactive]"

    /// `lrlab --help`.
    static let help = """
        OVERVIEW: A terminal laboratory for learning rates and optimizers.

        With no arguments at a terminal, lrlab starts an interactive prompt (type
        `help`). With a script, it runs that file; with -c, it runs the given commands;
        with commands piped on standard input, it runs them without a prompt. A script
        that reports an error or a failing `expect` makes lrlab exit with status 1;
        Ctrl-C stops a script (the rest is not run) with status 130. A failed write to
        standard output is reported and exits with status 1; a closed pipe ends lrlab
        with SIGPIPE (status 141), as it does other tools.

        USAGE: \(usage)

        ARGUMENTS:
          <script>                A script of lrlab commands to run.

        OPTIONS:
          -c <commands>           Commands to run (may be repeated; ';' separates
                                  commands).
          --ascii                 Draw pictures with ASCII characters only.
          --no-color              Never use colour.
          --interactive           After the script or commands, stay at the interactive
                                  prompt.
          --version               Show the version.
          -h, --help              Show help information.
        """

    /// Reads `words` (the arguments after the program's name). `-c` takes the next word as
    /// its value, even one that starts with `-`; `-c=VALUE` and `-cVALUE` are the same. After
    /// `--` every word is the script. `--help` or `--version` anywhere wins over the rest,
    /// as long as the words before it parse. Throws on an unknown option, a `-c` without a
    /// value, or a second script.
    init(_ words: [String]) throws(UsageError) {
        var index = 0
        var optionsEnded = false
        while index < words.count {
            let word = words[index]
            index += 1
            if optionsEnded || word == "-" || !word.hasPrefix("-") {
                guard script == nil else { throw UsageError(message: "Unexpected argument '\(word)'") }
                script = word
                continue
            }
            switch word {
            case "--": optionsEnded = true
            case "--ascii": ascii = true
            case "--no-color": noColor = true
            case "--interactive": interactive = true
            case "-h", "--help": request = .help; return
            case "--version": request = .version; return
            case "-c":
                guard index < words.count else { throw UsageError(message: "Missing value for '-c <commands>'") }
                commands.append(words[index])
                index += 1
            default:
                if word.hasPrefix("-c"), !word.hasPrefix("--") {
                    let value = word.dropFirst(2)
                    commands.append(String(value.hasPrefix("=") ? value.dropFirst() : value))
                } else {
                    throw UsageError(message: "Unknown option '\(word)'")
                }
            }
        }
    }
}
