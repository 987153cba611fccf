import LRLab
import LRLabText

/// The picture `train` redraws while it runs, at most `framesPerSecond` times a
/// second: the training and validation loss of every epoch so far and, for a
/// classifier of two features, its decision regions with the points above the
/// chart (`plot fit`'s picture). Each frame goes to the session's `progress` as
/// text of several lines ending in a newline, which the terminal draws over the
/// previous frame; the last one (`finish`, also after Ctrl-C) stays on screen.
/// The whole frame fits the terminal's rows less two (the command's line and
/// the status line under the frame), so redrawing it in place never scrolls.
struct LiveTrainingChart {
    static let framesPerSecond = 4
    /// Lines of the screen a frame leaves free: the command's and the status
    /// line's.
    static let reservedRows = 2
    /// The decision map's share of the rows a frame may take (the rest go
    /// to the loss chart).
    static let mapShare = 0.55
    private let emit: (String) -> Void
    private let style: GlyphStyle
    private let color: Bool
    private let width: Int
    private let rows: Int
    /// The loss chart's height when it is drawn alone.
    private let chartHeight: Int
    private let title: String
    /// The split and model whose decision regions are drawn; nil when the data
    /// is not a classification of two features.
    private let classifier: (split: DataSplit, model: any Model)?
    private var epochs: [Double] = []
    private var train: [Double] = []
    private var validation: [Double] = []
    private var lastFrame: ContinuousClock.Instant
    /// The latest parameters drawn in the map.
    private var parameters: [Double] = []
    /// A frame is due and waits for the trainer's parameters (`draw`).
    private(set) var wantsParameters = false

    /// Nil unless the session draws live pictures and shows progress.
    init?(_ session: Session, trainer: Trainer, title: String) {
        guard session.live, session.liveFramesDrawn,
              let progress = session.progress else { return nil }
        emit = progress
        style = session.glyphStyle
        color = session.useColor
        let size = session.pictureSize()
        width = size.width
        chartHeight = Swift.max(4, Swift.min(size.height,
                                             session.terminalRows - 10))
        rows = Swift.max(8, session.terminalRows - Self.reservedRows)
        self.title = title
        let data = trainer.split.training
        classifier = data.isClassification && data.featureCount == 2
            ? (trainer.split, trainer.model) : nil
        parameters = trainer.parameters
        lastFrame = .now
        for record in trainer.trace.records { append(record) }
    }

    private mutating func append(_ record: EpochRecord) {
        epochs.append(Double(record.epoch))
        train.append(record.trainLoss)
        validation.append(record.validationLoss ?? .nan)
    }

    /// Keeps the epoch; when the last frame is older than a frame's time, draws
    /// one, or (with a map) asks for the parameters (`wantsParameters`).
    mutating func add(_ record: EpochRecord) {
        append(record)
        let now = ContinuousClock.now
        let interval = Duration.milliseconds(1000 / Self.framesPerSecond)
        guard now - lastFrame >= interval else { return }
        lastFrame = now
        if classifier == nil { emit(frame()) } else { wantsParameters = true }
    }

    /// Draws a frame with the map of `parameters`.
    mutating func draw(parameters: [Double]) {
        self.parameters = parameters
        wantsParameters = false
        emit(frame())
    }

    /// Draws the last frame, which stays.
    mutating func finish(parameters: [Double]) {
        guard epochs.count > 1 else { return }
        draw(parameters: parameters)
    }

    /// The picture as one frame: lines ending in a newline.
    func frame() -> String {
        guard let classifier else {
            return chart(height: chartHeight) + "\n"
        }
        let mapHeight = Swift.max(4, Int(Double(rows - 10) * Self.mapShare))
        let map = PlotCommands.decisionMap(
            split: classifier.split, model: classifier.model,
            parameters: parameters, size: (width, mapHeight),
            title: "\(title) on \(classifier.split.training.name): "
                + "decision regions (live)")
        let top = map.render(style: style, color: color)
        let used = Self.lineCount(top)
        // The chart's title, axis and legend take 5 lines beyond its height,
        // or more when the legend says a series is hidden.
        var height = Swift.max(3, rows - used - 5)
        var bottom = chart(height: height)
        let excess = used + Self.lineCount(bottom) - rows
        if excess > 0, height > 3 {
            height = Swift.max(3, height - excess)
            bottom = chart(height: height)
        }
        return top + "\n" + bottom + "\n"
    }

    static func lineCount(_ text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).count
    }

    /// The loss chart `height` rows high, drawn.
    private func chart(height: Int) -> String {
        lossChart(height: height).render(style: style, color: color)
    }

    /// The last frame's loss chart (`save FILE.svg` after `train` writes it);
    /// nil before two epochs.
    var finalChart: LineChart? {
        epochs.count > 1 ? lossChart(height: chartHeight) : nil
    }

    /// The training and validation loss of every epoch so far.
    private func lossChart(height: Int) -> LineChart {
        var series = [LineChart.Series("train", y: train, x: epochs)]
        if validation.contains(where: \.isFinite) {
            series.append(LineChart.Series("validation", y: validation,
                                           x: epochs))
        }
        let positive = series.allSatisfy {
            $0.y.allSatisfy { !$0.isFinite || $0 > 0 }
        }
        return LineChart(
            series: series, width: width, height: height,
            yScale: positive ? .log10 : .linear,
            title: "training \(title): loss per epoch (live)",
            xLabel: "epoch", yLabel: "loss")
    }
}
