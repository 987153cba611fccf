import LRLab
import LRLabText

extension Session {
    /// Where `run` stands, as `reset`, `show` and `run until converged` say it, numbers to the
    /// session's digits: `step 12, x = 2.5, loss = 0.25`, or `point = (1, 2)` for two variables.
    func position(of run: Run) -> String {
        "step \(run.stepCount), \(run.lossFunction.parameterCount == 1 ? "x" : "point") = \(NumberFormat.point(run.point, digits: digits)), loss = \(format(run.loss))"
    }
}
