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
