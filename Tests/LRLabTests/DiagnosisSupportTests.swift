import Testing
@testable import LRLab

/// Shared helpers for the diagnosis, curvature, sweep, comparison and lrfind tests.
enum DiagnosisFixture {
    /// f(x) = a·x²/2, curvature a everywhere.
    static func parabola(_ a: Double) throws -> Objective {
        Objective(parameters: ["x"], expression: try Parser.parse("\(a)*x^2/2", variables: ["x"]))
    }

    static func preset(_ name: String) throws -> Objective {
        try #require(Preset.named(name)).objective()
    }

    static func gd(_ lr: Double) throws -> OptimizerConfiguration {
        try OptimizerConfiguration(name: "gd", options: [(key: "lr", value: "\(lr)")])
    }

    /// A gd run of `steps` steps.
    static func run(_ objective: Objective, from start: [Double], lr: Double, steps: Int) throws -> Run {
        var run = try Run(objective: objective, start: start, configuration: gd(lr))
        run.run(steps)
        return run
    }
}
