@testable import LRLab

/// A non-symbolic loss defined only in the tests: least squares on a few points,
/// L(w) = 1/(2m) Σᵢ (aᵢ·w − bᵢ)², with m rows of n features each (aᵢⱼ = cos(0.37(i+1)(j+1))/√n).
/// Gradient (1/m) Σᵢ rᵢ aᵢ with rᵢ = aᵢ·w − bᵢ, written into the caller's buffer; no Hessian,
/// no known minima (the extras are the protocol's defaults).
struct LeastSquaresLoss: DifferentiableLoss {
    let rows: [[Double]]
    let targets: [Double]
    let parameterCount: Int

    init(parameters: Int, points: Int = 4) {
        let scale = 1 / Double(parameters).squareRoot()
        var rows: [[Double]] = []
        for i in 0..<points {
            var row = [Double](repeating: 0, count: parameters)
            for j in 0..<parameters { row[j] = cos(0.37 * Double((i + 1) * (j + 1))) * scale }
            rows.append(row)
        }
        self.rows = rows
        targets = (0..<points).map { Double($0 + 1) }
        parameterCount = parameters
    }

    func value(at point: Span<Double>, gradient: inout MutableSpan<Double>) -> Double {
        let m = Double(rows.count)
        for j in 0..<parameterCount { gradient[j] = 0 }
        var loss = 0.0
        for (row, target) in zip(rows, targets) {
            var residual = -target
            for j in 0..<parameterCount { residual += row[j] * point[j] }
            loss += residual * residual / (2 * m)
            for j in 0..<parameterCount { gradient[j] += residual * row[j] / m }
        }
        return loss
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
