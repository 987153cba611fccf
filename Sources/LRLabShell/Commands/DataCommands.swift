import LRLab
import LRLabText

enum DataCommands {
    /// `data`: the data sets models learn from.
    static let all: [Command] = [
        Command("data", usage: "data [NAME | digits | load FILE.csv [OPTIONS:load]] [OPTIONS]",
                summary: "make or load a data set (sine, moons, digits, a CSV file), or describe the current one",
                details: dataDetails, completion: .computed(dataCompletion), options: DataOptions.all) { session, statement throws(ShellError) in
            try dataCommand(session, statement)
        },
    ]

    /// Every set `data NAME` knows: the synthetic families, then `digits`.
    static var dataSetNames: [String] { SyntheticFamily.allCases.map(\.rawValue) + ["digits"] }

    /// `data`'s options.
    enum DataOptions {
        static let n = CommandOption.count("n", limit: Limits.maximumDataRows, "rows of a synthetic set", defaultDescription: "per set")
        static let noise = CommandOption.number("noise", range: 0...100, "standard deviation of the Gaussian noise ε of a synthetic set",
                                                defaultDescription: "per set")
        static let split = CommandOption.number("split", default: 0.8, range: 0...1,
                                                "fraction of the rows that train, in (0, 1]; the rest validate (1: all train)")
        static let seed = CommandOption.seed("seed of the rows of a synthetic set and of the split's shuffle")
        static let target = CommandOption.text("target", syntax: "COLUMN", "the column to predict", subcommand: "load",
                                               defaultDescription: "last")
        static let validation = CommandOption.text("validation", syntax: "FILE.csv",
                                                   "a second file of validation rows (then every row of FILE trains)", subcommand: "load")
        static let all = [n.option, noise.option, split.option, seed.option, target.option, validation.option]
    }

    static var dataDetails: String {
        let families = SyntheticFamily.allCases.map { family in
            "  " + NumberFormat.rightPad(family.rawValue, 8) + " " + NumberFormat.rightPad("n=\(family.defaultRowCount)", 6)
                + " " + NumberFormat.rightPad("noise=\(NumberFormat.format(family.defaultNoise))", 11) + " " + family.formula
        }
        return """
        `data NAME` makes a seeded synthetic set: 1-D regression on a noisy curve (sine, poly, step)
        or 2-D classification (blobs, moons, circles, spirals, xor), TensorFlow Playground's families.
        ε ~ N(0, noise²) is added to the target (regression) or to each coordinate (classification,
        after the label is chosen, so classes overlap); classes are balanced; same seed, same rows.
        \(families.joined(separator: "\n"))
          digits   the UCI optical handwritten digits: 1,797 8×8 images, 64 features (pixels ÷ 16,
                   in [0, 1]), 10 classes (Alpaydin & Kaynak 1998, CC BY 4.0, as scikit-learn ships it)
        `data load FILE.csv` reads a CSV file: a header row, then numbers; the target is the last column
        (or target=COLUMN): a class when every value is a whole number and there are at most
        \(CSVTable.maximumClassCount) distinct ones, else a value to regress on (`data` says which).
        The rows are shuffled with seed= and split: split=0.8 trains on 80% and validates on the rest;
        split=1 trains on every row; validation=FILE.csv validates on a second file instead.
        `data` alone describes the current set; `plot data` draws it.
          data moons
          data sine n=20 noise=0.3 seed=7
          data digits split=0.8
          data load iris.csv target=species split=0.7 seed=1
        """
    }

    /// After `data`: the set names and `load`.
    @Sendable static func dataCompletion(_ previous: [Word]) -> [String] {
        previous.count == 1 ? dataSetNames + ["load"] : []
    }

