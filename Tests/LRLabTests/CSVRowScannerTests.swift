import Testing
@testable import LRLab

/// The bytes path of `CSVTable`: every number it reads is `Double(String)`'s, bit for bit, it
/// accepts exactly the cells the line path accepts, and a file read in blocks of any size is the
/// file read a line at a time, errors included.
@Suite struct CSVRowScannerTests {
    /// What a cell of a data file is worth today: `Double(String)` of a cell made of numeral
    /// characters only, when finite.
    static func reference(_ text: String) -> Double? {
        guard !text.isEmpty, text.utf8.allSatisfy(CSVRowScanner.isNumeralByte), let value = Double(text), value.isFinite else { return nil }
        return value
    }

    static func scanned(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { CSVRowScanner.number($0) }
    }

    static let hardCases: [String] = [
        // Long mantissas: more than 19 significant digits, and more than 2^53.
        "3.14159265358979323846264338327950288", "123456789012345678901234567890", "0.1000000000000000055511151231257827",
        "9007199254740991", "9007199254740992", "9007199254740993", "9007199254740994", "9007199254740995",
        "123456789012345678", "1234567890123456789", "12345678901234567890", "00000000000000000000000001.5",
        "1.0000000000000000000000001", "0.000000000000000000000000000000000001",
        // Exponents near the limits, overflow and underflow.
        "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1e308", "1e309", "1e400", "-1e400",
        "2.2250738585072014e-308", "2.2250738585072011e-308", "2.2250738585072012e-308", "4.9406564584124654e-324",
        "2.4703282292062327e-324", "2.4703282292062328e-324", "5e-324", "1e-320", "1e-400", "0e999999", "1e-99999999",
        "1e99999999999999999999",
        // Halfway cases and classic hard decimals.
        "0.1", "0.2", "0.3", "1e23", "8.98846567431158e307", "2.5", "0.5e1", "1.00000000000000011102230246251565404236316680908203125",
        "1.00000000000000011102230246251565404236316680908203124", "9007199254740993.0000000001", "4.35", "0.035",
        // The one-operation limits: 10^22 is exact, 10^23 is not; m · 10^(e-22) whole and small.
        "1e22", "1e-22", "1e-23", "12345e30", "12345e37", "9007199254740992e22", "9007199254740992e-22", "123e35", "1e37", "1e38",
        // Signs, points and exponent marks.
        "+1", "+.5", "+0", "-0", "-0.0", "+0.0", "0", "00", "-00.000", ".5", "5.", "-.5e-3", "1.e5", "1E5", "1e05", "1e+5", "1.5E-3",
        // Refused today, and by the scanner.
        "1e", "1e+", "1e-", ".", "-", "+", "e5", ".e5", "--1", "+-1", "1..2", "1.2.3", "1e5e", "1e5.5", "", "inf", "-inf",
        "Infinity", "nan", "NaN", "0x10", "0x1p3", "1_0", "1 2", " 1", "1 ", "\u{0663}",
    ]

    @Test func numbersReadFromBytesAreDoubleOfTheirTextBitForBit() {
        for text in Self.hardCases {
            let scanned = Self.scanned(text), reference = Self.reference(text)
            #expect(scanned?.bitPattern == reference?.bitPattern, "\(text): \(String(describing: scanned)) against \(String(describing: reference))")
        }
    }

