import Testing
@testable import LRLab

/// Invariants, conventions, noise and explanations of the optimizer registry.
@Suite struct OptimizerBehaviourTests {
    @Test func everyKindBuildsAndReportsItsState() throws {
        #expect(OptimizerRegistry.standard.names == ["gd", "momentum", "nesterov", "rmsprop", "adagrad", "adadelta", "adam", "adamw"])
        for kind in OptimizerRegistry.standard.kinds {
            let configuration = OptimizerConfiguration(kind: kind, values: kind.defaultValues)
            var optimizer = configuration.makeOptimizer(parameterCount: 1000)
            #expect(optimizer.name == kind.name)
            var point = [Double](repeating: 1, count: 1000)
            let gradient = (0..<1000).map { Double($0 % 7) - 3 }
            optimizer.update(parameters: &point, gradient: gradient, learningRate: configuration.learningRate, step: 1)
            let finite = point.allSatisfy { $0.isFinite }
            #expect(finite)
            for index in optimizer.stateNames.indices {
                #expect(optimizer.stateValue(index, parameter: 999).isFinite, "\(kind.name) \(optimizer.stateNames[index])")
            }
            #expect(!kind.explain(configuration.values).isEmpty)
        }
    }

    @Test func adamFirstStepIsAboutTheRateWhateverTheScale() throws {
        let (points, _) = try optApply("adam", [("lr", "0.01")], start: [0, 0], gradients: [[1e-3, -1e3]], rates: [0.01])
        optClose(points[0][0], -0.01, rel: 1e-4)
        optClose(points[0][1], 0.01, rel: 1e-9)
    }

    @Test func adagradEffectiveRateNeverIncreases() throws {
        var optimizer = try OptimizerConfiguration(name: "adagrad", options: [("lr", "0.5")]).makeOptimizer(parameterCount: 2)
        var point = [0.0, 5.0]
        var previous = [Double.infinity, .infinity]
        let lrEff = optimizer.stateNames.firstIndex(of: "lr_eff")!
        for step in 1...300 {
            let gradient = [2 * (point[0] - 3), 20 * point[1]]
            optimizer.update(parameters: &point, gradient: gradient, learningRate: 0.5, step: step)
            for p in 0..<2 {
                let rate = optimizer.stateValue(lrEff, parameter: p)
                #expect(rate <= previous[p])
                previous[p] = rate
            }
        }
    }

    @Test func adadeltaWithUnitRateMakesProgress() throws {
        var optimizer = try OptimizerConfiguration(name: "adadelta", options: []).makeOptimizer(parameterCount: 1)
        var point = [0.0]
        for step in 1...500 {
            optimizer.update(parameters: &point, gradient: [2 * (point[0] - 3)], learningRate: 1.0, step: step)
        }
        // Slow start (first step ≈ √ε/√(0.1·36)·6 ≈ 0.003), then it speeds up.
        #expect(point[0] > 2 && point[0] < 3.5)
    }

    @Test func conventionsMoveEpsilon() throws {
        let g = 0.5
        let pytorch = try optApply("rmsprop", [("eps", "1"), ("alpha", "0.9")], start: [0], gradients: [[g]], rates: [1])
        let optax = try optApply("rmsprop", [("eps", "1"), ("convention", "optax")], start: [0], gradients: [[g]], rates: [1])
        let tutorial = try optApply("rmsprop", [("eps", "1"), ("convention", "tutorial")], start: [0], gradients: [[g]], rates: [1])
        let v = 0.1 * g * g
        optClose(pytorch.points[0][0], -g / (v.squareRoot() + 1))
        optClose(optax.points[0][0], -g / (v + 1).squareRoot())
        optClose(tutorial.points[0][0], -g / (v + 1).squareRoot())

        let adagrad = try optApply("adagrad", [("convention", "optax")], start: [0], gradients: [[g]], rates: [0.1])
        optClose(adagrad.points[0][0], -0.1 * g / (0.1 + g * g + 1e-7).squareRoot())
        let adagradTutorial = try optApply("adagrad", [("convention", "tutorial")], start: [0], gradients: [[g]], rates: [0.1])
        optClose(adagradTutorial.points[0][0], -0.1 * g / (g * g + 1e-8).squareRoot())
    }

    @Test func conventionDefaultsYieldToGivenOptions() throws {
        let optax = try OptimizerConfiguration(name: "rmsprop", options: [("convention", "optax")])
        #expect(optax.values.number("alpha") == 0.9)
        let overridden = try OptimizerConfiguration(name: "rmsprop", options: [("convention", "optax"), ("alpha", "0.95")])
        #expect(overridden.values.number("alpha") == 0.95)
        #expect(try OptimizerConfiguration(name: "rmsprop", options: []).values.number("alpha") == 0.99)
        let adagrad = try OptimizerConfiguration(name: "adagrad", options: [("convention", "optax"), ("eps", "1e-3")])
        #expect(adagrad.values.number("eps") == 1e-3)
        #expect(adagrad.values.number("initial_accumulator_value") == 0.1)
        let adadelta = try OptimizerConfiguration(name: "adadelta", options: [("convention", "tutorial")])
        #expect(adadelta.learningRate == 0.001)
        #expect(try OptimizerConfiguration(name: "adadelta", options: [("convention", "tutorial"), ("lr", "0.5")]).learningRate == 0.5)
    }

