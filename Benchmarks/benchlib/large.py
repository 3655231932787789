"""The large document's generated module compiled from clean, debug and release, ours against theirs.

The document is `make-large-document.py`'s (3.5 MB, 3,329 schemas); the compile is the one the
`builds` section times for Whereby's module (`builds.compile_stats`), once per generator and
configuration: theirs takes 17 minutes and 12.5 GiB in debug, and fails at the memory cap in
release. Each compile runs under a time limit and an address-space cap, so that a compiler that
would take the machine's memory fails alone instead of waking the OOM killer.

Every outcome is kept in .build-work/large-compile.json with the date, the revision and the
machine's load average when it started. A run measures the generators and configurations it is
asked for and reports the kept outcome for the others, saying when each was measured: after a
change to ours, `--large-generators ours` takes twenty minutes, and theirs has not changed.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import os

from . import builds, common
from .report import Report, table

CONFIGURATIONS = ("debug", "release")
GENERATORS = ("ours", "theirs")
# Ours/theirs, in wall time, processor time and memory (issue 13, part 8).
TARGET = 0.3
# Past this much memory a compiler fails alone (its address space is capped) instead of taking the
# machine's 24 GiB and waking the OOM killer, which could stop any process.
MEMORY_LIMIT_BYTES = 20 << 30
SAVED = common.WORK / "large-compile.json"


@dataclasses.dataclass
class Outcome:
    """One module's compile by one generator: measured, or why it could not be, and when."""
    stats: common.Stats | None
    failure: str | None
    # Stopped at the time limit, so its time is at least `limit_s`.
    timed_out: bool
    limit_s: float
    measured: str
    # A compile that failed: what it had used by then, each a lower bound of what it needs.
    used: common.Stats | None = None

    @staticmethod
    def load(value: dict) -> "Outcome":
        stats, used = value.get("stats"), value.get("used")
        return Outcome(common.Stats(**stats) if stats else None, value.get("failure"), bool(value.get("timed_out")),
                       float(value["limit_s"]), str(value["measured"]), common.Stats(**used) if used else None)

    def lower_bound(self, measure: str) -> float | None:
        """What this unfinished compile would have taken at least, in `measure` (a `Stats`
        field): its limit in wall time when it was stopped, what it had used when it failed."""
        if self.used is not None:
            return getattr(self.used, measure)
        return self.limit_s if self.timed_out and measure == "median_s" else None


def compile_once(kind: str, configuration: str, limit_s: float) -> Outcome:
    load = os.getloadavg()[0]
    measured = f"{datetime.date.today().isoformat()} at {common.revision()}, load average {load:.1f} at its start"
    try:
        stats = builds.compile_stats(kind, "large", configuration, 1, timeout=limit_s, memory_limit_bytes=MEMORY_LIMIT_BYTES)
        return Outcome(stats, None, False, limit_s, measured)
    except common.TimedOut:
        common.log(f"stopped after {limit_s:.0f} s")
        return Outcome(None, f"did not finish in {limit_s / 60:.0f} min", True, limit_s, measured)
    except common.CommandFailed as failure:
        common.log(f"failed: {failure}")
        used = common.Stats.of([failure.sample]) if failure.sample else None
        after = f" after {used.median_s / 60:.0f} min" if used else ""
        return Outcome(None, f"failed under the {common.format_bytes(MEMORY_LIMIT_BYTES)} cap{after}", False, limit_s,
                       measured, used)


def saved_outcomes() -> dict[str, dict[str, Outcome]]:
    """The kept outcomes by configuration and generator; none when there are none or they are
    in an older form."""
    try:
        kept = json.loads(SAVED.read_text())
        return {c: {k: Outcome.load(v) for k, v in by_kind.items()} for c, by_kind in kept["outcomes"].items()}
    except (FileNotFoundError, KeyError, TypeError, ValueError):
        return {}


