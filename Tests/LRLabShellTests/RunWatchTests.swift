import LRLabShell
import Testing

/// `run N watch` without live pictures prints what `run N` prints plus one
/// final picture (`plot path`'s or `plot f`'s); with them it draws frames of a
/// growing path through `progress` and keeps the run's steps identical.
@Suite struct RunWatchTests {
    /// Everything a session said, one entry per `say`, and its progress texts.
    static func said(_ script: String, live: Bool = false)
        -> (said: [String], frames: [String]) {
        var said: [String] = []
        var frames: [String] = []
        let session = Session(output: { said.append($0) })
        if live {
            session.live = true
            session.progress = { if $0.contains("\n") { frames.append($0) } }
        }
        _ = session.runScript(text: script, file: "watch.lrlab")
        return (said, frames)
    }

    @Test(arguments: [
        ("use ravine; opt gd lr=0.039", "run 300", "plot path"),
        ("use ravine; opt gd lr=0.039", "run until converged", "plot path"),
        ("f(x) = x^2 - 2*x; start x=-2; opt gd lr=0.3", "run 20", "plot f"),
    ])
    func withoutATerminalWatchAddsOnlyTheFinalPicture(
        setup: String, run: String, plot: String) {
        let plain = Self.said(setup + "\n" + run).said
        let watched = Self.said(setup + "\n" + run + " watch").said
        let plotted = Self.said(setup + "\n" + run + "\n" + plot).said
        // The picture comes before the run's report, which is unchanged.
        #expect(watched == plain.dropLast() + [plotted.last!, plain.last!])
        #expect(plotted.count == plain.count + 1)
    }

    @Test(arguments: ["run 300", "run until converged"])
    func liveFramesShowThePathGrowingAndTheRunIsUnchanged(run: String) {
        let setup = "use ravine; opt gd lr=0.039\n"
        let live = Self.said(setup + run + " watch", live: true)
        let plain = Self.said(setup + run)
        #expect(live.said == plain.said, "the run and its report are the same")
        #expect(live.frames.count >= 5)
        // Each frame marks more of the path than the first one.
        let marks = live.frames.map { $0.filter { $0 == "●" }.count }
        #expect(marks.first! < marks.last!, "\(marks)")
        let lines = live.frames.last!.split(separator: "\n")
        #expect(lines.count <= 28 && lines.allSatisfy { $0.count <= 80 })
    }

    @Test func trainingLiveDrawsTheDecisionMapAndTrainsTheSameSteps() {
        let script = "data moons n=400\nmodel mlp hidden=8\n"
            + "train epochs=2500 batch=4"
        let live = Self.said(script, live: true)
        let plain = Self.said(script)
        #expect(live.frames.count >= 2, "a frame during the training")
        #expect(live.said == plain.said, "the training is the same")
        let last = live.frames.last ?? ""
        #expect(last.contains("decision regions (live)"))
        #expect(last.contains("loss per epoch (live)"))
        // 30 rows less the command's line and the status line under it.
        let lines = last.split(separator: "\n")
        #expect(last.filter { $0 == "\n" }.count <= 28)
        #expect(lines.allSatisfy { $0.count <= 80 })
    }
}
