"""The store: reports and their extracted records in SQLite or PostgreSQL.

`connect` and `migrate` open a store, `writes` holds every write and
`queries` every read; callers never build SQL themselves.
"""

from harmtrace.store.db import connect, migrate, safe_url, session_factory
from harmtrace.store.queries import (
    ReportSummary,
    SpeakerCount,
    StoredReport,
    counts,
    get_report,
    iter_records,
    list_reports,
    minhash_signatures,
    report_ids_present,
    speakers,
)
from harmtrace.store.writes import BatchResult, StoredItem, record_audit, save_batch

__all__ = [
    "BatchResult",
    "ReportSummary",
    "SpeakerCount",
    "StoredItem",
    "StoredReport",
    "connect",
    "counts",
    "get_report",
    "iter_records",
    "list_reports",
    "migrate",
    "minhash_signatures",
    "record_audit",
    "report_ids_present",
    "safe_url",
    "save_batch",
    "session_factory",
    "speakers",
]
