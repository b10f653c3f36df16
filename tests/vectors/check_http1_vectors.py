#!/usr/bin/env python3
"""Validates conformance/vectors/http1/*.md the way another implementation would read
them: every vector's meta (over its file's defaults) against schema.json, ids unique,
one ```http input per vector with only the escapes and placeholders of docs/vectors.md.

  tests/vectors/check_http1_vectors.py [DIR]     exit 1 naming file:line on any problem
"""
import json
import re
import sys
from pathlib import Path

import jsonschema

ROOT = Path(__file__).resolve().parents[2]
ESCAPE = re.compile(r"\\(?:[rnt0\\{}]|x[0-9a-fA-F]{2})|\{(?:host|path)\}|[^\\{}]")


def vectors(path):
    defaults, current = {}, None
    in_input = False
    for no, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        line = line.rstrip(" \r")
        if in_input:
            if line == "```":
                in_input = False
                continue
            if "".join(ESCAPE.findall(line)) != line:
                yield current, f"{path.name}:{no}: bad escape or placeholder in {line!r}"
            current["has_input"] = True
            continue
        if line.startswith("## "):
            if current:
                yield current, None
            current = {"line": no, "meta": None, "has_input": False, "defaults": dict(defaults)}
        elif m := re.fullmatch(r"<!-- defaults=(.*) -->", line):
            if current:
                yield current, None
                current = None
            defaults = json.loads(m.group(1))
        elif m := re.fullmatch(r"<!-- meta=(.*) -->", line):
            current["meta"] = json.loads(m.group(1))
        elif line == "```http":
            in_input = True
    if current:
        yield current, None


def main():
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "conformance" / "vectors" / "http1"
    schema_path = folder / "schema.json"
    if not schema_path.exists():
        schema_path = ROOT / "conformance" / "vectors" / "http1" / "schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    problems, ids, count = [], {}, 0
    for path in sorted(folder.glob("*.md")):
        for v, problem in vectors(path):
            if problem:
                problems.append(problem)
                continue
            where = f"{path.name}:{v['line']}"
            if v["meta"] is None or not v["has_input"]:
                problems.append(f"{where}: a vector needs a meta line and a ```http input")
                continue
            meta = {**v["defaults"], **v["meta"]}
            for error in validator.iter_errors(meta):
                problems.append(f"{where}: {'/'.join(map(str, error.path)) or 'meta'}: {error.message}")
            if meta.get("id") in ids:
                problems.append(f"{where}: id {meta['id']} also at {ids[meta['id']]}")
            ids[meta.get("id")] = where
            count += 1
    for p in problems:
        print(p, file=sys.stderr)
    print(f"{count} vectors, {len(problems)} problems")
    return 1 if problems or count == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
