"""Results costly to sum over a large store (how many incidents match, the weekly timeline,
the filter menus), kept per filters until linking writes incidents.

The same filters are asked for again and again (every page of a listing, every
visitor). Whether the incidents changed is asked of the store at most once every
`CHECK_SECONDS`, so what a linking run writes shows in the totals and on the
timeline within that long; the listed rows are always read from the store.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from threading import Lock
from typing import Any

ENTRIES = 512
CHECK_SECONDS = 1.0


class StoreCache:
    def __init__(self, entries: int = ENTRIES, check_every: float = CHECK_SECONDS) -> None:
        self._entries = entries
        self._check_every = check_every
        self._found: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = Lock()
        self._making: dict[Hashable, Lock] = {}
        self._version: Hashable = None
        self._generation = 0
        self._checked = float("-inf")

    def get(self, key: Hashable, make: Callable[[], Any],
            version: Callable[[], Hashable]) -> Any:
        """The value kept under `key`, else made and kept; all are dropped when `version()`
        (what the store says about its incidents) differs from when they were made.

        Requests asking for the same missing key at once wait for one of them to make
        it (under that key's own lock), so a burst of visitors costs one query, not many.
        A value made while the incidents changed is returned but not kept.
        """
        self._check(version)
        with self._lock:
            if key in self._found:
                self._found.move_to_end(key)
                return self._found[key]
            making = self._making.setdefault(key, Lock())
        with making:
            with self._lock:
                if key in self._found:
                    return self._found[key]
                generation = self._generation
            value = make()
            with self._lock:
                self._making.pop(key, None)
                if generation == self._generation:
                    self._found[key] = value
                    while len(self._found) > self._entries:
                        self._found.popitem(last=False)
        return value

    def _check(self, version: Callable[[], Hashable]) -> None:
        now = time.monotonic()
        if now - self._checked < self._check_every:
            return
        current = version()
        with self._lock:
            self._checked = now
            if current != self._version:
                self._version = current
                self._generation += 1
                self._found.clear()
