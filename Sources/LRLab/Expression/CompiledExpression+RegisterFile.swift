/// Register files up to this size live on the stack: no allocation call at all, the cheapest
/// case (the standard library's temporary allocation, which larger files take, adds a call
/// and a check, and its closure is not inlined).
let smallRegisterFileCount = 16

/// Runs `body` on a zeroed register file of 8 or, when `count` needs more, 16 registers: an
/// `InlineArray` on the stack. Two sizes because zeroing is the file's whole cost, one store
/// per two registers, and 8 are enough for most objectives. Always inlined, and `body` with
/// it; the callers keep the larger files' path out of line themselves, since a closure that
/// also reached a function not inlined would retain what it captures. `body` may write only
/// registers below `count`: the tape's register indices, which the builder keeps below
/// `registerCount`.
@inline(__always)
func withSmallRegisterFile<Result>(count: Int, _ body: (UnsafeMutablePointer<Double>) -> Result) -> Result {
    if count <= 8 {
        var file = InlineArray<8, Double>(repeating: 0)
        return withUnsafeMutableBytes(of: &file) { body($0.baseAddress!.assumingMemoryBound(to: Double.self)) }
    }
    var file = InlineArray<16, Double>(repeating: 0)
    return withUnsafeMutableBytes(of: &file) { body($0.baseAddress!.assumingMemoryBound(to: Double.self)) }
}
