#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LRLab

/// Reading a CSV data file for `data load`: the file is read in blocks of 1 MiB and handed to the
/// engine's `CSVTable`, so the limits (`Limits.maximumDataRows`, `maximumDataColumns`,
/// `maximumDataCells`, `maximumDataLineBytes`) stop a huge file at the first line past them,
/// before its numbers fill the memory.
enum CSVFile {
    /// The bounds of `Limits`, as the engine's table checks them.
    static let bounds = CSVTable.Bounds(rows: Limits.maximumDataRows, columns: Limits.maximumDataColumns, cells: Limits.maximumDataCells,
                                        lineBytes: Limits.maximumDataLineBytes)

    /// The bytes read at a time: `shouldStop` is polled and progress shown between blocks.
    static let blockBytes = 1 << 20

    /// How long a read goes before `progress` is told how far it is.
    static let progressDelay = Duration.seconds(1)

    /// Reads the table in `path` (called `name` in messages, as the user typed it). What is wrong
    /// inside the file is said with its line and column (`CSVDataError.description`); every error
    /// points at `range`, the file's word on the command line. When `shouldStop` (polled every
    /// block, and when a wait for the file to open or to give bytes is cut short) says so, it
    /// stops and throws. After `progressDelay`, `progress` is told the bytes and rows read so
    /// far after every block, and "" at the end.
    static func read(_ path: String, reportedAs name: String? = nil, at range: SourceRange?, bounds: CSVTable.Bounds = bounds,
                     shouldStop: () -> Bool = { false }, progress: ((String) -> Void)? = nil,
                     progressDelay: Duration = progressDelay) throws(ShellError) -> CSVTable {
        do throws(CSVDataError) {
            return try readTable(path, name: name ?? path, bounds: bounds, shouldStop: shouldStop, progress: progress, progressDelay: progressDelay)
        } catch {
            throw ShellError(error.description, at: range, hint: error.hint)
        }
    }

    /// The error of a read that Ctrl-C stopped.
    static func interrupted(_ name: String, line: Int) -> CSVDataError {
        CSVDataError(file: name, line: line > 0 ? line : nil, "interrupted while reading", hint: "no data set was loaded; the previous one is kept")
    }

    private static func readTable(_ path: String, name: String, bounds: CSVTable.Bounds, shouldStop: () -> Bool,
                                  progress: ((String) -> Void)?, progressDelay: Duration) throws(CSVDataError) -> CSVTable {
        let descriptor = try openWaiting(path, name: name, shouldStop: shouldStop)
        guard descriptor >= 0 else {
            throw CSVDataError(file: name, "cannot open it: \(String(cString: strerror(errno)))",
                               hint: "check the name; a relative path starts from the folder lrlab runs in")
        }
        defer { close(descriptor) }
        var status = stat()
        let size: Int? = fstat(descriptor, &status) == 0 && status.st_mode & S_IFMT == S_IFREG ? Int(status.st_size) : nil
        var table = CSVTable(file: name, bounds: bounds, expectedBytes: size)
        var block = [UInt8](repeating: 0, count: blockBytes)
        let clock = ContinuousClock()
        let start = clock.now
        var bytesRead = 0, showedProgress = false
        defer { if showedProgress { progress?("") } }
        while true {
            if shouldStop() { throw interrupted(name, line: table.lineNumber) }
            let count = block.withUnsafeMutableBytes { readDescriptor(descriptor, into: $0) }
            if count < 0 {
                if errno == EINTR { continue }  // a signal; shouldStop decides at the top
                throw CSVDataError(file: name, "cannot read it: \(String(cString: strerror(errno)))", hint: "is it a readable file, not a folder?")
            }
            if count == 0 { break }
            bytesRead += count
            try table.read(bytes: block.span.extracting(0..<count))
            if let progress, clock.now - start >= progressDelay {
                showedProgress = true
                let total = size.map { " of " + megabytes($0) } ?? ""
                progress("data load: \(megabytes(bytesRead))\(total) read, \(HelpText.grouped(table.rowCount)) rows")
            }
        }
        try table.finish()
        return table
    }

    /// Opens `path` for reading (-1 with `errno` set when it cannot be). A FIFO whose writer has
    /// not written yet is waited for in slices of 0.1 s while `shouldStop` allows: Ctrl-C there
    /// is an interruption, not a failed open.
    private static func openWaiting(_ path: String, name: String, shouldStop: () -> Bool) throws(CSVDataError) -> Int32 {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return -1 }
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFIFO {
            var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            while poll(&waiting, 1, 100) <= 0 {
                if shouldStop() {
                    close(descriptor)
                    throw interrupted(name, line: 0)
                }
            }
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return descriptor
    }

    /// `12.3 MB`.
    private static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}

/// `read(2)` into `buffer` (outside `CSVFile`, whose own `read` would hide it).
private func readDescriptor(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int {
    read(descriptor, buffer.baseAddress, buffer.count)
}
