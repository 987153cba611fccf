import Foundation
import Testing
import LRLab
@testable import LRLabShell

/// Every number on a trace row follows from that row and the previous row's point: the row's
/// `gx` is the gradient its step moved along (at the previous point), and feeding each printed
/// `gx`, in order, to a fresh optimizer from the printed start gives the printed step, point
/// and state of every row, to the last bit. Checked for every registered optimizer (and a toy
/// one only a test registers), from the rows `save trace` prints.
@Suite struct TraceRowIdentityTests {
    /// A loss that returns the gradients it is given, one per evaluation: `gradients[k]` after
    /// step k (and at the start), whatever the point. Stepping a run on it feeds an optimizer
    /// the printed gradients.
    struct PrintedGradients: DifferentiableLoss {
        let gradients: [[Double]]
        var parameterCount: Int { gradients[0].count }

        func value(at point: Span<Double>, gradient: inout MutableSpan<Double>) -> Double {
            for index in gradient.indices { gradient[index] = gradients[0][index] }
            return 1
        }

        func loss(inPlace workspace: inout MutableSpan<Double>, afterStep step: Int) -> Double {
            let given = gradients[Swift.min(step, gradients.count - 1)]
            for index in given.indices { workspace[gradientOffset + index] = given[index] }
            return 1
        }
    }

    /// The rows of the CSV `save trace` writes, as numbers by column name.
    static func savedRows(_ script: [String]) throws -> [[String: Double]] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("row-identity-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let session = Session(output: { _ in })
        session.optimizerRegistry.register(.signDescent)
        for line in script + ["save trace \(path)"] { try session.execute(line: line) }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        return lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",").map { Double(String($0)) ?? .nan }))
        }
    }

    static let kinds = OptimizerRegistry.standard.kinds.map(\.name) + ["signgd"]

    @Test(arguments: kinds)
    func eachRowFollowsFromItsGradientAndThePreviousPoint(optimizer: String) throws {
        let rows = try Self.savedRows(["f(x, y) = x^2 + 3*y^2 + x*y + sin(x)", "start x=1 y=-2", "opt \(optimizer)", "step 6"])
        #expect(rows.count == 7)
        let names = ["x", "y"]
        let gradients = rows.map { row in names.map { row["g" + $0]! } }
        // Row 0 is the start with its gradient, which step 1 moves along: rows 0 and 1 show the same.
        #expect(gradients[0] == gradients[1])
        let configuration = try OptimizerConfiguration(name: optimizer, options: [], registry: {
            var registry = OptimizerRegistry.standard
            registry.register(.signDescent)
            return registry
        }())
        var run = try Run(objective: PrintedGradients(gradients: Array(gradients.dropFirst())), start: names.map { rows[0][$0]! },
                          configuration: configuration)
        for step in 1..<rows.count {
            let row = rows[step], previous = rows[step - 1]
            run.step()
            let record = run.current
            for (index, name) in names.enumerated() {
                #expect(record.parameters[index].bitPattern == row[name]!.bitPattern, "\(optimizer) step \(step) \(name)")
                #expect(record.stepTaken[index].bitPattern == row["d" + name]!.bitPattern, "\(optimizer) step \(step) d\(name)")
                #expect(row[name]! - previous[name]! == row["d" + name]!, "\(optimizer) step \(step): x = previous x + dx")
                for (stateIndex, state) in run.stateNames.enumerated() {
                    #expect(record.state[stateIndex * names.count + index].bitPattern == row["\(state)_\(name)"]!.bitPattern,
                            "\(optimizer) step \(step) \(state)_\(name)")
                }
            }
        }
    }

    /// Plain gradient descent by hand: dx = −lr·gx on every row, and gx is f′ at the previous x.
    @Test func gradientDescentRowsCheckByHand() throws {
        let rows = try Self.savedRows(["f(x) = (x - 3)^2", "start x=0", "opt gd lr=0.1", "step 3"])
        #expect(rows[1]["gx"] == -6 && rows[1]["x"] == 0.1 * 6)
        for step in 1..<rows.count {
            let (row, previous) = (rows[step], rows[step - 1])
            #expect(Swift.abs(row["gx"]! - 2 * (previous["x"]! - 3)) <= 1e-15 * 6)
            #expect(Swift.abs(row["dx"]! + 0.1 * row["gx"]!) <= 1e-15 * 6)
        }
    }
}

