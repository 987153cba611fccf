import LRLab
import LRLabText

/// The loss chart `train` redraws while it runs, at most `framesPerSecond` times a second:
/// the training and validation loss of every epoch so far. Each frame goes to the session's
/// `progress` as text of several lines ending in a newline, which the terminal draws over the
/// previous frame; the last one (`finish`, also after Ctrl-C) stays on screen.
struct LiveTrainingChart {
    static let framesPerSecond = 4
    private let emit: (String) -> Void
    private let style: GlyphStyle
    private let color: Bool
    private let size: (width: Int, height: Int)
    private let title: String
    private var epochs: [Double] = []
    private var train: [Double] = []
    private var validation: [Double] = []
    private var lastFrame: ContinuousClock.Instant

    /// Nil unless the session draws live pictures and shows progress.
    init?(_ session: Session, trace: EpochTrace, title: String) {
        guard session.live, let progress = session.progress else { return nil }
        emit = progress
        style = Command.style(session)
        color = session.useColor
        let size = Command.pictureSize(session)
        // The frame must fit the screen, or redrawing it in place would scroll.
        self.size = (size.width, Swift.max(4, Swift.min(size.height, session.terminalRows - 10)))
        self.title = title
        lastFrame = .now
        for record in trace.records { append(record) }
    }

    private mutating func append(_ record: EpochRecord) {
        epochs.append(Double(record.epoch))
        train.append(record.trainLoss)
        validation.append(record.validationLoss ?? .nan)
    }

    /// Keeps the epoch; draws a frame when the last one is older than a frame's time.
    mutating func add(_ record: EpochRecord) {
        append(record)
        let now = ContinuousClock.now
        guard now - lastFrame >= .milliseconds(1000 / Self.framesPerSecond) else { return }
        lastFrame = now
        emit(frame())
    }

    /// Draws the last frame, which stays.
    func finish() {
        guard epochs.count > 1 else { return }
        emit(frame())
    }

    /// The chart as one frame: lines ending in a newline.
    func frame() -> String {
        chart.render(style: style, color: color) + "\n"
    }

    /// The last frame's chart (`save FILE.svg` after `train` writes it); nil before two epochs.
    var finalChart: LineChart? { epochs.count > 1 ? chart : nil }

    /// The training and validation loss of every epoch so far.
    private var chart: LineChart {
        var series = [LineChart.Series("train", y: train, x: epochs)]
        if validation.contains(where: \.isFinite) { series.append(LineChart.Series("validation", y: validation, x: epochs)) }
        let positive = series.allSatisfy { $0.y.allSatisfy { !$0.isFinite || $0 > 0 } }
        let chart = LineChart(series: series, width: size.width, height: size.height, yScale: positive ? .log10 : .linear,
                              title: "training \(title): loss per epoch (live)", xLabel: "epoch", yLabel: "loss")
        return chart
    }
}
