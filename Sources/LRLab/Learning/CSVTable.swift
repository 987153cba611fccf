/// The numbers of a CSV file with a header row, read one line at a time, so the caller (the
/// shell, which owns the file) can stop at a limit before the memory grows: the header names
/// the columns, every other line holds one finite number per column.
///
/// Syntax: cells separated by commas; spaces around a cell are ignored; a cell may be quoted
/// (`"x 1"`, with `""` for a quote inside); blank lines are skipped; a line break may be `\n`
/// or `\r\n`; a UTF-8 byte-order mark before the header is ignored. Numbers are decimal
/// (`3`, `-0.5`, `1e-3`); `nan`, `inf` and empty cells are refused (a missing value must be
/// filled in or its row removed).
///
/// A table is read either a line at a time (`read(line:)`) or a block of bytes at a time
/// (`read(bytes:)`, which finds the lines itself and reads plain rows straight from their
/// bytes); both accept the same files and refuse the others with the same errors.
public struct CSVTable: Sendable {
    /// The bounds a table refuses to pass, checked as lines arrive.
    public struct Bounds: Sendable, Hashable {
        public var rows: Int
        public var columns: Int
        /// Rows × columns.
        public var cells: Int
        /// The longest line `read(bytes:)` accepts, in bytes without the line feed, so a file
        /// without line breaks stops early.
        public var lineBytes: Int

        public init(rows: Int, columns: Int, cells: Int, lineBytes: Int = .max) {
            self.rows = rows
            self.columns = columns
            self.cells = cells
            self.lineBytes = lineBytes
        }
    }

    /// The file's name as the user gave it, for messages.
    public let file: String
    public let bounds: Bounds
    /// The column names, empty until the header is read.
    public private(set) var header: [String] = []
    /// The numbers, row after row (`header.count` per row).
    public internal(set) var cells: [Double] = []
    /// The number of the last line read (1 for the header).
    public internal(set) var lineNumber = 0
    /// The file's size in bytes when known, to reserve room for its numbers once the header is read.
    let expectedBytes: Int?
    /// The start of a line whose end `read(bytes:)` has not seen yet.
    var partialLine: [UInt8] = []

    /// A table to read `file` (its name for messages) into. `expectedBytes`, the file's size
    /// when known, lets the table reserve room for its numbers at once rather than growing.
    public init(file: String, bounds: Bounds, expectedBytes: Int? = nil) {
        self.file = file
        self.bounds = bounds
        self.expectedBytes = expectedBytes
    }

    public var rowCount: Int { header.isEmpty ? 0 : cells.count / header.count }

    /// Reads the next line of the file (without its line break).
    public mutating func read(line: some StringProtocol) throws(CSVDataError) {
        lineNumber += 1
        try readText(Substring(line))
    }

    /// Reads the line `lineNumber`, with its text as it came (perhaps a carriage return at its end).
    mutating func readText(_ line: Substring) throws(CSVDataError) {
        var text = line
        if text.utf8.last == Self.carriageReturn { text = text[..<text.utf8.index(before: text.utf8.endIndex)] }
        if lineNumber == 1, text.first == "\u{FEFF}" { text = text.dropFirst() }
        if text.utf8.allSatisfy(Self.isBlank) { return }
        if header.isEmpty {
            try readHeader(try split(text))
            return
        }
        let rowStart = cells.count
        if hasRoomForARow, text.utf8.withContiguousStorageIfAvailable({ CSVRowScanner.readRow($0, width: header.count, into: &cells) }) == true {
            return
        }
        // Not a plain row of numbers, or past a bound: read again cell by cell, which says what is wrong.
        cells.removeSubrange(rowStart...)
        try readRow(try split(text))
    }

    static let carriageReturn = UInt8(ascii: "\r")

    private static func isBlank(_ byte: UInt8) -> Bool { CSVRowScanner.isBlank(byte) }

    /// Whether one more row stays within `bounds.rows` and `bounds.cells`.
    var hasRoomForARow: Bool { rowCount < bounds.rows && cells.count + header.count <= bounds.cells }

    /// Refuses a row past `bounds.rows` or `bounds.cells`, before its numbers are kept.
    private func checkRowBounds() throws(CSVDataError) {
        guard rowCount < bounds.rows else {
            throw CSVDataError(file: file, line: lineNumber, "the file has more than \(bounds.rows) rows; that is the limit",
                               hint: "use a sample of at most \(bounds.rows) rows")
        }
        guard cells.count + header.count <= bounds.cells else {
            throw CSVDataError(file: file, line: lineNumber,
                               "the file has more than \(bounds.cells) numbers (rows × columns); that is the limit",
                               hint: "use fewer rows or columns: at most \(bounds.cells / header.count) rows of \(header.count) columns")
        }
    }

    /// Reads the last line when `read(bytes:)` saw no line break after it, then checks that
    /// the file held a header and at least one row; call after the last line.
    public mutating func finish() throws(CSVDataError) {
        try readPartialLine()
        if header.isEmpty {
            throw CSVDataError(file: file, "the file is empty",
                               hint: "a data file starts with a header row naming the columns (x1,x2,y), then one row of numbers per line")
        }
        if cells.isEmpty {
            throw CSVDataError(file: file, line: lineNumber + 1, "the file has a header but no rows of numbers",
                               hint: "add one row per example after the header, e.g. 0.5,1.2,1")
        }
    }

