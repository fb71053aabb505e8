"""Which linked claims a new claim is scored against, without looking at them all.

Every claim is filed under keys made of a time bucket (`BUCKET_DAYS` days)
and a place; a new claim is compared only with the claims filed under the keys
it looks up, so the work per claim depends on how many claims share its days
and area, not on the store. Keys are kept as their hashes: a collision only adds
a candidate that scoring then rules out.

- time: the buckets its date range covers; a lookup widens the range by
  `MAX_GAP_DAYS` on each side. A month-precision claim covers a month of
  buckets: the window widens with lower date precision. A claim with no date is filed
  under the week before its report's publication (`entries.date_range`); one
  with no date and no publication under its report only.
- place: grid cells its reach covers. A claim placed finely (a reach up to
  `FINE_REACH_KM`: a town, a neighbourhood) is filed in cells of
  `FINE_CELL_DEGREES`; a coarse one (a province) in cells of
  `COARSE_CELL_DEGREES`; every placed claim is also filed in the coarse cells
  its reach covers, which coarse claims look up. Two claims meet when their
  reaches overlap. A folded place name (`names.py`) is a key too, within a
  country, so a neighbourhood the gazetteer lacks meets its namesakes and the
  town it is said to be in. A claim placed only by its country looks up every
  claim of that country on its days.
- report: claims of one report (or of a near-copy of it) always meet, so a
  claim with no place or date can join the incident its report is about.

Keys are looked up nearest bucket first and the lookup stops at `MAX_CANDIDATES`,
so a vague claim in a busy country and month costs no more than a precise one.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Iterator

from harmtrace.link import settings
from harmtrace.link.entries import Entry

KM_PER_DEGREE = 111.2
Key = tuple[Hashable, ...]


class BlockIndex:
    """Claims filed under their blocking keys."""

    def __init__(self) -> None:
        self._buckets: dict[int, list[Entry]] = defaultdict(list)

    def add(self, entry: Entry) -> None:
        places = list(_filed_places(entry))
        self._buckets[hash(("report", entry.ref.original))].append(entry)
        for bucket in _buckets(entry):
            for place in places:
                self._buckets[hash((*place, bucket))].append(entry)

    def candidates(self, entry: Entry) -> list[Entry]:
        """Claims sharing a key with `entry`, nearest days first, at most `MAX_CANDIDATES`."""
        found: dict[int, Entry] = {id(entry): entry}
        limit = settings.MAX_CANDIDATES + 1
        for key in _looked_up(entry):
            for other in self._buckets.get(hash(key), ()):
                found[id(other)] = other
            if len(found) >= limit:
                break
        del found[id(entry)]
        return list(found.values())

    def __len__(self) -> int:
        return len(self._buckets)


def _filed_places(entry: Entry) -> Iterator[Key]:
    if entry.loc:
        yield ("name", entry.country, entry.loc)
    if entry.admin:
        yield ("admin", entry.country, entry.admin)
    if entry.placed:
        fine = entry.reach <= settings.FINE_REACH_KM
        for cell in _cells(entry, settings.FINE_CELL_DEGREES if fine else
                           settings.COARSE_CELL_DEGREES):
            yield ("fine" if fine else "coarse", *cell)
        for cell in _cells(entry, settings.COARSE_CELL_DEGREES):
            yield ("any", *cell)
    if entry.country:
        yield ("country", entry.country)
        if not entry.placed:
            yield ("vague", entry.country)


def _looked_up_places(entry: Entry) -> list[Key]:
    places: list[Key] = []
    for name in (entry.loc, entry.admin):
        if name:
            places.append(("name", entry.country, name))
    if entry.loc:
        places.append(("admin", entry.country, entry.loc))
    if entry.placed and entry.reach <= settings.FINE_REACH_KM:
        places += [("fine", *cell) for cell in _cells(entry, settings.FINE_CELL_DEGREES)]
        places += [("coarse", *cell) for cell in _cells(entry, settings.COARSE_CELL_DEGREES)]
    elif entry.placed:
        places += [("any", *cell) for cell in _cells(entry, settings.COARSE_CELL_DEGREES)]
    if entry.country:
        places.append(("vague", entry.country))
        if not entry.placed:
            places.append(("country", entry.country))
    return places


def _looked_up(entry: Entry) -> Iterator[Key]:
    yield ("report", entry.ref.original)
    places = _looked_up_places(entry)
    for bucket in _buckets_nearest_first(entry):
        for place in places:
            yield (*place, bucket)


def _buckets(entry: Entry) -> range:
    """The time buckets the claim's own date range falls in."""
    if entry.lo is None or entry.hi is None:
        return range(0)
    size = settings.BUCKET_DAYS
    return range(entry.lo // size, entry.hi // size + 1)


def _buckets_nearest_first(entry: Entry) -> list[int]:
    """Buckets of the range widened by `MAX_GAP_DAYS`: the claim's own first, then outwards."""
    if entry.lo is None or entry.hi is None:
        return []
    size, gap = settings.BUCKET_DAYS, settings.MAX_GAP_DAYS
    first, last = entry.lo // size, entry.hi // size
    widened = range((entry.lo - gap) // size, (entry.hi + gap) // size + 1)
    return sorted(widened, key=lambda bucket: max(first - bucket, bucket - last, 0))


def _cells(entry: Entry, size: float) -> Iterator[tuple[int, int]]:
    if entry.lat is None or entry.lon is None or math.isinf(entry.reach):
        return
    dlat = entry.reach / KM_PER_DEGREE
    dlon = dlat / max(math.cos(math.radians(entry.lat)), 0.01)
    for x in _span(entry.lat, dlat, size):
        for y in _span(entry.lon, dlon, size):
            yield x, y


def _span(centre: float, half: float, size: float) -> range:
    return range(math.floor((centre - half) / size), math.floor((centre + half) / size) + 1)
