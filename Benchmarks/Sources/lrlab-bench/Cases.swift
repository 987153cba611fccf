import Foundation
import LRLab
import MallocCounter

let rosenbrockFormula = "(1 - x)^2 + 100*(y - x^2)^2"

func rosenbrockObjective() -> Objective {
    do {
        let expr = try Parser.parse(rosenbrockFormula, variables: ["x", "y"])
        return Objective(parameters: ["x", "y"], expression: expr)
    } catch {
        fatalError("the Rosenbrock formula does not parse: \(error)")
    }
}

/// Hand-written Rosenbrock loss and gradient: the baseline every case compares against.
@inline(__always)
func rosenbrock(_ x: Double, _ y: Double) -> (loss: Double, gx: Double, gy: Double) {
    let r = y - x * x
    return ((1 - x) * (1 - x) + 100 * r * r, -2 * (1 - x) - 400 * x * r, 200 * r)
}

/// a. One loss-and-gradient evaluation through `Objective` (the compiled tape) against a
/// hand-written closure with the same signature; also the tree walker, for scale.
func caseEvaluation(count: Int, repetitions: Int) -> [Result] {
    let objective = rosenbrockObjective()
    let handWritten: (_ point: [Double], _ gradient: inout [Double]) -> Double = opaque { point, gradient in
        let (loss, gx, gy) = rosenbrock(point[0], point[1])
        gradient[0] = gx
        gradient[1] = gy
        return loss
    }
    let names = objective.parameters, partials = objective.gradient, expression = objective.expression
    let treeWalker: (_ point: [Double], _ gradient: inout [Double]) -> Double = opaque { point, gradient in
        gradient[0] = partials[0].value(names: names, at: point)
        gradient[1] = partials[1].value(names: names, at: point)
        return expression.value(names: names, at: point)
    }
    func loop(_ evaluate: (_ point: [Double], _ gradient: inout [Double]) -> Double) {
        var point = [-1.5, 2.0], gradient = [0.0, 0.0], total = 0.0
        for index in 0..<count {
            point[0] = -1.5 + Double(index & 1023) * 1e-3
            total += evaluate(point, &gradient) + gradient[0] + gradient[1]
        }
        blackHole(total)
    }
    let compiled = { loop { objective.loss(at: $0, gradient: &$1) } }
    // Allocations of the compiled loop beyond those of the identical hand-written loop (which
    // makes the same two arrays): the evaluations' own.
    var before = malloc_counter_count()
    compiled()
    let compiledAllocations = malloc_counter_count() - before
    before = malloc_counter_count()
    loop(handWritten)
    let baselineAllocations = malloc_counter_count() - before
    let allocations = compiledAllocations - baselineAllocations
    let (candidate, baseline) = compare(repetitions: repetitions, candidate: compiled, baseline: { loop(handWritten) })
    let (tree, _) = compare(repetitions: max(3, repetitions / 3), candidate: { loop(treeWalker) }, baseline: {})
    let allocationNote = malloc_counter_is_active() != 0
        ? "heap allocations by \(count) compiled evaluations: \(allocations) (malloc calls: compiled loop \(compiledAllocations), same loop hand-written \(baselineAllocations))"
        : "allocation counter not available on this platform"
    return [
        Result(name: "a. Rosenbrock loss+grad, Objective (tape)", candidate: candidate, baseline: baseline,
               items: count, unit: "eval", goal: 2, note: allocationNote),
        Result(name: "a'. same, tree walker (reference)", candidate: tree, baseline: baseline, items: count, unit: "eval"),
    ]
}

/// Adam in plain Swift (PyTorch's rule, bias-corrected) on the hand-written Rosenbrock.
func handWrittenAdam(steps: Int, lr: Double, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8) -> Double {
    var x = -1.5, y = 2.0, mx = 0.0, my = 0.0, vx = 0.0, vy = 0.0
    var (loss, gx, gy) = rosenbrock(x, y)
    var power1 = 1.0, power2 = 1.0
    for _ in 0..<steps {
        power1 *= beta1
        power2 *= beta2
        mx = beta1 * mx + (1 - beta1) * gx
        my = beta1 * my + (1 - beta1) * gy
        vx = beta2 * vx + (1 - beta2) * gx * gx
        vy = beta2 * vy + (1 - beta2) * gy * gy
        let c1 = 1 - power1, c2 = 1 - power2
        // The engine's order of operations: rate = lr / (√(v/c2) + ε), then x -= rate · m/c1.
        x -= lr / ((vx / c2).squareRoot() + eps) * (mx / c1)
        y -= lr / ((vy / c2).squareRoot() + eps) * (my / c1)
        (loss, gx, gy) = rosenbrock(x, y)
    }
    return loss
}

func handWrittenGD(steps: Int, lr: Double) -> Double {
    var x = -1.5, y = 2.0
    var (loss, gx, gy) = rosenbrock(x, y)
    for _ in 0..<steps {
        x -= lr * gx
        y -= lr * gy
        (loss, gx, gy) = rosenbrock(x, y)
    }
    return loss
}

func configuration(_ name: String, lr: Double) -> OptimizerConfiguration {
    guard let kind = OptimizerRegistry.standard.kind(named: name) else { fatalError("no optimizer \(name)") }
    var values = kind.defaultValues
    values.set("lr", lr)
    if name == "adam" {
        values.set("beta1", 0.9)
        values.set("beta2", 0.999)
        values.set("eps", 1e-8)
    }
    return OptimizerConfiguration(kind: kind, values: values)
}

