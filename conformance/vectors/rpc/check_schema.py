#!/usr/bin/env python3
"""Validates conformance/vectors/rpc/*.json against their JSON Schemas (CTest runs this).

Also checks what a schema cannot say: ids unique within a file."""
import json
import pathlib
import sys

import jsonschema

here = pathlib.Path(__file__).resolve().parent
failures = 0
for data_name, schema_name in [("values.json", "values.schema.json"),
                               ("sessions.json", "sessions.schema.json")]:
    data = json.loads((here / data_name).read_text(encoding="utf-8"))
    schema = json.loads((here / schema_name).read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    for e in errors[:20]:
        print(f"{data_name}: {'/'.join(map(str, e.path))}: {e.message[:200]}")
    ids = [v["id"] for v in data.get("vectors", [])]
    dups = sorted({i for i in ids if ids.count(i) > 1})
    if dups:
        print(f"{data_name}: duplicate ids {dups}")
    failures += len(errors) + len(dups)
    print(f"{data_name}: {len(ids)} vectors, {len(errors)} schema errors")
# The schema must be able to fail: a vector with neither `canonical` nor `error`.
bad = {"format": "conform-rpc-values/1", "protocol": "capnweb", "reference_version": "0.12.0",
       "vectors": [{"id": "x", "section": "s", "since": "0.1.0", "wire": 1}]}
values_schema = json.loads((here / "values.schema.json").read_text(encoding="utf-8"))
if jsonschema.Draft202012Validator(values_schema).is_valid(bad):
    print("values.schema.json accepts a vector without an expectation")
    failures += 1
sys.exit(1 if failures else 0)
