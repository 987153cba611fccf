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

    static func read(_ path: String) throws(ShellError) -> String {
        guard let file = fopen(path, "rb") else {
            throw ShellError("cannot open '\(path)': \(String(cString: strerror(errno)))")
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

    /// Writes `chunks` in order, creating or replacing the file.
    static func write(_ path: String, _ write: (_ emit: (String) -> Void) -> Void) throws(ShellError) {
        guard let file = fopen(path, "wb") else {
            throw ShellError("cannot write '\(path)': \(String(cString: strerror(errno)))")
        }
        var failed = false
        write { chunk in
            if fputs(chunk, file) < 0 { failed = true }
        }
        if fclose(file) != 0 || failed {
            throw ShellError("writing '\(path)' failed: \(String(cString: strerror(errno)))")
        }
    }

    /// Whether something exists at `path`.
    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
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
