"""evaluate: score extraction (and linking) against an annotated corpus (corpus/FORMAT.md).

`evaluate(corpus_dir, extract_fn, link_fn=...)` loads the corpus (`corpus`),
pairs predicted with gold records per report (`matching`, `assignment`,
`spans`, `fields`), counts precision, recall, F1, field accuracy and linking
scores (`metrics`), and `render` prints them as tables.

`score_predictions` scores files in the annotation format written by anything
(`predictions`), `compare_predictions` sets two such folders side by side
(`compare`), and `validate` checks annotation files field by field.
"""

from harmtrace.evaluate.compare import Comparison, compare_predictions
from harmtrace.evaluate.corpus import GoldReport, gold_extraction, load_corpus, load_gold_report
from harmtrace.evaluate.matching import match_aggregates, match_incidents, match_statements
from harmtrace.evaluate.metrics import PRF, LinkScores, link_scores
from harmtrace.evaluate.predictions import load_predictions, score_predictions
from harmtrace.evaluate.render import render, render_comparison
from harmtrace.evaluate.runner import EvalResult, FileResult, evaluate, match_file, score_report
from harmtrace.evaluate.validate import Problem, Validation, check_document, validate_paths

__all__ = [
    "PRF",
    "Comparison",
    "EvalResult",
    "FileResult",
    "GoldReport",
    "LinkScores",
    "Problem",
    "Validation",
    "check_document",
    "compare_predictions",
    "evaluate",
    "gold_extraction",
    "link_scores",
    "load_corpus",
    "load_gold_report",
    "load_predictions",
    "match_aggregates",
    "match_file",
    "match_incidents",
    "match_statements",
    "render",
    "render_comparison",
    "score_predictions",
    "score_report",
    "validate_paths",
]
