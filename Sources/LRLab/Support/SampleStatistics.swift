/// The mean and spread of a column of numbers, exact enough for any finite values: the
/// naive `Σv / n` loses small values next to huge ones (`0.5 + 1e308` is `1e308`, so
/// `[0.5, 1e308, -1e308]` would average to 0) and overflows when the sum passes
/// `Double.greatestFiniteMagnitude` although the mean does not.
public enum SampleStatistics {
    /// The arithmetic mean of `values` (nan when empty): the sum of `v / n` with Neumaier's
    /// compensation, so no partial sum passes the largest value and what a large term would
    /// absorb is carried in the compensation. `[1e308, -1e308, 0.5, 0.25, 0.1]` gives 0.17.
    public static func mean(_ values: some Collection<Double>) -> Double {
        guard !values.isEmpty else { return .nan }
        let count = Double(values.count)
        var sum = 0.0, compensation = 0.0
        for value in values {
            let term = value / count
            let next = sum + term
            compensation += abs(sum) >= abs(term) ? (sum - next) + term : (term - next) + sum
            sum = next
        }
        return sum + compensation
    }

    /// The mean of `(v − center)²` over `values` (nan when empty), scaled by the largest
    /// deviation so that no square overflows unless the result itself does.
    public static func meanSquaredDeviation(_ values: some Collection<Double>, from center: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        var scale = 0.0
        for value in values { scale = Swift.max(scale, abs(value - center)) }
        guard scale > 0, scale.isFinite else { return scale == 0 ? 0 : scale.isNaN ? .nan : .infinity }
        var sum = 0.0
        for value in values {
            let scaled = (value - center) / scale
            sum += scaled * scaled
        }
        return sum / Double(values.count) * scale * scale
    }
}
