"""Near-copies: syndicated or lightly edited reprints of a report already seen.

Exact copies share a `report_id`; near-copies share most of their word
5-grams. A MinHash signature estimates that overlap (Jaccard similarity) in
constant space, and LSH finds candidates without comparing against every
stored report.
"""

from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE_WORDS = 5
# Signatures are persisted, so the permutation scheme is fixed here, not left to
# the library default: sketches of different schemes cannot be compared.
SCHEME = "affine64"
_DTYPE = np.dtype("<u8")
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[str]:
    """Word 5-grams of the casefolded text (the whole text when it is shorter)."""
    words = _WORD.findall(text.casefold())
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(text: str) -> MinHash:
    """MinHash of the text's shingles."""
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch([shingle.encode("utf-8") for shingle in shingles(text)])
    return minhash


def to_bytes(minhash: MinHash) -> bytes:
    """The signature as little-endian uint64 hash values, for the store."""
    return np.asarray(minhash.hashvalues, dtype=_DTYPE).tobytes()


def from_bytes(data: bytes) -> MinHash:
    """The signature `to_bytes` stored."""
    values = np.frombuffer(data, dtype=_DTYPE)
    if len(values) != NUM_PERM:
        raise ValueError(f"expected {NUM_PERM} hash values, got {len(values)}")
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME, hashvalues=values)


class CopyIndex:
    """Signatures of reports seen so far, queried for the one a new report copies."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, report_id: str, minhash: MinHash) -> None:
        """Remember a report; adding the same id again changes nothing."""
        if report_id not in self._signatures:
            self._lsh.insert(report_id, minhash)
            self._signatures[report_id] = minhash

    def find(self, minhash: MinHash) -> str | None:
        """The stored report most similar to `minhash`, if at least `threshold` similar."""
        scored = [
            (self._signatures[candidate].jaccard(minhash), candidate)
            for candidate in self._lsh.query(minhash)
        ]
        best = max(scored, default=None)
        return best[1] if best and best[0] >= self.threshold else None
