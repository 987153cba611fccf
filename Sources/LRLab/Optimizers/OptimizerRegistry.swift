/// The optimizers a session knows, in the order `help opt` lists them: every lookup by name
/// (`opt`, `help`, `explain`, `compare opt=`, completion, "did you mean") reads one of these.
/// Adding an optimizer is declaring its `OptimizerKind` beside its type and one line in
/// `standard`, or `register` on a session's registry.
public struct OptimizerRegistry: Sendable {
    public private(set) var kinds: [OptimizerKind]

    /// The kinds in order; a later kind replaces an earlier one of the same name.
    public init(_ kinds: [OptimizerKind]) {
        self.kinds = []
        for kind in kinds { register(kind) }
    }

    /// The eight optimizers lrlab ships, gradient descent (the default) first.
    public static let standard = OptimizerRegistry([
        .gradientDescent,
        .momentum,
        .nesterov,
        .rmsprop,
        .adagrad,
        .adadelta,
        .adam,
        .adamw,
    ])

    /// Adds `kind` at the end, or replaces the kind of the same name where it stands.
    public mutating func register(_ kind: OptimizerKind) {
        if let index = kinds.firstIndex(where: { $0.name.lowercased() == kind.name.lowercased() }) {
            kinds[index] = kind
        } else {
            kinds.append(kind)
        }
    }

    /// The names, in order.
    public var names: [String] { kinds.map(\.name) }

    /// The kind called `name`, in any letter case.
    public func kind(named name: String) -> OptimizerKind? {
        let lowered = name.lowercased()
        return kinds.first { $0.name.lowercased() == lowered }
    }

    /// Every state quantity some kind may record (`m`, `v`, `lr_eff`, ...).
    public var stateNames: Set<String> {
        Set(kinds.flatMap { $0.states.map(\.name) })
    }
}
