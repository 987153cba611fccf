import LRLab

/// The `OP VALUE [tol=T]` that follows the quantity of a claim (`loss < 1e-6`,
/// `x ~ 3 tol=1e-4`, `answer == adam`): the relation, the value as typed with its column, and
/// the tolerance of `~` (1e-6 unless given).
struct ClaimComparison {
    var relation: Expectation.Relation
    /// The value as typed, and the column it starts at.
    var valueText: String
    var valueColumn: Int
    var tolerance: Double

    /// Reads the comparison in `characters` from `index` on; `column` is the column of
    /// `characters[0]`, `quantity` names what is compared, for the error when no relation follows.
    static func parse(_ characters: [Character], from start: Int, column: Int, after quantity: String) throws(ShellError) -> ClaimComparison {
        var index = start
        while index < characters.count, characters[index] == " " { index += 1 }
        guard let relation = Expectation.Relation.allCases.first(where: { characters[index...].starts(with: $0.rawValue) }) else {
            throw ShellError("expected a comparison (< <= > >= == != ~) after \(quantity)",
                             at: SourceRange(column: column + index, length: 1))
        }
        index += relation.rawValue.count
        var valueEnd = characters.count
        var tolerance = 1e-6
        if let tolStart = (index..<max(index, characters.count - 3)).first(where: { characters[$0...].starts(with: "tol=") }) {
            let tolText = String(characters[(tolStart + 4)...]).trimmingSpaces
            let tolRange = SourceRange(column: column + tolStart + 4, length: max(1, tolText.count))
            let parsed: Double
            do throws(NumberSyntax.Problem) {
                parsed = try NumberSyntax.value(tolText)
            } catch {
                throw ShellError("tol: " + error.message(tolText), at: tolRange, hint: "write tol=1e-6")
            }
            guard parsed >= 0 else {
                throw ShellError("tol must be a non-negative number, not '\(tolText)'", at: tolRange)
            }
            tolerance = parsed
            valueEnd = tolStart
        }
        return ClaimComparison(relation: relation, valueText: String(characters[index..<valueEnd]), valueColumn: column + index,
                               tolerance: tolerance)
    }

    /// The value as a number: a formula of constants and kept names (`3 - 3*0.8^3`, `gd_steps / 5`).
    func number(names: [String: Double]) throws(ShellError) -> Double {
        do {
            let expression = try Parser.parse(valueText, variables: [], names: names, firstColumn: valueColumn)
            return try expression.checkedValue(names: [], at: [])
        } catch let error as ExpressionError {
            throw ShellError(error)
        } catch {
            throw ShellError("the value has none: \(error)", at: SourceRange(column: valueColumn, length: valueText.count))
        }
    }

    /// Whether the value is one word (`adam`, `bouncing`) rather than a number or formula.
    var isWord: Bool {
        let word = valueText.trimmingSpaces
        guard let first = word.first, first.isLetter else { return false }
        return word.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
    }
}
