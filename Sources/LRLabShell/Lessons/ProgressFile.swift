import LRLab

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where progress through the course is kept: `$XDG_STATE_HOME/lrlab/progress`, else
/// `~/.local/state/lrlab/progress`. Missing folders are created for the user only (0700), an
/// existing `lrlab` folder is tightened to 0700, the file is the user's only (0600) and replaced
/// whole (`TextFile.write`: a temporary file renamed over it), so a crash never leaves half a
/// file. lrlab picks this file itself, so neither it nor its folder is opened through a symbolic
/// link: a link there could turn a save against another file of the account (or, run as root,
/// of the system). Problems are warnings, never failures: a learner without saved progress can
/// still take every lesson.
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
    /// readable (what could be read is kept). No file, or an empty one, is no progress, without
    /// a warning. The file and its folder are never read through a symbolic link.
    public func load() -> (progress: CourseProgress, warning: String?) {
        let fresh = (CourseProgress(), nil as String?)
        if let folder = TextFile.directory(of: path) {
            guard TextFile.exists(folder) || TextFile.isLink(folder) else { return fresh }
            if let problem = ProgressFile.openFolder(folder) {
                return (CourseProgress(), "warning: the saved lesson progress cannot be read ('\(folder)': \(problem)); lessons start without it")
            }
        }
        guard TextFile.exists(path) || TextFile.isLink(path) else { return fresh }
        let text: String
        do {
            text = try TextFile.read(path, followsLinks: false)
        } catch {
            return (CourseProgress(), "warning: the saved lesson progress cannot be read (\(error.message)); lessons start without it")
        }
        guard !text.allSatisfy(\.isWhitespace) else { return fresh }
        let (progress, problems) = CourseProgress.parse(text)
        guard problems.isEmpty else {
            return (progress, "warning: the saved lesson progress in '\(path)' is damaged (\(problems.prefix(3).joined(separator: ", "))); "
                        + "what could be read is kept, and the file is rewritten as lessons go on")
        }
        return (progress, nil)
    }

    /// Writes `progress`; returns a warning when it could not be saved. Neither the file nor its
    /// folder is written through a symbolic link.
    public func save(_ progress: CourseProgress) -> String? {
        if let folder = TextFile.directory(of: path) {
            if let problem = ProgressFile.makeFolders(folder) {
                return "warning: lesson progress is not saved: cannot create '\(folder)': \(problem)"
            }
            if let problem = ProgressFile.openFolder(folder) {
                return "warning: lesson progress is not saved: '\(folder)': \(problem)"
            }
        }
        do {
            _ = try TextFile.write(path, mode: 0o600, followsLinks: false) { emit in _ = emit(progress.text) }
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

    /// Opens the progress folder itself without following a symbolic link and, when it is the
    /// user's own, tightens it to 0700 (an older lrlab or another tool may have made it 0755);
    /// returns why it cannot be used: a link, not a folder, or another user's folder.
    static func openFolder(_ folder: String) -> String? {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            return TextFile.isLink(folder) ? TextFile.linkRefusal : String(cString: strerror(errno))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return String(cString: strerror(errno)) }
        guard status.st_uid == geteuid() else { return "it belongs to another user; lrlab keeps progress only in a folder of its own user" }
        if status.st_mode & 0o777 != 0o700, fchmod(descriptor, 0o700) != 0 { return String(cString: strerror(errno)) }
        return nil
    }
}
