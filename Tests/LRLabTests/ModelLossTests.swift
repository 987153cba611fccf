import Foundation
import Testing
@testable import LRLab

/// The losses' values against closed forms, the penalty, the measurements and the
/// initialisation.
@Suite struct ModelLossTests {
    @Test func meanSquaredErrorAtZeroIsTheMeanSquareOfTheTargetsAndItsBiasGradientMinusTwiceTheirMean() throws {
        let data = Dataset(name: "d", featureNames: ["x"], features: [1, 2, 3], target: .values([1, 2, 6]))
        let loss = ModelLoss(model: DenseNetwork(widths: [1, 1]), data: data)
        let (value, gradient) = try loss.checkedEvaluation(at: [0, 0])
        #expect(value == (1 + 4 + 36) / 3.0)
        // ∂/∂w = mean(−2·y·x) = −2(1 + 4 + 18)/3, ∂/∂b = mean(−2y) = −2·9/3.
        #expect(abs(gradient[0] - -2 * 23 / 3.0) < 1e-14)
        #expect(abs(gradient[1] - -6) < 1e-14)
    }

    @Test func crossEntropyAtZeroIsLogKAndItsBiasGradientTheUniformMinusTheFrequencies() throws {
        let data = Dataset(name: "d", featureNames: ["x"], features: [1, 2, 3, 4],
                           target: .classes(labels: [0, 0, 0, 2], classCount: 3))
        let loss = ModelLoss(model: DenseNetwork(widths: [1, 3]), data: data)
        let (value, gradient) = try loss.checkedEvaluation(at: [Double](repeating: 0, count: 6))
        #expect(abs(value - log(3.0)) < 1e-15)
        // Biases are the last three parameters: 1/3 − frequency.
        #expect(abs(gradient[3] - (1.0 / 3 - 0.75)) < 1e-15)
        #expect(abs(gradient[4] - 1.0 / 3) < 1e-15)
        #expect(abs(gradient[5] - (1.0 / 3 - 0.25)) < 1e-15)
    }

    @Test func l2AddsTheSumOfSquaredWeightsButNotBiases() throws {
        let data = ModelFixtures.regression()
        let model = DenseNetwork(widths: [3, 2, 1], activation: .tanh)
        let point = ModelFixtures.parameters(model.parameterCount)
        let plain = try ModelLoss(model: model, data: data).checkedEvaluation(at: point)
        let penalised = try ModelLoss(model: model, data: data, l2: 0.5).checkedEvaluation(at: point)
        var squares = 0.0
        for block in model.layout where block.kind == .weight { for index in block.range { squares += point[index] * point[index] } }
        #expect(abs(penalised.loss - (plain.loss + 0.5 * squares)) < 1e-13)
        for block in model.layout {
            for index in block.range {
                let expected = plain.gradient[index] + (block.kind == .weight ? point[index] : 0)
                #expect(abs(penalised.gradient[index] - expected) < 1e-13)
            }
        }
        // The measurement is the data loss alone.
        #expect(ModelLoss(model: model, data: data, l2: 0.5).measure(at: point).loss == plain.loss)
    }

    @Test func accuracyCountsTheFirstLargestLogit() throws {
        // Logits = w·x + b with w = (1, −1, 0), b = 0: x = 2 → (2, −2, 0) class 0; x = −1 →
        // (−1, 1, 0) class 1; x = 0 → (0, 0, 0) a tie, the first (0).
        let data = Dataset(name: "d", featureNames: ["x"], features: [2, -1, 0, 0],
                           target: .classes(labels: [0, 1, 0, 2], classCount: 3))
        let measurement = ModelLoss(model: DenseNetwork(widths: [1, 3]), data: data).measure(at: [1, -1, 0, 0, 0, 0])
        #expect(measurement.accuracy == 0.75)
        let regression = ModelLoss(model: DenseNetwork(widths: [3, 1]), data: ModelFixtures.regression())
        #expect(regression.measure(at: [0, 0, 0, 0]).accuracy == nil)
    }

