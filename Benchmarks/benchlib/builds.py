"""What generated code costs in a build: the plugin on every `swift build`, and compiling it.

Plugin: two copies of each package, one whose client target runs the generator's build plugin
and one with the same generated files checked in as sources; the difference between their
no-op builds is what the plugin adds to every build. Then the build after touching the
document, which reruns the generator.

Compile time: a package with one target holding only the generated files, on top of each
generator's runtime library (OpenAPIClientSupport for ours, swift-openapi-runtime for theirs).
The dependencies are built once; each measured run removes that target's build products and
runs the compiler invocation SwiftPM makes for it, so the time is the generated module's clean
compile alone. Peak memory is the largest process of that invocation: a compiler frontend.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from . import common, generation
from .report import Report, table

BUILDS = common.WORK / "builds"
TRIPLE_GLOB = "*-unknown-linux-gnu"


def clear_keeping_build(package: Path) -> None:
    """Empties a scratch package but for its .build, so a second run builds incrementally."""
    package.mkdir(parents=True, exist_ok=True)
    for child in package.iterdir():
        if child.name == ".build":
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def copy_repository(destination: Path) -> None:
    """The files git would commit, without build folders: what a clone of the package holds."""
    clear_keeping_build(destination)
    files = common.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=common.REPO).stdout.splitlines()
    for name in files:
        source = common.REPO / name
        # Benchmarks/ and the integration package (Tests/Integration) are not part of the package
        # an app builds; the root manifest names nothing in them.
        if not source.is_file() or name.startswith(("Benchmarks/", "Tests/Integration/")):
            continue
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)


def swift_build(package: Path, *arguments: str) -> list[str]:
    return ["swift", "build", "--package-path", str(package), *arguments]


# MARK: - The plugin on every build

def our_plugin_packages() -> tuple[Path, Path]:
    """This repository as is, and the same with generated/ checked in as WherebyAPI's sources."""
    with_plugin, without_plugin = BUILDS / "ours-plugin", BUILDS / "ours-sources"
    copy_repository(with_plugin)
    copy_repository(without_plugin)
    manifest = without_plugin / "Package.swift"
    text = manifest.read_text()
    replaced = text.replace(',\n            plugins: ["WherebyCodegenPlugin"]', "")
    if replaced == text:
        raise RuntimeError("Package.swift no longer names the plugin the way builds.py expects")
    manifest.write_text(replaced)
    generated = without_plugin / "Sources/WherebyAPI/Generated"
    generated.mkdir()
    for file in sorted((common.REPO / "generated").glob("*.swift")):
        shutil.copy2(file, generated / file.name)
    return with_plugin, without_plugin


PEER_MANIFEST = """// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "PeerClient",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "{generator}"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/apple/swift-openapi-urlsession", from: "1.4.0"),
    ],
    targets: [
        .target(
            name: "PeerWhereby",
            dependencies: [
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
            ]{plugins}
        ),
    ]
)
"""

# The options generation.py gives theirs (PEER_OPTIONS), so the plugin writes the same files the
# checked-in variant holds.
PEER_CONFIG = "generate:\n  - types\n  - client\naccessModifier: public\nnamingStrategy: idiomatic\n"


def peer_plugin_packages(document: Path, sources: Path) -> tuple[Path, Path]:
    """A package whose target runs swift-openapi-generator's build plugin on the patched Whereby
    document, and the same with the files that plugin writes checked in."""
    with_plugin, without_plugin = BUILDS / "theirs-plugin", BUILDS / "theirs-sources"
    for package, plugins in [(with_plugin, True), (without_plugin, False)]:
        clear_keeping_build(package)
        target = package / "Sources/PeerWhereby"
        target.mkdir(parents=True)
        plugin_line = ',\n            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]' if plugins else ""
        (package / "Package.swift").write_text(PEER_MANIFEST.replace("{generator}", common.PEER_VERSION).replace("{plugins}", plugin_line))
        # A target needs a Swift file of its own before a plugin can add the generated ones.
        (target / "PeerWhereby.swift").write_text("// The generated client of the patched Whereby document.\n")
        if plugins:
            shutil.copy2(document, target / "openapi.json")
            (target / "openapi-generator-config.yaml").write_text(PEER_CONFIG)
        else:
            for file in sorted(sources.glob("*.swift")):
                shutil.copy2(file, target / file.name)
    return with_plugin, without_plugin


