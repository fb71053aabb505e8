"""Reports as JSON: one object per line (`.jsonl`), or a `.json` file holding
one object (an annotated-corpus file, see corpus/FORMAT.md) or a list of them.

Only the report fields are read; anything else, gold annotations included, is
ignored, so a corpus file reads as the bare report the analyst saw.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import partial

from harmtrace.errors import ReadError
from harmtrace.read.items import Item, one_report
from harmtrace.read.normalise import make_report
from harmtrace.records import ReadProblem, Report

METADATA_FIELDS = ("title", "url", "outlet", "published", "language")


def read_jsonl(text: str, source: str) -> Iterator[Item]:
    """One report per non-blank line; a bad line is a problem at that line number."""
    # Split on "\n" only: JSON strings may hold U+2028, which str.splitlines breaks on.
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield from one_report(partial(_line_report, line, f"{source}:{number}"))


def read_json(text: str, source: str) -> Iterator[Item]:
    """A report object, or a list of them (a bad item is a problem at its index)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        yield ReadProblem(source, f"malformed JSON: {err}")
        return
    if not isinstance(data, list):
        yield from one_report(partial(record_report, data, source))
        return
    if not data:
        yield ReadProblem(source, "the JSON list holds no reports")
    for index, item in enumerate(data):
        yield from one_report(partial(record_report, item, f"{source}[{index}]"))


def _line_report(line: str, source: str) -> Report:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise ReadError(source, f"malformed JSON line: {err}") from err
    return record_report(record, source)


def record_report(record: object, source: str) -> Report:
    """A report from one JSON object with at least a non-empty "text"."""
    if not isinstance(record, dict):
        raise ReadError(source, f"expected a JSON object, found {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ReadError(source, 'missing or empty "text"')
    metadata = {name: _string(record.get(name)) for name in METADATA_FIELDS}
    return make_report(text, source=source, **metadata)


def _string(value: object) -> str | None:
    return value if isinstance(value, str) else None