    @Test func tutorialAdadeltaIsRMSProp() throws {
        let (points, optimizer) = try optApply("adadelta", [("convention", "tutorial")], start: [1], gradients: [[2], [-1]],
                                               rates: [0.001, 0.001])
        #expect(optimizer.stateNames == ["Eg2", "lr_eff"])
        let e1 = 0.1 * 4.0, x1 = 1 - 0.001 * 2 / (e1 + 1e-6).squareRoot()
        let e2 = 0.9 * e1 + 0.1 * 1, x2 = x1 - 0.001 * -1 / (e2 + 1e-6).squareRoot()
        optClose(points[1][0], x2)
        optClose(optState(optimizer, "lr_eff"), 0.001 / (e2 + 1e-6).squareRoot())
    }

    @Test func gradientNoiseIsSeeded() throws {
        func run(seed: String) throws -> [Double] {
            try optApply("gd", [("noise", "0.5"), ("seed", seed)], start: [0, 0], gradients: Array(repeating: [1, 1], count: 20),
                         rates: Array(repeating: 0.1, count: 20)).points.last!
        }
        #expect(try run(seed: "7") == run(seed: "7"))
        #expect(try run(seed: "7") != run(seed: "8"))
        let (points, optimizer) = try optApply("gd", [("noise", "0.5")], start: [0], gradients: [[1]], rates: [0.1])
        #expect(optimizer.stateNames == ["noise"])
        optClose(points[0][0], -0.1 * (1 + optState(optimizer, "noise")))
        let (quiet, plain) = try optApply("gd", start: [0], gradients: [[1]], rates: [0.1])
        #expect(quiet[0][0] == -0.1 && plain.stateNames.isEmpty)
    }

    @Test func gaussianNoiseHasUnitVariance() {
        var noise = GaussianNoise(seed: 42)
        var sum = 0.0, squares = 0.0
        let n = 20000
        for _ in 0..<n {
            let z = noise.nextNormal()
            sum += z
            squares += z * z
        }
        #expect(Swift.abs(sum / Double(n)) < 0.03)
        #expect(Swift.abs(squares / Double(n) - 1) < 0.05)
        var again = GaussianNoise(seed: 42)
        noise.reset()
        #expect(noise.nextNormal() == again.nextNormal())
    }

    @Test func resetRestartsState() throws {
        var optimizer = try OptimizerConfiguration(name: "adam", options: []).makeOptimizer(parameterCount: 1)
        var a = [1.0], b = [1.0]
        optimizer.update(parameters: &a, gradient: [3], learningRate: 0.1, step: 1)
        optimizer.reset(parameterCount: 1)
        optimizer.update(parameters: &b, gradient: [3], learningRate: 0.1, step: 1)
        #expect(a == b)
    }

    @Test func explanationsSubstituteValues() throws {
        let adam = try OptimizerConfiguration(name: "adam", options: [("beta1", "0.8")]).explanation
        #expect(adam.contains("0.8·m_{t-1} + 0.2·g_t"))
        #expect(adam.contains("lr = 0.001"))
        #expect(adam.contains("lr_eff"))
        #expect(adam.contains("PyTorch"))
        let rmsprop = try OptimizerConfiguration(name: "rmsprop", options: [("convention", "optax")]).explanation
        #expect(rmsprop.contains("0.9·v_{t-1} + 0.1·g_t²"))
        #expect(rmsprop.contains("√(v_t + 1e-08)"))
        let adadelta = try OptimizerConfiguration(name: "adadelta", options: [("convention", "tutorial")]).explanation
        #expect(adadelta.contains("really RMSProp"))
        #expect(adadelta.contains("E[Δ²]"))
        let momentum = try OptimizerConfiguration(name: "momentum", options: []).explanation
        #expect(momentum.contains("b_t = 0.9·b_{t-1} + 1·g_t"))
        let adamw = try OptimizerConfiguration(name: "adamw", options: []).explanation
        #expect(adamw.contains("(1 − lr_t·0.01)"))
    }

}

@Suite struct OptimizerStateCopyTests {
    /// The run copies state with `writeState(into:)`; it must agree with `stateValue` for every
    /// optimizer and option that changes the columns.
    @Test(arguments: [
        ("gd", [("noise", "0.5")]), ("momentum", []), ("nesterov", []), ("rmsprop", [("centered", "true"), ("momentum", "0.5")]),
        ("adagrad", []), ("adadelta", []), ("adadelta", [("convention", "tutorial")]), ("adam", []), ("adam", [("amsgrad", "true")]),
        ("adamw", []),
    ] as [(String, [(String, String)])])
    func bulkCopyMatchesTheColumns(name: String, options: [(String, String)]) throws {
        let configuration = try OptimizerConfiguration(name: name, options: options.map { (key: $0.0, value: Optional($0.1)) })
        var optimizer = configuration.makeOptimizer(parameterCount: 3)
        var parameters = [1.0, -2.0, 0.5]
        for step in 1...3 {
            let gradient = parameters.map { 2 * $0 + 0.1 }
            optimizer.update(parameters: &parameters, gradient: gradient, learningRate: 0.01, step: step)
        }
        var buffer = [Double](repeating: .nan, count: optimizer.stateNames.count * 3)
        var span = buffer.mutableSpan
        optimizer.writeState(into: &span)
        for state in optimizer.stateNames.indices {
            for parameter in 0..<3 {
                let expected = optimizer.stateValue(state, parameter: parameter)
                let actual = buffer[state * 3 + parameter]
                #expect(actual == expected || (actual.isNaN && expected.isNaN), "\(name) \(optimizer.stateNames[state])[\(parameter)]")
            }
        }
    }
}
