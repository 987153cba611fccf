/// Shading levels by quantile over a grid of samples: each shade covers about the same share
/// of the map, so the shape of the level sets shows whatever the function's range (a log scale
/// of f − min left most of an elongated bowl in the top shade). Level 0 holds the lowest
/// values, `levels - 1` the highest and non-finite samples.
/// Internal helper shared by the terminal and SVG contour maps.
struct LevelShading {
    /// Smallest finite sample.
    let minimum: Double
    /// Largest finite sample.
    let maximum: Double
    /// How many levels there are (the top one is `levels - 1`).
    let levels: Int
    /// `thresholds[i]` is the smallest value of level `i + 1`.
    private let thresholds: [Double]

    init?(samples: [Double], levels: Int) {
        let finite = samples.filter(\.isFinite).sorted()
        guard let minimum = finite.first, let maximum = finite.last else { return nil }
        self.minimum = minimum
        self.maximum = maximum
        let count = max(2, levels)
        self.levels = count
        thresholds = (1..<count).map { index in
            finite[min(finite.count - 1, finite.count * index / count)]
        }
    }

    /// The level of sample `value`.
    func level(_ value: Double) -> Int {
        guard value.isFinite else { return levels - 1 }
        guard value > minimum else { return 0 }
        var low = 0, high = thresholds.count
        while low < high {
            let middle = (low + high) / 2
            if thresholds[middle] <= value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
