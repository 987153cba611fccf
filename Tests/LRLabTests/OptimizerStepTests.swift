import Testing
@testable import LRLab

/// Relative closeness for hand-computed optimizer values.
func optClose(_ actual: Double, _ expected: Double, rel: Double = 1e-12, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let scale = Swift.max(Swift.abs(expected), 1e-300)
    #expect(Swift.abs(actual - expected) <= rel * scale, "\(actual) vs expected \(expected)", sourceLocation: sourceLocation)
}

/// Builds `name` with `options`, applies the given gradients (one per step) at the given rates,
/// and returns the parameters after each step and the optimizer for its state.
func optApply(_ name: String, _ options: [(key: String, value: String?)] = [], start: [Double],
              gradients: [[Double]], rates: [Double]) throws -> (points: [[Double]], optimizer: any Optimizer) {
    let configuration = try OptimizerConfiguration(name: name, options: options)
    var optimizer = configuration.makeOptimizer(parameterCount: start.count)
    var point = start
    var points: [[Double]] = []
    for (index, gradient) in gradients.enumerated() {
        optimizer.update(parameters: &point, gradient: gradient, learningRate: rates[index], step: index + 1)
        points.append(point)
    }
    return (points, optimizer)
}

func optState(_ optimizer: any Optimizer, _ name: String, _ parameter: Int = 0) -> Double {
    guard let index = optimizer.stateNames.firstIndex(of: name) else { return .nan }
    return optimizer.stateValue(index, parameter: parameter)
}

/// The first steps of every optimizer against the update rules written out by hand.
/// 1-D: θ₀ = 1, gradients 2, −1, 0.5. 2-D: θ₀ = (1, −2), gradients (2, −30), (−1, 10), (0.5, 5).
@Suite struct OptimizerStepTests {
    let g1 = 2.0, g2 = -1.0, g3 = 0.5
    let gradients2D: [[Double]] = [[2, -30], [-1, 10], [0.5, 5]]

    @Test func gradientDescent() throws {
        let (points, _) = try optApply("gd", start: [1, -2], gradients: gradients2D, rates: [0.1, 0.1, 0.2])
        optClose(points[0][0], 1 - 0.1 * 2)
        optClose(points[0][1], -2 - 0.1 * -30)
        optClose(points[2][0], 1 - 0.1 * 2 - 0.1 * -1 - 0.2 * 0.5)
        optClose(points[2][1], -2 - 0.1 * -30 - 0.1 * 10 - 0.2 * 5)
    }

    @Test func momentum1D() throws {
        let (points, optimizer) = try optApply("momentum", [("lr", "0.1")], start: [1], gradients: [[g1], [g2], [g3]],
                                               rates: [0.1, 0.1, 0.1])
        let b1 = g1, b2 = 0.9 * b1 + g2, b3 = 0.9 * b2 + g3
        optClose(points[0][0], 1 - 0.1 * b1)
        optClose(points[1][0], 1 - 0.1 * b1 - 0.1 * b2)
        optClose(points[2][0], 1 - 0.1 * b1 - 0.1 * b2 - 0.1 * b3)
        optClose(optState(optimizer, "v"), b3)
    }

    @Test func momentum2DWithDampeningAndWeightDecay() throws {
        let (points, _) = try optApply("momentum", [("momentum", "0.8"), ("dampening", "0.5"), ("weight_decay", "0.1")],
                                       start: [1, -2], gradients: gradients2D, rates: [0.01, 0.01, 0.01])
        for (i, start) in [1.0, -2.0].enumerated() {
            let g = gradients2D.map { $0[i] }
            let d1 = g[0] + 0.1 * start
            let b1 = d1, x1 = start - 0.01 * b1              // b₁ = g₁: no dampening on the first step
            let d2 = g[1] + 0.1 * x1
            let b2 = 0.8 * b1 + 0.5 * d2, x2 = x1 - 0.01 * b2
            let d3 = g[2] + 0.1 * x2
            let b3 = 0.8 * b2 + 0.5 * d3, x3 = x2 - 0.01 * b3
            optClose(points[0][i], x1)
            optClose(points[1][i], x2)
            optClose(points[2][i], x3)
        }
    }

