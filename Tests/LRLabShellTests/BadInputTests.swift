import Testing
import LRLab
@testable import LRLabShell

/// One thing a user might type that must be refused: the line (or raw bytes, read the way the
/// line reader reads them), the session it is typed into, and a phrase the error must contain.
struct BadInput: CustomTestStringConvertible, Sendable {
    enum Setup: Sendable {
        /// Nothing defined yet.
        case fresh
        /// `f(x) = (x - 3)^2; start x=0; opt gd lr=0.1`
        case oneD
        /// `f(x, y) = (x - 1)^2 + 10*(y + 2)^2; start x=0 y=0; opt gd lr=0.01`
        case twoD

        var line: String? {
            switch self {
            case .fresh: return nil
            case .oneD: return "f(x) = (x - 3)^2; start x=0; opt gd lr=0.1"
            case .twoD: return "f(x, y) = (x - 1)^2 + 10*(y + 2)^2; start x=0 y=0; opt gd lr=0.01"
            }
        }
    }

    var line: String
    var phrase: String
    var setup: Setup

    init(_ line: String, _ phrase: String, setup: Setup = .oneD) {
        self.line = line
        self.phrase = phrase
        self.setup = setup
    }

    /// Raw bytes, decoded as the line reader decodes them (invalid UTF-8 becomes U+FFFD).
    init(bytes: [UInt8], _ phrase: String, setup: Setup = .oneD) {
        self.init(String(decoding: bytes, as: UTF8.self), phrase, setup: setup)
    }

    var testDescription: String {
        var shown = ""
        for scalar in line.unicodeScalars.prefix(60) {
            shown += scalar.value < 0x20 || scalar.value == 0x7F ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }
        if line.unicodeScalars.count > 60 { shown += "… (\(line.utf8.count) bytes)" }
        return shown
    }
}

/// At least 150 bad inputs through the session: each is refused with an error that names the
/// problem, and the session goes on working after it.
@Suite struct BadInputTests {
    static let formulas: [BadInput] = [
        BadInput("f(x) = ", "expected a formula"),
        BadInput("f(x) = (x - 3", "missing ')'"),
        BadInput("f(x) = x - 3)", "unmatched ')'"),
        BadInput("f(x) = 2x", "expected an operator before 'x'"),
        BadInput("f(x) = x +", "formula ends where a number, name or '(' was expected"),
        BadInput("f(x) = * x", "unexpected '*'"),
        BadInput("f(x) = x ^", "formula ends where"),
        BadInput("f(x) = sin x", "sin needs its argument in parentheses"),
        BadInput("f(x) = sinn(x)", "unknown function 'sinn'"),
        BadInput("f(x) = sin(x, 2)", "sin takes one argument"),
        BadInput("f(x) = y", "'y' is not a variable of f(x)"),
        BadInput("f(x) = z", "unknown name 'z'"),
        BadInput("f(x) = x(2)", "'x' is not a function"),
        BadInput("f(x) = [x]", "unexpected character '['"),
        BadInput("f(x) = {x}", "unexpected character '{'"),
        BadInput("f(x) = x = 2", "unexpected '=' inside a formula"),
        BadInput("f(x) = 1e999", "too large for a double"),
        BadInput("f(x) = x @ 2", "unexpected character '@'"),
        BadInput("f(x) = ()", "expected a number, name or '(' before ')'"),
        BadInput("f(x) = x..2", "unexpected character '.'"),
        BadInput("f(x) = 1.2.3", "expected an operator before"),
        BadInput("f(x) = x,", "unexpected ','"),
        BadInput("f(x) = log()", "before ')'"),
        BadInput("f(x) = x ^^ 2", "unexpected '^'"),
        BadInput("f(x) = x // 2", "unexpected '/'"),
        BadInput("f(x) = x % 2", "unexpected character '%'"),
        BadInput("f(x) = x!", "unexpected character '!'"),
        BadInput("f(x) = |x|", "unexpected character '|'"),
        BadInput("f(x) = x²", "unknown name 'x²'"),
        BadInput("f(x) = √x", "unexpected character '√'"),
        BadInput("f(x) = x + + ", "formula ends where"),
        BadInput("f(x) = -", "formula ends where"),
        BadInput("f(x) = (", "formula ends where"),
        BadInput("f(x) = )", "before ')'"),
        BadInput("f(x) = sin", "sin needs its argument in parentheses"),
        BadInput("f(x) = sin()", "before ')'"),
        BadInput("f(x) = exp(x", "missing ')'"),
        BadInput("f(x) = abs(x))", "unmatched ')'"),
        BadInput("f(x) = e(x)", "'e' is not a function"),
        BadInput("f(x) = pi(2)", "'pi' is not a function"),
        BadInput("f(x) = x ** ** 2", "unexpected '**'"),
        BadInput("f(x) = 1e", "expected an operator before 'e'"),
        BadInput("f(x) = 0x10", "expected an operator before 'x10'"),
        BadInput("f(x) = 1_000", "expected an operator before '_000'"),
        BadInput("f(x) = x y", "expected an operator before 'y'"),
        BadInput("f(x) = 'x'", "unexpected character '''"),
        BadInput("f(x) = \"x\"", "unexpected character '\"'"),
        BadInput("f(x) = x\\2", "unexpected character '\\'"),
        BadInput("f(x) = $x", "unexpected character '$'"),
        BadInput("f(x) = x + y", "'y' is not a variable of f(x)", setup: .twoD),
        BadInput("f(x, y) = z", "unknown name 'z'"),
        BadInput("f(x) = x\u{0}", "unexpected character"),
        BadInput("f(x) = " + String(repeating: "(", count: 100_000) + "x" + String(repeating: ")", count: 100_000),
                 "line is too long"),
        BadInput("f(x) = " + String(repeating: "(", count: 30_000) + "x" + String(repeating: ")", count: 30_000),
                 "nested too deeply (more than \(Parser.maximumNesting) levels"),
        BadInput("f(x) = " + String(repeating: "-", count: 30_000) + "x", "nested too deeply"),
        BadInput("f(x) = " + String(repeating: "+", count: 30_000) + "x", "nested too deeply"),
        BadInput("f(x) = " + Array(repeating: "x", count: 300).joined(separator: "^"), "nested too deeply"),
        BadInput("f(x) = " + String(repeating: "sin(", count: 250) + "x" + String(repeating: ")", count: 250), "nested too deeply"),
        BadInput("f(x) = " + Array(repeating: "x", count: Parser.maximumSize / 2 + 1).joined(separator: " + "),
                 "formula is too large (more than \(Parser.maximumSize) terms)"),
        BadInput("a = " + Array(repeating: "1", count: Parser.maximumSize).joined(separator: "*"), "formula is too large"),
        BadInput("f(x, y) = " + BadInputTests.nestedFormula(bytes: 5000), "too large"),
    ]

