import LRLab
import LRLabText

/// Where the session's data set came from, so `data` alone can say how to make it again.
public enum DataSource: Sendable, Equatable {
    /// `data NAME n= noise= seed=`: a seeded synthetic set.
    case synthetic(SyntheticFamily, rows: Int, noise: Double, seed: UInt64)
    /// `data digits`: the bundled UCI handwritten digits.
    case digits
    /// `data load FILE [validation=FILE]`: a user's CSV file(s) with the target column's name.
    case file(path: String, validation: String?, target: String)

    /// The command that makes the same rows again (before the split).
    public var command: String {
        switch self {
        case .synthetic(let family, let rows, let noise, let seed):
            return "data \(family.rawValue) n=\(rows) noise=\(NumberFormat.format(noise, digits: 6)) seed=\(seed)"
        case .digits:
            return "data digits"
        case .file(let path, let validation, let target):
            return "data load \(Statement.quoted(path)) target=\(Statement.quoted(target))"
                + (validation.map { " validation=\(Statement.quoted($0))" } ?? "")
        }
    }
}
