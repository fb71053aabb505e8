"""Errors harmtrace raises on purpose.

    HarmtraceError
     ├── ReadError        an input could not be read (names the source)
     ├── ExtractionError  extraction failed on one report (names the report)
     ├── StoreError       the store refused a write or is not set up
     └── CorpusError      an annotated corpus file is malformed (names file and field)

Each carries the input it concerns, so a batch can log it, count it and go on.
"""

from __future__ import annotations


class HarmtraceError(Exception):
    """Base of every error harmtrace raises on purpose."""


class ReadError(HarmtraceError):
    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ExtractionError(HarmtraceError):
    def __init__(self, report_id: str, reason: str) -> None:
        super().__init__(f"report {report_id}: {reason}")
        self.report_id = report_id
        self.reason = reason


class StoreError(HarmtraceError):
    """The store cannot do what was asked (bad URL, schema not migrated)."""


class CorpusError(HarmtraceError):
    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
