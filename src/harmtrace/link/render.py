"""Incidents on the terminal: a listing, and one incident's claims side by side."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from harmtrace.records import IncidentClaim
from harmtrace.store import IncidentListing, IncidentMember, StoredIncident

SCORE_PARTS = ("place", "date", "event_type", "perpetrator", "figures")


def figure(low: int | None, high: int | None) -> str:
    if low is None and high is None:
        return ""
    if low == high:
        return str(low)
    return f"{low if low is not None else ''}–{high if high is not None else ''}"


def _range(summary: dict[str, Any], key: str) -> str:
    value = summary.get(key) or {}
    return figure(value.get("low"), value.get("high"))


def _dates(start: str | None, end: str | None) -> str:
    if not start:
        return "?"
    return start if not end or end == start else f"{start}..{end}"


def _actors(summary: dict[str, Any]) -> str:
    return ", ".join(p["actor"] for p in summary.get("perpetrators", [])) or "unknown"


def incidents_table(listings: Sequence[IncidentListing]) -> Table:
    table = Table("id", "dates", "country", "place", "type", "perpetrators", "killed",
                  "injured", "claims", "sources", "grade", title=f"Incidents ({len(listings)})")
    for row in listings:
        s = row.summary
        table.add_row(str(row.id), _dates(row.date_start, row.date_end), row.country or "",
                      escape(s.get("location") or "?"), ", ".join(s.get("event_types", [])),
                      escape(_actors(s)), _range(s, "killed"), _range(s, "injured"),
                      str(s.get("claims", "")), str(s.get("sources", "")), row.grade or "")
    return table


def print_incident(found: StoredIncident, out: Console) -> None:
    """The reconciled view, then every claim with its source and why it was linked."""
    row, s = found.incident, found.incident.summary
    grade = s.get("grade", {})
    out.rule(f"Incident {row.id}: {escape(s.get('location') or '?')}, {row.country or '?'}, "
             f"{_dates(row.date_start, row.date_end)}")
    reason = escape(grade.get("reason", ""))
    out.print(f"grade [bold]{row.grade}[/bold] ({row.grade_rule}): {reason}")
    out.print(f"killed {_range(s, 'killed') or '?'}  injured {_range(s, 'injured') or '?'}  "
              f"combatants killed {_range(s, 'combatants_killed') or '-'}  "
              f"(rule {(s.get('killed') or {}).get('rule', '')})")
    out.print(f"perpetrators: {escape(_blame(s))}")
    if s.get("denied_by"):
        out.print(f"denied by: {escape(', '.join(s['denied_by']))}")
    out.print(f"{s.get('claims')} claims from {s.get('reports')} reports, "
              f"{s.get('sources')} independent sources")
    out.print(claims_table(found.members))


def _blame(summary: dict[str, Any]) -> str:
    blamed = summary.get("perpetrators", [])
    return "; ".join(f"{p['actor']} (by {', '.join(p['claimed_by'])})" for p in blamed) or "unknown"


def claims_table(members: Sequence[IncidentMember]) -> Table:
    table = Table("claim", "report", "outlet", "claimed by", "killed", "injured", "date",
                  "place", "type", "perpetrator", "evidence", "why linked",
                  title="Claims side by side", show_lines=True)
    for member in members:
        stored, c = member.claim, member.claim.claim
        copy = f"\ncopy of {stored.copy_of[:10]}" if stored.copy_of else ""
        table.add_row(
            str(stored.claim_id), stored.report_id[:10] + copy, escape(stored.outlet or ""),
            escape(c.claimed_by), _claim_killed(c), figure(c.injured_low, c.injured_high),
            _claim_date(c), escape(_claim_place(c)), c.event_type, escape(c.perpetrator),
            escape(c.evidence), _why(member.score),
        )
    return table


def _claim_killed(claim: IncidentClaim) -> str:
    if claim.negated:
        return "denied"
    killed = figure(claim.killed_low, claim.killed_high)
    return f"{killed} {claim.victims}" if killed else ""


def _claim_date(claim: IncidentClaim) -> str:
    return f"{_dates(claim.date_start, claim.date_end)} ({claim.date_precision})"


def _claim_place(claim: IncidentClaim) -> str:
    place = ", ".join(p for p in (claim.location, claim.admin) if p) or "?"
    return f"{place} {claim.country or ''}".strip()


def _why(score: dict[str, Any] | None) -> str:
    if not score:
        return ""
    if score.get("founded"):
        return "founded the incident"
    parts = "\n".join(f"{name} {score[name]:.2f}" for name in SCORE_PARTS if name in score)
    return (f"support {score.get('support', 0):.2f} (threshold {score.get('threshold', 0):.2f})"
            f"\nbest match claim {score.get('matched_claim')}: {score.get('total', 0):.2f}"
            f"\n{parts}")