def row(configuration: str, ours: Outcome | None, theirs: Outcome | None) -> list[str]:
    """Wall time, processor time and the largest process's memory, ours against theirs."""
    def cell(outcome: Outcome | None, field: str, show, first: bool) -> str:
        if outcome is None:
            return "not measured" if first else "–"
        if outcome.stats:
            return show(getattr(outcome.stats, field))
        if first:
            return outcome.failure or "–"
        return f"more than {show(getattr(outcome.used, field))}" if outcome.used else "–"

    cells = [configuration]
    for index, (_, field, show) in enumerate(common.COMPILE_MEASURES):
        cells += [cell(ours, field, show, index == 0), cell(theirs, field, show, index == 0)]
        if ours and ours.stats and theirs and theirs.stats:
            cells.append(common.ratio(getattr(ours.stats, field), getattr(theirs.stats, field)))
        elif ours and ours.stats and theirs and (bound := theirs.lower_bound(field)):
            # Theirs did not finish and needed at least `bound`: ours/theirs is below ours/bound.
            cells.append(f"< {getattr(ours.stats, field) / bound:.3f}×")
        else:
            cells.append("–")
    cells.append(verdict(ours, theirs))
    return cells


def verdict(ours: Outcome | None, theirs: Outcome | None) -> str:
    if ours is None or ours.stats is None:
        return f"≤ {TARGET}×: MISSED" if ours else f"≤ {TARGET}×: not measured"
    if theirs is None:
        return f"≤ {TARGET}×: not compared"
    if theirs.stats is None:
        # Met only if ours is within the target of what theirs had used before it stopped.
        bounds = [(getattr(ours.stats, field), theirs.lower_bound(field)) for _, field, _ in common.COMPILE_MEASURES]
        if all(bound and value <= TARGET * bound for value, bound in bounds):
            return f"≤ {TARGET}×: met (theirs did not finish)"
        return f"≤ {TARGET}×: not shown (theirs did not finish)"
    met = common.measures_within(ours.stats, theirs.stats, TARGET)
    if len(met) == len(common.COMPILE_MEASURES):
        return f"≤ {TARGET}×: met"
    return f"≤ {TARGET}×: MISSED" + (f" (met in {', '.join(met)})" if met else "")


def benchmark(runs: int, configurations: tuple[str, ...] = CONFIGURATIONS, generators: tuple[str, ...] = GENERATORS,
              limit_minutes: float = 90) -> Report:
    """Compiles the large module for each of `generators` in each of `configurations` (`runs` is
    not used: each compile is one run), keeps the outcomes, and reports them beside the kept ones."""
    outcomes = saved_outcomes()
    for configuration in configurations:
        for kind in generators:
            outcomes.setdefault(configuration, {})[kind] = compile_once(kind, configuration, limit_minutes * 60)
            common.write_json(SAVED, {"outcomes": outcomes})
    rows = [row(c, outcomes.get(c, {}).get("ours"), outcomes.get(c, {}).get("theirs")) for c in CONFIGURATIONS]
    provenance = [f"- {kind}, {c}: {outcome.measured}; limit {outcome.limit_s / 60:.0f} min"
                  for c in CONFIGURATIONS for kind, outcome in sorted(outcomes.get(c, {}).items())]
    markdown = "\n\n".join([
        "**The large document's module**, compiled from clean once per generator and configuration "
        "as the `builds` section compiles Whereby's: `Benchmarks/make-large-document.py`'s document, "
        "3.5 MB with 3,329 schemas and 1,664 operations, from which ours generates 15 MB of Swift and "
        "theirs 35 MB. Wall time, processor time (user and system of every process of the compile) "
        f"and the largest process's memory; each compile has a time limit and a "
        f"{common.format_bytes(MEMORY_LIMIT_BYTES)} address-space cap. Target: ours/theirs ≤ {TARGET}× "
        "in time and memory.",
        table(["configuration", "ours", "theirs", "ratio", "ours, CPU", "theirs, CPU", "ratio",
               "ours, memory", "theirs, memory", "ratio", "target"], rows),
        "When each was measured (`--large-generators` and `--large-compile` choose what a run "
        "measures; the rest is kept from earlier runs in `.build-work/large-compile.json`):\n\n" + "\n".join(provenance),
    ])
    return Report("Large document", markdown, {c: outcomes.get(c, {}) for c in CONFIGURATIONS})
