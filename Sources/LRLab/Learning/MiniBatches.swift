/// The mini-batches of a training: each epoch a fresh shuffle of the training rows
/// (Fisher–Yates from `SeededRandom(seed:)`, one shuffle after another), cut into batches of
/// `batchSize` in order (the last batch of an epoch may be smaller, as PyTorch's
/// `DataLoader(drop_last=False)`). Full batches (`batchSize` nil) use every row in order and
/// shuffle nothing.
public struct MiniBatches: Sendable, Hashable {
    public let rowCount: Int
    /// Rows per batch; nil for full batches.
    public let batchSize: Int?
    public let seed: UInt64
    private var random: SeededRandom
    private var order: [Int]
    /// The next batch's index within the current epoch's order (0: the epoch's shuffle is next).
    private var position = 0

    /// Batches over `rowCount` rows; a batch size at least the row count means full batches.
    public init(rowCount: Int, batchSize: Int?, seed: UInt64) {
        self.rowCount = rowCount
        self.batchSize = batchSize.flatMap { $0 >= rowCount ? nil : Swift.max(1, $0) }
        self.seed = seed
        self.random = SeededRandom(seed: seed)
        self.order = Array(0..<rowCount)
    }

    /// Batches per epoch.
    public var batchesPerEpoch: Int {
        guard let batchSize else { return 1 }
        return (rowCount + batchSize - 1) / batchSize
    }

    /// The next batch's rows (nil: every row), advancing through the epochs.
    public mutating func next() -> ArraySlice<Int>? {
        guard let batchSize else { return nil }
        if position == 0 { random.shuffle(&order) }
        let start = position * batchSize
        let batch = order[start..<Swift.min(start + batchSize, rowCount)]
        position += 1
        if position == batchesPerEpoch { position = 0 }
        return batch
    }
}
