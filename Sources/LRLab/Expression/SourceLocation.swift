/// A place in a line of text: 1-based line and column, columns counting characters
/// (extended grapheme clusters), so a caret printed under the column lines up on a terminal.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A span of characters on one line, for carets such as `^~~~` under a token.
public struct SourceRange: Hashable, Sendable {
    public var start: SourceLocation
    /// Number of characters covered, at least 1.
    public var length: Int

    public init(start: SourceLocation, length: Int) {
        self.start = start
        self.length = max(1, length)
    }

    /// A range on line 1 from `column`, for text that is parsed on its own.
    public init(column: Int, length: Int) {
        self.init(start: SourceLocation(line: 1, column: column), length: length)
    }
}
