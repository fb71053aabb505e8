"""Results costly to sum over a large store (the weekly timeline, the filter menus), kept a
short while per filters.

The same filters are asked for again and again (every page of a listing, every
visitor); an answer is kept `KEEP_SECONDS`, so what a linking run adds shows on
the timeline within that long, while listings and the API always read the store.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from threading import Lock
from typing import Generic, TypeVar

Value = TypeVar("Value")
ENTRIES = 512
KEEP_SECONDS = 30.0


class ShortCache(Generic[Value]):
    def __init__(self, entries: int = ENTRIES, keep: float = KEEP_SECONDS) -> None:
        self._entries = entries
        self._keep = keep
        self._found: OrderedDict[Hashable, tuple[float, Value]] = OrderedDict()
        self._lock = Lock()

    def get(self, key: Hashable, make: Callable[[], Value]) -> Value:
        """The value kept under `key` if still fresh, else made (outside the lock) and kept."""
        now = time.monotonic()
        with self._lock:
            kept = self._found.get(key)
            if kept is not None and now - kept[0] < self._keep:
                self._found.move_to_end(key)
                return kept[1]
        value = make()
        with self._lock:
            self._found[key] = (now, value)
            self._found.move_to_end(key)
            while len(self._found) > self._entries:
                self._found.popitem(last=False)
        return value
