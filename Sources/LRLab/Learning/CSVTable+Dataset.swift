extension CSVTable {
    /// Most distinct whole-number targets that still make a classification: a whole-numbered
    /// column with more distinct values (ages, counts, prices) is a value to regress on.
    public static let maximumClassCount = 100

    /// The table as a data set: the column `target` (by default the last) is predicted from the
    /// others. When every target value is a whole number and there are at most
    /// `maximumClassCount` distinct ones, the target is a class: the distinct values in increasing
    /// order become classes 0, 1, …, named by their values when they are not already 0…K−1.
    /// Otherwise the target is a value to regress on. Throws for a target column that does not
    /// exist (with the closest name) and for a class target with one class only. The table's
    /// numbers become the data set's in place when nothing else holds them.
    public consuming func dataset(target: String?) throws(CSVDataError) -> Dataset {
        let targetIndex = try targetColumn(target)
        let (file, header) = (self.file, self.header)
        let columns = separated(targetIndex: targetIndex)
        return try Self.datasets(file: file, header: header, targetIndex: targetIndex, [columns])[0]
    }

    /// A training and a validation table as two data sets with the same columns and the same
    /// classes (decided on the values of both). The validation file must have the training
    /// file's header, column for column.
    public static func datasets(training: consuming CSVTable, validation: consuming CSVTable,
                                target: String?) throws(CSVDataError) -> (training: Dataset, validation: Dataset) {
        if validation.header != training.header {
            let column = zip(validation.header, training.header).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(validation.header.count, training.header.count)
            throw CSVDataError(file: validation.file, line: 1, column: column + 1,
                               "the columns differ from \(training.file)'s: " + training.header.joined(separator: ","),
                               hint: "a validation file has the same header as the training file, column for column")
        }
        let targetIndex = try training.targetColumn(target)
        let (file, header) = (training.file, training.header)
        let columns = [training.separated(targetIndex: targetIndex), validation.separated(targetIndex: targetIndex)]
        let sets = try datasets(file: file, header: header, targetIndex: targetIndex, columns)
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

    /// The feature rows (every column but the target, row after row) and the target column,
    /// the features moved down within the table's own array.
    private consuming func separated(targetIndex: Int) -> (features: [Double], targets: [Double]) {
        var features: [Double] = []
        swap(&features, &cells)
        let width = header.count, rows = features.count / width
        var targets: [Double] = []
        targets.reserveCapacity(rows)
        features.withUnsafeMutableBufferPointer { values in
            var written = 0
            for row in 0..<rows {
                for column in 0..<width {
                    let value = values[row * width + column]
                    if column == targetIndex {
                        targets.append(value)
                    } else {
                        values[written] = value
                        written += 1
                    }
                }
            }
        }
        features.removeLast(rows)
        return (features, targets)
    }

    /// The data sets of tables with equal headers, with one decision about the target.
    private static func datasets(file: String, header: [String], targetIndex: Int,
                                 _ columns: consuming [(features: [Double], targets: [Double])]) throws(CSVDataError) -> [Dataset] {
        let featureNames = header.enumerated().filter { $0.offset != targetIndex }.map(\.element)
        let name = file.split(separator: "/").last.map(String.init) ?? file
        guard let classes = classValues(columns.map(\.targets)) else {
            return columns.map { Dataset(name: name, featureNames: featureNames, features: $0.features, target: .values($0.targets)) }
        }
        if let only = columns[0].targets.first, columns[0].targets.allSatisfy({ $0 == only }) {
            throw CSVDataError(file: file, column: targetIndex + 1, columnName: header[targetIndex],
                               "every row has the class \(className(only)): one class only",
                               hint: "a classifier needs rows of at least two classes; choose another column with target=COLUMN, or add rows of other classes")
        }
        let isIdentity = classes.enumerated().allSatisfy { Double($0.offset) == $0.element }
        let names = isIdentity ? nil : classes.map(className)
        var sets: [Dataset] = []
        for index in columns.indices {
            var part: (features: [Double], targets: [Double]) = ([], [])
            swap(&part, &columns[index])
            let labels = part.targets.map { label(of: $0, among: classes) }
            part.targets = []
            sets.append(Dataset(name: name, featureNames: featureNames, features: part.features,
                                target: .classes(labels: labels, classCount: classes.count), classNames: names))
        }
        return sets
    }

    /// The distinct target values in increasing order when they make classes, else nil.
    private static func classValues(_ columns: [[Double]]) -> [Double]? {
        var distinct = Set<Double>()
        for values in columns {
            for value in values {
                guard value == value.rounded(), abs(value) <= 0x1p53 else { return nil }
                distinct.insert(value + 0)  // -0 and 0 are one class
                if distinct.count > maximumClassCount { return nil }
            }
        }
        return distinct.sorted()
    }

    /// The index of `value` in the increasing `classes`, which hold it (a binary search).
    private static func label(of value: Double, among classes: [Double]) -> Int {
        var low = 0, high = classes.count
        while low < high {
            let middle = (low + high) / 2
            if classes[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func className(_ value: Double) -> String {
        String(Int(saturating: value))
    }
}
