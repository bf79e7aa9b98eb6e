"""The per-batch work of the article assets: payloads to article rows, articles to figures.

Large days run it in spawned worker processes, which import the module of the function they
are handed. Kept apart from the Dagster assets (`pipelines.defs.news`) so that a worker imports
only what it runs: about 0.5 s a worker instead of 1.75 s with Dagster, paid by every worker on
every run, the small ones included. When both stages run in one process (`make run`, the
bench: Dagster's in-process executor), the parsing stage leaves its workers to the extraction
stage (`run_batches`' `keep`), so they start once per run, not once per stage. Under the
multiprocess executor each stage is a process of its own, which stops them as it exits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from itertools import chain
from multiprocessing import get_context

import polars as pl

from pipelines.lib.articles import ArticleError, canonical_url, parse_article
from pipelines.lib.in_order import map_in_order
from pipelines.lib.raw_store import read_payload
from pipelines.lib.records import (
    ARTICLE_SCHEMA,
    FIGURE_SCHEMA,
    frame,
    quarantine_row,
    stable_id,
)
from pipelines.settings import lake_path

_kept: tuple[int, ProcessPoolExecutor] | None = None  # (workers, pool) left for the next stage


def run_batches(fn: Callable, batches: Iterable, workers: int, keep: bool = False) -> Iterator:
    """`fn` of each batch, in order; over `workers` spawned processes when there are several.

    At most two batches per worker are in flight, so memory stays that of a few batches
    whatever the size of the day. `keep`: leave the processes running for the next call (the
    run's next stage), which takes them and stops them when it ends. Why: a spawned worker
    takes about 0.25 s to start Python and import what it runs before its first batch. With
    1% new articles at 300,000, extraction took 2.35-2.37 s with the parsing's workers kept,
    against 2.61-2.76 s starting its own (three runs each, alternated). A stage that never
    comes leaves them idle until the process ends (or a later call takes them).
    """
    global _kept
    batches = iter(batches)
    first = next(batches, None)
    second = next(batches, None)
    kept, _kept = _kept, None  # the workers an earlier stage left: this call takes them
    if kept is not None and (workers <= 1 or second is None or kept[0] != workers
                             or not _answers(kept[1])):
        kept[1].shutdown()
        kept = None
    if first is None:
        return
    if workers <= 1 or second is None:
        yield fn(first)
        if second is not None:
            yield fn(second)
        for batch in batches:
            yield fn(batch)
        return
    # fork is unsafe in a threaded Dagster process
    pool = kept[1] if kept else ProcessPoolExecutor(workers, mp_context=get_context("spawn"))
    try:
        yield from map_in_order(pool, fn, chain([first, second], batches), 2 * workers)
    except BaseException:
        pool.shutdown(cancel_futures=True)
        raise
    if keep:
        _kept = (workers, pool)
    else:
        pool.shutdown()


def _answers(pool: ProcessPoolExecutor) -> bool:
    """Whether a kept pool still runs work: a worker that died while it waited (the kernel's
    out-of-memory killer picks the largest process) breaks the whole pool, and the stage then
    starts workers of its own rather than fail."""
    try:
        pool.submit(int).result()
    except BrokenProcessPool:
        return False
    return True


def parse_batch(lake: str, items: list[dict]) -> tuple[pl.DataFrame, list[dict], list[str]]:
    """The article frame, quarantine rows and log lines of a batch of manifest rows.

    Runs in a worker process for large days (HTML parsing is the costliest step per article),
    so it reads payloads from where their manifest rows say, instead of loading the manifest.
    The articles come back as a frame, one Arrow buffer per column, which the main process
    (which also writes the Parquet) takes without unpickling and framing every row.

    An article is dated by its own page or file; one that gives no date takes the day of the
    feed item that listed it (the manifest's `feed_published`), else has none: its figures
    were dropped by everything that orders them in time, though its feed said when it came.
    """
    rows, rejected, messages = [], [], []
    for item in items:
        try:
            data = read_payload(lake_path(lake), item)
            article = parse_article(data, item["media_type"], url=_url(item["locator"]),
                                    outlet=item["outlet"], charset=item.get("charset"))
        except ArticleError as exc:
            messages.append(f"quarantined {item['locator']}: {exc}")
            rejected.append(quarantine_row(
                stage="article", rule="article_unusable", reason=str(exc), source=item["source"],
                locator=item["locator"], content_hash=item["content_hash"]))
            continue
        url = canonical_url(article.url)
        text_hash = article.text_hash
        rows.append({
            "article_id": stable_id("article", url or text_hash),
            "url": article.url or item["locator"],
            "canonical_url": url,
            "outlet": article.outlet,
            "title": article.title,
            "author": article.author,
            "published_at": article.published or item.get("feed_published"),
            "text": article.text,
            "text_hash": text_hash,
            "content_hash": item["content_hash"],
            "source": item["source"],
            "media_type": item["media_type"],
            "first_seen_at": item["first_seen_at"],
            "ingest_day": item["ingest_day"],
        })
    return frame(rows, ARTICLE_SCHEMA), rejected, messages


def _url(locator: str) -> str | None:
    return locator if locator.startswith(("http://", "https://")) else None


def extract_batch(articles: list[dict]) -> list[dict]:
    """Figures of a batch of articles (the extractor is imported by the workers that use it)."""
    from pipelines.extract import extract_figures

    out = []
    for art in articles:
        for fig in extract_figures(art["text"], published=art["published_at"],
                                   outlet=art["outlet"]):
            rec = fig.to_dict()
            rec["as_of"] = date.fromisoformat(rec["as_of"]) if rec.get("as_of") else None
            rec.update({
                "figure_id": stable_id("article", art["article_id"], art["content_hash"],
                                       rec["span_start"], rec["span_end"], rec["metric"]),
                "origin": "article",
                "article_id": art["article_id"],
                "source": art["source"],
                "outlet": art["outlet"],
                "source_url": art["canonical_url"] or art["url"],
                "published": art["published_at"],
                "content_hash": art["content_hash"],
                "ingest_day": art["ingest_day"],
            })
            out.append({k: rec.get(k) for k in FIGURE_SCHEMA})
    return out


def extract_batches(batches: Iterable[pl.DataFrame], workers: int
                    ) -> Iterator[tuple[int, pl.DataFrame]]:
    """(articles, their figures) of each batch of staged articles, in order. Extraction is CPU
    work: with several batches it runs over `workers` processes."""
    return run_batches(_with_input, batches, workers)


def _with_input(articles: pl.DataFrame) -> tuple[int, pl.DataFrame]:
    """(articles in the batch, their figures): the count travels back with the result.

    Frames both ways, rows made and framed in the worker: a frame crosses between processes
    as one Arrow buffer per column, where a list of dicts is pickled and unpickled field by
    field, and the main process, which also writes the Parquet, had all of that to do.
    """
    return articles.height, frame(extract_batch(articles.to_dicts()), FIGURE_SCHEMA)
