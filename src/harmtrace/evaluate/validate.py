"""Check annotation files (corpus/FORMAT.md) the way an analyst needs: each problem
names the file, the record and the field, so a correction can go straight to it.

`FIELDS` is the format: per record kind, each field's check and whether it must
be present. Besides FORMAT.md's fields a record may carry what harmtrace's own
exports add (`EXTRAS`: confidence, rule, origin, offsets, linked incident); any
other field is a problem, since it is most often a misspelt one. The same checks
serve `harmtrace validate`, prediction files scored by `eval --predictions` (their
spans are checked against the gold report's text) and gold import.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harmtrace.evaluate.fields import date_bounds
from harmtrace.records import DATE_PRECISIONS, EVENT_TYPES, STATEMENT_KINDS, VICTIM_KINDS
from harmtrace.store.schema import ORIGINS

KINDS: tuple[str, ...] = ("incidents", "statements", "aggregates")
SPAN_FIELDS: dict[str, str] = {"incidents": "evidence", "statements": "content",
                               "aggregates": "evidence"}
SHOWN_CHARS = 60

Check = Callable[[Any, str | None], str | None]
"""(value, report text or None) -> what is wrong, or None when the value is fine."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in one file: `record` ("incidents[2]") and `field` when known."""

    file: str
    record: str | None
    field: str | None
    message: str

    @property
    def where(self) -> str:
        parts = [part for part in (self.record, self.field) if part]
        return ".".join(parts) if parts else "file"

    def __str__(self) -> str:
        return f"{self.file}: {self.where}: {self.message}"

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "record": self.record, "field": self.field,
                "message": self.message}


@dataclass(slots=True)
class Validation:
    """Files checked, the problems found, and how many records of each kind were read."""

    files: int = 0
    problems: list[Problem] = field(default_factory=list)
    records: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))

    @property
    def files_with_problems(self) -> int:
        return len({problem.file for problem in self.problems})

    def to_json(self) -> dict[str, Any]:
        return {"files": self.files, "files_with_problems": self.files_with_problems,
                "records": self.records, "problems": [p.to_json() for p in self.problems]}


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + "…"


def _one_of(values: Iterable[str]) -> Check:
    allowed = tuple(values)
    return lambda v, _: None if v in allowed else f"must be one of {', '.join(allowed)}"


def _name(value: Any, _text: str | None) -> str | None:
    return None if isinstance(value, str) and value.strip() else "must be a non-empty string"


def _string_or_null(value: Any, _text: str | None) -> str | None:
    return None if value is None or isinstance(value, str) else "must be a string or null"


def _count(value: Any, _text: str | None) -> str | None:
    whole = isinstance(value, int) and not isinstance(value, bool) and value >= 0
    return None if value is None or whole else "must be a whole number (0 or more) or null"


def _date(value: Any, _text: str | None) -> str | None:
    valid = value is None or date_bounds(value) is not None
    return None if valid else "must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) or null"


_COUNTRY = re.compile(r"[A-Z]{2}")


def _country(value: Any, _text: str | None) -> str | None:
    valid = value is None or (isinstance(value, str) and _COUNTRY.fullmatch(value))
    return None if valid else "must be an ISO 3166-1 alpha-2 code (e.g. IQ) or null"


def _area(value: Any, _text: str | None) -> str | None:
    valid = isinstance(value, list) and all(
        isinstance(code, str) and _COUNTRY.fullmatch(code) for code in value)
    return None if valid else "must be a list of ISO 3166-1 alpha-2 codes (e.g. [\"IQ\"])"


def _flag(value: Any, _text: str | None) -> str | None:
    return None if isinstance(value, bool) else "must be true or false"


def _span(value: Any, text: str | None) -> str | None:
    if not isinstance(value, str) or not value:
        return "must be a non-empty string"
    if text is not None and value not in text:
        return "must be an exact substring of text"
    return None


def _cue(value: Any, text: str | None) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return "must be a non-empty string"
    if text is not None and value not in text:
        return "must occur in text"
    return None


def _confidence(value: Any, _text: str | None) -> str | None:
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    return None if number and 0 <= value <= 1 else "must be a number from 0 to 1"


def _offset(value: Any, _text: str | None) -> str | None:
    whole = isinstance(value, int) and not isinstance(value, bool) and value >= 0
    return None if whole else "must be a character offset (a whole number, 0 or more)"


