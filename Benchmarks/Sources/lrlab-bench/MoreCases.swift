import LRLab
import LRLabText

/// e. `compare` of six optimizers × 10,000 steps on typed Rosenbrock, through `Comparison`
/// (which also diagnoses each run). Baseline: the same number of hand-written gd steps.
func caseCompare(steps: Int, repetitions: Int) -> [Result] {
    let objective = rosenbrockObjective()
    let names = ["gd", "momentum", "rmsprop", "adam", "adagrad", "adadelta"]
    let entries = names.map { name -> Comparison.Entry in
        Comparison.Entry(configuration: configuration(name == "adam" ? "adam" : name, lr: name == "adadelta" ? 1.0 : 0.0005), label: name)
    }
    let viaComparison = {
        do {
            let report = try Comparison.run(objective: objective, start: [-1.5, 2], entries: entries, steps: steps)
            blackHole(report.results.map(\.finalLoss).reduce(0, +))
        } catch {
            fatalError("compare failed: \(error)")
        }
    }
    let handWritten = {
        for _ in names { blackHole(handWrittenGD(steps: steps, lr: 0.0005)) }
    }
    let (candidate, baseline) = compare(repetitions: repetitions, candidate: viaComparison, baseline: handWritten)
    return [Result(name: "e. compare 6 optimizers × \(steps) steps", candidate: candidate, baseline: baseline,
                   items: names.count * steps, unit: "step",
                   note: "baseline: as many hand-written gd steps (adaptive updates cost more than gd's)")]
}

/// f. Rendering `plot path` at 120×40 with a 10,000-step trajectory. Baseline: sampling the
/// function at the 4,800 cell centres with a hand-written closure, the work no renderer avoids.
func caseRender(steps: Int, repetitions: Int) -> [Result] {
    let objective = rosenbrockObjective()
    var run = makeRun(objective, configuration("gd", lr: 0.0005))
    run.run(steps)
    let values = run.trace.parameters
    let path = stride(from: 0, to: values.count - 1, by: 2).map { (x: values[$0], y: values[$0 + 1]) }
    let rect = PlotRect.enclosing([path], points: [(x: 1, y: 1)])
    let width = 120, height = 40
    let viaRenderer = {
        let map = ContourMap(function: { objective.loss(at: [$0, $1]) }, rect: rect, trajectories: [.init("gd", points: path)],
                             minima: [(x: 1, y: 1)], width: width, height: height)
        blackHole(Double(map.render(style: .unicode).utf8.count))
    }
    let sampling = {
        var total = 0.0
        for row in 0..<height {
            for column in 0..<width {
                let x = rect.xMin + (Double(column) + 0.5) / Double(width) * (rect.xMax - rect.xMin)
                let y = rect.yMin + (Double(row) + 0.5) / Double(height) * (rect.yMax - rect.yMin)
                total += rosenbrock(x, y).0
            }
        }
        blackHole(total)
    }
    let (candidate, baseline) = compare(repetitions: repetitions, candidate: viaRenderer, baseline: sampling)
    return [Result(name: "f. plot path 120×40, \(steps)-step path", candidate: candidate, baseline: baseline,
                   items: 1, unit: "picture", note: "baseline: sampling f at the cell centres by hand")]
}
