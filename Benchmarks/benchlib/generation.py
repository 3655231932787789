"""Generation: wall time, peak memory and output size of both generators, on the same documents.

Ours runs the real job: `spec/whereby.json` verbatim, with `spec/whereby.overlay.yaml` applied.
Theirs (swift-openapi-generator) rejects the verbatim document, so it runs on the smallest patched
copy it accepts (`Benchmarks/patch-whereby-for-peer.py`). Both generate into an empty folder on
every run, so writing the files is part of the cost.

The build-time section compiles what this section generated: `generated_sources(kind, document)`
and `documents()` are its interface.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

from . import common
from .report import Report, table

SPEC = common.REPO / "spec" / "whereby.json"
DOCUMENTS = common.WORK / "documents"
GENERATED = common.WORK / "generated"
KINDS = ("ours", "theirs")
SCALES = (1, 2, 4)

# Targets from issue #5 (ours / theirs, same run, same document).
TIME_TARGET = {"whereby": 0.1, "large": 0.05}
MEMORY_TARGET = 0.5
LARGE_SECONDS_TARGET = 0.5

# Theirs makes the same two kinds of file as ours (types and a client), public, with Swift names.
PEER_OPTIONS = ["--mode", "types", "--mode", "client", "--access-modifier", "public", "--naming-strategy", "idiomatic"]


def _script(name: str):
    """Imports one of the Benchmarks/*.py scripts, whose file names are not module names."""
    path = common.BENCHMARKS / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name.replace("-", "_"), path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _large_name(scale: int) -> str:
    return "large" if scale == 1 else f"large-{scale}x"


def documents() -> dict[str, Path]:
    """The documents, made when missing or older than the script that makes them.

    `whereby` is the verbatim document (ours applies its overlay), `whereby-patched` the copy
    theirs accepts, `large`, `large-2x` and `large-4x` the generated YAML documents.
    """
    DOCUMENTS.mkdir(parents=True, exist_ok=True)
    result = {"whereby": SPEC}

    patched = DOCUMENTS / "whereby-patched.json"
    patcher = common.BENCHMARKS / "patch-whereby-for-peer.py"
    # Made by the scripts in their own processes, so that this one stays small.
    if _stale(patched, [SPEC, patcher]):
        common.run([sys.executable, patcher, patched])
    result["whereby-patched"] = patched

    maker = common.BENCHMARKS / "make-large-document.py"
    for scale in SCALES:
        path = DOCUMENTS / f"{_large_name(scale)}.yaml"
        if _stale(path, [maker]):
            common.log(f"writing {path.name}")
            common.run([sys.executable, maker, path, "--scale", str(scale)])
        result[_large_name(scale)] = path
    return result


def _stale(output: Path, inputs: list[Path]) -> bool:
    return not output.exists() or any(i.stat().st_mtime > output.stat().st_mtime for i in inputs)


def _command(kind: str, document: str, generator: Path, output: Path) -> list[str]:
    docs = documents()
    if kind == "ours":
        return [str(generator), "generate", "--spec", str(docs[document]), "--output", str(output), "--quiet"]
    source = docs["whereby-patched"] if document == "whereby" else docs[document]
    return [str(generator), "generate", *PEER_OPTIONS, "--output-directory", str(output), str(source)]


def _generator(kind: str) -> Path:
    return common.our_generator() if kind == "ours" else common.peer_generator()


def generated_sources(kind: str, document: str) -> Path:
    """The folder of Swift files `kind` ("ours" or "theirs") generated from `document`
    ("whereby" or "large"); generated now when the benchmark has not run yet."""
    output = GENERATED / kind / document
    if not any(output.glob("*.swift")):
        _recreate(output)
        common.run(_command(kind, document, _generator(kind), output))
    return output


def _check_clean(document: str, generator: Path) -> None:
    """Ours must read the generated documents without a single diagnostic: a warning there means
    the document or the generator is wrong, and the timing would measure a different job."""
    output = GENERATED / "ours" / document
    _recreate(output)
    command = _command("ours", document, generator, output)
    result = subprocess.run(command, text=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if result.returncode != 0 or result.stderr.strip():
        raise RuntimeError(f"whereby-codegen is not clean on {document}:\n{result.stderr[-4000:]}")


def _recreate(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)


def _measure(kind: str, document: str, generator: Path, runs: int, warmup: int = 1) -> common.Stats:
    output = GENERATED / kind / document
    common.log(f"{kind} on {document}: {runs} runs")
    return common.measure(_command(kind, document, generator, output), runs=runs, warmup=warmup,
                          before_each=lambda: _recreate(output))


def _size(folder: Path) -> tuple[int, int]:
    files = sorted(folder.glob("*.swift"))
    data = [f.read_bytes() for f in files]
    return sum(d.count(b"\n") for d in data), sum(len(d) for d in data)


def _verdict(value: float, target: float) -> str:
    return f"{value:.3f}× ({'met' if value <= target else 'MISSED'}, ≤ {target}×)"


def benchmark(runs: int = 10) -> Report:
    ours, theirs = common.our_generator(), common.peer_generator()
    docs = documents()
    # Theirs takes many seconds on the large document: fewer runs there.
    peer_large_runs = min(runs, 3)

    for scale in SCALES:
        _check_clean(_large_name(scale), ours)

    data: dict = {"comparison": {}, "scaling": {}, "output": {}}
    rows = []
    for document, label in (("whereby", "Whereby (`spec/whereby.json`)"), ("large", "Large YAML")):
        stats = {
            "ours": _measure("ours", document, ours, runs),
            "theirs": _measure("theirs", document, theirs, peer_large_runs if document == "large" else runs,
                               warmup=0 if document == "large" else 1),
        }
        time_ratio = stats["ours"].median_s / stats["theirs"].median_s
        memory_ratio = stats["ours"].peak_median_bytes / stats["theirs"].peak_median_bytes
        size = docs[document].stat().st_size
        theirs_note = f"{stats['theirs'].runs} runs" + (", on the patched copy" if document == "whereby" else "")
        rows.append([
            f"{label}, {size / 1e6:.2f} MB",
            stats["ours"].seconds(), f"{stats['theirs'].seconds()} [{theirs_note}]",
            _verdict(time_ratio, TIME_TARGET[document]),
            stats["ours"].memory(), stats["theirs"].memory(), _verdict(memory_ratio, MEMORY_TARGET),
        ])
        data["comparison"][document] = {
            "bytes": size, "ours": stats["ours"], "theirs": stats["theirs"],
            "time_ratio": time_ratio, "memory_ratio": memory_ratio,
        }
        for kind in KINDS:
            lines, count = _size(GENERATED / kind / document)
            data["output"].setdefault(document, {})[kind] = {"lines": lines, "bytes": count}

    scaling_rows = []
    for scale in SCALES:
        name = _large_name(scale)
        stats = _measure("ours", name, ours, runs) if scale != 1 else data["comparison"]["large"]["ours"]
        size = docs[name].stat().st_size
        per_mb = stats.median_s / (size / 1e6)
        lines, count = _size(GENERATED / "ours" / name)
        scaling_rows.append([f"{scale}×", f"{size / 1e6:.2f} MB", stats.seconds(),
                             f"{per_mb * 1000:.0f} ms", stats.memory(), f"{lines:,}"])
        data["scaling"][name] = {"bytes": size, "stats": stats, "seconds_per_mb": per_mb, "lines": lines, "bytes_out": count}

    per_mb_growth = data["scaling"][_large_name(SCALES[-1])]["seconds_per_mb"] / data["scaling"]["large"]["seconds_per_mb"]
    large_seconds = data["comparison"]["large"]["ours"].median_s
    output_rows = [
        [document, kind, f"{v['lines']:,}", f"{v['bytes']:,}"]
        for document, kinds in data["output"].items() for kind, v in kinds.items()
    ]
    patches = ", ".join(_script("patch-whereby-for-peer").PATCH_SUMMARIES)
    markdown = "\n\n".join([
        "Ours runs the real job: `spec/whereby.json` verbatim with `spec/whereby.overlay.yaml`. "
        f"Theirs (swift-openapi-generator {common.PEER_VERSION}, `{' '.join(PEER_OPTIONS)}`) rejects the verbatim "
        f"document and runs on the smallest patched copy it accepts, made by `Benchmarks/patch-whereby-for-peer.py` ({patches}). "
        f"The large document comes from `Benchmarks/make-large-document.py`. Each run generates into an empty folder; "
        f"theirs on the large document takes seconds a run, so it runs {peer_large_runs} times without a warm-up run.",
        table(["Document", "Ours", "Theirs", "Time ours/theirs", "Peak ours", "Peak theirs", "Memory ours/theirs"], rows),
        f"Ours on the large document: {common.format_seconds(large_seconds)} "
        f"({'met' if large_seconds < LARGE_SECONDS_TARGET else 'MISSED'}: target under {LARGE_SECONDS_TARGET} s).",
        "Ours as the large document grows (its paths and schemas repeated under new names); constant time per MB is linear cost:",
        table(["Scale", "Document", "Ours", "Per MB", "Peak", "Lines out"], scaling_rows),
        f"Time per MB at 4× is {per_mb_growth:.2f}× that at 1×.",
        "Generated output:",
        table(["Document", "Generator", "Lines", "Bytes"], output_rows),
    ])
    data["large_seconds_target_met"] = large_seconds < LARGE_SECONDS_TARGET
    return Report("Generation", markdown, data)
