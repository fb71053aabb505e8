"""Reads the web UI and API need: filtered incident pages, statements, search.

Incident filters are one `IncidentFilter`, applied the same way to the listing,
the map points and the weekly timeline, so all three follow what the user chose.
Search (and the incidents' text filter) matches whole words through the
backend's full-text index (`store/search.py`: FTS5 or PostgreSQL text search)
in reports, statements and the claims of incidents.
"""

from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session

from harmtrace.store.incidents import IncidentListing, claim_json, incident_claims, listing_of
from harmtrace.store.queries import IDS_PER_QUERY, STREAM_ROWS
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
from harmtrace.store.search import matching, ranked, search_words

SORTS = ("date_desc", "date_asc", "id")
SEARCH_LIMIT = 50
MAP_POINTS = 2000


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


@dataclass(frozen=True, slots=True)
class Keyset:
    """Where a page of a listing ended: the last incident's start date (for date sorts) and id."""

    date_start: str | None
    id: int


@dataclass(frozen=True, slots=True)
class IncidentCount:
    """How many incidents match a filter, and how many of them are undated."""

    total: int
    undated: int


def incident_count(session: Session, where: IncidentFilter) -> IncidentCount:
    """One pass over the matches; a blamed actor alone is counted from its own index
    (its rows each name an incident), not by looking every incident up."""
    if where == IncidentFilter(perpetrator=where.perpetrator) and where.perpetrator:
        total = session.scalar(select(func.count()).select_from(IncidentPerpetratorRow).where(
            IncidentPerpetratorRow.perpetrator == where.perpetrator)) or 0
        undated = session.scalar(_filtered(session, select(func.count()), where).where(
            IncidentRow.date_start.is_(None))) or 0
        return IncidentCount(total, undated)
    found = _filtered(session, select(IncidentRow.date_start), where).subquery()
    total, undated = session.execute(select(
        func.count(), func.count().filter(found.c.date_start.is_(None)))).one()
    return IncidentCount(total, undated)


def incidents_version(session: Session) -> tuple[Any, Any]:
    """What changes whenever linking writes incidents: the newest update and the highest id
    (each read from an index's end)."""
    newest = select(func.max(IncidentRow.updated_at)).scalar_subquery()
    highest = select(func.max(IncidentRow.id)).scalar_subquery()
    return tuple(session.execute(select(newest, highest)).one())


def incident_page(session: Session, where: IncidentFilter, *, sort: str = "date_desc",
                  limit: int = 50, offset: int = 0, after: Keyset | None = None,
                  counted: IncidentCount | None = None) -> tuple[list[IncidentListing], int]:
    """One page of filtered incidents (after `after`, else from `offset`) and how many match.

    Dated incidents come first in date order and undated ones after them, each part
    read by its own query so both walk an index (date, id) and stop at the page's end
    instead of sorting every match; the page's rows are read after their ids. A caller
    that keeps counts per filter passes them as `counted`.
    """
    counted = counted or incident_count(session, where)
    dated = 0 if sort == "id" else counted.total - counted.undated
    ids = _page_ids(session, where, sort, limit, offset, after, dated)
    return _listings(session, ids), counted.total


def page_end(items: list[IncidentListing], sort: str) -> Keyset | None:
    """The keyset to ask for the page after `items` with (None when there are none)."""
    if not items:
        return None
    last = items[-1]
    return Keyset(None if sort == "id" else last.date_start, last.id)


