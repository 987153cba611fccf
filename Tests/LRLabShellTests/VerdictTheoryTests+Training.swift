import Testing
import LRLab
@testable import LRLabShell

/// Every training verdict kind on trainings with closed forms. The model is `poly degree=1`
/// (ŷ = w·z + b, z = (x − 2)/2 scaled from the training range 0…4) on five rows x = 0…4,
/// trained with full batches from zeros. With E z² = 1/2 the MSE Hessian is diag(1, 2), so gd
/// multiplies the error along w by 1 − lr and along b by 1 − 2·lr each epoch: it converges
/// for lr < 1 and diverges past it (b's error grows ×|1 − 2·lr|). On y = (1, 3, 2, 5, 4) the
/// least squares line y = 1.4 + 0.8x leaves MSE 0.72, 36% of the constant prediction's 2
/// (the variance of y): the line is too simple. On y = 1 + 2x it fits exactly.
extension VerdictTheoryTests {
    struct TrainingCase: Sendable, CustomTestStringConvertible {
        var targets: [Double]
        /// The one validation row (x, y).
        var validation: (x: Double, y: Double)
        var optimizer: String
        var options: [(String, String)]
        var epochs: Int
        /// The verdicts' kinds, in order.
        var kinds: [TrainingVerdict.Kind]
        var says: [String] = []
        var testDescription: String { "\(optimizer) \(options.map { "\($0)=\($1)" }.joined(separator: " ")) × \(epochs) on \(targets) → \(kinds)" }
    }

    static let noisy: [Double] = [1, 3, 2, 5, 4]
    static let exact: [Double] = [1, 3, 5, 7, 9]

    static let trainingCases: [TrainingCase] = [
        // unstarted: no epoch.
        TrainingCase(targets: noisy, validation: (1.5, 2.6), optimizer: "gd", options: [("lr", "0.5")], epochs: 0, kinds: [.unstarted]),
        // underfitting: the least squares line (0.72 = 36% of 2), reached at lr = 0.5 (w's
        // error halves, b's vanishes) and just under the divergence edge (lr = 0.99: b's error
        // ×−0.98, gone after 3000 epochs); the validation row lies on the line.
        TrainingCase(targets: noisy, validation: (1.5, 2.6), optimizer: "gd", options: [("lr", "0.5")], epochs: 200, kinds: [.underfitting], says: ["36% of"]),
        TrainingCase(targets: noisy, validation: (1.5, 2.6), optimizer: "gd", options: [("lr", "0.99")], epochs: 3000, kinds: [.underfitting], says: ["36% of"]),
        // good-fit: the exact line, validated on it.
        TrainingCase(targets: exact, validation: (1.5, 4), optimizer: "gd", options: [("lr", "0.5")], epochs: 200, kinds: [.goodFit]),
        // overfitting: the exact line, validated at (1.5, 10): 36 = (10 − 4)² against a
        // training loss of 0, above 2× it by far more than 10% of the constant's 25.
        TrainingCase(targets: exact, validation: (1.5, 10), optimizer: "gd", options: [("lr", "0.5")], epochs: 200, kinds: [.overfitting]),
        // diverging: just past the edge (b ×−1.02 per epoch: ×380 in loss over 150 epochs),
        // and far past it (×−2).
        TrainingCase(targets: noisy, validation: (1.5, 2.6), optimizer: "gd", options: [("lr", "1.01")], epochs: 150, kinds: [.diverging]),
        TrainingCase(targets: noisy, validation: (1.5, 2.6), optimizer: "gd", options: [("lr", "1.5")], epochs: 30, kinds: [.diverging]),
        // slow: lr = 0.01 shrinks b's error ×0.98 an epoch (the loss about 4% an epoch), every
        // epoch of the last ten; at lr = 0.001 (0.4% an epoch) too little to be called slow:
        // the fit's verdict speaks alone.
        TrainingCase(targets: noisy, validation: (1.5, 2.6), optimizer: "gd", options: [("lr", "0.01")], epochs: 20, kinds: [.slow]),
        TrainingCase(targets: noisy, validation: (1.5, 2.6), optimizer: "gd", options: [("lr", "0.001")], epochs: 20, kinds: [.underfitting]),
        // bouncing: heavy-ball momentum 0.9 at lr = 0.5 has complex factors of size √0.9
        // along both directions: the error spirals in, the loss rising about every other epoch.
        TrainingCase(targets: noisy, validation: (1.5, 2.6), optimizer: "momentum", options: [("lr", "0.5"), ("momentum", "0.9")], epochs: 40, kinds: [.underfitting, .bouncing]),
    ]

    @Test(arguments: trainingCases)
    func trainingVerdictMatchesTheTheory(_ test: TrainingCase) throws {
        let training = Dataset(name: "line", featureNames: ["x"], features: [0, 1, 2, 3, 4], target: .values(test.targets))
        let validation = Dataset(name: "line", featureNames: ["x"], features: [test.validation.x], target: .values([test.validation.y]))
        let split = DataSplit(training: training, validation: validation, trainingFraction: 1, seed: 0)
        let model = try ModelSpecification(architecture: .polynomial(degree: 1), initialization: .zeros).makeModel(for: training)
        let configuration = try OptimizerConfiguration(name: test.optimizer, options: test.options.map { (key: $0.0, value: $0.1) })
        var trainer = try Trainer(model: model, split: split, initialization: .zeros, configuration: configuration, batchSize: nil, seed: 0)
        _ = trainer.train(epochs: test.epochs)
        let verdicts = TrainingDiagnosis.verdicts(for: trainer)
        let text = verdicts.map { "\($0.name): \($0.summary.text) [\($0.evidence.map(\.text).joined(separator: "; "))]" }.joined(separator: " | ")
        #expect(verdicts.map(\.kind) == test.kinds, "\(text)")
        for words in test.says { #expect(text.contains(words), "\(text)") }
    }

    /// Every training kind has a case (underfitting and diverging on both sides of lr = 1).
    @Test func everyTrainingKindHasCases() {
        for kind in TrainingVerdict.Kind.allCases {
            let count = Self.trainingCases.count { $0.kinds.contains(kind) }
            switch kind {
            case .underfitting, .diverging: #expect(count >= 2, "\(kind)")
            case .slow, .overfitting, .goodFit, .bouncing, .unstarted: #expect(count >= 1, "\(kind)")
            }
        }
    }
}
