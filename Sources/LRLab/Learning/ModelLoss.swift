#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A model on data as a `DifferentiableLoss`, so that `Run` (its optimizers, schedules,
/// trace and diagnosis) trains models unchanged: the parameters are the model's, the value is
/// the data loss over `rows` (a mini-batch, or every row) plus `l2·Σw²` over the weight blocks
/// (not the biases).
///
/// **The in-place form.** The workspace holds the point and the gradient (as the protocol's
/// defaults lay them out), then the batch's gathered inputs, its outputs and the model's
/// scratch, all sized for `chunkRows` rows: a batch is processed `chunkRows` rows at a time
/// with the gradient accumulated, so memory is bounded by the chunk, not the batch, and
/// `loss(inPlace:)` allocates nothing. Losses for different batches of the same data and
/// model have the same `workspaceCount`, so a run that switches batches (`Run.replaceLoss`)
/// keeps its workspace.
public struct ModelLoss: DifferentiableLoss {
    public let model: any Model
    public let data: Dataset
    public let kind: TrainingLoss
    /// The weight penalty's factor (0 for none).
    public let l2: Double
    /// The rows of `data` the loss averages over, in order; nil for every row.
    public let rows: ArraySlice<Int>?
    /// Rows processed together (at most `defaultChunkRows`, and at most the data's rows).
    public let chunkRows: Int
    private let labels: [Int]
    private let values: [Double]

    /// Rows processed together by default: enough for the inner loops to run long, few enough
    /// that a 256-wide layer's activations take half a megabyte.
    public static let defaultChunkRows = 256

    /// The loss of `model` on `rows` of `data` (every row when nil). The model's inputs must
    /// be the data's features and its outputs one per class (classification) or one.
    public init(model: any Model, data: Dataset, l2: Double = 0, rows: ArraySlice<Int>? = nil) {
        precondition(model.inputCount == data.featureCount, "the model's inputs are not the data's features")
        precondition(model.outputCount == (data.classCount ?? 1), "the model's outputs do not match the data's target")
        self.model = model
        self.data = data
        self.kind = TrainingLoss(for: data)
        self.l2 = l2
        self.rows = rows
        self.chunkRows = Swift.max(1, Swift.min(ModelLoss.defaultChunkRows, data.rowCount))
        switch data.target {
        case .classes(let labels, _): (self.labels, self.values) = (labels, [])
        case .values(let values): (self.labels, self.values) = ([], values)
        }
    }

    /// The same model, data and penalty over other rows (a new mini-batch).
    public func batch(_ rows: ArraySlice<Int>?) -> ModelLoss {
        ModelLoss(model: model, data: data, l2: l2, rows: rows)
    }

    public var parameterCount: Int { model.parameterCount }
    public var parameterNames: [String] {
        model.layout.flatMap { block in
            (0..<block.count).map { block.columns == 1 ? "\(block.name)[\($0)]" : "\(block.name)[\($0 / block.columns),\($0 % block.columns)]" }
        }
    }
    /// Rows the loss averages over.
    public var rowCount: Int { rows?.count ?? data.rowCount }

    var inputsOffset: Int { 2 * parameterCount }
    private var outputsOffset: Int { inputsOffset + chunkRows * data.featureCount }
    private var scratchOffset: Int { outputsOffset + chunkRows * model.outputCount }

    public var workspaceCount: Int { scratchOffset + model.workspaceCount(rows: chunkRows) }

    public func value(at point: Span<Double>, gradient: inout MutableSpan<Double>) -> Double {
        var workspace = [Double](repeating: 0, count: workspaceCount)
        let count = parameterCount
        for index in 0..<count { workspace[index] = point[index] }
        let loss = workspace.withUnsafeMutableBufferPointer { self.loss(inPlace: $0, shouldStop: { false }) } ?? .nan
        for index in 0..<count { gradient[index] = workspace[count + index] }
        return loss
    }

    public func loss(inPlace workspace: inout MutableSpan<Double>) -> Double {
        // Never stopped, so never nil.
        workspace.withUnsafeMutableBufferPointer { loss(inPlace: $0, shouldStop: { false }) } ?? .nan
    }

