"""Array helpers of the kernel: grouped reductions, threads and the vectorised union-find."""
from __future__ import annotations

import os
from typing import Callable, Iterable, Iterator

import numpy as np

#: Threads for the neighbour search (numpy releases the GIL); at most 2, as
#: QGIS itself and other tasks share the machine.
WORKERS = max(1, min(2, os.cpu_count() or 1))


def parallel_batches(function: Callable, batches: Iterable[list]) -> Iterator[list]:
    """For each batch of items, ``[function(item) for item in batch]``, in order, on up to :data:`WORKERS` threads.

    One pool serves every batch, and a batch is submitted before the one
    before it is collected, so the threads keep working while the caller
    prepares the next batch and digests the last one.
    """
    if WORKERS <= 1:
        for batch in batches:
            yield [function(item) for item in batch]
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        pending = None
        for batch in batches:
            submitted = [pool.submit(function, item) for item in batch]
            if pending is not None:
                yield [future.result() for future in pending]
            pending = submitted
        if pending is not None:
            yield [future.result() for future in pending]


class Background:
    """Run ``function`` on another thread (when :data:`WORKERS` > 1); :meth:`result` waits for it."""

    def __init__(self, function: Callable):
        self._function = function
        self._future = None
        if WORKERS > 1:
            from concurrent.futures import ThreadPoolExecutor

            self._pool = ThreadPoolExecutor(max_workers=1)
            self._future = self._pool.submit(function)

    def result(self):
        """The function's return value (computed here when there is no second thread)."""
        if self._future is None:
            return self._function()
        try:
            return self._future.result()
        finally:
            self._pool.shutdown(wait=False)


def heads(sorted_keys: np.ndarray) -> np.ndarray:
    """Index of the first element of each run of equal values."""
    if not len(sorted_keys):
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])


def reduce_groups(ufunc, values: np.ndarray, starts: np.ndarray, empty=0.0) -> np.ndarray:
    """``ufunc.reduceat(values, starts)`` that accepts no groups.

    Args:
        ufunc: ``np.minimum``, ``np.maximum``, ``np.add`` …
        values: The values, grouped.
        starts: First index of each group (:func:`heads`).
        empty: Fill value of the (empty) result's dtype; None keeps the
            dtype of ``values``.
    """
    if not len(starts):
        return np.zeros(0, dtype=np.asarray(values).dtype) if empty is None else np.full(0, empty)
    return ufunc.reduceat(values, starts)


def connected_labels(
    count: int, u: np.ndarray, v: np.ndarray, parent: np.ndarray | None = None
) -> np.ndarray:
    """Component label (its smallest member) of each of ``count`` nodes.

    Vectorised union-find: hook every root to the smallest root it is linked
    with, compress paths fully, repeat on the links still crossing
    components: a few numpy passes, where a Python loop would visit each
    of the millions of links of a county.

    Args:
        count: Number of nodes.
        u, v: The links.
        parent: Labels from an earlier call, to add more links to them.
    """
    parent = np.arange(count, dtype=np.int64) if parent is None else parent.copy()
    u = np.asarray(u, dtype=np.int64)
    v = np.asarray(v, dtype=np.int64)
    while len(u):
        pu = parent[u]
        pv = parent[v]
        differ = pu != pv
        if not differ.any():
            break
        u, v, pu, pv = u[differ], v[differ], pu[differ], pv[differ]
        np.minimum.at(parent, np.maximum(pu, pv), np.minimum(pu, pv))
        while True:
            jumped = parent[parent]
            if np.array_equal(jumped, parent):
                break
            parent = jumped
    return parent
