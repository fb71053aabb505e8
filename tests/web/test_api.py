"""The JSON API through the ASGI api, on a store filled by ingesting the sample reports."""

from __future__ import annotations

import csv
import io
import json

from fastapi.testclient import TestClient

from harmtrace.export.geo import CONFLICT_COLUMNS


def _all_incidents(api: TestClient, **params: str) -> list[dict]:
    found, cursor = [], None
    while True:
        query = {**params, "limit": "2", **({"cursor": cursor} if cursor else {})}
        page = api.get("/api/v1/incidents", params=query).json()
        found += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return found


def _saraqib(api: TestClient) -> dict:
    items = api.get("/api/v1/incidents", params={"q": "Saraqib", "limit": 50}).json()["items"]
    return next(i for i in items if i["location"] == "Saraqib" and i["killed_low"] == 7)


def test_cursor_walks_every_incident_once(api):
    everything = api.get("/api/v1/incidents", params={"limit": 500}).json()
    walked = _all_incidents(api)
    assert len(walked) == everything["total"] > 2
    assert [i["id"] for i in walked] == [i["id"] for i in everything["items"]]


def test_filters_narrow_the_listing(api):
    total = api.get("/api/v1/incidents").json()["total"]
    syria = _all_incidents(api, country="sy")
    assert syria and all(i["country"] == "SY" for i in syria)
    assert len(syria) < total  # the sample has incidents with no country
    shelling = _all_incidents(api, event_type="shelling")
    assert shelling and all("shelling" in i["event_types"] for i in shelling)
    blamed = _all_incidents(api, perpetrator="Syrian government forces")
    assert any(i["location"] == "Saraqib" for i in blamed)
    november = _all_incidents(api, since="2019-11-07", until="2019-11-08")
    assert november and all(i["date_start"] <= "2019-11-08" for i in november)
    assert all((i["date_end"] or "") >= "2019-11-07" for i in november)


def test_oldest_first_reverses_the_dates(api):
    newest = [i["date_start"] for i in api.get("/api/v1/incidents",
                                                   params={"limit": 500}).json()["items"]]
    oldest = [i["date_start"] for i in api.get(
        "/api/v1/incidents", params={"limit": 500, "sort": "date_asc"}).json()["items"]]
    dated = sorted(d for d in newest if d)
    assert [d for d in oldest if d] == dated
    assert [d for d in newest if d] == dated[::-1]


def test_bad_cursor_and_sort_are_refused(api):
    assert api.get("/api/v1/incidents", params={"cursor": "not-ours"}).status_code == 422
    assert api.get("/api/v1/incidents", params={"sort": "random"}).status_code == 422


def test_incident_detail_has_the_saraqib_claim_as_the_report_tells_it(api):
    incident = _saraqib(api)
    detail = api.get(f"/api/v1/incidents/{incident['id']}").json()
    # The Idlib Voice report: "killing seven people ... injuring a dozen more".
    assert detail["incident"]["summary"]["injured"]["low"] == 12
    claim = next(c for c in detail["claims"] if c["outlet"] == "Idlib Voice")
    text = api.get(f"/api/v1/reports/{claim['report_id']}").json()["text"]
    fields = claim["fields"]
    assert text[fields["start"]:fields["end"]] == fields["evidence"]
    assert fields["perpetrator"] == "Syrian government forces"


def test_missing_things_are_404(api):
    assert api.get("/api/v1/incidents/999999").status_code == 404
    assert api.get("/api/v1/reports/nosuchreport").status_code == 404


def test_report_statements_point_into_the_text(api):
    reports = api.get("/api/v1/reports").json()["items"]
    saraqib = next(r for r in reports if r["outlet"] == "Idlib Voice")
    detail = api.get(f"/api/v1/reports/{saraqib['id']}").json()
    assert len(detail["statements"]) == saraqib["statements"] > 0
    khalil = [s for s in detail["statements"] if "Khalil" in s["speaker"]]
    assert any("children sitting in a classroom" in s["content"] for s in khalil)


def test_speakers_and_their_statements_agree(api):
    speakers = api.get("/api/v1/speakers").json()
    top = speakers[0]
    said = api.get("/api/v1/statements", params={"speaker": top["speaker"]}).json()
    # near-copies repeat their original's statements, so the listing may hold more
    assert len(said["items"]) >= top["statements"] > 0
    assert {s["speaker"] for s in said["items"]} == {top["speaker"]}


def test_search_finds_reports_statements_and_incidents(api):
    hits = api.get("/api/v1/search", params={"q": "saraqib"}).json()
    kinds = {h["kind"] for h in hits}
    assert kinds == {"report", "statement", "incident"}
    assert api.get("/api/v1/search", params={"q": "zzzyxw"}).json() == []


def test_openapi_lists_every_resource(api):
    paths = api.get("/api/v1/openapi.json").json()["paths"]
    for path in ("/api/v1/incidents", "/api/v1/incidents/{incident_id}", "/api/v1/reports",
                 "/api/v1/statements", "/api/v1/speakers", "/api/v1/search",
                 "/api/v1/incidents/export"):
        assert path in paths


def test_every_response_carries_the_policy(api):
    for url in ("/api/v1/incidents", "/incidents", "/api/v1/incidents/999999",
                "/static/app.css"):
        policy = api.get(url).headers["content-security-policy"]
        assert "script-src 'self';" in policy
        assert "unsafe-inline" not in policy


def test_exports_follow_the_filters(api):
    syria = _all_incidents(api, country="SY")
    got = api.get("/api/v1/incidents/export", params={"format": "csv", "country": "SY"})
    rows = list(csv.DictReader(io.StringIO(got.text)))
    assert sorted(int(r["incident_id"]) for r in rows) == sorted(i["id"] for i in syria)

    geo = api.get("/api/v1/incidents/export",
                     params={"format": "geojson", "country": "SY"}).json()
    placed = {i["id"]: i for i in syria if i["latitude"] is not None}
    points = {f["properties"]["incident_id"]: f["geometry"]["coordinates"]
              for f in geo["features"] if f["geometry"]}
    assert points == {k: [v["longitude"], v["latitude"]] for k, v in placed.items()}

    lines = api.get("/api/v1/incidents/export", params={"format": "jsonl"}).text.splitlines()
    assert all(json.loads(line)["claims"] for line in lines)


def test_conflict_csv_export_has_the_dataset_columns(api):
    incident = _saraqib(api)
    got = api.get("/api/v1/incidents/export",
                     params={"format": "conflict-csv", "q": "Saraqib"})
    rows = list(csv.DictReader(io.StringIO(got.text)))
    assert tuple(rows[0]) == CONFLICT_COLUMNS
    row = next(r for r in rows if r["location"] == "Saraqib" and r["fatalities"] == "7")
    assert row["event_date"] == incident["date_start"]
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["sub_event_type"] == "Shelling/artillery/missile attack"
    assert row["actor1"] == "Syrian government forces"
    assert row["country"] == "SY"
    assert "Idlib Voice" in row["source"]
    assert api.get("/api/v1/incidents/export", params={"format": "xls"}).status_code == 422


def test_report_and_statement_cursors_walk_every_row_once(api):
    for path in ("/api/v1/reports", "/api/v1/statements"):
        everything = api.get(path, params={"limit": 500}).json()["items"]
        walked, cursor = [], None
        while True:
            page = api.get(path, params={"limit": 2, **({"cursor": cursor} if cursor else {})})
            walked += page.json()["items"]
            cursor = page.json()["next_cursor"]
            if cursor is None:
                break
        assert len(everything) > 2 and walked == everything
