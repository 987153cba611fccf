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

/// Adam as `handWrittenAdam`, but also recording what a `Run` records per step (step, rate,
/// point, loss, gradient, step taken, Adam's seven state columns per parameter, a notes byte),
/// kept in plain arrays for the first 100,000 steps (the rows a `Run` keeps before it starts
/// thinning): the hand-written counterpart of a traced run, with the same memory budget.
func handWrittenAdamRecording(steps: Int, lr: Double, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8) -> Double {
    var x = -1.5, y = 2.0, mx = 0.0, my = 0.0, vx = 0.0, vy = 0.0
    var (loss, gx, gy) = rosenbrock(x, y)
    var power1 = 1.0, power2 = 1.0
    var stepColumn: [Int] = [], rates: [Double] = [], losses: [Double] = [], notes: [UInt8] = []
    var points: [Double] = [], gradients: [Double] = [], taken: [Double] = [], states: [Double] = []
    for step in 1...steps {
        power1 *= beta1
        power2 *= beta2
        mx = beta1 * mx + (1 - beta1) * gx
        my = beta1 * my + (1 - beta1) * gy
        vx = beta2 * vx + (1 - beta2) * gx * gx
        vy = beta2 * vy + (1 - beta2) * gy * gy
        let c1 = 1 - power1, c2 = 1 - power2
        let rateX = lr / ((vx / c2).squareRoot() + eps), rateY = lr / ((vy / c2).squareRoot() + eps)
        let dx = -rateX * (mx / c1), dy = -rateY * (my / c1)
        x += dx
        y += dy
        let previous = loss
        let (oldGx, oldGy) = (gx, gy)
        (loss, gx, gy) = rosenbrock(x, y)
        guard step <= 100_000 else { continue }
        stepColumn.append(step); rates.append(lr); losses.append(loss)
        notes.append((oldGx * gx < 0 || oldGy * gy < 0 ? 1 : 0) | (loss > previous ? 2 : 0))
        points.append(x); points.append(y); gradients.append(gx); gradients.append(gy)
        taken.append(dx); taken.append(dy)
        states.append(mx); states.append(my); states.append(vx); states.append(vy)
        states.append(mx / c1); states.append(my / c1); states.append(vx / c2); states.append(vy / c2)
        states.append(c1); states.append(c1); states.append(c2); states.append(c2)
        states.append(rateX); states.append(rateY)
    }
    let kept: Int = states.count + points.count + gradients.count + taken.count
    let kept2: Int = rates.count + losses.count + notes.count + stepColumn.count
    blackHole(Double(kept + kept2))
    return loss
}

/// b″. `Run` against the hand-written Adam loop that records the same trace.
func caseStepsRecording(steps: Int, repetitions: Int) -> [Result] {
    let objective = rosenbrockObjective()
    let config = configuration("adam", lr: 0.001)
    let viaRun = {
        var run = makeRun(objective, config)
        run.run(steps)
        blackHole(run.loss)
    }
    let handWritten = { blackHole(handWrittenAdamRecording(steps: steps, lr: 0.001)) }
    let (candidate, baseline) = compare(repetitions: repetitions, candidate: viaRun, baseline: handWritten)
    return [Result(name: "b''. same, baseline also records a trace", candidate: candidate, baseline: baseline,
                   items: steps, unit: "step",
                   note: "baseline: hand-written Adam appending the same columns to plain arrays for the first 100,000 steps")]
}
