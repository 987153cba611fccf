/// Reads a formula into an `Expr` by recursive descent.
///
/// Grammar (lowest precedence first):
///
///     sum      := product (("+" | "-") product)*
///     product  := unary (("*" | "/") unary)*
///     unary    := ("-" | "+") unary | power
///     power    := primary ("^" unary)?          // right-associative; -x^2 is -(x^2)
///     primary  := number | name | function "(" sum ")" | "(" sum ")"
///
/// Names resolve, in order, to the function's variables, the session's named values
/// (substituted as numbers), and the constants `pi` and `e`. Trees deeper than
/// `maximumDepth` are refused, so later recursive passes cannot exhaust the stack.
public struct Parser: Sendable {
    /// The deepest tree accepted, counting nodes from the root.
    public static let maximumDepth = 200

    private let tokens: [Token]
    private var position = 0
    private let variables: [String]
    private let names: [String: Double]

    /// - Parameters:
    ///   - variables: the names that are the function's parameters (`x`, `y`).
    ///   - names: named values the session defined (`a = 5`).
    public init(tokens: [Token], variables: [String], names: [String: Double] = [:]) {
        self.tokens = tokens
        self.variables = variables
        self.names = names
    }

    /// Parses `text` as a whole formula.
    public static func parse(_ text: some StringProtocol, variables: [String], names: [String: Double] = [:],
                             line: Int = 1, firstColumn: Int = 1) throws(ExpressionError) -> Expr {
        let tokens = try Lexer(text, line: line, firstColumn: firstColumn).tokens()
        var parser = Parser(tokens: tokens, variables: variables, names: names)
        return try parser.parseWhole()
    }

    /// Parses all the tokens as one formula; trailing tokens are an error.
    public mutating func parseWhole() throws(ExpressionError) -> Expr {
        if current.kind == .end {
            throw ExpressionError("expected a formula", at: current.range)
        }
        let (expr, _) = try parseSum(nesting: 0)
        guard current.kind == .end else {
            if current.kind == .rightParenthesis {
                throw ExpressionError("unmatched ')'", at: current.range)
            }
            throw unexpectedAfterOperand()
        }
        return expr
    }

    private var current: Token { tokens[position] }

    private mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private func checkDepth(_ depth: Int, at token: Token) throws(ExpressionError) {
        if depth > Parser.maximumDepth {
            throw ExpressionError("formula is nested too deeply (more than \(Parser.maximumDepth) levels)",
                                  at: token.range, hint: "split it with named values, e.g. a = ...")
        }
    }

    /// Each parenthesis level costs about five frames of recursion; refuse before the stack does.
    private func checkNesting(_ nesting: Int) throws(ExpressionError) {
        if nesting > 5 * Parser.maximumDepth {
            throw ExpressionError("formula is nested too deeply (more than \(Parser.maximumDepth) levels)",
                                  at: current.range, hint: "split it with named values, e.g. a = ...")
        }
    }

    private func unexpectedAfterOperand() -> ExpressionError {
        switch current.kind {
        case .number, .identifier, .leftParenthesis:
            return ExpressionError("expected an operator before \(current.spelling)", at: current.range,
                                   hint: "write a product with '*', e.g. 2*x")
        case .equals:
            return ExpressionError("unexpected '=' inside a formula", at: current.range,
                                   hint: "comparisons belong in 'expect', e.g. expect loss < 1e-6")
        default:
            return ExpressionError("unexpected \(current.spelling)", at: current.range)
        }
    }

    private mutating func parseSum(nesting: Int) throws(ExpressionError) -> (Expr, Int) {
        try checkNesting(nesting)
        var (left, depth) = try parseProduct(nesting: nesting + 1)
        while true {
            let op: BinaryOperator
            switch current.kind {
            case .plus: op = .add
            case .minus: op = .subtract
            default: return (left, depth)
            }
            let token = advance()
            let (right, rightDepth) = try parseProduct(nesting: nesting + 1)
            depth = 1 + max(depth, rightDepth)
            try checkDepth(depth, at: token)
            left = .binary(op, left, right)
        }
    }

    private mutating func parseProduct(nesting: Int) throws(ExpressionError) -> (Expr, Int) {
        try checkNesting(nesting)
        var (left, depth) = try parseUnary(nesting: nesting + 1)
        while true {
            let op: BinaryOperator
            switch current.kind {
            case .star: op = .multiply
            case .slash: op = .divide
            default: return (left, depth)
            }
            let token = advance()
            let (right, rightDepth) = try parseUnary(nesting: nesting + 1)
            depth = 1 + max(depth, rightDepth)
            try checkDepth(depth, at: token)
            left = .binary(op, left, right)
        }
    }

