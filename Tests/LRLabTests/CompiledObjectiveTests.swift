import Testing
@testable import LRLab

@Suite("Compiled objectives")
struct CompiledObjectiveTests {
    static func rosenbrock() throws -> Objective {
        let expr = try Parser.parse("(1 - x)^2 + 100*(y - x^2)^2", variables: ["x", "y"])
        return Objective(parameters: ["x", "y"], expression: expr)
    }

    /// f = (1 - x)^2 + 100 (y - x^2)^2,  ∂f/∂x = -2 (1 - x) - 400 x (y - x^2),  ∂f/∂y = 200 (y - x^2).
    static func closedForm(_ x: Double, _ y: Double) -> (Double, [Double]) {
        let r = y - x * x
        return ((1 - x) * (1 - x) + 100 * r * r, [-2 * (1 - x) - 400 * x * r, 200 * r])
    }

    @Test("Rosenbrock at points where every quantity is exact", arguments: [
        ([1.0, 1.0], 0.0, [0.0, 0.0]),
        ([-1.5, 2.0], 12.5, [-155.0, -50.0]),
        ([0.0, 0.0], 1.0, [-2.0, 0.0]),
        ([2.0, 4.0], 1.0, [2.0, 0.0]),
        ([0.5, 0.0], 6.5, [49.0, -50.0]),
    ])
    func rosenbrockExact(point: [Double], loss: Double, gradient: [Double]) throws {
        let objective = try Self.rosenbrock()
        var result = [0.0, 0.0]
        #expect(objective.loss(at: point, gradient: &result) == loss)
        #expect(result == gradient)
        #expect(objective.loss(at: point) == loss)
    }

    /// A run evaluates in place, in a workspace that keeps its point and gradient between
    /// evaluations; it must give the array form's bits, for every preset, point after point
    /// in the same workspace (as a run's steps do).
    @Test("in-place evaluation equals the array form bit for bit", arguments: Preset.all.map(\.name))
    func inPlaceEqualsArrays(name: String) throws {
        let objective = try #require(Preset.named(name)).objective()
        let dimension = objective.dimension
        var random = TestRandom(seed: 23)
        var workspace = [Double](repeating: .nan, count: objective.workspaceCount)
        var gradient = [Double](repeating: 0, count: dimension)
        var whole = workspace.mutableSpan
        objective.prepare(workspace: &whole)
        for _ in 0..<500 {
            let point = (0..<dimension).map { _ in random.element([random.uniform(-4...4), 0, -0.0, 1e200, .infinity]) }
            for index in 0..<dimension { workspace[index] = point[index] }
            var span = workspace.mutableSpan
            let loss = objective.loss(inPlace: &span)
            let expected = objective.loss(at: point, gradient: &gradient)
            let inPlaceGradient = Array(workspace[objective.gradientOffset..<objective.gradientOffset + dimension])
            #expect(loss.bitPattern == expected.bitPattern || (loss.isNaN && expected.isNaN), "\(name) at \(point)")
            #expect(zip(inPlaceGradient, gradient).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) },
                    "\(name) at \(point): \(inPlaceGradient) against \(gradient)")
            #expect(Array(workspace[0..<dimension]).map(\.bitPattern) == point.map(\.bitPattern), "the point stays in place")
        }
    }

    @Test("Rosenbrock agrees with its closed form and bit for bit with the tree walker")
    func rosenbrockRandom() throws {
        let objective = try Self.rosenbrock()
        var random = TestRandom(seed: 7)
        var result = [0.0, 0.0]
        for _ in 0..<2000 {
            let point = [random.uniform(-2...2), random.uniform(-1...3)]
            let loss = objective.loss(at: point, gradient: &result)
            let (expected, gradient) = Self.closedForm(point[0], point[1])
            #expect(Swift.abs(loss - expected) <= 1e-12 * Swift.max(1, Swift.abs(expected)))
            for index in 0..<2 {
                #expect(Swift.abs(result[index] - gradient[index]) <= 1e-11 * Swift.max(1, Swift.abs(gradient[index])))
                #expect(sameBits(result[index], objective.gradient[index].value(names: ["x", "y"], at: point)))
            }
            #expect(sameBits(loss, objective.expression.value(names: ["x", "y"], at: point)))
        }
    }

    @Test("one-variable objectives and formulas that ignore a parameter")
    func shapes() throws {
        let oneD = Objective(parameters: ["x"], expression: try Parser.parse("(x - 3)^2", variables: ["x"]))
        var gradient = [0.0]
        #expect(oneD.loss(at: [5], gradient: &gradient) == 4)
        #expect(gradient == [4])
        let onlyY = Objective(parameters: ["x", "y"], expression: try Parser.parse("sin(y)", variables: ["x", "y"]))
        var both = [1.0, 1.0]
        #expect(onlyY.loss(at: [10, 0], gradient: &both) == 0)
        #expect(both == [0, 1])
    }

    /// The formula, parameters and derivatives are `let`; what stays public and mutable (the
    /// name and the known stationary points) must not change what the compiled form computes.
    @Test("after every mutation left public, compiled evaluation equals the tree walker bit for bit",
          arguments: Preset.all.map(\.name))
    func mutationKeepsCompiledFormInStep(name: String) throws {
        var objective = try #require(Preset.named(name)).objective()
        objective.name = "renamed"
        objective.minima = [[7, 7]]
        objective.localMinima = [[-7, 7]]
        objective.saddles = [[0, -7]]
        objective.minimumValue = 42
        let dimension = objective.dimension
        var random = TestRandom(seed: 31)
        var gradient = [Double](repeating: 0, count: dimension)
        for _ in 0..<200 {
            let point = (0..<dimension).map { _ in random.uniform(-3...3) }
            let loss = objective.loss(at: point, gradient: &gradient)
            let walked = objective.expression.value(names: objective.parameters, at: point)
            #expect(sameBits(loss, walked), "\(name) at \(point)")
            #expect(sameBits(objective.loss(at: point), walked), "\(name) at \(point)")
            for index in 0..<dimension {
                let partial = objective.gradient[index].value(names: objective.parameters, at: point)
                #expect(sameBits(gradient[index], partial), "\(name) d/d\(objective.parameters[index]) at \(point)")
            }
        }
    }
}
