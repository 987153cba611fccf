import LRLab
import LRLabText

/// Runs as JSON for other tools: configuration, start, final state, verdict and the loss at
/// every kept step. Numbers use `%.17g`; non-finite values are written as null.
enum RunJSON {
    static func document(current: Run, comparison: Comparison.Report?) -> String {
        var runs = [object(for: current, label: "current", verdict: current.verdict())]
        for result in comparison?.results ?? [] {
            runs.append(object(for: result.run, label: result.label, verdict: result.verdict))
        }
        return "{\n  \"runs\": [\n" + runs.joined(separator: ",\n") + "\n  ]\n}\n"
    }

    static func object(for run: Run, label: String, verdict: Verdict) -> String {
        let options = run.configuration.kind.allOptions.map { definition -> String in
            let value: String
            switch definition.kind {
            case .number: value = number(run.configuration.values.number(definition.name))
            case .flag: value = run.configuration.values.flag(definition.name) ? "true" : "false"
            case .choice: value = string(run.configuration.values.choice(definition.name))
            }
            return "\(string(definition.name)): \(value)"
        }
        let fields = [
            "\"label\": \(string(label))",
            "\"function\": \(string(run.objective.map { "\($0.signature) = \($0.expression)" } ?? "a loss of \(run.lossFunction.parameterCount) parameters"))",
            "\"parameters\": [\(run.lossFunction.parameterNames.map(string).joined(separator: ", "))]",
            "\"optimizer\": {\"name\": \(string(run.configuration.kind.name)), \"options\": {\(options.joined(separator: ", "))}}",
            "\"schedule\": \(string(run.schedule.description))",
            "\"start\": \(array(run.start))",
            "\"steps\": \(run.stepCount)",
            "\"point\": \(array(run.point))",
            "\"loss\": \(number(run.loss))",
            "\"gradient\": \(array(run.gradient))",
            "\"ending\": \(run.ending.map { string($0.description.text) } ?? "null")",
            "\"verdict\": {\"kind\": \(string(verdict.name)), \"summary\": \(string(verdict.summary.text))}",
            "\"trace\": {\"steps\": [\(run.trace.steps.map(String.init).joined(separator: ","))], \"loss\": \(array(Array(run.trace.losses)))}",
        ]
        return "    {\n      " + fields.joined(separator: ",\n      ") + "\n    }"
    }

    static func number(_ value: Double) -> String {
        value.isFinite ? NumberFormat.exact(value) : "null"
    }

    static func array(_ values: [Double]) -> String {
        "[" + values.map(number).joined(separator: ",") + "]"
    }

    /// A JSON string literal with the required escapes.
    static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
