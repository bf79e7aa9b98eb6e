"""A function mapped over items in a pool of workers, results in the items' order."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor


def map_in_order(pool: Executor, fn: Callable, items: Iterable, window: int) -> Iterator:
    """`fn` of each item, in order, with at most `window` items handed to the pool and not yet
    given back. `Executor.map` would submit every item at once, holding all their results when
    the consumer is slower than the workers; this keeps memory to that of `window` items."""
    pending: deque = deque()
    for item in items:
        pending.append(pool.submit(fn, item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()
