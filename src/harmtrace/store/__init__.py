"""The store: reports and their extracted records in SQLite or PostgreSQL.

`connect` and `migrate` open a store, `writes` holds every write and
`queries` every read; `reviews` stores analysts' reviews beside the machine's
records and `documents` reads reports with their records for the annotation
format; `incidents` reads the claims linking needs and stores the incidents it
makes. Callers never build SQL themselves.
"""

from harmtrace.store.db import connect, migrate, open_store, safe_url, session_factory
from harmtrace.store.documents import ReportRecords, iter_report_records
from harmtrace.store.incidents import (
    IncidentListing,
    IncidentMember,
    IncidentWrite,
    MemberWrite,
    StoredClaim,
    StoredIncident,
    get_incident,
    incident_claims,
    iter_incidents,
    linked_claims,
    list_incidents,
    save_links,
    unlinked_claims,
)
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
from harmtrace.store.reviews import (
    REVIEW_CONFIDENCE,
    REVIEW_RULE,
    VIEWS,
    RecordStatus,
    Review,
    ReviewResult,
    latest_reviews,
    review_status,
    save_review,
)
from harmtrace.store.writes import BatchResult, StoredItem, record_audit, save_batch

__all__ = [
    "REVIEW_CONFIDENCE",
    "REVIEW_RULE",
    "VIEWS",
    "BatchResult",
    "IncidentListing",
    "IncidentMember",
    "IncidentWrite",
    "MemberWrite",
    "RecordStatus",
    "ReportRecords",
    "ReportSummary",
    "Review",
    "ReviewResult",
    "SpeakerCount",
    "StoredClaim",
    "StoredIncident",
    "StoredItem",
    "StoredReport",
    "connect",
    "counts",
    "get_incident",
    "get_report",
    "incident_claims",
    "iter_incidents",
    "iter_records",
    "iter_report_records",
    "latest_reviews",
    "linked_claims",
    "list_incidents",
    "list_reports",
    "migrate",
    "minhash_signatures",
    "open_store",
    "record_audit",
    "report_ids_present",
    "review_status",
    "safe_url",
    "save_batch",
    "save_links",
    "save_review",
    "session_factory",
    "speakers",
    "unlinked_claims",
]
