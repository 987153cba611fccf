/// A short line diff of two texts for a failing golden transcript: the first differing lines
/// with a few lines of context, `-` for the expected text's lines and `+` for the actual one's,
/// so a failure shows what changed instead of two whole transcripts.
///
/// The differing region runs from the first line that differs to the last one (after the
/// common ending is set aside); each side of it is cut to `limit` lines.
func lineDiff(expected: String, actual: String, context: Int = 3, limit: Int = 12) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard old != new else { return "" }
    var start = 0
    while start < old.count, start < new.count, old[start] == new[start] { start += 1 }
    var oldEnd = old.count, newEnd = new.count
    while oldEnd > start, newEnd > start, old[oldEnd - 1] == new[newEnd - 1] {
        oldEnd -= 1
        newEnd -= 1
    }
    var lines = ["@@ line \(start + 1): \(oldEnd - start) expected line(s), \(newEnd - start) actual @@"]
    lines += old[max(0, start - context)..<start].map { "  " + $0 }
    func side(_ text: [String], _ range: Range<Int>, _ mark: String) -> [String] {
        let shown = text[range.prefix(limit)].map { mark + $0 }
        return range.count > limit ? shown + ["\(mark)… \(range.count - limit) more"] : shown
    }
    lines += side(old, start..<oldEnd, "-")
    lines += side(new, start..<newEnd, "+")
    lines += old[oldEnd..<min(old.count, oldEnd + context)].map { "  " + $0 }
    return lines.joined(separator: "\n")
}

import Testing

@Suite struct LineDiffTests {
    @Test func showsTheFirstDifferenceWithItsContext() {
        let lines = (1...20).map { "line \($0)" }
        var changed = lines
        changed[9] = "changed"
        changed.insert("new", at: 10)
        let diff = lineDiff(expected: lines.joined(separator: "\n"), actual: changed.joined(separator: "\n"))
        #expect(diff == """
            @@ line 10: 1 expected line(s), 2 actual @@
              line 7
              line 8
              line 9
            -line 10
            +changed
            +new
              line 11
              line 12
              line 13
            """)
    }

    @Test func cutsALongDifferenceAndIsEmptyForEqualTexts() {
        let diff = lineDiff(expected: "a", actual: (1...30).map(String.init).joined(separator: "\n"), limit: 2)
        #expect(diff.split(separator: "\n").map(String.init) == ["@@ line 1: 1 expected line(s), 30 actual @@", "-a", "+1", "+2", "+… 28 more"])
        #expect(lineDiff(expected: "same", actual: "same").isEmpty)
    }
}
