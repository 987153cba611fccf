extension Int {
    /// `value` as an integer that never traps: rounded toward zero like `Int(_:)`, clamped to
    /// `Int.min...Int.max` (so `±inf` and huge values give `Int.max` or `Int.min`), and `ifNaN`
    /// for NaN. The one place lrlab turns a `Double` it did not check into an integer.
    ///
    ///     Int(saturating: 2.9) == 2       Int(saturating: -2.9) == -2
    ///     Int(saturating: 1e300) == .max  Int(saturating: -.infinity) == .min
    ///     Int(saturating: .nan) == 0      Int(saturating: .nan, ifNaN: -1) == -1
    @inlinable
    public init(saturating value: Double, ifNaN: Int = 0) {
        if value.isNaN {
            self = ifNaN
        } else if value >= Double(Int.max) {
            self = .max
        } else if value <= Double(Int.min) {
            self = .min
        } else {
            self = Int(value)
        }
    }
}
