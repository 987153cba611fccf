/// One lexical unit of a formula, with the characters it came from.
public struct Token: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case number(Double)
        case identifier(String)
        case plus, minus, star, slash, caret
        case leftParenthesis, rightParenthesis, comma, equals
        case end
    }

    public var kind: Kind
    public var range: SourceRange
    public var text: String

    /// How the token reads in an error message: `'+'`, `number 3`, `end of formula`.
    public var spelling: String {
        switch kind {
        case .end: return "end of formula"
        case .number: return "number \(text)"
        case .identifier: return "'\(text)'"
        default: return "'\(text)'"
        }
    }
}
