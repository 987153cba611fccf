#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What the rules read: the trace (`TraceReader`) and, for a run still in progress, the
/// measurements over its window, each computed once, when a rule first asks for it.
final class DiagnosisReading {
    let reader: TraceReader
    let phase: DiagnosisPhase

    init(_ reader: TraceReader) {
        self.reader = reader
        if reader.run.ending != nil {
            phase = .ended
        } else if reader.norms[reader.last] < reader.tolerance {
            phase = .underTolerance
        } else if reader.last == 0 {
            phase = .unstarted
        } else {
            phase = .running
        }
    }

    var run: Run { reader.run }
    var last: Int { reader.last }
    var losses: [Double] { reader.losses }
    var norms: [Double] { reader.norms }
    var tolerance: Double { reader.tolerance }
    var objective: any DifferentiableLoss { reader.objective }
    /// The standard deviation of the run's gradient noise (0: exact gradients).
    var noise: Double { run.configuration.gradientNoise }

    // MARK: The window (phase `running`: at least one step)

    /// Rows in the window: the last `window` steps' rows, fewer early in a run.
    lazy var rows = Swift.min(reader.window, last)
    /// The window's first row.
    lazy var first = last - rows
    /// The gradient norm's factor per step over the window, (‖g_last‖/‖g_first‖)^(1/steps).
    lazy var rho = reader.factor(from: first, to: last)
    /// The loss gap's factor per step over the window.
    lazy var lossGapFactor = reader.lossFactor(from: first, to: last)
    /// Rows of the window whose loss rose from the row before.
    lazy var lossRises = ((first + 1)...last).count { losses[$0] > losses[$0 - 1] }
    /// Rows of the window whose notes say `plateau`.
    lazy var plateauRows = ((first + 1)...last).count { reader.notes[$0].contains(.plateau) }
    /// Steps the window spans (more than its rows when the trace is thinned).
    lazy var stepSpan = reader.stepsBetween(first, last)
    /// `of the last 20 steps`, or `of the 20 recorded steps among the last 200`.
    var ofWindow: String {
        stepSpan == rows ? "of the last \(rows) steps" : "of the \(rows) recorded steps among the last \(stepSpan)"
    }
    /// `over the last 20 steps`.
    var span: String { "over the last \(stepSpan) step\(stepSpan == 1 ? "" : "s")" }
    /// The loss at the window's end minus at its start.
    var lossChange: Double { losses[last] - losses[first] }
    /// The curvature line for optimizers the quadratic theory speaks of (empty otherwise).
    lazy var theory: [Phrase] = reader.theoryLine(at: last).map { [$0] } ?? []
    /// The quadratic theory's forecast where it is exact (gd or momentum on a quadratic).
    lazy var forecast = QuadraticForecast(run: run, gradient: reader.gradient(last))
    /// The direction along which the gradient flips sign in most of the window, if any.
    lazy var bounce = reader.bouncingDirection(first: first)
    /// Overshoot notes in the window.
    lazy var overshoots = reader.notes[(first + 1)...last].filter { $0.contains(.overshoot) }.count
    /// The estimate of the steps still needed and the lines on the pace (`DiagnosisReading+Outlook`).
    lazy var outlook = Outlook(self)

    // MARK: Under the tolerance

    /// The first row of the final stretch under the tolerance.
    lazy var restStart: Int = {
        var start = last
        while start > 0, norms[start - 1] < tolerance { start -= 1 }
        return start
    }()
    /// The step of `restStart`.
    var convergedStep: Int { reader.steps[restStart] }
    /// The point at the last row.
    lazy var here = reader.point(last)
    /// The point's scale: its largest coordinate, at least 1.
    var scale: Double { Swift.max(1, here.map { Swift.abs($0) }.max() ?? 0) }
    /// The curvature at the last row.
    lazy var curvature = reader.curvature(at: last)
    /// The first two facts of a verdict at rest: the gradient norm and where the loss is.
    var restEvidence: [Phrase] {
        ["gradient norm \(Phrase.under(norms[last], tolerance)) since step \(convergedStep)",
         "loss \(f(losses[last], 10)) at \(.point(here))"]
    }

    /// A factor per step with enough digits to tell it from 1 (×0.99998, not ×1).
    func f4(_ value: Double) -> Phrase.Part { reader.f4(value) }
    func f(_ value: Double, _ digits: Int = 4) -> Phrase.Part { reader.f(value, digits) }
}
