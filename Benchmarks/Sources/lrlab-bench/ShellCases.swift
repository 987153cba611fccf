#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LRLab
import LRLabShell

/// The statement case g times, as a user types it.
let shellRunScript = "use rosenbrock; opt adam lr=0.001; run 1000000"

/// g. The path users run: the `run 1000000` statement executed by a `Session` (parsing, the
/// run, the report with its events and the verdict), against the hand-written Adam loop of
/// case b. Case b stays the engine-only figure (`Run.run` alone).
func caseShellRun(repetitions: Int) -> [Result] {
    var printed = 0
    let viaSession = {
        let session = Session(output: { printed += $0.utf8.count }, errorOutput: { fatalError("case g failed: \($0)") })
        let outcome = session.runScript(text: shellRunScript, file: "-c")
        precondition(outcome.succeeded, "case g: the script failed")
    }
    let handWritten = { blackHole(handWrittenAdam(steps: 1_000_000, lr: 0.001)) }
    let (candidate, baseline) = compare(repetitions: repetitions, candidate: viaSession, baseline: handWritten)
    return [Result(name: "g. shell: run 1000000 (adam), Session", candidate: candidate, baseline: baseline,
                   items: 1_000_000, unit: "step", goal: 1.5,
                   note: "'\(shellRunScript)' in-process, report and verdict included; baseline as case b")]
}

/// g′. The same as whole processes: `lrlab -c '...; run 1000000'` against this executable
/// started as a hand-written program (`--hand-written-adam`, which runs case b's loop and
/// exits), so both pay a process start.
func caseShellProcess(lrlab: String?, repetitions: Int) -> [Result] {
    guard let lrlab, access(lrlab, X_OK) == 0 else {
        print("g'. skipped: no lrlab executable (set LRLAB_BIN or pass --lrlab PATH)")
        return []
    }
    // This executable's own path, however it was started.
    var path = [CChar](repeating: 0, count: 4096)
    let length = readlink("/proc/self/exe", &path, path.count - 1)
    let bench = length > 0 ? String(decoding: path[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
    let (candidate, baseline) = compare(repetitions: repetitions,
                                        candidate: { _ = spawnAndWait(lrlab, ["-c", shellRunScript]) },
                                        baseline: { _ = spawnAndWait(bench, ["--hand-written-adam"]) })
    return [Result(name: "g'. process: lrlab -c '...; run 1000000'", candidate: candidate, baseline: baseline,
                   items: 1_000_000, unit: "step", goal: 1.5,
                   note: "baseline: \(bench) --hand-written-adam (case b's loop in a process of its own)")]
}

/// b4. What recording costs a `Run`: case b's million Adam steps with a trace of 16 rows
/// (thinned from the start, so almost no row is written) against the same with the default
/// 100,000-row trace, in the same process.
func caseRecordingCost(steps: Int, repetitions: Int) -> [Result] {
    let objective = rosenbrockObjective()
    let config = configuration("adam", lr: 0.001)
    func run(capacity: Int) {
        do {
            var run = try Run(objective: objective, start: [-1.5, 2], configuration: config,
                              recording: RecordingPolicy(capacity: capacity))
            run.run(steps)
            blackHole(run.loss)
        } catch {
            fatalError("cannot start the run: \(error)")
        }
    }
    let (small, standard) = compare(repetitions: repetitions, candidate: { run(capacity: 16) },
                                    baseline: { run(capacity: RecordingPolicy.standard.capacity) })
    return [Result(name: "b4. Run, 16-row trace (vs the default)", candidate: small, baseline: standard,
                   items: steps, unit: "step",
                   note: "baseline: case b's Run with its 100,000-row trace; the difference is what recording costs")]
}
