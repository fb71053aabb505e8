"""Results costly to sum over a large store (the weekly timeline, the filter menus, how many
incidents match), kept a short while per filters.

The same filters are asked for again and again (every page of a listing, every
visitor); an answer is kept `KEEP_SECONDS`, so what a linking run adds shows on
the timeline and in the totals within that long, while the listed rows are always
read from the store.
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
        self._making: dict[Hashable, Lock] = {}

    def get(self, key: Hashable, make: Callable[[], Value]) -> Value:
        """The value kept under `key` if still fresh, else made and kept.

        Requests asking for the same missing key at once wait for one of them to make
        it (under that key's own lock), so a burst of visitors costs one query, not many.
        """
        kept = self._fresh(key)
        if kept is not None:
            return kept[1]
        with self._lock:
            making = self._making.setdefault(key, Lock())
        with making:
            kept = self._fresh(key)
            if kept is not None:
                return kept[1]
            value = make()
            with self._lock:
                self._found[key] = (time.monotonic(), value)
                self._found.move_to_end(key)
                self._making.pop(key, None)
                while len(self._found) > self._entries:
                    self._found.popitem(last=False)
        return value

    def _fresh(self, key: Hashable) -> tuple[float, Value] | None:
        with self._lock:
            kept = self._found.get(key)
            if kept is None or time.monotonic() - kept[0] >= self._keep:
                return None
            self._found.move_to_end(key)
            return kept
