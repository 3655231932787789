#!/usr/bin/env python3
"""Writes a large OpenAPI 3.0.3 document in YAML, for the generation benchmark.

    python3 Benchmarks/make-large-document.py OUT.yaml            # about 3.5 MB: 1,664 operations, 3,329 schemas
    python3 Benchmarks/make-large-document.py OUT.yaml --scale 4  # the same document, four times over

The document is a set of modules. Each module is one template, filled in from a random generator
seeded with the module's number, so the output is the same on every run and every machine. A module
mixes every feature both whereby-codegen and swift-openapi-generator 1.14.3 accept: component and
inline objects nested three deep, string and integer enums, `oneOf` with a discriminator, `anyOf`,
`allOf`, `nullable`, `$ref`s to schemas, parameters, responses, request bodies and headers,
recursive schemas, maps (`additionalProperties`), free-form values, formats (date-time, date,
uuid, binary, byte, int32/int64, float/double, email, uri), constraints, read-only, write-only and
deprecated properties, defaults and examples, path, query and header parameters (form and
deepObject styles), JSON, multipart and binary bodies, several responses with headers, and
cursor-paginated lists.

`--scale N` repeats the base modules N times under new names (`M7` becomes `M7Copy1`, ...), so
the 2× and 4× documents are the 1× document with its paths and schemas duplicated.

Cookie parameters are left out: swift-openapi-generator skips them with a warning.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

# The number of modules at scale 1; each is about 17 KB of YAML with 8 operations and 16 schemas,
# so the document is 3.5 MB with 3,329 schemas: the size of a large public API's document.
BASE_MODULES = 208
SEED = 20260501

WORDS = ("account asset booking channel device event folder guest invoice lobby member note order "
         "portal queue report room session slot stream ticket upload venue webhook zone").split()
COLOURS = "red green blue amber violet teal".split()


# MARK: - The template

class Module:
    """One module's paths and schemas, named after its number and copy."""

    def __init__(self, index: int, copy: int) -> None:
        self.rng = random.Random(f"{SEED}-{index}")
        self.noun = self.rng.choice(WORDS)
        suffix = f"{index}" if copy == 0 else f"{index}Copy{copy}"
        self.prefix = f"{self.noun.capitalize()}{suffix}"  # type names: Booking12, Booking12Copy1
        self.path = f"/m{suffix.lower()}/{self.noun}s"   # /m12/bookings, /m12copy1/bookings
        self.tag = f"{self.noun}-{suffix.lower()}"

    def name(self, suffix: str) -> str:
        return self.prefix + suffix

    @staticmethod
    def ref(kind: str, name: str) -> dict:
        return {"$ref": f"#/components/{kind}/{name}"}

    def sentence(self) -> str:
        words = self.rng.sample(WORDS, 6)
        return f"The {words[0]} of the {words[1]}, as the {words[2]} records it: {words[3]} and {words[4]} \"{words[5]}\"."

    def paragraph(self) -> str:
        return "\n".join(self.sentence() for _ in range(3)) + "\n\n- A list item with `code`.\n- Another one.\n"

    # MARK: Schemas

    def schemas(self) -> dict:
        n = self.name
        rng = self.rng
        status_values = rng.sample(["draft", "active", "paused", "archived", "deleted", "pending-review", "on_hold"], 4)
        return {
            n("Status"): {"type": "string", "description": self.sentence(), "enum": status_values},
            n("Priority"): {"type": "integer", "format": "int32", "enum": [1, 2, 3, 5, 8]},
            n(""): self.main_object(),
            n("Summary"): {
                "type": "object",
                "required": ["id", "name"],
                "properties": {
                    "id": {"type": "string", "format": "uuid", "readOnly": True},
                    "name": {"type": "string", "minLength": 1, "maxLength": 200},
                    "status": self.ref("schemas", n("Status")),
                },
            },
            n("Detail"): {
                "description": self.sentence(),
                "allOf": [
                    self.ref("schemas", n("")),
                    {
                        "type": "object",
                        "required": ["history"],
                        "properties": {
                            "history": {"type": "array", "items": self.ref("schemas", n("Event"))},
                            "owner": self.ref("schemas", n("Contact")),
                        },
                    },
                ],
            },
            n("Event"): {
                "type": "object",
                "required": ["at", "kind"],
                "properties": {
                    "at": {"type": "string", "format": "date-time"},
                    "kind": {"type": "string", "enum": ["created", "updated", "removed"]},
                    "payload": {"description": "Whatever the event carried."},
                    "attributes": {"type": "object", "additionalProperties": {"type": "string"}},
                },
            },
            n("Node"): {
                "type": "object",
                "description": "A tree of nodes: each one holds its children.",
                "required": ["label"],
                "properties": {
                    "label": {"type": "string"},
                    "children": {"type": "array", "items": self.ref("schemas", n("Node"))},
                    "parent": self.ref("schemas", n("Node")),
                },
            },
            n("Shape"): {
                "oneOf": [self.ref("schemas", n("Circle")), self.ref("schemas", n("Square"))],
                "discriminator": {
                    "propertyName": "shapeType",
                    "mapping": {
                        "circle": f"#/components/schemas/{n('Circle')}",
                        "square": f"#/components/schemas/{n('Square')}",
                    },
                },
            },
            n("Circle"): {
                "type": "object",
                "required": ["shapeType", "radius"],
                "properties": {
                    "shapeType": {"type": "string"},
                    "radius": {"type": "number", "format": "double", "minimum": 0},
                    "colour": {"type": "string", "enum": rng.sample(COLOURS, 3)},
                },
            },
            n("Square"): {
                "type": "object",
                "required": ["shapeType", "side"],
                "properties": {
                    "shapeType": {"type": "string"},
                    "side": {"type": "number", "format": "float", "exclusiveMinimum": True, "minimum": 0},
                    "rotated": {"type": "boolean", "default": False},
                },
            },
            n("Contact"): {
                "anyOf": [self.ref("schemas", n("Email")), self.ref("schemas", n("Phone"))],
            },
            n("Email"): {
                "type": "object",
                "required": ["address"],
                "properties": {"address": {"type": "string", "format": "email"}, "verified": {"type": "boolean"}},
            },
            n("Phone"): {
                "type": "object",
                "required": ["number"],
                "properties": {"number": {"type": "string", "pattern": "^\\+[0-9]{6,15}$"}, "extension": {"type": "string", "nullable": True}},
            },
            n("Page"): {
                "type": "object",
                "required": ["results"],
                "properties": {
                    "results": {"type": "array", "items": self.ref("schemas", n("Summary"))},
                    "cursor": {"type": "string", "nullable": True, "description": "Pass it back for the next page."},
                },
            },
            n("CreateRequest"): {
                "type": "object",
                "required": ["name", "startsAt"],
                "properties": {
                    "name": {"type": "string", "example": f"My {self.noun}"},
                    "startsAt": {"type": "string", "format": "date-time"},
                    "endsOn": {"type": "string", "format": "date"},
                    "priority": self.ref("schemas", n("Priority")),
                    "secret": {"type": "string", "writeOnly": True},
                    "shape": self.ref("schemas", n("Shape")),
                    "labels": {"type": "array", "items": {"type": "string"}, "uniqueItems": True, "maxItems": 20},
                    "settings": {
                        "type": "object",
                        "properties": {
                            "notify": {"type": "boolean"},
                            "channel": {"type": "string", "enum": ["email", "sms", "push"]},
                            "retries": {"type": "integer", "minimum": 0, "maximum": 10, "default": 3},
                        },
                    },
                },
            },
            n("Error"): {
                "type": "object",
                "required": ["error"],
                "properties": {
                    "error": {"type": "string"},
                    "code": {"type": "integer", "format": "int64"},
                    "details": {"type": "array", "items": {"type": "object", "additionalProperties": True}},
                },
            },
        }

    def main_object(self) -> dict:
        n = self.name
        modes = self.rng.sample(["fast", "slow", "balanced", "manual", "auto"], 3)
        properties = {
            "id": {"type": "string", "format": "uuid", "readOnly": True, "description": "Assigned by the server."},
            "name": {"type": "string", "description": self.sentence()},
            "status": self.ref("schemas", n("Status")),
            "priority": self.ref("schemas", n("Priority")),
            "createdAt": {"type": "string", "format": "date-time"},
            "updatedAt": {"type": "string", "format": "date-time", "nullable": True},
            "count": {"type": "integer", "format": "int64", "minimum": 0},
            "ratio": {"type": "number", "maximum": 1, "multipleOf": 0.01},
            "enabled": {"type": "boolean", "default": True},
            "website": {"type": "string", "format": "uri"},
            "checksum": {"type": "string", "format": "byte"},
            "legacyCode": {"type": "string", "deprecated": True, "description": "Use `name` instead."},
            "mode": {"type": "string", "enum": modes, "default": modes[0]},
            "tags": {"type": "array", "items": {"type": "string"}, "minItems": 0},
            "metadata": {"type": "object", "additionalProperties": {"type": "string"}, "maxProperties": 50},
            "scores": {"type": "object", "additionalProperties": {"type": "integer"}},
            "extra": {"type": "object", "description": "Free-form data the client keeps.", "additionalProperties": True},
            "location": {
                "type": "object",
                "description": self.sentence(),
                "required": ["latitude", "longitude"],
                "properties": {
                    "latitude": {"type": "number", "format": "double", "minimum": -90, "maximum": 90},
                    "longitude": {"type": "number", "format": "double", "minimum": -180, "maximum": 180},
                    "address": {
                        "type": "object",
                        "nullable": True,
                        "properties": {
                            "street": {"type": "string"},
                            "city": {"type": "string"},
                            "country": {"type": "string", "enum": ["NO", "SE", "DK", "FI"]},
                        },
                    },
                },
            },
            "events": {"type": "array", "items": self.ref("schemas", n("Event"))},
            "shape": self.ref("schemas", n("Shape")),
            "tree": self.ref("schemas", n("Node")),
            "matrix": {"type": "array", "items": {"type": "array", "items": {"type": "integer"}}},
        }
        return {
            "type": "object",
            "description": self.paragraph(),
            "required": ["id", "name", "status", "createdAt"],
            "properties": properties,
        }

    # MARK: Paths

    def paths(self) -> dict:
        n = self.name
        item = f"{self.path}/{{{self.noun}Id}}"
        id_parameter = {
            "name": f"{self.noun}Id", "in": "path", "required": True,
            "description": f"The {self.noun}'s identifier.", "schema": {"type": "string", "format": "uuid"},
        }
        json_of = lambda schema: {"application/json": {"schema": schema}}  # noqa: E731
        errors = {
            "400": self.ref("responses", "BadRequest"),
            "404": self.ref("responses", "NotFound"),
            "default": {"description": "Anything else.", "content": json_of(self.ref("schemas", n("Error")))},
        }
        return {
            self.path: {
                "get": {
                    "operationId": f"list{n('s')}",
                    "summary": f"List {self.noun}s",
                    "description": self.paragraph(),
                    "tags": [self.tag],
                    "parameters": [
                        self.ref("parameters", "Cursor"),
                        self.ref("parameters", "Limit"),
                        {"name": "status", "in": "query", "schema": self.ref("schemas", n("Status"))},
                        {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["name", "-name", "createdAt", "-createdAt"]}},
                        {"name": "tags", "in": "query", "explode": True, "schema": {"type": "array", "items": {"type": "string"}}},
                        {"name": "createdAfter", "in": "query", "schema": {"type": "string", "format": "date-time"}},
                        self.ref("parameters", "RequestID"),
                    ],
                    "responses": {
                        "200": {
                            "description": "A page of results.",
                            "headers": {"X-RateLimit-Remaining": self.ref("headers", "RateLimitRemaining")},
                            "content": json_of(self.ref("schemas", n("Page"))),
                        },
                        **errors,
                    },
                },
                "post": {
                    "operationId": f"create{n('')}",
                    "summary": f"Create a {self.noun}",
                    "tags": [self.tag],
                    "parameters": [{"name": "Idempotency-Key", "in": "header", "schema": {"type": "string"}}],
                    "requestBody": {"required": True, "content": json_of(self.ref("schemas", n("CreateRequest")))},
                    "responses": {
                        "201": {"description": "Created.", "content": json_of(self.ref("schemas", n("")))},
                        "422": self.ref("responses", "Unprocessable"),
                        **errors,
                    },
                },
            },
            item: {
                "parameters": [id_parameter],
                "get": {
                    "operationId": f"get{n('Detail')}",
                    "summary": f"Get a {self.noun}",
                    "tags": [self.tag],
                    "responses": {"200": {"description": "Found.", "content": json_of(self.ref("schemas", n("Detail")))}, **errors},
                },
                "patch": {
                    "operationId": f"update{n('')}",
                    "tags": [self.tag],
                    "requestBody": self.ref("requestBodies", n("Update")),
                    "responses": {"200": {"description": "Updated.", "content": json_of(self.ref("schemas", n("")))}, **errors},
                },
                "delete": {
                    "operationId": f"delete{n('')}",
                    "tags": [self.tag],
                    "deprecated": True,
                    "parameters": [{"name": "force", "in": "query", "schema": {"type": "boolean", "default": False}}],
                    "responses": {"204": {"description": "Deleted."}, "404": self.ref("responses", "NotFound")},
                },
            },
            f"{item}/attachments": {
                "parameters": [id_parameter],
                "post": {
                    "operationId": f"upload{n('Attachment')}",
                    "tags": [self.tag],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "multipart/form-data": {
                                "schema": {
                                    "type": "object",
                                    "required": ["file"],
                                    "properties": {
                                        "file": {"type": "string", "format": "binary"},
                                        "caption": {"type": "string"},
                                    },
                                },
                            },
                        },
                    },
                    "responses": {"201": {"description": "Stored.", "content": json_of({"type": "object", "properties": {"attachmentId": {"type": "string", "format": "uuid"}, "size": {"type": "integer"}}})}},
                },
                "get": {
                    "operationId": f"download{n('Attachment')}",
                    "tags": [self.tag],
                    "parameters": [{"name": "filter", "in": "query", "style": "deepObject", "explode": True, "schema": {"type": "object", "properties": {"kind": {"type": "string"}, "after": {"type": "string"}}}}],
                    "responses": {"200": {"description": "The file.", "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}, "404": self.ref("responses", "NotFound")},
                },
            },
            f"{self.path}/shapes": {
                "put": {
                    "operationId": f"replace{n('Shapes')}",
                    "tags": [self.tag],
                    "requestBody": {"content": json_of({"type": "array", "items": self.ref("schemas", n("Shape"))})},
                    "responses": {
                        "200": {"description": "The shapes and their tree.", "content": json_of({
                            "type": "object",
                            "properties": {
                                "shapes": {"type": "array", "items": self.ref("schemas", n("Shape"))},
                                "tree": self.ref("schemas", n("Node")),
                                "contact": self.ref("schemas", n("Contact")),
                            },
                        })},
                        **errors,
                    },
                },
            },
        }

    def request_bodies(self) -> dict:
        n = self.name
        return {n("Update"): {
            "description": "The fields to change.",
            "required": True,
            "content": {"application/json": {"schema": {
                "type": "object",
                "properties": {
                    "name": {"type": "string"},
                    "status": self.ref("schemas", n("Status")),
                    "updatedAt": {"type": "string", "format": "date-time", "nullable": True},
                    "location": {"type": "object", "properties": {"latitude": {"type": "number"}, "longitude": {"type": "number"}}},
                },
            }}},
        }}


