"""Article assets, partitioned by ingest day: raw pages to article texts, texts to figures.

Both write Parquet under `<lake>/staging/<name>/day=<day>/`, never DuckDB, so they can run in
parallel with each other and with a reader; the warehouse loaders are the single writer.

A run only does the work that is new: each run parses the day's payloads that no earlier part
holds into one new part file (named by the content hashes it covers, so a retried run rewrites
the same file instead of adding one), and extracts figures from each article part that has no
figures part yet. A run tagged `tally/rebuild=full` (re-extract and re-check jobs) starts the
day over.
"""


import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from functools import partial

import dagster as dg
import polars as pl

from pipelines.defs.partitions import daily
from pipelines.defs.raw import manifest
from pipelines.defs.resources import TallyConfig
from pipelines.lib.articles import ArticleError, canonical_url, parse_article
from pipelines.lib.preview import preview
from pipelines.lib.raw_store import (
    parquet_batches,
    parquet_files,
    read_columns,
    read_payload,
    remove_tree,
    write_parquet_atomic,
    write_parquet_batches_atomic,
)
from pipelines.lib.records import (
    ARTICLE_SCHEMA,
    FIGURE_SCHEMA,
    QUARANTINE_SCHEMA,
    frame,
    quarantine_row,
    stable_id,
)
from pipelines.settings import LakePath, lake_path

BATCH_SIZE = 200  # articles per parsing or extraction task; below one batch, stays in-process
REBUILD_TAG = "tally/rebuild"


def _day_dir(tally: TallyConfig, name: str, day: str) -> LakePath:
    return tally.staging(name) / f"day={day}"


def full_rebuild(context: dg.AssetExecutionContext) -> bool:
    """True for runs that must redo everything instead of only what is new."""
    return context.run.tags.get(REBUILD_TAG) == "full"


def _hashes_in(folder: LakePath) -> pl.DataFrame:
    """The content hashes the staged or quarantine parts under `folder` already cover."""
    return read_columns(folder, ["content_hash"], {"content_hash": pl.String})


def part_name(content_hashes: Iterable[str]) -> str:
    """A part is named by what it covers: the same new payloads give the same file name."""
    return f"part-{stable_id('part', *sorted(content_hashes))}.parquet"


@dg.asset(
    key=["staging", "articles"],
    group_name="staging",
    partitions_def=daily,
    deps=[dg.AssetKey(["raw", "sources"]), dg.AssetKey(["raw", "inbox"])],
    kinds={"python", "parquet"},
    description="Article payloads first seen on the partition's day, parsed to title, outlet, "
    "author, publication date and body text (trafilatura for HTML; captions and comments left "
    "out). Unusable pages go to quarantine with the reason.",
)
def staged_articles(context: dg.AssetExecutionContext, tally: TallyConfig) -> dg.MaterializeResult:
    day = context.partition_key
    folder = _day_dir(tally, "articles", day)
    rejected_dir = tally.quarantine("article") / f"day={day}"
    if full_rebuild(context):
        remove_tree(folder)
        remove_tree(rejected_dir)
    todo = manifest(tally).filter(
        (pl.col("kind") == "article") & (pl.col("ingest_day") == date.fromisoformat(day))
    )
    done = pl.concat([_hashes_in(folder), _hashes_in(rejected_dir)])
    new = todo.join(done, on="content_hash", how="anti", maintain_order="left")
    meta = {"payloads": todo.height, "already_staged": todo.height - new.height}
    if new.is_empty():
        return dg.MaterializeResult(metadata={**meta, "articles": 0, "quarantined": 0})

    # rows become dicts a batch at a time: 300,000 manifest rows as dicts took 0.3 GB at once
    batches = (new.slice(i, BATCH_SIZE).to_dicts() for i in range(0, new.height, BATCH_SIZE))
    rejected: list[dict] = []
    head: list[pl.DataFrame] = []

    def parsed() -> Iterator[pl.DataFrame]:
        """Article frames batch by batch: only a few batches are in memory at any time."""
        for rows, bad, messages in run_batches(partial(parse_batch, str(tally.lake)), batches,
                                               tally.extract_workers):
            for message in messages:
                context.log.warning(message)
            rejected.extend(bad)
            articles = frame(rows, ARTICLE_SCHEMA)
            if not head:
                head.append(articles.head(10))
            yield articles

    part = part_name(new["content_hash"])
    count = write_parquet_batches_atomic(parsed(), folder / part, ARTICLE_SCHEMA)
    if rejected:
        write_parquet_atomic(frame(rejected, QUARANTINE_SCHEMA), rejected_dir / part)
    sample = head[0] if head else pl.DataFrame(schema=ARTICLE_SCHEMA)
    return dg.MaterializeResult(metadata={
        **meta,
        "articles": count,
        "quarantined": len(rejected),
        "part": part,
        "preview": preview(sample.select("outlet", "published_at", "title", "url")),
    })