    static func dataCommand(_ session: Session, _ statement: Statement) throws(ShellError) -> Report {
        guard statement.words.count >= 2 else {
            guard let data = session.lab.data, let source = session.lab.source else {
                throw ShellError("no data set yet", at: statement.words[0].range,
                                 hint: "make one, e.g. data moons, data sine, data digits or data load FILE.csv (help data lists them)")
            }
            return Report(prose: data.shownDescription(source: source, digits: session.digits))
        }
        let what = statement.words[1]
        let name = what.text.lowercased()
        if let family = SyntheticFamily.named(name) {
            let options = try dataOptionValues(statement.words.dropFirst(2), command: "data \(name)", subcommand: nil)
            let rows = options[DataOptions.n] ?? family.defaultRowCount
            if let classes = family.classCount, rows < classes {
                let word = statement.words.first { $0.keyValue.key.lowercased() == DataOptions.n.name }
                throw ShellError("\(name) has \(classes) classes, and n=\(rows) leaves class \(rows) without a row", at: word?.range,
                                 hint: "use n=\(classes) or more: row i belongs to class i mod \(classes)")
            }
            let noise = options[DataOptions.noise] ?? family.defaultNoise
            let seed = options[DataOptions.seed]
            let fraction = try splitFraction(options, statement)
            let dataset = family.generate(rows: rows, noise: noise, seed: seed)
            return setData(session, DataSplit(splitting: dataset, trainingFraction: fraction, seed: seed),
                           source: .synthetic(family, rows: rows, noise: noise, seed: seed))
        }
        if name == "digits" {
            let words = statement.words.dropFirst(2)
            if let word = words.first(where: { [DataOptions.n.name, DataOptions.noise.name].contains($0.keyValue.key.lowercased()) }) {
                throw ShellError("digits is a fixed set of 1,797 images: \(word.keyValue.key)= applies to the synthetic sets", at: word.range,
                                 hint: "data digits takes split= and seed=")
            }
            let options = try dataOptionValues(words, command: "data digits", subcommand: "digits")
            let fraction = try splitFraction(options, statement)
            let seed = options[DataOptions.seed]
            return setData(session, DataSplit(splitting: .digits, trainingFraction: fraction, seed: seed), source: .digits)
        }
        if name == "load" {
            return try loadCommand(session, statement)
        }
        let hint = Suggestion.didYouMean(name, among: dataSetNames + ["load"], prefix: "data ")
            ?? "the sets are " + dataSetNames.joined(separator: ", ") + "; data load FILE.csv reads a file"
        throw ShellError("no data set called '\(what.text)'", at: what.range, hint: hint)
    }

