import Testing
@testable import LRLab

/// What `diff` prints for every preset is simplified and still the derivative (issue 11).
@Suite struct PresetDerivativeTextTests {
    /// Patterns an unsimplified derivative shows: a factor or power of 1, a term or factor
    /// of 0, a double sign, a sum that starts with a negative number before a variable, a
    /// factor repeated instead of squared.
    static let noise: [(String, String)] = [
        ("times one", #"\*1(?![0-9.e])|(^|[^0-9.e])1\*"#),
        ("power one", #"\^1(?![0-9.e])"#),
        ("plus or minus zero", #"[+-] 0(?![0-9.e])"#),
        ("times zero", #"(^|[^0-9.e])0\*|\*0(?![0-9.e])"#),
        ("double sign", #"--|- -|\+ -|-\(-"#),
        ("leading negative constant", #"\(-[0-9.]+ \+ "#),
        ("repeated factor", #"\*pi\*pi|\*x\*x(?![\^])|\*y\*y(?![\^])"#),
    ]

    static func texts(of objective: Objective) -> [Expr] {
        objective.gradient + objective.hessian.flatMap { $0 }
    }

    @Test(arguments: Preset.all.map(\.name))
    func printedDerivativesAreSimplified(preset: String) throws {
        let objective = try #require(Preset.named(preset)).objective()
        for expr in Self.texts(of: objective) {
            let text = expr.description
            for (name, pattern) in Self.noise {
                #expect(try Regex(pattern).firstMatch(in: text) == nil, "\(preset): \(name) in \(text)")
            }
        }
    }

    /// Gradient against central differences of f, Hessian against central differences of the
    /// gradient, relative tolerance 1e-5, at points around each preset's start and minimum.
    @Test(arguments: Preset.all.map(\.name))
    func printedDerivativesAreTheDerivatives(preset: String) throws {
        let found = try #require(Preset.named(preset))
        let objective = try found.objective()
        let names = objective.parameters
        let points = [found.start, found.start.map { $0 * 0.7 + 0.3 }] + objective.minima.map { $0.map { $0 + 0.1 } }
        for point in points {
            for index in names.indices {
                let h = 1e-6 * max(1, Swift.abs(point[index]))
                var plus = point, minus = point
                plus[index] += h
                minus[index] -= h
                func check(_ symbolic: Double, _ numeric: Double, _ what: String) {
                    let scale = max(1, Swift.abs(symbolic), Swift.abs(numeric))
                    #expect(Swift.abs(symbolic - numeric) <= 1e-5 * scale, "\(preset) \(what) at \(point): \(symbolic) vs \(numeric)")
                }
                let reparsed = try Parser.parse(objective.gradient[index].description, variables: names)
                check(reparsed.value(names: names, at: point),
                      (objective.expression.value(names: names, at: plus) - objective.expression.value(names: names, at: minus)) / (2 * h),
                      "d/d\(names[index])")
                for row in names.indices {
                    let second = try Parser.parse(objective.hessian[row][index].description, variables: names)
                    check(second.value(names: names, at: point),
                          (objective.gradient[row].value(names: names, at: plus) - objective.gradient[row].value(names: names, at: minus)) / (2 * h),
                          "d²/d\(names[row])d\(names[index])")
                }
            }
        }
    }

    @Test func likeTermsAreGathered() throws {
        let rosenbrock = try #require(Preset.named("rosenbrock")).objective()
        #expect(rosenbrock.hessian[0][0].description == "2 - 400*(y - 3*x^2)")
        let beale = try #require(Preset.named("beale")).objective()
        #expect(beale.gradient[0].description.contains("*(y - 1) + "))
        let rastrigin = try #require(Preset.named("rastrigin")).objective()
        #expect(rastrigin.hessian[0][0].description == "2 + 40*cos(2*pi*x)*pi^2")
        let x = Expr.variable("x"), y = Expr.variable("y")
        // (y − x²) − 2·x² and −1 + y.
        #expect(Expr.subtracting(.subtracting(y, .raising(x, .number(2))), .multiplying(.number(2), .raising(x, .number(2)))).description == "y - 3*x^2")
        #expect(Expr.adding(.number(-1), y).description == "y - 1")
        #expect(Expr.subtracting(.adding(x, y), .adding(y, x)).description == "0")
    }
}
