"""Build something once per knowledge base per process (indexes, banks: slow to build, immutable)."""
from __future__ import annotations

from typing import Callable, TypeVar

T = TypeVar("T")


def once_per_kb(build: Callable[[object], T]) -> Callable[[object], T]:
    """Wrap `build(kb)` so each knowledge base object is built for once."""
    cache: dict[int, tuple[object, T]] = {}

    def get(kb) -> T:
        hit = cache.get(id(kb))
        if hit is None or hit[0] is not kb:
            hit = cache[id(kb)] = (kb, build(kb))
        return hit[1]

    return get
