#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LRLab

/// Reading a CSV data file for `data load`: the file is read in blocks and handed to the
/// engine's `CSVTable` a line at a time, so the limits (`Limits.maximumDataRows`,
/// `maximumDataColumns`, `maximumDataCells`, `maximumDataLineBytes`) stop a huge file at the
/// first line past them, before its numbers fill the memory.
enum CSVFile {
    /// The bounds of `Limits`, as the engine's table checks them.
    static let bounds = CSVTable.Bounds(rows: Limits.maximumDataRows, columns: Limits.maximumDataColumns, cells: Limits.maximumDataCells)

    /// Reads the table in `path` (called `name` in messages, as the user typed it). What is wrong inside the file is said with its line and
    /// column (`CSVDataError.description`); every error points at `range`, the file's word on
    /// the command line. When `shouldStop` (polled every 64 KiB) says so, it stops and throws.
    static func read(_ path: String, reportedAs name: String? = nil, at range: SourceRange?, bounds: CSVTable.Bounds = bounds,
                     maximumLineBytes: Int = Limits.maximumDataLineBytes, shouldStop: () -> Bool = { false }) throws(ShellError) -> CSVTable {
        do throws(CSVDataError) {
            return try readTable(path, name: name ?? path, bounds: bounds, maximumLineBytes: maximumLineBytes, shouldStop: shouldStop)
        } catch {
            throw ShellError(error.description, at: range, hint: error.hint)
        }
    }

    private static func readTable(_ path: String, name: String, bounds: CSVTable.Bounds, maximumLineBytes: Int,
                                  shouldStop: () -> Bool) throws(CSVDataError) -> CSVTable {
        guard let file = try openWaiting(path, name: name, shouldStop: shouldStop) else {
            throw CSVDataError(file: name, "cannot open it: \(String(cString: strerror(errno)))",
                               hint: "check the name; a relative path starts from the folder lrlab runs in")
        }
        defer { fclose(file) }
        var table = CSVTable(file: name, bounds: bounds)
        var line: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            if shouldStop() {
                throw CSVDataError(file: name, line: table.lineNumber, "interrupted while reading", hint: "no data set was loaded; the previous one is kept")
            }
            let count = fread(&buffer, 1, buffer.count, file)
            var start = 0
            for index in 0..<count where buffer[index] == UInt8(ascii: "\n") {
                line.append(contentsOf: buffer[start..<index])
                try checkLength(line, table: table, limit: maximumLineBytes)
                try table.read(line: String(decoding: line, as: UTF8.self))
                line.removeAll(keepingCapacity: true)
                start = index + 1
            }
            line.append(contentsOf: buffer[start..<count])
            try checkLength(line, table: table, limit: maximumLineBytes)
            if count < buffer.count {
                if ferror(file) != 0 {
                    throw CSVDataError(file: name, "cannot read it: \(String(cString: strerror(errno)))", hint: "is it a readable file, not a folder?")
                }
                break
            }
        }
        if !line.isEmpty { try table.read(line: String(decoding: line, as: UTF8.self)) }
        try table.finish()
        return table
    }

    /// Opens `path` for reading (nil with `errno` set when it cannot be). A FIFO whose writer
    /// has not written yet is waited for in slices of 0.1 s while `shouldStop` allows: Ctrl-C
    /// there is an interruption, not a failed open.
    private static func openWaiting(_ path: String, name: String, shouldStop: () -> Bool) throws(CSVDataError) -> UnsafeMutablePointer<FILE>? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFIFO {
            var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            while poll(&waiting, 1, 100) <= 0 {
                if shouldStop() {
                    close(descriptor)
                    throw CSVDataError(file: name, CSVFile.interruptedWhileWaiting, hint: "no data set was loaded; the previous one is kept")
                }
            }
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        guard let file = fdopen(descriptor, "rb") else {
            let code = errno
            close(descriptor)
            errno = code
            return nil
        }
        return file
    }

    /// The message of a load that Ctrl-C stopped while it waited for a pipe's writer.
    static let interruptedWhileWaiting = "interrupted while waiting for data"

    private static func checkLength(_ line: [UInt8], table: CSVTable, limit: Int) throws(CSVDataError) {
        guard line.count > limit else { return }
        throw CSVDataError(file: table.file, line: table.lineNumber + 1, "the line is longer than \(limit) bytes; that is the limit",
                           hint: "is this a CSV file? rows are separated by line breaks, with at most \(Limits.maximumDataColumns) columns")
    }
}
