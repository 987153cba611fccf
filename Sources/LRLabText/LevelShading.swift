#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Log-spaced shading levels of f − min over a grid of samples, so that valleys show: level 0 is
/// the minimum, the top level the largest values, spread over at most `decades` powers of ten.
/// Internal helper shared by the terminal and SVG contour maps.
struct LevelShading {
    /// Smallest finite sample.
    let minimum: Double
    /// Largest finite sample.
    let maximum: Double
    private let lowLog: Double
    private let highLog: Double
    /// How many levels there are (the top one is `levels - 1`).
    let levels: Int

    init?(samples: [Double], levels: Int, decades: Double = 6) {
        let finite = samples.filter(\.isFinite)
        guard let minimum = finite.min(), let maximum = finite.max() else { return nil }
        self.minimum = minimum
        self.maximum = maximum
        self.levels = max(2, levels)
        let positive = finite.map { $0 - minimum }.filter { $0 > 0 }
        highLog = log10(positive.max() ?? 1)
        lowLog = max(log10(positive.min() ?? 1), highLog - decades)
    }

    /// The level of sample `value`: 0 at the minimum, `levels - 1` for the largest values and for
    /// non-finite samples.
    func level(_ value: Double) -> Int {
        guard value.isFinite else { return levels - 1 }
        let d = value - minimum
        guard d > 0 else { return 0 }
        guard highLog > lowLog else { return levels - 1 }
        let f = (log10(d) - lowLog) / (highLog - lowLog)
        return 1 + min(levels - 2, max(0, Int(f * Double(levels - 1))))
    }
}
