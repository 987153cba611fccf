import FuzzSupport
import LRLab

/// The expression parser and, for every formula it accepts, the passes the shell runs on it:
/// printing, simplification, the symbolic gradient and Hessian (within their size limit),
/// compilation and evaluation. Checks that printing is stable: the printed formula parses
/// again and prints the same (`a*(b*c)` prints as `a*b*c`, so the trees may differ).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpression(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = FuzzInput.text(data, size)
    let variables = ["x", "y"]
    guard let expr = try? Parser.parse(text, variables: variables, names: ["a": 2, "lr": 0.1]) else { return 0 }
    let printed = expr.description
    guard let reparsed = try? Parser.parse(printed, variables: variables) else {
        fatalError("printed formula does not parse again: \(printed)")
    }
    if reparsed.description != printed {
        fatalError("printing is not stable: \(printed) -> \(reparsed.description)")
    }
    _ = expr.simplified().description
    if let objective = try? Objective.checked(parameters: variables, expression: expr) {
        var gradient = [0.0, 0.0]
        _ = objective.loss(at: [0.5, -1.5], gradient: &gradient)
        _ = try? objective.checkedEvaluation(at: [0.5, -1.5])
        _ = objective.hessian(at: [0.5, -1.5])
        _ = objective.gradient.map(\.description)
    }
    return 0
}
