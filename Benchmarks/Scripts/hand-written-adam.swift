@inline(__always)
func rosenbrock(_ x: Double, _ y: Double) -> (loss: Double, gx: Double, gy: Double) {
    let r = y - x * x
    return ((1 - x) * (1 - x) + 100 * r * r, -2 * (1 - x) - 400 * x * r, 200 * r)
}
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
        x -= lr / ((vx / c2).squareRoot() + eps) * (mx / c1)
        y -= lr / ((vy / c2).squareRoot() + eps) * (my / c1)
        (loss, gx, gy) = rosenbrock(x, y)
    }
    return loss
}
let steps = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 1_000_000 : 1_000_000
print(handWrittenAdam(steps: steps, lr: 0.001))