def _page_ids(session: Session, where: IncidentFilter, sort: str, limit: int, offset: int,
              after: Keyset | None, dated_total: int) -> list[int]:
    ascending = sort != "date_desc"
    later = operator.gt if ascending else operator.lt
    by_id = IncidentRow.id.asc() if ascending else IncidentRow.id.desc()
    ids: list[int] = []
    if sort != "id" and (after is None or after.date_start is not None):
        dated = _filtered(session, select(IncidentRow.id), where, walk=True).where(
            IncidentRow.date_start.is_not(None))
        if after is not None:
            dated = dated.where(or_(later(IncidentRow.date_start, after.date_start), and_(
                IncidentRow.date_start == after.date_start, later(IncidentRow.id, after.id))))
        day = IncidentRow.date_start.asc() if ascending else IncidentRow.date_start.desc()
        skip = offset if after is None else 0
        ids = list(session.scalars(dated.order_by(day, by_id).limit(limit).offset(skip)))
    if len(ids) < limit:
        undated = _filtered(session, select(IncidentRow.id), where, walk=sort == "id")
        if sort != "id":
            undated = undated.where(IncidentRow.date_start.is_(None))
        if after is not None and (sort == "id" or after.date_start is None):
            undated = undated.where(later(IncidentRow.id, after.id))
        skip = max(offset - dated_total, 0) if after is None else 0
        ids += session.scalars(undated.order_by(by_id).limit(limit - len(ids)).offset(skip))
    return ids


def incident_points(session: Session, where: IncidentFilter) -> Iterator[IncidentListing]:
    """Every filtered incident, for exports."""
    statement = _filtered(session, select(IncidentRow), where).order_by(IncidentRow.id)
    for row in session.scalars(statement.execution_options(yield_per=STREAM_ROWS)):
        yield listing_of(row)


@dataclass(frozen=True, slots=True)
class Box:
    """A map's view in degrees; west <= east (views across the antimeridian are not asked)."""

    west: float
    south: float
    east: float
    north: float


@dataclass(frozen=True, slots=True)
class MapPoint:
    """One incident on the map: where, its reconciled toll, and what its popup says."""

    id: int
    latitude: float
    longitude: float
    killed: int | None
    place: str | None
    country: str | None
    date_start: str | None
    grade: str | None


def map_points(session: Session, where: IncidentFilter, *, box: Box | None = None,
               limit: int = MAP_POINTS) -> tuple[list[MapPoint], bool]:
    """Filtered incidents with a place (in `box` if given), at most `limit`, and whether more
    were left out; the heaviest tolls come first, so a crowded map keeps what matters most.

    A map asks for thousands of points at a time: the columns read here, and those the
    common filters test, are all in one index walked in this order (migration 0006), and
    rows are read on the session's connection, without the ORM's bookkeeping.
    """
    statement = _filtered(session, select(
        IncidentRow.id, IncidentRow.latitude, IncidentRow.longitude, IncidentRow.killed_high,
        IncidentRow.location, IncidentRow.country, IncidentRow.date_start, IncidentRow.grade),
        where).where(
        IncidentRow.latitude.is_not(None), IncidentRow.longitude.is_not(None))
    if box is not None:
        statement = statement.where(IncidentRow.longitude.between(box.west, box.east),
                                    IncidentRow.latitude.between(box.south, box.north))
    rows = session.connection().execute(statement.order_by(
        IncidentRow.killed_high.desc().nulls_last(), IncidentRow.id).limit(limit + 1))
    found = [MapPoint(*row) for row in rows]
    return found[:limit], len(found) > limit


LISTED = (IncidentRow.id, IncidentRow.grade, IncidentRow.grade_rule, IncidentRow.country,
          IncidentRow.date_start, IncidentRow.date_end, IncidentRow.summary)


def _listings(session: Session, ids: list[int]) -> list[IncidentListing]:
    """The incidents `ids`, in that order, read as plain columns on the session's connection:
    a listing is read on every request, and ORM objects would cost more than the query."""
    found = {row[0]: IncidentListing(*row) for start in range(0, len(ids), IDS_PER_QUERY)
             for row in session.connection().execute(select(*LISTED).where(
                 IncidentRow.id.in_(ids[start: start + IDS_PER_QUERY])))}
    return [found[i] for i in ids]