    static let definitions: [BadInput] = [
        BadInput("f(x, y, z) = x", "a loss takes one or two variables, not 3"),
        BadInput("f() = 1", "unknown command 'f()'"),
        BadInput("f(x, x) = x", "variable 'x' appears twice"),
        BadInput("f(sin) = sin", "'sin' is a built-in name"),
        BadInput("f(pi) = pi", "'pi' is a built-in name"),
        BadInput("f(x y) = x", "unknown command 'f(x'"),
        BadInput("f(x,) = x", "unknown command 'f(x,)'"),
        BadInput("f(1) = 1", "unknown command 'f(1)'"),
        BadInput("pi = 3", "'pi' is built in and cannot be redefined"),
        BadInput("run = 3", "'run' is a command and cannot be a named value"),
        BadInput("a = 1/0", "division by zero"),
        BadInput("a = log(-1)", "log of a negative number"),
        BadInput("a = sqrt(-1)", "sqrt of a negative number"),
        BadInput("a = x", "'x' is a variable, but only numbers can be used here"),
        BadInput("a = ", "expected a formula"),
        BadInput("sin = 2", "'sin' is built in"),
        BadInput("e = 1", "'e' is built in"),
        BadInput("a = 1e999", "too large for a double"),
        BadInput("a = (1", "missing ')'"),
        BadInput("3 = x", "unknown command '3'"),
        BadInput("a b = 1", "unknown command 'a'"),
        BadInput("x=1", "'x' is a variable of the current function"),
    ]

