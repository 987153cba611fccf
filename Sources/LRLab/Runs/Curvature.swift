#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Eigenvalues and eigenvectors of symmetric matrices (Hessians), and the step-size theory
/// that reads them: along an eigen-direction with curvature λ, a quadratic model of the loss
/// says how a fixed learning rate behaves.
///
/// Conventions: eigenpairs are sorted by eigenvalue, largest first; eigenvectors have unit
/// length and their largest-magnitude component positive, so `(0.01, 1.00)` prints the same
/// way every time. The input is symmetrised as (H + Hᵀ)/2 first.
public enum Curvature {
    /// One eigenvalue with its unit eigenvector.
    public struct Eigenpair: Sendable, Hashable {
        public var value: Double
        public var vector: [Double]

        public init(value: Double, vector: [Double]) {
            self.value = value
            self.vector = vector
        }
    }

    /// The eigen-decomposition of a symmetric matrix: closed form for 1×1 and 2×2, cyclic
    /// Jacobi rotations for larger ones (converged to 1e-15 relative off-diagonal mass).
    /// Empty for an empty matrix; entries of a matrix with non-finite values are NaN.
    public static func eigenpairs(of matrix: [[Double]]) -> [Eigenpair] {
        let n = matrix.count
        guard n > 0 else { return [] }
        precondition(matrix.allSatisfy { $0.count == n }, "the matrix must be square")
        guard matrix.allSatisfy({ $0.allSatisfy(\.isFinite) }) else {
            return (0..<n).map { index in
                Eigenpair(value: .nan, vector: (0..<n).map { $0 == index ? 1 : 0 })
            }
        }
        var symmetric = matrix
        for i in 0..<n {
            for j in 0..<n where j != i {
                symmetric[i][j] = 0.5 * (matrix[i][j] + matrix[j][i])
            }
        }
        let pairs: [Eigenpair]
        switch n {
        case 1: pairs = [Eigenpair(value: symmetric[0][0], vector: [1])]
        case 2: pairs = twoByTwo(symmetric[0][0], symmetric[0][1], symmetric[1][1])
        default: pairs = jacobi(symmetric)
        }
        return pairs.map { Eigenpair(value: $0.value, vector: canonical($0.vector)) }
            .sorted { $0.value > $1.value }
    }

    /// The eigenvalues only, largest first.
    public static func eigenvalues(of matrix: [[Double]]) -> [Double] {
        eigenpairs(of: matrix).map(\.value)
    }

    /// [[a, b], [b, c]]: λ = (a+c)/2 ± √(((a−c)/2)² + b²). The smaller-magnitude root is taken
    /// from the determinant (λ₁λ₂ = ac − b²) to avoid cancellation.
    static func twoByTwo(_ a: Double, _ b: Double, _ c: Double) -> [Eigenpair] {
        if b == 0 {
            return [Eigenpair(value: a, vector: [1, 0]), Eigenpair(value: c, vector: [0, 1])]
        }
        let mean = 0.5 * (a + c)
        let half = 0.5 * (a - c)
        let radius = hypot(half, b)
        let determinant = a * c - b * b
        var large: Double
        var small: Double
        if mean >= 0 {
            large = mean + radius
            small = large != 0 ? determinant / large : mean - radius
        } else {
            small = mean - radius
            large = small != 0 ? determinant / small : mean + radius
        }
        if !large.isFinite || !small.isFinite {
            large = mean + radius
            small = mean - radius
        }
        // Eigenvector of `large`, written so no difference of nearly equal numbers appears.
        let vector: [Double] = half >= 0 ? [half + radius, b] : [b, -half + radius]
        let length = hypot(vector[0], vector[1])
        let unit = [vector[0] / length, vector[1] / length]
        return [Eigenpair(value: large, vector: unit), Eigenpair(value: small, vector: [-unit[1], unit[0]])]
    }

