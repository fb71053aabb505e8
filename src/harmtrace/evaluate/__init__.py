"""evaluate: score extraction (and linking) against an annotated corpus (corpus/FORMAT.md).

`evaluate(corpus_dir, extract_fn, link_fn=...)` loads the corpus (`corpus`),
pairs predicted with gold records per report (`matching`, `assignment`,
`spans`, `fields`), counts precision, recall, F1, field accuracy and linking
scores (`metrics`), and `render` prints them as tables.
"""

from harmtrace.evaluate.corpus import GoldReport, gold_extraction, load_corpus, load_gold_report
from harmtrace.evaluate.matching import match_aggregates, match_incidents, match_statements
from harmtrace.evaluate.metrics import PRF, LinkScores, link_scores
from harmtrace.evaluate.render import render
from harmtrace.evaluate.runner import EvalResult, FileResult, evaluate, score_report

__all__ = [
    "PRF",
    "EvalResult",
    "FileResult",
    "GoldReport",
    "LinkScores",
    "evaluate",
    "gold_extraction",
    "link_scores",
    "load_corpus",
    "load_gold_report",
    "match_aggregates",
    "match_incidents",
    "match_statements",
    "render",
    "score_report",
]
