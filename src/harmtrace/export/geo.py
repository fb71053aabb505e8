"""Writers for maps and conflict-event tables: GeoJSON and the conflict-event CSV layout.

Both take the rows `harmtrace export` streams: incident claims (fields at the top
level) or linked incidents (reconciled values under `summary`, claims nested).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any, TextIO

CONFLICT_COLUMNS: tuple[str, ...] = (
    "event_date", "event_type", "sub_event_type", "actor1", "country", "admin1", "location",
    "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
)
PROPERTIES_LEFT_OUT = frozenset({"latitude", "longitude", "summary", "claims"})


@lru_cache(maxsize=1)
def conflict_event_types() -> dict[str, list[str]]:
    """harmtrace event type -> [event_type, sub_event_type] of conflict-event datasets."""
    path = resources.files("harmtrace") / "data" / "export" / "conflict_events.json"
    return json.loads(path.read_text(encoding="utf-8"))["event_types"]


def write_geojson(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    """One FeatureCollection; rows without coordinates are features with a null geometry."""
    count = 0
    out.write('{"type": "FeatureCollection", "features": [\n')
    for row in rows:
        feature = {"type": "Feature", "geometry": _point(row),
                   "properties": {k: v for k, v in row.items() if k not in PROPERTIES_LEFT_OUT}}
        out.write(("," if count else "") + json.dumps(feature, ensure_ascii=False, default=str)
                  + "\n")
        count += 1
    out.write("]}\n")
    return count


def write_conflict_csv(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=list(CONFLICT_COLUMNS))
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(conflict_row(row))
        count += 1
    return count


def conflict_row(row: dict[str, Any]) -> dict[str, Any]:
    """A claim or linked incident in the conflict-event columns; fatalities is the low toll."""
    flat = _flat(row)
    event_type, sub_event_type = conflict_event_types().get(flat["event_type"] or "other",
                                                            ["", ""])
    return {
        "event_date": flat["date_start"], "event_type": event_type,
        "sub_event_type": sub_event_type, "actor1": flat["perpetrator"],
        "country": flat["country"], "admin1": flat["admin"], "location": flat["location"],
        "latitude": flat["latitude"], "longitude": flat["longitude"],
        "geo_precision": flat["geo_precision"], "source": flat["source"],
        "notes": flat["notes"], "fatalities": flat["killed_low"],
    }


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    summary = row.get("summary")
    if summary is None:
        return {**{k: row.get(k) for k in (
            "event_type", "date_start", "perpetrator", "country", "admin", "location",
            "latitude", "longitude", "geo_precision", "killed_low")},
            "source": row.get("outlet") or row.get("url") or row.get("report_id"),
            "notes": row.get("evidence")}
    claims = row.get("claims") or []
    first = claims[0] if claims else {}
    perpetrators = summary.get("perpetrators") or []
    return {
        "event_type": (summary.get("event_types") or [None])[0],
        "date_start": summary.get("date_start") or row.get("date_start"),
        "perpetrator": perpetrators[0]["actor"] if perpetrators else "unknown",
        "country": summary.get("country") or row.get("country"),
        "admin": first.get("admin"), "location": summary.get("location"),
        "latitude": summary.get("latitude"), "longitude": summary.get("longitude"),
        "geo_precision": first.get("geo_precision"),
        "source": "; ".join(sorted({c.get("outlet") or c.get("report_id") for c in claims})),
        "notes": (summary.get("grade") or {}).get("reason"),
        "killed_low": (summary.get("killed") or {}).get("low"),
    }


def _point(row: dict[str, Any]) -> dict[str, Any] | None:
    place = row.get("summary") or row
    lat, lon = place.get("latitude"), place.get("longitude")
    if lat is None or lon is None:
        return None
    return {"type": "Point", "coordinates": [lon, lat]}
