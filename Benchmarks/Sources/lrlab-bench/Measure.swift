/// Timing helpers: medians of repeated runs, the candidate and its baseline interleaved so
/// both see the same machine load.

/// Keeps a value alive so the optimizer cannot drop the work that produced it.
nonisolated(unsafe) var sink = 0.0

@inline(never)
func blackHole(_ value: Double) { sink += value }

/// Hides a value from the optimizer (a closure stays an opaque call).
@inline(never)
func opaque<T>(_ value: T) -> T { value }

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// One row of the results table.
struct Result {
    var name: String
    var candidate: Double
    var baseline: Double
    /// Work items per repetition, for the per-item column (evaluations, steps, spawns).
    var items: Int
    var unit: String
    var goal: Double?
    var note: String = ""

    var ratio: Double { candidate / baseline }
}

/// Runs `candidate` and `baseline` alternately `repetitions` times after one warm-up each;
/// returns the median seconds of each.
func compare(repetitions: Int, candidate: () -> Void, baseline: () -> Void) -> (Double, Double) {
    let clock = ContinuousClock()
    candidate()
    baseline()
    var candidateTimes: [Double] = [], baselineTimes: [Double] = []
    for _ in 0..<repetitions {
        candidateTimes.append(clock.measure(candidate).seconds)
        baselineTimes.append(clock.measure(baseline).seconds)
    }
    return (median(candidateTimes), median(baselineTimes))
}

func format(seconds: Double) -> String {
    if seconds >= 1 { return format2(seconds) + " s" }
    if seconds >= 1e-3 { return format2(seconds * 1e3) + " ms" }
    if seconds >= 1e-6 { return format2(seconds * 1e6) + " µs" }
    return format2(seconds * 1e9) + " ns"
}

/// Three significant digits, without Foundation.
func format2(_ value: Double) -> String {
    let digits = value >= 100 ? 0 : (value >= 10 ? 1 : 2)
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text = "\(rounded)"
    if digits == 0, text.hasSuffix(".0") { text.removeLast(2) }
    return text
}

func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

func printTable(_ results: [Result]) {
    let header = [pad("case", 44), pad("median", 11), pad("per item", 12), pad("baseline", 11), pad("ratio", 7), "goal"]
    print(header.joined(separator: " "))
    for result in results {
        let perItem = format(seconds: result.candidate / Double(result.items)) + "/" + result.unit
        let goal = result.goal.map { "≤ " + format2($0) + (result.ratio <= $0 ? " ok" : " MISSED") } ?? ""
        print([pad(result.name, 44), pad(format(seconds: result.candidate), 11), pad(perItem, 12),
               pad(format(seconds: result.baseline), 11), pad(format2(result.ratio), 7), goal].joined(separator: " "))
        if !result.note.isEmpty { print("    " + result.note) }
    }
}
