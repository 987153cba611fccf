extension RunProgress {
    /// Ends the run at `step`: the point left the reals, the loss exploded, or the formula
    /// has no value there (which `checkedEvaluation` names).
    mutating func end(at step: Int, point: [Double], pointIsFinite: Bool, gradientIsFinite: Bool, objective: some DifferentiableLoss,
                      divergenceBound: Double, notes: inout TraceNotes) {
        if pointIsFinite, !(Swift.abs(loss) > divergenceBound) {
            do {
                _ = try objective.checkedEvaluation(at: point)
            } catch {
                notes.insert(.undefined)
                ending = .undefined(step: step, reason: "\(error.description)")
                return
            }
        }
        notes.insert(.diverged)
        let reason: Phrase
        if !pointIsFinite {
            reason = "a parameter is no longer a finite number"
        } else if !loss.isFinite || !gradientIsFinite {
            reason = "the loss or gradient overflowed (loss = \(.number(loss, digits: 6)))"
        } else {
            reason = "the loss grew to \(.number(loss, digits: 6)), beyond \(.number(divergenceBound, digits: 4))"
        }
        ending = .diverged(step: step, reason: reason)
    }
}
