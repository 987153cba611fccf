#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension CSVTable {
    /// Reads the next block of the file's bytes, which may end anywhere, even inside a line or a
    /// character: the lines it completes are read, the rest waits for the next block or for
    /// `finish()`. A line longer than `bounds.lineBytes` is refused as soon as it is seen.
    /// Rows of plain numbers are read straight from their bytes; any other line is decoded as
    /// UTF-8 (invalid bytes become U+FFFD) and read as `read(line:)` reads it.
    public mutating func read(bytes: Span<UInt8>) throws(CSVDataError) {
        try bytes.withUnsafeBufferPointer { (block) throws(CSVDataError) in try read(block: block) }
    }

    private mutating func read(block: UnsafeBufferPointer<UInt8>) throws(CSVDataError) {
        guard let base = block.baseAddress else { return }
        var start = 0
        while start < block.count {
            let found = memchr(base + start, Int32(Self.lineFeed), block.count - start)
            let end = found.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? block.count
            let piece = UnsafeBufferPointer(rebasing: block[start..<end])
            guard end < block.count else {
                partialLine.append(contentsOf: piece)
                try checkLength(partialLine.count)
                return
            }
            if partialLine.isEmpty {
                try checkLength(piece.count)
                try read(lineBytes: piece)
            } else {
                partialLine.append(contentsOf: piece)
                try readPartialLine()
            }
            start = end + 1
        }
    }

    /// Reads the line `partialLine` holds, if any, and empties it (keeping its room).
    mutating func readPartialLine() throws(CSVDataError) {
        guard !partialLine.isEmpty else { return }
        try checkLength(partialLine.count)
        var line: [UInt8] = []
        swap(&line, &partialLine)
        defer {
            line.removeAll(keepingCapacity: true)
            swap(&line, &partialLine)
        }
        try line.withUnsafeBufferPointer { (bytes) throws(CSVDataError) in try read(lineBytes: bytes) }
    }

    private static let lineFeed = UInt8(ascii: "\n")

    /// Reads one line, given without its line feed.
    private mutating func read(lineBytes line: UnsafeBufferPointer<UInt8>) throws(CSVDataError) {
        lineNumber += 1
        if !header.isEmpty, hasRoomForARow {
            let count = line.last == Self.carriageReturn ? line.count - 1 : line.count
            let rowStart = cells.count
            if CSVRowScanner.readRow(UnsafeBufferPointer(rebasing: line[0..<count]), width: header.count, into: &cells) { return }
            cells.removeSubrange(rowStart...)
        }
        try readText(Substring(String(decoding: line, as: UTF8.self)))
    }

    private func checkLength(_ count: Int) throws(CSVDataError) {
        guard count > bounds.lineBytes else { return }
        throw CSVDataError(file: file, line: lineNumber + 1, "the line is longer than \(bounds.lineBytes) bytes; that is the limit",
                           hint: "is this a CSV file? rows are separated by line breaks, with at most \(bounds.columns) columns")
    }
}
