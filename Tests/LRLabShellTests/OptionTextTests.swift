import Testing
@testable import LRLab
@testable import LRLabShell

/// The words of `opt NAME key=value ...` read into the engine's typed values.
@Suite struct OptionTextTests {
    @Test func unknownOptimizerAndOptionSuggest() {
        let optimizer = #expect(throws: OptionError.self) { try OptimizerConfiguration(name: "adma", options: []) }
        #expect(optimizer?.hint == "did you mean 'adam'?")
        let option = #expect(throws: OptionError.self) {
            try OptimizerConfiguration(name: "rmsprop", options: [("convention", "pytroch")])
        }
        #expect(option?.hint == "did you mean 'pytorch'?")
    }

    @Test func valuesAreTypedAndOutOfRangeIsRefused() throws {
        let momentum = try OptimizerConfiguration(name: "momentum", options: [("momentum", "0.5")])
        #expect(momentum.values.number("momentum") == 0.5)
        #expect(try OptimizerConfiguration(name: "adam", options: [("amsgrad", nil)]).values.flag("amsgrad"))
        #expect(momentum.values.isGiven("momentum") && !momentum.values.isGiven("dampening"))
        let error = #expect(throws: OptionError.self) { try OptimizerConfiguration(name: "momentum", options: [("momentum", "2")]) }
        #expect(error?.message == "momentum=2 is out of range")
    }
}
