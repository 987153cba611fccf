#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Spawns `path` with `arguments`, output to /dev/null, and waits for it. Returns the exit
/// status, or nil when the process could not be started.
func spawnAndWait(_ path: String, _ arguments: [String]) -> Int32? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid = pid_t()
    guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return nil }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1, errno == EINTR {}
    return status
}

/// d. Process start: `lrlab -c quit` against `/bin/true`.
func caseStartup(lrlab: String?, repetitions: Int) -> [Result] {
    guard let lrlab, access(lrlab, X_OK) == 0 else {
        print("d. skipped: no lrlab executable (set LRLAB_BIN or pass --lrlab PATH; tried \(lrlab ?? "nothing"))")
        return []
    }
    guard let status = spawnAndWait(lrlab, ["-c", "quit"]) else {
        print("d. skipped: cannot spawn \(lrlab)")
        return []
    }
    let note = status == 0 ? "\(lrlab) -c quit" : "\(lrlab) -c quit exited with status \(status): timing kept, check the binary"
    let (candidate, baseline) = compare(repetitions: repetitions,
                                        candidate: { _ = spawnAndWait(lrlab, ["-c", "quit"]) },
                                        baseline: { _ = spawnAndWait("/bin/true", []) })
    return [Result(name: "d. process start, lrlab -c quit", candidate: candidate, baseline: baseline,
                   items: 1, unit: "run", note: note)]
}