    /// An evaluation over more rows than a chunk (a full batch of a large set) or of at least
    /// `stoppableWork` parameter-rows (a large model's batch): one that may take long enough
    /// for Ctrl-C to matter.
    public var evaluationCanStop: Bool { ModelLoss.evaluationCanStop(rows: rowCount, parameters: parameterCount) }

    /// Whether an evaluation over `rows` rows of a model of `parameters` parameters can be
    /// stopped midway (`evaluationCanStop`).
    public static func evaluationCanStop(rows: Int, parameters: Int) -> Bool {
        let (work, overflow) = Swift.max(0, rows).multipliedReportingOverflow(by: Swift.max(1, parameters))
        return rows > defaultChunkRows || overflow || work >= stoppableWork
    }

    /// Parameter-rows from which an evaluation can be stopped midway: 2²⁰, about a
    /// millisecond; a smaller one finishes before a stop could matter.
    public static let stoppableWork = 1 << 20

    /// The loss and gradient chunk by chunk, asking `shouldStop` before every chunk but the
    /// first and inside the model's passes (`Model.forward(…shouldStop:)`).
    public func loss(inPlace workspace: inout MutableSpan<Double>, afterStep step: Int,
                     shouldStop: () -> Bool) -> Double? {
        workspace.withUnsafeMutableBufferPointer { loss(inPlace: $0, shouldStop: shouldStop) }
    }

    /// `loss(inPlace:afterStep:shouldStop:)` on the buffer the span covers.
    private func loss(inPlace workspace: UnsafeMutableBufferPointer<Double>, shouldStop: () -> Bool) -> Double? {
        let count = parameterCount
        let parameters = UnsafeBufferPointer(rebasing: workspace[0..<count])
        let gradient = UnsafeMutableBufferPointer(rebasing: workspace[count..<2 * count])
        for index in 0..<count { gradient[index] = 0 }
        let total = rowCount
        guard total > 0 else { return .nan }
        var sum = 0.0
        let region = UnsafeMutableBufferPointer(rebasing: workspace[inputsOffset...])
        let finished = forEachChunk(region, shouldStop: shouldStop) { chunk, outputs, scratch, inputs, picked in
            guard model.forward(parameters, inputs: inputs, rows: chunk, outputs: outputs, workspace: scratch,
                                shouldStop: shouldStop) else { return false }
            sum += lossAndOutputGradient(outputs, rows: picked, scale: 1 / Double(total))
            return model.backward(parameters, inputs: inputs, rows: chunk, outputGradient: outputs,
                                  gradient: gradient, workspace: scratch, shouldStop: shouldStop)
        }
        guard finished else { return nil }
        var loss = sum / Double(total)
        if l2 > 0 {
            loss += l2 * model.sumOfSquaredWeights(parameters.span)
            for block in model.layout where block.kind == .weight {
                for index in block.range { gradient[index] += 2 * l2 * parameters[index] }
            }
        }
        return loss
    }

    /// Calls `body` for each chunk of the loss's rows with the chunk's size, its outputs
    /// buffer, the model's scratch, its gathered inputs and the data rows it holds; asks
    /// `shouldStop` before every chunk but the first and returns false when it said stop or
    /// `body` returned false.
    /// `region` is the workspace from `inputsOffset` on (a measurement's whole workspace).
    @inline(__always)
    func forEachChunk(_ region: UnsafeMutableBufferPointer<Double>, shouldStop: () -> Bool,
                              _ body: (Int, UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>,
                                       UnsafeBufferPointer<Double>, Range<Int>) -> Bool) -> Bool {
        let total = rowCount, features = data.featureCount, outputsPerRow = model.outputCount
        let (outputsStart, scratchStart) = (outputsOffset - inputsOffset, scratchOffset - inputsOffset)
        let inputs = UnsafeMutableBufferPointer(rebasing: region[0..<outputsStart])
        let scratch = UnsafeMutableBufferPointer(rebasing: region[scratchStart...])
        return data.features.withUnsafeBufferPointer { source in
            var start = 0
            while start < total {
                if start > 0, shouldStop() { return false }
                let chunk = Swift.min(chunkRows, total - start)
                let chunkInputs: UnsafeBufferPointer<Double>
                if rows == nil {
                    // Every row in order: the data's own rows are the chunk's inputs.
                    chunkInputs = UnsafeBufferPointer(rebasing: source[start * features..<(start + chunk) * features])
                } else {
                    if features > 0, let from = source.baseAddress, let to = inputs.baseAddress {
                        for position in 0..<chunk {
                            (to + position * features).update(from: from + dataRow(start + position) * features, count: features)
                        }
                    }
                    chunkInputs = UnsafeBufferPointer(rebasing: inputs[0..<chunk * features])
                }
                let outputs = UnsafeMutableBufferPointer(rebasing: region[outputsStart..<outputsStart + chunk * outputsPerRow])
                guard body(chunk, outputs, scratch, chunkInputs, start..<start + chunk) else { return false }
                start += chunk
            }
            return true
        }
    }