/// Each optimizer's own equation, written out here by hand, recomputes every row of a short
/// run on the bowl f(x, y) = x² + 3y²: the row's `dx` (and each state column the row shows)
/// from that row's `gx` and `lr` and the state carried from the rows before, to 1e-12
/// relative. Every kind in the standard registry must have an entry in `equations`, so an
/// optimizer added without its hand check fails here.
@Suite struct TraceRowHandCheckTests {
    /// One coordinate's rows: the row's learning rate, gradient, point before and after, step,
    /// and the state columns by name (`m` for `m_x`).
    struct Row {
        var lr: Double, g: Double, previousX: Double, x: Double, dx: Double
        var state: [String: Double]
    }

    /// A hand-written rule: the `opt` line to run, and a function from the rows of one
    /// coordinate to the values the rule predicts (`dx` and state names) for each row.
    struct Equation: Sendable {
        let options: String
        let predict: @Sendable ([Row]) -> [[String: Double]]
    }

    /// Walks the rows with per-coordinate state `S`, predicting each row from that row and
    /// the state the rows before left.
    static func walk<S>(_ rows: [Row], from start: S, _ rule: (Row, Int, inout S) -> [String: Double]) -> [[String: Double]] {
        var state = start
        return rows.enumerated().map { index, row in rule(row, index + 1, &state) }
    }

    static let equations: [String: Equation] = [
        // θ_t = θ_{t-1} − η g_t
        "gd": Equation(options: "lr=0.1") { rows in walk(rows, from: ()) { row, _, _ in ["dx": -row.lr * row.g] } },
        // b_1 = g_1; b_t = μ b_{t-1} + (1 − d) g_t; θ_t = θ_{t-1} − η b_t
        "momentum": Equation(options: "lr=0.05 momentum=0.8 dampening=0.25") { rows in
            walk(rows, from: 0.0) { row, t, b in
                b = t == 1 ? row.g : 0.8 * b + (1 - 0.25) * row.g
                return ["dx": -row.lr * b, "v": b]
            }
        },
        // b_t as momentum (no dampening); θ_t = θ_{t-1} − η (g_t + μ b_t)
        "nesterov": Equation(options: "lr=0.05 momentum=0.8") { rows in
            walk(rows, from: 0.0) { row, t, b in
                b = t == 1 ? row.g : 0.8 * b + row.g
                return ["dx": -row.lr * (row.g + 0.8 * b), "v": b]
            }
        },
        // v_t = α v_{t-1} + (1 − α) g_t²; D = √v_t + ε; θ_t = θ_{t-1} − η g_t / D
        "rmsprop": Equation(options: "lr=0.05 alpha=0.9 eps=1e-8") { rows in
            walk(rows, from: 0.0) { row, _, v in
                v = 0.9 * v + 0.1 * row.g * row.g
                let denominator = v.squareRoot() + 1e-8
                return ["dx": -row.lr * row.g / denominator, "v": v, "lr_eff": row.lr / denominator]
            }
        },
        // s_t = s_{t-1} + g_t²; η̃ = η / (1 + (t − 1) lr_decay); θ_t = θ_{t-1} − η̃ g_t / (√s_t + ε)
        "adagrad": Equation(options: "lr=0.5 lr_decay=0.1 eps=1e-10") { rows in
            walk(rows, from: 0.0) { row, t, s in
                s += row.g * row.g
                let rate = row.lr / (1 + Double(t - 1) * 0.1), denominator = s.squareRoot() + 1e-10
                return ["dx": -rate * row.g / denominator, "sum": s, "lr_eff": rate / denominator]
            }
        },
        // E[g²]_t = ρ E[g²]_{t-1} + (1 − ρ) g_t²; Δ_t = √(E[Δ²]_{t-1} + ε) / √(E[g²]_t + ε) g_t;
        // E[Δ²]_t = ρ E[Δ²]_{t-1} + (1 − ρ) Δ_t²; θ_t = θ_{t-1} − η Δ_t
        "adadelta": Equation(options: "lr=1 rho=0.9 eps=1e-2") { rows in
            walk(rows, from: (eg2: 0.0, edx2: 0.0)) { row, _, s in
                s.eg2 = 0.9 * s.eg2 + 0.1 * row.g * row.g
                let ratio = (s.edx2 + 1e-2).squareRoot() / (s.eg2 + 1e-2).squareRoot()
                let delta = ratio * row.g
                s.edx2 = 0.9 * s.edx2 + 0.1 * delta * delta
                return ["dx": -row.lr * delta, "Eg2": s.eg2, "Edx2": s.edx2, "lr_eff": row.lr * ratio]
            }
        },
        // m_t = β₁ m + (1 − β₁) g_t; v_t = β₂ v + (1 − β₂) g_t²; m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ);
        // θ_t = θ_{t-1} − η m̂ / (√v̂ + ε)
        "adam": Equation(options: "lr=0.1 beta1=0.8 beta2=0.95 eps=1e-8") { rows in
            adam(rows, beta1: 0.8, beta2: 0.95, epsilon: 1e-8, decoupledDecay: 0)
        },
        // AdamW: θ_{t-1} ← θ_{t-1} (1 − η λ), then the Adam step
        "adamw": Equation(options: "lr=0.1 beta1=0.8 beta2=0.95 eps=1e-8 weight_decay=0.2") { rows in
            adam(rows, beta1: 0.8, beta2: 0.95, epsilon: 1e-8, decoupledDecay: 0.2)
        },
    ]

