#!/usr/bin/env python3
"""Writes the smallest copy of spec/whereby.json that swift-openapi-generator 1.14.3 accepts.

    python3 Benchmarks/patch-whereby-for-peer.py OUT.json

whereby-codegen reads Whereby's document as published; swift-openapi-generator stops at its
defects. For the benchmark to compare the two on the same API, this script repairs only what
theirs rejects, one function per rejection, and leaves everything else as Whereby wrote it (the
overlay's other repairs, such as operation names, are not applied). Run it and it lists the
patches it applied.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Callable

SPEC = Path(__file__).resolve().parents[1] / "spec" / "whereby.json"


def operations(document: dict):
    for path, item in document.get("paths", {}).items():
        for method, operation in item.items():
            if isinstance(operation, dict) and method != "parameters":
                yield path, method, operation


def give_parameters_a_schema(document: dict) -> int:
    """Theirs: "A parameter must specify either `content` or `schema`" (OpenAPIKit refuses to decode
    the document). Whereby leaves the schema out of several query parameters; give them
    `type: string`, which is what every one of them holds."""
    count = 0
    for _, _, operation in operations(document):
        for parameter in operation.get("parameters", []):
            if "$ref" not in parameter and "schema" not in parameter and "content" not in parameter:
                parameter["schema"] = {"type": "string"}
                count += 1
    return count


def declare_openapi_3_1(document: dict) -> int:
    """Theirs: "Expected `type` value ... to be parsable as Scalar": Whereby writes OpenAPI 3.1 type
    lists (`type: [number, "null"]`) in a document that declares 3.0.0, and theirs reads 3.0
    documents strictly. Declaring 3.1.0, the version the document is written in, is a one-line fix."""
    if document.get("openapi", "").startswith("3.0"):
        document["openapi"] = "3.1.0"
        return 1
    return 0


# Each patch returns how many places it changed; the summaries name them in the benchmark report.
PATCHES: list[tuple[str, Callable[[dict], int]]] = [
    ("query parameters without a schema get `type: string`", give_parameters_a_schema),
    ("`openapi: 3.1.0` for its 3.1 type lists", declare_openapi_3_1),
]
PATCH_SUMMARIES = [summary for summary, _ in PATCHES]


def patch(document: dict) -> list[str]:
    """Applies every patch in place and returns what each one did."""
    applied = []
    for summary, function in PATCHES:
        count = function(document)
        if count:
            applied.append(f"{summary} ({count}×)")
    return applied


def write_patched(source: Path, output: Path) -> list[str]:
    document = json.loads(source.read_text())
    applied = patch(document)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return applied


def main() -> int:
    if len(sys.argv) != 2 or sys.argv[1].startswith("-"):
        print(__doc__.strip(), file=sys.stderr)
        return 64
    applied = write_patched(SPEC, Path(sys.argv[1]))
    print(f"wrote {sys.argv[1]} from {SPEC.name} with {len(applied)} patch(es):", file=sys.stderr)
    for line in applied:
        print(f"  - {line}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
