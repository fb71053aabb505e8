"""extract: one report in, its statements, incident claims and aggregates out.

A pure function of the report and the loaded spaCy pipeline: no store, no global
state beyond the model, so it can be tested directly and mapped over partitions.
"""

from __future__ import annotations

from spacy.language import Language

from harmtrace.config import get_settings
from harmtrace.errors import ExtractionError
from harmtrace.extract.claims import extract_claims
from harmtrace.extract.nlp import load_nlp
from harmtrace.extract.statements import extract_statements
from harmtrace.records import Extraction, Report

EXTRACTOR = "harmtrace-rules/0.1"


def extract(report: Report, nlp: Language | None = None) -> Extraction:
    """Statements first, since a claim's claimer is the speaker whose words carry it."""
    nlp = nlp or load_nlp(get_settings().model)
    try:
        doc = nlp(report.text)
        statements = extract_statements(doc)
        incidents, aggregates = extract_claims(doc, report.published, statements, report.title,
                                               report.outlet)
    except (ValueError, IndexError, KeyError) as exc:
        raise ExtractionError(report.id, f"{type(exc).__name__}: {exc}") from exc
    return Extraction(
        report_id=report.id, statements=tuple(statements), incidents=tuple(incidents),
        aggregates=tuple(aggregates), extractor=EXTRACTOR,
    )
