"""Decode and encode time of a 100-meeting `GET /meetings` page with both generated clients.

Benchmarks/Codec is a separate Swift package, built in release mode, that depends on this
repository by path (`WherebyAPI`) and on the client apple/swift-openapi-generator makes from
the same document (`PeerWhereby`). This module writes that client: it patches Whereby's
document with Benchmarks/patch-whereby-for-peer.py (theirs rejects it as published), runs the
peer generator on it into Benchmarks/Codec/Sources/PeerWhereby/Generated (git-ignored), builds
the package, and runs `codec-bench`, which times each case in batches and prints medians as
JSON. Each of `runs` processes gives one median per case; the table shows the median of those
with their spread.

Their client is configured with `Configuration(dateTranscoder: .iso8601WithFractionalSeconds)`:
its default transcoder rejects the fractional-second dates Whereby sends. Ours runs with
retries and pacing off (`retry: .never`, `rateLimit: .disabled`), so a call measures building
the request and decoding the response.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
from pathlib import Path

from . import common, generation
from .report import Report, table

PACKAGE = common.BENCHMARKS / "Codec"
GENERATED = PACKAGE / "Sources" / "PeerWhereby" / "Generated"
PEER_CONFIG = PACKAGE / "Sources" / "PeerWhereby" / "openapi-generator-config.yaml"
SCRATCH = common.WORK / "codec"
# Batches per process: enough for a stable median, few enough that ten processes take seconds.
BATCHES = 21
TARGET = 10.0

CASES = [
    ("call", "decode", "`listMeetings` through an in-memory transport"),
    ("decode", "decode", "the page model from bytes"),
    ("encode", "encode", "the page model to bytes"),
]


def generate_peer_client() -> None:
    """Writes their client into GENERATED, touching only files whose contents changed."""
    peer = common.peer_generator()
    SCRATCH.mkdir(parents=True, exist_ok=True)
    # The same patched copy the generation section measures theirs on.
    document = generation.documents()["whereby-patched"]
    output = SCRATCH / "peer-output"
    shutil.rmtree(output, ignore_errors=True)
    output.mkdir()
    common.log("generating their client from the patched document")
    common.run([peer, "generate", "--config", PEER_CONFIG, "--output-directory", output, document])
    GENERATED.mkdir(parents=True, exist_ok=True)
    fresh = {path.name: path.read_bytes() for path in output.glob("*.swift")}
    for stale in GENERATED.glob("*.swift"):
        if stale.name not in fresh:
            stale.unlink()
    for name, contents in sorted(fresh.items()):
        target = GENERATED / name
        if not target.exists() or target.read_bytes() != contents:
            target.write_bytes(contents)


def build() -> Path:
    common.log("building Benchmarks/Codec (release)")
    return common.release_product(PACKAGE, "codec-bench")


def format_time(nanoseconds: float) -> str:
    microseconds = nanoseconds / 1000
    if microseconds >= 1000:
        return f"{microseconds / 1000:.2f} ms"
    return f"{microseconds:.0f} µs" if microseconds >= 100 else f"{microseconds:.1f} µs"


def benchmark(runs: int) -> Report:
    generate_peer_client()
    binary = build()
    medians: dict[str, list[float]] = {}
    page: dict = {}
    common.log(f"running codec-bench {runs}×")
    for _ in range(runs):
        result = run_bench(binary)
        page = {"meetings": result["meetings"], "pageBytes": result["pageBytes"]}
        for name, timing in result["cases"].items():
            medians.setdefault(name, []).append(timing["medianNanoseconds"])

    def stat(name: str) -> dict:
        values = medians[name]
        return {"median_ns": statistics.median(values), "min_ns": min(values), "max_ns": max(values), "runs": len(values)}

    def spread(stats: dict) -> str:
        return f"{format_time(stats['median_ns'])} ({format_time(stats['min_ns'])}–{format_time(stats['max_ns'])})"

    rows = []
    data: dict = {"page": page, "batchesPerRun": BATCHES, "targetDecodeSpeedup": TARGET, "cases": {}}
    for case, kind, what in CASES:
        ours, theirs = stat(f"ours.{case}"), stat(f"theirs.{case}")
        speedup = theirs["median_ns"] / ours["median_ns"]
        data["cases"][case] = {"ours": ours, "theirs": theirs, "speedup": speedup}
        target = (("met" if speedup >= TARGET else "**missed**") + f" (≥ {TARGET:.0f}×)") if kind == "decode" else "–"
        rows.append([
            f"{kind}: {what}",
            spread(ours),
            spread(theirs),
            f"{speedup:.1f}× faster" if speedup >= 1 else f"{1 / speedup:.1f}× slower",
            target,
        ])

    off, on = stat("ours.call"), stat("ours.call.observed")
    data["observability"] = {"off": off, "noop": on, "ratio": on["median_ns"] / off["median_ns"]}
    observed = table(["Our `listMeetings` call, per page", "Time", "vs off"], [
        ["observability off (the default, `.disabled`)", spread(off), "–"],
        ["a logger, metrics factory and tracer that do nothing", spread(on), f"{on['median_ns'] / off['median_ns']:.2f}×"],
    ])

    kib = page.get("pageBytes", 0) / 1024
    markdown = table(["Per page", "Ours", "Theirs", "Ours vs theirs", "Target"], rows) + f"""

A `GET /meetings` page of {page.get("meetings", 100)} meetings ({kib:.0f} KiB: every field of the
document's `Meeting`, dates with milliseconds like `2025-05-12T16:42:49.123Z`, a cursor), decoded
and encoded by both generated clients in a release build (`Benchmarks/Codec`). Each of {runs}
processes times every case in {BATCHES} batches of at least 2 ms and reports the median time per
page; the table shows the median of those medians (min–max). Their client uses
`Configuration(dateTranscoder: .iso8601WithFractionalSeconds)`, since its default rejects
Whereby's dates; ours runs with `retry: .never` and `rateLimit: .disabled`. The model rows use
each client's own JSON configuration: ours `JSONCoding.default`, theirs a `JSONDecoder` and
`JSONEncoder` set up as its runtime's converter sets them up (pretty-printed, sorted keys).

Observability, in the same processes:

{observed}

Off, the client installs no observer (one `nil` check per call), so the first row is the cost of
a call as it was before observability existed; the second is what turning it on costs before any
real backend does its own work.
"""
    return Report("Decoding and encoding a 100-meeting page", markdown, data)


def run_bench(binary: Path) -> dict:
    """One codec-bench process; its JSON is on standard output, its progress on standard error."""
    result = subprocess.run([str(binary), "--batches", str(BATCHES)], text=True, capture_output=True)
    if result.returncode != 0:
        raise RuntimeError(f"codec-bench failed ({result.returncode}):\n{result.stderr[-4000:]}")
    return json.loads(result.stdout)
