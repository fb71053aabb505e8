"""Gzip decompression that stops at a size limit and tells a cut-off file from a whole one.

warcio decompresses by itself, but it takes a truncated gzip member for the
end of the archive, and it cannot be told to stop: a few kilobytes can expand
to gigabytes (a gzip bomb). Decompressing here first lets the WARC reader
report both.
"""

from __future__ import annotations

import io
import zlib
from typing import BinaryIO

from harmtrace.errors import ReadError

GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 64 * 1024
_GZIP_WBITS = zlib.MAX_WBITS | 16


def is_gzip(raw: BinaryIO) -> bool:
    """True when the seekable stream starts like gzip; the position is left at 0."""
    start = raw.read(len(GZIP_MAGIC))
    raw.seek(0)
    return start == GZIP_MAGIC


class BoundedGunzip(io.RawIOBase):
    """Readable stream of the decompressed members of a gzip file, up to `limit` bytes.

    Reading past the limit raises ReadError; a file that ends inside a member
    reads as a normal end, with `truncated` set.
    """

    def __init__(self, raw: BinaryIO, *, limit: int, source: str) -> None:
        super().__init__()
        self._raw = raw
        self._limit = limit
        self._source = source
        self._zlib = zlib.decompressobj(_GZIP_WBITS)
        self._pending = b""
        self._fed = False
        self.produced = 0
        self.truncated = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._next_chunk(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def _next_chunk(self, size: int) -> bytes:
        while True:
            compressed = self._pending or self._raw.read(_CHUNK)
            if not compressed:
                self.truncated = self._fed and not self._zlib.eof
                return b""
            out = self._inflate(compressed, size)
            if out:
                return self._count(out)

    def _inflate(self, compressed: bytes, size: int) -> bytes:
        if self._zlib.eof:
            self._zlib = zlib.decompressobj(_GZIP_WBITS)
        self._fed = True
        try:
            out = self._zlib.decompress(compressed, size)
        except zlib.error as err:
            raise ReadError(self._source, f"corrupt gzip data: {err}") from err
        self._pending = self._zlib.unconsumed_tail or self._zlib.unused_data
        return out

    def _count(self, out: bytes) -> bytes:
        self.produced += len(out)
        if self.produced > self._limit:
            raise ReadError(
                self._source, f"decompresses to more than {self._limit} bytes (gzip bomb?)"
            )
        return out