    /// Cyclic Jacobi: rotate away each off-diagonal entry in turn until the off-diagonal part
    /// is negligible; the accumulated rotations are the eigenvectors (columns).
    static func jacobi(_ matrix: [[Double]]) -> [Eigenpair] {
        let n = matrix.count
        var a = matrix
        var v = (0..<n).map { row in (0..<n).map { $0 == row ? 1.0 : 0.0 } }
        var total = 0.0
        for row in a { for value in row { total += value * value } }
        for _ in 0..<100 {
            var off = 0.0
            for p in 0..<n { for q in 0..<n where q != p { off += a[p][q] * a[p][q] } }
            if off <= 1e-30 * total || off == 0 { break }
            for p in 0..<(n - 1) {
                for q in (p + 1)..<n where a[p][q] != 0 {
                    let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
                    let t: Double
                    if Swift.abs(theta) > 1e150 {
                        t = 1 / (2 * theta)
                    } else {
                        t = (theta >= 0 ? 1.0 : -1.0) / (Swift.abs(theta) + (theta * theta + 1).squareRoot())
                    }
                    let c = 1 / (t * t + 1).squareRoot()
                    let s = t * c
                    for k in 0..<n {
                        let kp = a[k][p], kq = a[k][q]
                        a[k][p] = c * kp - s * kq
                        a[k][q] = s * kp + c * kq
                    }
                    for k in 0..<n {
                        let pk = a[p][k], qk = a[q][k]
                        a[p][k] = c * pk - s * qk
                        a[q][k] = s * pk + c * qk
                    }
                    for k in 0..<n {
                        let kp = v[k][p], kq = v[k][q]
                        v[k][p] = c * kp - s * kq
                        v[k][q] = s * kp + c * kq
                    }
                }
            }
        }
        return (0..<n).map { column in Eigenpair(value: a[column][column], vector: (0..<n).map { v[$0][column] }) }
    }

    /// Unit length, largest-magnitude component positive.
    static func canonical(_ vector: [Double]) -> [Double] {
        let length = EuclideanNorm.of(vector)
        guard length > 0, length.isFinite else { return vector }
        var largest = 0
        for index in vector.indices where Swift.abs(vector[index]) > Swift.abs(vector[largest]) { largest = index }
        let sign: Double = vector[largest] < 0 ? -1 : 1
        return vector.map { sign * $0 / length }
    }

    /// Whether `objective` is a quadratic (or linear) function: every second derivative is a
    /// constant and each partial derivative is a polynomial (no function applied to a variable,
    /// no division by one, whole non-negative powers only). Then the Hessian is the same at
    /// every point and the step-size theory is exact, not a local model.
    public static func isQuadratic(_ objective: Objective) -> Bool {
        objective.hessian.allSatisfy { $0.allSatisfy { $0.variables.isEmpty } }
            && objective.gradient.allSatisfy(isPolynomial)
    }

    private static func isPolynomial(_ expression: Expr) -> Bool {
        switch expression {
        case .number, .constant, .variable: return true
        case .negate(let operand): return isPolynomial(operand)
        case .call(_, let argument): return argument.variables.isEmpty
        case .binary(.divide, let numerator, let denominator):
            return isPolynomial(numerator) && denominator.variables.isEmpty
        case .binary(.power, let base, let exponent):
            guard !base.variables.isEmpty else { return exponent.variables.isEmpty }
            guard case .number(let power) = exponent else { return false }
            return power >= 0 && power.rounded() == power && isPolynomial(base)
        case .binary(_, let left, let right): return isPolynomial(left) && isPolynomial(right)
        }
    }

    /// The momentum coefficient μ the quadratic theory should use for `configuration`, read
    /// from its kind's `CurvatureModel`: 0 for gradient descent, μ for heavy-ball or Nesterov
    /// momentum, nil where the theory does not apply (adaptive optimizers that rescale steps).
    public static func momentumCoefficient(of configuration: OptimizerConfiguration) -> Double? {
        configuration.curvatureModel.theoryMomentum
    }
}
