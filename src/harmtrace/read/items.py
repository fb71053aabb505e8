"""What every reader yields, and the two shapes a reader comes in.

A reader yields a `Report` or a `ReadProblem` per item it finds, so one bad
line, entry or record is accounted for without stopping the rest. Readers of
decoded text (`ContentReader`) serve both files and stdin; `from_text` turns
one into a `FileReader`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from harmtrace.errors import ReadError
from harmtrace.read.decoding import decode_bytes
from harmtrace.records import ReadProblem, Report

Item = Report | ReadProblem
ContentReader = Callable[[str, str], Iterator[Item]]
"""(text, source) -> items"""
FileReader = Callable[[Path, int], Iterator[Item]]
"""(path, max_bytes) -> items; the size of the file itself is checked before."""


def as_problem(err: ReadError) -> ReadProblem:
    return ReadProblem(source=err.source, reason=err.reason)


def one_report(build: Callable[[], Report]) -> Iterator[Item]:
    """Yield the report `build` makes, or the problem it raised."""
    try:
        yield build()
    except ReadError as err:
        yield as_problem(err)


def from_text(parse: ContentReader) -> FileReader:
    """A file reader that decodes the file, then hands its text to `parse`."""

    def read(path: Path, max_bytes: int) -> Iterator[Item]:
        source = str(path)
        try:
            text = decode_bytes(path.read_bytes(), source)
        except ReadError as err:
            yield as_problem(err)
            return
        yield from parse(text, source)

    read.__doc__ = parse.__doc__
    read.__name__ = getattr(parse, "__name__", "read")
    return read
