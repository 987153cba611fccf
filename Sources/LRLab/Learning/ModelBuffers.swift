/// Opens the spans of a `Model`'s public `forward` and `backward` as the buffers its passes
/// are written on: one place where spans become buffers, so each model kind's public calls
/// are a line that hands its pass over as `body`. The buffers are valid only inside `body`
/// and cover exactly the spans.
enum ModelBuffers {
    /// `forward`'s spans as buffers: parameters, inputs, outputs, workspace.
    @inline(__always)
    static func forward<Result>(parameters: Span<Double>, inputs: Span<Double>, outputs: inout MutableSpan<Double>,
                                workspace: inout MutableSpan<Double>,
                                _ body: (UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>,
                                         UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Result) -> Result {
        parameters.withUnsafeBufferPointer { parameters in
            inputs.withUnsafeBufferPointer { inputs in
                outputs.withUnsafeMutableBufferPointer { outputs in
                    workspace.withUnsafeMutableBufferPointer { workspace in
                        body(parameters, inputs, outputs, workspace)
                    }
                }
            }
        }
    }

    /// `backward`'s spans as buffers: parameters, inputs, output gradient, gradient, workspace.
    @inline(__always)
    static func backward<Result>(parameters: Span<Double>, inputs: Span<Double>, outputGradient: inout MutableSpan<Double>,
                                 gradient: inout MutableSpan<Double>, workspace: inout MutableSpan<Double>,
                                 _ body: (UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>,
                                          UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Result) -> Result {
        parameters.withUnsafeBufferPointer { parameters in
            inputs.withUnsafeBufferPointer { inputs in
                outputGradient.withUnsafeMutableBufferPointer { outputGradient in
                    gradient.withUnsafeMutableBufferPointer { gradient in
                        workspace.withUnsafeMutableBufferPointer { workspace in
                            body(parameters, inputs, outputGradient, gradient, workspace)
                        }
                    }
                }
            }
        }
    }
}
