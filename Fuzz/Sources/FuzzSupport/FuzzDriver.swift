@_exported import CFuzzerDriver

/// Starts libFuzzer with the process's arguments (`-max_total_time=`, corpus folders, ...)
/// and `target` as the function under test; returns libFuzzer's exit status.
public func runFuzzer(_ target: FuzzTarget) -> Int32 {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    return LLVMFuzzerRunDriver(&argc, &argv, target)
}
