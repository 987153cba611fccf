import Testing
@testable import LRLab

/// `DataSplit(splitting:)` moves rows in place with the swaps of `SeededRandom.shuffle`: the
/// rows it keeps are those the shuffled order of row numbers names, as if gathered one by one.
@Suite struct DataSplitShuffleTests {
    /// The split gathered row by row from the shuffled order, as the rows are defined.
    static func gathered(_ data: Dataset, fraction: Double, seed: UInt64) -> DataSplit {
        var order = Array(0..<data.rowCount)
        var random = SeededRandom(seed: seed)
        random.shuffle(&order)
        let count = min(data.rowCount, max(1, DataSplit.trainingCount(fraction: fraction, rows: data.rowCount)))
        let rest = Array(order[count...])
        return DataSplit(training: data.subset(rows: Array(order[..<count])), validation: rest.isEmpty ? nil : data.subset(rows: rest),
                         trainingFraction: fraction, seed: seed)
    }

    @Test(arguments: [(SyntheticFamily.moons, 1), (.moons, 2), (.moons, 201), (.sine, 57), (.spirals, 300)])
    func theRowsAreThoseOfTheShuffledOrder(family: SyntheticFamily, rows: Int) {
        let data = family.generate(rows: rows, noise: 0.1, seed: 5)
        for (fraction, seed) in [(0.8, UInt64(0)), (0.5, 3), (1, 9), (0.01, 4)] {
            #expect(DataSplit(splitting: data, trainingFraction: fraction, seed: seed) == Self.gathered(data, fraction: fraction, seed: seed))
        }
        // The data set given is left as it was.
        #expect(data == family.generate(rows: rows, noise: 0.1, seed: 5))
    }

    @Test func digitsSplitAsGathered() {
        #expect(DataSplit(splitting: .digits, trainingFraction: 0.8, seed: 1) == Self.gathered(.digits, fraction: 0.8, seed: 1))
    }
}
