import Testing
@testable import LRLab
import LRLabText

/// What every kind of the standard registry declares about itself, checked against what its
/// optimizers actually do.
@Suite struct OptimizerRegistryTests {
    /// Option sets that switch on every state a kind can record: the defaults, each choice of
    /// a choice option, and every flag on with every real option that defaults to 0 set to 0.5.
    static func variants(of kind: OptimizerKind) -> [OptionValues] {
        var variants: [[(key: String, value: String?)]] = [[]]
        var switchedOn: [(key: String, value: String?)] = []
        for option in kind.options {
            switch option.kind {
            case .flag: switchedOn.append((option.name, "true"))
            case .number(let value, _, let integer) where value == 0 && !integer: switchedOn.append((option.name, "0.5"))
            case .choice(_, let choices): variants += choices.map { [(option.name, $0)] }
            default: break
            }
        }
        variants.append(switchedOn)
        return variants.compactMap { try? OptionValues.parse($0, definitions: kind.allOptions, context: kind.name) }
    }

    @Test(arguments: OptimizerRegistry.standard.kinds.map(\.name))
    func everyRecordedStateIsDeclaredWithAMeaning(name: String) throws {
        let kind = try #require(OptimizerRegistry.standard.kind(named: name))
        let declared = kind.states.map(\.name)
        #expect(Set(declared).count == declared.count, "\(name) declares a state twice")
        for state in kind.states { #expect(!state.meaning.isEmpty, "\(name) \(state.name)") }
        var recorded = Set<String>()
        let variants = Self.variants(of: kind)
        #expect(variants.count >= 2)
        for values in variants {
            let optimizer = kind.make(values)
            #expect(optimizer.name == kind.name)
            for state in optimizer.stateNames {
                #expect(declared.contains(state), "\(name) records \(state) without declaring it")
                recorded.insert(state)
            }
        }
        #expect(recorded == Set(declared), "\(name) declares states no option switches on")
    }

    @Test func stateMeaningsDependOnTheKind() throws {
        let registry = OptimizerRegistry.standard
        let momentum = try #require(registry.kind(named: "momentum"))
        let rmsprop = try #require(registry.kind(named: "rmsprop"))
        let adam = try #require(registry.kind(named: "adam"))
        #expect(momentum.meaning(ofState: "v") == "velocity buffer b (sum of past gradients, decayed)")
        #expect(rmsprop.meaning(ofState: "v") == "running mean of g²")
        #expect(adam.meaning(ofState: "v") == "second moment: running mean of g²")
        #expect(adam.meaning(ofState: "lr_eff") == StateDescription.effectiveRate.meaning)
        #expect(adam.meaning(ofState: "unknown") == "")
    }

    @Test func curvatureModelsComeFromTheValues() throws {
        func model(_ name: String, _ options: [(key: String, value: String?)] = []) throws -> CurvatureModel {
            try OptimizerConfiguration(name: name, options: options).curvatureModel
        }
        #expect(try model("gd") == .gradientDescent)
        #expect(try model("gd").theoryMomentum == 0)
        let heavy = try model("momentum", [("momentum", "0.5"), ("dampening", "0.25"), ("weight_decay", "2")])
        #expect(heavy == .heavyBall(momentum: 0.5, dampening: 0.25, weightDecay: 2))
        #expect(heavy.theoryMomentum == 0.5 && heavy.stepScale == 0.75 && heavy.curvatureShift == 2)
        // μ = 1 never forgets: outside the theory, so neither decay nor dampening is applied.
        let undamped = try model("momentum", [("momentum", "1"), ("weight_decay", "2")])
        #expect(undamped.theoryMomentum == nil && undamped.curvatureShift == 0 && undamped.stepScale == 1)
        let nesterov = try model("nesterov", [("momentum", "0.5"), ("weight_decay", "2")])
        #expect(nesterov == .nesterov(momentum: 0.5, weightDecay: 2))
        #expect(nesterov.theoryMomentum == 0.5 && nesterov.isNesterov && nesterov.curvatureShift == 2 && nesterov.stepScale == 1)
        #expect(!heavy.isNesterov)
        for name in ["rmsprop", "adagrad", "adadelta", "adam"] {
            #expect(try model(name) == .notModelled(decoupledWeightDecay: 0), "\(name)")
        }
        #expect(try model("adamw").decoupledWeightDecay == 0.01)
        #expect(try model("adamw", [("weight_decay", "0.3")]).decoupledWeightDecay == 0.3)
        #expect(try model("adam", [("weight_decay", "0.3")]).decoupledWeightDecay == 0)
    }

    /// The diagnosis reads σ from the configuration, 0 for every kind without gradient noise.
    @Test func gradientNoiseIsAFactOfTheConfiguration() throws {
        #expect(try OptimizerConfiguration(name: "gd", options: [("noise", "0.3")]).gradientNoise == 0.3)
        for kind in OptimizerRegistry.standard.kinds {
            #expect(OptimizerConfiguration(kind: kind, values: kind.defaultValues).gradientNoise == 0, "\(kind.name)")
        }
    }

    /// A heavy ball with L2 decay λ and dampening d: the curvature report adds λ to the
    /// Hessian and runs the theory at rate lr·(1 − d).
    @Test func curvatureReportAppliesTheModel() throws {
        let configuration = try OptimizerConfiguration(name: "momentum", options: [
            ("lr", "0.1"), ("momentum", "0.5"), ("dampening", "0.5"), ("weight_decay", "1"),
        ])
        let report = CurvatureReport(hessian: [[3]], point: [0], parameterNames: ["x"], learningRate: 0.1, configuration: configuration)
        #expect(report.hessian == [[4]])
        #expect(report.learningRate == 0.05)
        #expect(report.momentum == 0.5)
        #expect(report.top?.criticalRate == 2 * 1.5 / 4)
        #expect(report.optimizerName == "momentum")
        let adam = try OptimizerConfiguration(name: "adam", options: [])
        let rescaled = CurvatureReport(hessian: [[3]], point: [0], parameterNames: ["x"], learningRate: 0.1, configuration: adam)
        #expect(rescaled.momentum == nil && rescaled.hessian == [[3]] && rescaled.top?.criticalRate == nil)
        #expect(rescaled.sentence.text.hasSuffix("adam rescales each step by its own statistics"))
    }

    @Test func registeringReplacesByNameOrAppends() throws {
        var registry = OptimizerRegistry.standard
        var quieter = OptimizerKind.gradientDescent
        quieter.summary = "replaced"
        registry.register(quieter)
        #expect(registry.names == OptimizerRegistry.standard.names)
        #expect(registry.kind(named: "GD")?.summary == "replaced")
        var copy = OptimizerKind.adam
        copy.name = "adam2"
        registry.register(copy)
        #expect(registry.names == OptimizerRegistry.standard.names + ["adam2"])
        #expect(registry.stateNames == OptimizerRegistry.standard.stateNames)
    }
}
