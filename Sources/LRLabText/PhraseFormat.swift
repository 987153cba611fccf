import LRLab

/// How the engine's phrases become text: every number through `NumberFormat.readable`, its
/// precision shifted by the session's digits setting.
///
/// Each number in a phrase carries the significant digits it is read at by default (a loss at 6,
/// a learning rate at 4); `digits` moves all of them by `digits − 6`, so the default setting
/// prints exactly the engine's precision and `set digits=8` two more digits everywhere.
public enum PhraseFormat {
    /// The session's default significant digits, at which phrases print as the engine wrote them.
    public static let defaultDigits = 6

    /// `phrase` as text with the session's `digits` (1…17).
    public static func text(_ phrase: Phrase, digits: Int = defaultDigits) -> String {
        let shift = digits - defaultDigits
        var text = ""
        for part in phrase.parts {
            switch part {
            case .text(let words):
                text += words
            case .number(let value, let precision):
                text += number(value, precision, shift)
            case .point(let values):
                text += "(" + values.map { number($0, 4, shift) }.joined(separator: ", ") + ")"
            case .direction(let vector, let names):
                text += direction(vector, names: names, shift: shift)
            }
        }
        return text
    }

    /// `value` at `precision` significant digits moved by `shift`, within 1…17.
    private static func number(_ value: Double, _ precision: Int, _ shift: Int) -> String {
        NumberFormat.readable(value, digits: min(max(precision + shift, 1), 17))
    }

    /// `along y` when the vector is an axis, `along (0.01, 1.00)` otherwise: two decimals by
    /// default, more with a positive shift, never fewer (a direction of `(1, 1)` would mislead).
    private static func direction(_ vector: [Double], names: [String], shift: Int) -> String {
        for index in vector.indices where Swift.abs(vector[index]) >= 1 - 1e-9 && index < names.count {
            return "along \(names[index])"
        }
        let decimals = min(max(2 + shift, 2), 15)
        return "along (" + vector.map { NumberFormat.fixed($0, decimals: decimals) }.joined(separator: ", ") + ")"
    }
}

extension Phrase {
    /// The phrase as text at the default digits (what the engine's precision says).
    public var text: String { PhraseFormat.text(self) }

    /// The phrase as text with the session's `digits`.
    public func text(digits: Int) -> String { PhraseFormat.text(self, digits: digits) }
}
