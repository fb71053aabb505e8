"""Reads the web UI and API need: filtered incident pages, statements, search.

Incident filters are one `IncidentFilter`, applied the same way to the listing,
the map points and the weekly timeline, so all three follow what the user chose.
Search matches words case-insensitively (LIKE) in reports, statements and the
claims of incidents, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, exists, func, or_, select
from sqlalchemy.orm import Session

from harmtrace.store.incidents import IncidentListing, _claim_json, _listing, incident_claims
from harmtrace.store.queries import STREAM_ROWS
from harmtrace.store.reviews import in_view
from harmtrace.store.schema import (
    IncidentClaimRow,
    IncidentMemberRow,
    IncidentPerpetratorRow,
    IncidentRow,
    OutletRow,
    ReportRow,
    StatementRow,
)

SORTS = ("date_desc", "date_asc", "id")
SEARCH_LIMIT = 50


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    """What a user narrows incidents by; None means no condition."""

    country: str | None = None
    since: str | None = None
    until: str | None = None
    perpetrator: str | None = None
    event_type: str | None = None
    grade: str | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class WeekCount:
    week: str
    incidents: int
    killed: int


@dataclass(frozen=True, slots=True)
class StatementListing:
    id: int
    report_id: str
    speaker: str
    speaker_org: str | None
    kind: str
    content: str
    start: int
    end: int
    published: str | None
    outlet: str | None


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str
    id: str
    title: str
    snippet: str


def incident_page(session: Session, where: IncidentFilter, *, sort: str = "date_desc",
                  limit: int = 50, offset: int = 0) -> tuple[list[IncidentListing], int]:
    """One page of filtered incidents and how many match in all.

    The page's ids are sorted first and its rows read after, so the sort never
    carries the summaries of every matching incident.
    """
    total = session.scalar(_filtered(select(func.count(IncidentRow.id)), where)) or 0
    ids = list(session.scalars(_sorted(_filtered(select(IncidentRow.id), where), sort)
                               .limit(limit).offset(offset)))
    rows = {row.id: row for row in session.scalars(
        select(IncidentRow).where(IncidentRow.id.in_(ids)))} if ids else {}
    return [_listing(rows[i]) for i in ids], total


def incident_points(session: Session, where: IncidentFilter) -> Iterator[IncidentListing]:
    """Every filtered incident, for the map and the timeline."""
    statement = _filtered(select(IncidentRow), where).order_by(IncidentRow.id)
    for row in session.scalars(statement.execution_options(yield_per=STREAM_ROWS)):
        yield _listing(row)


def export_rows(session: Session, incidents: list[IncidentListing]
                ) -> Iterator[dict[str, Any]]:
    """Incidents whole, as `harmtrace export --kind linked` writes them: summary, claims."""
    claims = incident_claims(session, incident_ids=[i.id for i in incidents])
    for listing in incidents:
        yield {"incident_id": listing.id, "grade": listing.grade,
               "grade_rule": listing.grade_rule, "country": listing.country,
               "date_start": listing.date_start, "date_end": listing.date_end,
               "summary": listing.summary,
               "claims": [_claim_json(c) for c in claims.get(listing.id, [])]}


def weekly_counts(session: Session, where: IncidentFilter) -> list[WeekCount]:
    """Filtered incidents and their reconciled low death toll per week (from Monday).

    The database sums per start day (a few thousand rows at most); days fold into
    weeks here, and weeks with nothing are filled with zero.
    """
    killed = IncidentRow.summary["killed"]["low"].as_integer()
    statement = _filtered(select(IncidentRow.date_start, func.count(IncidentRow.id),
                                 func.coalesce(func.sum(killed), 0)), where)
    rows = session.execute(statement.where(IncidentRow.date_start.is_not(None))
                           .group_by(IncidentRow.date_start))
    counts: Counter[date] = Counter()
    deaths: Counter[date] = Counter()
    for day_text, incidents, dead in rows:
        try:
            day = date.fromisoformat(day_text[:10])
        except ValueError:
            continue
        monday = day - timedelta(days=day.weekday())
        counts[monday] += incidents
        deaths[monday] += int(dead)
    return _weeks(counts, deaths)


def _weeks(counts: Counter[date], deaths: Counter[date]) -> list[WeekCount]:
    if not counts:
        return []
    weeks, monday = [], min(counts)
    while monday <= max(counts):
        weeks.append(WeekCount(monday.isoformat(), counts[monday], deaths[monday]))
        monday += timedelta(days=7)
    return weeks


def filter_choices(session: Session) -> dict[str, list[str]]:
    """Values the filter menus offer: countries, blamed actors, grades, event types."""
    return {
        "country": _distinct(session, IncidentRow.country),
        "perpetrator": _distinct(session, IncidentPerpetratorRow.perpetrator),
        "grade": _distinct(session, IncidentRow.grade),
        "event_type": _distinct(session, IncidentClaimRow.event_type),
    }


def list_statements(session: Session, *, speaker: str | None = None,
                    report_id: str | None = None, limit: int = 100,
                    offset: int = 0) -> list[StatementListing]:
    """Current statements with their report's date and outlet, newest report first."""
    statement = (
        select(StatementRow, ReportRow.published, OutletRow.name)
        .join(ReportRow, StatementRow.report_id == ReportRow.id)
        .outerjoin(OutletRow, ReportRow.outlet_id == OutletRow.id)
        .where(in_view(StatementRow, "current"))
        .order_by(ReportRow.published.desc().nulls_last(), StatementRow.report_id,
                  StatementRow.start, StatementRow.id)
    )
    if speaker is not None:
        statement = statement.where(StatementRow.speaker == speaker)
    if report_id is not None:
        statement = statement.where(StatementRow.report_id == report_id)
    rows = session.execute(statement.limit(limit).offset(offset))
    return [StatementListing(r.id, r.report_id, r.speaker, r.speaker_org, r.kind, r.content,
                             r.start, r.end, published, outlet) for r, published, outlet in rows]


