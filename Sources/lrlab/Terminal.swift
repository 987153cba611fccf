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

    /// The terminal's size in character cells: `COLUMNS` and `LINES` when set to a number (from
    /// 20 to 1000 columns), else the terminal's when standard output is one, else nil (the
    /// session keeps its 80 columns).
    static func size() -> (columns: Int, rows: Int)? {
        var size = winsize()
        let hasTerminal = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 && size.ws_row > 0
        let columns = environmentNumber("COLUMNS", in: 20...1000) ?? (hasTerminal ? Int(size.ws_col) : nil)
        let rows = environmentNumber("LINES", in: 5...1000) ?? (hasTerminal ? Int(size.ws_row) : nil)
        guard let columns else { return nil }
        return (columns, rows ?? 30)
    }

    /// A whole number from the environment, when set and within `range`.
    static func environmentNumber(_ name: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = getenv(name), let number = Int(String(cString: value)), range.contains(number) else { return nil }
        return number
    }

    /// The width lines are made for: the terminal's, else `COLUMNS`, else 80.
    static func columns() -> Int {
        if let size = size() { return size.columns }
        if let value = getenv("COLUMNS"), let columns = Int(String(cString: value)), columns > 0 { return min(columns, 1000) }
        return 80
    }

    /// Writes `text` and a newline to standard output at once (no buffer), so what was printed
    /// survives a later crash and a full device is noticed at the statement that hit it. A write
    /// that fails (ENOSPC on /dev/full, EIO, ...) is reported on standard error and ends lrlab
    /// with status 1: carrying on would lose the rest silently. A closed pipe (`| head`) never
    /// gets here: SIGPIPE keeps its default action and ends lrlab quietly with status 141, as it
    /// does `cat` and `seq`.
    func write(_ text: String) {
        flush()  // anything libedit or `print` left in the C buffer goes first
        if let code = Terminal.writeAll(STDOUT_FILENO, text + "\n") { Terminal.outputFailed(code) }
    }

    /// Writes `text` and a newline to standard error, every byte (a NUL does not end it).
    func writeError(_ text: String) {
        flush()
        _ = Terminal.writeAll(STDERR_FILENO, text + "\n")
    }

    /// Flushes the C library's buffers (`print`, libedit); a failure is reported as `write` reports it.
    func flush() {
        if fflush(nil) != 0 { Terminal.outputFailed(errno) }
    }

    /// Standard output cannot be written: say so on standard error and exit with status 1.
    /// (EPIPE only arrives when SIGPIPE is ignored, which `EntryPoint` undoes: end as SIGPIPE would.)
    static func outputFailed(_ code: Int32) -> Never {
        if code == EPIPE { _exit(128 + SIGPIPE) }
        writeAll(STDERR_FILENO, "lrlab: cannot write to standard output: \(String(cString: strerror(code)))\n")
        // _exit: exit() would flush the failing C stream again.
        _exit(1)
    }

    /// Writes all of `text` to a descriptor, going on after partial writes and signals.
    /// Returns the `errno` of a failed write, nil when every byte was written.
    @discardableResult
    static func writeAll(_ descriptor: Int32, _ text: String) -> Int32? {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBufferPointer { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return count < 0 ? errno : EIO }
            bytes = bytes.dropFirst(count)
        }
        return nil
    }

    /// Where lessons are looked for before the course built into lrlab: `$LRLAB_LESSONS`, a
    /// folder of `.lrlab` files (to try lessons being written without rebuilding).
    static func lessonDirectories() -> [String] {
        guard let value = getenv("LRLAB_LESSONS"), value.pointee != 0 else { return [] }
        return [String(cString: value)]
    }
}
