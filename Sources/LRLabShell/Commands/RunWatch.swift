import LRLab
import LRLabText

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `run N watch`: the run's iterates drawn as they grow, `plot path`'s contour
/// map for a formula of two variables and `plot f`'s curve for one of one. At a
/// terminal with live pictures the picture is redrawn in place a few times a
/// second (a quick run is paced over about `frames` frames so the growth can be
/// seen) and the last frame stays; elsewhere the run runs as `run N` does and
/// the final picture is printed once, before the run's report.
struct RunWatch {
    /// The time between two frames.
    static let frameInterval = Duration.milliseconds(200)
    /// Frames a run quicker than its frames is spread over.
    static let frames = 12
    /// Lines of the screen a frame leaves free: the command's and the prompt's.
    static let reservedRows = 2
    private let objective: Objective
    private let layout: ReportLayout
    private var size: (width: Int, height: Int)
    /// The most lines a frame may take.
    private let rows: Int

    /// Nil when `run`'s loss is not a formula of one or two variables.
    init?(_ session: Session, run: Run) {
        guard let objective = run.objective,
              (1...2).contains(objective.dimension) else { return nil }
        self.objective = objective
        layout = session.layout
        size = session.pictureSize(tall: objective.dimension == 2)
        rows = Swift.max(8, session.terminalRows - Self.reservedRows)
    }

    /// The picture of `run`'s iterates so far as the terminal shows it, and the picture `save`
    /// keeps: `plot path`'s map, or for one variable the line chart `plot f` saves.
    func picture(_ run: Run) -> (shown: any TerminalPicture, saved: Picture) {
        if objective.dimension == 1 {
            let plot = curve(run)
            return (plot, .lineChart(PlotCommands.functionChart(objective, plot)))
        }
        let map = pathMap(run)
        return (map, .contourMap(map))
    }

    /// The picture of `run`'s iterates so far, as a frame shows it.
    func shownPicture(_ run: Run) -> any TerminalPicture {
        objective.dimension == 1 ? curve(run) : pathMap(run)
    }

    /// `plot f`'s curve of a function of one variable with `run`'s iterates.
    private func curve(_ run: Run) -> CurvePlot {
        PlotCommands.functionPlot(objective, iterates: PlotCommands.iterates(of: run), size: size)
    }

    /// `plot path`'s contour map of a function of two variables with `run`'s trajectory.
    private func pathMap(_ run: Run) -> ContourMap {
        let trajectory = ContourMap.Trajectory(run.configuration.kind.name, points: PlotCommands.points(of: run))
        return PlotCommands.pathMap(objective, [trajectory], size: size)
    }

    /// The picture of `run`'s iterates so far as the text of one frame.
    func frame(_ run: Run) -> String {
        shownPicture(run).render(in: layout)
    }

    /// Lowers the picture's height until a frame fits `rows` lines.
    mutating func fit(_ run: Run) {
        let lines = frame(run).split(separator: "\n",
                                            omittingEmptySubsequences: false)
        let excess = lines.count - rows
        if excess > 0 { size.height = Swift.max(4, size.height - excess) }
    }

    /// Runs `count` steps of `run` (or until it converges), drawing a frame
    /// through `emit` at most every `frameInterval` and the last one when the
    /// run stops for any reason; returns the steps taken and the last picture. A quick run of N
    /// steps grows by N / `frames` steps a frame; one until convergence by
    /// as many steps as it has taken.
    mutating func run(_ run: inout Run, count: Int, untilConverged: Bool,
                      shouldStop: @escaping () -> Bool,
                      emit: (String) -> Void)
        -> (taken: Int, last: (shown: any TerminalPicture, saved: Picture)) {
        fit(run)
        let chunk = Swift.max(1, (count + Self.frames - 1) / Self.frames)
        var taken = 0
        var lastFrame = ContinuousClock.now
        emit(frame(run) + "\n")
        while taken < count {
            // Until convergence the end is not known: the steps drawn double.
            let wanted = Swift.min(untilConverged ? Swift.max(1, taken) : chunk,
                                   count - taken)
            let due = lastFrame + Self.frameInterval
            let steps = run.run(wanted, untilConverged: untilConverged) {
                shouldStop() || ContinuousClock.now >= due
            }
            taken += steps
            if shouldStop() || run.ending != nil { break }
            if untilConverged, run.hasConverged { break }
            if steps == wanted, !Self.sleep(until: due, shouldStop) { break }
            lastFrame = .now
            emit(frame(run) + "\n")
        }
        let last = picture(run)
        emit(last.shown.render(in: layout) + "\n")
        return (taken, last)
    }

    /// Waits until `instant`, asking `shouldStop` every few milliseconds;
    /// false when it said to stop.
    static func sleep(until instant: ContinuousClock.Instant,
                      _ shouldStop: () -> Bool) -> Bool {
        while ContinuousClock.now < instant {
            if shouldStop() { return false }
            let left = instant - ContinuousClock.now
            usleep(useconds_t(Swift.min(20_000, microseconds(left))))
        }
        return !shouldStop()
    }

    private static func microseconds(_ duration: Duration) -> Int64 {
        let (whole, fraction) = duration.components
        return Swift.max(0, whole * 1_000_000 + fraction / 1_000_000_000_000)
    }
}

extension RunCommands {
    /// `run N watch`: takes the steps as `run N` does, with the picture redrawn
    /// live at a terminal, or reported once at the end elsewhere; the picture
    /// is the one `save FILE.svg` keeps. Returns the steps taken and the
    /// report of the picture (drawing nothing when it was drawn live, but keeping it for save).
    static func watchRun(_ session: Session, _ run: inout Run, count: Int,
                         untilConverged: Bool) -> (taken: Int, report: Report) {
        guard var view = RunWatch(session, run: run) else {
            return (run.run(count, untilConverged: untilConverged,
                            shouldStop: session.shouldStop), Report())
        }
        var report = Report()
        let taken: Int
        let last: (shown: any TerminalPicture, saved: Picture)
        if session.live, session.liveFramesDrawn,
           let progress = session.progress {
            (taken, last) = view.run(&run, count: count,
                                     untilConverged: untilConverged,
                                     shouldStop: session.shouldStop,
                                     emit: progress)
            progress("")
        } else {
            taken = run.run(count, untilConverged: untilConverged,
                            shouldStop: session.shouldStop)
            last = view.picture(run)
            report.figure(last.shown)
        }
        report.save(last.saved)
        return (taken, report)
    }
}
