import LRLab

/// Counts typed as words: `step 10`, `run 1e3`, `steps=500`, each a whole number from 1 to a limit.
extension Word {
    /// The whole number from 1 to `limit` of a word (`10`, or `key=10`); the error names the
    /// key and the limit, and `alternative` when the option also takes a word (`full`).
    func count(limit: Int, alternative: String? = nil) throws(ShellError) -> Int {
        let text = keyValue.value ?? self.text
        let name = keyValue.value == nil ? "the count" : keyValue.key
        let hint = keyValue.value == nil ? "give a whole number of steps, e.g. 10" : "e.g. \(name)=10" + (alternative.map { " or \(name)=\($0)" } ?? "")
        guard let count = try Word.wholeNumber(text, at: range, limit: limit, hint: hint) else {
            let expected = alternative.map { "\($0) or a whole number" } ?? "a whole number"
            throw ShellError("\(name) must be \(expected) from 1 to \(limit), not \(text)", at: range)
        }
        return count
    }

    /// The whole number from 1 to `limit` that `text` writes (any of `NumberSyntax`'s forms:
    /// `1e3`, `1_000`), or nil when it is a number outside those (the caller says what was
    /// expected). Throws, at `range` with `hint`, when `text` is not a number.
    static func wholeNumber(_ text: String, at range: SourceRange, limit: Int, hint: String) throws(ShellError) -> Int? {
        let value: Double
        do throws(NumberSyntax.Problem) {
            value = try NumberSyntax.value(text)
        } catch {
            throw ShellError(error.message(text), at: range, hint: hint)
        }
        guard value.rounded() == value, value >= 1, value <= Double(limit) else { return nil }
        return Int(saturating: value)
    }
}

extension Statement {
    /// `step 3`: the word at `index` as a whole number from 1 to `limit`, 1 when absent; a
    /// second word after it is refused.
    func count(limit: Int, index: Int = 1) throws(ShellError) -> Int {
        guard words.count > index else { return 1 }
        if words.count > index + 1 {
            throw ShellError("\(words[0].text) takes one count", at: words[index + 1].range)
        }
        return try words[index].count(limit: limit)
    }
}
