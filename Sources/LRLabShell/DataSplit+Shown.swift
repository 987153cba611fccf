import LRLab
import LRLabText

extension DataSplit {
    /// What `data` says of the set: its rows and features, its target, its split and the
    /// command that makes it again (`source`); numbers with `digits` significant digits.
    func shownDescription(source: DataSource, digits: Int) -> String {
        // The training set's columns and classes, with the targets of both parts (not a copy of the features).
        let all = training
        let parts = [training] + (validation.map { [$0] } ?? [])
        let names = all.featureCount <= 6 ? all.shownFeatureNames.joined(separator: ", ")
            : "\(all.shownFeatureNames[0]) … \(all.shownFeatureNames[all.featureCount - 1])"
        var lines = ["data \(all.shownName): " + DataSplit.rows(parts.reduce(0) { $0 + $1.rowCount }) + ", \(all.featureCount) feature"
                     + (all.featureCount == 1 ? "" : "s") + " (\(names))"]
        switch all.target {
        case .classes(_, let trainingClassCount):
            let classCount = parts.reduce(trainingClassCount) { max($0, $1.classCount ?? 0) }
            var counts = [Int](repeating: 0, count: classCount)
            for case .classes(let labels, _) in parts.map(\.target) {
                for label in labels { counts[label] += 1 }
            }
            // Wrapped to fit 80 columns: digits has ten classes.
            var line = "  target    \(classCount) classes:"
            for (label, count) in counts.enumerated() {
                let item = " \(all.shownClassName(label)) ×\(count)" + (label == classCount - 1 ? "" : ",")
                if line.count + item.count > 80 {
                    lines.append(line)
                    line = String(repeating: " ", count: 11)
                }
                line += item
            }
            lines.append(line)
        case .values:
            let values = parts.flatMap { part -> [Double] in if case .values(let values) = part.target { values } else { [] } }
            let mean = SampleStatistics.mean(values)
            lines.append("  target    values from \(NumberFormat.format(values.min() ?? 0, digits: digits)) to "
                         + "\(NumberFormat.format(values.max() ?? 0, digits: digits)), mean \(NumberFormat.format(mean, digits: digits))")
            if case .file = source, values.allSatisfy({ $0.rounded() == $0 }) {
                lines.append("            whole numbers, but \(HelpText.grouped(Set(values).count)) distinct ones: more than "
                             + "\(CSVTable.maximumClassCount) classes, so a value to regress on")
            }
        }
        let validationRows = validation?.rowCount ?? 0
        let how: String
        if case .file(_, .some, _) = source {
            how = "from the two files"
        } else {
            how = "split=\(NumberFormat.format(trainingFraction, digits: 6)) seed=\(seed)"
        }
        lines.append("  split     " + DataSplit.rows(training.rowCount, "training") + ", " + DataSplit.rows(validationRows, "validation") + " (\(how))")
        lines.append("  made by   " + DiagnosticRenderer.visible(source.command))
        if case .synthetic(let family, _, _, _) = source { lines.append("  formula   \(family.formula)") }
        return lines.joined(separator: "\n")
    }

    /// `1 training row`, `1,437 training rows`: a count of rows as `data` and `show` say it.
    static func rows(_ count: Int, _ kind: String? = nil) -> String {
        HelpText.grouped(count) + (kind.map { " " + $0 } ?? "") + " row" + (count == 1 ? "" : "s")
    }
}
