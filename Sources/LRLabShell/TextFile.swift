#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading and writing whole text files, with errors a user can act on.
enum TextFile {
    /// Largest script or file read (16 MiB).
    static let maximumSize = 16 << 20

    /// The whole text of `path`. With `followsLinks` false (a file lrlab picks itself, never
    /// one the user named) a symbolic link, a folder or a device at `path` is refused, not read.
    static func read(_ path: String, followsLinks: Bool = true) throws(ShellError) -> String {
        let file: UnsafeMutablePointer<FILE>
        if followsLinks {
            guard let opened = fopen(path, "rb") else {
                throw ShellError("cannot open '\(path)': \(String(cString: strerror(errno)))")
            }
            file = opened
        } else {
            let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw ShellError("cannot open '\(path)': " + (errno == ELOOP ? linkRefusal : String(cString: strerror(errno))))
            }
            var status = stat()
            guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, let opened = fdopen(descriptor, "rb") else {
                close(descriptor)
                throw ShellError("cannot open '\(path)': it is not a regular file")
            }
            file = opened
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count > 0 { bytes.append(contentsOf: buffer[0..<count]) }
            if bytes.count > maximumSize {
                throw ShellError("'\(path)' is larger than \(maximumSize >> 20) MiB")
            }
            if count < buffer.count {
                if ferror(file) != 0 { throw ShellError("cannot read '\(path)': \(String(cString: strerror(errno)))") }
                break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// How a whole-file write ended when it did not fail.
    enum WriteOutcome: Equatable {
        /// Every chunk was written and the file is in place.
        case written(bytes: Int)
        /// `shouldStop` said stop: nothing was changed at the path.
        case interrupted
    }

    /// Writes a whole file so that it is never seen half-written: the chunks go to a temporary
    /// file beside `path` (`.NAME.lrlab-tmp-N`, in the same folder so the rename stays on one
    /// device), which is flushed to the disk and renamed over `path` (atomic on POSIX) only when
    /// every chunk was written. On a failed write or when `shouldStop` (polled before every
    /// chunk) says so, the temporary file is removed and whatever was at `path` is left as it
    /// was; a signal that ends lrlab mid-save removes it too (`PendingTemporaryFile`). A new file gets the usual permissions (0666 less the umask), a replaced one keeps
    /// its own; a symbolic link is followed, not replaced. A path that is not a regular file
    /// (`/dev/stdout`, a FIFO) is written in place, as nothing can be renamed over it.
    ///
    /// - Parameter body: calls `emit` with each chunk in order; `emit` returns false when the
    ///   body should stop (the write failed or was interrupted).
    /// - Parameter mode: when given, the permissions of the file written, new or replaced.
    /// - Parameter followsLinks: false for a file lrlab picks itself (never one the user named):
    ///   a symbolic link or anything but a regular file at `path` is refused, and the rename
    ///   replaces the name itself, so nothing is ever written through a link.
    static func write(_ path: String, mode: mode_t? = nil, followsLinks: Bool = true, shouldStop: @escaping () -> Bool = { false },
                      _ body: (_ emit: (String) -> Bool) -> Void) throws(ShellError) -> WriteOutcome {
        var target = path
        var status = stat()
        let exists = lstat(path, &status) == 0
        if exists, !followsLinks, status.st_mode & S_IFMT != S_IFREG {
            throw ShellError("cannot write '\(path)': " + (status.st_mode & S_IFMT == S_IFLNK ? linkRefusal : "it is not a regular file"))
        }
        if exists, status.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(path, nil) {
            target = String(cString: resolved)
            free(resolved)
            _ = stat(target, &status)
        }
        let inPlace = exists && status.st_mode & S_IFMT != S_IFREG && status.st_mode & S_IFMT != S_IFLNK
        let temporary = inPlace ? target : temporaryPath(beside: target)
        let descriptor = inPlace ? open(target, O_WRONLY | O_TRUNC | O_CLOEXEC)
            : open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode ?? 0o666)
        guard descriptor >= 0 else {
            throw ShellError("cannot write '\(path)': \(String(cString: strerror(errno)))")
        }
        if !inPlace { PendingTemporaryFile.set(temporary) }
        defer { if !inPlace { PendingTemporaryFile.clear() } }
        if let mode, !inPlace { _ = fchmod(descriptor, mode) } else if exists, !inPlace { _ = fchmod(descriptor, status.st_mode & 0o7777) }
        guard let file = fdopen(descriptor, "wb") else {
            let code = errno
            close(descriptor)
            if !inPlace { unlink(temporary) }
            throw ShellError("cannot write '\(path)': \(String(cString: strerror(code)))")
        }
        var failure: Int32?
        var stopped = false
        var bytes = 0
        body { chunk in
            guard failure == nil, !stopped else { return false }
            if shouldStop() { stopped = true; return false }
            var chunk = chunk
            let count = chunk.withUTF8 { fwrite($0.baseAddress, 1, $0.count, file) }
            bytes += count
            if count < chunk.utf8.count { failure = errno == 0 ? EIO : errno; return false }
            return true
        }
        if !stopped, failure == nil, shouldStop() { stopped = true }
        if !stopped, failure == nil {
            if fflush(file) != 0 || (!inPlace && fsync(descriptor) != 0) { failure = errno }
        }
        if fclose(file) != 0, failure == nil, !stopped { failure = errno }
        if stopped || failure != nil {
            if !inPlace { unlink(temporary) }
            if let failure {
                throw ShellError("writing '\(path)' failed: \(String(cString: strerror(failure)))" + (inPlace ? "" : "; the file was not changed"))
            }
            return .interrupted
        }
        if !inPlace, rename(temporary, target) != 0 {
            let code = errno
            unlink(temporary)
            throw ShellError("cannot write '\(path)': \(String(cString: strerror(code)))")
        }
        return .written(bytes: bytes)
    }

    /// Why a file lrlab picks itself is not opened through a symbolic link.
    static let linkRefusal = "it is a symbolic link, and lrlab opens its own files only when they are not "
        + "(a link could point it at another file); remove the link"

    /// A name for a temporary file in the folder of `path` that no other file has yet.
    static func temporaryPath(beside path: String) -> String {
        let folder = directory(of: path).map { $0 == "/" ? "/" : $0 + "/" } ?? ""
        let name = path.split(separator: "/").last.map(String.init) ?? path
        while true {
            let candidate = folder + "." + name + ".lrlab-tmp-" + String(UInt32.random(in: 0...UInt32.max), radix: 36)
            if !exists(candidate) { return candidate }
        }
    }

    /// Whether something exists at `path`.
    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// The lines of `text`, ended by `\n` or `\r\n` (a file saved on Windows reads as it does
    /// elsewhere; Swift keeps `\r\n` as one character, so splitting at `\n` alone would not).
    static func lines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    }

    /// Whether `path` itself is a symbolic link (broken or not).
    static func isLink(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK
    }

    /// The names in a folder, or nil when it cannot be read.
    static func list(_ directory: String) -> [String]? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// The folder part of a path (`lessons` for `lessons/01.lrlab`), or nil for a bare name.
    static func directory(of path: String) -> String? {
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
