"""Shapes of the JSON API's answers: plain values built from store results, never ORM rows."""

from __future__ import annotations

from typing import Any, Self

from pydantic import BaseModel, ConfigDict

from harmtrace.store import IncidentListing, StoredClaim


class FromRecord(BaseModel):
    """An answer whose fields are a store result's fields of the same names."""

    model_config = ConfigDict(from_attributes=True)

    @classmethod
    def of(cls, record: object) -> Self:
        return cls.model_validate(record)


class Incident(BaseModel):
    id: int
    grade: str | None
    grade_rule: str | None
    country: str | None
    date_start: str | None
    date_end: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    event_types: list[str]
    killed_low: int | None
    killed_high: int | None
    summary: dict[str, Any]

    @classmethod
    def of(cls, listing: IncidentListing) -> Incident:
        summary = listing.summary
        killed = summary.get("killed") or {}
        return cls(id=listing.id, grade=listing.grade, grade_rule=listing.grade_rule,
                   country=listing.country, date_start=listing.date_start,
                   date_end=listing.date_end, location=summary.get("location"),
                   latitude=summary.get("latitude"), longitude=summary.get("longitude"),
                   event_types=list(summary.get("event_types") or []),
                   killed_low=killed.get("low"), killed_high=killed.get("high"),
                   summary=summary)


class IncidentPage(BaseModel):
    items: list[Incident]
    total: int
    next_cursor: str | None


class Claim(BaseModel):
    claim_id: int
    report_id: str
    outlet: str | None
    url: str | None
    published: str | None
    title: str | None
    fields: dict[str, Any]
    score: dict[str, Any] | None = None

    @classmethod
    def of(cls, stored: StoredClaim, score: dict[str, Any] | None = None) -> Claim:
        return cls(claim_id=stored.claim_id, report_id=stored.report_id, outlet=stored.outlet,
                   url=stored.url, published=stored.published, title=stored.title,
                   fields=stored.claim.to_dict(), score=score)


class IncidentDetail(BaseModel):
    incident: Incident
    claims: list[Claim]


class Report(FromRecord):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    language: str | None
    copy_of: str | None
    statements: int
    incidents: int
    aggregates: int


class ReportDetail(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    text: str
    statements: list[Statement]
    claims: list[dict[str, Any]]


class Statement(FromRecord):
    id: int
    report_id: str
    speaker: str
    speaker_org: str | None
    kind: str
    content: str
    start: int
    end: int
    published: str | None
    outlet: str | None


class Speaker(BaseModel):
    speaker: str
    org: str | None
    statements: int


class Hit(FromRecord):
    kind: str
    id: str
    title: str
    snippet: str


ReportDetail.model_rebuild()
