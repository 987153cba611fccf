import Testing

/// Compares a rendered picture with its golden text; on failure, shows both in full so the
/// difference can be read (and, when the change is intended, the golden pasted over).
func expectPicture(_ actual: String, _ expected: String,
                   sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(actual == expected, "picture differs:\n--- actual\n\(actual)\n--- expected\n\(expected)",
            sourceLocation: sourceLocation)
}
