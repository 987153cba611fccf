import Testing
@testable import LRLab

/// The registry of diagnosis rules: named, ordered, documented from the list, and open to a
/// new rule by one line.
@Suite struct DiagnosisRuleTests {
    static let standard = DiagnosisRules.standard.rules

    @Test func namesAreUniqueAndShort() {
        let names = Self.standard.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { !$0.isEmpty && $0.count <= 16 && !$0.contains(" ") })
        #expect(Diagnosis.rules.map(\.name) == names)
    }

    /// Every outcome a run can have is given by some rule, and no rule gives a training's word.
    @Test func theRulesGiveEveryRunOutcome() {
        let given = Set(Self.standard.map(\.outcome))
        #expect(given == Set(Verdict.Kind.allCases.map(\.outcome)))
    }

    /// Each phase of the standard registry ends with a rule that always holds, so the
    /// registry's fallback is never reached: on one run of each phase the verdict names a rule.
    @Test(arguments: [(0.125, 0), (0.125, 10), (0.25, 1), (1e6, 100)])
    func everyPhaseEndsInAVerdictOfARule(rate: Double, steps: Int) throws {
        let run = try DiagnosisFixture.run(DiagnosisFixture.parabola(4), from: [1], lr: rate, steps: steps)
        let verdict = run.verdict()
        #expect(Self.standard.map(\.name).contains(verdict.rule), "\(verdict.summary.text)")
    }

    /// The documentation is made from the list: each rule's line, in the registry's order,
    /// under its phase, every line within 80 columns.
    @Test func theDocumentationListsTheRulesInOrder() {
        let lines = DiagnosisRules.standard.documentation(width: 80)
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.filter { $0.count > 80 })")
        let named = lines.compactMap { line -> String? in
            guard line.hasPrefix("  "), let word = line.split(separator: " ").first else { return nil }
            return Self.standard.contains { $0.name == word } ? String(word) : nil
        }
        let byPhase = DiagnosisPhase.allCases.flatMap { phase in Self.standard.filter { $0.phase == phase }.map(\.name) }
        #expect(named == byPhase)
        #expect(Diagnosis.ruleLines() == lines)
    }

    /// A rule is its file (`ToyDiagnosisRule.swift`) and one line in a registry: it decides
    /// where it holds, in its place, and the documentation lists it there.
    @Test func aToyRuleIsItsFileAndOneRegistryLine() throws {
        var registry = DiagnosisRules.standard
        registry.rules.insert(SeventhStepRule(), at: registry.rules.firstIndex { $0.phase == .running } ?? 0)

        var run = try DiagnosisFixture.run(DiagnosisFixture.parabola(4), from: [1], lr: 0.125, steps: 7)
        let seventh = Diagnosis.verdict(for: run, rules: registry)
        #expect(seventh.rule == "seventh-step" && seventh.kind == .stuck && seventh.summary.text == "at the seventh step")
        #expect(run.verdict().rule == "descending")
        run.run(1)
        #expect(Diagnosis.verdict(for: run, rules: registry) == run.verdict())

        let documentation = registry.documentation()
        let line = try #require(documentation.firstIndex { $0.hasPrefix("  seventh-step") })
        let heading = try #require(documentation.firstIndex { $0.hasPrefix("still running") })
        #expect(line == heading + 1)
        #expect(!DiagnosisRules.standard.documentation().contains { $0.contains("seventh-step") })
    }
}
