#!/usr/bin/env python3
"""Renders spec/whereby.json as whereby.yaml, the YAML twin the reading tests compare it with.

Run from anywhere after spec/whereby.json changes:

    python3 Tests/WherebyCodegenCoreTests/Fixtures/make-whereby-yaml.py

Block style, key order kept, lines never wrapped, multi-line strings as literal blocks where
YAML can represent them (else quoted). Plain scalars are chosen by the YAML 1.2 core schema,
which the reader implements, rather than PyYAML's YAML 1.1 rules: a string such as "1e3" or
"0o17" is quoted, and numbers keep the exact text they have in the JSON.
"""

import json
import pathlib
import re

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[3]
SOURCE = ROOT / "spec" / "whereby.json"
TARGET = pathlib.Path(__file__).resolve().parent / "whereby.yaml"


class JSONInteger(str):
    """An integer as written in the JSON."""


class JSONFloat(str):
    """A non-integer number as written in the JSON."""


class CoreSchemaDumper(yaml.SafeDumper):
    """A dumper whose plain scalars resolve by the YAML 1.2 core schema."""


CoreSchemaDumper.yaml_implicit_resolvers = {}
CoreSchemaDumper.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
CoreSchemaDumper.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
CoreSchemaDumper.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789")
)
CoreSchemaDumper.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+.0123456789"),
)


def represent_string(dumper, text):
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


CoreSchemaDumper.add_representer(str, represent_string)
CoreSchemaDumper.add_representer(JSONInteger, lambda d, n: d.represent_scalar("tag:yaml.org,2002:int", str(n)))
CoreSchemaDumper.add_representer(JSONFloat, lambda d, n: d.represent_scalar("tag:yaml.org,2002:float", str(n)))


def main():
    document = json.loads(SOURCE.read_text(encoding="utf-8"), parse_int=JSONInteger, parse_float=JSONFloat)
    text = yaml.dump(
        document,
        Dumper=CoreSchemaDumper,
        sort_keys=False,
        default_flow_style=False,
        allow_unicode=True,
        width=1 << 30,
    )
    TARGET.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
