/// The fast path of `CSVTable.read(bytes:)`: the numbers of a row without quotes, read from
/// the line's UTF-8 bytes in one pass, each number parsed from its bytes.
///
/// It reads only what it is sure of and says so: a row it declines (a quote, a cell that is not
/// a plain number, the wrong number of cells) is read again by the table's general path, which
/// accepts the same rows and says what is wrong with the others, so errors do not depend on
/// this type. A number it reads is `Double(String)`'s value bit for bit: a decimal of at most
/// 19 significant digits whose value is `m · 10^e` with `m ≤ 2⁵³` and `|e| ≤ 22` (or `m · 10^(e−22)`
/// still a whole number ≤ 2⁵³) is one correctly rounded multiplication or division of two
/// exactly represented doubles (Clinger 1990, "How to read floating point numbers accurately"),
/// which is the correctly rounded value; any other cell made of numeral characters is handed
/// to `Double(String)` itself.
struct CSVRowScanner {
    /// The powers of ten that are exact doubles, 10⁰ … 10²².
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    private static let comma = UInt8(ascii: ","), minus = UInt8(ascii: "-"), plus = UInt8(ascii: "+"), dot = UInt8(ascii: ".")

    /// Appends the `width` numbers of `line` (without its line break) to `cells` and returns
    /// true; returns false when the line is not a row of `width` plain numbers, perhaps after
    /// appending some of them (the caller removes them).
    static func readRow(_ line: UnsafeBufferPointer<UInt8>, width: Int, into cells: inout [Double]) -> Bool {
        guard let base = line.baseAddress, width > 0 else { return false }
        let end = line.count
        var index = 0, column = 0
        return exactPowersOfTen.withUnsafeBufferPointer { powers in
            while true {
                guard column < width else { return false }
                while index < end, isBlank(base[index]) { index += 1 }
                var value: Double
                if let (parsed, stop) = number(base, from: index, to: end, powers: powers) {
                    value = parsed
                    index = stop
                    while index < end, isBlank(base[index]) { index += 1 }
                } else {
                    var stop = index
                    while stop < end, base[stop] != comma { stop += 1 }
                    guard let parsed = slowNumber(UnsafeBufferPointer(rebasing: line[index..<stop])) else { return false }
                    value = parsed
                    index = stop
                }
                cells.append(value)
                column += 1
                if index == end { return column == width }
                guard base[index] == comma else { return false }
                index += 1
            }
        }
    }

    /// The number of a whole cell, bytes without surrounding blanks, or nil when the scanner
    /// would not read it as a number (the general path then decides).
    static func number(_ cell: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let base = cell.baseAddress else { return nil }
        let fast = exactPowersOfTen.withUnsafeBufferPointer { number(base, from: 0, to: cell.count, powers: $0) }
        if let (value, stop) = fast { return stop == cell.count ? value : nil }
        return slowNumber(cell)
    }

    /// A cell the one-pass parser declined, `Double(String)` when every byte is a numeral byte
    /// (`Double` also reads `inf`, `nan` and hexadecimal, which a data file must not hold).
    private static func slowNumber(_ cell: UnsafeBufferPointer<UInt8>) -> Double? {
        var count = cell.count
        while count > 0, isBlank(cell[count - 1]) { count -= 1 }
        let trimmed = UnsafeBufferPointer(rebasing: cell[0..<count])
        guard count > 0, trimmed.allSatisfy(isNumeralByte), let value = Double(String(decoding: trimmed, as: UTF8.self)),
              value.isFinite else { return nil }
        return value
    }

    /// `[+-]digits[.digits][(e|E)[+-]digits]` (at least one digit before the exponent) from
    /// `start`: its value and the index after it, or nil when it is not of that form or not
    /// exactly computable with one operation.
    @inline(__always)
    private static func number(_ bytes: UnsafePointer<UInt8>, from start: Int, to end: Int,
                               powers: UnsafeBufferPointer<Double>) -> (Double, Int)? {
        var index = start
        var negative = false
        if index < end {
            if bytes[index] == minus { negative = true; index += 1 } else if bytes[index] == plus { index += 1 }
        }
        var mantissa: UInt64 = 0
        var significant = 0
        /// Appends the digits from `index` to the mantissa (counting those after its leading
        /// zeros; past 19 it wraps, and the number is declined below); returns how many.
        @inline(__always) func readDigits() -> Int {
            let first = index
            while index < end {
                let digit = bytes[index] &- 48
                if digit > 9 { break }
                if mantissa != 0 || digit != 0 { significant += 1 }
                mantissa = mantissa &* 10 &+ UInt64(digit)
                index += 1
            }
            return index - first
        }
        var digits = readDigits()
        var exponent = 0
        if index < end, bytes[index] == dot {
            index += 1
            let fractionDigits = readDigits()
            exponent = -fractionDigits
            digits += fractionDigits
        }
        guard digits > 0, significant <= 19 else { return nil }
        if index < end, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var exponentNegative = false
            if index < end {
                if bytes[index] == minus { exponentNegative = true; index += 1 } else if bytes[index] == plus { index += 1 }
            }
            let exponentStart = index
            var written = 0
            while index < end {
                let digit = bytes[index] &- 48
                if digit > 9 { break }
                if written < 100_000 { written = written * 10 + Int(digit) }
                index += 1
            }
            guard index > exponentStart else { return nil }
            exponent += exponentNegative ? -written : written
        }
        if mantissa == 0 { return (negative ? -0.0 : 0.0, index) }
        guard mantissa <= 1 << 53 else { return nil }
        var value: Double
        if exponent >= 0 {
            if exponent > 22 {
                // m · 10^(e−22) may still be a whole number of at most 53 bits.
                guard exponent - 22 <= 15 else { return nil }
                let scaled = mantissa.multipliedReportingOverflow(by: UInt64(powers[exponent - 22]))
                guard !scaled.overflow, scaled.partialValue <= 1 << 53 else { return nil }
                value = Double(scaled.partialValue) * powers[22]
            } else {
                value = Double(mantissa) * powers[exponent]
            }
        } else {
            guard exponent >= -22 else { return nil }
            value = Double(mantissa) / powers[-exponent]
        }
        return (negative ? -value : value, index)
    }

    static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    /// The bytes `Double(String)` is asked about: digits, signs, the point and the exponent mark.
    static func isNumeralByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
            return true
        default:
            return false
        }
    }
}
