extension CompiledExpression {
    /// The laid-out tape and the loop that runs it: instructions, register literals and
    /// output registers in memory allocated once, so running it touches no reference counts
    /// and allocates nothing. Immutable after `init`, hence `@unchecked Sendable`.
    ///
    /// Every tape ends with a `stop` instruction, so the loop has no count or end pointer to
    /// compare, and the output list ends with a sentinel (-1). A point of one or two values
    /// is copied into the registers without a loop, and three outputs (a loss and a 2-D
    /// gradient) are copied out without one. The rare large register file takes functions
    /// of its own, out of line, so the common path has no closure call and a single
    /// `precondition` comparison (`minimumRestCount`).
    final class Tape: @unchecked Sendable {
        let inputCount: Int
        let instructionCount: Int
        let instructions: UnsafeMutablePointer<Instruction>
        /// The literals loaded into registers before the instructions run: the base of
        /// `K^b`, and outputs that are literals, loaded straight into their output registers
        /// (every other literal is an immediate inside the instruction that reads it).
        let literals: UnsafeMutablePointer<TapeBuilder.LiteralLoad>
        let literalCount: Int
        let outputCount: Int
        /// The register of each output, then -1: the copy loop stops at the sentinel. The
        /// outputs' registers are consecutive, from `outputs[0]`; `copyOutputs` reads each
        /// index from this list all the same, so that, as with `secondInput`, the compiler
        /// cannot merge two 8-byte loads of registers the tape has just stored into one
        /// 16-byte load.
        let outputs: UnsafeMutablePointer<Int32>
        /// The least count of `rest` that `evaluate(at:rest:)` accepts; `Int.max` when there
        /// are no outputs at all, so one comparison checks both conditions.
        let minimumRestCount: Int
        let registerCount: Int
        /// The index of the second input: 1 whenever there is one. Read from memory, so that
        /// the optimizer cannot merge the two 8-byte loads of a 2-D point into one 16-byte
        /// load, which the store buffer cannot forward from the caller's two 8-byte stores
        /// (measured with the constant 1 instead: `Benchmarks/JOURNAL.md`).
        let secondInput: Int

        init(inputCount: Int, instructions: [Instruction], literals: [TapeBuilder.LiteralLoad], outputs: [Int32],
             registerCount: Int) {
            self.inputCount = inputCount
            self.instructionCount = instructions.count
            self.instructions = .allocate(capacity: instructions.count + 1)
            self.instructions.initialize(from: instructions + [Instruction(operation: .stop, destination: 0, a: 0)],
                                         count: instructions.count + 1)
            self.literalCount = literals.count
            self.literals = .allocate(capacity: max(literals.count, 1))
            self.literals.initialize(from: literals, count: literals.count)
            self.outputCount = outputs.count
            self.outputs = .allocate(capacity: outputs.count + 1)
            self.outputs.initialize(from: outputs + [-1], count: outputs.count + 1)
            self.minimumRestCount = outputs.isEmpty ? .max : outputs.count - 1
            self.registerCount = registerCount
            self.secondInput = inputCount >= 2 ? 1 : 0
        }

        deinit {
            instructions.deallocate()
            literals.deallocate()
            outputs.deallocate()
        }

        /// Loads the inputs (missing ones as NaN) and literals, then runs every instruction.
        ///
        /// One or two inputs are copied one by one, the second through `secondInput` so that
        /// the two loads stay two. Other counts, and points too short for the tape, take a
        /// loop that compares with `!=` and picks NaN for a missing input inside the loop,
        /// which keeps it a plain loop rather than an unrolled one or a `memcpy` call (which
        /// would also read 16 bytes at a time). Most tapes have no register literals.
        @inline(__always)
        func run(_ registers: UnsafeMutablePointer<Double>, point: UnsafeBufferPointer<Double>) {
            let available = point.count
            var index = 0
            switch inputCount {
            case 1 where available >= 1:
                registers[0] = point[0]
            case 2 where available >= 2:
                registers[0] = point[0]
                registers[1] = point[secondInput]
            default:
                while index != inputCount {
                    registers[index] = index < available ? point[index] : .nan
                    index += 1
                }
            }
            index = 0
            while index != literalCount {
                registers[Int(literals[index].register)] = literals[index].value
                index += 1
            }
            runInstructions(registers)
        }

        /// Runs every instruction, up to the `stop` that ends the tape.
        @inline(__always)
        func runInstructions(_ registers: UnsafeMutablePointer<Double>) {
            var instruction = UnsafePointer(instructions)
            while Instruction.execute(instruction, registers) {
                instruction += 1
            }
        }

        /// `evaluate` with a register file too large for the fixed-size one; out of line so
        /// that the common path stays small.
        @inline(never)
        func evaluateLarge(point: [Double], rest: inout [Double]) -> Double {
            withUnsafeTemporaryAllocation(of: Double.self, capacity: registerCount) { file in
                evaluate(file.baseAddress!, point: point, rest: &rest)
            }
        }

        /// `evaluateFirst` with a register file too large for the fixed-size one.
        @inline(never)
        func evaluateFirstLarge(point: [Double]) -> Double {
            withUnsafeTemporaryAllocation(of: Double.self, capacity: registerCount) { file in
                evaluateFirst(file.baseAddress!, point: point)
            }
        }

        /// Runs the tape in `registers`; returns output 0 and writes the others to `rest[0...]`.
        @inline(__always)
        func evaluate(_ registers: UnsafeMutablePointer<Double>, point: [Double], rest: inout [Double]) -> Double {
            point.withUnsafeBufferPointer { run(registers, point: $0) }
            if outputCount > 1 {
                rest.withUnsafeMutableBufferPointer { copyOutputs(from: registers, to: $0.baseAddress!) }
            }
            return registers[Int(outputs[0])]
        }

        /// Runs the tape in `registers`; returns output 0.
        @inline(__always)
        func evaluateFirst(_ registers: UnsafeMutablePointer<Double>, point: [Double]) -> Double {
            point.withUnsafeBufferPointer { run(registers, point: $0) }
            return registers[Int(outputs[0])]
        }

        /// Copies outputs `1...` to `destination[0...]`, up to the sentinel.
        @inline(__always)
        func copyOutputs(from registers: UnsafeMutablePointer<Double>, to destination: UnsafeMutablePointer<Double>) {
            if outputCount == 3 {
                destination[0] = registers[Int(outputs[1])]
                destination[1] = registers[Int(outputs[2])]
                return
            }
            var output = UnsafePointer(outputs) + 1
            var target = destination
            while output.pointee >= 0 {
                target.pointee = registers[Int(output.pointee)]
                output += 1
                target += 1
            }
        }
    }
}
