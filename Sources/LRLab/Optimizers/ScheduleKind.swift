/// A kind of learning-rate schedule as the `schedule` command knows it: its name, how to
/// write it, what it does and its `key=value` options. Help and tab completion read
/// `ScheduleKind.all`; `ScheduleSyntax` validates against the same options.
public struct ScheduleKind: Sendable, Hashable {
    public var name: String
    /// How to write it: `cosine steps=N min=RATE`.
    public var usage: String
    public var summary: String
    public var options: [OptionDefinition]

    public init(name: String, usage: String, summary: String, options: [OptionDefinition] = []) {
        self.name = name
        self.usage = usage
        self.summary = summary
        self.options = options
    }

    /// The largest step a schedule option or breakpoint may name (2⁴⁰, about 1.1·10¹²): far
    /// beyond any run, and small enough that sums of steps never overflow an `Int`.
    public static let maximumStep = 1 << 40

    public static func named(_ name: String) -> ScheduleKind? {
        all.first { $0.name == name.lowercased() }
    }

    public static let all: [ScheduleKind] = [
        ScheduleKind(name: "constant", usage: "constant", summary: "the optimizer's rate at every step"),
        ScheduleKind(name: "step", usage: "step [RATE] STEP:RATE ...   |   step every=N gamma=G",
                     summary: "breakpoints (0.1 for steps 1..400, then 0.01: step 0.1 400:0.01) or ×gamma every N steps",
                     options: [
                         .number("gamma", default: 0.1, range: 0...1e6, "factor applied every N steps"),
                         .integer("every", default: 100, range: 1...ScheduleKind.maximumStep, "steps between decays (required)"),
                     ]),
        ScheduleKind(name: "exp", usage: "exp gamma=G", summary: "exponential decay: lr·gamma^(t−1)",
                     options: [.number("gamma", default: 0.99, range: 0...1e6, "factor applied every step")]),
        ScheduleKind(name: "inverse-time", usage: "inverse-time decay=D", summary: "1/t decay: lr/(1 + decay·(t−1))",
                     options: [.number("decay", default: 0.01, "how fast the rate falls: halved after 1/decay steps")]),
        ScheduleKind(name: "cosine", usage: "cosine steps=N min=RATE",
                     summary: "cosine from lr down to min over N steps, then min",
                     options: [
                         .integer("steps", default: 1000, range: 1...ScheduleKind.maximumStep, "steps to reach the floor"),
                         .number("min", default: 0, range: 0...1e12, "the floor rate"),
                     ]),
        ScheduleKind(name: "warmup", usage: "warmup steps=W [then KIND OPTIONS...]",
                     summary: "ramp linearly up over W steps (rate·t/W), in front of another schedule",
                     options: [.integer("steps", default: 100, range: 1...ScheduleKind.maximumStep, "length of the warm-up")]),
    ]
}
