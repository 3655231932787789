"""What an app pays to depend on the client: resolution, its first build, rebuilds, no-op builds.

Two new app packages, each with one executable target that makes a client, built the way an
app developer builds them:

- ours depends on this repository by URL (a bare clone of HEAD, as an app depends on a release)
  and imports only `WherebyAPI`, whose build plugin generates the client from `spec/`;
- theirs depends on swift-openapi-generator's `OpenAPIGenerator` plugin, swift-openapi-runtime and
  swift-openapi-urlsession, with the patched Whereby document and the options the generation
  section gives theirs in its target, as that generator's documentation sets up an app.

Each run starts from an empty app folder; SwiftPM's shared repository cache stays warm, as on a
developer's machine. It measures `swift package resolve` (and what it checked out), the first
debug build, the build right after it with nothing changed, the build after adding a source
file, and no-op builds. Which builds after the first ran the generator, and relinked it, comes
from what SwiftPM prints for each build.
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import time
from pathlib import Path

from . import builds, common, generation
from .report import Report, table

APPS = common.WORK / "apps"
# Targets from issue 14: the first debug build under a minute here and at most half of theirs.
FIRST_BUILD_TARGET_S = 60.0
FIRST_BUILD_RATIO = 0.5
NO_OP_RUNS = 5

OUR_MANIFEST = """// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "OurApp",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "{url}", revision: "{revision}"),
    ],
    targets: [
        .executableTarget(name: "App", dependencies: [.product(name: "WherebyAPI", package: "whereby-swift")]),
    ]
)
"""

OUR_MAIN = """import WherebyAPI

let whereby = WherebyClient(apiKey: "app-benchmark-key")
print(type(of: whereby))
"""

THEIR_MAIN = """import Foundation
import OpenAPIURLSession

let whereby = Client(serverURL: URL(string: "https://api.whereby.dev/v1")!, transport: URLSessionTransport())
print(type(of: whereby))
"""

# What each generator's build plugin prints when SwiftPM runs it, and when SwiftPM links it.
GENERATOR_RUN = {"ours": "Generating the Whereby client", "theirs": "Running swift-openapi-generator"}
GENERATOR_LINK = {"ours": "Linking whereby-codegen-tool", "theirs": "Linking swift-openapi-generator-tool"}


def our_repository() -> tuple[str, str]:
    """A bare clone of this repository's HEAD, by file URL, and the commit the app pins."""
    bare = APPS / "whereby-swift.git"
    if bare.exists():
        shutil.rmtree(bare)
    common.run(["git", "clone", "--quiet", "--bare", str(common.REPO), str(bare)])
    revision = common.run(["git", "rev-parse", "HEAD"], cwd=common.REPO).stdout.strip()
    return bare.as_uri(), revision


def make_app(kind: str, repository: tuple[str, str]) -> Path:
    """An empty app folder with the manifest and sources of `kind`'s app."""
    app = APPS / f"{kind}-app"
    if app.exists():
        shutil.rmtree(app)
    sources = app / "Sources/App"
    sources.mkdir(parents=True)
    if kind == "ours":
        url, revision = repository
        (app / "Package.swift").write_text(OUR_MANIFEST.replace("{url}", url).replace("{revision}", revision))
        (sources / "main.swift").write_text(OUR_MAIN)
    else:
        manifest = builds.PEER_MANIFEST.replace("{generator}", common.PEER_VERSION).replace("PeerWhereby", "App").replace(
            ".target(", ".executableTarget(").replace(
            "{plugins}", ',\n            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]')
        (app / "Package.swift").write_text(manifest)
        shutil.copy2(generation.documents()["whereby-patched"], sources / "openapi.json")
        (sources / "openapi-generator-config.yaml").write_text(builds.PEER_CONFIG)
        (sources / "main.swift").write_text(THEIR_MAIN)
    return app


def timed(argv: list[str], cwd: Path) -> tuple[float, str]:
    """Runs a command, returning its wall time and what it printed; raises when it fails."""
    start = time.perf_counter()
    result = subprocess.run(argv, cwd=cwd, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            timeout=common.TIMEOUT_SECONDS)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed in {cwd}:\n{result.stdout[-4000:]}")
    return elapsed, result.stdout


def checked_out(app: Path) -> list[str]:
    return sorted(p.name for p in (app / ".build/checkouts").iterdir() if p.is_dir())


def built_packages(app: Path) -> set[str]:
    """The checked-out packages with at least one module built: a module's build folder is named
    after its target (`Target.build`, `Target-tool.build` for a plugin's tool)."""
    def key(name: str) -> str:
        return name.removesuffix("-tool").replace("-", "_").lower()

    modules = {key(p.name.removesuffix(".build")) for p in (app / ".build").glob(f"{builds.TRIPLE_GLOB}/debug/*.build")}
    packages = set()
    for checkout in (app / ".build/checkouts").iterdir():
        targets = [p.name for folder in ("Sources", "Plugins") if (checkout / folder).is_dir() for p in (checkout / folder).iterdir()]
        if any(key(target) in modules for target in targets):
            packages.add(checkout.name)
    return packages