    private mutating func readHeader(_ fields: [Substring]) throws(CSVDataError) {
        guard fields.count <= bounds.columns else {
            throw CSVDataError(file: file, line: lineNumber, "the header has more than \(bounds.columns) columns; that is the limit",
                               hint: "keep the features that matter (at most \(bounds.columns - 1)) and the target")
        }
        guard fields.count >= 2 else {
            throw CSVDataError(file: file, line: lineNumber, "the header names \(fields.count) column; a data set needs features and a target",
                               hint: "give at least two columns, e.g. x,y (is the file separated by commas?)")
        }
        if fields.allSatisfy({ Double($0) != nil }) {
            throw CSVDataError(file: file, line: lineNumber, "line 1 holds numbers, not column names",
                               hint: "add a header row naming the columns first, e.g. " + (1..<fields.count).map { "x\($0)" }.joined(separator: ",") + ",y")
        }
        var names: [String] = []
        for (index, field) in fields.enumerated() {
            let name = field.isEmpty ? "column\(index + 1)" : String(field)
            if let first = names.firstIndex(of: name) {
                throw CSVDataError(file: file, line: lineNumber, column: index + 1, columnName: name,
                                   "the name '\(name)' is also the name of column \(first + 1)",
                                   hint: "give every column its own name")
            }
            names.append(name)
        }
        header = names
        if let expectedBytes {
            // Every number takes at least two bytes (a digit and a comma or line break); the
            // room not used is never touched, so it costs address space, not memory.
            cells.reserveCapacity(min(bounds.cells, expectedBytes / 2))
        }
    }

    private mutating func readRow(_ fields: [Substring]) throws(CSVDataError) {
        guard fields.count == header.count else {
            let column = min(fields.count, header.count) + 1
            let what = fields.count < header.count
                ? "the row has \(fields.count) cell\(fields.count == 1 ? "" : "s") but the header has \(header.count) columns: \(header[column - 1]) is missing"
                : "the row has \(fields.count) cells but the header has \(header.count) columns"
            throw CSVDataError(file: file, line: lineNumber, column: column, columnName: column <= header.count ? header[column - 1] : nil,
                               what, hint: "every row needs one number per column of the header, separated by commas")
        }
        try checkRowBounds()
        let rowStart = cells.count
        do throws(CSVDataError) {
            for (index, field) in fields.enumerated() {
                cells.append(try number(field, column: index + 1))
            }
        } catch {
            cells.removeSubrange(rowStart...)
            throw error
        }
    }

    private func number(_ field: Substring, column: Int) throws(CSVDataError) -> Double {
        if field.utf8.allSatisfy(CSVRowScanner.isNumeralByte), let value = Double(field), value.isFinite { return value }
        let name = header[column - 1]
        if field.isEmpty {
            throw CSVDataError(file: file, line: lineNumber, column: column, columnName: name, "the cell is empty",
                               hint: "fill in the missing value, or remove the row")
        }
        let message: String
        do throws(NumberSyntax.Problem) {
            _ = try NumberSyntax.value(field)
            message = "'\(field)' is not a number"  // `pi`, `e` and the like: words, in a data file
        } catch {
            message = error.message(String(field))
        }
        throw CSVDataError(file: file, line: lineNumber, column: column, columnName: name, message,
                           hint: "every cell after the header must be a decimal number such as 3, -0.5 or 1e-3; classes are whole numbers (0, 1, 2), not words")
    }

    /// The cells of a line: split at commas outside quotes, unquoted, spaces trimmed.
    private func split(_ text: Substring) throws(CSVDataError) -> [Substring] {
        var fields: [Substring] = []
        var index = text.startIndex
        while true {
            while index < text.endIndex, text[index] == " " || text[index] == "\t" { index = text.index(after: index) }
            var field: Substring
            if index < text.endIndex, text[index] == "\"" {
                var value = ""
                var cursor = text.index(after: index)
                var closed = false
                while cursor < text.endIndex {
                    if text[cursor] == "\"" {
                        let next = text.index(after: cursor)
                        if next < text.endIndex, text[next] == "\"" {
                            value.append("\"")
                            cursor = text.index(after: next)
                            continue
                        }
                        cursor = next
                        closed = true
                        break
                    }
                    value.append(text[cursor])
                    cursor = text.index(after: cursor)
                }
                guard closed else {
                    throw CSVDataError(file: file, line: lineNumber, column: fields.count + 1, "a quote opens here and is not closed on this line",
                                       hint: "close the quote (\"like this\"); a cell cannot span lines")
                }
                field = Substring(value)
                index = cursor
                while index < text.endIndex, text[index] == " " || text[index] == "\t" { index = text.index(after: index) }
                if index < text.endIndex, text[index] != "," {
                    throw CSVDataError(file: file, line: lineNumber, column: fields.count + 1, "text follows the closing quote",
                                       hint: "put a comma after the quoted cell")
                }
            } else {
                let end = text[index...].firstIndex(of: ",") ?? text.endIndex
                field = text[index..<end]
                while let last = field.last, last == " " || last == "\t" { field = field.dropLast() }
                index = end
            }
            fields.append(field)
            if fields.count > bounds.columns { return fields }  // the caller refuses it; stop splitting
            guard index < text.endIndex else { return fields }
            index = text.index(after: index)  // past the comma
        }
    }
}
