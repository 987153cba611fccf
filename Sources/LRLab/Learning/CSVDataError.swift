/// Why a CSV file cannot become a data set: the file, where in it (the header is line 1;
/// columns are counted from 1, as a spreadsheet counts them), what is wrong and what to do.
public struct CSVDataError: Error, Hashable, Sendable {
    /// The file's name as the user gave it.
    public var file: String
    /// The 1-based line, or nil when the problem is the whole file.
    public var line: Int?
    /// The 1-based column, or nil when the problem is the whole line.
    public var column: Int?
    /// The column's name from the header, when there is one.
    public var columnName: String?
    public var message: String
    public var hint: String

    public init(file: String, line: Int? = nil, column: Int? = nil, columnName: String? = nil, _ message: String, hint: String) {
        self.file = file
        self.line = line
        self.column = column
        self.columnName = columnName
        self.message = message
        self.hint = hint
    }

    /// `iris.csv, line 5, column 3 (petal_length): 'abc' is not a number`.
    public var description: String {
        var place = file
        if let line { place += ", line \(line)" }
        if let column { place += ", column \(column)" + (columnName.map { " (\($0))" } ?? "") }
        return place + ": " + message
    }
}
