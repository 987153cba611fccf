/// One `key=value` option a command accepts (an optimizer's `lr`, a schedule's `gamma`),
/// declared once so parsing, validation, help and tab completion all read the same list.
public struct OptionDefinition: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A number in `range` (inclusive); `integer` asks for a whole number.
        case number(default: Double, range: ClosedRange<Double>, integer: Bool)
        /// On or off: `amsgrad`, `amsgrad=true`, `amsgrad=0`.
        case flag(default: Bool)
        /// One of a fixed list of words.
        case choice(default: String, choices: [String])
    }

    public var name: String
    public var kind: Kind
    public var summary: String

    public init(_ name: String, _ kind: Kind, _ summary: String) {
        self.name = name
        self.kind = kind
        self.summary = summary
    }

    /// A real-valued option, by default any finite non-negative number.
    public static func number(_ name: String, default value: Double, range: ClosedRange<Double> = 0...Double.greatestFiniteMagnitude,
                              _ summary: String) -> OptionDefinition {
        OptionDefinition(name, .number(default: value, range: range, integer: false), summary)
    }

    /// A whole-number option.
    public static func integer(_ name: String, default value: Int, range: ClosedRange<Int>, _ summary: String) -> OptionDefinition {
        OptionDefinition(name, .number(default: Double(value), range: Double(range.lowerBound)...Double(range.upperBound), integer: true), summary)
    }

    /// How the default reads in help: `0.9`, `false`, `pytorch`.
    public var defaultText: String {
        switch kind {
        case .number(let value, _, _): return Expr.format(value)
        case .flag(let value): return value ? "true" : "false"
        case .choice(let value, _): return value
        }
    }
}

/// Why an option was refused, said so the user can fix it.
public struct OptionError: Error, Hashable, Sendable {
    public var message: String
    public var hint: String?
    /// The option's key as typed, so the caller can point at it.
    public var key: String

    public init(_ message: String, key: String, hint: String? = nil) {
        self.message = message
        self.key = key
        self.hint = hint
    }
}

/// Validated option values, defaults filled in.
public struct OptionValues: Sendable, Hashable {
    public private(set) var numbers: [String: Double] = [:]
    public private(set) var flags: [String: Bool] = [:]
    public private(set) var choices: [String: String] = [:]
    /// The keys the user gave explicitly, in order; `explain` and `show` print these.
    public private(set) var given: [String] = []

    public init() {}

    public func number(_ name: String) -> Double { numbers[name] ?? .nan }
    public func flag(_ name: String) -> Bool { flags[name] ?? false }
    public func choice(_ name: String) -> String { choices[name] ?? "" }

    /// Whether the user set `name` explicitly (as opposed to a default).
    public func isGiven(_ name: String) -> Bool { given.contains(name) }

    /// Sets a number as if the user had given it (a sweep or comparison choosing `lr`).
    public mutating func set(_ name: String, _ value: Double) {
        numbers[name] = value
        if !given.contains(name) { given.append(name) }
    }

    /// Sets a number after the fact (a convention changing several defaults at once).
    public mutating func setDefault(_ name: String, _ value: Double) {
        if !isGiven(name) { numbers[name] = value }
    }

    /// The defaults of `definitions`, none of them given.
    public init(defaultsOf definitions: [OptionDefinition]) {
        for definition in definitions {
            switch definition.kind {
            case .number(let value, _, _): numbers[definition.name] = value
            case .flag(let value): flags[definition.name] = value
            case .choice(let value, _): choices[definition.name] = value
            }
        }
    }

    /// Sets a flag as if the user had given it.
    public mutating func setFlag(_ name: String, _ value: Bool) {
        flags[name] = value
        if !given.contains(name) { given.append(name) }
    }

    /// Sets a choice as if the user had given it.
    public mutating func setChoice(_ name: String, _ value: String) {
        choices[name] = value
        if !given.contains(name) { given.append(name) }
    }
}

/// Numbers as users type them in commands: `0.1`, `1e-3`, `-2`, `.5`, and the constants `pi`, `e`.
/// A number must be finite and keep its value: `1e400` (infinite as a double), `1e-5000` (0 as
/// a double though its digits are not) and the words `inf` and `nan` are refused.
public enum NumberSyntax {
    /// Why a text is not a usable number.
    public enum Problem: Error, Hashable, Sendable {
        case notANumber
        /// `inf`, `nan` and the like: a word for a value that is not a finite number.
        case notFinite
        /// Beyond ±1.8e308: it would be read as infinity.
        case tooLarge
        /// Nonzero digits that would be read as 0 (below about 2.5e-324).
        case tooSmall

        /// What is wrong with `text`, said for the user: `'1e400' is too large for a double ...`.
        public func message(_ text: String) -> String {
            switch self {
            case .notANumber: return "'\(text)' is not a number"
            case .notFinite: return "'\(text)' is not a finite number"
            case .tooLarge: return "'\(text)' is too large for a double (\(NumberSyntax.representableRange))"
            case .tooSmall: return "'\(text)' is too small for a double: it would be read as 0 (\(NumberSyntax.representableRange))"
            }
        }
    }

    /// The magnitudes a double holds, as error messages state them.
    public static let representableRange = "nonzero magnitudes run from about 4.9e-324 to 1.8e308"

    /// The number `text` denotes, or `nil` when `value(_:)` would throw.
    public static func parse(_ text: some StringProtocol) -> Double? {
        try? value(text)
    }

    /// The number `text` denotes; throws when it is not a number, or names a value that is not
    /// finite, or overflows to infinity or underflows to 0 as a double.
    public static func value(_ text: some StringProtocol) throws(Problem) -> Double {
        let trimmed = text.trimmingSpaces
        switch trimmed.lowercased() {
        case "pi", "+pi": return Double.pi
        case "-pi": return -Double.pi
        case "e", "+e": return Constant.e.value
        case "-e": return -Constant.e.value
        case "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", "nan", "+nan", "-nan": throw .notFinite
        default: break
        }
        guard trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }), let value = Double(trimmed) else {
            throw .notANumber
        }
        if !value.isFinite { throw .tooLarge }
        if value == 0, hasNonzeroDigit(inSignificandOf: trimmed) { throw .tooSmall }
        return value
    }

    /// Whether the digits before any exponent of a decimal numeral include one from 1 to 9
    /// (so a value of 0 means the numeral underflowed).
    public static func hasNonzeroDigit(inSignificandOf numeral: some StringProtocol) -> Bool {
        for character in numeral {
            if character == "e" || character == "E" { return false }
            if character >= "1" && character <= "9" { return true }
        }
        return false
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    public var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" || first == "\r" || first == "\n" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\r" || last == "\n" { slice = slice.dropLast() }
        return String(slice)
    }
}
