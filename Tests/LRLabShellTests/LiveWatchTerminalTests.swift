import Foundation
import Testing

/// Live pictures at a real terminal (tmux, 80×30): the decision map of a 2-D
/// classifier changes while `train` runs and stays after Ctrl-C; `run N watch`
/// grows the path on the contour map and the final map stays.
@Suite struct LiveWatchTerminalTests {
    typealias Tmux = LiveChartTerminalTests.Tmux

    /// Starts lrlab in a fresh tmux at 80×30 and waits for its prompt.
    static func start(_ tmux: Tmux) {
        let command = "env -u NO_COLOR TERM=xterm LANG=C.UTF-8 "
            + "LRLAB_HISTORY=/dev/null \(EndToEndTests.executable.path)"
        tmux.run(["new-session", "-d", "-s", "live", "-x", "80", "-y", "30",
                  command])
        #expect(tmux.wait(seconds: 60) { $0.contains("lrlab>") })
    }

    /// Ends the pane's lrlab (SIGHUP, as when a window closes), then tmux.
    static func stop(_ tmux: Tmux) {
        let pid = tmux.run(["display-message", "-p", "-t", "live",
                            "#{pane_pid}"])
        let trimmed = pid.trimmingCharacters(in: .whitespacesAndNewlines)
        if let pid = Int32(trimmed) {
            kill(pid, SIGHUP)
        }
        tmux.run(["kill-server"])
    }

    /// The screen with the lines scrolled off above it.
    static func history(_ tmux: Tmux) -> String {
        tmux.run(["capture-pane", "-p", "-S", "-500", "-t", "live"])
    }

    /// The lines of `pane` from the one containing `from` up to, not
    /// including, the one containing `to`.
    static func section(_ pane: String, from: String, to: String) -> String {
        let lines = pane.split(separator: "\n",
                               omittingEmptySubsequences: false)
        guard let first = lines.firstIndex(where: { $0.contains(from) })
        else { return "" }
        let rest = lines[first...]
        let end = rest.firstIndex(where: { $0.contains(to) }) ?? rest.endIndex
        return rest[..<end].joined(separator: "\n")
    }

    @Test(.timeLimit(.minutes(3)), .enabled(if: Tmux.path != nil))
    func theDecisionMapChangesWhileTrainingAndStaysAfterCtrlC() {
        let tmux = Tmux()
        defer { Self.stop(tmux) }
        Self.start(tmux)
        tmux.run(["send-keys", "-t", "live", "data moons n=400; model mlp "
                  + "hidden=32; train epochs=100000 batch=4", "Enter"])
        let title = "decision regions (live)"
        let map = { Self.section($0, from: title, to: "loss per epoch") }
        #expect(tmux.wait(seconds: 60) { $0.contains(title) })
        let first = map(tmux.pane)
        #expect(tmux.wait(seconds: 30) { map($0) != first && !map($0).isEmpty },
                "the map is redrawn with other regions")
        #expect(tmux.pane.components(separatedBy: title).count == 2)
        tmux.run(["send-keys", "-t", "live", "C-c"])
        #expect(tmux.wait(seconds: 60) { $0.contains("interrupted") })
        // The report scrolls the last frame up; it is kept, once.
        let after = Self.history(tmux)
        #expect(after.components(separatedBy: title).count == 2,
                "the last map stays:\n\(after)")
        #expect(after.contains("loss per epoch (live)"))
        #expect(after.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test(.timeLimit(.minutes(3)), .enabled(if: Tmux.path != nil))
    func watchGrowsThePathAndTheFinalMapStays() {
        let tmux = Tmux()
        defer { Self.stop(tmux) }
        Self.start(tmux)
        tmux.run(["send-keys", "-t", "live",
                  "use ravine; opt gd lr=0.039; run 300 watch", "Enter"])
        let marks = { (pane: String) in pane.filter { $0 == "●" }.count }
        var counts: [Int] = []
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, !Self.history(tmux).contains("verdict:") {
            counts.append(marks(tmux.pane))
            Thread.sleep(forTimeInterval: 0.05)
        }
        let seen = counts.filter { $0 > 0 }
        #expect(Set(seen).count >= 3 && (seen.first ?? 0) < (seen.last ?? 0),
                "the path grew in several frames: \(counts)")
        let after = Self.history(tmux)
        #expect(after.contains("verdict:"))
        let legend = "● gd  S start  E end"
        #expect(after.components(separatedBy: legend).count == 2,
                "the final map stays, drawn once:\n\(after)")
        #expect(after.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }
}
