/// A named loss function for `use NAME`, with what is known about it.
public struct Preset: Sendable {
    public var name: String
    /// One line on why it is interesting.
    public var summary: String
    public var parameters: [String]
    public var formula: String
    public var minima: [[Double]]
    public var localMinima: [[Double]] = []
    public var saddles: [[Double]] = []
    public var minimumValue: Double
    /// A start point that shows the preset's character.
    public var start: [Double]
    /// A learning rate for plain gradient descent that converges from `start`.
    public var learningRate: Double

    /// The objective, with the preset's name and known points.
    public func objective() throws(ExpressionError) -> Objective {
        let expression = try Parser.parse(formula, variables: parameters)
        return Objective(name: name, parameters: parameters, expression: expression, minima: minima,
                         localMinima: localMinima, saddles: saddles, minimumValue: minimumValue)
    }

    /// The preset called `name`, ignoring case.
    public static func named(_ name: String) -> Preset? {
        all.first { $0.name == name.lowercased() }
    }

    /// Every preset, 1-D first.
    public static let all: [Preset] = [
        Preset(name: "quadratic", summary: "a 1-D parabola: gradient descent's textbook case",
               parameters: ["x"], formula: "(x - 3)^2", minima: [[3]], minimumValue: 0,
               start: [0], learningRate: 0.1),
        Preset(name: "doublewell", summary: "1-D, a global and a local minimum: where you start decides where you end",
               parameters: ["x"], formula: "x^4/4 - x^2 + x/4",
               minima: [[-1.4729976011140301]], localMinima: [[1.346997408527774]],
               minimumValue: -1.3610480166527244, start: [2], learningRate: 0.05),
        Preset(name: "bowl", summary: "a round 2-D bowl: every direction equally curved",
               parameters: ["x", "y"], formula: "x^2 + y^2", minima: [[0, 0]], minimumValue: 0,
               start: [-1.5, 2], learningRate: 0.1),
        Preset(name: "ravine", summary: "an elongated bowl, curvature 1 along x and 50 along y: ill-conditioned",
               parameters: ["x", "y"], formula: "x^2/2 + 25*y^2", minima: [[0, 0]], minimumValue: 0,
               start: [-8, 1], learningRate: 0.03),
        Preset(name: "rosenbrock", summary: "a curved banana valley: easy to reach, slow to follow",
               parameters: ["x", "y"], formula: "(1 - x)^2 + 100*(y - x^2)^2", minima: [[1, 1]], minimumValue: 0,
               start: [-1.5, 2], learningRate: 0.001),
        Preset(name: "himmelblau", summary: "four global minima of equal depth",
               parameters: ["x", "y"], formula: "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
               minima: [[3, 2], [-2.8051180869527449, 3.131312518250573],
                        [-3.7793102533777469, -3.2831859912861694], [3.5844283403304917, -1.8481265269644036]],
               minimumValue: 0, start: [0, 0], learningRate: 0.01),
        Preset(name: "beale", summary: "flat plateaus and sharp ridges around a minimum at (3, 0.5)",
               parameters: ["x", "y"],
               formula: "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2",
               minima: [[3, 0.5]], minimumValue: 0, start: [1, 1], learningRate: 0.01),
        Preset(name: "rastrigin", summary: "a bowl covered in bumps: local minima everywhere",
               parameters: ["x", "y"], formula: "20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)",
               minima: [[0, 0]], minimumValue: 0, start: [2.2, -1.7], learningRate: 0.002),
        Preset(name: "saddle", summary: "a saddle at the origin between two minima at (±√2, 0)",
               parameters: ["x", "y"], formula: "x^4/4 - x^2 + y^2",
               minima: [[Double(2).squareRoot(), 0], [-Double(2).squareRoot(), 0]], saddles: [[0, 0]], minimumValue: -1,
               start: [0, 1], learningRate: 0.1),
    ]
}
