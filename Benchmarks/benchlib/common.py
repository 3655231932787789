"""What every benchmark shares: where things are, how a command is built, how it is timed.

Wall time comes from a monotonic clock around the whole process. Peak memory is the largest
resident set among the process and the descendants it waited for (so a `swift build` reports its
largest compiler process), as GNU time reports it from wait4 (see `run_once` for why not
os.wait4 here).
"""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable, Sequence

REPO = Path(__file__).resolve().parents[2]
BENCHMARKS = REPO / "Benchmarks"
# Scratch space: ignored by git (.build-*), removed by nothing, reused between runs.
WORK = BENCHMARKS / ".build-work"
PEER_PACKAGE = BENCHMARKS / "Peer"
PEER_VERSION = "1.14.3"


def revision() -> str:
    """The commit measured, and whether the work tree differs from it."""
    commit = run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO).stdout.strip()
    # The results a run writes into the README are not a change to what it measures.
    dirty = run(["git", "status", "--porcelain", "--untracked-files=no", "--", ".", ":!Benchmarks/README.md"],
                cwd=REPO).stdout.strip()
    return f"{commit} with uncommitted changes" if dirty else commit


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def run(argv: Sequence[str | os.PathLike[str]], cwd: Path | None = None, quiet: bool = True,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Runs a setup command (not measured); raises with its output when it fails."""
    result = subprocess.run([str(a) for a in argv], cwd=cwd, env=env, text=True, timeout=TIMEOUT_SECONDS,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, argv))} failed ({result.returncode}):\n{result.stdout[-4000:]}")
    if not quiet:
        print(result.stdout, file=sys.stderr)
    return result


@dataclasses.dataclass
class Sample:
    seconds: float
    peak_bytes: int
    returncode: int
    # User and system time of the process and the children it waited for: what the work cost
    # in processor time, which other work on a shared machine changes far less than wall time.
    cpu_seconds: float = 0.0


# GNU time starts the measured command from its own small process. A process forked straight from
# this Python interpreter would report the interpreter's resident set as its own peak: Linux keeps
# the larger high-water mark across exec, so every child of a 100 MB Python peaks at 100 MB or more.
GNU_TIME = Path("/usr/bin/time")
# No single command of the benchmarks should take this long; one that does is stuck (SwiftPM has
# been seen to hang waiting for children that already exited), and the run stops with an error.
TIMEOUT_SECONDS = 3600


class CommandFailed(RuntimeError):
    """A measured command exited with a failure: a benchmark of a failing command measures nothing."""

    def __init__(self, returncode: int, argv: Sequence[str | os.PathLike[str]], sample: "Sample | None" = None):
        super().__init__(f"measured command failed ({returncode}): {' '.join(map(str, argv))}")
        self.returncode = returncode
        # What the command had used when it failed: its time, processor time and peak memory.
        self.sample = sample


class TimedOut(Exception):
    """A measured command ran past its time limit and was stopped."""

    def __init__(self, seconds: float):
        super().__init__(f"stopped after {seconds:.0f} s")
        self.seconds = seconds


def run_once(argv: Sequence[str | os.PathLike[str]], cwd: Path | None = None,
             env: dict[str, str] | None = None, timeout: float = TIMEOUT_SECONDS,
             memory_limit_bytes: int | None = None) -> Sample:
    """Runs one measured process, its output discarded.

    Peak memory comes from GNU time: a child forked from this Python process inherits Python's
    resident-set high-water mark, which exec keeps, so os.wait4 here would report Python's size.
    `memory_limit_bytes` caps each process's address space (prlimit), so a compiler that would
    take the machine's memory fails alone instead of waking the kernel's OOM killer.
    """
    if not GNU_TIME.exists():
        raise RuntimeError(f"{GNU_TIME} is missing: apt-get install time")
    command = [str(a) for a in argv]
    if memory_limit_bytes is not None:
        command = ["prlimit", f"--as={memory_limit_bytes}", "--", *command]
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as report:
        start = time.perf_counter()
        # A session of its own, so a command past its limit is stopped with all its children.
        process = subprocess.Popen([str(GNU_TIME), "-f", "%M %U %S", "-o", report.name, *command], cwd=cwd, env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        # A blocking wait returns the moment the process exits; `wait(timeout=...)` polls with
        # sleeps of up to 50 ms, which rounded a 16 ms generation up to 32 ms. The limit is kept
        # by a timer that stops the process group instead.
        stopped = threading.Event()

        def stop() -> None:
            stopped.set()
            os.killpg(process.pid, signal.SIGKILL)

        limit = threading.Timer(timeout, stop)
        limit.start()
        try:
            returncode = process.wait()
        finally:
            limit.cancel()
        elapsed = time.perf_counter() - start
        if stopped.is_set():
            raise TimedOut(timeout)
        # The last line is the peak in KiB and the user and system seconds; a line before it says
        # when the command failed.
        peak_kib, user, system = report.read().split()[-3:]
    return Sample(elapsed, int(peak_kib) * 1024, returncode, float(user) + float(system))


@dataclasses.dataclass
class Stats:
    """Medians with the spread of several runs."""
    runs: int
    median_s: float
    min_s: float
    max_s: float
    peak_median_bytes: int
    peak_max_bytes: int
    cpu_median_s: float = 0.0

    @staticmethod
    def of(samples: list[Sample]) -> "Stats":
        times = [s.seconds for s in samples]
        peaks = [s.peak_bytes for s in samples]
        return Stats(len(samples), statistics.median(times), min(times), max(times),
                     int(statistics.median(peaks)), max(peaks), statistics.median(s.cpu_seconds for s in samples))

    def seconds(self) -> str:
        return f"{format_seconds(self.median_s)} ({format_seconds(self.min_s)}–{format_seconds(self.max_s)})"

    def memory(self) -> str:
        return format_bytes(self.peak_median_bytes)


def measure(argv: Sequence[str | os.PathLike[str]], runs: int, cwd: Path | None = None,
            warmup: int = 1, before_each: Callable[[], None] | None = None,
            env: dict[str, str] | None = None, timeout: float = TIMEOUT_SECONDS,
            memory_limit_bytes: int | None = None) -> Stats:
    """Runs a command `warmup` times unmeasured, then `runs` times measured.

    `before_each` runs before every run, unmeasured (to touch a file or remove a build folder).
    A run that fails raises: a benchmark of a failing command measures nothing. A run past
    `timeout` seconds is stopped and raises `TimedOut`.
    """
    samples: list[Sample] = []
    for index in range(warmup + runs):
        if before_each is not None:
            before_each()
        sample = run_once(argv, cwd=cwd, env=env, timeout=timeout, memory_limit_bytes=memory_limit_bytes)
        if sample.returncode != 0:
            raise CommandFailed(sample.returncode, argv, sample)
        if index >= warmup:
            samples.append(sample)
    return Stats.of(samples)


def format_seconds(seconds: float) -> str:
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.1f} ms"
    return f"{seconds:.2f} s"


def format_bytes(count: int) -> str:
    if count >= 1 << 30:
        return f"{count / (1 << 30):.2f} GiB"
    if count >= 1 << 20:
        return f"{count / (1 << 20):.0f} MiB"
    return f"{count / 1024:.0f} KiB"


def ratio(ours: float, theirs: float) -> str:
    return f"{ours / theirs:.3f}×" if theirs > 0 else "–"


# What a compile is compared on: a label, the `Stats` field, and how to show it.
COMPILE_MEASURES = (("wall", "median_s", format_seconds), ("CPU", "cpu_median_s", format_seconds),
                    ("memory", "peak_median_bytes", format_bytes))


def measures_within(ours: Stats, theirs: Stats, target: float) -> list[str]:
    """The labels of the compile measures in which ours is at most `target` times theirs."""
    return [label for label, field, _ in COMPILE_MEASURES if getattr(ours, field) <= target * getattr(theirs, field)]


# MARK: - The two generators

def release_product(package: Path, product: str) -> Path:
    """Builds one product of a package in release mode and returns the built executable's path."""
    run(["swift", "build", "-c", "release", "--product", product], cwd=package)
    bin_path = run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=package).stdout.strip().splitlines()[-1]
    return Path(bin_path) / product


def our_generator() -> Path:
    """Builds whereby-codegen in release mode and returns its path."""
    log("building whereby-codegen (release)")
    return release_product(REPO, "whereby-codegen")


def peer_generator() -> Path:
    """Builds apple/swift-openapi-generator (Benchmarks/Peer) in release mode and returns its path.

    `PEER_GENERATOR=/path/to/swift-openapi-generator` uses a release build made elsewhere.
    """
    if prebuilt := os.environ.get("PEER_GENERATOR"):
        return Path(prebuilt)
    log(f"building swift-openapi-generator {PEER_VERSION} (release)")
    return release_product(PEER_PACKAGE, "swift-openapi-generator")


def write_json(path: Path, value: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, indent=2, default=lambda o: dataclasses.asdict(o)) + "\n")
