"""link: incident claims from many reports grouped into incidents.

`link(new, existing)` is the pure core: claims in, one `Decision` per new claim
out (`entries` -> `blocking` -> `scoring` -> `clustering`). `summarise` turns
an incident's claims into its reconciled figures, dates, perpetrators and
grade (`reconcile`, `independence`, `grading`). `link_store` runs both on the
claims of a store that are not yet linked; `link_labels` is the link function
`harmtrace eval` scores.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

from harmtrace.link import settings
from harmtrace.link.clustering import Decision, NewIncident, cluster
from harmtrace.link.entries import ClaimRef, make_entry
from harmtrace.link.grading import GRADES, Grade
from harmtrace.link.incremental import LinkRun, link_store
from harmtrace.link.sides import actor_key
from harmtrace.link.summary import IncidentSummary, summarise
from harmtrace.records import IncidentClaim, Report


def link(
    new: Sequence[ClaimRef],
    existing: Iterable[tuple[ClaimRef, Hashable]] = (),
    *,
    threshold: float = settings.LINK_THRESHOLD,
) -> list[Decision]:
    """Where each new claim goes: an existing incident (by its id) or a `NewIncident`."""
    linked = []
    for ref, incident in existing:
        entry = make_entry(ref)
        entry.incident = incident
        linked.append(entry)
    return cluster([make_entry(ref) for ref in new], linked, threshold=threshold)


def link_labels(pairs: Sequence[tuple[Report, IncidentClaim]]) -> list[Hashable]:
    """One incident label per claim, in order: the `link_fn` of `harmtrace eval`."""
    refs = [
        ClaimRef(key=n, claim=claim, report_id=report.id, outlet=report.outlet,
                 url=report.url, published=report.published)
        for n, (report, claim) in enumerate(pairs)
    ]
    incident_of = {d.key: d.incident for d in link(refs)}
    return [incident_of[n] for n in range(len(refs))]


__all__ = [
    "GRADES",
    "ClaimRef",
    "Decision",
    "Grade",
    "IncidentSummary",
    "LinkRun",
    "NewIncident",
    "actor_key",
    "link",
    "link_labels",
    "link_store",
    "summarise",
]
