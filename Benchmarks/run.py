#!/usr/bin/env python3
"""Runs every benchmark, ours against apple/swift-openapi-generator in the same run.

    python3 Benchmarks/run.py                  # everything, and the results in Benchmarks/README.md
    python3 Benchmarks/run.py --only codec     # one section
    python3 Benchmarks/run.py --runs 5         # fewer runs per measurement
    python3 Benchmarks/run.py --only large     # the large document's module: about an hour

Not part of `swift test`: timings belong in a report, not in assertions.
"""

from __future__ import annotations

import argparse
import datetime
import importlib
import os
import platform
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import common  # noqa: E402

SECTIONS = ["generation", "builds", "large", "apps", "codec", "transport"]
# `large` takes hours and is run on its own, when the generated code's shape changes.
DEFAULT_SECTIONS = [s for s in SECTIONS if s != "large"]
README = common.BENCHMARKS / "README.md"


def machine() -> str:
    cpu = "unknown processor"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / (1 << 30)
    swift = common.run(["swift", "--version"]).stdout.strip().splitlines()[0]
    return f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, {platform.system()} {platform.release()}, {swift}"


def update_readme(name: str, block: str) -> None:
    """Replaces one section's block in Benchmarks/README.md, so sections can be rerun alone."""
    begin, end = f"<!-- results:{name}:begin -->", f"<!-- results:{name}:end -->"
    text = README.read_text()
    pattern = re.compile(re.escape(begin) + ".*?" + re.escape(end), re.S)
    if not pattern.search(text):
        common.log(f"{README.name} has no {begin} marker; not updated")
        return
    README.write_text(pattern.sub(lambda _: f"{begin}\n{block}\n{end}", text))
    common.log(f"updated the {name} results in {README.relative_to(common.REPO)}")


def large_options(arguments: argparse.Namespace, parser: argparse.ArgumentParser) -> dict:
    generators = tuple(g.strip() for g in arguments.large_generators.split(",") if g.strip())
    if not set(generators) <= {"ours", "theirs"}:
        parser.error(f"--large-generators: ours, theirs or both, not {arguments.large_generators}")
    configurations = {"all": ("debug", "release"), "none": ()}.get(arguments.large_compile, (arguments.large_compile,))
    return {"configurations": configurations, "generators": generators, "limit_minutes": arguments.large_limit}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default=",".join(DEFAULT_SECTIONS),
                        help="comma-separated sections: " + ", ".join(SECTIONS) + " (default: all but large)")
    parser.add_argument("--runs", type=int, default=10, help="measured runs per measurement (default 10)")
    parser.add_argument("--no-readme", action="store_true", help="do not rewrite the results in Benchmarks/README.md")
    parser.add_argument("--large-compile", choices=("all", "debug", "release", "none"), default="all",
                        help="large: the configurations to compile in (none: report the kept outcomes only)")
    parser.add_argument("--large-generators", default="ours,theirs",
                        help="large: comma-separated generators to compile for (default ours,theirs); the "
                             "others' outcomes are kept from the last run that measured them")
    parser.add_argument("--large-limit", type=float, default=90, metavar="MINUTES",
                        help="large: the time limit of each compile (default 90)")
    arguments = parser.parse_args()

    chosen = [s.strip() for s in arguments.only.split(",") if s.strip()]
    unknown = [s for s in chosen if s not in SECTIONS]
    if unknown:
        parser.error(f"unknown section(s): {', '.join(unknown)}")

    where = machine()
    blocks, data = [], {}
    for name in chosen:
        common.log(f"== {name}")
        module = importlib.import_module(f"benchlib.{name}")
        options = large_options(arguments, parser) if name == "large" else {}
        report = module.benchmark(runs=arguments.runs, **options)
        runs = ("each compile once" if name == "large" else
                f"{arguments.runs} measured runs each unless a row says otherwise; medians with (min–max)")
        header = f"Run on {datetime.date.today().isoformat()} at {common.revision()}: {where}; {runs}."
        block = report.render() + "\n" + header + "\n"
        blocks.append(block)
        data[report.title] = report.data
        # Written as each section ends, so a later failure loses nothing measured.
        common.write_json(common.WORK / "results.json", data)
        if not arguments.no_readme:
            update_readme(name, block)

    body = "\n".join(blocks)
    print(body)
    (common.WORK / "report.md").write_text(body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
