import Testing
import Foundation
import LRLab
@testable import LRLabShell

/// `data`, `data load` and `plot data` through the session: what they make, and every bad input
/// refused with an error that says where and what to do, the session going on after it.
@Suite struct DataCommandTests {
    /// A fresh folder for the CSV files of one test.
    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "lrlab-data-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes `text` to `name` in `folder` and returns its path.
    static func write(_ text: String, _ name: String, in folder: String) throws -> String {
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func session() -> (Session, () -> String) {
        let box = OutputBox()
        let session = Session(output: { box.lines.append($0) })
        return (session, { box.lines.joined(separator: "\n") })
    }

    final class OutputBox: @unchecked Sendable { var lines: [String] = [] }

    @Test func dataNameMakesTheSetWithItsDefaultsAndDescribesIt() throws {
        let (session, output) = Self.session()
        try session.execute(line: "data moons")
        let split = try #require(session.lab.data)
        #expect(split.training.rowCount == 160 && split.validation?.rowCount == 40)
        #expect(split.training == DataSplit(splitting: SyntheticFamily.moons.generate(rows: 200, noise: 0.15, seed: 0),
                                            trainingFraction: 0.8, seed: 0).training)
        #expect(session.lab.source == .synthetic(.moons, rows: 200, noise: 0.15, seed: 0))
        #expect(output().contains("160 training rows, 40 validation rows (split=0.8 seed=0)"))
        try session.execute(line: "data sine n=20 noise=0.3 seed=7 split=1")
        #expect(session.lab.data?.training.rowCount == 20 && session.lab.data?.validation == nil)
        #expect(session.lab.source?.command == "data sine n=20 noise=0.3 seed=7")
    }

    @Test func dataDigitsSplitsLikeScikitLearn() throws {
        let (session, output) = Self.session()
        try session.execute(line: "data digits seed=3")
        #expect(session.lab.data?.training.rowCount == 1_437 && session.lab.data?.validation?.rowCount == 360)
        #expect(output().contains("10 classes: 0 ×178, 1 ×182"))
        try session.execute(line: "plot data")
        #expect(output().contains("┌─9"))
    }

    @Test func dataLoadReadsClassesValuesAndAValidationFile() throws {
        let folder = try Self.folder()
        let train = try Self.write("a,b,label\n1,2,-1\n3,4,1\n5,6,-1\n7,8,1\n", "train.csv", in: folder)
        let check = try Self.write("a,b,label\n9,10,1\n", "check.csv", in: folder)
        let (session, output) = Self.session()
        try session.execute(line: "data load \(train) validation=\(check)")
        #expect(session.lab.data?.training.rowCount == 4 && session.lab.data?.validation?.rowCount == 1)
        #expect(session.lab.data?.training.classNames == ["-1", "1"])
        #expect(output().contains("2 classes: -1 ×2, 1 ×3"))
        try session.execute(line: "data load \(train) target=a split=1")
        #expect(session.lab.data?.training.isClassification == true)  // 1, 3, 5, 7: whole numbers
        try session.execute(line: "data load \(train) target=b split=0.5 seed=2")
        #expect(session.lab.data?.training.rowCount == 2 && session.lab.data?.validation?.rowCount == 2)
    }

    @Test func dataLoadFindsAFileBesideTheRunningScript() throws {
        let folder = try Self.folder()
        _ = try Self.write("x,y\n1,0.5\n2,1.5\n", "points.csv", in: folder)
        let script = try Self.write("data load points.csv split=1\n", "load.lrlab", in: folder)
        let (session, _) = Self.session()
        #expect(try session.runScript(fileAt: script, reportedAs: script).errors == 0)
        #expect(session.lab.data?.training.target == .values([0.5, 1.5]))
    }

    /// Lines refused before any file is read, typed into a session without data.
    static let lines: [(String, String)] = [
        ("data", "no data set yet"),
        ("plot data", "no data set to plot yet"),
        ("data mons", "did you mean 'data moons'?"),
        ("data frobnicate", "the sets are sine, poly, step"),
        ("data moons n=0", "n must be a whole number from 1 to \(Limits.maximumDataRows)"),
        ("data moons n=\(Limits.maximumDataRows + 1)", "from 1 to \(Limits.maximumDataRows)"),
        ("data moons n=10000000", "from 1 to \(Limits.maximumDataRows)"),
        ("data moons n=1e99", "n must be a whole number"),
        ("data moons noise=-1", "noise must be a number from 0 to 100"),
        ("data moons noise=nan", "not a finite number"),
        ("data moons noise=101", "noise must be a number from 0 to 100"),
        ("data moons split=0", "split=0 leaves no row to train on"),
        ("data moons split=1.5", "split must be a number from 0 to 1"),
        ("data moons split=-0.2", "split must be a number from 0 to 1"),
        ("data moons seed=-3", "seed must be a whole number from 0 to 18446744073709551615"),
        ("data moons seed=18446744073709551616", "seed must be a whole number"),
        ("data moons seed=1.5", "seed must be a whole number"),
        ("data moons frob=2", "data moons takes n=, noise=, split=, seed="),
        ("data moons target=y", "unknown option 'target'"),
        ("data moons n=10 n=20", "given twice"),
        ("data moons 200", "expected key=value"),
        ("data digits n=3", "n= applies to the synthetic sets"),
        ("data digits noise=0.1", "noise= applies to the synthetic sets"),
        ("data load", "data load needs a file"),
        ("data load target=a", "needs a file before its options"),
        ("data load /nonexistent/lrlab.csv", "cannot open it"),
        ("data load /", "cannot read it"),
        ("data load x.csv n=3", "unknown option 'n'"),
        ("data load /dev/zero", "/dev/zero, line 1: the line is longer than \(Limits.maximumDataLineBytes) bytes"),
    ]

    @Test(arguments: lines)
    func lineIsRefusedAndTheSessionGoesOn(line: String, phrase: String) throws {
        let (session, output) = Self.session()
        let error = #expect(throws: ShellError.self) { try session.execute(line: line) }
        #expect(error?.message.contains(phrase) == true || error?.hint?.contains(phrase) == true,
                "message: \(error?.message ?? "none"); hint: \(error?.hint ?? "none")")
        #expect(error?.range != nil)
        try session.execute(line: "data xor n=4")
        #expect(output().contains("data xor: 4 rows"))
    }

    /// A CSV file that must be refused, and the words the error must hold (its place first).
    struct BadFile: CustomTestStringConvertible, Sendable {
        var text: String
        var phrase: String
        init(_ text: String, _ phrase: String) { self.text = text; self.phrase = phrase }
        var testDescription: String { phrase }
    }

    static let files: [BadFile] = [
        BadFile("", "bad.csv: the file is empty"),
        BadFile("\n\n", "bad.csv: the file is empty"),
        BadFile("a,y\n", "bad.csv, line 2: the file has a header but no rows"),
        BadFile("a,b,y\n1,2,0\n3,4\n", "bad.csv, line 3, column 3 (y): the row has 2 cells but the header has 3 columns"),
        BadFile("a,b,y\n1,2,0\n3,4,1,5\n", "bad.csv, line 3, column 4: the row has 4 cells"),
        BadFile("a,b,y\n1,2,0\n3,x,1\n", "bad.csv, line 3, column 2 (b): 'x' is not a number"),
        BadFile("a,b,y\n1,,0\n", "bad.csv, line 2, column 2 (b): the cell is empty"),
        BadFile("a,b,y\n1,NaN,0\n", "bad.csv, line 2, column 2 (b): 'NaN' is not a finite number"),
        BadFile("a,b,y\n1,2,cat\n", "bad.csv, line 2, column 3 (y): 'cat' is not a number"),
        BadFile("a,y\n1,3\n2,3\n", "bad.csv, column 2 (y): every row has the class 3: one class only"),
        BadFile("1,2\n3,4\n", "bad.csv, line 1: line 1 holds numbers, not column names"),
        BadFile("y\n1\n", "bad.csv, line 1: the header names 1 column"),
        BadFile("a,a,y\n1,2,3\n", "bad.csv, line 1, column 2 (a): the name 'a' is also the name of column 1"),
        BadFile("a,y\n\"1,0\n", "bad.csv, line 2, column 1: a quote opens here and is not closed"),
        BadFile((0..<Limits.maximumDataColumns).map { "x\($0)" }.joined(separator: ",") + ",y\n",
         "bad.csv, line 1: the header has more than \(Limits.maximumDataColumns) columns; that is the limit"),
        BadFile((0..<10_000).map { "x\($0)" }.joined(separator: ",") + "\n", "bad.csv, line 1: the header has more than \(Limits.maximumDataColumns) columns"),
        BadFile("a,y\n" + String(repeating: "1", count: Limits.maximumDataLineBytes + 1), "bad.csv, line 2: the line is longer than"),
        BadFile(String(repeating: "a", count: Limits.maximumDataLineBytes + 1) + "\n1\n", "bad.csv, line 1: the line is longer than"),
    ]

    @Test(arguments: files)
    func fileIsRefusedWithItsLineAndColumn(_ file: BadFile) throws {
        let (text, phrase) = (file.text, file.phrase)
        let folder = try Self.folder()
        _ = try Self.write(text, "bad.csv", in: folder)
        let script = try Self.write("data moons n=6\ndata load bad.csv\n", "s.lrlab", in: folder)
        let (session, output) = Self.session()
        try session.execute(line: "data moons n=6")
        let error = #expect(throws: ShellError.self) {
            try session.execute(line: "data load \(folder)/bad.csv")
        }
        let message = (error?.message ?? "").replacingOccurrences(of: folder + "/", with: "")
        #expect(message.contains(phrase), "message: \(message)")
        #expect(error?.range?.start.column == 11)  // the file's word
        #expect(error?.hint?.isEmpty == false)
        // The previous set is kept and the session goes on.
        #expect(session.lab.data?.training.name == "moons")
        try session.execute(line: "data")
        #expect(output().contains("data moons: 6 rows"))
        // In a script the file is found beside it, named as typed, after the script's own place.
        let (scripted, transcript) = Self.session()
        #expect(try scripted.runScript(fileAt: script, reportedAs: script).errors == 1)
        #expect(unwrapped(transcript()).contains("s.lrlab:2:11: error: " + phrase), "\(transcript().suffix(300))")
    }

    @Test func aTargetThatIsNotAColumnSaysWhichAreAndPointsAtTheOption() throws {
        let folder = try Self.folder()
        let path = try Self.write("a,label\n1,0\n2,1\n", "t.csv", in: folder)
        let (session, _) = Self.session()
        let error = #expect(throws: ShellError.self) { try session.execute(line: "data load \(path) target=lable") }
        #expect(error?.message.hasSuffix("t.csv, line 1: no column is called 'lable'") == true)
        #expect(error?.hint == "did you mean 'label'? the columns are a, label")
        #expect(error?.range?.start.column == 12 + path.count)
    }

    @Test func validationFilesMustMatchAndExcludeSplit() throws {
        let folder = try Self.folder()
        let train = try Self.write("a,b,y\n1,2,0\n3,4,1\n", "train.csv", in: folder)
        let other = try Self.write("a,c,y\n1,2,0\n", "other.csv", in: folder)
        let (session, _) = Self.session()
        let mismatch = #expect(throws: ShellError.self) { try session.execute(line: "data load \(train) validation=\(other)") }
        #expect(mismatch?.message.contains("other.csv, line 1, column 2: the columns differ") == true)
        #expect(mismatch?.range?.start.column == 12 + train.count)
        let both = #expect(throws: ShellError.self) { try session.execute(line: "data load \(train) validation=\(train) split=0.5") }
        #expect(both?.message == "split= and validation= do not go together")
    }

    /// A file of more rows than the limit stops at the first row past it; the shell reader is
    /// tried with small bounds (the real limit is a constant of `Limits`, probed in LimitsTests
    /// style by its value: a file of 10⁷ rows is refused at row 1,000,001).
    @Test func rowsPastTheBoundStopTheReaderAtThatLine() throws {
        let folder = try Self.folder()
        let path = try Self.write("a,y\n" + (0..<50).map { "\($0),\($0 % 2)" }.joined(separator: "\n"), "long.csv", in: folder)
        let bounds = CSVTable.Bounds(rows: 20, columns: 10, cells: 1_000)
        let error = #expect(throws: ShellError.self) { _ = try CSVFile.read(path, reportedAs: "long.csv", at: nil, bounds: bounds) }
        #expect(error?.message == "long.csv, line 22: the file has more than 20 rows; that is the limit")
        #expect(Limits.maximumDataRows < 10_000_000 && Limits.maximumDataColumns < 10_000)
        #expect(Limits.maximumDataCells <= Limits.maximumDataRows * 10)
    }

    @Test func ctrlCStopsReadingAndKeepsThePreviousSet() throws {
        let folder = try Self.folder()
        let path = try Self.write("a,y\n1,0\n2,1\n", "t.csv", in: folder)
        let (session, output) = Self.session()
        try session.execute(line: "data circles n=8")
        session.shouldStop = { true }
        // An interruption, said as other commands say theirs, not an error.
        try session.execute(line: "data load \(path)")
        #expect(unwrapped(output()).contains("interrupted while reading '\(path)'; no data set was loaded, the previous one is kept"))
        #expect(session.lab.data?.training.name == "circles")
    }

    @Test func saveWritesTheScatterAsSVGWithOneDotPerRow() throws {
        let folder = try Self.folder()
        let (session, _) = Self.session()
        try session.execute(line: "data blobs n=30; plot data; save \(folder)/blobs.svg")
        let svg = try String(contentsOfFile: folder + "/blobs.svg", encoding: .utf8)
        // 30 rows and one legend dot per class's training rows and per its validation rows.
        #expect(svg.components(separatedBy: "<circle").count - 1 == 30 + 6)
        #expect(svg.contains("class 2 train ("))
        try session.execute(line: "data digits; plot data")
        let error = #expect(throws: ShellError.self) { try session.execute(line: "save \(folder)/digits.svg") }
        #expect(error?.message == "no picture to save yet")
    }

    @Test func completionOffersTheSetsAndTheOptions() {
        let sets = Completion.candidates(forLineBeforeCursor: "data ") ?? []
        #expect(sets.contains("moons") && sets.contains("digits") && sets.contains("load") && sets.contains("n="))
        #expect(Completion.candidates(forLineBeforeCursor: "data sp") == ["spirals", "split="])
        #expect(Completion.candidates(forLineBeforeCursor: "data load f.csv val") == ["validation="])
        #expect(Completion.candidates(forLineBeforeCursor: "plot da") == ["data"])
    }
}
