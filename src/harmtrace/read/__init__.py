"""read: files, folders and stdin in; `Report`s out, and a `ReadProblem` for each input
(or line, entry, record) that could not be read, so every input is accounted for.

Readers are chosen in `formats.READERS`; text normalisation, ids and metadata
in `normalise`; near-copy signatures in `copies`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from harmtrace.errors import ReadError
from harmtrace.read.decoding import check_text
from harmtrace.read.formats import READERS, is_not_report, reader_for, sniff_reader
from harmtrace.read.items import Item, as_problem
from harmtrace.records import ReadProblem, Report

__all__ = ["READERS", "read_file", "read_paths", "read_stdin"]

STDIN = "-"
STDIN_SOURCE = "<stdin>"


def read_paths(
    paths: Iterable[str], *, max_bytes: int, stdin: TextIO | None = None
) -> Iterator[Report | ReadProblem]:
    """Everything readable under `paths`: files, folders (recursively), or "-" for stdin."""
    for given in paths:
        if given == STDIN:
            yield from read_stdin(stdin or sys.stdin, max_bytes=max_bytes)
            continue
        path = Path(given)
        if path.is_dir():
            yield from _read_folder(path, max_bytes)
        elif path.is_file():
            yield from read_file(path, max_bytes=max_bytes)
        else:
            reason = "not a regular file" if path.exists() else "no such file or folder"
            yield ReadProblem(given, reason)


def read_file(path: Path, *, max_bytes: int) -> Iterator[Item]:
    """The file through the reader for its suffix; its size is checked before it is opened."""
    reader = reader_for(path)
    if reader is None:
        yield ReadProblem(str(path), f"unsupported file type: {path.suffix or 'no extension'}")
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield ReadProblem(str(path), f"too large: {size} bytes, limit {max_bytes}")
            return
        yield from reader(path, max_bytes)
    except OSError as err:
        yield ReadProblem(str(path), f"unreadable: {err.strerror or err}")


def read_stdin(stream: TextIO, *, max_bytes: int) -> Iterator[Item]:
    """Text on stdin, its kind guessed from its start; `max_bytes` counts characters here."""
    try:
        text = stream.read(max_bytes + 1)
    except UnicodeDecodeError as err:
        yield ReadProblem(STDIN_SOURCE, f"undecodable: {err.reason}")
        return
    if len(text) > max_bytes:
        yield ReadProblem(STDIN_SOURCE, f"too large: more than {max_bytes} characters")
        return
    try:
        check_text(text, STDIN_SOURCE)
    except ReadError as err:
        yield as_problem(err)
        return
    yield from sniff_reader(text)(text, STDIN_SOURCE)


def _read_folder(folder: Path, max_bytes: int) -> Iterator[Item]:
    for path in _walk(folder):
        if reader_for(path) is not None or not is_not_report(path):
            yield from read_file(path, max_bytes=max_bytes)


def _walk(folder: Path) -> Iterator[Path]:
    """Files under `folder` in sorted order, hidden files and folders left out."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root, name)