    /// The data row at position `position` of the loss's rows.
    @inline(__always)
    private func dataRow(_ position: Int) -> Int {
        guard let rows else { return position }
        return rows[rows.startIndex + position]
    }

    /// The summed loss of the rows at `positions` (of the loss's rows), replacing each output
    /// with its ∂(summed loss)/∂output × `scale` (1/rows for the mean).
    @inline(__always)
    private func lossAndOutputGradient(_ outputs: UnsafeMutableBufferPointer<Double>, rows positions: Range<Int>, scale: Double) -> Double {
        var sum = 0.0
        switch kind {
        case .meanSquaredError:
            for (index, position) in positions.enumerated() {
                let error = outputs[index] - values[dataRow(position)]
                sum += error * error
                outputs[index] = 2 * error * scale
            }
        case .crossEntropy:
            let classes = model.outputCount
            for (index, position) in positions.enumerated() {
                let logits = outputs.baseAddress! + index * classes
                let largest = ModelLoss.largestFinite(logits, count: classes)
                let label = labels[dataRow(position)]
                let labelLogit = logits[label]
                // One exponential a logit: eₖ = exp(zₖ − m), kept in place; softmax = eₖ / Σe.
                var total = 0.0
                for k in 0..<classes {
                    let e = exp(logits[k] - largest)
                    logits[k] = e
                    total += e
                }
                sum += largest + log(total) - labelLogit
                for k in 0..<classes { logits[k] = (logits[k] / total - (k == label ? 1 : 0)) * scale }
            }
        }
        return sum
    }

    /// The summed loss of the rows at `positions` (of the loss's rows), the same values as
    /// `lossAndOutputGradient` without computing the gradient or touching the outputs, and
    /// for classes the number of those rows whose first largest logit (`torch.argmax`: a NaN
    /// in first place stays the answer, a later one never wins) is their class. One pass
    /// over each row's logits finds both maxima. The sum starts at `start`, so that a chunk
    /// measured a piece at a time adds its rows in one running sum.
    func summedLossAndCorrect(_ outputs: UnsafeBufferPointer<Double>, rows positions: Range<Int>,
                                      from start: Double = 0) -> (loss: Double, correct: Int) {
        var sum = start, correct = 0
        switch kind {
        case .meanSquaredError:
            for (index, position) in positions.enumerated() {
                let error = outputs[index] - values[dataRow(position)]
                sum += error * error
            }
        case .crossEntropy:
            let classes = model.outputCount
            guard classes > 0, let base = outputs.baseAddress else { return (0, 0) }
            for (index, position) in positions.enumerated() {
                let logits = base + index &* classes
                // As `largestFinite`, and the first index whose logit exceeds the best so far.
                var largest = -Double.infinity, best = 0, bestLogit = logits[0]
                for k in 0..<classes {
                    let z = logits[k]
                    largest = z > largest ? z : largest
                    best = z > bestLogit ? k : best
                    bestLogit = z > bestLogit ? z : bestLogit
                }
                if !largest.isFinite { largest = 0 }
                var total = 0.0
                for k in 0..<classes { total += exp(logits[k] - largest) }
                let label = labels[dataRow(position)]
                sum += largest + log(total) - logits[label]
                correct += best == label ? 1 : 0
            }
        }
        return (sum, correct)
    }

    /// The largest of `count` logits, or 0 when that is not finite (so that exp(z − m) stays
    /// defined).
    @inline(__always)
    private static func largestFinite(_ logits: UnsafePointer<Double>, count: Int) -> Double {
        var largest = -Double.infinity
        for k in 0..<count { largest = logits[k] > largest ? logits[k] : largest }
        return largest.isFinite ? largest : 0
    }
}
