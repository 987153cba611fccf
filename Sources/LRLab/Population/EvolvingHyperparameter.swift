#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One hyper-parameter a population evolves (`evolve=lr,momentum`): where members draw it
/// from at the start and when they resample it, and the optimizer option's legal range that
/// every value must stay inside.
///
/// - `lr` is drawn log-uniformly from the range the user gives (`lr=1e-4..1`).
/// - Any other option is drawn uniformly from its legal range, which must be bounded and at
///   most 1 wide (`momentum`, `dampening`); options without such a range (`eps`,
///   `weight_decay`) or that are whole numbers (`seed`) cannot evolve, nor can options the
///   optimizer cannot change during a run (`beta1`, `beta2`, `alpha`, `rho`: see
///   `init(name:configuration:learningRates:)`).
///
/// Explore (Ray Tune's `PopulationBasedTraining`): with probability `resample` the value is
/// drawn afresh from the search range, else it is multiplied by a factor drawn uniformly from
/// the perturbation factors. A perturbed value is not clipped to the search range (as in Ray
/// Tune), but it is clamped to the option's legal range, so that the optimizer accepts it: a
/// momentum of 0.9 × 1.2 becomes 1, the largest legal momentum, and the move says `clamped`.
public struct EvolvingHyperparameter: Sendable, Hashable {
    /// The option's name, as `opt` takes it.
    public let name: String
    /// Where initial values and resampled values are drawn from.
    public let searchRange: ClosedRange<Double>
    /// Whether draws are log-uniform (the learning rate) rather than uniform.
    public let logScale: Bool
    /// The values the optimizer accepts; explored values are clamped into it.
    public let legalRange: ClosedRange<Double>

    public init(name: String, searchRange: ClosedRange<Double>, logScale: Bool, legalRange: ClosedRange<Double>) {
        precondition(!logScale || searchRange.lowerBound > 0, "a log-uniform range needs a positive lower bound")
        self.name = name
        self.searchRange = searchRange
        self.logScale = logScale
        self.legalRange = legalRange
    }

    /// The hyper-parameter `name` of optimizers of `kind`: `lr` over `learningRates`
    /// (log-uniform), another option over its own legal range (uniform). Throws when `kind`
    /// has no such option or it cannot be drawn from a range (see the type's comment).
    public init(name: String, kind: OptimizerKind, learningRates: ClosedRange<Double>) throws(OptionError) {
        guard let definition = kind.allOptions.first(where: { $0.name == name }) else {
            let names = kind.allOptions.map(\.name)
            let hint = Suggestion.closest(to: name, among: names).map { "did you mean '\($0)'?" }
                ?? "options of \(kind.name): " + names.joined(separator: " ")
            throw OptionError("\(kind.name) has no option '\(name)' to evolve", key: name, hint: hint)
        }
        guard case .number(_, let legal, let integer) = definition.kind, !integer else {
            throw OptionError("option '\(name)' of \(kind.name) is not a real number; it cannot evolve", key: name,
                              hint: "evolve lr, or options between 0 and 1 the optimizer takes during a run (momentum and dampening of opt momentum)")
        }
        if name == "lr" {
            let clamped = Swift.max(learningRates.lowerBound, legal.lowerBound)...Swift.min(learningRates.upperBound, legal.upperBound)
            self.init(name: name, searchRange: clamped, logScale: true, legalRange: legal)
            return
        }
        guard legal.upperBound - legal.lowerBound <= 1 else {
            throw OptionError("option '\(name)' of \(kind.name) has no bounded range to draw from", key: name,
                              hint: "evolve lr, or options between 0 and 1 the optimizer takes during a run (momentum and dampening of opt momentum)")
        }
        self.init(name: name, searchRange: legal, logScale: false, legalRange: legal)
    }

    /// The hyper-parameter `name` of `configuration`'s optimizer, as `init(name:kind:learningRates:)`,
    /// and refused as well when the optimizer cannot take a new value of it during a run
    /// (`OptimizerConfiguration.canChangeDuringRun`), so that a population is refused before
    /// it starts rather than when its first member is built.
    public init(name: String, configuration: OptimizerConfiguration, learningRates: ClosedRange<Double>) throws(OptionError) {
        try self.init(name: name, kind: configuration.kind, learningRates: learningRates)
        guard configuration.canChangeDuringRun(name) else {
            let evolvable = EvolvingHyperparameter.names(for: configuration)
            throw OptionError("option '\(name)' of \(configuration.kind.name) cannot change during a run, so it cannot evolve", key: name,
                              hint: "\(configuration.kind.name) can evolve " + evolvable.joined(separator: ", "))
        }
    }

    /// The options of `configuration`'s optimizer a population can evolve: `lr`, and those
    /// with a bounded range the optimizer takes during a run (`momentum`, `dampening`).
    public static func names(for configuration: OptimizerConfiguration) -> [String] {
        configuration.kind.allOptions.map(\.name).filter { name in
            (try? EvolvingHyperparameter(name: name, kind: configuration.kind, learningRates: 1e-4...1)) != nil
                && configuration.canChangeDuringRun(name)
        }
    }

    /// A value drawn from the search range (log-uniform or uniform).
    public func draw(_ random: inout SeededRandom) -> Double {
        let value: Double
        if logScale {
            value = exp(random.nextUniform(in: log(searchRange.lowerBound)...log(searchRange.upperBound)))
        } else {
            value = random.nextUniform(in: searchRange)
        }
        return clamp(value)
    }

    /// `value` inside the legal range.
    public func clamp(_ value: Double) -> Double {
        Swift.min(Swift.max(value, legalRange.lowerBound), legalRange.upperBound)
    }

    /// Explore from `value`: resampled with probability `resample`, else multiplied by one of
    /// `factors` drawn uniformly; clamped to the legal range. Draws one uniform number, then
    /// either a value or a factor index. `factors` must not be empty.
    public func explore(_ value: Double, resample: Double, factors: [Double], random: inout SeededRandom) -> HyperparameterMove {
        precondition(!factors.isEmpty, "explore needs at least one perturbation factor")
        if random.nextUniform() < resample {
            let drawn = draw(&random)
            return HyperparameterMove(name: name, from: value, to: drawn, how: .resampled, clamped: false)
        }
        let factor = factors[random.nextIndex(below: factors.count)]
        let raw = value * factor
        let clamped = clamp(raw)
        return HyperparameterMove(name: name, from: value, to: clamped, how: .perturbed(factor: factor), clamped: clamped != raw)
    }
}

/// What explore did to one copied hyper-parameter.
public struct HyperparameterMove: Sendable, Hashable {
    public enum How: Sendable, Hashable {
        /// Drawn afresh from the search range.
        case resampled
        /// Multiplied by `factor`.
        case perturbed(factor: Double)
    }

    public var name: String
    /// The value copied from the source.
    public var from: Double
    /// The value the member carries on.
    public var to: Double
    public var how: How
    /// Whether the perturbed value left the option's legal range and was clamped to its edge.
    public var clamped: Bool

    public init(name: String, from: Double, to: Double, how: How, clamped: Bool) {
        self.name = name
        self.from = from
        self.to = to
        self.how = how
        self.clamped = clamped
    }

    public var isResampled: Bool { how == .resampled }
}
