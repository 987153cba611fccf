import LRLab
import LRLabText

/// A line that defines something rather than running a command:
/// `f(x) = (x - 3)^2`, `f(x, y) = ...` (a loss), or `a = 5` (a named value).
enum Definition {
    case function(name: Word, parameters: [Word], body: (text: String, column: Int))
    case value(name: Word, body: (text: String, column: Int))

    /// The command that runs a definition; the registry hands statements of a definition's
    /// shape to it, whatever their first word. It is not listed: `help` explains definitions
    /// in its first lines and in `help f`.
    static let command = Command("=", usage: "NAME = VALUE | f(x) = FORMULA | f(x, y) = FORMULA",
                                 summary: "define a named value or a loss") { session, statement throws(ShellError) in
        try recognize(statement)?.apply(to: session, statement: statement) ?? Report()
    }

    /// Recognises a definition by its shape: a name, optionally `(params)`, then a single `=`.
    static func recognize(_ statement: Statement) -> Definition? {
        let characters = Array(statement.text)
        guard let equals = characters.firstIndex(of: "=") else { return nil }
        if equals + 1 < characters.count, characters[equals + 1] == "=" { return nil }
        let left = characters[..<equals]
        var index = left.startIndex
        func skipSpaces() { while index < left.endIndex, left[index].separatesWords { index += 1 } }
        func identifier() -> Word? {
            let start = index
            guard index < left.endIndex, left[index].isLetter || left[index] == "_" else { return nil }
            while index < left.endIndex, left[index].isLetter || left[index].isNumber || left[index] == "_" { index += 1 }
            return Word(text: String(left[start..<index]), column: statement.column + start)
        }
        skipSpaces()
        guard let name = identifier() else { return nil }
        skipSpaces()
        var bodyStart = equals + 1
        while bodyStart < characters.count, characters[bodyStart].separatesWords { bodyStart += 1 }
        let body = (text: String(characters[bodyStart...]), column: statement.column + bodyStart)
        if index == left.endIndex {
            return .value(name: name, body: body)
        }
        guard left[index] == "(" else { return nil }
        index += 1
        var parameters: [Word] = []
        while true {
            skipSpaces()
            guard let parameter = identifier() else { return nil }
            parameters.append(parameter)
            skipSpaces()
            guard index < left.endIndex else { return nil }
            if left[index] == "," { index += 1; continue }
            if left[index] == ")" { index += 1; break }
            return nil
        }
        skipSpaces()
        guard index == left.endIndex else { return nil }
        return .function(name: name, parameters: parameters, body: body)
    }

    static let reservedNames: Set<String> = Set(Function.allCases.map(\.rawValue) + Constant.allCases.map(\.rawValue))

    /// Words a function's variable may not be, because `expect` and `keep` read them as a
    /// quantity of the run (`loss`, `lr`, `steps`, ...) or the trace has a column of that name
    /// (`step`, `lr`, `loss`): a variable so named would shadow the quantity or repeat the column.
    static let reservedVariableNames: [String] = {
        var names: [String] = []
        for name in Expectation.reservedWords + TraceCSV.fixedColumns.leading + TraceCSV.fixedColumns.trailing
        where !names.contains(name) { names.append(name) }
        return names
    }()

    /// Why `name` cannot be a variable beside `others`, or nil when it can: a reserved word, or
    /// the name of a column the trace derives from another variable (`gx` beside `x`, or a
    /// state column `NAME_x` for any of `stateNames`, the quantities the optimizers record).
    static func variableNameProblem(_ name: String, others: [String], stateNames: Set<String>) -> (message: String, hint: String)? {
        let suggestion = "choose another name, e.g. \(name)1"
        if reservedVariableNames.contains(name) {
            return ("'\(name)' names a quantity of the run (expect, keep and the trace read it) and cannot be a variable",
                    "reserved: " + reservedVariableNames.joined(separator: " ") + "; " + suggestion)
        }
        for other in others where other != name {
            var derived = [TraceCSV.gradientColumn(other), TraceCSV.stepColumn(other)]
            derived += stateNames.sorted().map { TraceCSV.stateColumn($0, other) }
            if derived.contains(name) {
                return ("'\(name)' is a trace column of variable '\(other)' and cannot be a variable beside it",
                        "the trace names \(other)'s gradient \(TraceCSV.gradientColumn(other)), its step \(TraceCSV.stepColumn(other)) and its state NAME_\(other); " + suggestion)
            }
        }
        return nil
    }