def shared_components() -> dict:
    problem = {"type": "object", "required": ["message"], "properties": {
        "message": {"type": "string"}, "field": {"type": "string", "nullable": True}}}
    return {
        "parameters": {
            "Cursor": {"name": "cursor", "in": "query", "description": "Where the page starts.", "schema": {"type": "string"}},
            "Limit": {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}},
            "RequestID": {"name": "X-Request-ID", "in": "header", "schema": {"type": "string", "format": "uuid"}},
        },
        "headers": {"RateLimitRemaining": {"description": "Points left.", "schema": {"type": "integer"}}},
        "responses": {
            "BadRequest": {"description": "The request was malformed.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
            "NotFound": {"description": "No such thing."},
            "Unprocessable": {"description": "Invalid fields.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Problem"}}}}},
        },
        "schemas": {"Problem": problem},
    }


def document(scale: int, modules: int = BASE_MODULES) -> dict:
    shared = shared_components()
    paths: dict = {}
    schemas: dict = dict(shared["schemas"])
    bodies: dict = {}
    tags = []
    for copy in range(scale):
        for index in range(modules):
            module = Module(index, copy)
            paths.update(module.paths())
            schemas.update(module.schemas())
            bodies.update(module.request_bodies())
            tags.append({"name": module.tag, "description": f"Everything about {module.noun}s ({module.prefix})."})
    return {
        "openapi": "3.0.3",
        "info": {"title": "Large Benchmark API", "version": "1.0.0", "description": "A generated document for benchmarking code generators."},
        "servers": [{"url": "https://api.example.com/v1", "description": "Production"}],
        "security": [{"BearerAuth": []}],
        "tags": tags,
        "paths": paths,
        "components": {
            "securitySchemes": {"BearerAuth": {"type": "http", "scheme": "bearer"}},
            "parameters": shared["parameters"],
            "headers": shared["headers"],
            "responses": shared["responses"],
            "requestBodies": bodies,
            "schemas": schemas,
        },
    }