def one_run(kind: str, repository: tuple[str, str]) -> dict:
    app = make_app(kind, repository)
    resolve_s, _ = timed(["swift", "package", "resolve"], app)
    checkouts = checked_out(app)
    first_s, _ = timed(["swift", "build"], app)
    rebuild_s, rebuild_log = timed(["swift", "build"], app)
    (app / "Sources/App/Added.swift").write_text("let added = 1\n")
    added_s, added_log = timed(["swift", "build"], app)
    no_ops = [timed(["swift", "build"], app) for _ in range(NO_OP_RUNS)]
    later_logs = [rebuild_log, added_log, *(log for _, log in no_ops)]
    return {
        "checkouts": checkouts,
        "unbuilt": sorted(set(checkouts) - built_packages(app)),
        "resolve_s": resolve_s,
        "first_build_s": first_s,
        "rebuild_s": rebuild_s,
        "after_adding_a_file_s": added_s,
        "no_op_s": statistics.median(s for s, _ in no_ops),
        # Builds after the first that ran the generator, and that linked it again.
        "generator_runs": sum(GENERATOR_RUN[kind] in log for log in later_logs),
        "generator_links": sum(len(re.findall(re.escape(GENERATOR_LINK[kind]), log)) for log in later_logs),
    }


def spread(values: list[float]) -> str:
    return f"{common.format_seconds(statistics.median(values))} ({common.format_seconds(min(values))}–{common.format_seconds(max(values))})"


def benchmark(runs: int) -> Report:
    APPS.mkdir(parents=True, exist_ok=True)
    repository = our_repository()
    # Each run takes minutes (theirs builds OpenAPIKit, Yams and its generator): at most 3.
    app_runs = min(runs, 3)
    results: dict[str, list[dict]] = {"ours": [], "theirs": []}
    for index in range(app_runs):
        # Alternated, so a change in the machine's load falls on both.
        for kind in ("ours", "theirs"):
            common.log(f"app {kind}, run {index + 1} of {app_runs}")
            results[kind].append(one_run(kind, repository))
    rows = []
    medians = {}
    for kind in ("ours", "theirs"):
        samples = results[kind]
        last = samples[-1]
        medians[kind] = statistics.median(s["first_build_s"] for s in samples)
        rows.append([
            kind,
            f"{len(last['checkouts'])}" + (f" ({len(last['unbuilt'])} not built: {', '.join(last['unbuilt'])})" if last["unbuilt"] else " (all built)"),
            spread([s["resolve_s"] for s in samples]),
            spread([s["first_build_s"] for s in samples]),
            spread([s["rebuild_s"] for s in samples]),
            spread([s["after_adding_a_file_s"] for s in samples]),
            spread([s["no_op_s"] for s in samples]),
            f"{last['generator_runs']} runs, {last['generator_links']} links",
        ])
    ours, theirs = medians["ours"], medians["theirs"]
    met = ours <= FIRST_BUILD_TARGET_S and ours <= FIRST_BUILD_RATIO * theirs
    markdown = "\n\n".join([
        "A new app package with one executable target that makes a client, from an empty folder: "
        "ours depends on this repository by URL (a bare clone of the commit below) and imports only "
        "`WherebyAPI`; theirs uses swift-openapi-generator's `OpenAPIGenerator` plugin on the patched "
        "Whereby document with swift-openapi-runtime and swift-openapi-urlsession, as its "
        "documentation sets up an app. SwiftPM's shared repository cache is warm, as on a developer's "
        f"machine. Medians of {app_runs} runs, each from an empty folder, the two apps alternating "
        f"(min–max); no-op builds are the median of {NO_OP_RUNS} in each run; the last column counts, over the "
        f"{NO_OP_RUNS + 2} builds after the first, those that ran the generator and the times SwiftPM "
        "linked it again.",
        table(["app", "packages checked out", "`swift package resolve`", "first debug build",
               "the build after it", "after adding a source file", "no-op build",
               "generator after the first build"], rows),
        f"First debug build, ours/theirs: {common.ratio(ours, theirs)} "
        f"({'met' if met else 'MISSED'}: target under {FIRST_BUILD_TARGET_S:.0f} s and ≤ {FIRST_BUILD_RATIO}× theirs).",
        "The generator runs after the first build come from SwiftPM, for both: it builds a build-tool "
        "plugin's executable twice, once for the plugins and once in the build itself, each with a "
        "build database of its own, so the build after the first and the build after a new source "
        "file relink the tool in both (rewrapping its modules for the debugger) and rerun the command, "
        "whose inputs include the tool. Ours then writes no file whose contents did not change, so "
        "nothing is recompiled; the extra seconds are the relinks.",
        f"Reproduce with `python3 Benchmarks/run.py --only apps --runs {app_runs}`.",
    ])
    return Report("What an app pays to build", markdown, {"runs": results})