def export_rows(session: Session, incidents: list[IncidentListing]
                ) -> Iterator[dict[str, Any]]:
    """Incidents whole, as `harmtrace export --kind linked` writes them: summary, claims."""
    claims = incident_claims(session, incident_ids=[i.id for i in incidents])
    for listing in incidents:
        yield {"incident_id": listing.id, "grade": listing.grade,
               "grade_rule": listing.grade_rule, "country": listing.country,
               "date_start": listing.date_start, "date_end": listing.date_end,
               "summary": listing.summary,
               "claims": [claim_json(c) for c in claims.get(listing.id, [])]}


def weekly_counts(session: Session, where: IncidentFilter) -> list[WeekCount]:
    """Filtered incidents and their reconciled low death toll per week (from Monday).

    The database sums per start day (a few thousand rows at most); days fold into
    weeks here, and weeks with nothing are filled with zero.
    """
    statement = _filtered(session, select(IncidentRow.date_start, func.count(IncidentRow.id),
                                 func.coalesce(func.sum(IncidentRow.killed_low), 0)), where)
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
    """Reports, statements and incidents whose text holds every word of `text`, best first."""
    words = search_words(text)
    if not words:
        return []
    return [*_search_reports(session, words, limit), *_search_statements(session, words, limit),
            *_search_incidents(session, words, limit)]


def _search_reports(session: Session, words: list[str], limit: int) -> list[SearchHit]:
    statement = select(ReportRow.id, ReportRow.title, ReportRow.text)
    rows = session.execute(ranked(session, statement, "reports", words).limit(limit))
    return [SearchHit("report", rid, title or rid, _snippet(body, words[0]))
            for rid, title, body in rows]


def _search_statements(session: Session, words: list[str], limit: int) -> list[SearchHit]:
    statement = select(StatementRow.id, StatementRow.report_id, StatementRow.speaker,
                       StatementRow.content).where(in_view(StatementRow, "current"))
    rows = session.execute(ranked(session, statement, "statements", words).limit(limit))
    return [SearchHit("statement", f"{rid}#s{sid}", speaker, _snippet(content, words[0]))
            for sid, rid, speaker, content in rows]


def _search_incidents(session: Session, words: list[str], limit: int) -> list[SearchHit]:
    where = IncidentFilter(text=" ".join(words))
    rows = session.scalars(_filtered(session, select(IncidentRow), where)
                           .order_by(IncidentRow.id).limit(limit))
    return [SearchHit("incident", str(row.id), _incident_title(listing_of(row)),
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


def _filtered(session: Session, statement: Select[Any], where: IncidentFilter, *,
              walk: bool = False) -> Select[Any]:
    """`statement` narrowed by `where`; with `walk`, for a query that walks a sort index and
    stops at a page's end, so a blamed actor is looked up per incident instead of listed."""
    if where.country:
        statement = statement.where(IncidentRow.country == where.country.upper())
    if where.since:
        statement = statement.where(IncidentRow.date_end >= where.since)
    if where.until:
        statement = statement.where(IncidentRow.date_start <= where.until)
    if where.grade:
        statement = statement.where(IncidentRow.grade == where.grade)
    if where.perpetrator and walk:
        statement = statement.where(exists().where(
            IncidentPerpetratorRow.incident_id == IncidentRow.id,
            IncidentPerpetratorRow.perpetrator == where.perpetrator))
    elif where.perpetrator:
        statement = statement.where(IncidentRow.id.in_(
            select(IncidentPerpetratorRow.incident_id)
            .where(IncidentPerpetratorRow.perpetrator == where.perpetrator)))
    if where.event_type:
        statement = statement.where(_has_claim(IncidentClaimRow.event_type == where.event_type))
    words = search_words(where.text or "")
    if words:
        statement = statement.where(_has_claim(matching(session, "incident_claims", words)))
    return statement


def _has_claim(condition: Any) -> Any:
    return exists().where(IncidentMemberRow.incident_id == IncidentRow.id,
                          IncidentClaimRow.id == IncidentMemberRow.claim_id, condition)


def _distinct(session: Session, column: Any) -> list[str]:
    return [v for v in session.scalars(select(column).distinct().order_by(column)) if v]
