extension DiagnosisReading {
    /// How far a run still in progress has to go: the steps still needed where a count holds,
    /// what to say instead where none does (gradient noise, a copy that ended ahead), and the
    /// lines on its pace, for the `slow` rules.
    struct Outlook {
        /// What a copy of the run stepped ahead did, where only the optimizer's own rule models it.
        var ahead: TraceReader.RunAhead?
        /// The further steps to the tolerance; none under gradient noise.
        var estimate: StepsEstimate?
        /// Under gradient noise, where the loss settles (`NoiseFloorForecast`).
        var noiseFloor: NoiseFloorForecast?
        /// Under gradient noise, the sentence said instead of a count.
        var noiseOutlook: Phrase?
        /// `stepped ahead on a copy, the run diverged …` when the copy ended.
        var aheadEnding: Phrase?
        /// The gradient norm's factor, the estimate (or what the copy did) and the floor.
        var pace: [Phrase]

        init(_ reading: DiagnosisReading) {
            let reader = reading.reader
            let noise = reading.noise
            let forecast = reading.forecast
            let rho = reading.rho
            // Under gradient noise the gradient norm never settles under the tolerance: no
            // count of steps to converge, but the floor the loss heads for.
            ahead = noise > 0 || forecast != nil ? nil : reader.runAheadIfModelled()
            estimate = noise > 0 ? nil : reader.remaining(forecast: forecast, ahead: ahead, rho: rho, rows: reading.rows)
            noiseFloor = noise > 0 ? NoiseFloorForecast(run: reading.run) : nil
            noiseOutlook = noise > 0 ? reader.noiseFloorOutlook(noise: noise, forecast: noiseFloor) : nil
            aheadEnding = ahead?.ending.map { "stepped ahead on a copy, the run \($0.description)" }
            pace = []
            if let rho, rho < 1 {
                pace.append("the gradient norm shrinks ×\(reading.f4(rho)) per step \(reading.span)")
            } else if let rho, rho == 1 {
                pace.append("the gradient norm neither shrinks nor grows \(reading.span)")
            } else if let rho {
                pace.append("the gradient norm grows ×\(reading.f4(rho)) per step \(reading.span)")
            } else {
                pace.append("the gradient norm is \(reading.f(reading.norms[reading.last]))")
            }
            if let estimate {
                pace.append(reader.estimateLine(estimate, forecast: forecast))
            } else if let aheadEnding {
                pace.append(aheadEnding)
            }
            if let noiseFloor { pace.append(noiseFloor.evidence) }
        }
    }
}