    @Test func momentumWithChangingRateKeepsRateOutsideBuffer() throws {
        let rates = [0.1, 0.05, 0.2]
        let (points, _) = try optApply("momentum", start: [1], gradients: [[g1], [g2], [g3]], rates: rates)
        // PyTorch: b_t = μ b_{t-1} + g_t, θ −= lr_t·b_t.
        let b1 = g1, b2 = 0.9 * b1 + g2, b3 = 0.9 * b2 + g3
        let x3 = 1 - 0.1 * b1 - 0.05 * b2 - 0.2 * b3
        optClose(points[2][0], x3)
        // The form with the rate inside, v_t = γ v_{t-1} + η_t g_t, gives a different point once η changes.
        let v1 = 0.1 * g1, v2 = 0.9 * v1 + 0.05 * g2, v3 = 0.9 * v2 + 0.2 * g3
        #expect(Swift.abs((1 - v1 - v2 - v3) - x3) > 1e-3)
    }

    @Test func nesterov() throws {
        let (points, optimizer) = try optApply("nesterov", start: [1, -2], gradients: gradients2D, rates: [0.01, 0.01, 0.01])
        for (i, start) in [1.0, -2.0].enumerated() {
            let g = gradients2D.map { $0[i] }
            let b1 = g[0], x1 = start - 0.01 * (g[0] + 0.9 * b1)
            let b2 = 0.9 * b1 + g[1], x2 = x1 - 0.01 * (g[1] + 0.9 * b2)
            let b3 = 0.9 * b2 + g[2], x3 = x2 - 0.01 * (g[2] + 0.9 * b3)
            optClose(points[0][i], x1)
            optClose(points[1][i], x2)
            optClose(points[2][i], x3)
            optClose(optState(optimizer, "v", i), b3)
        }
    }

    @Test func rmsprop1D() throws {
        let (points, optimizer) = try optApply("rmsprop", start: [1], gradients: [[g1], [g2], [g3]], rates: [0.01, 0.01, 0.01])
        let v1 = 0.01 * g1 * g1, x1 = 1 - 0.01 * g1 / (v1.squareRoot() + 1e-8)
        let v2 = 0.99 * v1 + 0.01 * g2 * g2, x2 = x1 - 0.01 * g2 / (v2.squareRoot() + 1e-8)
        let v3 = 0.99 * v2 + 0.01 * g3 * g3, x3 = x2 - 0.01 * g3 / (v3.squareRoot() + 1e-8)
        optClose(points[0][0], x1)
        optClose(points[1][0], x2)
        optClose(points[2][0], x3)
        optClose(optState(optimizer, "v"), v3)
        optClose(optState(optimizer, "lr_eff"), 0.01 / (v3.squareRoot() + 1e-8))
    }

    @Test func rmsprop2DCenteredWithMomentum() throws {
        let (points, optimizer) = try optApply("rmsprop", [("centered", nil), ("momentum", "0.5")], start: [1, -2],
                                               gradients: gradients2D, rates: [0.01, 0.01, 0.01])
        #expect(optimizer.stateNames == ["v", "g_avg", "buf", "lr_eff"])
        for (i, start) in [1.0, -2.0].enumerated() {
            let g = gradients2D.map { $0[i] }
            let v1 = 0.01 * g[0] * g[0], a1 = 0.01 * g[0]
            let b1 = g[0] / ((v1 - a1 * a1).squareRoot() + 1e-8), x1 = start - 0.01 * b1
            let v2 = 0.99 * v1 + 0.01 * g[1] * g[1], a2 = 0.99 * a1 + 0.01 * g[1]
            let b2 = 0.5 * b1 + g[1] / ((v2 - a2 * a2).squareRoot() + 1e-8), x2 = x1 - 0.01 * b2
            optClose(points[0][i], x1)
            optClose(points[1][i], x2)
            optClose(optState(optimizer, "g_avg", i), 0.99 * a2 + 0.01 * g[2])
        }
    }

    @Test func adagrad1DAnd2D() throws {
        let (points, optimizer) = try optApply("adagrad", start: [1, -2], gradients: gradients2D, rates: [0.01, 0.01, 0.01])
        for (i, start) in [1.0, -2.0].enumerated() {
            let g = gradients2D.map { $0[i] }
            let s1 = g[0] * g[0], x1 = start - 0.01 * g[0] / (s1.squareRoot() + 1e-10)
            let s2 = s1 + g[1] * g[1], x2 = x1 - 0.01 * g[1] / (s2.squareRoot() + 1e-10)
            let s3 = s2 + g[2] * g[2], x3 = x2 - 0.01 * g[2] / (s3.squareRoot() + 1e-10)
            optClose(points[0][i], x1)
            optClose(points[1][i], x2)
            optClose(points[2][i], x3)
            optClose(optState(optimizer, "sum", i), s3)
            optClose(optState(optimizer, "lr_eff", i), 0.01 / (s3.squareRoot() + 1e-10))
        }
    }

