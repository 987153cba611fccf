import Testing
@testable import LRLab

/// `model linear` and `model logistic` with init=zeros and full batches follow `nn.Linear` +
/// `MSELoss`/`CrossEntropyLoss` + the same `torch.optim` optimizer step for step: the
/// reference parameters were computed by PyTorch (float64) with the committed script
/// `Tests/Reference/torch_linear_trajectories.py`.
@Suite struct TorchTrajectoryTests {
    func trajectory(_ data: Dataset, outputs: Int, optimizer: String, lr: Double) throws -> [[Double]] {
        let configuration = try OptimizerConfiguration(name: optimizer, options: [(key: "lr", value: Expr.format(lr))])
        var trainer = try Trainer(model: DenseNetwork(widths: [data.featureCount, outputs]),
                                  split: DataSplit(training: data, validation: nil, trainingFraction: 1, seed: 0),
                                  initialization: .zeros, configuration: configuration, batchSize: nil)
        var points: [[Double]] = []
        for _ in 0..<5 {
            trainer.train(epochs: 1)
            points.append(trainer.run.point)
        }
        return points
    }

    func expectClose(_ ours: [[Double]], _ torch: [[Double]], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(ours.count == torch.count, sourceLocation: sourceLocation)
        var worst = 0.0
        for (a, b) in zip(ours, torch) {
            #expect(a.count == b.count, sourceLocation: sourceLocation)
            for (x, y) in zip(a, b) { worst = max(worst, abs(x - y) / max(1e-3, abs(y))) }
        }
        // Both compute in double precision with the same formulas; they differ only in the order
        // of a few operations, so agreement is to rounding, far below any optimizer difference.
        #expect(worst < 1e-12, "largest relative difference \(worst)", sourceLocation: sourceLocation)
    }

    @Test(arguments: TorchReference.cases)
    func linearRegressionMatchesPyTorch(_ reference: TorchCase) throws {
        let data = Dataset(name: "r", featureNames: ["x1", "x2"], features: TorchReference.regressionX,
                           target: .values(TorchReference.regressionY))
        expectClose(try trajectory(data, outputs: 1, optimizer: reference.optimizer, lr: reference.lr), reference.regression)
    }

    @Test(arguments: TorchReference.cases)
    func softmaxRegressionMatchesPyTorch(_ reference: TorchCase) throws {
        let data = Dataset(name: "c", featureNames: ["x1", "x2"], features: TorchReference.classesX,
                           target: .classes(labels: TorchReference.classesY, classCount: 3))
        expectClose(try trajectory(data, outputs: 3, optimizer: reference.optimizer, lr: reference.lr), reference.classes)
    }
}
