import Foundation
import Testing
@testable import LRLab

/// Backpropagation checked against central finite differences, for every model, activation
/// and loss, with and without the l2 penalty, on whole sets, mini-batches and sets larger
/// than one chunk.
@Suite struct ModelGradientTests {
    /// Every parameter's analytic derivative against (L(θ + h) − L(θ − h)) / 2h, h = 1e-6 ·
    /// max(1, |θᵢ|): the truncation error is O(h²) and the rounding error about 1e-16·L/h,
    /// so agreement to 1e-6 relative (and absolute under 1) rules out a wrong term.
    func expectGradientMatchesDifferences(_ loss: ModelLoss, at point: [Double],
                                          sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let (value, gradient) = try! loss.checkedEvaluation(at: point)
        #expect(value.isFinite, sourceLocation: sourceLocation)
        var worst = 0.0
        for index in point.indices {
            let h = 1e-6 * max(1, abs(point[index]))
            var plus = point, minus = point
            plus[index] += h
            minus[index] -= h
            let difference = (try! loss.checkedEvaluation(at: plus).loss - (try! loss.checkedEvaluation(at: minus)).loss) / (2 * h)
            worst = max(worst, abs(difference - gradient[index]) / max(1, abs(gradient[index])))
        }
        #expect(worst < 1e-6, "largest relative gap \(worst)", sourceLocation: sourceLocation)
    }

    static let specifications: [ModelSpecification.Architecture] = [
        .linear, .polynomial(degree: 4), .multilayerPerceptron(hidden: [5], activation: .relu),
        .multilayerPerceptron(hidden: [5], activation: .tanh), .multilayerPerceptron(hidden: [6, 4], activation: .relu),
        .multilayerPerceptron(hidden: [6, 4], activation: .tanh),
    ]

    @Test(arguments: specifications, [0.0, 0.3])
    func regressionGradientsMatchFiniteDifferences(_ architecture: ModelSpecification.Architecture, l2: Double) throws {
        let data = ModelFixtures.regression()
        let model = try ModelSpecification(architecture: architecture).makeModel(for: data)
        let loss = ModelLoss(model: model, data: data, l2: l2)
        #expect(loss.kind == .meanSquaredError)
        expectGradientMatchesDifferences(loss, at: ModelFixtures.parameters(model.parameterCount))
    }

    static let classifiers: [ModelSpecification.Architecture] = [
        .logistic, .polynomial(degree: 3), .multilayerPerceptron(hidden: [5], activation: .relu),
        .multilayerPerceptron(hidden: [5], activation: .tanh), .multilayerPerceptron(hidden: [6, 4], activation: .relu),
        .multilayerPerceptron(hidden: [6, 4], activation: .tanh),
    ]

    @Test(arguments: classifiers, [0.0, 0.3])
    func classificationGradientsMatchFiniteDifferences(_ architecture: ModelSpecification.Architecture, l2: Double) throws {
        let data = ModelFixtures.classification()
        let model = try ModelSpecification(architecture: architecture).makeModel(for: data)
        let loss = ModelLoss(model: model, data: data, l2: l2)
        #expect(loss.kind == .crossEntropy)
        expectGradientMatchesDifferences(loss, at: ModelFixtures.parameters(model.parameterCount))
    }

    @Test func aMiniBatchIsTheLossOfItsRowsAlone() throws {
        let data = ModelFixtures.classification(rows: 12)
        let model = DenseNetwork(widths: [2, 4, 3], activation: .tanh)
        let point = ModelFixtures.parameters(model.parameterCount)
        let batch = ModelLoss(model: model, data: data, rows: [7, 2, 9][...])
        let alone = ModelLoss(model: model, data: data.subset(rows: [7, 2, 9]))
        let (a, b) = (try batch.checkedEvaluation(at: point), try alone.checkedEvaluation(at: point))
        #expect(a.loss == b.loss && a.gradient == b.gradient)
        expectGradientMatchesDifferences(batch, at: point)
    }

    @Test func aSetLargerThanOneChunkIsAveragedOverEveryRow() throws {
        // 600 rows: three chunks of at most 256; the loss is the mean over all 600 rows.
        let data = ModelFixtures.regression(rows: 600, features: 2)
        let model = DenseNetwork(widths: [2, 3, 1], activation: .tanh)
        let loss = ModelLoss(model: model, data: data)
        #expect(loss.chunkRows == 256)
        let point = ModelFixtures.parameters(model.parameterCount)
        expectGradientMatchesDifferences(loss, at: point)
        // The mean of the per-row losses, computed row by row.
        var total = 0.0
        for row in 0..<600 {
            total += ModelLoss(model: model, data: data.subset(rows: [row])).measure(at: point).loss
        }
        #expect(abs(loss.measure(at: point).loss - total / 600) < 1e-12)
    }

    @Test func crossEntropyIsStableForHugeLogits() throws {
        // Logits of ±1e4 overflow a naive exp; the log-sum-exp form gives the exact loss.
        let data = Dataset(name: "two", featureNames: ["x"], features: [1, 1], target: .classes(labels: [0, 1], classCount: 2))
        let model = DenseNetwork(widths: [1, 2])
        // Weights (1e4, −1e4), biases 0: logits (1e4, −1e4) on both rows.
        let loss = ModelLoss(model: model, data: data)
        let (value, gradient) = try loss.checkedEvaluation(at: [1e4, -1e4, 0, 0])
        // Row 0 (class 0): loss ≈ 0; row 1 (class 1): loss = 2e4. Mean 1e4.
        #expect(value == 1e4)
        #expect(gradient.allSatisfy { $0.isFinite })
    }
}