func makeRun(_ objective: Objective, _ configuration: OptimizerConfiguration) -> Run {
    do {
        return try Run(objective: objective, start: [-1.5, 2], configuration: configuration)
    } catch {
        fatalError("cannot start the run: \(error)")
    }
}

/// b. A million optimizer steps through `Run` against the same loop hand-written; the middle
/// row (hand-written loop calling `Objective`) separates evaluation cost from `Run`'s own.
func caseSteps(steps: Int, repetitions: Int) -> [Result] {
    let objective = rosenbrockObjective()
    let optimizer = OptimizerRegistry.standard.kind(named: "adam") != nil ? "adam" : "gd"
    let lr = 0.001
    let config = configuration(optimizer, lr: lr)
    var finalLoss = 0.0
    let viaRun = {
        var run = makeRun(objective, config)
        run.run(steps)
        finalLoss = run.loss
        blackHole(run.loss)
    }
    let handWritten = {
        blackHole(optimizer == "adam" ? handWrittenAdam(steps: steps, lr: lr) : handWrittenGD(steps: steps, lr: lr))
    }
    let (candidate, baseline) = compare(repetitions: repetitions, candidate: viaRun, baseline: handWritten)
    // The hand-written Adam loop, but evaluating through the compiled Objective.
    let viaObjective = {
        var point = [-1.5, 2.0], gradient = [0.0, 0.0], m = [0.0, 0.0], v = [0.0, 0.0]
        var loss = objective.loss(at: point, gradient: &gradient)
        var power1 = 1.0, power2 = 1.0
        for _ in 0..<steps {
            power1 *= 0.9
            power2 *= 0.999
            for i in 0..<2 {
                if optimizer == "adam" {
                    m[i] = 0.9 * m[i] + 0.1 * gradient[i]
                    v[i] = 0.999 * v[i] + (1 - 0.999) * gradient[i] * gradient[i]
                    point[i] -= lr / ((v[i] / (1 - power2)).squareRoot() + 1e-8) * (m[i] / (1 - power1))
                } else {
                    point[i] -= lr * gradient[i]
                }
            }
            loss = objective.loss(at: point, gradient: &gradient)
        }
        blackHole(loss)
    }
    let (objectiveOnly, _) = compare(repetitions: max(3, repetitions / 2), candidate: viaObjective, baseline: {})
    // The same, evaluating in place: the point and the gradient stay in the objective's
    // workspace, as in a `Run`'s steps.
    let inPlace = {
        var workspace = [Double](repeating: 0, count: objective.workspaceCount), m = [0.0, 0.0], v = [0.0, 0.0]
        let at = objective.gradientOffset
        var loss = 0.0
        var span = workspace.mutableSpan
        objective.prepare(workspace: &span)
        span[0] = -1.5
        span[1] = 2
        loss = objective.loss(inPlace: &span)
        var power1 = 1.0, power2 = 1.0
        for _ in 0..<steps {
            power1 *= 0.9
            power2 *= 0.999
            for i in 0..<2 {
                let g = span[at + i]
                if optimizer == "adam" {
                    m[i] = 0.9 * m[i] + 0.1 * g
                    v[i] = 0.999 * v[i] + (1 - 0.999) * g * g
                    span[i] -= lr / ((v[i] / (1 - power2)).squareRoot() + 1e-8) * (m[i] / (1 - power1))
                } else {
                    span[i] -= lr * g
                }
            }
            loss = objective.loss(inPlace: &span)
        }
        blackHole(loss)
    }
    let (inPlaceOnly, _) = compare(repetitions: max(3, repetitions / 2), candidate: inPlace, baseline: {})
    return [
        Result(name: "b. \(steps / 1_000_000)M \(optimizer) steps, Run", candidate: candidate, baseline: baseline,
               items: steps, unit: "step", goal: 2,
               note: "optimizer: \(optimizer) lr=\(lr)\(optimizer == "adam" ? " betas 0.9/0.999 eps 1e-8" : ""); final loss: Run \(finalLoss), hand-written \(optimizer == "adam" ? handWrittenAdam(steps: steps, lr: lr) : handWrittenGD(steps: steps, lr: lr)) (gradients round differently: closed form vs the simplified derivative)"),
        Result(name: "b'. same loop hand-written, Objective evals", candidate: objectiveOnly, baseline: baseline,
               items: steps, unit: "step"),
        Result(name: "b'''. same, evaluating in place", candidate: inPlaceOnly, baseline: baseline, items: steps, unit: "step",
               note: "the point and gradient stay in the objective's workspace, as in Run"),
    ]
}

/// c. A learning-rate sweep: 30 rates × 10,000 gd steps, each a fresh `Run`.
func caseSweep(rates: Int, steps: Int, repetitions: Int) -> [Result] {
    let objective = rosenbrockObjective()
    // Log-spaced from 1e-5 to 1e-3: all converge or crawl, none diverge, so every run is full length.
    let lrs = (0..<rates).map { index in 1e-5 * pow(10, 2 * Double(index) / Double(rates - 1)) }
    let configurations = lrs.map { configuration("gd", lr: $0) }
    let viaRun = {
        for config in configurations {
            var run = makeRun(objective, config)
            run.run(steps)
            blackHole(run.loss)
        }
    }
    let handWritten = {
        for lr in lrs { blackHole(handWrittenGD(steps: steps, lr: lr)) }
    }
    let (candidate, baseline) = compare(repetitions: repetitions, candidate: viaRun, baseline: handWritten)
    return [Result(name: "c. sweep \(rates) lr × \(steps) gd steps, Run", candidate: candidate, baseline: baseline,
                   items: rates * steps, unit: "step")]
}
