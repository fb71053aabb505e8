"""Which predicted record is which gold record, within one report (FORMAT.md "Scoring").

Records come as dicts with the FORMAT.md field names; `records.py` objects and
their `to_dict()` output (the same names plus offsets and provenance) are
accepted too. Each function returns one-to-one (predicted index, gold index)
pairs. The FORMAT.md rule decides whether a pair may match; among the pairs that
may, the assignment keeps as many as possible and then prefers the closest ones
(most fields agreeing, most shared words), so a record scored against an exact
copy of itself always pairs with its copy.

- incidents: the place agrees (fields.places_agree), the dates agree
  (fields.dates_agree), the event types are equal.
- statements: the speakers agree and the content spans overlap by at least half
  of the shorter one. Speakers agree when they denote the same actor or when one
  name is the end of the other ("Konashenkov" and "Igor Konashenkov", "Maj. Gen.
  Igor Konashenkov"): the overlapping words already tie the two records to one
  utterance, and `statements.speaker` accuracy still asks for the same canonical
  name.
- aggregates: the evidence spans overlap by at least half of the shorter one. The
  evidence is the clause that carries the figure, so shared words mean the same
  total; actor, figures and period are then scored as fields.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, is_dataclass
from typing import Any

from harmtrace.aliases import normalise_name, same_actor
from harmtrace.evaluate.assignment import assign
from harmtrace.evaluate.fields import (
    AGGREGATE_FIELDS,
    INCIDENT_FIELDS,
    STATEMENT_FIELDS,
    Record,
    agreement,
    dates_agree,
    places_agree,
)
from harmtrace.evaluate.spans import Span, closest, half_overlap, jaccard, record_spans

Pairs = list[tuple[int, int]]


def as_record(item: Any) -> dict[str, Any]:
    """A record as a plain dict, whether given as a dict or a records.py object."""
    if isinstance(item, Mapping):
        return dict(item)
    if hasattr(item, "to_dict"):
        return dict(item.to_dict())
    if is_dataclass(item) and not isinstance(item, type):
        return asdict(item)
    raise TypeError(f"not a record: {item!r}")


def _records(items: Sequence[Any]) -> list[dict[str, Any]]:
    return [as_record(item) for item in items]


def incident_match(pred: Record, gold: Record) -> bool:
    return (pred.get("event_type") == gold.get("event_type")
            and places_agree(pred, gold) and dates_agree(pred, gold))


def _same_words(a: object, b: object) -> bool:
    return isinstance(a, str) and isinstance(b, str) and a.strip() == b.strip()


def _incident_score(pred: Record, gold: Record) -> float | None:
    if not incident_match(pred, gold):
        return None
    evidence = _same_words(pred.get("evidence"), gold.get("evidence"))
    fields = len(INCIDENT_FIELDS)
    return (agreement(pred, gold, INCIDENT_FIELDS) * fields + evidence) / (fields + 1)


def match_incidents(pred: Sequence[Any], gold: Sequence[Any]) -> Pairs:
    p, g = _records(pred), _records(gold)
    return assign([[_incident_score(a, b) for b in g] for a in p])


def speakers_agree(a: object, b: object) -> bool:
    if not isinstance(a, str) or not isinstance(b, str) or not a.strip() or not b.strip():
        return False
    if same_actor(a, b):
        return True
    short, long = sorted((normalise_name(a).split(), normalise_name(b).split()), key=len)
    return bool(short) and long[len(long) - len(short):] == short


def _overlap_score(pred_spans: list[Span], gold_spans: list[Span]) -> float | None:
    """Jaccard of the closest occurrences when they overlap enough to match, else None."""
    pair = closest(pred_spans, gold_spans)
    return jaccard(*pair) if pair and half_overlap(*pair) else None


def _span_scores(pred: list[dict[str, Any]], gold: list[dict[str, Any]], text: str,
                 key: str) -> list[list[float | None]]:
    pred_spans = [record_spans(r, text, key) for r in pred]
    gold_spans = [record_spans(r, text, key) for r in gold]
    return [[_overlap_score(p, g) for g in gold_spans] for p in pred_spans]


def _with_fields(overlap: float | None, pred: Record, gold: Record,
                 table: Mapping[str, Any]) -> float | None:
    if overlap is None:
        return None
    return (overlap + agreement(pred, gold, table) * len(table)) / (len(table) + 1)


def _statement_score(overlap: float | None, pred: Record, gold: Record) -> float | None:
    if overlap is None or not speakers_agree(pred.get("speaker"), gold.get("speaker")):
        return None
    return _with_fields(overlap, pred, gold, STATEMENT_FIELDS)


def match_statements(pred: Sequence[Any], gold: Sequence[Any], text: str) -> Pairs:
    p, g = _records(pred), _records(gold)
    overlaps = _span_scores(p, g, text, "content")
    return assign([[_statement_score(overlaps[i][j], a, b) for j, b in enumerate(g)]
                   for i, a in enumerate(p)])


def match_spans(pred: Sequence[Any], gold: Sequence[Any], text: str, key: str,
                table: Mapping[str, Any]) -> Pairs:
    """Pairs whose `key` words overlap by at least half of the shorter span; among those,
    the most overlap and the most fields of `table` agreeing."""
    p, g = _records(pred), _records(gold)
    overlaps = _span_scores(p, g, text, key)
    return assign([[_with_fields(overlaps[i][j], a, b, table)
                    for j, b in enumerate(g)] for i, a in enumerate(p)])


def match_aggregates(pred: Sequence[Any], gold: Sequence[Any], text: str) -> Pairs:
    return match_spans(pred, gold, text, "evidence", AGGREGATE_FIELDS)
