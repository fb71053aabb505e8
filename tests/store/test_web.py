"""Web listings in the store: keyset pages across dated and undated incidents."""

from __future__ import annotations

import pytest

from harmtrace.store import IncidentWrite, save_links
from harmtrace.store.web import Box, IncidentFilter, incident_page, map_points, page_end

DAYS = {"a": "2019-11-05", "b": "2019-11-05", "c": "2020-01-02", "d": None, "e": None}


def write(key: str) -> IncidentWrite:
    day = DAYS[key]
    return IncidentWrite(key=key, summary={"claims": 1}, grade="single_source",
                         grade_rule="grade.single_source/1", country="SY", date_start=day,
                         date_end=day, perpetrators=())


def walk(session, sort: str, size: int, where: IncidentFilter) -> list[int]:
    found, after = [], None
    while True:
        items, total = incident_page(session, where, sort=sort, limit=size, after=after)
        found += [i.id for i in items]
        after = page_end(items, sort)
        if len(items) < size:
            assert total == len(found)
            return found


@pytest.mark.parametrize("size", [1, 2, 3, 10])
def test_keyset_pages_walk_every_incident_in_order(sessions, size):
    with sessions() as session:
        ids = save_links(session, incidents=[write(k) for k in DAYS], members=[])
    a, b, c, d, e = (ids[k] for k in DAYS)
    with sessions() as session:
        everything = IncidentFilter()
        assert walk(session, "date_desc", size, everything) == [c, b, a, e, d]
        assert walk(session, "date_asc", size, everything) == [a, b, c, d, e]
        assert walk(session, "id", size, everything) == [a, b, c, d, e]
        assert walk(session, "date_desc", size, IncidentFilter(since="2019-12-01")) == [c]


def test_offset_pages_continue_past_the_dated_incidents(sessions):
    with sessions() as session:
        ids = save_links(session, incidents=[write(k) for k in DAYS], members=[])
    with sessions() as session:
        pages = [incident_page(session, IncidentFilter(), limit=2, offset=n)[0]
                 for n in (0, 2, 4)]
    assert [[i.id for i in page] for page in pages] == [
        [ids["c"], ids["b"]], [ids["a"], ids["e"]], [ids["d"]]]


def placed(key: str, killed: int | None, longitude: float) -> IncidentWrite:
    summary = {"killed": {"low": killed, "high": killed}, "latitude": 35.0,
               "longitude": longitude}
    return IncidentWrite(key=key, summary=summary, grade=None, grade_rule=None, country="SY",
                         date_start=None, date_end=None, perpetrators=())


def test_map_points_put_the_heaviest_first_and_say_when_some_are_left_out(sessions):
    with sessions() as session:
        ids = save_links(session, incidents=[
            placed("light", 2, 36.0), placed("heavy", 40, 37.0), placed("uncounted", None, 38.0),
            write("d"),
        ], members=[])
    with sessions() as session:
        found, truncated = map_points(session, IncidentFilter(), limit=2)
        assert ([i.id for i in found], truncated) == ([ids["heavy"], ids["light"]], True)
        found, truncated = map_points(session, IncidentFilter(), limit=3)
        assert ([i.id for i in found], truncated) == (
            [ids["heavy"], ids["light"], ids["uncounted"]], False)
        found, _ = map_points(session, IncidentFilter(), box=Box(35.5, 34, 36.5, 36))
        assert [i.id for i in found] == [ids["light"]]
