import LRLab

/// The memory a session lets one command's trainings hold (`set memory=2GB`): before a
/// `pbt`, a `compare` or a `train` on a model allocates, it works out what it will need
/// (`TrainingMemory`) and refuses, saying the figure and what to lower, when that is past the
/// budget. Sizes are decimal: 1 GB = 10⁹ bytes, 1 MB = 10⁶.
public struct MemoryBudget: Sendable, Hashable {
    public var bytes: Int

    public init(bytes: Int) {
        self.bytes = bytes
    }

    /// 2 GB: a quarter of a small laptop's memory, enough for a population of 16 of the
    /// largest model on `data digits` (about 1.9 million parameters) with Adam.
    public static let standard = MemoryBudget(bytes: 2_000_000_000)
    /// The smallest and largest budgets `set memory=` takes.
    public static let legal = 1_000_000...1_000_000_000_000_000

    /// `512MB`, `2GB`, `1.5GB`, `800KB` (case does not matter; a number alone is bytes); nil
    /// when the text is none of these.
    public static func parse(_ text: String) -> Int? {
        let lowered = text.lowercased()
        let units: [(suffix: String, scale: Double)] = [("tb", 1e12), ("gb", 1e9), ("mb", 1e6), ("kb", 1e3), ("b", 1)]
        let (number, scale) = units.first { lowered.hasSuffix($0.suffix) }
            .map { (String(lowered.dropLast($0.suffix.count)), $0.scale) } ?? (lowered, 1)
        guard let value = Double(number), value.isFinite, value >= 0 else { return nil }
        return Int(saturating: (value * scale).rounded())
    }

    /// `3.5 GB`, `108 MB`, `640 KB`: two or three significant digits.
    public static func text(_ bytes: Int) -> String {
        let value = Double(bytes)
        let (scaled, unit): (Double, String) = value >= 1e9 ? (value / 1e9, "GB") : value >= 1e6 ? (value / 1e6, "MB") : (value / 1e3, "KB")
        let rounded = scaled >= 10 ? scaled.rounded() : (scaled * 10).rounded() / 10
        let shown = rounded == rounded.rounded() ? String(Int(saturating: rounded)) : String(rounded)
        return "\(shown) \(unit)"
    }

    /// `set memory=` for a budget: `2GB`, `1.5GB`, `512MB`.
    public static func setting(_ bytes: Int) -> String {
        String(text(bytes).filter { $0 != " " })
    }

    /// Refuses, before anything is allocated, `count` trainings of `model` on `split` with
    /// `configuration` (one stepped at a time) that would hold more than this budget; the
    /// other arguments are `check(_:count:what:unit:countOption:perOption:at:)`'s.
    func check(trainings count: Int, of model: any Model, on split: DataSplit, configuration: OptimizerConfiguration,
               batchSize: Int?, keepsBestParameters: Bool, what: String, unit: String = "training", countOption: String? = nil,
               perOption: Int = 1, at word: Word?) throws(ShellError) {
        let memory = TrainingMemory(model: model, split: split, configuration: configuration, batchSize: batchSize,
                                    keepsBestParameters: keepsBestParameters)
        try check(memory, count: count, what: what, unit: unit, countOption: countOption, perOption: perOption, at: word)
    }

    /// Throws, at `word`, when `count` trainings of `memory` (one stepped at a time) are past
    /// the budget: `what` names the work (`pbt on this model`), `unit` one training (`member`),
    /// `lower` what to give instead; the message gives the figure, the largest count that fits
    /// and the setting that would let it run.
    func check(_ memory: TrainingMemory, count: Int, what: String, unit: String, countOption: String?,
               perOption: Int = 1, at word: Word?) throws(ShellError) {
        let needed = memory.bytes(trainings: count)
        guard needed > bytes else { return }
        let each = MemoryBudget.text(memory.perTraining)
        let figure = count > 1 ? "\(count) \(unit)s × \(each)" : "\(each) for the model's parameters, gradient and optimizer state"
        var ways: [String] = []
        if let countOption, memory.perTraining > 0 {
            let fitting = (bytes - Swift.min(bytes, memory.whileStepping)) / memory.perTraining / Swift.max(perOption, 1)
            if fitting >= 2, fitting * perOption < count { ways.append("\(countOption)=\(fitting) or fewer") }
        }
        ways.append("a smaller model")
        let raised = MemoryBudget.setting(Swift.max(needed, bytes + 1).roundedUpToHalfGigabyte)
        throw ShellError("\(what) needs about \(MemoryBudget.text(needed)) (\(figure)), more than the memory budget of \(MemoryBudget.text(bytes))",
                         at: word?.range, hint: "give \(ways.joined(separator: " or ")), or raise the budget: set memory=\(raised)")
    }
}

private extension Int {
    /// Up to the next multiple of 0.5 GB.
    var roundedUpToHalfGigabyte: Int {
        let half = 500_000_000
        return (self / half + (self % half == 0 ? 0 : 1)) * half
    }
}
