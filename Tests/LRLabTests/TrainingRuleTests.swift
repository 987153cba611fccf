import Testing
@testable import LRLab

/// The registry of training rules: named, ordered, documented from the list, and open to a
/// new rule by one line.
@Suite struct TrainingRuleTests {
    static let standard = TrainingRules.standard.rules
    typealias F = TrainingRuleFixture

    @Test func namesAreUniqueShortAndApartFromTheRunRules() {
        let names = Self.standard.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { !$0.isEmpty && $0.count <= 16 && !$0.contains(" ") })
        #expect(Set(names).isDisjoint(with: Diagnosis.rules.map(\.name)))
        #expect(TrainingDiagnosis.rules.map(\.name) == names)
    }

    /// The rules give exactly the outcomes a training can have, in the shared vocabulary.
    @Test func theRulesGiveEveryTrainingOutcome() {
        #expect(Set(Self.standard.map(\.outcome)) == Set(TrainingVerdict.Kind.allCases.map(\.outcome)))
    }

    /// The fit stage ends with a rule that always holds, so a trained epoch always gets a fit
    /// verdict named after a rule.
    @Test(arguments: [[1.0, 0.5], [1, 0.01], [1, 0.01, 0.01, 0.01]])
    func everyTrainingGetsAVerdictOfARule(train: [Double]) {
        let verdicts = F.verdicts(train, validation: train)
        #expect(verdicts.allSatisfy { verdict in Self.standard.contains { $0.name == verdict.rule } })
    }

    /// The documentation is made from the list: each rule's line, in the registry's order,
    /// under its stage, every line within 80 columns.
    @Test func theDocumentationListsTheRulesInOrder() {
        let lines = TrainingRules.standard.documentation(width: 80)
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.filter { $0.count > 80 })")
        let named = lines.compactMap { line -> String? in
            guard line.hasPrefix("  "), let word = line.split(separator: " ").first else { return nil }
            return Self.standard.contains { $0.name == word } ? String(word) : nil
        }
        let byStage = TrainingStage.allCases.flatMap { stage in Self.standard.filter { $0.stage == stage }.map(\.name) }
        #expect(named == byStage)
        #expect(named == Self.standard.map(\.name), "the standard list is written stage by stage")
        #expect(TrainingDiagnosis.ruleLines() == lines)
    }

    /// A rule is its file (`ToyTrainingRule.swift`) and one line in a registry: it decides
    /// where it holds, in its place, and the documentation lists it there.
    @Test func aToyRuleIsItsFileAndOneRegistryLine() throws {
        var registry = TrainingRules.standard
        registry.rules.insert(ExactFitRule(), at: registry.rules.firstIndex { $0.stage == .fit } ?? 0)
        // Training loss 0 against validation 0.5: a wide gap by the standard rules.
        #expect(F.said([1, 0], validation: [1, 0.5]) == ["overfitting@wide-gap"])
        let toy = F.verdicts([1, 0], validation: [1, 0.5], rules: registry)
        #expect(toy.map(\.rule) == ["exact-fit"] && toy[0].kind == .goodFit && toy[0].summary.text == "fitting every training row exactly")
        // Where it does not hold, the registry decides as the standard one.
        #expect(F.verdicts([1, 0.125], validation: [1, 0.5], rules: registry) == F.verdicts([1, 0.125], validation: [1, 0.5]))

        let documentation = registry.documentation()
        let line = try #require(documentation.firstIndex { $0.hasPrefix("  exact-fit") })
        let heading = try #require(documentation.firstIndex { $0.hasPrefix(TrainingStage.fit.heading) })
        #expect(line == heading + 1)
        #expect(!TrainingRules.standard.documentation().contains { $0.contains("exact-fit") })
    }

    /// Lesson 10's line on a sine, in miniature: validation lowest after the first epoch and
    /// rising while the training loss falls, then both flat, the training loss still high
    /// (37.5% of the constant's) and validation within 2× of it. `high-loss` comes first and
    /// says underfitting; without it the rise would read as overfitting.
    @Test func aHighTrainingLossIsUnderfittingThoughValidationRose() {
        let train = [1, 0.5, 0.375, 0.375, 0.375], validation = [1, 0.25, 0.5, 0.5, 0.5]
        #expect(F.said(train, validation: validation) == ["underfitting@high-loss"])
        let withoutHighLoss = TrainingRules(rules: TrainingRules.standard.rules.filter { $0.name != "high-loss" })
        #expect(F.said(train, validation: validation, rules: withoutHighLoss) == ["overfitting@validation-rose"])
    }
}
