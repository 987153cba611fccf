extension Trace {
    // MARK: Planning a batch of steps

    /// A trace holding nothing, to stand in a run's copy that must not share the run's rows
    /// (sharing would make the next written row copy them all).
    static let vacant = Trace(parameterCount: 0, stateNames: [], policy: RecordingPolicy(capacity: 16))

    /// The rows a run's trace holds at stride `stride` once steps 0 through `lastStep` have
    /// all been offered, none of them a run's ending: the head, then the multiples of
    /// `stride`.
    func rowsOffered(through lastStep: Int, stride: Int) -> Int {
        lastStep < keptHead ? lastStep + 1 : keptHead + (lastStep / stride - (keptHead - 1) / stride)
    }

    /// The stride a run's trace has once steps 0 through `lastStep` have all been offered,
    /// the last one ending the run (`diverged`, `undefined`) when `endingRow`: the smallest
    /// power of two, from `stride` on, at which the rows fit the capacity. An ending row is
    /// kept whatever its step, but when it finds the trace full the trace thins once more
    /// first, as `appendRow` does.
    ///
    /// Exact for a run's trace, whose steps are offered one by one from 0, as long as the
    /// trace's stride does not exceed that of the trace which was offered every step
    /// (planned batches keep that true: they only skip rows).
    func finalStride(throughStep lastStep: Int, endingRow: Bool = false) -> Int {
        let last = endingRow ? lastStep - 1 : lastStep
        var stride = self.stride
        while rowsOffered(through: last, stride: stride) > capacity { stride *= 2 }
        if endingRow, rowsOffered(through: last, stride: stride) >= capacity { stride *= 2 }
        return stride
    }

    /// Plans a batch of a run's steps that, unless it ends early, stops at `lastStep`: from
    /// now on a row after the head is written only at a multiple of the stride the trace
    /// will have at `lastStep` (`finalStride`), because thinning would drop any other. The
    /// rows already held stay until `settle`. A row for the run's ending is kept whatever
    /// its step, and the trace still thins when it fills, so it never holds more than
    /// `capacity` rows.
    mutating func plan(throughStep lastStep: Int) {
        plannedStride = finalStride(throughStep: Swift.min(lastStep, Int.max / 2))
        writeMask = Swift.max(stride, plannedStride) - 1
    }

    /// Whether a planned batch that stopped at `lastStep` (its row the run's ending when
    /// `endingRow`) left every row that offering every step would have kept: true when it
    /// ran to the planned step or ended where the final stride is no finer than the plan's.
    func planCovers(throughStep lastStep: Int, endingRow: Bool) -> Bool {
        finalStride(throughStep: lastStep, endingRow: endingRow) >= plannedStride
    }

    /// Ends a planned batch that stopped at `lastStep`: thins the rows held to the stride
    /// the trace would have had had it been offered every step (`finalStride`), or to the
    /// plan's stride when that is coarser (`planCovers` is false: the batch stopped early
    /// and the rows in between were never written), keeping the head and an ending row.
    mutating func settle(throughStep lastStep: Int, endingRow: Bool) {
        let target = Swift.max(finalStride(throughStep: lastStep, endingRow: endingRow), plannedStride)
        plannedStride = 1
        if target > stride {
            thin(toStride: target, keepingLastRow: endingRow)
        } else {
            writeMask = stride - 1
        }
    }

    /// Removes the rows after step `step` (the last rows, as rows are in step order) and any
    /// plan: the trace as it was when its run had taken `step` steps, to replay from there.
    mutating func removeRows(afterStep step: Int) {
        var newCount = count
        while newCount > 0, buffer.steps[newCount - 1] > step { newCount -= 1 }
        truncate(to: newCount)
        plannedStride = 1
        writeMask = stride - 1
    }
}
