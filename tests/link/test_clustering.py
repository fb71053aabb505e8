"""Claims into incidents: joined when alike, apart when not, and incremental."""

from __future__ import annotations

from harmtrace.link import NewIncident, link
from harmtrace.link.clustering import cluster
from harmtrace.link.entries import make_entry


def groups(decisions):
    found: dict = {}
    for d in decisions:
        found.setdefault(d.incident, []).append(d.key)
    return sorted(sorted(keys, key=str) for keys in found.values())


def test_one_strike_told_three_ways_is_one_incident(make_ref):
    refs = [
        make_ref("wire", "r1"),
        make_ref("ministry", "r2", location="Jadidah", date_start="2017-03-18",
                 date_end="2017-03-18", killed_low=105, killed_high=None,
                 claimed_by="Iraqi Ministry of Health"),
        make_ref("digest", "r3", location="Mosul", admin=None, geo_precision="city",
                 latitude=36.335, longitude=43.119, killed_low=None, killed_high=200,
                 perpetrator="unknown", claimed_by="local media"),
    ]
    assert groups(link(refs)) == [["digest", "ministry", "wire"]]


def test_different_neighbourhoods_days_or_countries_stay_apart(make_ref):
    refs = [
        make_ref("jadida", "r1"),
        make_ref("zanjili", "r2", location="Zanjili", latitude=36.35),
        make_ref("next week", "r3", date_start="2017-03-25", date_end="2017-03-25"),
        make_ref("syria", "r4", location="Raqqa", admin=None, country="SY",
                 geo_precision="city", latitude=35.95, longitude=39.01),
    ]
    assert len(groups(link(refs))) == 4


def test_a_vague_claim_joins_the_incident_a_precise_one_founded(make_ref):
    vague = make_ref("vague", "r1", location="Mosul", admin=None, geo_precision="city",
                     latitude=36.335, longitude=43.119, date_start="2017-03", date_end=None,
                     date_precision="month")
    precise = make_ref("precise", "r2")
    decisions = link([vague, precise])
    assert groups(decisions) == [["precise", "vague"]]
    founder = next(d for d in decisions if d.founded)
    assert founder.key == "precise"
    joined = next(d for d in decisions if not d.founded)
    assert joined.matched == "precise" and joined.score is not None


def test_new_claims_join_existing_incidents_or_found_new_ones(make_ref):
    existing = [(make_ref(10, "r1"), 7), (make_ref(11, "r2", location="Zanjili",
                                                     latitude=36.35), 8)]
    new = [make_ref(20, "r3", location="Jadidah"),
           make_ref(21, "r4", date_start="2017-05-01", date_end="2017-05-01")]
    incident_of = {d.key: d.incident for d in link(new, existing)}
    assert incident_of == {20: 7, 21: NewIncident(0)}


def test_support_is_the_mean_over_an_incidents_candidates(make_ref):
    """A claim that matches one claim of an incident but not the rest stays out."""
    members = [make_entry(make_ref(k, f"r{k}", location="Zanjili", latitude=36.35,
                                   event_type="shelling", perpetrator="Islamic State",
                                   killed_low=7, killed_high=7)) for k in (1, 2, 3)]
    members.append(make_entry(make_ref(4, "r4")))
    for member in members:
        member.incident = 1
    newcomer = make_entry(make_ref("new", "r9"))
    (decision,) = cluster([newcomer], members)
    assert decision.founded


def test_a_claim_placed_by_country_in_some_month_is_too_vague_to_join(make_ref):
    vague = make_ref("vague", "r1", location="Iraq", admin=None, geo_precision="country",
                     latitude=None, longitude=None, date_start="2017-03", date_end=None,
                     date_precision="month")
    assert len(groups(link([vague, make_ref("precise", "r2")]))) == 2


def test_linking_is_deterministic(make_ref):
    refs = [make_ref(k, f"r{k % 3}", killed_low=10 * k, killed_high=10 * k)
            for k in range(1, 7)]
    assert [(d.key, d.incident) for d in link(refs)] == [
        (d.key, d.incident) for d in link(list(reversed(refs)))
    ]