    @Test func adagradRateDecayAndInitialAccumulator() throws {
        let (points, _) = try optApply("adagrad", [("lr_decay", "0.5"), ("initial_accumulator_value", "1")], start: [1],
                                       gradients: [[g1], [g2]], rates: [0.1, 0.1])
        let s1 = 1 + g1 * g1, x1 = 1 - 0.1 * g1 / (s1.squareRoot() + 1e-10)
        let s2 = s1 + g2 * g2, x2 = x1 - (0.1 / (1 + 1 * 0.5)) * g2 / (s2.squareRoot() + 1e-10)
        optClose(points[0][0], x1)
        optClose(points[1][0], x2)
    }

    @Test func adadelta1DAnd2D() throws {
        let (points, optimizer) = try optApply("adadelta", start: [1, -2], gradients: gradients2D, rates: [1, 1, 1])
        #expect(optimizer.stateNames == ["Eg2", "Edx2", "lr_eff"])
        for (i, start) in [1.0, -2.0].enumerated() {
            let g = gradients2D.map { $0[i] }
            let e1 = 0.1 * g[0] * g[0]
            let d1 = (0 + 1e-6).squareRoot() / (e1 + 1e-6).squareRoot() * g[0]
            let u1 = 0.1 * d1 * d1, x1 = start - d1
            let e2 = 0.9 * e1 + 0.1 * g[1] * g[1]
            let d2 = (u1 + 1e-6).squareRoot() / (e2 + 1e-6).squareRoot() * g[1]
            let u2 = 0.9 * u1 + 0.1 * d2 * d2, x2 = x1 - d2
            let e3 = 0.9 * e2 + 0.1 * g[2] * g[2]
            let r3 = (u2 + 1e-6).squareRoot() / (e3 + 1e-6).squareRoot()
            let d3 = r3 * g[2], u3 = 0.9 * u2 + 0.1 * d3 * d3, x3 = x2 - d3
            optClose(points[0][i], x1)
            optClose(points[1][i], x2)
            optClose(points[2][i], x3)
            optClose(optState(optimizer, "Eg2", i), e3)
            optClose(optState(optimizer, "Edx2", i), u3)
            optClose(optState(optimizer, "lr_eff", i), 1 * r3)
        }
    }

    @Test func adam1D() throws {
        let (points, optimizer) = try optApply("adam", start: [1], gradients: [[g1], [g2], [g3]], rates: [0.001, 0.001, 0.001])
        let m1 = 0.1 * g1, v1 = 0.001 * g1 * g1
        let x1 = 1 - 0.001 * (m1 / 0.1) / ((v1 / 0.001).squareRoot() + 1e-8)
        let m2 = 0.9 * m1 + 0.1 * g2, v2 = 0.999 * v1 + 0.001 * g2 * g2
        let x2 = x1 - 0.001 * (m2 / (1 - 0.9 * 0.9)) / ((v2 / (1 - 0.999 * 0.999)).squareRoot() + 1e-8)
        let m3 = 0.9 * m2 + 0.1 * g3, v3 = 0.999 * v2 + 0.001 * g3 * g3
        let bc1 = 1 - 0.9 * 0.9 * 0.9, bc2 = 1 - 0.999 * 0.999 * 0.999
        let x3 = x2 - 0.001 * (m3 / bc1) / ((v3 / bc2).squareRoot() + 1e-8)
        optClose(points[0][0], x1)
        optClose(points[1][0], x2)
        optClose(points[2][0], x3)
        optClose(optState(optimizer, "m"), m3)
        optClose(optState(optimizer, "v"), v3)
        optClose(optState(optimizer, "m_hat"), m3 / bc1)
        optClose(optState(optimizer, "v_hat"), v3 / bc2, rel: 1e-11)
        optClose(optState(optimizer, "bc1"), bc1)
        optClose(optState(optimizer, "bc2"), bc2, rel: 1e-11)
        optClose(optState(optimizer, "lr_eff"), 0.001 / ((v3 / bc2).squareRoot() + 1e-8), rel: 1e-11)
    }