    /// `data load FILE.csv [target=COLUMN] [validation=FILE.csv] [split=] [seed=]`.
    static func loadCommand(_ session: Session, _ statement: Statement) throws(ShellError) -> Report {
        let usage = "data load FILE.csv [target=COLUMN] [validation=FILE.csv] [split=0.8] [seed=0]"
        guard statement.words.count >= 3 else {
            throw ShellError("data load needs a file", at: statement.words[1].range, hint: usage)
        }
        let fileWord = statement.words[2]
        if fileWord.keyValue.value != nil, statement.words.dropFirst(3).allSatisfy({ $0.keyValue.value != nil }) {
            throw ShellError("data load needs a file before its options", at: fileWord.range, hint: usage)
        }
        let options = try dataOptionValues(statement.words.dropFirst(3), command: "data load", subcommand: "load")
        let seed = options[DataOptions.seed]
        let target = options[DataOptions.target]
        let optionWord = { (name: String) in statement.words.dropFirst(3).first { $0.keyValue.key.lowercased() == name } }
        // Ctrl-C while a file is read (or while a pipe waits for its writer) is an interruption
        // (nil), said as other commands say theirs: nothing is loaded and the previous set is kept.
        func read(_ path: String, at range: SourceRange?) throws(ShellError) -> CSVTable? {
            do {
                return try CSVFile.read(session.resolve(path), reportedAs: path, at: range, shouldStop: session.shouldStop,
                                        progress: session.progress)
            } catch {
                guard session.shouldStop() else { throw error }
                return nil
            }
        }
        func interrupted(reading path: String) -> Report {
            Report(prose: "interrupted while reading '\(DiagnosticRenderer.visible(path))'; no data set was loaded"
                   + (session.lab.data == nil ? "" : ", the previous one is kept"))
        }
        guard let table = try read(fileWord.text, at: fileWord.range) else { return interrupted(reading: fileWord.text) }
        let targetName = (try? table.targetColumn(target)).map { table.header[$0] } ?? (target ?? "")
        let split: DataSplit
        let validationPath = options[DataOptions.validation]
        if let validationPath {
            if let word = optionWord(DataOptions.split.name) {
                throw ShellError("split= and validation= do not go together", at: word.range,
                                 hint: "with validation=, every row of \(fileWord.text) trains; leave out split=")
            }
            let validationWord = optionWord(DataOptions.validation.name)
            guard let validation = try read(validationPath, at: validationWord?.range) else { return interrupted(reading: validationPath) }
            do throws(CSVDataError) {
                let sets = try CSVTable.datasets(training: consume table, validation: consume validation, target: target)
                split = DataSplit(training: sets.training, validation: sets.validation, trainingFraction: 1, seed: seed)
            } catch {
                throw ShellError(error.description, at: error.file == validationPath ? validationWord?.range : fileWord.range, hint: error.hint)
            }
        } else {
            let fraction = try splitFraction(options, statement)
            let dataset: Dataset
            do throws(CSVDataError) {
                // The table's numbers become the data set's and then the split's, in place.
                dataset = try (consume table).dataset(target: target)
            } catch {
                throw ShellError(error.description, at: optionWord(DataOptions.target.name)?.range ?? fileWord.range, hint: error.hint)
            }
            try checkInterruption(session, fileWord)
            split = DataSplit(splitting: consume dataset, trainingFraction: fraction, seed: seed)
        }
        try checkInterruption(session, fileWord)
        return setData(session, split, source: .file(path: fileWord.text, validation: validationPath, target: targetName))
    }

    /// Ctrl-C between the steps after a file is read: the data set is not installed.
    static func checkInterruption(_ session: Session, _ fileWord: Word) throws(ShellError) {
        guard session.shouldStop() else { return }
        let interruption = CSVFile.interrupted(fileWord.text, line: 0)
        throw ShellError(interruption.description, at: fileWord.range, hint: interruption.hint)
    }

    /// The options after `data NAME` or `data load FILE`: the common ones, and `load`'s own when
    /// `subcommand` is "load".
    static func dataOptionValues(_ words: some Sequence<Word>, command: String, subcommand: String?) throws(ShellError) -> CommandOptionValues {
        let options = DataOptions.all.filter { option in
            switch subcommand {
            case "load": return option.subcommand == "load" || [DataOptions.split.name, DataOptions.seed.name].contains(option.name)
            case "digits": return [DataOptions.split.name, DataOptions.seed.name].contains(option.name)
            default: return option.subcommand == nil
            }
        }
        return try CommandOptionValues(words, options: options, command: command)
    }

    /// `split=`, refusing 0 (nothing would train).
    static func splitFraction(_ options: CommandOptionValues, _ statement: Statement) throws(ShellError) -> Double {
        let fraction = options[DataOptions.split]
        if fraction <= 0 {
            let word = statement.words.first { $0.keyValue.key.lowercased() == DataOptions.split.name }
            throw ShellError("split=0 leaves no row to train on", at: word?.range,
                             hint: "split is the fraction of rows that train, in (0, 1]: e.g. split=0.8, or split=1 to train on every row")
        }
        return fraction
    }

    /// Installs a data set and describes it.
    static func setData(_ session: Session, _ split: DataSplit, source: DataSource) -> Report {
        let note = session.setData(split, source: source)
        var report = Report(prose: split.shownDescription(source: source, digits: session.digits))
        if let note { report.prose(note) }
        return report
    }
}
