import LRLabShell
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C: the signal handler only sets a flag; long work polls it and stops, the prompt
/// clears its line. The flag is an atomic, which is safe to touch from a signal handler.
enum Interrupt {
    private static let requested = Atomic<Bool>(false)

    static var isRequested: Bool { requested.load(ordering: .relaxed) }

    static func clear() { requested.store(false, ordering: .relaxed) }

    /// Installs the SIGINT handler without SA_RESTART, so a blocking read returns EINTR, and
    /// unblocks SIGINT, SIGPIPE, SIGTERM and SIGHUP: a parent may have started lrlab with them
    /// blocked (the mask is inherited), and then Ctrl-C would never arrive, nor would closing
    /// the terminal end lrlab.
    static func install() {
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        sigaddset(&unblocked, SIGINT)
        sigaddset(&unblocked, SIGPIPE)
        sigaddset(&unblocked, SIGTERM)
        sigaddset(&unblocked, SIGHUP)
        sigprocmask(SIG_UNBLOCK, &unblocked, nil)
        clear()
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            Interrupt.requested.store(true, ordering: .relaxed)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        installEndingSignals()
    }

    /// SIGTERM and SIGHUP still end lrlab, but first remove the temporary file of a save in
    /// progress (the target keeps its old contents either way).
    private static func installEndingSignals() {
        PendingTemporaryFile.prepare()
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in
            PendingTemporaryFile.removeNow()
            var original = sigaction()
            original.__sigaction_handler.sa_handler = SIG_DFL
            sigemptyset(&original.sa_mask)
            sigaction(signal, &original, nil)
            raise(signal)  // delivered as the handler returns, with the default action: lrlab ends
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGTERM, &action, nil)
        sigaction(SIGHUP, &action, nil)
    }
}
