import LRLab

extension LiveTrainingChart {
    /// Trains `trainer` for `epochs` as `Trainer.train` does, drawing `live`'s
    /// frames on the way. A frame that needs the parameters (the decision map)
    /// ends the trainer's call at the end of an epoch through `shouldStop`; the
    /// frame is drawn and the training goes on where it stopped, which the
    /// trainer guarantees takes the very same steps. The final frame is drawn
    /// when the training stops for any reason (Ctrl-C included).
    static func train(_ trainer: inout Trainer, epochs: Int, patience: Int?,
                      live: inout LiveTrainingChart?,
                      shouldStop: @escaping () -> Bool,
                      onEpoch: (EpochRecord) -> Void) -> Trainer.Stop {
        guard var chart = live else {
            return trainer.train(epochs: epochs, patience: patience,
                                 shouldStop: shouldStop, onEpoch: onEpoch)
        }
        defer { live = chart }
        let target = trainer.epoch + epochs
        var stop: Trainer.Stop
        repeat {
            stop = trainer.train(
                epochs: target - trainer.epoch, patience: patience,
                shouldStop: { chart.wantsParameters || shouldStop() }
            ) { record in
                chart.add(record)
                onEpoch(record)
            }
            guard case .interrupted = stop, chart.wantsParameters,
                  !shouldStop() else { break }
            chart.draw(parameters: trainer.parameters)
        } while trainer.epoch < target
        chart.finish(parameters: trainer.parameters)
        return stop
    }
}
