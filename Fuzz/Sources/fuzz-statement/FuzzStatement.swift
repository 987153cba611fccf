import FuzzSupport
import LRLabShell

/// One line of the command language: split into statements and words, then executed in a
/// fresh session that already has a 2-D function, a start point and an optimizer, so that
/// commands which need a setup get past their first check.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStatement(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let line = FuzzInput.text(data, size)
    for statement in Statement.split(line) {
        for word in statement.words { _ = word.keyValue; _ = word.range }
        _ = statement.rest
    }
    guard FuzzInput.isSafe(line) else { return 0 }
    let session = BudgetedSession.make()
    _ = session.executeReporting(line: "f(x, y) = (x - 1)^2 + 10*(y + 2)^2; start x=0 y=0; opt gd lr=0.01")
    _ = session.executeReporting(line: line)
    _ = session.executeReporting(line: "step")
    return 0
}
