"""The link function `harmtrace eval` scores: labels in order, and its quality gate."""

from __future__ import annotations

import json
from pathlib import Path

from harmtrace.evaluate import evaluate, gold_extraction, load_corpus
from harmtrace.link import link_labels
from harmtrace.records import Report

MIN_DEV_PAIRWISE_F1 = 0.85
"""The issue's target, on the dev corpus's gold claims (a perfect extractor)."""


def _incident(key: str, place: str, day: str, claimer: str, killed: int, text: str) -> dict:
    return {
        "event_type": "airstrike", "date_start": day, "date_end": day, "date_precision": "day",
        "location": place, "admin": None, "country": "SY", "perpetrator": "unknown",
        "killed_low": killed, "killed_high": killed, "injured_low": None,
        "injured_high": None, "victims": "civilians", "claimed_by": claimer,
        "negated": False, "evidence": text, "incident_key": key,
    }


def _write(folder: Path, name: str, outlet: str, *incidents: dict) -> None:
    doc = {"id": name, "url": None, "outlet": outlet, "published": "2019-07-23",
           "language": "en", "title": name, "text": " ".join(i["evidence"] for i in incidents),
           "incidents": list(incidents), "statements": [], "aggregates": []}
    (folder / f"{name}.json").write_text(json.dumps(doc), encoding="utf-8")


def gold_extract(corpus: Path):
    golds, _ = load_corpus(corpus)
    by_id = {g.report.id: g for g in golds}
    return lambda report: gold_extraction(by_id[report.id])


def test_labels_come_in_the_order_of_the_claims(make_claim):
    report = Report(id="r1", text="t", outlet="Wire", published="2017-03-18")
    claims = [make_claim(), make_claim(location="Raqqa", country="SY", admin=None,
                                       latitude=35.95, longitude=39.01), make_claim()]
    labels = link_labels([(report, c) for c in claims])
    assert labels[0] == labels[2] != labels[1]


def test_eval_scores_links_on_a_small_corpus(tmp_path):
    market = "An air strike on the market in Maarat al-Numan killed 39 people."
    _write(tmp_path, "one", "Wire", _incident("maarat", "Maarat al-Numan", "2019-07-22",
                                              "reporter", 39, market),
           _incident("saraqeb", "Saraqeb", "2019-07-22", "reporter", 8,
                     "Another strike in Saraqeb killed 8."))
    _write(tmp_path, "two", "Daily", _incident("maarat", "Ma'arrat al-Nu'man", "2019-07-23",
                                               "Syrian Civil Defence", 31,
                                               "Rescuers counted 31 dead in the market."))
    result = evaluate(tmp_path, gold_extract(tmp_path), link_fn=link_labels)
    assert result.links is not None
    assert (result.links.pairwise.tp, result.links.pairwise.fp, result.links.pairwise.fn) == (
        1, 0, 0)
    assert result.to_json()["links"]["bcubed"]["f1"] == 1.0


def test_gold_claims_of_the_dev_corpus_link_above_the_target(dev_corpus):
    result = evaluate(dev_corpus, gold_extract(dev_corpus), link_fn=link_labels)
    assert result.links is not None and result.links.claims > 100
    assert result.links.pairwise.f1 >= MIN_DEV_PAIRWISE_F1