    static let startPoints: [BadInput] = [
        BadInput("start x=1 y=2", "f(x) has one variable; 'y' is not one of them"),
        BadInput("start y=2", "'y' is not one of them"),
        BadInput("start x=abc", "unknown name 'abc'"),
        BadInput("start q=1", "'q' is not one of them"),
        BadInput("start x=nan", "unknown name 'nan'"),
        BadInput("start x=inf", "unknown name 'inf'"),
        BadInput("start x=1e999", "too large for a double"),
        BadInput("start x", "'x' is a variable, but only numbers can be used here"),
        BadInput("start x=", "expected a formula"),
        BadInput("start x=1 x=2", "x is given twice"),
        BadInput("start x=1", "start needs y too", setup: .twoD),
        BadInput("plot f", "plot f draws 1-D functions", setup: .twoD),
    ]

    static let commands: [BadInput] = [
        BadInput("frobnicate", "unknown command 'frobnicate'"),
        BadInput("stpe", "did you mean 'step'?"),
        BadInput("rn 10", "unknown command 'rn'"),
        BadInput("RUN_IT", "unknown command 'RUN_IT'"),
        BadInput("été", "unknown command 'été'"),
        BadInput("😀", "unknown command '😀'"),
        BadInput("run", "run needs a number of steps"),
        BadInput("run 0", "whole number from 1 to \(Limits.maximumSteps), not 0"),
        BadInput("run -1", "not -1"),
        BadInput("run 1.5", "not 1.5"),
        BadInput("run abc", "'abc' is not a number"),
        BadInput("run 1e300", "whole number from 1 to \(Limits.maximumSteps), not 1e300"),
        BadInput("run \(Limits.maximumSteps + 1)", "whole number from 1 to \(Limits.maximumSteps)"),
        BadInput("run nan", "'nan' is not a finite number"),
        BadInput("run inf", "'inf' is not a finite number"),
        BadInput("run 1e-300", "not 1e-300"),
        BadInput("run until", "expected 'until converged'"),
        BadInput("run until converged max=0", "max must be a whole number from 1 to"),
        BadInput("run until converged foo", "unexpected 'foo'"),
        BadInput("run until converged max=\(Limits.maximumSteps + 1)", "from 1 to \(Limits.maximumSteps)"),
        BadInput("run until diverged", "expected 'until converged'"),
        BadInput("run 10 20", "run takes one count"),
        BadInput("step 0", "whole number from 1 to \(Limits.maximumPrintedSteps), not 0"),
        BadInput("step \(Limits.maximumPrintedSteps + 1)", "from 1 to \(Limits.maximumPrintedSteps)"),
        BadInput("step 1 2", "step takes one count"),
        BadInput("step abc", "'abc' is not a number"),
        BadInput("step -5", "not -5"),
        BadInput("step 1e300", "not 1e300"),
        BadInput("step nan", "'nan' is not a finite number"),
        BadInput("opt sgdd", "unknown optimizer 'sgdd'"),
        BadInput("opt gd lr=-1", "lr=-1 is out of range"),
        BadInput("opt gd lr=nan", "'nan' is not a finite number"),
        BadInput("opt gd lr=inf", "'inf' is not a finite number"),
        BadInput("opt gd lr=", "option 'lr' needs a value"),
        BadInput("opt gd lr=abc", "'abc' is not a number"),
        BadInput("opt gd foo=1", "unknown option 'foo' for opt gd"),
        BadInput("opt adam beta1=2", "beta1=2 is out of range"),
        BadInput("opt momentum mu=1.5", "unknown option 'mu'"),
        BadInput("opt gd lr=1e400", "'1e400' is too large for a double"),
        BadInput("opt gd lr=-0.5", "out of range"),
        BadInput("opt adam eps=-1", "eps=-1 is out of range"),
        BadInput("opt rmsprop rho=2", "unknown option 'rho'"),
        BadInput("opt adam lr=0.1 lr=0.2", "option 'lr' is given twice"),
        BadInput("opt gd convention=bogus", "unknown option 'convention'"),
        BadInput("opt 1", "unknown optimizer '1'"),
        BadInput("use nowhere", "unknown preset 'nowhere'"),
        BadInput("use", "use takes one preset name"),
        BadInput("use rosenbrock extra", "use takes one preset name"),
        BadInput("use rosenbrok", "did you mean 'rosenbrock'"),
        BadInput("schedule bogus", "unknown schedule 'bogus'"),
        BadInput("schedule step 0.1 abc", "expected STEP:RATE, not 'abc'"),
        BadInput("schedule cosine steps=-1", "steps=-1 is out of range"),
        BadInput("schedule step 0.1 0:0.1", "breakpoint step 0 is out of range"),
        BadInput("schedule step 0.1 100:-1", "rate -1 is out of range"),
        BadInput("schedule step 0.1 100:abc", "'abc' is not a rate"),
        BadInput("schedule table steps=0", "steps must be a whole number from 1 to 100000000, not 0"),
        BadInput("schedule table steps=\(Limits.maximumScheduleHorizon + 1)", "from 1 to \(Limits.maximumScheduleHorizon)"),
        BadInput("schedule table bogus=1", "unknown option 'bogus' for schedule table"),
        BadInput("schedule table 1 2", "schedule table takes one option"),
        BadInput("explain bogus", "unknown optimizer 'bogus'"),
        BadInput("explain adam bogus=1", "unknown option 'bogus'"),
        BadInput("compare opt=gd,bogus", "unknown optimizer 'bogus'"),
        BadInput("compare lr=abc", "'abc' is not a learning rate"),
        BadInput("compare steps=0", "steps must be a whole number from 1 to 100000000, not 0"),
        BadInput("compare steps=\(Limits.maximumSteps + 1)", "from 1 to \(Limits.maximumSteps)"),
        BadInput("compare foo=1", "unknown option 'foo' for compare"),
        BadInput("compare lr=", "expected key=value, not 'lr='"),
        BadInput("compare opt=gd,adam lr=1,2,3,4,5,6,7", "compare runs at most \(Limits.maximumCompareRuns) configurations, not 14"),
        BadInput("compare lr=-1", "'-1' is not a learning rate"),
        BadInput("compare lr=nan", "'nan' is not a learning rate"),
        BadInput("compare steps", "expected key=value"),
        BadInput("compare opt=", "expected key=value"),
        BadInput("sweep lr=1..0", "expected lr=LOW..HIGH with 0 < LOW < HIGH"),
        BadInput("sweep n=\(Limits.maximumSweepRates + 1)", "from 1 to \(Limits.maximumSweepRates)"),
        BadInput("sweep steps=\(Limits.maximumSweepSteps + 1)", "from 1 to \(Limits.maximumSweepSteps)"),
        BadInput("sweep lr=abc", "expected lr=LOW..HIGH"),
        BadInput("sweep bogus=1", "unknown option 'bogus' for sweep"),
        BadInput("sweep lr=-1..1", "expected lr=LOW..HIGH"),
        BadInput("sweep n=0", "n must be a whole number from 1 to 200, not 0"),
        BadInput("sweep lr=1..inf", "expected lr=LOW..HIGH"),
        BadInput("sweep lr=0..1", "expected lr=LOW..HIGH"),
        BadInput("sweep n=abc", "is not a number"),
        BadInput("lrfind steps=\(Limits.maximumFinderSteps + 1)", "from 1 to \(Limits.maximumFinderSteps)"),
        BadInput("lrfind from=0", "from must be a positive rate"),
        BadInput("lrfind from=1 to=0.1", "to= must be larger than from="),
        BadInput("lrfind bogus=1", "unknown option 'bogus' for lrfind"),
        BadInput("lrfind from=-1", "from must be a positive rate"),
        BadInput("lrfind to=inf", "to must be a positive rate"),
        BadInput("lrfind steps=0", "steps must be a whole number from 1 to 1000000, not 0"),
        BadInput("plot", "plot what?"),
        BadInput("plot bogus", "cannot plot 'bogus'"),
        BadInput("plot lr steps=0", "steps must be a whole number from 1 to 100000000, not 0"),
        BadInput("plot lr steps=\(Limits.maximumScheduleHorizon + 1)", "from 1 to \(Limits.maximumScheduleHorizon)"),
        BadInput("plot lr bogus", "unexpected 'bogus'"),
        BadInput("plot loss bogus", "unexpected 'bogus'"),
        BadInput("trace bogus", "unexpected 'bogus'"),
        BadInput("trace last 0", "whole number from 1 to \(Limits.maximumSteps), not 0"),
        BadInput("trace last abc", "'abc' is not a number"),
        BadInput("set digits=100", "digits=100 is out of range"),
        BadInput("set bogus=1", "unknown option 'bogus' for set"),
        BadInput("set digits=abc", "'abc' is not a number"),
        BadInput("set digits=-1", "digits=-1 is out of range"),
        BadInput("set unicode=maybe", "option 'unicode' is on or off, not 'maybe'"),
        BadInput("set digits", "option 'digits' needs a value"),
        BadInput("help bogus", "no help for 'bogus'"),
        BadInput("expect bogus", "unknown quantity 'bogus'"),
        BadInput("expect loss <", "expected a formula"),
        BadInput("expect x ~ abc", "unknown name 'abc'"),
        BadInput("expect loss < 1e-6 tol=abc", "tol: 'abc' is not a number"),
        BadInput("expect", "expect needs a claim"),
        BadInput("expect loss ~ 1 tol=-1", "tol must be a non-negative number"),
        BadInput("keep", "keep needs NAME = QUANTITY"),
        BadInput("keep a", "keep needs NAME = QUANTITY"),
        BadInput("keep 1 = loss", "'1' is not a name"),
        BadInput("keep pi = loss", "'pi' is built in"),
        BadInput("keep a = bogus", "unknown quantity 'bogus'"),
        BadInput("keep a = ", "keep needs a quantity after '='"),
        BadInput("save", "save needs one file name"),
        BadInput("load /nonexistent-folder-of-lrlab/x.lrlab", "cannot open"),
        BadInput("load", "load needs a file name"),
        BadInput("lesson 99", "there is no lesson 99: the lessons are 1 to"),
        BadInput("lesson 0", "there is no lesson 0"),
        BadInput("lesson 2.5", "there is no lesson 2.5"),
        BadInput("lesson abc", "'abc' is not a number"),
        BadInput("diff extra", "diff takes no arguments"),
        BadInput("curvature extra", "curvature takes no arguments"),
        BadInput("show extra", "show takes no arguments"),
        BadInput("verdict extra", "verdict takes no arguments"),
        BadInput("reset extra", "reset takes no arguments"),
        BadInput("functions extra", "functions takes no arguments"),
        BadInput("lessons extra", "lessons takes no arguments"),
        BadInput("quit now", "quit takes no arguments"),
        BadInput("state extra", "state takes no arguments"),
        BadInput(";;;bogus", "unknown command 'bogus'"),
        BadInput("run 1;bogus", "unknown command 'bogus'"),
        BadInput("  \t bogus", "unknown command 'bogus'"),
        BadInput("=", "unknown command '='"),
        BadInput("==", "unknown command '=='"),
        BadInput("(", "unknown command '('"),
    ]

