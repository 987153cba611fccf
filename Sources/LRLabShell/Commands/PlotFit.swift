import LRLab
import LRLabText

/// `plot fit`: the fitted curves over a 1-D regression set, or the decision regions of the
/// trained classifier over a 2-D classification set.
extension PlotCommands {
    /// Curve samples across the window of a fit plot.
    static let fitCurveSamples = 200

    static func plotFit(_ session: Session, at word: Word) throws(ShellError) -> Report {
        guard let split = session.lab.data else {
            throw ShellError("no data yet", at: word.range, hint: "make a data set first, e.g. data sine or data moons")
        }
        let size = session.pictureSize(tall: split.training.featureCount == 2)
        let training = split.training
        var report = Report()
        if !training.isClassification && training.featureCount == 1 {
            var curves: [(label: String, model: any Model, parameters: [Double])] = []
            var errors: LineChart?
            if let fitted = session.lab.fits, session.lab.latest == .fits || session.lab.trainedModel == nil {
                curves = fitted.fits.fits.filter { $0.trainer.ending == nil }.map { ("degree \($0.degree)", $0.trainer.model, $0.trainer.parameters) }
                errors = errorChart(fitted.fits, size: size)
            } else if let training = session.lab.trainedModel {
                curves = [(training.specification.description, training.trainer.model, training.trainer.parameters)]
            }
            guard !curves.isEmpty else {
                throw ShellError("nothing fitted to this data yet", at: word.range, hint: "fit trains one poly per degree; or model ... then train")
            }
            let plot = fitPlot(split: split, curves: curves, size: size)
            // After `fit`, both pictures are drawn and saved, the curves above the errors.
            report.picture(errors.map { .fitWithErrors(plot, errors: $0) } ?? .fitPlot(plot))
            return report
        }
        guard training.isClassification, training.featureCount == 2 else {
            throw ShellError("plot fit draws a 1-D regression set with its curves, or a 2-D classification set with its regions; '\(training.name)' has \(training.featureCount) features",
                             at: word.range, hint: "for this data, plot loss shows the training curves")
        }
        guard let training = session.lab.trainedModel else {
            throw ShellError("no trained model on this data yet", at: word.range, hint: "e.g. model mlp hidden=8 then train epochs=100")
        }
        let map = decisionMap(split: split, model: training.trainer.model, parameters: training.trainer.parameters, size: size,
                              title: training.specification.description + " on \(training.trainer.split.training.name): decision regions")
        report.picture(.decisionMap(map))
        return report
    }

    /// The points of `split` with each model's curve sampled across their x range.
    static func fitPlot(split: DataSplit, curves: [(label: String, model: any Model, parameters: [Double])],
                        size: (width: Int, height: Int)) -> FitPlot {
        let sets = [split.training] + (split.validation.map { [$0] } ?? [])
        let xs = sets.flatMap(\.features)
        let range = (xs.min() ?? -1)...(xs.max() ?? 1)
        let positions = FitPlot.samplePositions(over: range, count: fitCurveSamples)
        let fitted = curves.map { curve in
            FitPlot.Curve(curve.label, x: positions,
                          y: ModelLoss(model: curve.model, data: split.training).outputs(at: curve.parameters, inputs: positions))
        }
        var points = [FitPlot.Points("train", x: split.training.features, y: targetValues(split.training))]
        if let validation = split.validation {
            points.append(FitPlot.Points("validation", x: validation.features, y: targetValues(validation)))
        }
        return FitPlot(points: points, curves: fitted, width: size.width, height: size.height,
                       title: "\(split.training.name): \(curves.map(\.label).joined(separator: ", "))",
                       xLabel: split.training.featureNames.first ?? "x", yLabel: "y")
    }

    /// The classes `model` predicts across the window of `split`'s points, with the points.
    static func decisionMap(split: DataSplit, model: any Model, parameters: [Double], size: (width: Int, height: Int),
                            title: String) -> DecisionMap {
        let sets = [(split.training, false)] + (split.validation.map { [($0, true)] } ?? [])
        var points: [DecisionMap.Point] = []
        for (set, isValidation) in sets {
            guard case .classes(let labels, _) = set.target else { continue }
            for row in 0..<set.rowCount {
                let features = set.features(ofRow: row)
                points.append(DecisionMap.Point(x: features[features.startIndex], y: features[features.startIndex + 1], label: labels[row],
                                                isValidation: isValidation))
            }
        }
        let rect = PlotRect.enclosing([], points: points.map { (x: $0.x, y: $0.y) }, margin: 0.1)
        let centres = DecisionMap.cellCentres(rect: rect, width: size.width, height: size.height)
        let inputs = centres.flatMap { [$0.x, $0.y] }
        let logits = ModelLoss(model: model, data: split.training).outputs(at: parameters, inputs: inputs)
        let classes = model.outputCount
        let regions = (0..<centres.count).map { cell -> Int in
            var best = 0
            for k in 1..<Swift.max(classes, 1) where logits[cell * classes + k] > logits[cell * classes + best] { best = k }
            return logits[cell * classes + best].isFinite ? best : -1
        }
        return DecisionMap(rect: rect, width: size.width, height: size.height, regions: regions, points: points,
                           classNames: split.training.classNames ?? [], title: title)
    }

    /// The regression targets of `data` (empty for classes).
    static func targetValues(_ data: Dataset) -> [Double] {
        if case .values(let values) = data.target { return values }
        return []
    }
}