def plugin_rows(runs: int) -> tuple[list[list[str]], dict]:
    ours_plugin, ours_sources = our_plugin_packages()
    theirs_plugin, theirs_sources = peer_plugin_packages(generation.documents()["whereby-patched"], generation.generated_sources("theirs", "whereby"))
    cases = [
        ("ours", ours_plugin, ours_sources, ["--target", "WherebyAPI"], ours_plugin / "spec/whereby.json"),
        ("theirs", theirs_plugin, theirs_sources, ["--target", "PeerWhereby"], theirs_plugin / "Sources/PeerWhereby/openapi.json"),
    ]
    rows, data = [], {}
    for name, with_plugin, without_plugin, target, document in cases:
        common.log(f"first builds of {name} (with and without the plugin)")
        for package in (with_plugin, without_plugin):
            common.run(swift_build(package, *target))
        plugin = common.measure(swift_build(with_plugin, *target), runs)
        plain = common.measure(swift_build(without_plugin, *target), runs)
        touched = common.measure(swift_build(with_plugin, *target), runs, before_each=lambda d=document: d.touch())
        added = plugin.median_s - plain.median_s
        data[name] = {"no_op_with_plugin": plugin, "no_op_without_plugin": plain, "after_touching_document": touched, "plugin_adds_s": added}
        rows.append([name, plugin.seconds(), plain.seconds(), common.format_seconds(max(added, 0.0)), touched.seconds()])
    return rows, data


# MARK: - Compiling the generated module

COMPILE_MANIFEST = """// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "CompileGenerated",
    platforms: [.macOS(.v14)],
    dependencies: [{dependency}],
    targets: [
        .target(name: "Generated", dependencies: [{product}]),
    ]
)
"""

# Each generator's runtime: the package, the product the generated code imports, and its target.
RUNTIMES = {
    "ours": ('.package(name: "whereby-swift", path: "{repo}")', '.product(name: "OpenAPIClientSupport", package: "whereby-swift")', "OpenAPIClientSupport"),
    "theirs": ('.package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4")', '.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")', "OpenAPIRuntime"),
}


def compile_package(kind: str, document: str) -> Path:
    package = BUILDS / f"compile-{kind}-{document}"
    sources = package / "Sources/Generated"
    if sources.exists():
        shutil.rmtree(sources)
    sources.mkdir(parents=True)
    for file in sorted(generation.generated_sources(kind, document).glob("*.swift")):
        shutil.copy2(file, sources / file.name)
    dependency, product, _ = RUNTIMES[kind]
    (package / "Package.swift").write_text(
        COMPILE_MANIFEST.replace("{dependency}", dependency.replace("{repo}", str(common.REPO))).replace("{product}", product))
    return package


# What SwiftPM writes when it plans a build rather than when it compiles; a build that finds
# them missing fails instead of recreating them.
PLANNED_FILES = {"output-file-map.json", "sources", "include"}


def remove_target_products(package: Path, configuration: str) -> None:
    """Removes what compiling the Generated target produced: objects, dependency files, the
    incremental build's records and the module, so the next build compiles it from clean."""
    for directory in (package / ".build").glob(f"{TRIPLE_GLOB}/{configuration}"):
        products = [p for p in (directory / "Generated.build").glob("*") if p.name not in PLANNED_FILES]
        for product in products + list(directory.glob("Modules/Generated.*")):
            if product.is_dir():
                shutil.rmtree(product)
            else:
                product.unlink()