    /// Random decimals of 1 to 24 digits with exponents from -330 to 330, and every double's
    /// shortest text (17 digits at most).
    @Test func randomDecimalsAreDoubleOfTheirTextBitForBit() {
        var random = SeededRandom(seed: 24)
        var mismatches: [String] = []
        for _ in 0..<50_000 {
            let digits = String((0..<(1 + random.nextIndex(below: 24))).map { _ in Character(String(random.nextIndex(below: 10))) })
            let point = random.nextIndex(below: digits.count + 1)
            var text = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
            if random.nextIndex(below: 2) == 0 { text = "-" + text }
            if random.nextIndex(below: 2) == 0 { text += "e\(random.nextIndex(below: 661) - 330)" }
            let bits = Double(bitPattern: random.next())
            for candidate in [text, bits.isFinite ? "\(bits)" : "1"] where Self.scanned(candidate)?.bitPattern != Self.reference(candidate)?.bitPattern {
                mismatches.append(candidate)
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    /// Texts read both ways: good files, and every kind of refusal.
    static let files: [String] = [
        "a,b,y\n1,2,0\n3,4,1\n", "\u{FEFF}\"x 1\", x2 ,\"y\"\r\n 1, 2.5 ,0\r\n\n\"3\",-4e-1,1\r\n   \n5,6,1",
        "a,b,y\n 1.5 ,\t-2e-3\t, 7 \n0.1,1e2,8", "a,b,y\n1,2,3\n4,é5,6\n", "a,b,y\n1,2,3\n4,5,\u{0663}\n", "a,y\n\n1,0\n\n\nx,1\n",
        "a,y\n1,nan\n", "a,y\n1,inf\n", "a,y\n1e999,1\n", "a,y\n,1\n", "a,y\n1, \n", "a,y\npi,1\n", "a,y\n0x10,1\n",
        "a,y\n1,\"2\n", "a,y\n\"1\"x,2\n", "a,a\n1,2\n", "a,b,y\n1,2,0\n3,4\n", "a,b,y\n1,2,0\n3,4,1,5\n", "", "\n  \n", "a,y\n",
        "1,2,3\n4,5,6\n", "y\n1\n2\n", "a,y\n1,0\n2,1\n3,0\n", "a,y\n1.0000000000000000000001,3.14159265358979323846\n2,1e-400\n",
        "a,y\r\n1,2\r\n3,4", "a,y\n1,2\n\u{FF}\u{FE},3\n", "a,y\n1,2\n\u{FF}\u{FE}", "a,y\n1,2\n3,4\r", "a,y\n1,2\n3,4\n\n\n",
    ]

    enum Outcome: Equatable {
        case table(header: [String], cells: [Double], lines: Int)
        case error(CSVDataError)
    }

    static let bounds = CSVTable.Bounds(rows: 2, columns: 4, cells: 100, lineBytes: 60)

    static func byLines(_ text: String) -> Outcome {
        var table = CSVTable(file: "t.csv", bounds: bounds)
        do throws(CSVDataError) {
            // As a file is read: a line feed ends a line, and no line follows the last one.
            var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            if text.hasSuffix("\n") { lines.removeLast() }
            for line in lines {
                try table.read(line: String(String.UnicodeScalarView(line)))
            }
            try table.finish()
            return .table(header: table.header, cells: table.cells, lines: table.lineNumber)
        } catch {
            return .error(error)
        }
    }

    static func byBlocks(_ bytes: [UInt8], of size: Int) -> Outcome {
        var table = CSVTable(file: "t.csv", bounds: bounds, expectedBytes: bytes.count)
        do throws(CSVDataError) {
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + size)
                try table.read(bytes: bytes.span.extracting(start..<end))
                start = end
            }
            try table.finish()
            return .table(header: table.header, cells: table.cells, lines: table.lineNumber)
        } catch {
            return .error(error)
        }
    }

    @Test(arguments: files)
    func aFileReadInBlocksOfAnySizeIsTheFileReadByLines(_ text: String) {
        // The line path splits at line feeds of the text; invalid UTF-8 is written as its bytes.
        var bytes = Array(text.utf8)
        if text.contains("\u{FF}\u{FE}") { bytes = Array(text.utf8.split(separator: 0xC3, omittingEmptySubsequences: false).joined()) }
        let expected = Self.byLines(String(decoding: bytes, as: UTF8.self))
        for size in [1, 2, 3, 5, 7, 64, 1 << 20] {
            #expect(Self.byBlocks(bytes, of: size) == expected, "blocks of \(size)")
        }
    }

    @Test func aLineLongerThanTheBoundIsRefusedAtItsNumberWhateverTheBlocks() {
        let text = Array(("a,y\n1,2\n" + String(repeating: "1", count: 61) + ",2\n3,4\n").utf8)
        for size in [1, 4, 9, 100] {
            guard case .error(let error) = Self.byBlocks(text, of: size) else {
                Issue.record("blocks of \(size): no error")
                continue
            }
            #expect(error.line == 3 && error.message == "the line is longer than 60 bytes; that is the limit", "blocks of \(size)")
        }
    }
}
