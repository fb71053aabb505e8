"""Server-rendered pages: what they show, and that report text stays inert."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient


def _hostile_id(client: TestClient) -> str:
    reports = client.get("/api/v1/reports").json()["items"]
    return next(r["id"] for r in reports if "Binnish" in (r["title"] or ""))


def test_incidents_page_lists_filters_and_draws_the_timeline(client):
    html = client.get("/incidents").text
    total = client.get("/api/v1/incidents").json()["total"]
    assert html.count('href="/incidents/') >= total
    assert '<select name="country">' in html
    assert 'hx-get="/incidents/timeline?"' in html
    timeline = client.get("/incidents/timeline").text
    assert "<svg" in timeline and timeline.count('class="bar-incidents"') > 0


def test_timeline_follows_the_filters(client):
    every = client.get("/incidents/timeline").text
    saraqib = client.get("/incidents/timeline", params={"q": "Saraqib"}).text
    week = re.search(r"week of 2019-11-04: (\d+) incidents, (\d+) killed", saraqib)
    assert week and int(week[2]) >= 7  # the Saraqib school shelling killed seven
    assert every.count("<rect") >= saraqib.count("<rect")
    assert client.get("/incidents/timeline", params={"q": "zzzyxw"}).text.count("<rect") == 0


def test_filtering_through_htmx_returns_only_the_results_partial(client):
    page = client.get("/incidents", params={"country": "SY", "grade": "corroborated"},
                      headers={"HX-Request": "true"}).text
    assert "<html" not in page
    corroborated = client.get("/api/v1/incidents",
                              params={"country": "SY", "grade": "corroborated"}).json()
    assert f"<strong>{corroborated['total']}</strong>" in page
    assert 'data-points="/incidents/points?country=SY&amp;grade=corroborated"' in page
    assert 'hx-get="/incidents/timeline?country=SY&amp;grade=corroborated"' in page


def test_map_points_follow_the_filters(client):
    every = client.get("/incidents/points").json()["features"]
    shelling = client.get("/incidents/points", params={"event_type": "shelling"}).json()
    assert 0 < len(shelling["features"]) < len(every)
    saraqib = next(f for f in shelling["features"] if f["properties"]["place"] == "Saraqib")
    assert saraqib["geometry"]["coordinates"] == [36.81, 35.86]


def test_incident_page_links_each_claim_to_its_place_in_the_report(client):
    items = client.get("/api/v1/incidents", params={"q": "Saraqib"}).json()["items"]
    incident = next(i for i in items if i["location"] == "Saraqib")
    html = client.get(f"/incidents/{incident['id']}").text
    links = re.findall(r'href="/reports/([0-9a-f]+)#c(\d+)"', html)
    assert links
    report_id, claim_id = links[0]
    report = client.get(f"/reports/{report_id}").text
    assert f'id="c{claim_id}"' in report
    assert "grade.single_source/1" in html or "grade.corroborated/1" in html


def test_script_payloads_in_a_report_are_escaped(client):
    report_id = _hostile_id(client)
    for url in (f"/reports/{report_id}", "/reports", "/search?q=Binnish"):
        html = client.get(url).text
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert "&lt;script&gt;" in html


def test_report_page_colours_speakers_and_marks_claims(client):
    reports = client.get("/api/v1/reports").json()["items"]
    saraqib = next(r for r in reports if r["outlet"] == "Idlib Voice")
    html = client.get(f"/reports/{saraqib['id']}").text
    assert "mark-statement" in html and "spk-0" in html
    assert "mark-claim" in html


def test_speakers_page_shows_what_one_said(client):
    html = client.get("/speakers", params={"speaker": "Samer Khalil"}).text
    assert "children sitting in a classroom" in html


def test_pages_load_nothing_from_elsewhere(client):
    for url in ("/incidents", "/reports", "/speakers", "/search?q=strike"):
        html = client.get(url).text
        loads = re.findall(r'(?:src="|<link[^>]*href=")([^"]*)"', html)
        assert loads and all(u.startswith("/static/") for u in loads)


def test_map_points_keep_to_the_view_asked_for(client):
    every = client.get("/incidents/points").json()
    assert every["truncated"] is False
    near = client.get("/incidents/points", params={"bbox": "36.5,35.5,37,36"}).json()
    places = {f["properties"]["place"] for f in near["features"]}
    assert "Saraqib" in places
    assert all(36.5 <= f["geometry"]["coordinates"][0] <= 37 for f in near["features"])
    assert len(near["features"]) < len(every["features"])
    for bad in ("1,2,3", "10,0,5,1", "a,b,c,d"):
        assert client.get("/incidents/points", params={"bbox": bad}).status_code == 422
