import Testing
@testable import LRLab
@testable import LRLabShell

@Suite struct ScheduleSyntaxTests {
    @Test func piecewiseBoundaries() throws {
        let schedule = try ScheduleSyntax.parse("step 0.1 400:0.01 700:0.001")
        #expect(schedule.rate(at: 1, base: 5) == 0.1)
        #expect(schedule.rate(at: 400, base: 5) == 0.1)
        #expect(schedule.rate(at: 401, base: 5) == 0.01)
        #expect(schedule.rate(at: 700, base: 5) == 0.01)
        #expect(schedule.rate(at: 701, base: 5) == 0.001)
        #expect(schedule.rate(at: 100_000, base: 5) == 0.001)
        let fromBase = try ScheduleSyntax.parse("step 400:0.01")
        #expect(fromBase.rate(at: 400, base: 0.3) == 0.3)
        #expect(fromBase.rate(at: 401, base: 0.3) == 0.01)
    }

    @Test func stepDecay() {
        let schedule = StepDecaySchedule(gamma: 0.5, every: 100)
        #expect(schedule.rate(at: 1, base: 0.8) == 0.8)
        #expect(schedule.rate(at: 100, base: 0.8) == 0.8)
        #expect(schedule.rate(at: 101, base: 0.8) == 0.4)
        #expect(schedule.rate(at: 201, base: 0.8) == 0.2)
    }

    @Test func exponentialAndInverseTime() {
        let exp = ExponentialSchedule(gamma: 0.9)
        #expect(exp.rate(at: 1, base: 0.1) == 0.1)
        optClose(exp.rate(at: 3, base: 0.1), 0.1 * 0.9 * 0.9)
        optClose(exp.rate(at: 11, base: 1), _pow(0.9, 10))
        let inverse = InverseTimeSchedule(decay: 0.01)
        #expect(inverse.rate(at: 1, base: 0.1) == 0.1)
        optClose(inverse.rate(at: 101, base: 0.1), 0.05)
    }

    @Test func cosine() {
        let schedule = CosineSchedule(steps: 100, minimum: 0.01)
        #expect(schedule.rate(at: 1, base: 0.1) == 0.1)
        optClose(schedule.rate(at: 51, base: 0.1), 0.055)
        optClose(schedule.rate(at: 26, base: 0.1), 0.01 + 0.09 * (1 + (0.5).squareRoot()) / 2)
        optClose(schedule.rate(at: 101, base: 0.1), 0.01)
        optClose(schedule.rate(at: 5000, base: 0.1), 0.01)
    }

    @Test func warmupOnTheSameClock() throws {
        let plain = WarmupSchedule(steps: 10)
        optClose(plain.rate(at: 1, base: 0.1), 0.01)
        optClose(plain.rate(at: 5, base: 0.1), 0.05)
        #expect(plain.rate(at: 10, base: 0.1) == 0.1)
        #expect(plain.rate(at: 11, base: 0.1) == 0.1)
        let cosine = try ScheduleSyntax.parse("warmup steps=10 then cosine steps=100")
        let inner = CosineSchedule(steps: 100)
        optClose(cosine.rate(at: 5, base: 0.1), inner.rate(at: 5, base: 0.1) * 5 / 10)
        optClose(cosine.rate(at: 50, base: 0.1), inner.rate(at: 50, base: 0.1))
        #expect(cosine.rate(at: 101, base: 0.1) == 0)
    }

    @Test func descriptionsRoundTrip() throws {
        let cases: [(String, String)] = [
            ("constant", "constant"),
            ("step 0.1 400:0.01 700:0.001", "step 0.1 400:0.01 700:0.001"),
            ("step 400:1e-3", "step 400:0.001"),
            ("step gamma=0.5 every=100", "step gamma=0.5 every=100"),
            ("step every=30", "step gamma=0.1 every=30"),
            ("exp gamma=0.99", "exp gamma=0.99"),
            ("exp", "exp gamma=0.99"),
            ("inverse-time decay=0.01", "inverse-time decay=0.01"),
            ("cosine steps=1000 min=0", "cosine steps=1000 min=0"),
            ("cosine min=1e-4", "cosine steps=1000 min=0.0001"),
            ("warmup steps=100", "warmup steps=100"),
            ("warmup steps=100 then cosine steps=1000", "warmup steps=100 then cosine steps=1000 min=0"),
            ("warmup steps=5 step 0.1 400:0.01", "warmup steps=5 then step 0.1 400:0.01"),
        ]
        for (text, expected) in cases {
            let schedule = try ScheduleSyntax.parse(text)
            #expect(schedule.description == expected)
            let again = try ScheduleSyntax.parse(schedule.description)
            #expect(again.description == expected)
            for step in [1, 2, 50, 400, 401, 1001] {
                #expect(again.rate(at: step, base: 0.1) == schedule.rate(at: step, base: 0.1))
            }
        }
    }

    @Test func parserErrors() {
        func failure(_ text: String) -> OptionError? {
            do {
                _ = try ScheduleSyntax.parse(text)
                return nil
            } catch {
                return error
            }
        }
        #expect(failure("cosnie steps=10")?.hint == "did you mean 'cosine'?")
        #expect(failure("exp gama=0.9")?.hint == "did you mean 'gamma'?")
        #expect(failure("")?.message == "schedule needs a kind")
        #expect(failure("step") != nil)
        #expect(failure("step gamma=0.5")?.message == "step decay needs every=N")
        #expect(failure("step 400:0.01 300:0.001")?.key == "300:0.001")
        #expect(failure("step 0.1 x:0.01") != nil)
        #expect(failure("step 0.1 400:abc") != nil)
        #expect(failure("step 400:0.01 0.1") != nil)
        #expect(failure("step 0.1 400:0.01 every=3") != nil)
        #expect(failure("constant now") != nil)
        #expect(failure("warmup steps=10 then") != nil)
        #expect(failure("warmup steps=10 then warmup steps=3") != nil)
        #expect(failure("cosine steps=0") != nil)
        #expect(failure("cosine steps=2.5") != nil)
        #expect(failure("exp 0.9")?.hint == "write: schedule exp gamma=G")
    }

    @Test func kindsListed() {
        #expect(ScheduleKind.all.map(\.name) == ["constant", "step", "exp", "inverse-time", "cosine", "warmup"])
        #expect(ScheduleKind.named("COSINE")?.options.map(\.name) == ["steps", "min"])
    }
}

/// `actual` within a relative `rel` of `expected`.
private func optClose(_ actual: Double, _ expected: Double, rel: Double = 1e-12, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let scale = Swift.max(Swift.abs(expected), 1e-300)
    #expect(Swift.abs(actual - expected) <= rel * scale, "\(actual) vs expected \(expected)", sourceLocation: sourceLocation)
}
