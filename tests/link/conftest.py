"""Hand-made claims for the linker: a strike in Mosul told several ways, and others.

`make_claim(**fields)` is an airstrike on al-Jadida, Mosul, on 17 March 2017,
by the US-led coalition, 100 civilians killed, told by a reporter, with any
field changed; `make_ref(key, report, **fields)` wraps one in a `ClaimRef`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from harmtrace.link import ClaimRef
from harmtrace.records import IncidentClaim

MOSUL = {"latitude": 36.335, "longitude": 43.119}
BASE: dict[str, Any] = {
    "event_type": "airstrike", "evidence": "an airstrike killed 100 civilians",
    "start": 0, "end": 33, "location": "al-Jadida", "admin": "Mosul", "country": "IQ",
    "latitude": 36.34, "longitude": 43.11, "geo_precision": "neighbourhood",
    "date_start": "2017-03-17", "date_end": "2017-03-17", "date_precision": "day",
    "perpetrator": "US-led coalition", "killed_low": 100, "killed_high": 100,
    "victims": "civilians", "claimed_by": "reporter",
}


def build_claim(**fields: Any) -> IncidentClaim:
    return IncidentClaim(**{**BASE, **fields})


def build_ref(key: Any, report: str = "r1", *, outlet: str | None = None,
              url: str | None = None, published: str | None = "2017-03-18",
              copy_of: str | None = None, **fields: Any) -> ClaimRef:
    return ClaimRef(key=key, claim=build_claim(**fields), report_id=report,
                    outlet=outlet if outlet is not None else f"outlet of {report}", url=url,
                    published=published, copy_of=copy_of)


@pytest.fixture
def make_claim() -> Callable[..., IncidentClaim]:
    return build_claim


@pytest.fixture
def make_ref() -> Callable[..., ClaimRef]:
    return build_ref
