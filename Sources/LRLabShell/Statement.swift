import LRLab

extension Character {
    /// Whether the character separates words of a command: a space, a tab, or any other white
    /// space such as the no-break space that pasted text often carries.
    var separatesWords: Bool { isWhitespace }
}

/// One word of a command with the column it starts at (1-based, in characters of the line).
public struct Word: Hashable, Sendable {
    /// The word without the double quotes that held it together (`a b.csv` for `"a b.csv"`).
    public var text: String
    public var column: Int
    /// Characters the word takes on the line, its quotes included.
    public var length: Int

    public init(text: String, column: Int, length: Int? = nil) {
        self.text = text
        self.column = column
        self.length = length ?? text.count
    }

    public var range: SourceRange { SourceRange(column: column, length: length) }

    /// For `key=value` words, the key and the value (nil when there is no `=`).
    public var keyValue: (key: String, value: String?) {
        guard let equals = text.firstIndex(of: "=") else { return (text, nil) }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }
}

/// One command of a line: the text between `;` separators with its starting column, split
/// into words. `#` starts a comment; after `say` (and the other `verbatimCommands`) the rest
/// of the line is the command's text, `;` and `#` included. Double quotes hold a word with
/// spaces, `;` or `#` together (`data load "my data.csv"`, `validation="a b.csv"`); the quotes
/// are not part of the word.
public struct Statement: Hashable, Sendable {
    /// The statement's text as typed (without the comment).
    public var text: String
    /// Column of the first character of `text` in the whole line.
    public var column: Int
    public var words: [Word]

    /// The text after the first word, and its column, for commands that take a formula.
    public var rest: (text: String, column: Int) {
        guard let first = words.first else { return ("", column) }
        let characters = Array(text)
        var index = first.column - column + first.length
        while index < characters.count, characters[index].separatesWords { index += 1 }
        return (String(characters[min(index, characters.count)...]), column + index)
    }

    /// Whether a line holds only spaces, tabs and line breaks: the prompt skips such a line
    /// and keeps it out of history.
    public static func isBlank(_ line: String) -> Bool {
        line.trimmingSpaces.isEmpty
    }

    /// The commands that take the rest of their line as it is: narration and the parts of a
    /// lesson (`solution` splits its own commands).
    static let verbatimCommands = ["say", "title", "summary", "task", "question", "any", "hint", "explanation", "solution"]

    /// Splits a line into statements.
    public static func split(_ line: String) -> [Statement] {
        let characters = Array(line)
        var statements: [Statement] = []
        var start = 0
        var index = 0
        func finish(_ end: Int) {
            let text = String(characters[start..<end])
            if !text.trimmingSpaces.isEmpty {
                statements.append(Statement(text: text, column: start + 1, words: words(in: text, column: start + 1)))
            }
        }
        // Whether only white space has come since `start` (checked once per character: a line of
        // 64 KiB of spaces must not cost 64 Ki × 64 Ki steps).
        var atStatementStart = true
        var quoted = false
        while index < characters.count {
            if characters[index] == "\"" {
                quoted.toggle()
            } else if quoted {
                index += 1
                continue
            }
            if atStatementStart, !characters[index].separatesWords {
                atStatementStart = false
                // At the start of a statement: `say` takes the rest of the line verbatim.
                let remaining = characters[index...]
                if Statement.verbatimCommands.contains(where: { name in
                    remaining.starts(with: name) && (remaining.count == name.count || remaining.dropFirst(name.count).first?.separatesWords == true)
                }) {
                    index = characters.count
                    break
                }
            }
            if characters[index] == "#" {
                finish(index)
                return statements
            }
            if characters[index] == ";" {
                finish(index)
                start = index + 1
                atStatementStart = true
            }
            index += 1
        }
        finish(characters.count)
        return statements
    }

    /// `text` as a word of a command: in double quotes when it holds white space, `;` or `#`
    /// (`"my data.csv"`), else as it is.
    static func quoted(_ text: String) -> String {
        text.contains(where: { $0.separatesWords || $0 == ";" || $0 == "#" }) ? "\"" + text + "\"" : text
    }

    static func words(in text: String, column: Int) -> [Word] {
        var words: [Word] = []
        var current = ""
        var currentColumn = 0
        var started = false
        var quoted = false
        func finish(at offset: Int) {
            if started { words.append(Word(text: current, column: currentColumn, length: column + offset - currentColumn)) }
            current = ""
            started = false
        }
        for (offset, character) in text.enumerated() {
            if character.separatesWords, !quoted {
                finish(at: offset)
                continue
            }
            if !started { currentColumn = column + offset; started = true }
            if character == "\"" { quoted.toggle() } else { current.append(character) }
        }
        finish(at: text.count)
        return words
    }
}
