#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The prompt's history file (`~/.lrlab_history`): plain text, one entry per line, shared by
/// every lrlab session. A session loads it at start and then appends each line it runs, as it
/// runs it, in one `write` to a descriptor opened with O_APPEND: two sessions open at once
/// both keep their lines (interleaved in the order they were typed), and a session that
/// crashes keeps what it had. The file is rewritten (temporary file and rename) only to
/// convert libedit's own format or to trim it when it has grown past twice `limit` entries.
public struct HistoryFile: Sendable {
    /// libedit's first line in its own format; the entries after it are `strvis`-encoded.
    public static let libeditHeader = "_HiStOrY_V2_"

    public let path: String
    /// Entries kept: loading keeps the last `limit`.
    public var limit: Int

    /// Whether the file may be reached through a symbolic link: true for a path the user named
    /// (`$LRLAB_HISTORY`), false for the one lrlab picks itself (`~/.lrlab_history`), where a
    /// link is refused and nothing is read or written through it.
    public var followsLinks: Bool

    public init(path: String, limit: Int = 2000, followsLinks: Bool = false) {
        self.path = path
        self.limit = limit
        self.followsLinks = followsLinks
    }

    /// Why the history is not kept, when lrlab picked the file and a symbolic link is there.
    public var refusal: String? {
        guard !followsLinks, TextFile.isLink(path) else { return nil }
        return "warning: the history is not kept in '\(path)': " + TextFile.linkRefusal
    }

    /// The entries stored in `text`, oldest first, and whether it was in libedit's format
    /// (whose header line is dropped and whose `\040`-style escapes are decoded).
    public static func entries(in text: String) -> (entries: [String], isLibeditFormat: Bool) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        guard lines.first == libeditHeader else { return (lines, false) }
        lines.removeFirst()
        return (lines.map(decodeLibedit).filter { !$0.isEmpty }, true)
    }

    /// The line that stores `entry`, or nil when it is not kept: blank, or spanning lines
    /// (the prompt never returns one, but the format could not read it back).
    public static func line(for entry: String) -> String? {
        guard !entry.allSatisfy({ $0 == " " || $0 == "\t" }), !entry.contains(where: \.isNewline) else { return nil }
        return entry
    }

    /// The file's entries, the last `limit` of them; none when it does not exist or cannot be
    /// read. A file in libedit's format, or one past twice `limit` entries, is rewritten in
    /// plain text with the entries returned.
    public func load() -> [String] {
        guard let text = try? TextFile.read(path, followsLinks: followsLinks) else { return [] }
        let (all, isLibeditFormat) = HistoryFile.entries(in: text)
        let kept = Array(all.suffix(limit))
        if isLibeditFormat || all.count > 2 * limit {
            rewrite(kept)
        }
        return kept
    }

    /// Appends `entry` (when `line(for:)` keeps it) at the end of the file, creating it
    /// readable by its owner only. Returns false when the file cannot be written.
    @discardableResult
    public func append(_ entry: String) -> Bool {
        guard let line = HistoryFile.line(for: entry) else { return true }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | (followsLinks ? 0 : O_NOFOLLOW), 0o600)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        // One write: appends from several sessions never interleave inside a line.
        var bytes = Array((line + "\n").utf8)
        return bytes.withUnsafeMutableBytes { write(descriptor, $0.baseAddress, $0.count) } == bytes.count
    }

    /// Replaces the file with `entries` in plain text, atomically; only for a regular file.
    private func rewrite(_ entries: [String]) {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return }
        _ = try? TextFile.write(path, followsLinks: followsLinks) { emit in
            for entry in entries {
                guard let line = HistoryFile.line(for: entry), emit(line + "\n") else { continue }
            }
        }
    }

    /// Undoes libedit's `strvis(VIS_WHITE)`: `\040` octal, `\\`, `\^C` controls, `\M-x` meta.
    static func decodeLibedit(_ line: String) -> String {
        guard line.contains("\\") else { return line }
        let bytes = Array(line.utf8)
        var decoded: [UInt8] = []
        var index = 0
        func octal(_ at: Int) -> UInt8? {
            guard at + 2 < bytes.count else { return nil }
            var value = 0
            for byte in bytes[at...at + 2] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "7") else { return nil }
                value = value * 8 + Int(byte - UInt8(ascii: "0"))
            }
            return value < 256 ? UInt8(value) : nil
        }
        func control(_ byte: UInt8) -> UInt8 { byte == UInt8(ascii: "?") ? 0x7F : byte & 0x1F }
        while index < bytes.count {
            let byte = bytes[index]
            let rest = bytes.count - index - 1
            let next = rest > 0 ? bytes[index + 1] : 0
            if byte != UInt8(ascii: "\\") || rest == 0 {
                decoded.append(byte)
                index += 1
            } else if next == UInt8(ascii: "\\") {
                decoded.append(next)
                index += 2
            } else if next == UInt8(ascii: "^"), rest >= 2 {
                decoded.append(control(bytes[index + 2]))
                index += 3
            } else if next == UInt8(ascii: "M"), rest >= 3, bytes[index + 2] == UInt8(ascii: "-") {
                decoded.append(bytes[index + 3] | 0x80)
                index += 4
            } else if next == UInt8(ascii: "M"), rest >= 3, bytes[index + 2] == UInt8(ascii: "^") {
                decoded.append(control(bytes[index + 3]) | 0x80)
                index += 4
            } else if let value = octal(index + 1) {
                decoded.append(value)
                index += 4
            } else {
                decoded.append(byte)
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }
}
