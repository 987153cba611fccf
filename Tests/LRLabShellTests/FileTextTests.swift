import Testing
import Foundation
import LRLab
import LRLabText
@testable import LRLabShell

/// Numbers and text that come from files (a CSV file, a lessons folder) are shown as they
/// are: means that neither overflow nor lose small values, control characters made visible,
/// CRLF lines read as lines, and one bad entry of a lessons folder a warning for that entry.
@Suite struct FileTextTests {
    /// A session over `lessons` with output and errors collected in one list, as a person sees them.
    final class Console {
        var lines: [String] = []
        let session: Session
        var text: String { lines.joined(separator: "\n") }

        init(lessons: String? = nil) {
            session = Session(output: { _ in })
            session.output = { [unowned self] in self.lines.append($0) }
            session.errorOutput = { [unowned self] in self.lines.append($0) }
            session.course.lessonDirectories = lessons.map { [$0] } ?? []
            session.course.builtInLessons = [LessonSource(name: "built-in/01-a.lrlab", text: "title Built in\nsay built in")]
        }

        @discardableResult
        func run(_ script: String) -> ScriptOutcome {
            session.runScript(text: script, file: "t")
        }
    }

    @Test func theMeanOfExtremeTargetsIsExact() throws {
        let folder = try DataCommandTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "x,y\n1,1e308\n2,-1e308\n3,0.5\n4,0.25\n5,0.1\n".write(toFile: folder + "/big.csv", atomically: true, encoding: .utf8)
        let console = Console()
        #expect(console.run("data load \(folder)/big.csv split=1").succeeded, "\(console.text)")
        #expect(console.text.contains("values from -1e+308 to 1e+308, mean 0.17"), "\(console.text)")
    }

    @Test func meanAndSpreadNeitherOverflowNorAbsorb() {
        #expect(SampleStatistics.mean([0.5, 1e308, 0.25, -1e308, 0.1]) == 0.17)
        #expect(SampleStatistics.mean([1.7e308, 1.7e308]) == 1.7e308)
        #expect(SampleStatistics.meanSquaredDeviation([1e154, -1e154, 1e154, -1e154], from: 0) == 1e308)
        #expect(SampleStatistics.meanSquaredDeviation([2, 4], from: 3) == 1)
    }

    @Test func aClassSetSmallerThanItsClassesIsRefused() {
        let console = Console()
        #expect(console.run("data moons n=1").errors == 1)
        #expect(console.text.contains("t:1:12: error: moons has 2 classes, and n=1 leaves class 1 without a row"), "\(console.text)")
        #expect(console.run("data blobs n=2").errors == 1)
        #expect(console.run("data moons n=2").succeeded)
        #expect(console.text.contains("2 classes: 0 ×1, 1 ×1"))
    }

    @Test func controlCharactersInAHeaderAreShownVisibly() throws {
        let folder = try DataCommandTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "x\u{1B}[31m,y\u{1B}]0;owned\u{7}\n1,2\n2,3\n3,2\n".write(toFile: folder + "/esc.csv", atomically: true, encoding: .utf8)
        let console = Console()
        console.session.terminalColumns = 1000  // the temporary path is long
        #expect(console.run("data load \(folder)/esc.csv\nplot data").succeeded, "\(console.text)")
        #expect(!console.text.contains("\u{1B}") && !console.text.contains("\u{7}"), "\(console.text)")
        #expect(console.text.contains("1 feature (x\\x1b[31m)"))
        #expect(console.text.contains("target=\"y\\x1b]0;owned\\x07\""))
        #expect(console.text.contains("the class against x\\x1b[31m"))
    }