def parse_batch(lake: str, items: list[dict]) -> tuple[list[dict], list[dict], list[str]]:
    """Article rows, quarantine rows and log lines of a batch of manifest rows.

    Runs in a worker process for large days (HTML parsing is the costliest step per article),
    so it reads payloads from where their manifest rows say, instead of loading the manifest.
    """
    rows, rejected, messages = [], [], []
    for item in items:
        try:
            data = read_payload(lake_path(lake), item)
            article = parse_article(data, item["media_type"], url=_url(item["locator"]),
                                    outlet=item["outlet"])
        except ArticleError as exc:
            messages.append(f"quarantined {item['locator']}: {exc}")
            rejected.append(quarantine_row(
                stage="article", rule="article_unusable", reason=str(exc), source=item["source"],
                locator=item["locator"], content_hash=item["content_hash"]))
            continue
        url = canonical_url(article.url)
        rows.append({
            "article_id": stable_id("article", url or article.text_hash),
            "url": article.url or item["locator"],
            "canonical_url": url,
            "outlet": article.outlet,
            "title": article.title,
            "author": article.author,
            "published_at": article.published,
            "text": article.text,
            "text_hash": article.text_hash,
            "content_hash": item["content_hash"],
            "source": item["source"],
            "media_type": item["media_type"],
            "first_seen_at": item["first_seen_at"],
            "ingest_day": item["ingest_day"],
        })
    return rows, rejected, messages


def run_batches(fn: Callable, batches: Iterable, workers: int) -> Iterator:
    """`fn` of each batch, in order; over `workers` spawned processes when there are several.

    At most two batches per worker are in flight, so memory stays that of a few batches
    whatever the size of the day.
    """
    batches = iter(batches)
    first = next(batches, None)
    second = next(batches, None)
    if first is None:
        return
    if workers <= 1 or second is None:
        yield fn(first)
        if second is not None:
            yield fn(second)
        for batch in batches:
            yield fn(batch)
        return
    spawn = multiprocessing.get_context("spawn")  # fork is unsafe in a threaded Dagster process
    with ProcessPoolExecutor(max_workers=workers, mp_context=spawn) as pool:
        pending = deque([pool.submit(fn, first), pool.submit(fn, second)])
        for batch in batches:
            pending.append(pool.submit(fn, batch))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _url(locator: str) -> str | None:
    return locator if locator.startswith(("http://", "https://")) else None


def extract_batch(articles: list[dict]) -> list[dict]:
    """Figures of a batch of articles (runs in a worker process, so imports stay inside)."""
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


ARTICLE_COLUMNS = ["article_id", "content_hash", "source", "outlet", "canonical_url", "url",
                   "published_at", "ingest_day", "text"]


def _article_batches(path: LakePath) -> Iterator[pl.DataFrame]:
    """The day's staged articles, BATCH_SIZE at a time, read from Parquet without loading all."""
    yield from parquet_batches(path, BATCH_SIZE, columns=ARTICLE_COLUMNS)


@dg.asset(
    key=["staging", "article_figures"],
    group_name="staging",
    partitions_def=daily,
    deps=[staged_articles],
    kinds={"python", "parquet"},
    description="Every figure the extractor finds in the partition's articles, with claimant, "
    "qualifier, status, as-of date and the exact span and sentence it came from.",
)
def staged_article_figures(context: dg.AssetExecutionContext,
                           tally: TallyConfig) -> dg.MaterializeResult:
    source = _day_dir(tally, "articles", context.partition_key)
    target = _day_dir(tally, "article_figures", context.partition_key)
    if full_rebuild(context):
        remove_tree(target)
    parts = {p.name for p in parquet_files(source)}
    for orphan in parquet_files(target):  # its article part is gone (a rebuilt day)
        if orphan.name not in parts:
            orphan.unlink()
    todo = sorted(parts - {p.name for p in parquet_files(target)})
    counts = {"articles": 0, "figures": 0}
    head: list[pl.DataFrame] = []

    def extracted(part: LakePath) -> Iterator[pl.DataFrame]:
        for articles, figures in extract_batches(_article_batches(part), tally.extract_workers):
            counts["articles"] += articles
            if not head and figures.height:
                head.append(figures.head(10))
            yield figures

    for name in todo:
        counts["figures"] += write_parquet_batches_atomic(extracted(source / name),
                                                          target / name, FIGURE_SCHEMA)
    sample = head[0] if head else pl.DataFrame(schema=FIGURE_SCHEMA)
    return dg.MaterializeResult(metadata={
        "parts_extracted": len(todo),
        "parts_already_extracted": len(parts) - len(todo),
        **counts,
        "preview": preview(sample.select("metric", "value", "qualifier", "claimant_class",
                                         "surface")),
    })


def _with_input(articles: pl.DataFrame) -> tuple[int, pl.DataFrame]:
    """(articles in the batch, their figures): the count travels back with the result.

    Frames both ways, rows made and framed in the worker: a frame crosses between processes
    as one Arrow buffer per column, where a list of dicts is pickled and unpickled field by
    field, and the main process, which also writes the Parquet, had all of that to do.
    """
    return articles.height, frame(extract_batch(articles.to_dicts()), FIGURE_SCHEMA)
