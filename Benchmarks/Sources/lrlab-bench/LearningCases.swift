#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LRLab

/// Runs `command` through `/bin/sh -c` and returns what it wrote to standard output (its
/// standard error passes through), or nil when it could not be started or failed.
func outputOf(_ command: String) -> String? {
    guard let pipe = popen(command, "r") else { return nil }
    var text = ""
    var buffer = [CChar](repeating: 0, count: 4096)
    while fgets(&buffer, Int32(buffer.count), pipe) != nil {
        text += String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
    return pclose(pipe) == 0 ? text : nil
}

/// The per-epoch seconds each Python baseline reported (`RESULT name per_epoch_seconds=...`).
func pythonBaselines(script: String, epochs: Int) -> [String: Double] {
    guard let output = outputOf("\(script) epochs=\(epochs)") else {
        print("i. Python baselines failed to run (\(script)); see the messages above")
        return [:]
    }
    var found: [String: Double] = [:]
    for line in output.split(separator: "\n") {
        if !line.hasPrefix("RESULT ") { print("    " + line); continue }
        let words = line.split(separator: " ")
        guard words.count >= 3 else { continue }
        for word in words.dropFirst(2) where word.hasPrefix("per_epoch_seconds=") {
            found[String(words[1])] = Double(word.dropFirst("per_epoch_seconds=".count))
        }
    }
    return found
}

/// i. One epoch of the 64-32-10 ReLU MLP on digits (1,437 training rows, batches of 32, Adam
/// lr 0.001, PyTorch's initialisation and CrossEntropyLoss), measured after the epoch on the
/// whole training and validation sets as `train` does, against the numpy loop and
/// scikit-learn's MLPClassifier doing the same, run in the same `make bench`.
func caseDigitsMLP(digits: Dataset, epochs: Int, pythonScript: String?) -> [Result] {
    let split = DataSplit(splitting: digits, trainingFraction: 0.8, seed: 0)
    let model = DenseNetwork(widths: [64, 32, 10], activation: .relu)
    let adam = configuration("adam", lr: 0.001)
    guard var trainer = try? Trainer(model: model, split: split, initialization: .seeded(0), configuration: adam,
                                     batchSize: 32, seed: 0) else {
        print("i. skipped: the trainer could not start")
        return []
    }
    let clock = ContinuousClock()
    var times: [Double] = []
    trainer.train(epochs: 1)  // warm-up
    for _ in 0..<epochs {
        times.append(clock.measure { trainer.train(epochs: 1) }.seconds)
    }
    let perEpoch = median(times)
    let last = trainer.trace.last
    let quality = "epoch \(trainer.epoch): train loss \(format2(last?.trainLoss ?? .nan)), val acc \(format2(100 * (last?.validationAccuracy ?? .nan))) %"
    guard let pythonScript else {
        print("i. lrlab \(format(seconds: perEpoch)) per epoch (\(quality)); Python baselines not run (--no-python)")
        return []
    }
    let baselines = pythonBaselines(script: pythonScript, epochs: epochs)
    var results: [Result] = []
    if let numpy = baselines["numpy"] {
        results.append(Result(name: "i. digits MLP 64-32-10, epoch vs numpy", candidate: perEpoch, baseline: numpy,
                              items: split.training.rowCount, unit: "row", goal: 0.25, note: quality))
    }
    if let sklearn = baselines["sklearn"] {
        results.append(Result(name: "i′. same, vs scikit-learn MLPClassifier", candidate: perEpoch, baseline: sklearn,
                              items: split.training.rowCount, unit: "row"))
    }
    if results.isEmpty { print("i. lrlab \(format(seconds: perEpoch)) per epoch (\(quality)); no Python baseline reported") }
    return results
}

/// j. Peak resident memory of `lrlab -c '...'` training a 64-256-256-10 MLP on digits with
/// batch 1 for 3 epochs (4,311 steps), read from `/usr/bin/time -v`; goal under 300 MB.
func caseTrainingMemory(lrlab: String?) {
    guard let lrlab, access(lrlab, X_OK) == 0, access("/usr/bin/time", X_OK) == 0 else {
        print("j. no lrlab executable or /usr/bin/time: measuring the engine in this process instead")
        caseTrainingMemoryInProcess()
        return
    }
    let script = "data digits; model mlp hidden=256,256; opt adam lr=0.001; train epochs=3 batch=1"
    let clock = ContinuousClock()
    var report: String?
    let seconds = clock.measure {
        report = outputOf("/usr/bin/time -v '\(lrlab)' -c '\(script)' 2>&1 >/dev/null")
    }.seconds
    guard let line = report?.split(separator: "\n").first(where: { $0.contains("Maximum resident set size") }),
          report?.contains("Exit status: 0") ?? true, !(report?.contains("error:") ?? false),
          let kilobytes = Double(line.split(separator: ":").last.map { String($0).filter { $0 != " " && $0 != "\t" } } ?? "") else {
        print("j. lrlab -c could not train (no resident set size, or an error): measuring the engine in this process instead")
        caseTrainingMemoryInProcess()
        return
    }
    let megabytes = kilobytes / 1024
    print("j. \(script): peak resident \(format2(megabytes)) MB (goal < 300 MB: \(megabytes < 300 ? "met" : "MISSED")), \(format(seconds: seconds))")
}

/// j′. The same training through the engine in this process (`Trainer` on `Dataset.digits`), with
/// the peak resident memory of the whole process from `getrusage` (an upper bound: it includes
/// the benchmark's own data). Used when the lrlab executable cannot run the script.
func caseTrainingMemoryInProcess() {
    let split = DataSplit(splitting: Dataset.digits, trainingFraction: 0.8, seed: 0)
    let adam = configuration("adam", lr: 0.001)
    guard var trainer = try? Trainer(model: DenseNetwork(widths: [64, 256, 256, 10]), split: split, initialization: .seeded(0),
                                     configuration: adam, batchSize: 1, seed: 0) else {
        print("j′. skipped: the trainer could not start")
        return
    }
    let clock = ContinuousClock()
    let seconds = clock.measure { trainer.train(epochs: 3) }.seconds
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let megabytes = Double(usage.ru_maxrss) / 1024
    print("j′. engine, 64-256-256-10 mlp, batch 1, 3 epochs (\(trainer.run.stepCount) steps): peak resident \(format2(megabytes)) MB "
          + "for the whole benchmark process (goal < 300 MB: \(megabytes < 300 ? "met" : "MISSED")), \(format(seconds: seconds)); "
          + "val acc \(format2(100 * (trainer.trace.last?.validationAccuracy ?? .nan))) %")
}
