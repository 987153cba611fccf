import LRLab

/// Anything that stops a command: what went wrong, where on the line (when known), and
/// what to do instead. Rendered in one place, `DiagnosticRenderer`.
public struct ShellError: Error, Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case error
        /// An `expect` whose claim did not hold.
        case expectationFailed
    }

    public var kind: Kind
    public var message: String
    /// Columns on the command line, when the error is about a particular part of it.
    public var range: SourceRange?
    public var hint: String?

    public init(_ message: String, at range: SourceRange? = nil, hint: String? = nil, kind: Kind = .error) {
        self.kind = kind
        self.message = message
        self.range = range
        self.hint = hint
    }

    /// An expression error keeps its columns and hint.
    public init(_ error: ExpressionError) {
        self.init(error.message, at: error.range, hint: error.hint)
    }
}
