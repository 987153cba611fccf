import Testing
import Foundation
@testable import LRLabShell

/// `save` writes beside the target and renames: the old file survives a failed or interrupted
/// save, no temporary file is left behind, and a finished file is complete.
@Suite struct SaveFileTests {
    /// A fresh folder for one test, removed afterwards by the caller.
    func folder() throws -> String {
        let path = NSTemporaryDirectory() + "lrlab-save-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func names(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    @Test func anInterruptedSaveKeepsTheOldFileAndLeavesNoTemporaryFile() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/run.csv"
        try "old contents\n".write(toFile: path, atomically: true, encoding: .utf8)
        var output: [String] = []
        var polls = 0
        var saving = false
        let session = Session(output: { output.append($0) })
        // Ctrl-C arrives while the rows are being written, after 100 of them.
        session.shouldStop = {
            if saving { polls += 1 }
            return polls > 100
        }
        session.executeReporting(line: "f(x) = (x - 3)^2; start x=0; opt gd lr=0.001; run 1000")
        saving = true
        session.executeReporting(line: "save trace \(path)")
        #expect(unwrapped(output.last ?? "") == "interrupted at step 98 of writing \(path); \(path) is unchanged (the old file is kept)")
        // The message wraps to the session's width.
        #expect((output.last ?? "").split(separator: "\n").allSatisfy { $0.count <= session.terminalColumns }, "\(output.last ?? "")")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old contents\n")
        #expect(try names(in: folder) == ["run.csv"])
    }

    @Test func aSaveThatCannotBeRenamedLeavesNoTemporaryFile() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/taken.csv", withIntermediateDirectories: false)
        let (text, outcome) = transcript(of: "f(x) = x^2; start x=1; run 3; save trace \(folder)/taken.csv")
        #expect(outcome.errors == 1)
        #expect(unwrapped(text).contains("cannot write '\(folder)/taken.csv': Is a directory"))
        #expect(try names(in: folder) == ["taken.csv"])
        #expect(try names(in: folder + "/taken.csv") == [])
    }

    @Test func aSaveIntoAMissingFolderFailsWithoutCreatingAnything() {
        let (text, outcome) = transcript(of: "f(x) = x^2; start x=1; run 3; save trace /nonexistent-lrlab-folder/run.csv")
        #expect(outcome.errors == 1)
        #expect(unwrapped(text).contains("cannot write '/nonexistent-lrlab-folder/run.csv': No such file or directory"))
    }

    /// A finished save replaces the old file whole, keeps its permissions, and leaves nothing else.
    @Test func aFinishedSaveReplacesTheFileWhole() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/run.csv"
        try String(repeating: "old row\n", count: 10_000).write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o640)
        let (text, outcome) = transcript(of: "f(x) = (x - 3)^2; start x=0; opt gd lr=0.1; run 5; save trace \(path); plot loss; save \(folder)/loss.svg")
        #expect(outcome.succeeded, "\(text)")
        let csv = try String(contentsOfFile: path, encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 7)
        #expect(csv.hasPrefix("step,lr,x,loss,gx,dx\n0,0,0,9,-6,0\n1,0.10000000000000001,0.60000000000000009,"))
        #expect(try names(in: folder) == ["loss.svg", "run.csv"])
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o640)
    }

    @Test func aLargeFileIsAnnouncedWithItsSize() {
        #expect(SessionCommands.sizeNotice(bytes: 412_345_678, path: "run.csv", exact: false) == "writing about 412 MB to run.csv")
        #expect(SessionCommands.sizeNotice(bytes: 10_000_000, path: "a.json", exact: true) == "writing 10 MB to a.json")
        #expect(SessionCommands.sizeNotice(bytes: 9_999_999, path: "run.csv", exact: false) == nil)
    }

    /// The estimate said before a big save is within a few per cent of what is written.
    @Test func theSizeEstimateIsCloseToTheFileWritten() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/adam.csv"
        var output: [String] = []
        let session = Session(output: { output.append($0) })
        session.executeReporting(line: "use rosenbrock; opt adam lr=0.001; run 3000; save trace \(path)")
        let run = try #require(session.explorer.run)
        let estimate = SessionCommands.estimatedCSVBytes(run, csv: .init(parameters: run.lossFunction.parameterNames, stateNames: run.stateNames))
        let written = try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(Swift.abs(Double(estimate - written)) < 0.05 * Double(written), "estimate \(estimate), written \(written)")
    }

    /// Low-level: a failed write (ENOSPC on /dev/full, written in place as it is no regular file)
    /// is an error, not a silent success.
    @Test func aFullDeviceIsAnError() {
        #expect(throws: ShellError.self) {
            _ = try TextFile.write("/dev/full") { emit in _ = emit(String(repeating: "x", count: 100_000)) }
        }
    }
}
