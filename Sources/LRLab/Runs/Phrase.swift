/// A sentence the engine says about a run, kept as facts: text, and numbers with the precision
/// they are read at. The engine builds phrases; rendering (`LRLabText`) spells the numbers with
/// one formatter, so the session's `digits` setting reaches every verdict and curvature line.
///
/// Build one with string interpolation: `"loss \(.number(loss, digits: 6)) at \(.point(here))"`;
/// interpolated strings and integers become text.
public struct Phrase: Sendable, Hashable, ExpressibleByStringInterpolation, CustomDebugStringConvertible {
    /// One piece of a phrase.
    public enum Part: Sendable, Hashable {
        /// Words, printed as they are.
        case text(String)
        /// A number read at `digits` significant digits by default (`0.012`, `1.292e+14`).
        case number(Double, digits: Int)
        /// A point, each coordinate at 4 significant digits by default: `(1.347)`, `(0, 1)`.
        case point([Double])
        /// A unit direction: `along y` when it is an axis of `names`, else its components with
        /// two decimals by default: `along (0.01, 1.00)`.
        case direction([Double], names: [String])
    }

    /// The pieces in reading order.
    public var parts: [Part]

    public init(parts: [Part]) { self.parts = parts }

    public init(stringLiteral value: String) { parts = value.isEmpty ? [] : [.text(value)] }

    public init(stringInterpolation: StringInterpolation) { parts = stringInterpolation.parts }

    /// Whether the phrase has no text and no numbers.
    public var isEmpty: Bool { parts.allSatisfy { $0 == .text("") } }

    /// The numbers in the phrase, in reading order (a point's coordinates one by one).
    public var numbers: [Double] {
        parts.flatMap { part -> [Double] in
            switch part {
            case .text: return []
            case .number(let value, _): return [value]
            case .point(let values), .direction(let values, _): return values
            }
        }
    }

    public var debugDescription: String { "Phrase(\(parts))" }

    public static func + (lhs: Phrase, rhs: Phrase) -> Phrase { Phrase(parts: lhs.parts + rhs.parts) }

    public static func += (lhs: inout Phrase, rhs: Phrase) { lhs.parts += rhs.parts }

    public struct StringInterpolation: StringInterpolationProtocol {
        var parts: [Part] = []

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) {
            if !literal.isEmpty { parts.append(.text(literal)) }
        }

        /// A fact: `\(.number(x, digits: 4))`, `\(.point(p))`.
        public mutating func appendInterpolation(_ part: Part) { parts.append(part) }

        /// Another phrase, spliced in.
        public mutating func appendInterpolation(_ phrase: Phrase) { parts += phrase.parts }

        /// Words or a count, as text.
        public mutating func appendInterpolation<Value: CustomStringConvertible>(_ value: Value) {
            parts.append(.text(value.description))
        }
    }
}

extension Array where Element == Phrase {
    /// The phrases one after the other with `separator` between them.
    public func joined(separator: String) -> Phrase {
        var result = Phrase(parts: [])
        for (index, phrase) in enumerated() {
            if index > 0 { result.parts.append(.text(separator)) }
            result += phrase
        }
        return result
    }
}

extension DefaultStringInterpolation {
    /// A phrase put into a plain string would print its parts, not its text: a warning says so.
    @available(*, deprecated, message: "render the phrase with LRLabText: phrase.text(digits:)")
    public mutating func appendInterpolation(_ phrase: Phrase) {
        appendLiteral(phrase.debugDescription)
    }
}

extension Phrase {
    /// `9.842e-09 < 1e-08` for a value under its threshold, both at `digits` significant
    /// digits. Where they would round alike at that precision, the value gets the digits that
    /// tell it apart and the words say which side it is on (`9.9999996e-09, just under 1e-08`),
    /// so that a number never reads as "less than" itself.
    public static func under(_ value: Double, _ threshold: Double, digits: Int = 4) -> Phrase {
        let needed = distinguishingDigits(value, threshold, atLeast: digits)
        if needed > digits {
            return "\(.number(value, digits: needed)), just under \(.number(threshold, digits: digits))"
        }
        return "\(.number(value, digits: digits)) < \(.number(threshold, digits: digits))"
    }

    /// The significant digits (at least `minimum`, at most 17) at which `value` and `other`
    /// cannot round to the same text: two more than the leading zeros of their relative
    /// difference, so they differ by at least ten units in the last place shown.
    public static func distinguishingDigits(_ value: Double, _ other: Double, atLeast minimum: Int) -> Int {
        let scale = Swift.max(Swift.abs(value), Swift.abs(other))
        let difference = Swift.abs(value - other)
        guard scale > 0, scale.isFinite, difference > 0 else { return Swift.min(17, Swift.max(1, minimum)) }
        let relative = difference / scale
        var leadingZeros = 0
        var bound = 1.0
        while relative < bound / 10, leadingZeros < 17 { bound /= 10; leadingZeros += 1 }
        return Swift.min(17, Swift.max(minimum, leadingZeros + 2))
    }
}
