"""One-to-one pairing of predicted and gold records.

The Hungarian method on a square cost matrix: it first maximises the number of
pairs (each allowed pair weighs more than all scores together could add), then
the total score, so a predicted record that fits two gold records leaves the one
another prediction needs. Deterministic for a given matrix; small sets only (one
report's records), O(n^3).
"""

from __future__ import annotations

from collections.abc import Sequence

Weights = Sequence[Sequence[float | None]]


def assign(scores: Weights) -> list[tuple[int, int]]:
    """Pairs (row, column) of allowed cells (score in 0..1, None = not allowed)."""
    rows = len(scores)
    cols = len(scores[0]) if rows else 0
    if not rows or not cols:
        return []
    size = max(rows, cols)
    bonus = size + 1.0
    cost = [[-(bonus + scores[r][c]) if r < rows and c < cols and scores[r][c] is not None
             else 0.0 for c in range(size)] for r in range(size)]
    pairs = _hungarian(cost)
    return sorted((r, c) for r, c in pairs if r < rows and c < cols and scores[r][c] is not None)


def _hungarian(cost: list[list[float]]) -> list[tuple[int, int]]:
    """Minimum-cost perfect matching of a square matrix (potentials form, 1-based inside)."""
    n = len(cost)
    u, v = [0.0] * (n + 1), [0.0] * (n + 1)
    owner, way = [0] * (n + 1), [0] * (n + 1)
    for row in range(1, n + 1):
        owner[0] = row
        col = _augmenting_column(cost, u, v, owner, way)
        while col:
            prev = way[col]
            owner[col] = owner[prev]
            col = prev
    return [(owner[c] - 1, c - 1) for c in range(1, n + 1)]


def _augmenting_column(cost: list[list[float]], u: list[float], v: list[float],
                       owner: list[int], way: list[int]) -> int:
    """Grow a shortest augmenting path from owner[0]; return the free column it ends on."""
    n = len(cost)
    slack = [float("inf")] * (n + 1)
    used = [False] * (n + 1)
    col = 0
    while owner[col]:
        used[col] = True
        row, delta, nearest = owner[col], float("inf"), 0
        for c in range(1, n + 1):
            if used[c]:
                continue
            reduced = cost[row - 1][c - 1] - u[row] - v[c]
            if reduced < slack[c]:
                slack[c], way[c] = reduced, col
            if slack[c] < delta:
                delta, nearest = slack[c], c
        for c in range(n + 1):
            if used[c]:
                u[owner[c]] += delta
                v[c] -= delta
            else:
                slack[c] -= delta
        col = nearest
    return col
