import Foundation
import Testing

/// `train` at a real terminal (tmux, 80×30): the loss chart is redrawn in place while the
/// training runs, and after Ctrl-C the last picture stays on screen above the report.
@Suite struct LiveChartTerminalTests {
    /// Runs tmux on a socket of this test's own; nil when tmux is missing.
    final class Tmux {
        let socket = "lrlab-live-\(UUID().uuidString.prefix(8))"
        static let path = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }

        /// Runs tmux with `arguments` and returns what it printed. It runs through bash, which
        /// first closes every descriptor past stderr: the tmux server the first command starts
        /// would otherwise keep the descriptor Foundation watches, and the wait would never end.
        @discardableResult
        func run(_ arguments: [String]) -> String {
            guard let path = Self.path else { return "" }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            let closing = #"for fd in /proc/$$/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-" 2>/dev/null; done; exec "$0" "$@""#
            process.arguments = ["-c", closing, path, "-L", socket] + arguments
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { return "" }
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }

        var pane: String { run(["capture-pane", "-p", "-t", "live"]) }

        /// Polls the pane until `condition` holds; false after `seconds`.
        func wait(seconds: Double, until condition: (String) -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if condition(pane) { return true }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return false
        }

    }

    @Test(.timeLimit(.minutes(3)), .enabled(if: Tmux.path != nil))
    func theChartMovesWhileTrainingAndStaysAfterCtrlC() throws {
        let tmux = Tmux()
        defer {
            // The pane's lrlab first (SIGHUP ends it, as when a terminal window closes), then tmux.
            if let pid = Int32(tmux.run(["display-message", "-p", "-t", "live", "#{pane_pid}"])
                .trimmingCharacters(in: .whitespacesAndNewlines)) { kill(pid, SIGHUP) }
            tmux.run(["kill-server"])
        }
        let command = "env -u NO_COLOR TERM=xterm LANG=C.UTF-8 LRLAB_HISTORY=/dev/null \(EndToEndTests.executable.path)"
        tmux.run(["new-session", "-d", "-s", "live", "-x", "80", "-y", "30", command])
        #expect(tmux.wait(seconds: 60) { $0.contains("lrlab>") })  // capture-pane drops trailing blanks
        tmux.run(["send-keys", "-t", "live", "data moons n=400; model mlp hidden=32; train epochs=100000 batch=4", "Enter"])
        #expect(tmux.wait(seconds: 60) { $0.contains("loss per epoch (live)") })
        let first = tmux.pane
        #expect(tmux.wait(seconds: 30) { $0 != first && $0.contains("loss per epoch (live)") }, "the chart is redrawn")
        // Redrawn in place: one chart on the screen, not a new one under the old.
        #expect(tmux.pane.components(separatedBy: "loss per epoch (live)").count == 2)
        tmux.run(["send-keys", "-t", "live", "C-c"])
        #expect(tmux.wait(seconds: 60) { $0.contains("interrupted") })
        let after = tmux.pane
        #expect(after.contains("● train  ○ validation"), "the last picture stays:\n\(after)")
        #expect(after.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }
}
