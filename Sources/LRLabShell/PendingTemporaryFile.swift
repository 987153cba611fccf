import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary file a save is writing at this moment, so that a signal that ends lrlab
/// (SIGTERM, SIGHUP) can remove it: the name lives in a fixed buffer and `removeNow()` only
/// reads an atomic flag and calls `unlink`, both safe inside a signal handler.
public enum PendingTemporaryFile {
    private static let capacity = 4096
    nonisolated(unsafe) private static let path: UnsafeMutablePointer<CChar> = {
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        buffer.initialize(repeating: 0, count: capacity)
        return buffer
    }()
    private static let isSet = Atomic<Bool>(false)

    /// Allocates the buffer now, outside any signal handler (call once at start).
    public static func prepare() {
        _ = path
        clear()
    }

    /// Remembers `name` as the file to remove; a name too long for the buffer is not remembered.
    static func set(_ name: String) {
        isSet.store(false, ordering: .sequentiallyConsistent)
        let bytes = Array(name.utf8)
        guard bytes.count < capacity, !bytes.contains(0) else { return }
        for (index, byte) in bytes.enumerated() { path[index] = CChar(bitPattern: byte) }
        path[bytes.count] = 0
        isSet.store(true, ordering: .sequentiallyConsistent)
    }

    static func clear() {
        isSet.store(false, ordering: .sequentiallyConsistent)
    }

    /// Removes the file being written, if any. Safe inside a signal handler once `prepare()` ran.
    public static func removeNow() {
        if isSet.load(ordering: .sequentiallyConsistent) { unlink(path) }
    }
}
