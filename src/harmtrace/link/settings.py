"""Every tuned number of linking, in one place, with how it was chosen.

The score of a claim against a candidate is a weighted geometric mean of five
parts, each in [0, 1] (`scoring.py`); a claim joins the incident whose
candidates it scores best on average, when that average reaches
`LINK_THRESHOLD` (`clustering.py`). Blocking (`blocking.py`) decides which
candidates are scored at all, from the country, the date window and the place.

Tuning. `LINK_THRESHOLD` and `WEIGHTS` were swept on three sets: the dev
corpus's 159 gold claims (geocoded through the gazetteer as extraction does),
the claims the extractor predicted on the dev corpus (scored over the gold
claims they matched, as `harmtrace eval` does), and 10,000 synthetic claims
(`benchmarks/synthetic.py`, seed 11). Pairwise F1 at thresholds 0.55 / 0.6 /
0.65: gold 0.968 / 0.968 / 0.952, predicted 0.960 / 0.965 / 0.946, synthetic
0.792 / 0.815 / 0.800 (0.5 and 0.75 were worse on all three), so 0.6. Place and
date weights were swept over 0.25-0.45 and 0.2-0.4, the rest shared by type,
perpetrator and figures (43 / 28 / 29): the dev sets reach 0.96-0.97 once
place and date together weigh 0.6 or more (0.94-0.95 below), and the synthetic
set prefers them lighter (0.83 at 0.25 / 0.2, 0.72 at 0.45 / 0.4); 0.3 / 0.3 keeps both dev
sets at their best with synthetic at 0.815. Distances and windows were not
swept: they follow from what a place of each precision covers on the ground and
from the corpus conventions (FORMAT.md counts dates within one day as
agreeing).
"""

from __future__ import annotations

LINK_THRESHOLD = 0.6
"""Support (mean score over an incident's candidates) at or above which a claim joins it."""

WEIGHTS: dict[str, float] = {
    "place": 0.30,
    "date": 0.30,
    "event_type": 0.17,
    "perpetrator": 0.11,
    "figures": 0.12,
}
"""Share of each score part; they add up to 1, so the total is a (geometric) mean."""
PART_FLOOR = 0.05
"""Smallest value a part enters the mean with, so no single part is a veto."""

# --- place -----------------------------------------------------------------

RADIUS_KM: dict[str, float] = {
    "building": 2.0,
    "site": 2.0,
    "neighbourhood": 4.0,
    "neighborhood": 4.0,
    "locality": 6.0,
    "village": 6.0,
    "district": 10.0,
    "town": 10.0,
    "city": 15.0,
    "admin2": 40.0,
    "county": 40.0,
    "province": 90.0,
    "region": 90.0,
    "admin1": 90.0,
    "state": 90.0,
}
"""How far from its coordinates a place of each geo precision may reach.

A city's gazetteer point is its centre and its suburbs lie 10-15 km out. The
provinces of Syria, Iraq, Yemen, Afghanistan and Ukraine average 13,000-26,000
km², a radius of 65-90 km; a district (admin2) a tenth of that. A precision not listed counts
as `DEFAULT_RADIUS_KM`; "country" has no coordinates worth a distance.
"""

DEFAULT_RADIUS_KM = 15.0
TIERS: dict[str, int] = {
    "building": 0, "site": 0, "neighbourhood": 0, "neighborhood": 0, "district": 0,
    "locality": 1, "village": 1, "town": 1, "city": 1,
    "admin2": 2, "county": 2, "province": 2, "region": 2, "admin1": 2, "state": 2,
}
"""Kinds of place: parts of a settlement (0), settlements (1), administrative areas (2).
A place lies within another of a higher tier whose reach covers it; two differently
named places of one tier are different places. Unlisted precisions are settlements."""
DEFAULT_TIER = 1
SAME_PLACE_KM = 2.0
"""Two differently spelt places of one precision this close are one place."""
SAME_NAME_MAX_KM = 60.0
"""Two places of one name further apart than this are namesakes, not one place."""

PLACE_SAME_NAME = 1.0
PLACE_NEAR_SAME = 0.8
"""Different spellings at one precision, within `SAME_PLACE_KM`."""
PLACE_CONTAINED = 0.75
"""One place is named as the other's wider area ("al-Jadida, Mosul" and "Mosul")."""
PLACE_WITHIN_REACH = 0.65
"""A place lies within the reach of one of a higher tier, by coordinates."""
PLACE_NAMES_DIFFER = 0.2
"""Both claims name a place, the names differ, and no coordinates tell them apart."""
PLACE_COUNTRY_ONLY = 0.3
"""One claim is placed only by its country, or by a name the gazetteer lacks."""
PLACE_UNPLACED = 0.25
"""Neither claim is placed (only scored within one report)."""
PLACE_DISTINCT = 0.1
"""Two different places of one precision in the same area (two neighbourhoods)."""

# --- date ------------------------------------------------------------------

DATE_GAP_SCORE: tuple[float, ...] = (1.0, 0.85, 0.4, 0.15)
"""Closeness by days between the two date ranges: overlap, 1, 2, 3 days apart.

Reports resolve "yesterday" and "on Friday" against different days, and a night
strike is dated either side of midnight: one day apart still agrees (as
FORMAT.md scores it); two or three days apart only with the rest agreeing.
"""
MAX_GAP_DAYS = len(DATE_GAP_SCORE) - 1
"""Ranges further apart than this are never the same incident (a blocking gate)."""

SPECIFICITY: tuple[tuple[int, float], ...] = ((3, 1.0), (10, 0.8), (31, 0.5), (366, 0.25))
"""Weight of a date agreement by the wider range's length in days (day, week,
month, year): two claims both "in March" agree far less than two "on March 17"."""
COARSEST_SPECIFICITY = 0.1
UNDATED_LOOKBACK_DAYS = 7
"""A claim with no date is taken to be about the week before its report's publication."""
UNDATED_SPECIFICITY = 0.3
"""Weight of a date agreement when either date was assumed from publication."""
UNDATED_WITHIN_REPORT = 0.3
"""Date part for two claims of one report when either has no date of its own: the
report may date the event once and give other accounts of it undated."""

# --- perpetrator and figures -------------------------------------------------

PERPETRATOR_SAME = 1.0
PERPETRATOR_UNKNOWN = 0.5
PERPETRATOR_DIFFERENT = 0.2
"""Different blame is weak evidence of different events: sources often blame
different actors for one strike (a contested incident)."""
FIGURES_UNKNOWN = 0.5
"""Figures part when either claim has no death toll or the victim groups differ."""

# --- blocking -----------------------------------------------------------------

BUCKET_DAYS = 3
"""Length of a blocking time bucket: a day-precise claim's lookup window (its day and
three either side) spans three buckets; a month-precise claim is filed in eleven."""
FINE_REACH_KM = 20.0
"""Claims reaching no further than this (towns, neighbourhoods) are filed in fine cells."""
FINE_CELL_DEGREES = 0.2
"""Side of a fine blocking cell (about 22 km): a town's reach covers one to four."""
COARSE_CELL_DEGREES = 2.0
"""Side of a coarse blocking cell (about 220 km): a province's reach covers one to four."""
MAX_CANDIDATES = 200
"""Most candidates scored for one claim, the nearest in time kept: a claim placed
only by its country, in a busy country and month, meets this many at most."""