    /// The measurement's one pass over the logits (loss and accuracy together) against the
    /// plain formulas on the model's own outputs: the mean of m + log Σₖ exp(zₖ − m) − z_y
    /// (m the largest logit, or 0 when that is not finite), bit for bit, and the share of
    /// rows whose first largest logit (the first index on a tie; a NaN first stays) is the
    /// class; with huge logits and a row of NaNs (ties: `accuracyCountsTheFirstLargestLogit`).
    @Test func measurementIsThePlainLossAndArgmax() {
        let classes = 4, rows = 40
        var random = SeededRandom(seed: 5)
        var features = (0..<(rows * classes)).map { _ in (random.nextUniform(in: -3...3) * 4).rounded() / 4 }
        for k in 0..<classes { features[3 * classes + k] = 1e3 * Double(k % 2); features[5 * classes + k] = .nan }
        let labels = (0..<rows).map { $0 % classes }
        let data = Dataset(name: "d", featureNames: (0..<classes).map { "x\($0)" }, features: features,
                           target: .classes(labels: labels, classCount: classes))
        let network = DenseNetwork(widths: [classes, classes])
        let parameters = network.initialParameters(.seeded(2))
        let loss = ModelLoss(model: network, data: data)
        let logits = loss.outputs(at: parameters, inputs: features)
        var sum = 0.0, correct = 0
        for row in 0..<rows {
            let z = Array(logits[row * classes..<(row + 1) * classes])
            var m = -Double.infinity
            for value in z where value > m { m = value }
            if !m.isFinite { m = 0 }
            var total = 0.0
            for value in z { total += exp(value - m) }
            sum += m + log(total) - z[labels[row]]
            var best = 0
            for k in 1..<classes where z[k] > z[best] { best = k }
            if best == labels[row] { correct += 1 }
        }
        let finiteRows = (0..<rows).filter { $0 != 5 }
        let measured = loss.measure(at: parameters)
        #expect(measured.loss.isNaN && sum.isNaN)
        #expect(measured.accuracy == Double(correct) / Double(rows))
        // Without the row of NaNs, the loss bit for bit.
        let finite = loss.batch(finiteRows[...]).measure(at: parameters)
        var finiteSum = 0.0
        for row in finiteRows {
            let z = Array(logits[row * classes..<(row + 1) * classes])
            let m = z.max()!
            var total = 0.0
            for value in z { total += exp(value - m) }
            finiteSum += m + log(total) - z[labels[row]]
        }
        #expect(finite.loss.bitPattern == (finiteSum / Double(finiteRows.count)).bitPattern)
    }

    @Test func seededInitialisationIsPyTorchsUniformRangeAndRepeats() {
        let model = DenseNetwork(widths: [4, 16, 3])
        let first = model.initialParameters(.seeded(7))
        #expect(first == model.initialParameters(.seeded(7)))
        #expect(first != model.initialParameters(.seeded(8)))
        for block in model.layout {
            let bound = 1 / Double(block.fanIn).squareRoot()
            #expect(block.range.allSatisfy { abs(first[$0]) <= bound })
        }
        // The second layer's fan-in is 16: its values lie within ±0.25, and some past ±0.2.
        let second = model.layout[2].range
        #expect(second.contains { abs(first[$0]) > 0.2 })
        #expect(model.initialParameters(.zeros).allSatisfy { $0 == 0 })
    }

    @Test func theLayoutIsPyTorchsWeightThenBiasPerLayer() {
        let model = DenseNetwork(widths: [64, 32, 10])
        #expect(model.parameterCount == 64 * 32 + 32 + 32 * 10 + 10)
        #expect(model.layout.map(\.name) == ["layer1.weight", "layer1.bias", "layer2.weight", "layer2.bias"])
        #expect(model.layout.map(\.offset) == [0, 2048, 2080, 2400])
        #expect(model.layout[0].rows == 32 && model.layout[0].columns == 64)
    }

    @Test func polynomialFeaturesAreScaledToMinusOneOneByTheTrainingRange() throws {
        let data = Dataset(name: "d", featureNames: ["x"], features: [2, 6, 4, 3], target: .values([0, 0, 0, 0]))
        let model = PolynomialModel(degree: 3, scaledBy: data, outputs: 1)
        #expect(model.scaled(2, feature: 0) == -1 && model.scaled(6, feature: 0) == 1 && model.scaled(4, feature: 0) == 0)
        // Weights (0, 0, 1), bias 0.5: ŷ = z³ + 0.5; at x = 3, z = −0.5: ŷ = 0.375.
        let outputs = ModelLoss(model: model, data: data).outputs(at: [0, 0, 1, 0.5], inputs: [3, 6])
        #expect(outputs == [0.375, 1.5])
    }

    @Test func modelsRefuseDataTheyDoNotSuit() throws {
        #expect(throws: ModelError.self) { try ModelSpecification(architecture: .linear).makeModel(for: ModelFixtures.classification()) }
        #expect(throws: ModelError.self) { try ModelSpecification(architecture: .logistic).makeModel(for: ModelFixtures.regression()) }
        let huge = ModelSpecification(architecture: .multilayerPerceptron(hidden: [4096, 4096], activation: .relu))
        let error = try #require(throws: ModelError.self) { try huge.makeModel(for: ModelFixtures.regression()) }
        #expect(error.message.contains("limit is 2000000"))
    }
}