    /// Commands that need a function or a start point, typed before there is one.
    static let missingSetup: [BadInput] = [
        BadInput("step", "no function to minimise yet", setup: .fresh),
        BadInput("run 10", "no function to minimise yet", setup: .fresh),
        BadInput("curvature", "no function to minimise yet", setup: .fresh),
        BadInput("verdict", "no function to minimise yet", setup: .fresh),
        BadInput("diff", "no function yet", setup: .fresh),
        BadInput("compare lr=0.1", "no function to minimise yet", setup: .fresh),
        BadInput("sweep n=3", "no function to minimise yet", setup: .fresh),
        BadInput("lrfind", "no function to minimise yet", setup: .fresh),
        BadInput("trace", "no function to minimise yet", setup: .fresh),
        BadInput("plot loss", "no function to minimise yet", setup: .fresh),
        BadInput("expect loss < 1", "no function to minimise yet", setup: .fresh),
    ]

    /// Control characters, escape sequences, invalid UTF-8 and lines past the length limit.
    static let garbage: [BadInput] = [
        BadInput("\u{1}\u{2}\u{7F}", "unknown command"),
        BadInput("\u{1B}[31mred", "unknown command"),
        BadInput("\u{0}", "unknown command"),
        BadInput("step\u{0}", "unknown command"),
        BadInput(bytes: [0xFF, 0xFE, 0xFD], "unknown command '\u{FFFD}\u{FFFD}\u{FFFD}'"),
        BadInput(bytes: [0xC3, 0x28], "unknown command"),
        BadInput(bytes: [0xE2, 0x82], "unknown command"),
        BadInput(bytes: [0xF0, 0x28, 0x8C, 0x28], "unknown command"),
        BadInput(bytes: [0xC0, 0xAF], "unknown command"),
        BadInput(bytes: [0xED, 0xA0, 0x80], "unknown command"),
        BadInput(bytes: Array("f(x) = x + ".utf8) + [0xFF], "unexpected character '\u{FFFD}'"),
        BadInput(bytes: Array("run ".utf8) + [0xC3], "is not a number"),
        BadInput(bytes: Array("opt gd lr=0.".utf8) + [0x80], "is not a number"),
        BadInput(bytes: Array("use ".utf8) + [0xF8, 0x88, 0x80, 0x80, 0x80], "unknown preset"),
        BadInput(bytes: BadInputTests.randomBytes(seed: 1, count: 200), "unknown command"),
        BadInput(bytes: BadInputTests.randomBytes(seed: 2, count: 4000), "unknown command"),
        BadInput(bytes: BadInputTests.randomBytes(seed: 3, count: 20_000), "unknown command"),
        BadInput(String(repeating: "x", count: 1 << 20), "line is too long"),
        BadInput("f(x) = " + Array(repeating: "x", count: 1 << 18).joined(separator: "+"), "line is too long"),
        BadInput("say " + String(repeating: "é", count: Limits.maximumLineBytes / 2), "line is too long"),
        BadInput(String(repeating: ";", count: Limits.maximumLineBytes + 1), "line is too long"),
    ]

