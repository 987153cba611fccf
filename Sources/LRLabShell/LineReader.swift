#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One line of a script as it was read.
public enum ScriptLine: Sendable, Hashable {
    /// The line's text, without its newline (invalid UTF-8 shows as U+FFFD).
    case text(String)
    /// A line longer than the reader's limit. Its bytes were not kept: the next line read
    /// starts after its newline, however far away that is.
    case tooLong
}

/// Lines of a file descriptor (standard input, a script file), read as they arrive, holding at
/// most `limit` bytes of one line: `lrlab < /dev/zero` stays small. A line longer than the limit
/// is reported as `.tooLong` as soon as the limit is passed; the rest of it is then skipped
/// without being kept. A class, so the caller can ask for `readError` after the loop.
public final class LineReader: Sequence, IteratorProtocol {
    private let fileDescriptor: Int32
    private let limit: Int
    private let shouldStop: () -> Bool
    private var buffer: [UInt8]
    private var position = 0
    private var filled = 0
    private var atEnd = false
    /// Set after `.tooLong`: the rest of that line is being skipped.
    private var skipping = false
    /// The `errno` of a failed read (not EINTR), which ended the lines early.
    public private(set) var readError: Int32?

    /// - Parameters:
    ///   - shouldStop: asked when a read is interrupted by a signal (Ctrl-C): true ends the lines.
    ///   - limit: the longest line kept, in bytes (not counting the newline).
    public init(fileDescriptor: Int32, limit: Int = Limits.maximumLineBytes, shouldStop: @escaping () -> Bool = { false }) {
        self.fileDescriptor = fileDescriptor
        self.limit = limit
        self.shouldStop = shouldStop
        buffer = [UInt8](repeating: 0, count: 65_536)
    }

    public func next() -> ScriptLine? {
        var line: [UInt8] = []
        var sawBytes = false
        while true {
            if position == filled {
                guard refill() else {
                    // End of input: a last line without a newline still counts.
                    if skipping { skipping = false; return nil }
                    return sawBytes ? .text(String(decoding: line, as: UTF8.self)) : nil
                }
            }
            let newline = buffer[position..<filled].firstIndex(of: UInt8(ascii: "\n"))
            let end = newline ?? filled
            if skipping {
                position = newline.map { $0 + 1 } ?? filled
                if newline != nil { skipping = false }
                continue
            }
            sawBytes = true
            if line.count + (end - position) > limit {
                // Report now; whatever is left of this line is skipped by the next call.
                position = newline.map { $0 + 1 } ?? filled
                skipping = newline == nil
                return .tooLong
            }
            line.append(contentsOf: buffer[position..<end])
            if let newline {
                position = newline + 1
                return .text(String(decoding: line, as: UTF8.self))
            }
            position = filled
        }
    }

    /// Reads the next chunk; false at the end of input, on a read error, or when a signal
    /// interrupted the read and `shouldStop` says so.
    private func refill() -> Bool {
        guard !atEnd else { return false }
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                position = 0
                filled = count
                return true
            }
            if count < 0, errno == EINTR {
                if shouldStop() { break }
                continue
            }
            if count < 0 { readError = errno }
            break
        }
        atEnd = true
        return false
    }
}
