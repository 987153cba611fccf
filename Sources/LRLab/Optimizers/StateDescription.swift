/// One per-parameter quantity an optimizer records after each step, as `state`, the trace and
/// the CSV name it, with one line on what it holds.
public struct StateDescription: Sendable, Hashable {
    /// The column name: `m`, `v`, `lr_eff`. A trace column is `NAME_x` per variable.
    public var name: String
    /// One line for `state`: what the number is.
    public var meaning: String

    public init(name: String, meaning: String) {
        self.name = name
        self.meaning = meaning
    }

    /// `lr_eff`, which every adaptive optimizer records.
    public static let effectiveRate = StateDescription(name: "lr_eff", meaning: "rate the last step applied to this parameter")
}
