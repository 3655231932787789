"""The transports a WherebyClient sends through: peak memory for a huge body, and crashes under
cancellation.

Both run `transport-probe` (Tests/Integration/Sources/transport-probe, a debug build of the
integration package's executable target) in processes of its own, against the fault server of
Tests/Integration/Sources/FaultServer:

- memory: a `transport-probe serve` process serves a 50 MB body, with and without
  Content-Length; for each transport, `transport-probe memory` makes one `getMeeting` that gets
  it (after a warm-up call) under GNU time. The client rejects the body at its 32 MiB limit;
  what is measured is how much memory that costs first: the process's peak resident set, and
  the probe's own VmHWM over its resident size after the warm-up (VmHWM reset through
  /proc/self/clear_refs just before the call).
- soak: `transport-probe soak TRANSPORT CALLS LANES SEED` in a fresh process per run, each call
  completed, cancelled in flight or timed out (Tests/Integration/Sources/TransportSoak). A run
  that ends by a signal crashed; the tally of the others is summed.

Transports: `urlsession` is swift-openapi-urlsession's `URLSessionTransport()`, the client's
default before issue 12; `default` is `WherebyURLSessionTransport`, the default now; `ahc` is
`AsyncHTTPClientTransport` over `HTTPClient(configuration: .init(redirectConfiguration: .disallow))`.
"""

from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import tempfile
from pathlib import Path

from . import common
from .report import Report, table

TRANSPORTS = [
    ("urlsession", "`URLSessionTransport()` (swift-openapi-urlsession 1.4.0; the default before)"),
    ("default", "`WherebyURLSessionTransport` (the default now)"),
    ("ahc", "`AsyncHTTPClientTransport`, redirects disallowed"),
]
BODY_BYTES = 50_000_000
# (name, calls, lanes): one lane after another as in the measurement, and four at once.
SOAKS = [("one lane", 500, 1), ("four lanes", 2000, 4)]
# A soak run takes seconds; one still running after this long is stopped and counted as stuck:
# some cancelled call did not end, and waited for the server's 30 s stall (or forever).
SOAK_TIMEOUT = 90


def build() -> Path:
    common.log("building transport-probe (debug)")
    # A product of the integration package, which has a .build folder of its own.
    package = common.REPO / "Tests" / "Integration"
    common.run(["swift", "build", "--product", "transport-probe"], cwd=package)
    bin_path = common.run(["swift", "build", "--show-bin-path"], cwd=package).stdout.strip().splitlines()[-1]
    return Path(bin_path) / "transport-probe"


def memory(binary: Path, runs: int) -> tuple[list[list[str]], dict]:
    server = subprocess.Popen([str(binary), "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PROBE_BODY_BYTES": str(BODY_BYTES)})
    try:
        port = int(server.stdout.readline().strip())
        url = f"http://127.0.0.1:{port}/v1"
        rows, data = [], {}
        for name, label in TRANSPORTS:
            for body, body_label in [("chunked", "chunked, no Content-Length"), ("length", "with Content-Length")]:
                added, peaks, outcome = [], [], ""
                for _ in range(runs):
                    with tempfile.NamedTemporaryFile("r", suffix=".json") as output:
                        sample = run_probe(binary, ["memory", name, url, body], output.name)
                        result = json.loads(Path(output.name).read_text())
                    added.append(result["addedKiB"] * 1024)
                    peaks.append(sample.peak_bytes)
                    outcome = result["outcome"]
                data[f"{name}.{body}"] = {"addedBytes": added, "peakBytes": peaks, "outcome": outcome}
                rows.append([label, body_label, common.format_bytes(int(statistics.median(added))),
                             f"{common.format_bytes(min(added))}–{common.format_bytes(max(added))}",
                             common.format_bytes(int(statistics.median(peaks))), short(outcome)])
        return rows, data
    finally:
        server.stdin.close()
        server.wait(timeout=30)


