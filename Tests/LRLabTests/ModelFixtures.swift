@testable import LRLab

/// Small data sets built in the tests, so the model tests do not depend on the `data` command.
enum ModelFixtures {
    /// `rows` rows of `features` features in [−2, 2] and a value target, from `seed`.
    static func regression(rows: Int = 7, features: Int = 3, seed: UInt64 = 1) -> Dataset {
        var random = SeededRandom(seed: seed)
        let x = (0..<rows * features).map { _ in random.nextUniform(in: -2...2) }
        let y = (0..<rows).map { _ in random.nextUniform(in: -3...3) }
        return Dataset(name: "reg", featureNames: (1...features).map { "x\($0)" }, features: x, target: .values(y))
    }

    /// `rows` rows of `features` features in [−2, 2] and labels cycling through `classes` classes.
    static func classification(rows: Int = 9, features: Int = 2, classes: Int = 3, seed: UInt64 = 2) -> Dataset {
        var random = SeededRandom(seed: seed)
        let x = (0..<rows * features).map { _ in random.nextUniform(in: -2...2) }
        return Dataset(name: "cls", featureNames: (1...features).map { "x\($0)" }, features: x,
                       target: .classes(labels: (0..<rows).map { $0 % classes }, classCount: classes))
    }

    /// A parameter vector in [−1, 1] for `count` parameters.
    static func parameters(_ count: Int, seed: UInt64 = 3) -> [Double] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { _ in random.nextUniform(in: -1...1) }
    }
}
