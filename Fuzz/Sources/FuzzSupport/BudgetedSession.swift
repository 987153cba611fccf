import Dispatch
import LRLabShell

/// A session for one fuzz input: output is discarded and long work is cut short after
/// `seconds` of wall-clock time through `shouldStop`, exactly as Ctrl-C would cut it at the
/// prompt. Runs, compares, sweeps and lrfind poll `shouldStop`; work that does not poll it is
/// caught by libFuzzer's `-timeout=` and reported as a finding (that is a bug: it ignores Ctrl-C).
public enum BudgetedSession {
    /// Wall-clock budget per input, in seconds.
    public static let seconds = 1.0

    public static func make() -> Session {
        let session = Session(output: { _ in }, errorOutput: { _ in })
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
        session.shouldStop = { DispatchTime.now().uptimeNanoseconds > deadline }
        session.terminalColumns = 80
        session.terminalRows = 24
        session.course.lessonDirectories = []
        return session
    }
}