    @Test func aQuotedPathWithASpaceLoads() throws {
        let folder = try DataCommandTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "x,y\n1,2\n2,3\n3,5\n".write(toFile: folder + "/a b.csv", atomically: true, encoding: .utf8)
        let console = Console()
        console.session.terminalColumns = 1000  // the temporary path is long
        #expect(console.run("data load \"\(folder)/a b.csv\" split=1").succeeded, "\(console.text)")
        #expect(console.text.contains("made by   data load \"\(folder)/a b.csv\" target=y"), "\(console.text)")
        #expect(Statement.split("data load \"a b.csv\" validation=\"c;d#e.csv\"")[0].words.map(\.text)
                == ["data", "load", "a b.csv", "validation=c;d#e.csv"])
        #expect(Statement.split("data load \"a b.csv\" x")[0].words[2].range == SourceRange(column: 11, length: 9))
    }

    @Test func sayShowsControlCharactersVisibly() {
        let console = Console()
        console.run("say a\u{1B}[2Jb")
        #expect(console.text == "a\\x1b[2Jb")
    }

    @Test func aCRLFLessonReadsLikeAnyOtherInEveryPath() throws {
        let folder = try DataCommandTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let lesson = "title Windows lesson\r\nsummary Saved with CRLF.\r\nsay Narration.\r\nf(x) = x^2\r\nstart x=1\r\nexpect loss == 1\r\npause\r\nsay End.\r\n"
        try lesson.write(toFile: folder + "/01-crlf.lrlab", atomically: true, encoding: .utf8)
        let console = Console(lessons: folder)
        console.run("lessons")
        #expect(console.text.contains("  1   Windows lesson\n        Saved with CRLF."), "\(console.text)")
        console.lines = []
        #expect(console.run("lesson 1").succeeded, "\(console.text)")
        #expect(console.text.contains("Narration.") && console.text.contains("End."), "\(console.text)")
        #expect(console.session.explorer.objective != nil)
        // Guided.
        console.lines = []
        console.session.course.guidesLessons = true
        var guide = LessonGuide()
        guide.enter("lesson 1", in: console.session)
        #expect(console.text.contains("Lesson 1 · Windows lesson\n"), "\(console.text)")
        #expect(console.text.contains("lrlab> f(x) = x^2"), "\(console.text)")
        #expect(!console.text.contains("error"), "\(console.text)")
    }

    @Test func aLessonsTitleAndNarrationShowControlCharactersVisibly() throws {
        let folder = try DataCommandTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "title Bad\u{1B}]0;owned\u{7}\nsummary S\u{1B}[2J\nsay N\u{1B}[31m\npause\nsay two\n".write(toFile: folder + "/01-esc.lrlab", atomically: true, encoding: .utf8)
        let console = Console(lessons: folder)
        console.run("lessons\nlesson 1")
        console.session.course.guidesLessons = true
        var guide = LessonGuide()
        guide.enter("lesson 1", in: console.session)
        #expect(!console.text.contains("\u{1B}") && !console.text.contains("\u{7}"), "\(console.text)")
        #expect(console.text.contains("Bad\\x1b]0;owned\\x07"))
        #expect(console.text.contains("S\\x1b[2J"))
        #expect(console.text.contains("N\\x1b[31m"))
    }

    @Test func oneBadEntryOfALessonsFolderIsAWarningForThatEntry() throws {
        let folder = try DataCommandTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "title Good one\nsay hi\n".write(toFile: folder + "/01-good.lrlab", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: folder + "/02-x.lrlab", withIntermediateDirectories: false)
        #expect(symlink(folder + "/03-loop.lrlab", folder + "/03-loop.lrlab") == 0)
        #expect(FileManager.default.createFile(atPath: folder + "/04-huge.lrlab", contents: Data(count: TextFile.maximumSize + 1)))
        let console = Console(lessons: folder)
        #expect(console.run("lessons").succeeded, "\(console.text)")
        let text = unwrapped(console.text)
        #expect(text.contains("1   Good one"), "\(text)")
        #expect(text.contains("warning: lesson '\(folder)/02-x.lrlab' is left out"), "\(text)")
        #expect(text.contains("warning: lesson '\(folder)/03-loop.lrlab' is left out"), "\(text)")
        #expect(text.contains("warning: lesson '\(folder)/04-huge.lrlab' is left out"), "\(text)")
        #expect(!text.contains("Built in"))
    }

    @Test func aFolderWithoutLessonsSaysSo() throws {
        let folder = try DataCommandTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let console = Console(lessons: folder)
        #expect(console.run("lessons").succeeded)
        #expect(unwrapped(console.text).contains("warning: no lesson (NN-name.lrlab) can be read in '\(folder)'; the built-in course is used"),
                "\(console.text)")
        #expect(console.text.contains("Built in"))
    }

    @Test func aLessonWhoseCommandFailsIsNotMarkedDone() throws {
        let learner = LessonGuideTests.Learner(lessons: [LessonSource(name: "lessons/01-broken.lrlab", text: "say one\nstart x=1\nsay two")])
        var errors: [String] = []
        learner.session.errorOutput = { errors.append($0) }
        let shown = learner.type("lesson 1")
        #expect(!errors.isEmpty)
        #expect(shown.replacing("\n", with: " ").contains("Lesson 1 ended, but a command of its section 1 failed (see above), so it is not marked done"), "\(shown)")
        #expect(learner.savedProgress.contains("01-broken.lrlab at=0 sections=0 tasks= finished=0"), "\(learner.savedProgress)")
        #expect(learner.type("lessons").hasPrefix("  1 ◐ 01-broken.lrlab"))
    }

    @Test func errorLinesWrapToTheSessionWidth() {
        let console = Console()
        console.run("f(x) = x^2; start x=1; run 3")
        console.lines = []
        console.session.terminalColumns = 40
        console.run("opt gd lr=0.1; expect verdict == diverging")
        let over = console.text.split(separator: "\n").filter { TextWrap.displayWidth(String($0)) > 40 }
        #expect(over.isEmpty, "\(console.text)")
        #expect(unwrapped(console.text).contains("expectation failed: verdict == diverging does not hold"), "\(console.text)")
    }

    @Test func ctrlCWhileALoadWaitsOnAPipeIsAnInterruption() throws {
        let folder = try DataCommandTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(mkfifo(folder + "/pipe.csv", 0o600) == 0)
        let console = Console()
        var polls = 0
        console.session.shouldStop = { polls += 1; return polls > 3 }
        let outcome = console.run("data load \(folder)/pipe.csv")
        #expect(outcome.wasInterrupted && outcome.errors == 0, "\(console.text)")
        #expect(unwrapped(console.text).contains("interrupted while reading '\(folder)/pipe.csv'; no data set was loaded"), "\(console.text)")
        #expect(!console.text.contains("Interrupted system call"))
    }

    @Test(arguments: ["lr 0.1", "lr", "plot loss", "save trace never-written.csv"])
    func afterModelAndBeforeTrainCommandsSpeakOfTheTraining(line: String) {
        let console = Console()
        console.run("data sine n=20\nmodel linear")
        console.lines = []
        #expect(console.run(line).errors == 1)
        #expect(console.text.contains("no training yet") && console.text.contains("train first"), "\(console.text)")
    }

    @Test func wholeNumberTargetsPastTheClassLimitSayTheyAreValues() throws {
        let folder = try DataCommandTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ("x,y\n" + (0...150).map { "\($0),\($0 * 2)\n" }.joined()).write(toFile: folder + "/ages.csv", atomically: true, encoding: .utf8)
        let console = Console()
        #expect(console.run("data load \(folder)/ages.csv\nhelp data").succeeded, "\(console.text)")
        let text = unwrapped(console.text)
        #expect(text.contains("whole numbers, but 151 distinct ones: more than 100 classes, so a value to regress on"), "\(text)")
        #expect(flattened(console.text).contains("a class when every value is a whole number and there are at most 100 distinct ones"))
    }
}
