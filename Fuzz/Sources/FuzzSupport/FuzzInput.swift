import LRLabShell

/// The bytes libFuzzer hands a harness, read as text the way the shell reads a line: invalid
/// UTF-8 is repaired to U+FFFD, so the harness sees what a user's terminal would deliver.
public enum FuzzInput {
    /// The input as text.
    public static func text(_ data: UnsafePointer<UInt8>?, _ size: Int) -> String {
        guard let data, size > 0 else { return "" }
        return String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    }

    /// Commands that touch files or start other scripts. An input that uses one is skipped:
    /// the fuzzer must not write into the working tree or run the lessons on every input.
    /// A lesson's `solution` runs the commands after it (`solution save x.csv`), unseen here.
    static let skippedCommands: Set<String> = ["save", "load", "lesson", "solution"]

    /// Whether the script `text` may run in a harness (no command from `skippedCommands`).
    public static func isSafe(_ text: String) -> Bool {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            for statement in Statement.split(String(line)) {
                guard let first = statement.words.first?.text.lowercased() else { continue }
                if skippedCommands.contains(first) { return false }
            }
        }
        return true
    }
}

/// A harness's callback, in the shape libFuzzer calls it.
public typealias FuzzTarget = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
