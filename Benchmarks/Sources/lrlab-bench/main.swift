#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LRLab

// lrlab-bench: times the engine against hand-written Swift doing the same work, reporting the
// median of repeated runs and the ratio to a baseline measured in the same process.
//
//   swift run -c release --scratch-path ../.build-bench lrlab-bench [--quick] [--lrlab PATH] [--only a,b,c,d,e,f,g,h,i,j,k] [--no-python]

let arguments = Array(CommandLine.arguments.dropFirst())
// Case g′'s baseline process: the hand-written Adam loop alone, then exit.
if arguments == ["--hand-written-adam"] {
    print(handWrittenAdam(steps: 1_000_000, lr: 0.001))
    exit(0)
}
func option(_ name: String, in arguments: [String]) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
let quick = arguments.contains("--quick")
let only = Set((option("--only", in: arguments) ?? "a,b,c,d,e,f,g,h,i,j,k").split(separator: ",").map(String.init))
let lrlabPath: String? = option("--lrlab", in: arguments) ?? getenv("LRLAB_BIN").map { String(cString: $0) }
    ?? ["../.build/release/lrlab", ".build/release/lrlab"].first { access($0, X_OK) == 0 }

#if DEBUG
print("warning: a debug build; run with -c release for meaningful numbers")
#endif

var results: [Result] = []
if only.contains("a") { results += caseEvaluation(count: quick ? 200_000 : 1_000_000, repetitions: quick ? 5 : 11) }
if only.contains("b") {
    results += caseSteps(steps: 1_000_000, repetitions: quick ? 3 : 7)
    results += caseStepsRecording(steps: 1_000_000, repetitions: quick ? 3 : 7)
    results += caseRecordingCost(steps: 1_000_000, repetitions: quick ? 3 : 7)
}
if only.contains("c") { results += caseSweep(rates: 30, steps: 10_000, repetitions: quick ? 3 : 7) }
if only.contains("e") { results += caseCompare(steps: 10_000, repetitions: quick ? 3 : 7) }
if only.contains("f") { results += caseRender(steps: 10_000, repetitions: quick ? 3 : 7) }
if only.contains("g") { results += caseShellRun(repetitions: quick ? 3 : 7) }
if only.contains("h") { results += casePopulation(members: 32, steps: 5000, repetitions: quick ? 3 : 7) }
if only.contains("d") { results += caseStartup(lrlab: lrlabPath, repetitions: quick ? 5 : 21) }
if only.contains("g") { results += caseShellProcess(lrlab: lrlabPath, repetitions: quick ? 5 : 11) }
// i runs the Python baselines (Benchmarks/python/run.sh; it installs numpy and scikit-learn into
// .build-python the first time) in the same process run, so the ratios see the same machine.
let pythonScript: String? = arguments.contains("--no-python") ? nil
    : ["python/run.sh", "Benchmarks/python/run.sh"].first { access($0, X_OK) == 0 }
if only.contains("i") { results += caseDigitsMLP(digits: Dataset.digits, epochs: quick ? 5 : 20, pythonScript: pythonScript) }
if only.contains("j") { caseTrainingMemory(lrlab: lrlabPath) }
// k runs pandas from the same virtual environment (python/pandas.sh installs it the first time).
let pythonFolder = pythonScript.map { String($0.dropLast("/run.sh".count)) }
if only.contains("k") { results += caseDataLoad(lrlab: lrlabPath, pythonFolder: pythonFolder, rows: 1_000_000, repetitions: quick ? 3 : 7) }
print("")
printTable(results)
