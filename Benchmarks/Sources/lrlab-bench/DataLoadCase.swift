#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall-clock seconds and peak resident mebibytes of a command, from `/usr/bin/time -f`; nil
/// when it could not run or failed.
func timedProcess(_ command: String) -> (seconds: Double, mebibytes: Double)? {
    guard let report = outputOf("/usr/bin/time -f 'TIMED %e %M' \(command) 2>&1 >/dev/null"),
          let line = report.split(separator: "\n").last(where: { $0.hasPrefix("TIMED ") }) else { return nil }
    let words = line.split(separator: " ")
    guard words.count == 3, let seconds = Double(words[1]), let kilobytes = Double(words[2]) else { return nil }
    return (seconds, kilobytes / 1024)
}

/// k. `data load` of a CSV file of `rows` rows × 10 columns (`python/make_csv.py`, seed 0: 101 MB
/// for 10⁶ rows), the whole `lrlab -c 'data load FILE'` process, against `python -c 'import
/// pandas; pandas.read_csv(FILE)'` (pandas' C reader, Python's start included), run alternately:
/// medians of the wall-clock times, and the peak resident memory of each (`/usr/bin/time`). Goals:
/// at most 1.5× pandas' time, and at most 1.5× the numbers' own size (rows × 10 doubles).
func caseDataLoad(lrlab: String?, pythonFolder: String?, rows: Int, repetitions: Int) -> [Result] {
    guard let lrlab, access(lrlab, X_OK) == 0, access("/usr/bin/time", X_OK) == 0 else {
        print("k. skipped: no lrlab executable or no /usr/bin/time")
        return []
    }
    guard let pythonFolder, let python = outputOf("'\(pythonFolder)/pandas.sh'")?.split(separator: "\n").last.map(String.init) else {
        print("k. skipped: pandas is not available (--no-python, or python/pandas.sh failed)")
        return []
    }
    // The file is made once per size and kept in the temporary folder: writing it takes longer than the case.
    let file = "/tmp/lrlab-bench-k-\(rows).csv"
    if access(file, R_OK) != 0 {
        print("k. writing \(file) (python/make_csv.py, seed 0)")
        guard outputOf("python3 '\(pythonFolder)/make_csv.py' '\(file).part' rows=\(rows) seed=0 && mv '\(file).part' '\(file)'") != nil else {
            print("k. skipped: python/make_csv.py failed")
            return []
        }
    }
    let lrlabCommand = "'\(lrlab)' -c 'data load \(file)'"
    let pandasCommand = "'\(python)' -c 'import pandas; pandas.read_csv(\"\(file)\")'"
    var lrlabRuns: [(seconds: Double, mebibytes: Double)] = [], pandasRuns: [(seconds: Double, mebibytes: Double)] = []
    for _ in 0..<repetitions {
        guard let mine = timedProcess(lrlabCommand), let theirs = timedProcess(pandasCommand) else {
            print("k. skipped: a process failed (\(lrlabCommand) or \(pandasCommand))")
            return []
        }
        lrlabRuns.append(mine)
        pandasRuns.append(theirs)
    }
    let numbers = Double(rows * 10 * 8) / (1024 * 1024)
    let memory = lrlabRuns.map(\.mebibytes).max() ?? .nan, pandasMemory = pandasRuns.map(\.mebibytes).max() ?? .nan
    let note = "peak resident \(format2(memory)) MiB = \(format2(memory / numbers))× the numbers' \(format2(numbers)) MiB "
        + "(goal ≤ 1.5: \(memory <= 1.5 * numbers ? "met" : "MISSED")); pandas \(format2(pandasMemory)) MiB"
    return [Result(name: "k. data load \(rows)×10 CSV vs pandas", candidate: median(lrlabRuns.map(\.seconds)),
                   baseline: median(pandasRuns.map(\.seconds)), items: rows, unit: "row", goal: 1.5, note: note)]
}
