import LRLab

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where progress through the course is kept: `$XDG_STATE_HOME/lrlab/progress`, else
/// `~/.local/state/lrlab/progress`. Missing folders are created for the user only (0700), the
/// file is the user's only (0600) and replaced whole (`TextFile.write`: a temporary file renamed
/// over it), so a crash never leaves half a file. Problems are warnings, never failures: a
/// learner without saved progress can still take every lesson.
public struct ProgressFile: Sendable, Hashable {
    public var path: String

    public init(path: String) {
        self.path = path
    }

    /// The standard place for a user with these variables (nil when neither is usable). An
    /// XDG_STATE_HOME that is not an absolute path is ignored, as the XDG spec says.
    public static func standard(stateHome: String?, home: String?) -> ProgressFile? {
        if let stateHome, stateHome.hasPrefix("/") { return ProgressFile(path: stateHome + "/lrlab/progress") }
        if let home, home.hasPrefix("/") { return ProgressFile(path: home + "/.local/state/lrlab/progress") }
        return nil
    }

    /// The saved progress, and a warning when the file exists but cannot be read or is not all
    /// readable (what could be read is kept). No file is no progress, without a warning.
    public func load() -> (progress: CourseProgress, warning: String?) {
        guard TextFile.exists(path) else { return (CourseProgress(), nil) }
        let text: String
        do {
            text = try TextFile.read(path)
        } catch {
            return (CourseProgress(), "warning: the saved lesson progress cannot be read (\(error.message)); lessons start without it")
        }
        let (progress, problems) = CourseProgress.parse(text)
        guard problems.isEmpty else {
            return (progress, "warning: the saved lesson progress in '\(path)' is damaged (\(problems.prefix(3).joined(separator: ", "))); "
                        + "what could be read is kept, and the file is rewritten as lessons go on")
        }
        return (progress, nil)
    }

    /// Writes `progress`; returns a warning when it could not be saved.
    public func save(_ progress: CourseProgress) -> String? {
        if let folder = TextFile.directory(of: path), let problem = ProgressFile.makeFolders(folder) {
            return "warning: lesson progress is not saved: cannot create '\(folder)': \(problem)"
        }
        do {
            _ = try TextFile.write(path, mode: 0o600) { emit in _ = emit(progress.text) }
            return nil
        } catch {
            return "warning: lesson progress is not saved: " + error.message
        }
    }

    /// Creates `folder` and any missing folder above it with mode 0700; returns why it failed.
    static func makeFolders(_ folder: String) -> String? {
        var path = folder.hasPrefix("/") ? "" : "."
        for part in folder.split(separator: "/") {
            path += "/" + part
            if mkdir(path, 0o700) != 0, errno != EEXIST { return String(cString: strerror(errno)) }
        }
        return nil
    }
}
