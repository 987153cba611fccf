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

    /// Parses `pairs` against `definitions`: unknown keys, malformed or out-of-range values
    /// are errors with a suggestion; missing keys take their defaults.
    public static func parse(_ pairs: [(key: String, value: String?)], definitions: [OptionDefinition],
                             context: String) throws(OptionError) -> OptionValues {
        var result = OptionValues()
        for definition in definitions {
            switch definition.kind {
            case .number(let value, _, _): result.numbers[definition.name] = value
            case .flag(let value): result.flags[definition.name] = value
            case .choice(let value, _): result.choices[definition.name] = value
            }
        }
        for (key, rawValue) in pairs {
            guard let definition = definitions.first(where: { $0.name == key }) else {
                let names = definitions.map(\.name)
                let hint = Suggestion.closest(to: key, among: names).map { "did you mean '\($0)'?" }
                    ?? (names.isEmpty ? "\(context) takes no options" : "\(context) takes: " + names.joined(separator: " "))
                throw OptionError("unknown option '\(key)' for \(context)", key: key, hint: hint)
            }
            if result.given.contains(key) {
                throw OptionError("option '\(key)' is given twice", key: key)
            }
            result.given.append(key)
            switch definition.kind {
            case .number(_, let range, let integer):
                guard let text = rawValue, !text.isEmpty else {
                    throw OptionError("option '\(key)' needs a value", key: key, hint: "write \(key)=\(definition.defaultText)")
                }
                guard let value = NumberSyntax.parse(text) else {
                    throw OptionError("'\(text)' is not a number (option '\(key)')", key: key, hint: "write \(key)=\(definition.defaultText)")
                }
                guard value.isFinite, range.contains(value) else {
                    let bound = { (end: Double) in integer ? String(Int(saturating: end)) : Expr.format(end) }
                    throw OptionError("\(key)=\(text) is out of range", key: key,
                                      hint: "\(key) must be \(integer ? "a whole number " : "")from \(bound(range.lowerBound)) to \(bound(range.upperBound))")
                }
                if integer, value.rounded() != value {
                    throw OptionError("\(key) must be a whole number, not \(text)", key: key)
                }
                result.numbers[key] = value
            case .flag:
                switch rawValue?.lowercased() {
                case nil, "", "true", "yes", "on", "1": result.flags[key] = true
                case "false", "no", "off", "0": result.flags[key] = false
                default:
                    throw OptionError("option '\(key)' is on or off, not '\(rawValue ?? "")'", key: key, hint: "write \(key)=true or \(key)=false")
                }
            case .choice(_, let choices):
                guard let text = rawValue?.lowercased(), choices.contains(text) else {
                    let hint = rawValue.flatMap { Suggestion.closest(to: $0, among: choices) }.map { "did you mean '\($0)'?" }
                        ?? "choose one of: " + choices.joined(separator: " ")
                    throw OptionError("'\(rawValue ?? "")' is not a choice for option '\(key)'", key: key, hint: hint)
                }
                result.choices[key] = text
            }
        }
        return result
    }
}

/// Numbers as users type them in commands: `0.1`, `1e-3`, `-2`, `.5`, and the constants `pi`, `e`.
public enum NumberSyntax {
    public static func parse(_ text: some StringProtocol) -> Double? {
        let trimmed = text.trimmingSpaces
        switch trimmed.lowercased() {
        case "pi": return Double.pi
        case "-pi": return -Double.pi
        case "e": return Constant.e.value
        case "inf", "infinity", "nan", "-inf", "+inf": return nil
        default: break
        }
        guard trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }) else { return nil }
        return Double(trimmed)
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
