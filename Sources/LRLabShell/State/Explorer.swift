import LRLab
import LRLabText

/// The formula explorer's state: named values, the function, the start point, the run in
/// progress and the last comparison. The run and the comparison were made from the function
/// and the start, so changing either drops them here, in one place.
public struct Explorer {
    /// Values named at the prompt (`a = 5`), which later formulas read.
    public internal(set) var names: [String: Double] = [:]
    /// The function to minimise (`f(x) = ...`, `use PRESET`); nil until one is chosen.
    public private(set) var objective: Objective?
    /// Where runs start; nil until set, or when the function's dimension changed.
    public private(set) var start: [Double]?
    /// The run in progress, which `step` and `run` continue.
    public internal(set) var run: Run?
    /// The runs of the last `compare` on this function, overlaid by `plot path` and `plot f`.
    public internal(set) var comparison: Comparison.Report?

    /// Installs a new function; the start point is kept when its dimension still fits.
    mutating func setObjective(_ objective: Objective, start preferredStart: [Double]? = nil) {
        self.objective = objective
        if let preferredStart {
            start = preferredStart
        } else if start?.count != objective.dimension {
            start = nil
        }
        run = nil
        comparison = nil
    }

    /// Moves the start point; the run and the comparison start again from it.
    mutating func setStart(_ point: [Double]) {
        start = point
        run = nil
        comparison = nil
    }

    /// Forgets the run in progress (the optimizer or the schedule changed), returning a note
    /// when it had taken steps that are lost.
    mutating func discardRun(digits: Int) -> String? {
        defer { run = nil }
        guard let run, run.stepCount > 0 else { return nil }
        return "(the \(run.stepCount)-step run was reset; the next step starts again from \(NumberFormat.point(run.start, digits: digits)))"
    }

    /// Forgets everything, the named values included: a lesson starts from nothing.
    mutating func clear() {
        self = Explorer()
    }
}
