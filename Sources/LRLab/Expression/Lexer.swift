/// Splits a formula into tokens. Columns count characters from `firstColumn`, so a formula
/// cut out of a longer command line still reports the column of the whole line.
public struct Lexer: Sendable {
    public let characters: [Character]
    public let firstColumn: Int
    public let line: Int

    public init(_ text: some StringProtocol, line: Int = 1, firstColumn: Int = 1) {
        self.characters = Array(text)
        self.firstColumn = firstColumn
        self.line = line
    }

    private func range(_ start: Int, _ end: Int) -> SourceRange {
        SourceRange(start: SourceLocation(line: line, column: firstColumn + start), length: end - start)
    }

    public func tokens() throws(ExpressionError) -> [Token] {
        var result: [Token] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            // Any white space, including the no-break space some keyboards and pasted text insert.
            if character.isWhitespace {
                index += 1
                continue
            }
            let start = index
            if character.isASCII, character.isNumber || (character == "." && index + 1 < characters.count && characters[index + 1].isNumber) {
                index = scanNumber(from: index)
                let text = String(characters[start..<index])
                guard let value = Double(text) else {
                    throw ExpressionError("malformed number '\(text)'", at: range(start, index))
                }
                guard value.isFinite else {
                    throw ExpressionError("number '\(text)' is too large for a double", at: range(start, index),
                                          hint: NumberSyntax.representableRange)
                }
                if value == 0, NumberSyntax.hasNonzeroDigit(inSignificandOf: text) {
                    throw ExpressionError("number '\(text)' is too small for a double: it would be read as 0", at: range(start, index),
                                          hint: NumberSyntax.representableRange + "; write 0 if you mean 0")
                }
                result.append(Token(kind: .number(value), range: range(start, index), text: text))
                continue
            }
            if character.isLetter || character == "_" {
                while index < characters.count,
                      characters[index].isLetter || characters[index].isNumber || characters[index] == "_" {
                    index += 1
                }
                let text = String(characters[start..<index])
                result.append(Token(kind: .identifier(text), range: range(start, index), text: text))
                continue
            }
            let kind: Token.Kind
            switch character {
            case "+": kind = .plus
            case "-", "\u{2212}": kind = .minus
            case "*", "\u{00D7}", "\u{00B7}": kind = .star
            case "/", "\u{00F7}": kind = .slash
            case "^": kind = .caret
            case "(": kind = .leftParenthesis
            case ")": kind = .rightParenthesis
            case ",": kind = .comma
            case "=": kind = .equals
            default:
                throw ExpressionError("unexpected character '\(character)'", at: range(start, start + 1),
                                      hint: character == "[" || character == "{" ? "use '(' and ')' to group" : nil)
            }
            index += 1
            // `**` is a common spelling of power; accept it.
            if kind == .star, index < characters.count, characters[index] == "*" {
                index += 1
                result.append(Token(kind: .caret, range: range(start, index), text: "**"))
                continue
            }
            result.append(Token(kind: kind, range: range(start, index), text: String(character)))
        }
        result.append(Token(kind: .end, range: range(characters.count, characters.count + 1), text: ""))
        return result
    }

    private func scanNumber(from start: Int) -> Int {
        var index = start
        func digits() { while index < characters.count, characters[index].isASCII, characters[index].isNumber { index += 1 } }
        digits()
        if index < characters.count, characters[index] == "." { index += 1; digits() }
        if index < characters.count, characters[index] == "e" || characters[index] == "E" {
            var look = index + 1
            if look < characters.count, characters[look] == "+" || characters[look] == "-" { look += 1 }
            if look < characters.count, characters[look].isASCII, characters[look].isNumber {
                index = look
                digits()
            }
        }
        return index
    }
}
