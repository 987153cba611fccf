import LRLabShell

#if canImport(Glibc)
import Glibc
#endif

/// Facts about the terminal decided once at start, and writing to it.
struct Terminal {
    let inputIsTerminal = isatty(STDIN_FILENO) == 1
    let outputIsTerminal = isatty(STDOUT_FILENO) == 1

    /// NO_COLOR (https://no-color.org) and TERM=dumb turn colour off.
    static var colorAllowed: Bool {
        getenv("NO_COLOR") == nil && String(cString: getenv("TERM") ?? strdup("dumb")) != "dumb"
    }

    /// Unicode pictures unless the locale says otherwise (LANG/LC_ALL without UTF-8 on a terminal).
    var supportsUnicode: Bool {
        guard outputIsTerminal else { return true }
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let value = getenv(name), value.pointee != 0 {
                let text = String(cString: value).lowercased()
                return text.contains("utf-8") || text.contains("utf8")
            }
        }
        return false
    }

    /// The terminal's size in character cells, when standard output is a terminal.
    static func size() -> (columns: Int, rows: Int)? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
        return (Int(size.ws_col), Int(size.ws_row))
    }

    func write(_ text: String) {
        print(text)
    }

    func writeError(_ text: String) {
        fflush(nil)
        let line = text + "\n"
        _ = line.withCString { Glibc.write(STDERR_FILENO, $0, strlen($0)) }
    }

    func flush() {
        fflush(nil)
    }

    /// Where lessons are looked for: $LRLAB_LESSONS, ./lessons, then a `lessons` folder beside
    /// the executable or in any folder above it (a build in `.build/<triple>/debug/` finds the
    /// checkout's lessons).
    static func lessonDirectories() -> [String] {
        var directories: [String] = []
        if let value = getenv("LRLAB_LESSONS") { directories.append(String(cString: value)) }
        directories.append("lessons")
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if length > 0 {
            let path = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            var parts = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
            for _ in 0..<6 where parts.count > 1 {
                directories.append(parts.joined(separator: "/") + "/lessons")
                parts = parts.dropLast()
            }
        }
        return directories
    }
}
