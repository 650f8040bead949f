"""Sets of non-overlapping spans of a text."""

from __future__ import annotations

import bisect

__all__ = ["Spans"]


class Spans:
    """Non-overlapping [start, end) spans, sorted, for overlap checks in O(log n)."""

    def __init__(self):
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)  # spans starting before ``end``
        return i == 0 or self.ends[i - 1] <= start

    def append(self, span: tuple[int, int]) -> None:
        i = bisect.bisect_left(self.starts, span[0])
        self.starts.insert(i, span[0])
        self.ends.insert(i, span[1])