def _incident_id(value: Any, _text: str | None) -> str | None:
    valid = value is None or (isinstance(value, (int, str)) and not isinstance(value, bool))
    return None if valid else "must be an incident id (a number or a string) or null"


NUMBERS: dict[str, tuple[Check, bool]] = {
    "killed_low": (_count, True), "killed_high": (_count, True),
}
NOTE: dict[str, tuple[Check, bool]] = {"note": (_string_or_null, False)}

FIELDS: dict[str, dict[str, tuple[Check, bool]]] = {
    "incidents": {
        "event_type": (_one_of(EVENT_TYPES), True),
        "date_start": (_date, True),
        "date_end": (_date, True),
        "date_precision": (_one_of(DATE_PRECISIONS), True),
        "location": (_name, True),
        "admin": (_string_or_null, True),
        "country": (_country, True),
        "perpetrator": (_name, True),
        **NUMBERS,
        "injured_low": (_count, True),
        "injured_high": (_count, True),
        "victims": (_one_of(VICTIM_KINDS), True),
        "claimed_by": (_name, True),
        "negated": (_flag, True),
        "evidence": (_span, True),
        "incident_key": (_string_or_null, False),
        **NOTE,
    },
    "statements": {
        "speaker": (_name, True),
        "speaker_role": (_string_or_null, True),
        "speaker_org": (_string_or_null, True),
        "kind": (_one_of(STATEMENT_KINDS), True),
        "content": (_span, True),
        "cue": (_cue, True),
        **NOTE,
    },
    "aggregates": {
        "actor": (_name, True),
        **NUMBERS,
        "period_start": (_date, True),
        "period_end": (_date, True),
        "area": (_area, True),
        "claimed_by": (_name, True),
        "evidence": (_span, True),
        **NOTE,
    },
}
"""FORMAT.md's record fields in its order: field -> (check, must be present)."""

PROVENANCE: dict[str, tuple[Check, bool]] = {
    "confidence": (_confidence, False),
    "rule": (_string_or_null, False),
    "origin": (_one_of(ORIGINS), False),
    "start": (_offset, False),
    "end": (_offset, False),
}
EXTRAS: dict[str, dict[str, tuple[Check, bool]]] = {
    "incidents": {**PROVENANCE, "incident_id": (_incident_id, False)},
    "statements": PROVENANCE,
    "aggregates": PROVENANCE,
}
"""What harmtrace's exports add to a record: how it was made and where it sits."""

REPORT_FIELDS: dict[str, tuple[Check, bool]] = {
    "id": (_name, True),
    "url": (_string_or_null, False),
    "outlet": (_string_or_null, False),
    "published": (_date, False),
    "language": (_string_or_null, False),
    "title": (_string_or_null, False),
    "text": (_name, True),
    "notes": (lambda v, _: None if isinstance(v, list) and all(isinstance(n, str) for n in v)
              else "must be a list of strings", False),
}

ORDERED: dict[str, tuple[tuple[str, str], ...]] = {
    "incidents": (("killed_low", "killed_high"), ("injured_low", "injured_high"),
                  ("date_start", "date_end")),
    "statements": (),
    "aggregates": (("killed_low", "killed_high"), ("period_start", "period_end")),
}
"""Pairs whose first value may not exceed the second (dates: the first may not start
after the second ends)."""


def check_document(doc: Any, file: str, *, gold_text: str | None = None) -> list[Problem]:
    """Every problem of one parsed annotation document.

    With `gold_text` the document is a prediction for that gold report: its spans
    must be in the gold text and it need not repeat the text itself.
    """
    if not isinstance(doc, dict):
        return [Problem(file, None, None, "must be a JSON object (one report)")]
    own_text = doc.get("text") if isinstance(doc.get("text"), str) else None
    text = gold_text if gold_text is not None else own_text
    report_fields = dict(REPORT_FIELDS)
    if gold_text is not None:
        report_fields["text"] = (_name, False)
    record_lists = dict.fromkeys(KINDS, (_checked_apart, False))
    problems = list(_check_fields(doc, report_fields, record_lists, text, file, None))
    for kind in KINDS:
        problems += _check_kind(doc, kind, text, file)
    return problems


