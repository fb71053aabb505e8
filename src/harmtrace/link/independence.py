"""Which claims of an incident are independent of each other.

Two claims are one source, not two, when either holds:

- they speak with one voice: both attributed to the same named claimer, or to
  claimers on the same side (`sides.py`: a ministry and its spokesman; CENTCOM
  and the coalition it commands). Ten outlets relaying one ministry figure are
  one source;
- they are an outlet's own account (the reporter's voice, or unnamed "local
  sources", "residents": a claimer written without a capital) from the same
  report, from a near-copy of it (`reports.copy_of`), or from the same outlet
  or outlets affiliated with it (a state agency and the channels that relay
  it; `data/link/outlets.jsonl`).

The count of independent sources is the number of groups that leaves.
"""

from __future__ import annotations

import json
from collections.abc import Hashable, Iterable, Sequence
from functools import cache, lru_cache
from importlib.resources import files
from urllib.parse import urlsplit

from harmtrace.link.entries import ClaimRef
from harmtrace.link.sides import side_of

SourceKey = tuple[str, str]


@cache
def _affiliations() -> dict[str, str]:
    """Outlet name or web domain (case-folded) -> the group it belongs to."""
    groups: dict[str, str] = {}
    text = (files("harmtrace") / "data" / "link" / "outlets.jsonl").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        for name in (*row.get("outlets", []), *row.get("domains", [])):
            groups[name.casefold()] = row["group"]
    return groups


@lru_cache(maxsize=16384)
def outlet_group(outlet: str | None, url: str | None = None) -> str | None:
    """The affiliation group of an outlet, else the outlet itself, else its web host."""
    groups = _affiliations()
    host = _host(url)
    for name in (outlet, host, _parent_domain(host)):
        if name and name.casefold() in groups:
            return groups[name.casefold()]
    if outlet:
        return outlet.casefold().removeprefix("www.")
    return host


def _host(url: str | None) -> str | None:
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def _parent_domain(host: str | None) -> str | None:
    """"english.alarabiya.net" -> "alarabiya.net": sections of one site are one outlet."""
    if not host or host.count(".") < 2:
        return None
    return host.split(".", 1)[1]


def own_account(claimed_by: str) -> bool:
    """Whether the claim is the outlet's own account rather than a named claimer's."""
    return claimed_by.strip().casefold() in {"", "reporter"} or claimed_by.islower()


def source_keys(ref: ClaimRef) -> tuple[SourceKey, ...]:
    """Keys that make two claims one source when they share any of them."""
    claimed_by = ref.claim.claimed_by
    if not own_account(claimed_by):
        return (("voice", side_of(claimed_by)),)
    keys: list[SourceKey] = [("report", ref.original)]
    group = outlet_group(ref.outlet, ref.url)
    if group:
        keys.append(("outlet", group))
    return tuple(keys)


def independent_sources(refs: Sequence[ClaimRef]) -> list[list[int]]:
    """The claims (by position in `refs`) grouped into independent sources."""
    parent = list(range(len(refs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[Hashable, int] = {}
    for i, ref in enumerate(refs):
        for key in source_keys(ref):
            j = first_with.setdefault(key, i)
            parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(refs)):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def count_sources(refs: Iterable[ClaimRef]) -> int:
    return len(independent_sources(list(refs)))