    static var all: [BadInput] { formulas + definitions + startPoints + commands + missingSetup + garbage }

    @Test func theTableIsLarge() {
        #expect(Self.all.count >= 150)
    }

    @Test(arguments: BadInputTests.all)
    func isRefusedAndTheSessionGoesOn(_ input: BadInput) throws {
        var errors: [String] = []
        var output: [String] = []
        let session = Session(output: { output.append($0) }, errorOutput: { errors.append($0) })
        session.course.lessonDirectories = [fixturesDirectory + "/../../../lessons"]
        if let setup = input.setup.line {
            try session.execute(line: setup)
        }
        let error = #expect(throws: ShellError.self) { try session.execute(line: input.line) }
        #expect(error?.kind == .error)
        #expect(error?.message.contains(input.phrase) == true || error?.hint?.contains(input.phrase) == true,
                "message: \(error?.message ?? "none"); hint: \(error?.hint ?? "none")")
        // The report a user sees renders without trouble and says it is an error.
        #expect(session.executeReporting(line: input.line) == .error)
        #expect(errors.last?.contains("error") == true)
        // The session still works.
        output.removeAll()
        try session.execute(line: "f(x) = (x - 3)^2; start x=0; opt gd lr=0.1; step")
        #expect(output.joined().contains("loss"))
    }

    /// Pasted text often carries no-break spaces; they separate words as spaces do, in commands
    /// and in formulas, instead of making `run 10` an unknown command.
    @Test func noBreakSpacesSeparateWordsLikeSpaces() throws {
        var output: [String] = []
        let session = Session(output: { output.append($0) })
        try session.execute(line: "f(x)\u{A0}=\u{A0}(x\u{A0}-\u{A0}3)^2;\u{A0}start\u{A0}x=0; opt gd lr=0.1")
        try session.execute(line: "\u{A0}run\u{A0}10")
        #expect(session.explorer.run?.stepCount == 10)
        #expect(output.first?.hasPrefix("f(x) = (x - 3)^2") == true)
    }

    /// A nested formula of about `bytes` characters: each layer wraps the last in a few
    /// products, sums and a function, one level deeper, so derivatives repeat it many times.
    static func nestedFormula(bytes: Int) -> String {
        let layers = ["sin(%)*y + x*y - cos(x)*y^2 + 3*x", "x*(x - y) + (%)*(x - y)*y + 2",
                      "exp(%/9)/(1 + y^2) + x^2*y - 1", "y*(%)^2 + x*y + sin(x)*cos(y)", "tanh(% + y)*x + log(1 + x^2) - y"]
        var formula = "x"
        var index = 0
        while formula.utf8.count < bytes {
            formula = layers[index % layers.count].split(separator: "%", omittingEmptySubsequences: false).joined(separator: formula)
            index += 3
        }
        return formula
    }

    /// Bytes from a fixed linear congruential sequence, never a newline or `;` (one statement).
    static func randomBytes(seed: UInt64, count: Int) -> [UInt8] {
        var state = seed &* 6364136223846793005 &+ 1442695040888963407
        var bytes: [UInt8] = [0xFF]  // starts with a byte no command begins with
        while bytes.count < count {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let byte = UInt8(truncatingIfNeeded: state >> 56)
            if byte != 0x0A, byte != 0x0D, byte != 0x3B, byte != 0x23 { bytes.append(byte) }
        }
        return bytes
    }
}
