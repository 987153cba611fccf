import Testing
@testable import LRLab

/// Reading CSV text into data sets: what is accepted, and every refusal with its line and column.
@Suite struct CSVTableTests {
    static let roomy = CSVTable.Bounds(rows: 1_000, columns: 100, cells: 10_000)

    /// The table of `text`, read line by line as the shell does.
    func table(_ text: String, bounds: CSVTable.Bounds = roomy) throws(CSVDataError) -> CSVTable {
        var table = CSVTable(file: "t.csv", bounds: bounds)
        // Split at line feeds as the shell does, on bytes ("\r\n" is one Character in Swift).
        for line in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            try table.read(line: String(String.UnicodeScalarView(line)))
        }
        try table.finish()
        return table
    }

    /// The error reading `text` throws.
    func failure(_ text: String, bounds: CSVTable.Bounds = roomy, target: String? = nil,
                 sourceLocation: Testing.SourceLocation = #_sourceLocation) -> CSVDataError? {
        #expect(throws: CSVDataError.self, sourceLocation: sourceLocation) {
            _ = try self.table(text, bounds: bounds).dataset(target: target)
        }
    }

    @Test func readsNumbersQuotesBlankLinesCRLFAndAByteOrderMark() throws {
        let text = "\u{FEFF}\"x 1\", x2 ,\"y\"\r\n 1, 2.5 ,0\r\n\n\"3\",-4e-1,1\r\n   \n5,6,1"
        let data = try table(text).dataset(target: nil)
        #expect(data.featureNames == ["x 1", "x2"])
        #expect(data.features == [1, 2.5, 3, -0.4, 5, 6])
        #expect(data.target == .classes(labels: [0, 1, 1], classCount: 2))
        #expect(data.classNames == nil)
        #expect(data.name == "t.csv")
    }

    /// Rows without quotes are read from their bytes; rows with quotes by splitting into
    /// fields first. Both read the same cells, trimmed of spaces and tabs alike.
    @Test func rowsWithAndWithoutQuotesReadAlike() throws {
        let plain = try table("a,b,y\n 1.5 ,\t-2e-3\t, 7 \n0.1,1e2,8")
        let quoted = try table("a,b,y\n\"1.5\" ,\t-2e-3\t, \"7\" \n0.1,\"1e2\",8")
        #expect(plain.cells == [1.5, -0.002, 7, 0.1, 100, 8])
        #expect(quoted.cells == plain.cells)
    }

    /// A cell with a character of several bytes is one cell, named at its column, and a row
    /// refused part-way keeps none of its numbers.
    @Test func aRefusedRowKeepsNoneOfItsCells() throws {
        var table = CSVTable(file: "t.csv", bounds: Self.roomy)
        try table.read(line: "a,b,c")
        try table.read(line: "1,2,3")
        for line in ["4,é5,6", "4,5,\u{0663}", "4,\"5\",x"] {
            #expect(throws: CSVDataError.self) { try table.read(line: line) }
        }
        #expect(table.cells == [1, 2, 3])
        var columns: [Int?] = []
        for line in ["4,é5,6", "4,5,\u{0663}"] {
            do throws(CSVDataError) { try table.read(line: line) } catch { columns.append(error.column) }
        }
        #expect(columns == [2, 3])
    }

    @Test func quotedCellsMayHoldCommasAndDoubledQuotes() throws {
        let data = try table("\"a,b\",\"say \"\"hi\"\"\",y\n1,2,0.5\n3,4,1.5").dataset(target: nil)
        #expect(data.featureNames == ["a,b", "say \"hi\""])
        #expect(data.target == .values([0.5, 1.5]))
    }

    @Test func theTargetIsAnyColumnAndWholeNumbersAreClassesNamedByTheirValues() throws {
        let table = try table("label,a,b\n-1,1,2\n1,3,4\n-1,5,6\n7,7,8")
        let data = try table.dataset(target: "label")
        #expect(data.featureNames == ["a", "b"])
        #expect(data.features == [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(data.target == .classes(labels: [0, 1, 0, 2], classCount: 3))
        #expect(data.classNames == ["-1", "1", "7"])
        // The last column, b, is a value... of whole numbers with four distinct values: classes.
        #expect(try table.dataset(target: nil).classCount == 4)
    }

    @Test func fractionsOrManyDistinctWholeNumbersAreValues() throws {
        #expect(try table("x,y\n1,0.5\n2,1\n").dataset(target: nil).classCount == nil)
        let rows = (0...CSVTable.maximumClassCount).map { "\($0),\($0 * 2)" }.joined(separator: "\n")
        let data = try table("x,y\n" + rows).dataset(target: nil)
        #expect(data.classCount == nil)
        let fewer = (0..<CSVTable.maximumClassCount).map { "\($0),\($0 * 2)" }.joined(separator: "\n")
        #expect(try table("x,y\n" + fewer).dataset(target: nil).classCount == CSVTable.maximumClassCount)
    }

    @Test func validationSharesTheClassesOfBothFiles() throws {
        let training = try table("x,y\n1,0\n2,2\n")
        let validation = try table("x,y\n3,5\n4,0\n")
        let sets = try CSVTable.datasets(training: training, validation: validation, target: nil)
        #expect(sets.training.target == .classes(labels: [0, 1], classCount: 3))
        #expect(sets.validation.target == .classes(labels: [2, 0], classCount: 3))
        #expect(sets.training.classNames == ["0", "2", "5"])
    }

    @Test func raggedRowsNameTheLineAndTheMissingOrExtraColumn() {
        let short = failure("a,b,y\n1,2,0\n3,4,1\n5,6\n")
        #expect(short?.line == 4 && short?.column == 3 && short?.columnName == "y")
        #expect(short?.message.contains("has 2 cells but the header has 3 columns") == true)
        let long = failure("a,b,y\n1,2,0,9\n")
        #expect(long?.line == 2 && long?.column == 4 && long?.columnName == nil)
    }

    @Test func blankLinesStillCountInLineNumbers() {
        let error = failure("a,y\n\n1,0\n\n\nx,1\n")
        #expect(error?.line == 6 && error?.column == 1 && error?.columnName == "a")
        #expect(error?.message == "'x' is not a number")
        #expect(error?.description == "t.csv, line 6, column 1 (a): 'x' is not a number")
    }

    @Test(arguments: [
        ("a,y\n1,nan\n", 2, 2, "'nan' is not a finite number"),
        ("a,y\n1,inf\n", 2, 2, "'inf' is not a finite number"),
        ("a,y\n1e999,1\n", 2, 1, "too large for a double"),
        ("a,y\n,1\n", 2, 1, "the cell is empty"),
        ("a,y\n1, \n", 2, 2, "the cell is empty"),
        ("a,y\npi,1\n", 2, 1, "'pi' is not a number"),
        ("a,y\n0x10,1\n", 2, 1, "'0x10' is not a number"),
        ("a,y\n1,\"2\n", 2, 2, "a quote opens here and is not closed"),
        ("a,y\n\"1\"x,2\n", 2, 1, "text follows the closing quote"),
        ("a,a\n1,2\n", 1, 2, "also the name of column 1"),
    ])
    func badCellsNameTheirLineAndColumn(text: String, line: Int, column: Int, phrase: String) {
        let error = failure(text)
        #expect(error?.line == line)
        #expect(error?.column == column)
        #expect(error?.message.contains(phrase) == true, "\(error?.message ?? "no error")")
    }

    @Test func emptyFilesHeadersAloneAndHeadersOfNumbersAreRefused() {
        #expect(failure("")?.message == "the file is empty")
        #expect(failure("\n  \n")?.message == "the file is empty")
        let headerOnly = failure("a,y\n")
        #expect(headerOnly?.message.contains("header but no rows") == true && headerOnly?.line == 3)
        let numbers = failure("1,2,3\n4,5,6\n")
        #expect(numbers?.line == 1 && numbers?.message.contains("holds numbers, not column names") == true)
        #expect(numbers?.hint.contains("x1,x2,y") == true)
        #expect(failure("y\n1\n2\n")?.message.contains("needs features and a target") == true)
    }

    @Test func oneClassOnlyAndAMissingTargetAreRefusedWithWhatToDo() {
        let one = failure("a,y\n1,3\n2,3\n")
        #expect(one?.message.contains("one class only") == true && one?.column == 2 && one?.columnName == "y")
        let missing = failure("a,label\n1,0\n2,1\n", target: "lable")
        #expect(missing?.message == "no column is called 'lable'")
        #expect(missing?.hint.hasPrefix("did you mean 'label'?") == true)
        #expect(missing?.hint.contains("the columns are a, label") == true)
    }

    @Test func aValidationFileNeedsTheSameHeader() throws {
        let training = try table("a,b,y\n1,2,0\n3,4,1\n")
        let validation = try table("a,c,y\n1,2,0\n")
        let error = #expect(throws: CSVDataError.self) {
            _ = try CSVTable.datasets(training: training, validation: validation, target: nil)
        }
        #expect(error?.line == 1 && error?.column == 2)
    }

    @Test func boundsStopTheReadingAtTheFirstLinePastThem() {
        let rows = failure("a,y\n1,0\n2,1\n3,0\n", bounds: .init(rows: 2, columns: 10, cells: 100))
        #expect(rows?.line == 4 && rows?.message.contains("more than 2 rows") == true)
        let columns = failure("a,b,c,y\n1,2,3,0\n", bounds: .init(rows: 10, columns: 3, cells: 100))
        #expect(columns?.line == 1 && columns?.message.contains("the header has more than 3 columns; that is the limit") == true)
        let cells = failure("a,b,y\n1,2,0\n3,4,1\n5,6,0\n", bounds: .init(rows: 10, columns: 10, cells: 8))
        #expect(cells?.line == 4 && cells?.message.contains("more than 8 numbers") == true)
        // At the limits exactly, the table is read.
        #expect((try? table("a,y\n1,0\n2,1\n", bounds: .init(rows: 2, columns: 2, cells: 4)))?.rowCount == 2)
    }

    @Test func aHugeRowStopsSplittingPastTheColumnBound() {
        let wide = Array(repeating: "1", count: 10_000).joined(separator: ",")
        let error = failure("a,y\n" + wide + "\n", bounds: .init(rows: 10, columns: 5, cells: 100))
        #expect(error?.line == 2 && error?.message.contains("the header has 2 columns") == true)
    }
}
