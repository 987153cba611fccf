extension ModelLoss {
    /// The data loss (without the l2 term) and, for classes, the accuracy, measured by forward
    /// passes only.
    public struct Measurement: Sendable, Hashable {
        public var loss: Double
        /// The fraction of rows whose largest logit is their class (the first largest on a
        /// tie, as `torch.argmax`); nil for regression.
        public var accuracy: Double?
    }

    /// Doubles of workspace `measure` needs: the chunk's inputs, outputs and the model's
    /// scratch (the parameters are read where they are, and there is no gradient).
    public var measurementWorkspaceCount: Int { workspaceCount - inputsOffset }

    /// Parameter-rows (rows × parameters, a multiply-add each) a measurement does between two
    /// questions to `shouldStop`: 2²⁵, a few tens of milliseconds.
    public static let measurementWorkBetweenStopChecks = 1 << 25

    /// The measurement at `parameters` over the loss's rows, asking `shouldStop` between
    /// pieces of about `measurementWorkBetweenStopChecks` work (a chunk's rows a few at a
    /// time for a large model); nil when it said stop. A row's outputs do not depend on the
    /// rows beside it and each chunk's sum runs over its rows in order, so the result is the
    /// same, bit for bit, however the chunks are cut. `workspace` must hold
    /// `measurementWorkspaceCount` doubles.
    func measure(at parameters: UnsafeBufferPointer<Double>, workspace: UnsafeMutableBufferPointer<Double>,
                        shouldStop: () -> Bool = { false }) -> Measurement? {
        let total = rowCount
        guard total > 0 else { return Measurement(loss: .nan, accuracy: nil) }
        var sum = 0.0, correct = 0, stopped = false
        let piece = Swift.max(1, ModelLoss.measurementWorkBetweenStopChecks / Swift.max(1, parameterCount))
        let (features, outputsPerRow) = (data.featureCount, model.outputCount)
        let finished = forEachChunk(workspace, shouldStop: shouldStop) { chunk, outputs, scratch, inputs, picked in
            guard !stopped else { return false }
            var chunkSum = 0.0, start = 0
            while start < chunk {
                if start > 0, shouldStop() { stopped = true; return false }
                let rows = Swift.min(piece, chunk - start)
                let pieceOutputs = UnsafeMutableBufferPointer(rebasing: outputs[start * outputsPerRow..<(start + rows) * outputsPerRow])
                guard model.forward(parameters,
                                    inputs: UnsafeBufferPointer(rebasing: inputs[start * features..<(start + rows) * features]),
                                    rows: rows, outputs: pieceOutputs, workspace: scratch, shouldStop: shouldStop) else {
                    stopped = true
                    return false
                }
                let (loss, right) = summedLossAndCorrect(UnsafeBufferPointer(pieceOutputs), rows: picked.lowerBound + start..<picked.lowerBound + start + rows,
                                                         from: chunkSum)
                chunkSum = loss
                correct += right
                start += rows
            }
            sum += chunkSum
            return true
        }
        guard finished, !stopped else { return nil }
        return Measurement(loss: sum / Double(total), accuracy: kind == .crossEntropy ? Double(correct) / Double(total) : nil)
    }

    /// The measurement at `parameters` with a workspace of its own, asking `shouldStop` as
    /// `measure(at:workspace:shouldStop:)` does; nil when it said stop.
    public func measure(at parameters: [Double], shouldStop: () -> Bool) -> Measurement? {
        var workspace = [Double](repeating: 0, count: measurementWorkspaceCount)
        return parameters.withUnsafeBufferPointer { parameters in
            workspace.withUnsafeMutableBufferPointer { measure(at: parameters, workspace: $0, shouldStop: shouldStop) }
        }
    }

    /// The measurement at `parameters`, with a workspace of its own.
    public func measure(at parameters: [Double]) -> Measurement {
        measure(at: parameters, shouldStop: { false }) ?? Measurement(loss: .nan, accuracy: nil)
    }

    /// The model's outputs for every row of `inputs` (`featureCount` values a row): the
    /// predictions or the logits, `outputCount` a row.
    public func outputs(at parameters: [Double], inputs: [Double]) -> [Double] {
        let rows = inputs.count / Swift.max(model.inputCount, 1)
        var outputs = [Double](repeating: 0, count: rows * model.outputCount)
        var scratch = [Double](repeating: 0, count: model.workspaceCount(rows: rows))
        do {
            var outputSpan = outputs.mutableSpan, scratchSpan = scratch.mutableSpan
            model.forward(parameters: parameters.span, inputs: inputs.span, rows: rows, outputs: &outputSpan,
                          workspace: &scratchSpan)
        }
        return outputs
    }
}
