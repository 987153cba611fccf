import Testing
@testable import LRLab

@Suite struct PolynomialFitsTests {
    /// Five points (0,1) (1,3) (2,2) (3,5) (4,4): the least-squares line is y = 1.4 + 0.8x
    /// (slope Σ(x−2)(y−3)/Σ(x−2)² = 8/10, intercept 3 − 0.8·2), residuals −0.4, 0.8, −1, 1.2,
    /// −0.6, so the least mean squared error is 3.6/5 = 0.72. The validation point (1.5, 2.6)
    /// lies on that line. Degree 1 with gd lr=0.5 on the scaled input z = (x−2)/2 has the
    /// MSE Hessian 2·diag(E z², 1) = diag(1, 2): each step halves the error along z and solves
    /// the intercept, so 200 epochs reach the closed form to rounding.
    @Test func degreeOneReachesTheLeastSquaresLine() throws {
        let training = Dataset(name: "line", featureNames: ["x"], features: [0, 1, 2, 3, 4], target: .values([1, 3, 2, 5, 4]))
        let validation = Dataset(name: "line", featureNames: ["x"], features: [1.5], target: .values([2.6]))
        let split = DataSplit(training: training, validation: validation, trainingFraction: 1, seed: 0)
        let gd = try OptimizerConfiguration(name: "gd", options: [("lr", "0.5")])
        let fits = try PolynomialFits(split: split, degrees: [1], initialization: .zeros, configuration: gd,
                                      epochs: 200, batchSize: nil, seed: 0)
        let fit = try #require(fits.fits.first)
        #expect(abs(try #require(fit.trainError) - 0.72) < 1e-12)
        #expect(abs(try #require(fit.validationError)) < 1e-20)
        #expect(abs(try #require(fit.gap) + 0.72) < 1e-12)
        let line = ModelLoss(model: fit.trainer.model, data: training).outputs(at: fit.trainer.parameters, inputs: [0, 10])
        #expect(abs(line[0] - 1.4) < 1e-9 && abs(line[1] - 9.4) < 1e-9)
        #expect(fits.bestValidationError == fit.validationError)
    }

    /// `fit` applies `train`'s rules: each degree's verdicts are `TrainingDiagnosis`'s on a
    /// training of the same model, data, optimizer, epochs, batches and seeds, trained apart.
    @Test func eachDegreeGetsTheVerdictsOfItsOwnTraining() throws {
        let data = SyntheticFamily.sine.generate(rows: 30, noise: 0.2, seed: 0)
        let split = DataSplit(splitting: data, trainingFraction: 0.8, seed: 0)
        let adam = try OptimizerConfiguration(name: "adam", options: [("lr", "0.01")])
        let fits = try PolynomialFits(split: split, degrees: [1, 3, 15], initialization: .seeded(0), configuration: adam,
                                      epochs: 300, batchSize: nil, seed: 0)
        for fit in fits.fits {
            let model = try ModelSpecification(architecture: .polynomial(degree: fit.degree), initialization: .seeded(0))
                .makeModel(for: split.training)
            var trainer = try Trainer(model: model, split: split, initialization: .seeded(0), configuration: adam,
                                      batchSize: nil, seed: 0)
            _ = trainer.train(epochs: 300)
            #expect(fit.epochs == 300)
            #expect(fit.trainError == trainer.trace.last?.trainLoss)
            #expect(fit.verdicts == TrainingDiagnosis.verdicts(for: trainer), "degree \(fit.degree)")
        }
        #expect(fits.fits[0].verdicts.first?.kind == .underfitting)
    }

    /// Same seed, same table; the degrees train one after another on the same batches.
    @Test func deterministic() throws {
        let data = SyntheticFamily.sine.generate(rows: 20, noise: 0.2, seed: 4)
        let split = DataSplit(splitting: data, trainingFraction: 0.8, seed: 4)
        let adam = try OptimizerConfiguration(name: "adam", options: [("lr", "0.05")])
        func table() throws -> [Double?] {
            try PolynomialFits(split: split, degrees: [1, 5], initialization: .seeded(2), configuration: adam,
                               epochs: 30, batchSize: 4, seed: 2).fits.flatMap { [$0.trainError, $0.validationError] }
        }
        let first = try table()
        #expect(first == (try table()))
        #expect(first.allSatisfy { $0?.isFinite == true })
    }

    @Test func polyOnClassesWithoutValidationHasNoVerdict() throws {
        let data = Dataset(name: "c", featureNames: ["x"], features: [0, 1], target: .classes(labels: [0, 1], classCount: 2))
        let split = DataSplit(training: data, validation: nil, trainingFraction: 1, seed: 0)
        let fits = try PolynomialFits(split: split, degrees: [2], initialization: .zeros, configuration: .standard,
                                      epochs: 1, batchSize: nil, seed: 0)
        // poly classifies too (one output per class): the fit runs, judged on training alone.
        let fit = try #require(fits.fits.first)
        #expect(fit.verdicts == TrainingDiagnosis.verdicts(for: fit.trainer))
        #expect(fit.validationError == nil)
    }
}
