import Testing
@testable import LRLab
import LRLabText

@Suite struct CurvatureTests {
    func close(_ a: Double, _ b: Double, relative: Double = 1e-12, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(Swift.abs(a - b) <= relative * max(1, Swift.abs(b)), "\(a) vs \(b)", sourceLocation: sourceLocation)
    }

    /// ‖H v − λ v‖ small for every pair, vectors of unit length.
    func checkPairs(_ matrix: [[Double]], _ pairs: [Curvature.Eigenpair], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for pair in pairs {
            let length = pair.vector.map { $0 * $0 }.reduce(0, +).squareRoot()
            close(length, 1, sourceLocation: sourceLocation)
            for row in matrix.indices {
                let product = zip(matrix[row], pair.vector).map { $0 * $1 }.reduce(0, +)
                close(product, pair.value * pair.vector[row], relative: 1e-10, sourceLocation: sourceLocation)
            }
        }
    }

    @Test func ravineEigenvaluesAreItsCurvatures() throws {
        let ravine = try DiagnosisFixture.preset("ravine")
        let pairs = Curvature.eigenpairs(of: ravine.hessian(at: [-8, 1]))
        #expect(pairs.map(\.value) == [50, 1])
        #expect(pairs[0].vector == [0, 1])
        #expect(pairs[1].vector == [1, 0])
    }

    @Test func rosenbrockAtTheMinimumMatchesClosedForm() throws {
        let rosenbrock = try DiagnosisFixture.preset("rosenbrock")
        let hessian = rosenbrock.hessian(at: [1, 1])
        #expect(hessian == [[802, -400], [-400, 200]])
        let pairs = Curvature.eigenpairs(of: hessian)
        // λ = 501 ± √(301² + 400²)
        let radius = Double(250_601).squareRoot()
        close(pairs[0].value, 501 + radius)
        close(pairs[1].value, 501 - radius, relative: 1e-12)
        close(pairs[0].value * pairs[1].value, 400, relative: 1e-12)
        checkPairs(hessian, pairs)
        #expect(pairs[0].vector[0] > 0 && pairs[0].vector[1] < 0)
    }

    @Test func jacobiAgreesWithClosedFormAndResiduals() {
        let matrix: [[Double]] = [[4, 1, 2], [1, 3, 0], [2, 0, 5]]
        let pairs = Curvature.eigenpairs(of: matrix)
        #expect(pairs.count == 3)
        checkPairs(matrix, pairs)
        close(pairs.map(\.value).reduce(0, +), 12, relative: 1e-12)
        #expect(pairs[0].value >= pairs[1].value && pairs[1].value >= pairs[2].value)
        // Block-diagonal: the 2×2 block's closed form and the isolated entry.
        let block: [[Double]] = [[802, -400, 0], [-400, 200, 0], [0, 0, 7]]
        let blockPairs = Curvature.eigenpairs(of: block)
        let radius = Double(250_601).squareRoot()
        close(blockPairs[0].value, 501 + radius, relative: 1e-12)
        close(blockPairs[1].value, 7, relative: 1e-12)
        close(blockPairs[2].value, 501 - radius, relative: 1e-9)
        checkPairs(block, blockPairs)
        let twoByTwo = Curvature.jacobi([[802, -400], [-400, 200]]).map(\.value).sorted(by: >)
        close(twoByTwo[0], 501 + radius, relative: 1e-12)
        close(twoByTwo[1], 501 - radius, relative: 1e-9)
    }

    @Test(arguments: [(0.1, CurvatureDirection.Behavior.monotone), (0.25, .monotone), (0.4, .oscillating),
                      (0.5, .marginal), (0.6, .diverging)])
    func gradientDescentStabilityOnAParabola(lr: Double, behavior: CurvatureDirection.Behavior) throws {
        let report = CurvatureReport(objective: try DiagnosisFixture.parabola(4), at: [1], learningRate: lr)
        let top = try #require(report.top)
        #expect(top.behavior == behavior)
        #expect(top.criticalRate == 0.5)
        #expect(top.monotoneRate == 0.25)
        close(try #require(top.factor), 1 - lr * 4)
    }

    @Test func sentenceNamesTheBouncingDirection() throws {
        let ravine = try DiagnosisFixture.preset("ravine")
        let report = CurvatureReport(objective: ravine, at: [-8, 1], learningRate: 0.05)
        #expect(report.sentence.text.hasPrefix("lr=0.05 > 2/λ_max = 0.04: it will bounce and grow along y"))
        #expect(report.conditionNumber == 50)
        let settling = CurvatureReport(objective: ravine, at: [-8, 1], learningRate: 0.03)
        #expect(settling.sentence.text.contains("it will bounce but settle along y"))
        let calm = CurvatureReport(objective: ravine, at: [-8, 1], learningRate: 0.01)
        #expect(calm.sentence.text.contains("no bouncing; slowest along x"))
        let tilted = CurvatureReport(hessian: [[1, 0.49], [0.49, 50]], point: [0, 0], parameterNames: ["x", "y"],
                                     learningRate: 0.05)
        #expect(tilted.sentence.text.contains("along (0.01, 1.00)"))
    }

    @Test func momentumWidensTheStableRange() throws {
        let heavyBall = try OptimizerConfiguration(name: "momentum", options: [(key: "momentum", value: "0.9")])
        let report = CurvatureReport(objective: try DiagnosisFixture.parabola(50), at: [1], configuration: heavyBall, learningRate: 0.07)
        let top = try #require(report.top)
        close(try #require(top.criticalRate), 2 * 1.9 / 50)
        #expect(top.behavior == .oscillating)
        close(try #require(top.factor), 0.9.squareRoot())
        let beyond = CurvatureReport(objective: try DiagnosisFixture.parabola(50), at: [1], configuration: heavyBall, learningRate: 0.08)
        #expect(beyond.top?.behavior == .diverging)
        #expect(beyond.sentence.text.contains("2(1+μ)/λ_max = 0.076"))
        #expect(Curvature.momentumCoefficient(of: try DiagnosisFixture.gd(0.1)) == 0)
        let momentum = try OptimizerConfiguration(name: "momentum", options: [(key: "momentum", value: "0.5")])
        #expect(Curvature.momentumCoefficient(of: momentum) == 0.5)
    }

    @Test func negativeAndFlatCurvatureAreSaidPlainly() throws {
        let saddle = try DiagnosisFixture.preset("saddle")
        let report = CurvatureReport(objective: saddle, at: [0, 0], learningRate: 0.1)
        #expect(report.directions.map(\.eigenvalue) == [2, -2])
        #expect(report.directions.last?.behavior == .negativeCurvature)
        #expect(report.directions.last?.criticalRate == nil)
        #expect(report.sentence.text.contains("along x it moves away"))
        let hill = CurvatureReport(hessian: [[-2]], point: [0], parameterNames: ["x"], learningRate: 0.1)
        #expect(hill.sentence.text.contains("no positive curvature here"))
        let flat = CurvatureReport(hessian: [[0]], point: [0], parameterNames: ["x"], learningRate: 0.1)
        #expect(flat.top?.behavior == .flat)
        #expect(flat.sentence.text.contains("2/λ makes no sense"))
    }
}
