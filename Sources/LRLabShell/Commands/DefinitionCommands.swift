import LRLab
import LRLabText

enum DefinitionCommands {
    static let all: [Command] = [
        Command("use", usage: "use NAME", summary: "minimise a preset function (functions lists them)",
                details: """
                Replaces the current function with a preset and moves the start point to the preset's
                suggested start. Examples: use quadratic, use rosenbrock, use ravine.
                """, completion: .presets) { session, statement throws(ShellError) in
            guard statement.words.count == 2 else {
                throw ShellError("use takes one preset name", at: statement.words.dropFirst(2).first?.range,
                                 hint: "e.g. use rosenbrock; functions lists the presets")
            }
            let word = statement.words[1]
            guard let preset = Preset.named(word.text) else {
                let hint = Suggestion.didYouMean(word.text, among: Preset.all.map(\.name))
                    ?? "presets: " + Preset.all.map(\.name).joined(separator: " ")
                throw ShellError("unknown preset '\(word.text)'", at: word.range, hint: hint)
            }
            let objective: Objective
            do throws(ExpressionError) { objective = try preset.objective() } catch { throw ShellError(error) }
            session.setObjective(objective, start: preset.start)
            let start = zip(preset.parameters, preset.start).map { "\($0)=\(session.format($1))" }.joined(separator: " ")
            return Report(prose: """
                \(preset.name): \(objective.signature) = \(objective.expression)
                  \(preset.summary)
                  global minimum \(session.format(preset.minimumValue)) at \(preset.minima.map { NumberFormat.point($0, digits: session.digits) }.joined(separator: ", "))
                  start \(start)  (gradient descent converges from there with lr=\(session.format(preset.learningRate)))
                """)
        },
        Command("functions", aliases: ["presets"], usage: "functions", summary: "list the preset functions with their minima") { session, statement throws(ShellError) in
            try statement.expectNoArguments()
            var lines = ["preset      formula and known minima"]
            for preset in Preset.all {
                let signature = "f(" + preset.parameters.joined(separator: ", ") + ")"
                lines.append(NumberFormat.rightPad(preset.name, 11) + " \(signature) = \(preset.formula)")
                lines.append(String(repeating: " ", count: 12) + preset.summary)
                var known = "min \(session.format(preset.minimumValue)) at " + preset.minima.map { NumberFormat.point($0, digits: session.digits) }.joined(separator: ", ")
                if !preset.localMinima.isEmpty {
                    known += "; local minima at " + preset.localMinima.map { NumberFormat.point($0, digits: session.digits) }.joined(separator: ", ")
                }
                if !preset.saddles.isEmpty {
                    known += "; saddle at " + preset.saddles.map { NumberFormat.point($0, digits: session.digits) }.joined(separator: ", ")
                }
                lines.append(String(repeating: " ", count: 12) + known)
            }
            return Report(prose: lines.joined(separator: "\n"))
        },
        Command("diff", aliases: ["gradient"], usage: "diff",
                summary: "show the derivative (1-D) or gradient and Hessian (2-D), simplified",
                details: """
                Symbolic differentiation of the current function; the run uses these same formulas.
                Derivatives longer than \(Limits.maximumShownDerivativeSize) terms are not printed (a function whose derivatives
                pass \(Limits.maximumDerivativeSize) terms is refused when it is defined).
                """) { session, statement throws(ShellError) in
            try statement.expectNoArguments()
            guard let objective = session.explorer.objective else {
                throw ShellError("no function yet", hint: "define one, e.g. f(x) = (x - 3)^2, or use a preset")
            }
            let name = objective.name
            let variables = objective.parameters.joined(separator: ", ")
            let largest = (objective.gradient + objective.hessian.flatMap { $0 })
                .first { $0.hasMoreNodes(than: Limits.maximumShownDerivativeSize) }
            if largest != nil {
                throw ShellError("the derivatives of \(objective.signature) are too large to show (more than \(Limits.maximumShownDerivativeSize) terms)",
                                 at: statement.words[0].range,
                                 hint: "runs use them all the same; step prints the gradient at each point and curvature the Hessian's eigenvalues")
            }
            var lines = ["\(objective.signature) = \(objective.expression)"]
            if objective.dimension == 1 {
                lines.append("\(name)'(\(variables)) = \(objective.gradient[0])")
                lines.append("\(name)''(\(variables)) = \(objective.hessian[0][0])")
            } else {
                for (index, parameter) in objective.parameters.enumerated() {
                    lines.append("d\(name)/d\(parameter) = \(objective.gradient[index])")
                }
                lines.append("Hessian:")
                for (i, first) in objective.parameters.enumerated() {
                    for (j, second) in objective.parameters.enumerated() where j >= i {
                        let label = i == j ? "d²\(name)/d\(first)²" : "d²\(name)/d\(first)d\(second)"
                        lines.append("  \(label) = \(objective.hessian[i][j])")
                    }
                }
            }
            return Report(text: lines.joined(separator: "\n"))
        },
    ]
}

extension Statement {
    /// Refuses extra words after the command name.
    func expectNoArguments() throws(ShellError) {
        if words.count > 1 {
            throw ShellError("\(words[0].text) takes no arguments", at: words[1].range)
        }
    }

    /// The words from `index` on as `key=value` pairs; a bare word is a key without a value
    /// (a flag such as `amsgrad`), which `OptionValues.parse` accepts or refuses.
    func options(after index: Int = 1) -> [(key: String, value: String?)] {
        words.dropFirst(index).map { word in word.keyValue }
    }

    /// The word whose key is `key`, for pointing at it in an error.
    func word(forKey key: String) -> Word? {
        words.dropFirst().first { $0.keyValue.key == key } ?? words.dropFirst().first { $0.text == key }
    }
}