    /// Defines the loss or the named value in `session`; the report echoes the definition.
    func apply(to session: Session, statement: Statement) throws(ShellError) -> Report {
        switch self {
        case .function(let name, let parameters, let body):
            try defineFunction(session, name: name, parameters: parameters, body: body)
        case .value(let name, let body):
            try defineValue(session, name: name, body: body)
        }
    }

    private func defineFunction(_ session: Session, name: Word, parameters: [Word], body: (text: String, column: Int)) throws(ShellError) -> Report {
        guard (1...2).contains(parameters.count) else {
            throw ShellError("a loss takes one or two variables, not \(parameters.count)", at: parameters[min(2, parameters.count - 1)].range,
                             hint: "write f(x) = ... or f(x, y) = ...")
        }
        for (index, parameter) in parameters.enumerated() {
            if Definition.reservedNames.contains(parameter.text) {
                throw ShellError("'\(parameter.text)' is a built-in name and cannot be a variable", at: parameter.range,
                                 hint: "use x and y")
            }
            if parameters[..<index].contains(where: { $0.text == parameter.text }) {
                throw ShellError("variable '\(parameter.text)' appears twice", at: parameter.range)
            }
            if let problem = Definition.variableNameProblem(parameter.text, others: parameters.map(\.text),
                                                            stateNames: session.optimizerRegistry.stateNames) {
                throw ShellError(problem.message, at: parameter.range, hint: problem.hint)
            }
            if session.explorer.names[parameter.text] != nil {
                throw ShellError("'\(parameter.text)' is already a named value", at: parameter.range,
                                 hint: "choose another variable name")
            }
        }
        let names = parameters.map(\.text)
        let expression: Expr
        do {
            expression = try Parser.parse(body.text, variables: names, names: session.explorer.names, firstColumn: body.column)
        } catch {
            throw ShellError(error)
        }
        let objective: Objective
        do {
            objective = try Objective.checked(name: name.text, parameters: names, expression: expression)
        } catch {
            throw ShellError("\(name.text)(\(names.joined(separator: ", "))) is too large to differentiate: \(error.description)",
                             at: SourceRange(column: body.column, length: body.text.count),
                             hint: "nested powers and products grow fastest; write the formula with less nesting")
        }
        session.setObjective(objective)
        var text = "\(objective.signature) = \(objective.expression)"
        if session.explorer.start == nil {
            text += "    (next: start " + names.map { "\($0)=..." }.joined(separator: " ") + ")"
        }
        return Report(text: text)
    }

    /// Refuses a name for a new named value (`a = ...`, `keep a = ...`) that is built in, a
    /// command, or a variable of the current function.
    static func checkNameIsFree(_ name: String, at range: SourceRange, in session: Session) throws(ShellError) {
        if reservedNames.contains(name) {
            throw ShellError("'\(name)' is built in and cannot be redefined", at: range)
        }
        if session.commandRegistry.named(name) != nil {
            throw ShellError("'\(name)' is a command and cannot be a named value", at: range, hint: "choose another name")
        }
        if session.explorer.objective?.parameters.contains(name) == true {
            throw ShellError("'\(name)' is a variable of the current function", at: range, hint: "choose another name")
        }
    }

    private func defineValue(_ session: Session, name: Word, body: (text: String, column: Int)) throws(ShellError) -> Report {
        try Definition.checkNameIsFree(name.text, at: name.range, in: session)
        let value: Double
        do {
            let expression = try Parser.parse(body.text, variables: [], names: session.explorer.names, firstColumn: body.column)
            value = try expression.checkedValue(names: [], at: [])
        } catch let error as ExpressionError {
            throw ShellError(error)
        } catch {
            throw ShellError("\(name.text) has no value: \(error)", at: SourceRange(column: body.column, length: body.text.count))
        }
        session.explorer.names[name.text] = value
        return Report(text: "\(name.text) = \(session.format(value))")
    }
}
