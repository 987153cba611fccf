import LRLabText

/// A section of a guided lesson shown a screen at a time, as `more` shows a file: lines go
/// out until the screen holds `rows - 1` of them since the last page began; the rest is held
/// until the learner asks for the next page (Enter or Space) or for all of it (`q`). So the
/// first line of a section is still on the screen when the learner is asked to go on.
struct Pager {
    /// The screen's size in character cells; fewer than 4 rows: no paging.
    var rows: Int
    var columns: Int
    /// The rows shown since the page began.
    private(set) var shown = 0
    /// The lines waiting for the next page, each with whether it is an error's.
    private(set) var held: [(line: String, isError: Bool)] = []

    init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
    }

    /// Whether lines wait for the learner.
    var isHolding: Bool { !held.isEmpty }

    /// The prompt under a full page.
    static let prompt = "-- more -- (Enter or Space: next page · q: all the rest)"

    /// How many screen rows `line` takes at `columns`.
    func rowCount(of line: String) -> Int {
        let width = TextWrap.displayWidth(line)
        return width == 0 ? 1 : (width + max(columns, 1) - 1) / max(columns, 1)
    }

    /// Starts a new page: the screen is the learner's again (a pause, a task's wait, a new page).
    mutating func startPage() {
        shown = 0
    }

    /// Shows `text` (one chunk, possibly several lines) through `output` (or `errorOutput`,
    /// for an error's text), holding what does not fit the page; once something is held,
    /// everything after it is held too.
    mutating func show(_ text: String, isError: Bool = false, through output: (String) -> Void,
                       errorOutput: (String) -> Void) {
        held += text.split(separator: "\n", omittingEmptySubsequences: false).map { (String($0), isError) }
        release(through: output, errorOutput: errorOutput, all: false)
    }

    /// Shows the held lines: a page of them, or `all`; consecutive lines of one kind go out
    /// together.
    mutating func release(through output: (String) -> Void, errorOutput: (String) -> Void, all: Bool) {
        let limit = rows >= 4 ? rows - 1 : Int.max
        var chunk: [String] = []
        var chunkIsError = false
        func flush() {
            if !chunk.isEmpty { (chunkIsError ? errorOutput : output)(chunk.joined(separator: "\n")) }
            chunk = []
        }
        while let (line, isError) = held.first {
            let count = rowCount(of: line)
            if !all, shown > 0, shown + count > limit { break }
            if isError != chunkIsError { flush() }
            chunkIsError = isError
            chunk.append(line)
            shown += count
            held.removeFirst()
        }
        flush()
    }
}
