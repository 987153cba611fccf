import LRLab
import LRLabText

/// `plot data`: the data set drawn.
extension PlotCommands {
    /// `plot data`: 2-D classes as marks on a scatter, a 1-D regression set as its points (and
    /// the curve it was drawn from), digits as a gallery of images; wider sets by their first
    /// two features, saying so.
    static func plotDataCommand(_ session: Session, _ statement: Statement) throws(ShellError) -> Report {
        try statement.expectWords(2)
        guard let split = session.lab.data, let source = session.lab.source else {
            throw ShellError("no data set to plot yet", at: statement.words[1].range,
                             hint: "make one first, e.g. data moons, data sine or data digits")
        }
        let all = split.validation.map { Dataset(concatenating: split.training, $0) } ?? split.training
        let size = session.pictureSize(tall: true)
        var report = Report()
        if source == .digits {
            // The gallery has no SVG twin: `save FILE.svg` then has nothing to write.
            report.picture(digitGallery(split.training, width: session.terminalColumns), saved: nil)
            return report
        }
        let plot: ScatterPlot
        let names = all.shownFeatureNames
        switch all.target {
        case .classes(let labels, let classCount):
            // Up to four classes with validation rows: filled marks for training, hollow for validation.
            let apart = split.validation != nil && classCount <= 4
            var groups = (0..<classCount).flatMap { k in
                apart ? [ScatterPlot.Group("class \(all.shownClassName(k)) train", points: []),
                         ScatterPlot.Group("validation", points: [])]
                      : [ScatterPlot.Group("class " + all.shownClassName(k), points: [])]
            }
            for row in 0..<all.rowCount {
                let features = all.features(ofRow: row)
                let y = all.featureCount >= 2 ? features[features.startIndex + 1] : Double(labels[row])
                let group = apart ? 2 * labels[row] + (row >= split.training.rowCount ? 1 : 0) : labels[row]
                groups[group].points.append((features[features.startIndex], y))
            }
            let title = all.featureCount >= 2
                ? "\(all.shownName): \(names[1]) against \(names[0])" + (all.featureCount > 2 ? " (the first two of \(all.featureCount) features)" : "")
                : "\(all.shownName): the class against \(names[0])"
            plot = ScatterPlot(groups: groups, width: size.width, height: size.height, title: title,
                               xLabel: names[0], yLabel: all.featureCount >= 2 ? names[1] : "class")
        case .values:
            func points(_ data: Dataset?) -> [(x: Double, y: Double)] {
                guard let data, case .values(let values) = data.target else { return [] }
                return (0..<data.rowCount).map { (data.features[$0 * data.featureCount], values[$0]) }
            }
            var groups = [ScatterPlot.Group("training", points: points(split.training))]
            if split.validation != nil { groups.append(ScatterPlot.Group("validation", points: points(split.validation))) }
            var curve: ((Double) -> Double)?
            if case .synthetic(let family, _, _, _) = source { curve = { family.curve($0) } }
            let title = "\(all.shownName): the target against \(names[0])" + (all.featureCount > 1 ? " (the first of \(all.featureCount) features)" : "")
            plot = ScatterPlot(groups: groups, curve: curve, width: size.width, height: size.height, title: title,
                               xLabel: names[0], yLabel: "target")
        }
        report.picture(.scatterPlot(plot))
        return report
    }

    /// The first training image of each digit.
    static func digitGallery(_ training: Dataset, width: Int) -> ImageGallery {
        guard case .classes(let labels, let classCount) = training.target else { return ImageGallery(images: [], side: 8) }
        var images: [ImageGallery.Image] = []
        for digit in 0..<classCount {
            guard let row = labels.firstIndex(of: digit) else { continue }
            images.append(ImageGallery.Image(training.className(digit), pixels: Array(training.features(ofRow: row))))
        }
        return ImageGallery(images: images, side: 8, maximumWidth: max(20, width - 2),
                            title: "digits: the first training image of each class, 8×8 pixels shaded by value")
    }
}
