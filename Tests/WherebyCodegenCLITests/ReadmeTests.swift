import Foundation
import TestSupport
import Testing

/// What the README shows a maintainer is what the tools do: its usage lists every option the
/// tool's help lists, its sample diagnostic is one the generator prints, and every command in
/// its shell blocks is run, here or by a named check.
@Suite struct ReadmeTests {
    static let readme: String = {
        let url = CLITests.repositoryRoot.appendingPathComponent("README.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    /// The fenced blocks of the README with the given info string (`sh`, or "" for plain ones).
    static func blocks(_ language: String) -> [String] {
        var blocks: [String] = []
        var open: (language: Substring, lines: [Substring])?
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("```") else {
                open?.lines.append(line)
                continue
            }
            if let block = open {
                if block.language == language { blocks.append(block.lines.joined(separator: "\n")) }
                open = nil
            } else {
                open = (line.dropFirst(3), [])
            }
        }
        return blocks
    }

    /// The long options (`--spec`) named in `text`, in order of first mention.
    static func options(in text: String) -> [String] {
        var found: [String] = []
        let scanner = text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") })
        for word in scanner where word.hasPrefix("--") && word.count > 2 && !found.contains(String(word)) {
            found.append(String(word))
        }
        return found
    }

    /// The shell commands of the README's `sh` blocks, one per line, comments and prompts left out.
    static var shellCommands: [String] {
        blocks("sh").flatMap { $0.split(separator: "\n") }
            .map { line in
                let text = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                return text.trimmingCharacters(in: .whitespaces)
            }
            .filter { !$0.isEmpty }
    }

    @Test(arguments: ["generate", "diff", "bundle"])
    func theUsageListsEveryOptionTheHelpLists(subcommand: String) async throws {
        let help = try await CLITests().run([subcommand, "--help"])
        #expect(help.status == 0)
        let helpOptions = Set(Self.options(in: help.standardOutput)).subtracting(["--help"])
        #expect(helpOptions.count >= 2, "\(help.standardOutput)")
        // The usages of `generate` and `bundle` are plain blocks of their own; `diff` is shown in a shell block.
        let usage = Self.blocks("").first { $0.contains("whereby-codegen \(subcommand) ") }
            ?? Self.shellCommands.first { $0.contains("whereby-codegen \(subcommand) ") }
        let shown = Set(Self.options(in: try #require(usage, "no usage of \(subcommand) in the README")))
        #expect(helpOptions.subtracting(shown).isEmpty, "missing from the README's usage: \(helpOptions.subtracting(shown).sorted())")
        #expect(shown.subtracting(helpOptions).isEmpty, "the README's usage names options the tool lacks: \(shown.subtracting(helpOptions).sorted())")
    }

    @Test func everyGenerateOptionIsExplained() async throws {
        let help = try await CLITests().run(["generate", "--help"])
        let section = try #require(Self.readme.components(separatedBy: "\n## Generating\n").last?.components(separatedBy: "\n### ").first)
        for option in Set(Self.options(in: help.standardOutput)).subtracting(["--help"]).sorted() {
            #expect(section.contains("`\(option)"), "the Generating section does not explain \(option)")
        }
    }

    @Test func theSampleDiagnosticIsOneTheGeneratorPrints() async throws {
        let sample = try #require(Self.blocks("").first { $0.contains(": warning: ") })
        let folder = try CLITests().temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await CLITests().run(["generate", "--no-overlay", "--output", folder.path, "--quiet"])
        #expect(result.standardError.split(separator: "\n").contains(Substring(sample)), "\(sample)")
    }

    /// How each command the README shows is run; a command missing here fails the test below.
    static let checks: [(command: String, checkedBy: String)] = [
        ("(pkg-config --exists yaml-0.1 || (apt-get update && apt-get install -y libyaml-dev pkg-config)) && swift run whereby-codegen generate", "CLITests.checkPassesOnTheCommittedOutput; the session's fresh-clone run"),
        ("swift test && swift test --package-path Tests/Integration && Tests/Packaging/check-packaging.sh", ".ci/run"),
        ("swift run whereby-codegen diff old/whereby.json spec/whereby.json [--no-overlay] [--fail-on-breaking]", "ReadmeTests.theCodegenCommandsRun"),
        ("swift package --allow-writing-to-package-directory regenerate-whereby-client", "Tests/Packaging/check-packaging.sh plugin"),
        ("swift run whereby-codegen bundle [--output whereby.bundle.yaml]", "ReadmeTests.theCodegenCommandsRun; Tests/Packaging/check-packaging.sh bundle"),
        // In the integration package (Tests/Integration/Tests/WherebyMockTests), which runs the built binary.
        ("swift run --package-path Tests/Integration whereby-mock", "CommandLineTests.printsItsURLAndServesTheDevelopmentKey"),
    ]

    @Test func everyShellCommandIsRunByACheck() throws {
        let known = Set(Self.checks.map(\.command))
        for command in Self.shellCommands {
            #expect(known.contains(command), "the README shows `\(command)`: run it in a test or a check and add it to ReadmeTests.checks")
        }
        let ci = try String(contentsOf: CLITests.repositoryRoot.appendingPathComponent(".ci/run"), encoding: .utf8)
        #expect(ci.contains("\nswift test && swift test --package-path Tests/Integration && Tests/Packaging/check-packaging.sh\n"), ".ci/run runs the README's test command")
        let packaging = try String(contentsOf: CLITests.repositoryRoot.appendingPathComponent("Tests/Packaging/check-packaging.sh"), encoding: .utf8)
        #expect(packaging.contains("swift package --allow-writing-to-package-directory regenerate-whereby-client"))
    }

    @Test func theCodegenCommandsRun() async throws {
        let folder = try CLITests().temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = CLITests.repositoryRoot.appendingPathComponent("spec")
        try FileManager.default.copyItem(at: spec, to: folder.appendingPathComponent("spec"))
        try FileManager.default.copyItem(at: spec, to: folder.appendingPathComponent("old"))
        let commands = Self.shellCommands.filter { $0.hasPrefix("swift run whereby-codegen ") }
        #expect(!commands.isEmpty)
        for command in commands {
            // Each optional part once left out and once given, as a maintainer would type it.
            let plain = command.replacingOccurrences(of: #" \[[^\]]*\]"#, with: "", options: .regularExpression)
            let full = command.replacingOccurrences(of: "[", with: "").replacingOccurrences(of: "]", with: "")
            for variant in Set([plain, full]).sorted() {
                let arguments = variant.dropFirst("swift run whereby-codegen ".count).split(separator: " ").map(String.init)
                let result = try await CLITests().run(arguments, in: folder)
                #expect(result.status == 0, "`\(variant)` exited \(result.status): \(result.standardError)")
            }
        }
    }
}