# MARK: - YAML

PLAIN = re.compile(r"^[A-Za-z_/][A-Za-z0-9_ ./()'`-]*$")
RESERVED = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}


def scalar(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    text = str(value)
    if PLAIN.match(text) and text.lower() not in RESERVED and not text.endswith(" "):
        return text
    return json.dumps(text)  # a JSON string is a YAML double-quoted scalar


def emit(value: object, indent: int, out: list[str]) -> None:
    """Block-style YAML, the way people write OpenAPI documents: two-space indent, `- ` for lists."""
    pad = "  " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            emit_entry(f"{pad}{scalar(key)}:", item, indent, out)
    else:
        for item in value:
            if isinstance(item, dict) and item:
                first = True
                for key, member in item.items():
                    lead = f"{pad}- " if first else f"{pad}  "
                    emit_entry(f"{lead}{scalar(key)}:", member, indent + 1, out)
                    first = False
            else:
                emit_entry(f"{pad}-", item, indent, out)


def emit_entry(lead: str, value: object, indent: int, out: list[str]) -> None:
    if isinstance(value, dict) and value:
        out.append(lead)
        emit(value, indent + 1, out)
    elif isinstance(value, list) and value:
        out.append(lead)
        emit(value, indent + 1, out)
    elif isinstance(value, dict):
        out.append(f"{lead} {{}}")
    elif isinstance(value, list):
        out.append(f"{lead} []")
    elif isinstance(value, str) and "\n" in value:
        out.append(f"{lead} |")
        pad = "  " * (indent + 1)
        out.extend(f"{pad}{line}" if line else "" for line in value.rstrip("\n").split("\n"))
    else:
        out.append(f"{lead} {scalar(value)}")


def to_yaml(value: dict) -> str:
    out: list[str] = []
    emit(value, 0, out)
    return "\n".join(out) + "\n"


def write(path: Path, scale: int = 1) -> Path:
    """Writes the document at `scale` to `path` (importable for the benchmark)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(to_yaml(document(scale)))
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output", type=Path, help="the YAML file to write")
    parser.add_argument("--scale", type=int, default=1, help="repeat the base paths and schemas this many times (default 1)")
    arguments = parser.parse_args()
    if arguments.scale < 1:
        parser.error("--scale must be at least 1")
    write(arguments.output, arguments.scale)
    size = arguments.output.stat().st_size
    print(f"wrote {arguments.output} ({size / 1e6:.2f} MB, scale {arguments.scale})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
