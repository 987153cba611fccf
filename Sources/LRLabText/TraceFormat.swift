import LRLab

/// Trace lines as `step`, `run` and `trace` print them: a header, then one aligned line per
/// step with the step number, learning rate, parameters, loss, gradient, the step taken and
/// notes; an adaptive optimizer's state follows on an indented second line.
public struct TraceFormat: Sendable {
    public var parameters: [String]
    public var stateNames: [String]
    /// Significant digits per number.
    public var digits: Int
    /// ANSI colour for the notes (terminals only): red for divergence, yellow for overshoot
    /// and loss up, green for convergence.
    public var useColor: Bool

    public init(parameters: [String], stateNames: [String], digits: Int = 6, useColor: Bool = false) {
        self.parameters = parameters
        self.stateNames = stateNames
        self.digits = digits
        self.useColor = useColor
    }

    private var width: Int { max(digits + 7, 11) }

    /// Column names: `step lr x loss gx dx` (1-D) or `step lr x y loss gx gy dx dy`.
    public var columns: [String] {
        ["step", "lr"] + parameters + ["loss"] + parameters.map { "g" + $0 } + parameters.map { "d" + $0 }
    }

    public var header: String {
        let cells = columns.enumerated().map { index, name in
            NumberFormat.leftPad(name, index == 0 ? 6 : width)
        }
        return (cells.joined(separator: " ") + "  notes").trimmingTrailingSpaces
    }

    /// One step's line (and its state line, when the optimizer has state).
    public func line(_ record: TraceRecord) -> String {
        var cells = [NumberFormat.leftPad(String(record.step), 6)]
        let isStart = record.step == 0
        cells.append(NumberFormat.leftPad(isStart ? "-" : NumberFormat.format(record.learningRate, digits: digits), width))
        for value in record.parameters { cells.append(number(value)) }
        cells.append(number(record.loss))
        for value in record.gradient { cells.append(number(value)) }
        for value in record.stepTaken { cells.append(isStart ? NumberFormat.leftPad("-", width) : number(value)) }
        var text = cells.joined(separator: " ")
        let words = record.notes.words
        if !words.isEmpty { text += "  " + words.map(colored).joined(separator: ", ") }
        if !stateNames.isEmpty, !isStart {
            text += "\n" + stateLine(record)
        }
        return text
    }

    /// `         m=(0.1, 0.2)  v=(...)  lr_eff=(...)`: one value per parameter.
    public func stateLine(_ record: TraceRecord) -> String {
        let dimension = parameters.count
        let parts = stateNames.enumerated().map { index, name -> String in
            let values = Array(record.state[index * dimension ..< (index + 1) * dimension])
            return "\(name)=" + NumberFormat.point(values, digits: digits)
        }
        return String(repeating: " ", count: 8) + parts.joined(separator: "  ")
    }

    private func colored(_ word: String) -> String {
        guard useColor else { return word }
        let code: String
        switch word {
        case "diverged", "undefined": code = "31"
        case "converged": code = "32"
        case "overshoot", "loss up": code = "33"
        default: return word
        }
        return "\u{1B}[\(code)m\(word)\u{1B}[0m"
    }

    private func number(_ value: Double) -> String {
        NumberFormat.leftPad(NumberFormat.format(value, digits: digits), width)
    }
}

extension String {
    /// The string without trailing spaces.
    public var trimmingTrailingSpaces: String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
