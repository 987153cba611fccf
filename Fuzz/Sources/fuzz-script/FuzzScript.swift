import FuzzSupport
import LRLabShell

/// A whole script through one session, as `lrlab script.lrlab` runs it, output discarded.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScript(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = FuzzInput.text(data, size)
    guard FuzzInput.isSafe(text) else { return 0 }
    let session = BudgetedSession.make()
    _ = session.runScript(text: text, file: "fuzz.lrlab")
    return 0
}
