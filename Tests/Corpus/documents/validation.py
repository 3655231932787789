# Writes Tests/Corpus/documents/validation.yaml: every wrapper of every kind of value, in every presence.
# Usage: python3 Tests/Corpus/documents/validation.py Tests/Corpus/documents/validation.yaml
values = {
    "checked": "{ $ref: '#/components/schemas/Checked' }",
    "plain": "{ $ref: '#/components/schemas/Plain' }",
    "colour": "{ $ref: '#/components/schemas/Colour' }",
    "count": "{ type: integer, minimum: 1, maximum: 9 }",
    "ratio": "{ type: number, exclusiveMaximum: 1 }",
    "word": "{ type: string, maxLength: 5, pattern: '^[a-z]+$' }",
    "flag": "{ type: boolean, enum: [true] }",
    "text": "{ type: string }",
}
def wrap(kind, inner, nullable):
    null = ', "null"' if nullable else ''
    if kind == "bare":
        if not nullable: return inner
        return "{ oneOf: [%s, { type: \"null\" }] }" % inner if inner.startswith("{ $ref") else inner.replace("type: integer", "type: [integer, \"null\"]").replace("type: number", "type: [number, \"null\"]").replace("type: string", "type: [string, \"null\"]").replace("type: boolean", "type: [boolean, \"null\"]")
    if kind == "array": return "{ type: [array%s], items: %s }" % (null, inner)
    if kind == "boundedArray": return "{ type: [array%s], minItems: 1, maxItems: 3, items: %s }" % (null, inner)
    if kind == "dictionary": return "{ type: [object%s], additionalProperties: %s }" % (null, inner)
    if kind == "arrayOfArrays": return "{ type: [array%s], maxItems: 2, items: { type: array, minItems: 1, items: %s } }" % (null, inner)
    if kind == "dictionaryOfArrays": return "{ type: [object%s], additionalProperties: { type: array, maxItems: 2, items: %s } }" % (null, inner)
    if kind == "arrayOfDictionaries": return "{ type: [array%s], items: { type: object, additionalProperties: %s } }" % (null, inner)
kinds = ["bare", "array", "boundedArray", "dictionary", "arrayOfArrays", "dictionaryOfArrays", "arrayOfDictionaries"]
presences = [("required", True, False), ("optional", False, False), ("requiredNullable", True, True), ("optionalNullable", False, True)]
lines, required = [], []
for presence, isRequired, nullable in presences:
    for kind in kinds:
        for value, schema in values.items():
            name = f"{presence}_{kind}_{value}"
            lines.append(f"        {name}: {wrap(kind, schema, nullable)}")
            if isRequired: required.append(name)
out = f"""# Every shape a validated value can take must compile: nullable and optional, arrays and
# dictionaries (nested too) of models, enums and primitives, with and without constraints.
# Written by Tests/Corpus/documents/validation.py; edit that and run it again.
openapi: 3.1.0
info: {{ title: Validation Shapes, version: "1" }}
paths:
  /shapes:
    post:
      operationId: sendShapes
      requestBody:
        required: true
        content:
          application/json:
            schema: {{ $ref: '#/components/schemas/Shapes' }}
      responses:
        "204": {{ description: sent }}
  /nullable-list:
    put:
      operationId: replaceList
      parameters:
        - {{ name: tags, in: query, schema: {{ type: array, maxItems: 3, items: {{ type: string, maxLength: 5 }} }} }}
        - {{ name: colours, in: query, schema: {{ type: array, minItems: 1, items: {{ $ref: '#/components/schemas/Colour' }} }} }}
        - {{ name: limit, in: query, schema: {{ type: [integer, "null"], minimum: 1 }} }}
        - {{ name: flag, in: query, schema: {{ type: boolean, enum: [true] }} }}
      requestBody:
        content:
          application/json:
            schema: {{ type: [array, "null"], maxItems: 3, items: {{ $ref: '#/components/schemas/Checked' }} }}
      responses:
        "204": {{ description: replaced }}
  /nullable-model:
    put:
      operationId: replaceModel
      requestBody:
        required: true
        content:
          application/json:
            schema: {{ type: [object, "null"], properties: {{ items: {{ type: [array, "null"], maxItems: 3, items: {{ $ref: '#/components/schemas/Checked' }} }} }} }}
      responses:
        "204": {{ description: replaced }}
components:
  schemas:
    Checked:
      type: object
      required: [name]
      properties:
        name: {{ type: string, maxLength: 5 }}
    Plain:
      type: object
      properties:
        name: {{ type: string }}
    Colour: {{ type: string, enum: [red, green] }}
    Shapes:
      type: object
      required: [{", ".join(required)}]
      properties:
""" + "\n".join(lines) + "\n"
import sys
open(sys.argv[1], "w").write(out)