def run_probe(binary: Path, arguments: list[str], output: str) -> common.Sample:
    """One probe process under GNU time, its standard output into `output`."""
    with open(output, "w") as stdout, tempfile.NamedTemporaryFile("r", suffix=".rss") as report:
        result = subprocess.run([str(common.GNU_TIME), "-f", "%M", "-o", report.name, str(binary), *arguments],
                                stdout=stdout, stderr=subprocess.DEVNULL, timeout=SOAK_TIMEOUT)
        peak_kib = int(report.read().split()[-1])
    return common.Sample(0, peak_kib * 1024, result.returncode)


def short(outcome: str) -> str:
    if "limit" in outcome:
        return "rejected at the 32 MiB limit"
    return outcome[:80]


def soak(binary: Path, runs: int) -> tuple[list[list[str]], dict]:
    rows, data = [], {}
    for name, label in TRANSPORTS:
        for soak_name, calls, lanes in SOAKS:
            crashes, hangs, signals, totals = 0, 0, [], {"calls": 0, "interruptions": 0, "cancelled": 0,
                                                         "timedOut": 0, "completed": 0, "failed": 0}
            for run in range(runs):
                try:
                    result = subprocess.run([str(binary), "soak", name, str(calls), str(lanes), str(1000 + run)],
                                            capture_output=True, text=True, timeout=SOAK_TIMEOUT)
                except subprocess.TimeoutExpired:
                    hangs += 1
                    continue
                if result.returncode < 0:
                    crashes += 1
                    signals.append(signal.Signals(-result.returncode).name)
                    continue
                if result.returncode != 0:
                    raise RuntimeError(f"transport-probe soak {name} failed ({result.returncode}):\n{result.stderr[-2000:]}")
                tally = json.loads(result.stdout.strip().splitlines()[-1])
                for key in totals:
                    totals[key] += tally[key]
            data[f"{name}.{soak_name}"] = {"runs": runs, "crashes": crashes, "hangs": hangs, "signals": signals,
                                           **totals}
            rows.append([label, f"{soak_name}: {calls} calls × {runs} runs", f"{totals['calls']:,}",
                         f"{totals['cancelled']:,} + {totals['timedOut']:,}", f"{totals['failed']:,}",
                         f"**{crashes} of {runs}**" if crashes else f"0 of {runs}",
                         f"**{hangs} of {runs}**" if hangs else f"0 of {runs}"])
            common.log(f"soak {name} {soak_name}: {crashes} of {runs} runs crashed, {hangs} stuck")
    return rows, data


def benchmark(runs: int) -> Report:
    binary = build()
    common.log(f"memory: {BODY_BYTES:,}-byte bodies, {runs} runs each")
    memory_rows, memory_data = memory(binary, runs)
    common.log(f"soak: {runs} runs each")
    soak_rows, soak_data = soak(binary, runs)
    markdown = table(["Transport", "50 MB body", "Memory added (median)", "Range", "Process peak", "Outcome"],
                     memory_rows) + f"""

One `getMeeting` whose response is a {BODY_BYTES // 1_000_000} MB body, through each transport, in
a process of its own (`transport-probe memory`, debug build) against a fault server in another.
*Memory added* is the process's peak resident set during the call over its resident set after a
warm-up call; *process peak* is GNU time's maximum resident set of the whole process. The client
rejects any body over `maximumResponseBodySize` (32 MiB).

""" + table(["Transport", "Soak", "Calls in runs that finished", "Cancelled + timed out", "Other failures",
             "Runs that crashed", "Runs stuck past 90 s"],
            soak_rows) + f"""

Each run is a fresh `transport-probe soak` process: calls through one transport, one lane after
another or four at once, each completed, cancelled 0–3 ms after it starts (while the server
answers, before its head, or mid-body) or abandoned by a 1–4 ms timeout
(Tests/Integration/Sources/TransportSoak). A run that ended by a signal crashed (SIGILL is Swift's
`fatalError`); one still running after {SOAK_TIMEOUT} s was stuck: a run takes seconds, so some
cancelled call did not end when cancelled and ran on until the server's 30 s stall (or for ever).
The calls of either are not counted.
"""
    return Report("Transports: memory for a huge body, and crashes under cancellation", markdown,
                  {"memory": memory_data, "soak": soak_data})
