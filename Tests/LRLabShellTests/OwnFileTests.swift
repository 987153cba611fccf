import Testing
@testable import LRLabShell

#if canImport(Glibc)
import Glibc
#endif

/// The files lrlab picks itself in the user's account (the lesson progress, the default history)
/// are never opened through a symbolic link: a link planted there cannot turn a save against
/// another file. A file the user names (a save, `$LRLAB_HISTORY`) may be a link.
@Suite struct OwnFileTests {
    /// A fresh temporary folder.
    static func folder() -> String {
        var template = Array("/tmp/lrlab-own-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    static func mode(of path: String) -> mode_t {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & 0o7777 : 0
    }

    @Test func aProgressFileThatIsALinkIsRefusedAndItsTargetIsKept() throws {
        let learner = LessonGuideTests.Learner()
        var errors: [String] = []
        learner.session.errorOutput = { errors.append($0) }
        let target = learner.stateFolder + "/precious"
        _ = try TextFile.write(target) { emit in _ = emit("keep me\n") }
        #expect(ProgressFile.makeFolders(learner.stateFolder + "/lrlab") == nil)
        #expect(symlink(target, learner.stateFolder + "/lrlab/progress") == 0)
        defer { unlink(target) }
        #expect(learner.type("lesson 1").contains("First section narration."))
        learner.type("next")
        #expect(try TextFile.read(target) == "keep me\n")
        #expect(TextFile.isLink(learner.stateFolder + "/lrlab/progress"))
        #expect(!errors.isEmpty)
        #expect(errors.allSatisfy { $0.contains("'\(learner.stateFolder)/lrlab/progress'") && $0.contains("symbolic link") })
        // The session goes on.
        #expect(learner.guide.prompt.hasPrefix("lesson 1 · 2/3"))
    }

    @Test func aProgressFolderThatIsALinkIsRefused() throws {
        let learner = LessonGuideTests.Learner()
        var errors: [String] = []
        learner.session.errorOutput = { errors.append($0) }
        let elsewhere = OwnFileTests.folder()
        defer { unlink(elsewhere + "/progress"); rmdir(elsewhere) }
        #expect(symlink(elsewhere, learner.stateFolder + "/lrlab") == 0)
        defer { unlink(learner.stateFolder + "/lrlab") }
        learner.type("lesson 1")
        learner.type("next")
        #expect(!TextFile.exists(elsewhere + "/progress"))
        #expect(errors.contains { $0.contains("'\(learner.stateFolder)/lrlab'") && $0.contains("symbolic link") })
    }

    @Test func anExistingProgressFolderIsTightenedTo0700() {
        let learner = LessonGuideTests.Learner()
        let folder = learner.stateFolder + "/lrlab"
        #expect(mkdir(folder, 0o755) == 0 && chmod(folder, 0o755) == 0)
        learner.type("lesson 1")
        learner.type("next")
        #expect(OwnFileTests.mode(of: folder) == 0o700)
        #expect(OwnFileTests.mode(of: folder + "/progress") == 0o600)
    }

    @Test func anEmptyProgressFileIsAFreshStart() throws {
        let learner = LessonGuideTests.Learner()
        var errors: [String] = []
        learner.session.errorOutput = { errors.append($0) }
        #expect(ProgressFile.makeFolders(learner.stateFolder + "/lrlab") == nil)
        _ = try TextFile.write(learner.stateFolder + "/lrlab/progress") { _ in }
        #expect(learner.type("lesson 1").contains("First section narration."))
        learner.type("next")
        #expect(errors.isEmpty)
        #expect(learner.savedProgress.hasPrefix("lrlab progress 1\n01-tiny.lrlab at=1"))
    }

    @Test func theDefaultHistoryIsNotWrittenThroughALink() throws {
        let folder = OwnFileTests.folder()
        let target = folder + "/precious", link = folder + "/.lrlab_history"
        defer { unlink(link); unlink(target); rmdir(folder) }
        _ = try TextFile.write(target) { emit in _ = emit("keep me\n") }
        #expect(symlink(target, link) == 0)
        let own = HistoryFile(path: link, followsLinks: false)
        #expect(own.refusal?.contains("symbolic link") == true)
        #expect(own.load() == [])
        #expect(!own.append("step 3"))
        #expect(try TextFile.read(target) == "keep me\n")
        // A history the user named may be a link.
        let named = HistoryFile(path: link, followsLinks: true)
        #expect(named.refusal == nil)
        #expect(named.append("step 3"))
        #expect(try TextFile.read(target) == "keep me\nstep 3\n")
    }

    @Test func aSaveTheUserNamesGoesThroughALink() throws {
        let folder = OwnFileTests.folder()
        let target = folder + "/real.csv", link = folder + "/link.csv"
        defer { unlink(link); unlink(target); rmdir(folder) }
        _ = try TextFile.write(target) { emit in _ = emit("old\n") }
        #expect(symlink(target, link) == 0)
        let session = Session(output: { _ in })
        let outcome = session.runScript(text: "use rosenbrock\nopt gd lr=0.001\nrun 3\nsave trace \(link)", file: "t")
        #expect(outcome.succeeded)
        #expect(TextFile.isLink(link))
        #expect(try TextFile.read(target).hasPrefix("step,"))
    }
}
