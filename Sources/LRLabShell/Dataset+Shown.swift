import LRLab

extension Dataset {
    /// The set's name as the shell shows it: a file's name or header can hold any byte, and
    /// its control characters are shown visibly (`\x1b`), never sent to the terminal.
    var shownName: String { DiagnosticRenderer.visible(name) }

    /// The feature names (a CSV file's header) as the shell shows them.
    var shownFeatureNames: [String] { featureNames.map { DiagnosticRenderer.visible($0) } }

    /// A class's name (a CSV file's label text) as the shell shows it.
    func shownClassName(_ label: Int) -> String { DiagnosticRenderer.visible(className(label)) }
}