    static func adam(_ rows: [Row], beta1: Double, beta2: Double, epsilon: Double, decoupledDecay: Double) -> [[String: Double]] {
        walk(rows, from: (m: 0.0, v: 0.0)) { row, t, s in
            s.m = beta1 * s.m + (1 - beta1) * row.g
            s.v = beta2 * s.v + (1 - beta2) * row.g * row.g
            let bc1 = 1 - pow(beta1, Double(t)), bc2 = 1 - pow(beta2, Double(t))
            let mHat = s.m / bc1, vHat = s.v / bc2
            let rate = row.lr / (vHat.squareRoot() + epsilon)
            let decayed = row.previousX * (1 - row.lr * decoupledDecay)
            return ["dx": decayed - rate * mHat - row.previousX, "m": s.m, "v": s.v, "m_hat": mHat, "v_hat": vHat,
                    "bc1": bc1, "bc2": bc2, "lr_eff": rate]
        }
    }

    static func close(_ a: Double, _ b: Double) -> Bool {
        Swift.abs(a - b) <= 1e-12 * Swift.max(Swift.abs(a), Swift.abs(b))
    }

    @Test(arguments: OptimizerRegistry.standard.kinds.map(\.name))
    func eachRowFollowsTheOptimizersEquation(optimizer: String) throws {
        guard let equation = Self.equations[optimizer] else {
            Issue.record("no hand-written equation for \(optimizer): add one to TraceRowHandCheckTests.equations")
            return
        }
        let rows = try TraceRowIdentityTests.savedRows(["f(x, y) = x^2 + 3*y^2", "start x=1 y=-2",
                                                        "opt \(optimizer) \(equation.options)", "step 8"])
        #expect(rows.count == 9)
        for (name, curvature) in [("x", 2.0), ("y", 6.0)] {
            var coordinate: [Row] = []
            for step in 1..<rows.count {
                let (row, previous) = (rows[step], rows[step - 1])
                // The row's gradient is the bowl's at the previous point: the one the step used.
                #expect(Self.close(row["g" + name]!, curvature * previous[name]!), "\(optimizer) step \(step) g\(name)")
                let state = Dictionary(uniqueKeysWithValues: row.compactMap { key, value in
                    key.hasSuffix("_" + name) ? (String(key.dropLast(name.count + 1)), value) : nil
                })
                coordinate.append(Row(lr: row["lr"]!, g: row["g" + name]!, previousX: previous[name]!, x: row[name]!,
                                      dx: row["d" + name]!, state: state))
            }
            for (step, (row, predicted)) in zip(coordinate, equation.predict(coordinate)).enumerated() {
                #expect(Self.close(row.dx, predicted["dx"]!), "\(optimizer) step \(step + 1) d\(name): \(row.dx) vs \(predicted["dx"]!)")
                #expect(row.x - row.previousX == row.dx, "\(optimizer) step \(step + 1): \(name) = previous \(name) + d\(name)")
                for (state, value) in row.state {
                    guard let expected = predicted[state] else {
                        Issue.record("\(optimizer): the trace shows \(state)_\(name), which the hand check does not compute")
                        continue
                    }
                    #expect(Self.close(value, expected), "\(optimizer) step \(step + 1) \(state)_\(name): \(value) vs \(expected)")
                }
            }
        }
    }
}
