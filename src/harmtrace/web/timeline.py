"""The weekly timeline as SVG geometry, computed on the server so it follows the filters."""

from __future__ import annotations

from dataclasses import dataclass

from harmtrace.store.web import WeekCount

WIDTH = 900
HEIGHT = 160
AXIS = 20
MAX_BAR = 18


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    width: float
    y: float
    height: float
    death_y: float
    death_height: float
    label: str


def bars(weeks: list[WeekCount]) -> list[Bar]:
    """One pair of bars per week: incidents (left scale) and deaths (own scale), same height."""
    if not weeks:
        return []
    step = WIDTH / len(weeks)
    top_incidents = max(w.incidents for w in weeks) or 1
    top_killed = max(w.killed for w in weeks) or 1
    room = HEIGHT - AXIS
    out = []
    for n, week in enumerate(weeks):
        tall = room * week.incidents / top_incidents
        dead = room * week.killed / top_killed
        width = min(max(step / 2 - 1, 0.5), MAX_BAR)
        out.append(Bar(round(n * step + step / 2 - width, 1), round(width, 1),
                       round(room - tall, 1), round(tall, 1), round(room - dead, 1),
                       round(dead, 1),
                       f"week of {week.week}: {week.incidents} incidents, {week.killed} killed"))
    return out