def compiler_command(package: Path, kind: str, configuration: str) -> list[str]:
    """The compiler invocation SwiftPM plans for the Generated target, so the measurement is the
    compiler's work alone, without SwiftPM's fixed cost of a build.

    Building the runtime target plans the whole package and builds every dependency; the
    invocation is then read from the build manifest (`.build/<configuration>.yaml`), with the
    source list SwiftPM would write at build time given inline.
    """
    common.run(swift_build(package, "-c", configuration, "--target", RUNTIMES[kind][2]))
    manifest = package / ".build" / f"{configuration}.yaml"
    sources = [str(f) for f in sorted((package / "Sources/Generated").glob("*.swift"))]
    for line in manifest.read_text().splitlines():
        line = line.strip()
        if line.startswith("args: [") and '"-module-name","Generated"' in line:
            words = json.loads(line[len("args: "):])
            if not words[0].endswith("/swiftc"):
                continue
            command: list[str] = []
            for word in words:
                if word.startswith("@") and word.endswith("/Generated.build/sources"):
                    command += sources
                elif word not in ("-v", "-parseable-output"):
                    command.append(word)
            return command
    raise RuntimeError(f"{manifest} plans no compiler invocation for the Generated target")


def compile_stats(kind: str, document: str, configuration: str, runs: int, timeout: float = common.TIMEOUT_SECONDS,
                  memory_limit_bytes: int | None = None) -> common.Stats:
    """`runs` clean compiles of `kind`'s module for `document` in `configuration`. Raises
    `common.TimedOut` past `timeout` and `common.CommandFailed` when the compiler fails."""
    package = compile_package(kind, document)
    common.log(f"compiling the {document} module, {kind} ({configuration}), {runs} runs")
    command = compiler_command(package, kind, configuration)
    return common.measure(command, runs, cwd=package, warmup=0, timeout=timeout, memory_limit_bytes=memory_limit_bytes,
                          before_each=lambda: remove_target_products(package, configuration))


# Ours/theirs for Whereby's module, in time and memory.
TARGET = 0.5


def compile_rows(runs: int) -> tuple[list[list[str]], dict]:
    """Whereby's module in debug and release, ours against theirs."""
    rows, data = [], {}
    for configuration in ("debug", "release"):
        ours, theirs = (compile_stats(kind, "whereby", configuration, runs) for kind in ("ours", "theirs"))
        data[f"whereby-{configuration}"] = {"ours": ours, "theirs": theirs}
        met = len(common.measures_within(ours, theirs, TARGET)) == len(common.COMPILE_MEASURES)
        rows.append([f"Whereby, {configuration}", str(runs),
                     ours.seconds(), theirs.seconds(), common.ratio(ours.median_s, theirs.median_s),
                     common.format_seconds(ours.cpu_median_s), common.format_seconds(theirs.cpu_median_s),
                     common.ratio(ours.cpu_median_s, theirs.cpu_median_s),
                     ours.memory(), theirs.memory(), common.ratio(ours.peak_median_bytes, theirs.peak_median_bytes),
                     f"≤ {TARGET}×: {'met' if met else 'MISSED'}"])
    return rows, data


def benchmark(runs: int) -> Report:
    plugin, plugin_data = plugin_rows(runs)
    compiled, compile_data = compile_rows(runs)
    markdown = "\n\n".join([
        "**The build plugin on every build.** `swift build --target …` of a package whose client target "
        "runs the plugin, against the same package with the generated files checked in; theirs runs "
        "its `OpenAPIGenerator` plugin on the patched Whereby document. Target: ours adds under 0.3 s. "
        "SwiftPM loads every manifest of a package's graph on each build, so a no-op build's time "
        "depends on the graph as well as on the plugin; the plugin's own cost is the difference "
        "between the two columns.",
        table(["generator", "no-op build, plugin", "no-op build, checked-in sources", "the plugin adds", "after touching the document"], plugin),
        "**Compiling the generated module** from clean: the compiler invocation SwiftPM plans for a "
        "target holding only the generated files (read from its build manifest, the dependencies "
        "already built), timed alone: wall time, processor time (user and system, every process "
        "of the compile; other work on the machine changes it far less than wall time) and the "
        "largest process's memory. Target: ours/theirs ≤ 0.5× in time and memory. The large "
        "document's module has a section of its own (`large`).",
        table(["module", "runs", "ours", "theirs", "ratio", "ours, CPU", "theirs, CPU", "ratio",
               "ours, memory", "theirs, memory", "ratio", "target"], compiled),
    ])
    return Report("Builds", markdown, {"plugin": plugin_data, "compile": compile_data})
