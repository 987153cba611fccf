extension CSVTable {
    /// Most distinct whole-number targets that still make a classification: a whole-numbered
    /// column with more distinct values (ages, counts, prices) is a value to regress on.
    public static let maximumClassCount = 100

    /// The table as a data set: the column `target` (by default the last) is predicted from the
    /// others. When every target value is a whole number and there are at most
    /// `maximumClassCount` distinct ones, the target is a class: the distinct values in increasing
    /// order become classes 0, 1, …, named by their values when they are not already 0…K−1.
    /// Otherwise the target is a value to regress on. Throws for a target column that does not
    /// exist (with the closest name) and for a class target with one class only.
    public func dataset(target: String?) throws(CSVDataError) -> Dataset {
        try Self.datasets([self], target: target)[0]
    }

    /// A training and a validation table as two data sets with the same columns and the same
    /// classes (decided on the values of both). The validation file must have the training
    /// file's header, column for column.
    public static func datasets(training: CSVTable, validation: CSVTable, target: String?) throws(CSVDataError) -> (training: Dataset, validation: Dataset) {
        if validation.header != training.header {
            let column = zip(validation.header, training.header).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(validation.header.count, training.header.count)
            throw CSVDataError(file: validation.file, line: 1, column: column + 1,
                               "the columns differ from \(training.file)'s: " + training.header.joined(separator: ","),
                               hint: "a validation file has the same header as the training file, column for column")
        }
        let sets = try datasets([training, validation], target: target)
        return (sets[0], sets[1])
    }

    /// The index of the target column, or the error that names the closest column.
    public func targetColumn(_ target: String?) throws(CSVDataError) -> Int {
        guard let target else { return header.count - 1 }
        if let index = header.firstIndex(of: target) { return index }
        let names = header.count <= 12 ? header.joined(separator: ", ") : header.prefix(12).joined(separator: ", ") + ", …"
        let hint = (Suggestion.closest(to: target, among: header).map { "did you mean '\($0)'? " } ?? "") + "the columns are " + names
        throw CSVDataError(file: file, line: 1, "no column is called '\(target)'", hint: hint)
    }

    /// The data sets of tables with equal headers, with one decision about the target.
    private static func datasets(_ tables: [CSVTable], target: String?) throws(CSVDataError) -> [Dataset] {
        let first = tables[0]
        let targetIndex = try first.targetColumn(target)
        let width = first.header.count
        let featureNames = first.header.enumerated().filter { $0.offset != targetIndex }.map(\.element)
        let targets = tables.map { table in stride(from: targetIndex, to: table.cells.count, by: width).map { table.cells[$0] } }
        let name = first.file.split(separator: "/").last.map(String.init) ?? first.file
        var features: [[Double]] = []
        for table in tables {
            var values: [Double] = []
            values.reserveCapacity(table.rowCount * (width - 1))
            for row in 0..<table.rowCount {
                for column in 0..<width where column != targetIndex { values.append(table.cells[row * width + column]) }
            }
            features.append(values)
        }
        guard let classes = classValues(targets.flatMap { $0 }) else {
            return zip(features, targets).map { Dataset(name: name, featureNames: featureNames, features: $0, target: .values($1)) }
        }
        let firstClasses = Set(targets[0])
        if firstClasses.count == 1, let only = firstClasses.first {
            throw CSVDataError(file: first.file, column: targetIndex + 1, columnName: first.header[targetIndex],
                               "every row has the class \(className(only)): one class only",
                               hint: "a classifier needs rows of at least two classes; choose another column with target=COLUMN, or add rows of other classes")
        }
        let isIdentity = classes.enumerated().allSatisfy { Double($0.offset) == $0.element }
        let names = isIdentity ? nil : classes.map(className)
        var index: [Double: Int] = [:]
        for (label, value) in classes.enumerated() { index[value] = label }
        return zip(features, targets).map { features, values in
            Dataset(name: name, featureNames: featureNames, features: features,
                    target: .classes(labels: values.map { index[$0] ?? 0 }, classCount: classes.count), classNames: names)
        }
    }

    /// The distinct target values in increasing order when they make classes, else nil.
    private static func classValues(_ values: [Double]) -> [Double]? {
        var distinct = Set<Double>()
        for value in values {
            guard value == value.rounded(), abs(value) <= 0x1p53 else { return nil }
            distinct.insert(value + 0)  // -0 and 0 are one class
            if distinct.count > maximumClassCount { return nil }
        }
        return distinct.sorted()
    }

    private static func className(_ value: Double) -> String {
        String(Int(saturating: value))
    }
}