def current_claims(session: Session, *, report_id: str) -> list[tuple[Any, int | None]]:
    """A report's current incident claims (id, evidence offsets, fields) and their incident."""
    statement = (
        select(IncidentClaimRow, IncidentMemberRow.incident_id)
        .outerjoin(IncidentMemberRow, IncidentMemberRow.claim_id == IncidentClaimRow.id)
        .where(IncidentClaimRow.report_id == report_id, in_view(IncidentClaimRow, "current"))
        .order_by(IncidentClaimRow.start, IncidentClaimRow.id)
    )
    return [(row, incident) for row, incident in session.execute(statement)]


def search(session: Session, text: str, *, limit: int = SEARCH_LIMIT) -> list[SearchHit]:
    """Reports, statements and incidents whose text holds every word of `text`."""
    words = [w for w in text.split() if w][:8]
    if not words:
        return []
    return [*_search_reports(session, words, limit), *_search_statements(session, words, limit),
            *_search_incidents(session, words, limit)]


def _search_reports(session: Session, words: list[str], limit: int) -> list[SearchHit]:
    conditions = [or_(_like(ReportRow.title, w), _like(ReportRow.text, w)) for w in words]
    rows = session.execute(select(ReportRow.id, ReportRow.title, ReportRow.text)
                           .where(*conditions).order_by(ReportRow.published.desc().nulls_last())
                           .limit(limit))
    return [SearchHit("report", rid, title or rid, _snippet(body, words[0]))
            for rid, title, body in rows]


def _search_statements(session: Session, words: list[str], limit: int) -> list[SearchHit]:
    conditions = [or_(_like(StatementRow.content, w), _like(StatementRow.speaker, w))
                  for w in words]
    rows = session.execute(select(StatementRow.id, StatementRow.report_id, StatementRow.speaker,
                                  StatementRow.content)
                           .where(in_view(StatementRow, "current"), *conditions)
                           .order_by(StatementRow.id).limit(limit))
    return [SearchHit("statement", f"{rid}#s{sid}", speaker, _snippet(content, words[0]))
            for sid, rid, speaker, content in rows]


def _search_incidents(session: Session, words: list[str], limit: int) -> list[SearchHit]:
    rows = session.scalars(_filtered(select(IncidentRow), IncidentFilter(text=" ".join(words)))
                           .order_by(IncidentRow.id).limit(limit))
    return [SearchHit("incident", str(row.id), _incident_title(_listing(row)),
                      f"{row.date_start or 'undated'} · {(row.grade or 'ungraded')}"
                      .replace("_", " ")) for row in rows]


def _incident_title(incident: IncidentListing) -> str:
    summary = incident.summary
    place = summary.get("location") or incident.country or "unknown place"
    return f"{', '.join(summary.get('event_types') or ['incident'])} in {place}"


def _snippet(body: str | None, word: str, width: int = 80) -> str:
    body = body or ""
    at = body.casefold().find(word.casefold())
    start = max(at - width, 0) if at >= 0 else 0
    return ("…" if start else "") + body[start: start + 2 * width].replace("\n", " ")


def _like(column: Any, word: str) -> Any:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.ilike(f"%{escaped}%", escape="\\")


def _filtered(statement: Select[Any], where: IncidentFilter) -> Select[Any]:
    if where.country:
        statement = statement.where(IncidentRow.country == where.country.upper())
    if where.since:
        statement = statement.where(func.coalesce(IncidentRow.date_end, "") >= where.since)
    if where.until:
        statement = statement.where(IncidentRow.date_start <= where.until)
    if where.grade:
        statement = statement.where(IncidentRow.grade == where.grade)
    if where.perpetrator:
        statement = statement.where(IncidentRow.id.in_(
            select(IncidentPerpetratorRow.incident_id)
            .where(IncidentPerpetratorRow.perpetrator == where.perpetrator)))
    if where.event_type:
        statement = statement.where(_has_claim(IncidentClaimRow.event_type == where.event_type))
    for word in (where.text or "").split()[:8]:
        statement = statement.where(_has_claim(or_(
            _like(IncidentClaimRow.evidence, word), _like(IncidentClaimRow.location, word),
            _like(IncidentClaimRow.perpetrator, word), _like(IncidentClaimRow.claimed_by, word))))
    return statement


def _has_claim(condition: Any) -> Any:
    return exists().where(IncidentMemberRow.incident_id == IncidentRow.id,
                          IncidentClaimRow.id == IncidentMemberRow.claim_id, condition)


def _sorted(statement: Select[Any], sort: str) -> Select[Any]:
    if sort == "date_asc":
        return statement.order_by(IncidentRow.date_start.asc().nulls_last(), IncidentRow.id)
    if sort == "id":
        return statement.order_by(IncidentRow.id)
    return statement.order_by(IncidentRow.date_start.desc().nulls_last(), IncidentRow.id)


def _distinct(session: Session, column: Any) -> list[str]:
    return [v for v in session.scalars(select(column).distinct().order_by(column)) if v]
