"""Incidents and deaths per week, summed in the store and drawn as bars."""

from __future__ import annotations

from harmtrace.store import open_store
from harmtrace.store.web import IncidentFilter, WeekCount, weekly_counts
from harmtrace.web.timeline import HEIGHT, bars


def test_weeks_of_the_sample_store(web_db):
    with open_store(web_db)() as session:
        weeks = weekly_counts(session, IncidentFilter(country="SY", event_type="shelling"))
    # The Saraqib shelling was on Wednesday 2019-11-06, seven killed: the week of Monday 4th.
    week = next(w for w in weeks if w.week == "2019-11-04")
    assert week.incidents >= 1 and week.killed >= 7
    assert all(w.week >= "2019-10-28" for w in weeks)


def test_bars_scale_to_the_busiest_week_and_gaps_stay_empty():
    drawn = bars([WeekCount("2024-01-01", 2, 10), WeekCount("2024-01-08", 0, 0),
                  WeekCount("2024-01-15", 4, 5)])
    room = HEIGHT - 20
    assert [b.height for b in drawn] == [room / 2, 0, room]
    assert [b.death_height for b in drawn] == [room, 0, room / 2]
    assert drawn[0].x < drawn[1].x < drawn[2].x
    assert "2 incidents, 10 killed" in drawn[0].label