    @Test func adam2DWithL2WeightDecay() throws {
        let (points, _) = try optApply("adam", [("weight_decay", "0.1"), ("beta1", "0.5")], start: [1, -2],
                                       gradients: gradients2D, rates: [0.01, 0.01, 0.01])
        for (i, start) in [1.0, -2.0].enumerated() {
            let g = gradients2D.map { $0[i] }
            let d1 = g[0] + 0.1 * start
            let m1 = 0.5 * d1, v1 = 0.001 * d1 * d1
            let x1 = start - 0.01 * (m1 / 0.5) / ((v1 / 0.001).squareRoot() + 1e-8)
            let d2 = g[1] + 0.1 * x1
            let m2 = 0.5 * m1 + 0.5 * d2, v2 = 0.999 * v1 + 0.001 * d2 * d2
            let x2 = x1 - 0.01 * (m2 / (1 - 0.5 * 0.5)) / ((v2 / (1 - 0.999 * 0.999)).squareRoot() + 1e-8)
            optClose(points[0][i], x1)
            optClose(points[1][i], x2, rel: 1e-11)
        }
    }

    @Test func adamw2D() throws {
        let (points, _) = try optApply("adamw", [("lr", "0.01")], start: [1, -2], gradients: gradients2D, rates: [0.01, 0.01, 0.01])
        for (i, start) in [1.0, -2.0].enumerated() {
            let g = gradients2D.map { $0[i] }
            let m1 = 0.1 * g[0], v1 = 0.001 * g[0] * g[0]
            let x1 = start * (1 - 0.01 * 0.01) - 0.01 * (m1 / 0.1) / ((v1 / 0.001).squareRoot() + 1e-8)
            let m2 = 0.9 * m1 + 0.1 * g[1], v2 = 0.999 * v1 + 0.001 * g[1] * g[1]
            let x2 = x1 * (1 - 0.01 * 0.01) - 0.01 * (m2 / (1 - 0.9 * 0.9)) / ((v2 / (1 - 0.999 * 0.999)).squareRoot() + 1e-8)
            optClose(points[0][i], x1)
            optClose(points[1][i], x2, rel: 1e-11)
        }
    }

    @Test func amsgradPyTorchTakesMaximumBeforeBiasCorrection() throws {
        // v falls at step 2 (|g₂| ≪ |g₁|), so v_max = v₁.
        let gs = [2.0, 0.01]
        let (points, optimizer) = try optApply("adam", [("amsgrad", nil)], start: [1], gradients: gs.map { [$0] }, rates: [0.001, 0.001])
        let m1 = 0.1 * gs[0], v1 = 0.001 * gs[0] * gs[0]
        let x1 = 1 - (0.001 / 0.1) * m1 / (v1.squareRoot() / 0.001.squareRoot() + 1e-8)
        let m2 = 0.9 * m1 + 0.1 * gs[1], v2 = 0.999 * v1 + 0.001 * gs[1] * gs[1]
        #expect(v2 < v1)
        let bc2 = 1 - 0.999 * 0.999
        let x2 = x1 - 0.001 * (m2 / (1 - 0.9 * 0.9)) / (v1.squareRoot() / bc2.squareRoot() + 1e-8)
        optClose(points[0][0], x1)
        optClose(points[1][0], x2, rel: 1e-11)
        optClose(optState(optimizer, "vmax"), v1)
    }

    @Test func amsgradOptaxTakesMaximumAfterBiasCorrection() throws {
        let gs = [2.0, 0.01]
        let (points, optimizer) = try optApply("adam", [("amsgrad", nil), ("convention", "optax")], start: [1],
                                               gradients: gs.map { [$0] }, rates: [0.001, 0.001])
        let m1 = 0.1 * gs[0], v1 = 0.001 * gs[0] * gs[0]
        let m2 = 0.9 * m1 + 0.1 * gs[1], v2 = 0.999 * v1 + 0.001 * gs[1] * gs[1]
        let vhat1 = v1 / 0.001, vhat2 = v2 / (1 - 0.999 * 0.999)
        let vmax = Swift.max(vhat1, vhat2)
        let x1 = 1 - 0.001 * (m1 / 0.1) / (vhat1.squareRoot() + 1e-8)
        let x2 = x1 - 0.001 * (m2 / (1 - 0.9 * 0.9)) / (vmax.squareRoot() + 1e-8)
        optClose(points[1][0], x2, rel: 1e-11)
        optClose(optState(optimizer, "vmax"), vmax, rel: 1e-11)
    }
}
