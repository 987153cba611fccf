/// Why a formula could not be read, with the place in the text it refers to.
public struct ExpressionError: Error, Hashable, Sendable {
    public var message: String
    public var range: SourceRange
    /// A short "did you mean" or "write it as" hint, when one is likely to help.
    public var hint: String?

    public init(_ message: String, at range: SourceRange, hint: String? = nil) {
        self.message = message
        self.range = range
        self.hint = hint
    }
}