    private mutating func parseUnary(nesting: Int) throws(ExpressionError) -> (Expr, Int) {
        try checkNesting(nesting)
        switch current.kind {
        case .minus:
            _ = advance()
            let (operand, depth) = try parseUnary(nesting: nesting + 1)
            try checkDepth(depth + 1, at: current)
            return (.negate(operand), depth + 1)
        case .plus:
            _ = advance()
            return try parseUnary(nesting: nesting + 1)
        default:
            return try parsePower(nesting: nesting + 1)
        }
    }

    private mutating func parsePower(nesting: Int) throws(ExpressionError) -> (Expr, Int) {
        try checkNesting(nesting)
        let (base, baseDepth) = try parsePrimary(nesting: nesting + 1)
        guard current.kind == .caret else { return (base, baseDepth) }
        let token = advance()
        let (exponent, exponentDepth) = try parseUnary(nesting: nesting + 1)
        let depth = 1 + max(baseDepth, exponentDepth)
        try checkDepth(depth, at: token)
        return (.binary(.power, base, exponent), depth)
    }

    private mutating func parsePrimary(nesting: Int) throws(ExpressionError) -> (Expr, Int) {
        try checkNesting(nesting)
        let token = advance()
        switch token.kind {
        case .number(let value):
            return (.number(value), 1)
        case .leftParenthesis:
            let (inner, depth) = try parseSum(nesting: nesting + 1)
            guard current.kind == .rightParenthesis else {
                if current.kind == .end {
                    throw ExpressionError("missing ')' to close the '(' here", at: token.range)
                }
                throw unexpectedAfterOperand()
            }
            _ = advance()
            return (inner, depth)
        case .identifier(let name):
            return try parseName(name, token: token, nesting: nesting)
        case .end:
            throw ExpressionError("formula ends where a number, name or '(' was expected", at: token.range)
        case .rightParenthesis:
            throw ExpressionError("expected a number, name or '(' before ')'", at: token.range)
        default:
            throw ExpressionError("unexpected \(token.spelling) where a number, name or '(' was expected",
                                  at: token.range)
        }
    }

    private mutating func parseName(_ name: String, token: Token, nesting: Int) throws(ExpressionError) -> (Expr, Int) {
        if current.kind == .leftParenthesis {
            guard let function = Function(rawValue: name) else {
                if variables.contains(name) || names[name] != nil || Constant(rawValue: name) != nil {
                    throw ExpressionError("'\(name)' is not a function", at: token.range,
                                          hint: "write a product with '*', e.g. \(name)*(...)")
                }
                let suggestion = Suggestion.closest(to: name, among: Function.allCases.map(\.rawValue))
                throw ExpressionError("unknown function '\(name)'", at: token.range,
                                      hint: suggestion.map { "did you mean '\($0)'?" }
                                          ?? "functions: " + Function.allCases.map(\.rawValue).joined(separator: " "))
            }
            let open = advance()
            let (argument, depth) = try parseSum(nesting: nesting + 1)
            switch current.kind {
            case .rightParenthesis:
                _ = advance()
                try checkDepth(depth + 1, at: open)
                return (.call(function, argument), depth + 1)
            case .comma:
                throw ExpressionError("\(name) takes one argument", at: current.range)
            case .end:
                throw ExpressionError("missing ')' to close the '(' here", at: open.range)
            default:
                throw unexpectedAfterOperand()
            }
        }
        if variables.contains(name) { return (.variable(name), 1) }
        if let value = names[name] { return (.number(value), 1) }
        if let constant = Constant(rawValue: name) { return (.constant(constant), 1) }
        if let function = Function(rawValue: name) {
            throw ExpressionError("\(function.rawValue) needs its argument in parentheses", at: token.range,
                                  hint: "write \(function.rawValue)(...)")
        }
        if name == "x" || name == "y" {
            let list = variables.joined(separator: ", ")
            throw ExpressionError("'\(name)' is not a variable of f(\(list))", at: token.range,
                                  hint: name == "y" ? "define f(x, y) = ... for a function of two variables" : nil)
        }
        let candidates = variables + Array(names.keys).sorted() + Constant.allCases.map(\.rawValue)
            + Function.allCases.map(\.rawValue)
        let suggestion = Suggestion.closest(to: name, among: candidates)
        throw ExpressionError("unknown name '\(name)'", at: token.range,
                              hint: suggestion.map { "did you mean '\($0)'?" }
                                  ?? "define it first, e.g. \(name) = 2")
    }
}