def records_of(doc: Mapping[str, Any], kind: str) -> list[dict[str, Any]]:
    """The records of one kind that are objects; anything else was reported by the checks."""
    records = doc.get(kind)
    return [r for r in records if isinstance(r, dict)] if isinstance(records, list) else []


def load_document(path: Path) -> tuple[Any, list[Problem]]:
    """A file's parsed JSON, or None and the problem that stopped it from being read."""
    try:
        return json.loads(path.read_text(encoding="utf-8")), []
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return None, [Problem(str(path), None, None, f"not readable as JSON: {exc}")]


def annotation_files(paths: Iterable[Path]) -> Iterator[Path | Problem]:
    """The `*.json` files of folders (sorted) and files named directly; a problem for a
    folder with none or a path that is neither."""
    for path in paths:
        if path.is_dir():
            found = sorted(path.glob("*.json"))
            yield from found or [Problem(str(path), None, None, "no *.json files")]
        elif path.is_file():
            yield path
        else:
            yield Problem(str(path), None, None, "no such file or folder")


def validate_paths(paths: Iterable[Path]) -> Validation:
    """Check every annotation file under `paths`."""
    result = Validation()
    for item in annotation_files(paths):
        if isinstance(item, Problem):
            result.problems.append(item)
            continue
        result.files += 1
        doc, problems = load_document(item)
        if doc is not None:
            problems = check_document(doc, str(item))
            for kind in KINDS:
                result.records[kind] += len(records_of(doc, kind)) if isinstance(doc, dict) else 0
        result.problems += problems
    return result


def _checked_apart(_value: Any, _text: str | None) -> None:
    """The record lists are checked record by record, by `_check_kind`."""


def _check_kind(doc: Mapping[str, Any], kind: str, text: str | None,
                file: str) -> list[Problem]:
    records = doc.get(kind)
    if kind not in doc:
        return [Problem(file, None, kind, "missing (an empty list when there are none)")]
    if not isinstance(records, list):
        return [Problem(file, None, kind, "must be a list")]
    problems: list[Problem] = []
    for i, record in enumerate(records):
        where = f"{kind}[{i}]"
        if not isinstance(record, dict):
            problems.append(Problem(file, where, None, "must be an object"))
            continue
        problems += _check_fields(record, FIELDS[kind], EXTRAS[kind], text, file, where)
        problems += _check_order(record, kind, file, where)
        problems += _check_offsets(record, SPAN_FIELDS[kind], text, file, where)
    return problems


def _check_fields(values: Mapping[str, Any], spec: Mapping[str, tuple[Check, bool]],
                  extras: Mapping[str, tuple[Check, bool]], text: str | None, file: str,
                  where: str | None) -> Iterator[Problem]:
    known = {**spec, **extras}
    for name in values:
        if name not in known:
            yield Problem(file, where, name, "unknown field")
    for name, (check, required) in known.items():
        if name not in values:
            if required:
                yield Problem(file, where, name, "missing")
            continue
        reason = check(values[name], text)
        if reason:
            yield Problem(file, where, name, f"{reason} (got {_shown(values[name])})")


def _check_order(record: Mapping[str, Any], kind: str, file: str,
                 where: str) -> Iterator[Problem]:
    for low, high in ORDERED[kind]:
        a, b = record.get(low), record.get(high)
        if _after(a, b):
            yield Problem(file, where, low, f"must not be after {high} ({a!r} > {b!r})")


def _after(a: Any, b: Any) -> bool:
    if _count(a, None) is None and _count(b, None) is None and a is not None and b is not None:
        return a > b
    first, last = date_bounds(a), date_bounds(b)
    return first is not None and last is not None and first[0] > last[1]


def _check_offsets(record: Mapping[str, Any], key: str, text: str | None, file: str,
                   where: str) -> Iterator[Problem]:
    """Offsets, when given, must point at the record's words (surrounding spaces aside)."""
    if ("start" in record) != ("end" in record):
        yield Problem(file, where, "start", "start and end must be given together")
        return
    start, end = record.get("start"), record.get("end")
    if text is None or "start" not in record or _offset(start, None) or _offset(end, None):
        return
    words = record.get(key)
    if not (start < end <= len(text)) or (
            isinstance(words, str) and text[start:end].strip() != words.strip()):
        yield Problem(file, where, "start",
                      f"start..end ({start}..{end}) must cover the {key} in text")
