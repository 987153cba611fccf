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
/// (substituted as numbers), and the constants `pi` and `e`.
///
/// Two limits keep every later pass (printing, differentiation, compilation, even freeing the
/// tree) from exhausting the stack: at most `maximumNesting` levels of nesting, and at most
/// `maximumSize` nodes in all. A long flat sum such as `x + x + ... + x` nests nothing and is
/// limited only by its size.
public struct Parser: Sendable {
    /// The most levels of nesting accepted. A formula starts at level 1, and each `(`, function
    /// call, sign and exponent opens a level inside the one around it: the `2` of `sin(-(x^2))`
    /// is at level 5.
    public static let maximumNesting = 200
    /// The most nodes (numbers, names, operators and calls) a formula may have.
    public static let maximumSize = 4000

    private let tokens: [Token]
    private var position = 0
    /// Nodes built so far, against `maximumSize`.
    private var nodeCount = 0
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
        let expr = try parseSum(nesting: 1)
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

    /// Counts one more node of the tree, refusing the formula past `maximumSize`.
    private mutating func countNode(at token: Token) throws(ExpressionError) {
        nodeCount += 1
        if nodeCount > Parser.maximumSize {
            throw ExpressionError("formula is too large (more than \(Parser.maximumSize) terms)", at: token.range,
                                  hint: "split it into smaller formulas; named values can hold constant parts, e.g. a = ...")
        }
    }

    /// Refuses a level of nesting past `maximumNesting`.
    private func checkNesting(_ nesting: Int) throws(ExpressionError) {
        if nesting > Parser.maximumNesting {
            throw ExpressionError("formula is nested too deeply (more than \(Parser.maximumNesting) levels of parentheses, calls, signs and powers)",
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

    private mutating func parseSum(nesting: Int) throws(ExpressionError) -> Expr {
        try checkNesting(nesting)
        var left = try parseProduct(nesting: nesting)
        while true {
            let op: BinaryOperator
            switch current.kind {
            case .plus: op = .add
            case .minus: op = .subtract
            default: return left
            }
            let token = advance()
            let right = try parseProduct(nesting: nesting)
            try countNode(at: token)
            left = .binary(op, left, right)
        }
    }

    private mutating func parseProduct(nesting: Int) throws(ExpressionError) -> Expr {
        var left = try parseUnary(nesting: nesting)
        while true {
            let op: BinaryOperator
            switch current.kind {
            case .star: op = .multiply
            case .slash: op = .divide
            default: return left
            }
            let token = advance()
            let right = try parseUnary(nesting: nesting)
            try countNode(at: token)
            left = .binary(op, left, right)
        }
    }

    /// A sign opens a level of nesting: `- - - x` is nested three deep.
    private mutating func parseUnary(nesting: Int) throws(ExpressionError) -> Expr {
        try checkNesting(nesting)
        switch current.kind {
        case .minus:
            let token = advance()
            let operand = try parseUnary(nesting: nesting + 1)
            try countNode(at: token)
            return .negate(operand)
        case .plus:
            _ = advance()
            return try parseUnary(nesting: nesting + 1)
        default:
            return try parsePower(nesting: nesting)
        }
    }

    /// An exponent opens a level of nesting: `x^x^x` is nested three deep.
    private mutating func parsePower(nesting: Int) throws(ExpressionError) -> Expr {
        let base = try parsePrimary(nesting: nesting)
        guard current.kind == .caret else { return base }
        let token = advance()
        let exponent = try parseUnary(nesting: nesting + 1)
        try countNode(at: token)
        return .binary(.power, base, exponent)
    }

    private mutating func parsePrimary(nesting: Int) throws(ExpressionError) -> Expr {
        let token = advance()
        switch token.kind {
        case .number(let value):
            try countNode(at: token)
            return .number(value)
        case .leftParenthesis:
            let inner = try parseSum(nesting: nesting + 1)
            guard current.kind == .rightParenthesis else {
                if current.kind == .end {
                    throw ExpressionError("missing ')' to close the '(' here", at: token.range)
                }
                throw unexpectedAfterOperand()
            }
            _ = advance()
            return inner
        case .identifier(let name):
            try countNode(at: token)
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

    private mutating func parseName(_ name: String, token: Token, nesting: Int) throws(ExpressionError) -> Expr {
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
            let argument = try parseSum(nesting: nesting + 1)
            switch current.kind {
            case .rightParenthesis:
                _ = advance()
                return .call(function, argument)
            case .comma:
                throw ExpressionError("\(name) takes one argument", at: current.range)
            case .end:
                throw ExpressionError("missing ')' to close the '(' here", at: open.range)
            default:
                throw unexpectedAfterOperand()
            }
        }
        if variables.contains(name) { return .variable(name) }
        if let value = names[name] { return .number(value) }
        if let constant = Constant(rawValue: name) { return .constant(constant) }
        if let function = Function(rawValue: name) {
            throw ExpressionError("\(function.rawValue) needs its argument in parentheses", at: token.range,
                                  hint: "write \(function.rawValue)(...)")
        }
        if name == "x" || name == "y" {
            if variables.isEmpty {
                throw ExpressionError("'\(name)' is a variable, but only numbers can be used here", at: token.range,
                                      hint: "named values and start points are numbers, e.g. a = 2 or start x=1")
            }
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
