import Testing
import Foundation
import LRLab

/// A run steps every optimizer through one loop (`RunProgress.advance`), reached through
/// `Optimizer.takeSteps`, whose default the compiler builds for each optimizer type of the
/// engine: there is no list of types compiled specially, so no optimizer, shipped or added
/// later, can fall onto a slower path than the others. These tests fail if such a list comes
/// back: a `@_specialize` anywhere in the engine, the run's step loop naming a registered
/// optimizer's type, or an optimizer writing its own `takeSteps` instead of the default.
@Suite struct RunSpeedPathTests {
    /// `Sources/LRLab`, found from this file's place in the repository.
    static let engineSources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/LRLab")

    static func swiftFiles() throws -> [URL] {
        let enumerator = FileManager.default.enumerator(at: engineSources, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "swift" }
    }

    /// The code of `text` without its comments (whole-line `//` and `///` comments).
    static func code(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
    }

    @Test func theEngineSpecializesNothingByHand() throws {
        let files = try Self.swiftFiles()
        #expect(files.count > 50, "found \(files.count) files under \(Self.engineSources.path)")
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(!Self.code(text).contains { $0.contains("@_specialize") }, "\(file.lastPathComponent) specializes by hand")
        }
    }

    /// `takeSteps` is written once, as `Optimizer`'s default: an optimizer that wrote its
    /// own would leave the engine's step loop.
    @Test func onlyTheProtocolWritesTakeSteps() throws {
        let writers = try Self.swiftFiles().filter { file in
            let text = try String(contentsOf: file, encoding: .utf8)
            return Self.code(text).contains { $0.contains("func takeSteps(") && $0.contains("RunProgress") }
        }
        #expect(writers.map(\.lastPathComponent) == ["Optimizer.swift"])
    }

    /// Every registered optimizer's type, and the run loop's files, which must name none of them.
    @Test(arguments: OptimizerRegistry.standard.kinds.map(\.name))
    func theRunLoopNamesNoOptimizerType(kind name: String) throws {
        let kind = try #require(OptimizerRegistry.standard.kind(named: name))
        let typeName = String(describing: type(of: kind.make(kind.defaultValues)))
        for file in ["Runs/RunProgress.swift", "Runs/RunProgress+Ending.swift", "Runs/Run.swift", "Runs/Run+Ending.swift"] {
            let text = try String(contentsOf: Self.engineSources.appendingPathComponent(file), encoding: .utf8)
            let naming = Self.code(text).filter { line in
                line.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "_" }).contains { $0 == typeName }
            }
            #expect(naming.isEmpty, "\(file) names \(typeName): \(naming)")
        }
    }
}
