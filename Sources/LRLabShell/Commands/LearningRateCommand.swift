import LRLab
import LRLabText

extension RunCommands {
    /// `lr`: prints the base rate in force, or changes it between steps of the run in progress.
    static let learningRateCommand = Command(
        "lr", usage: "lr [RATE]", summary: "print the learning rate in force, or change it mid-run (anneal by hand)",
        details: """
        `lr` alone prints the base rate of the run in progress (the schedule scales it) and the rate
        the next step will use. `lr 0.01` sets the base rate from the next step on without restarting:
        the point, the step count and the optimizer's state (momentum, moments, sums) are kept, and
        the next trace line is marked `lr change`. Anneal by hand:
          opt gd lr=0.1 ; step 2
          lr 0.5 ; step
        `opt ... lr=` instead chooses the rate a new run starts with (and resets the run).
        `save trace` replays a run with its changes where they were made.
        After `train`, `lr` speaks of the training: the next `train` continues at the new rate.
        """) { session, statement throws(ShellError) in
        try learningRateCommand(session, statement)
    }

    static func learningRateCommand(_ session: Session, _ statement: Statement) throws(ShellError) -> Report {
        if session.focus == .model {
            return try trainingLearningRateCommand(session, statement)
        }
        guard statement.words.count >= 2 else {
            let run = try session.currentRun(at: statement.words[0])
            var text = "lr \(session.format(run.learningRate))"
            if run.nextLearningRate != run.learningRate {
                text += " (the next step uses \(session.format(run.nextLearningRate)): schedule \(run.schedule.description))"
            }
            return Report(prose: text)
        }
        let rate = try learningRateArgument(statement)
        var run = try session.currentRun(at: statement.words[0])
        if let ending = run.ending {
            throw ShellError("the run has ended: " + ending.description.text(digits: session.digits), hint: "reset goes back to the start point")
        }
        let previous = run.learningRate
        do throws(OptionError) {
            try run.setLearningRate(rate)
        } catch {
            throw ShellError(error.message, at: statement.words[1].range, hint: error.hint)
        }
        session.explorer.run = run
        return Report(prose: "lr \(session.format(rate)) from step \(run.stepCount + 1) on (was \(session.format(previous))); "
            + "the optimizer's state is kept")
    }

    /// The rate of `lr RATE` (the statement's second word, a number); `lr` takes one.
    static func learningRateArgument(_ statement: Statement) throws(ShellError) -> Double {
        if statement.words.count > 2 {
            throw ShellError("lr takes one rate", at: statement.words[2].range, hint: "write e.g. lr 0.01")
        }
        let word = statement.words[1]
        do throws(NumberSyntax.Problem) {
            return try NumberSyntax.value(word.text)
        } catch {
            throw ShellError(error.message(word.text), at: word.range, hint: "give the new rate as a number, e.g. lr 0.01")
        }
    }

    /// `lr` after `train`: prints or changes the training's base rate; the optimizer's state is kept.
    static func trainingLearningRateCommand(_ session: Session, _ statement: Statement) throws(ShellError) -> Report {
        var training = try session.currentTraining(at: statement.words[0])
        guard statement.words.count >= 2 else {
            return Report(prose: "lr \(session.format(training.trainer.run.learningRate)) (of the training; the next train uses it)")
        }
        let rate = try learningRateArgument(statement)
        if let ending = training.trainer.ending {
            throw ShellError("the training has ended: " + ending.description.text(digits: session.digits),
                             hint: "train again to start afresh, with a lower rate: opt ... lr=")
        }
        let previous = training.trainer.run.learningRate
        do throws(OptionError) {
            try training.trainer.setLearningRate(rate)
        } catch {
            throw ShellError(error.message, at: statement.words[1].range, hint: error.hint)
        }
        session.lab.training = training
        return Report(prose: "lr \(session.format(rate)) from step \(training.trainer.stepCount + 1) of the training on (was \(session.format(previous))); "
            + "the optimizer's state is kept")
    }
}
