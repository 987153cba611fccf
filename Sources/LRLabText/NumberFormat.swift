#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LRLab

/// Numbers as lrlab prints them: `%.Ng` with `N` significant digits (6 by default, 17 for
/// exact round trips), `inf`, `-inf` and `nan` spelled out.
public enum NumberFormat {
    /// `value` printed with `printf`'s `%.<digits>g`.
    public static func format(_ value: Double, digits: Int = 6) -> String {
        cFormat("%.\(max(1, min(digits, 17)))g", value)
    }

    /// `value` printed with `%.17g`, which reads back as the same double (CSV export).
    public static func exact(_ value: Double) -> String {
        cFormat("%.17g", value)
    }

    /// A C `printf` format applied to one double, `nan` for NaN. Total: output longer than the
    /// first buffer (`%.2f` of 1e308 has 312 characters) is written again into one of its length.
    public static func cFormat(_ format: String, _ value: Double) -> String {
        if value.isNaN { return "nan" }
        var capacity = 64
        while true {
            let (written, text) = withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer in
                let written = withVaList([value]) { arguments in
                    vsnprintf(buffer.baseAddress, capacity, format, arguments)
                }
                return (Int(written), written >= 0 && Int(written) < capacity ? String(cString: buffer.baseAddress!) : nil)
            }
            if let text { return text }
            guard written >= capacity else { return "\(value)" }
            capacity = written + 1
        }
    }

    /// `text` padded with spaces on the left to `width` characters.
    public static func leftPad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    /// `text` padded with spaces on the right to `width` characters.
    public static func rightPad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// A point as `(1.5, -2)` or `3` in one dimension.
    public static func point(_ values: [Double], digits: Int = 6) -> String {
        values.count == 1 ? format(values[0], digits: digits)
            : "(" + values.map { format($0, digits: digits) }.joined(separator: ", ") + ")"
    }
}
