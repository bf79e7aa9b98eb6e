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
from collections.abc import Iterable, Iterator
from datetime import date
from functools import partial

import dagster as dg
import polars as pl

from pipelines.defs.partitions import daily
from pipelines.defs.raw import manifest
from pipelines.defs.resources import TallyConfig
from pipelines.lib import quality
from pipelines.lib.preview import preview
from pipelines.lib.raw_store import (
    parquet_batches,
    parquet_files,
    read_columns,
    remove_tree,
    write_parquet_atomic,
    write_parquet_batches_atomic,
)
from pipelines.lib.records import (
    ARTICLE_SCHEMA,
    FIGURE_SCHEMA,
    QUARANTINE_SCHEMA,
    frame,
    stable_id,
)
from pipelines.lib.staging import extract_batches, parse_batch, run_batches
from pipelines.settings import LakePath

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
    "author, publication date (the page's own, else its feed item's) and body text (HTML: the "
    "body by resiliparse, captions and comments left out; the metadata by trafilatura). "
    "Unusable pages go to quarantine with the reason.",
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
    # each payload once, though it came under two names (a copy dropped beside the file), with
    # the earliest day its feeds give (`Ingestor._listed_days` says why the earliest)
    new = (todo.join(done, on="content_hash", how="anti", maintain_order="left")
           .with_columns(pl.col("feed_published").min().over("content_hash"))
           .unique("content_hash", keep="first", maintain_order=True))
    meta = {"payloads": todo.height, "already_staged": todo.height - new.height}
    if new.is_empty():
        return dg.MaterializeResult(metadata={**meta, "articles": 0, "quarantined": 0})

    # rows become dicts a batch at a time: 300,000 manifest rows as dicts took 0.3 GB at once
    batches = (new.slice(i, BATCH_SIZE).to_dicts() for i in range(0, new.height, BATCH_SIZE))
    rejected: list[dict] = []
    head: list[pl.DataFrame] = []

    def parsed() -> Iterator[pl.DataFrame]:
        """Article frames batch by batch: only a few batches are in memory at any time."""
        for articles, bad, messages in run_batches(partial(parse_batch, str(tally.lake)),
                                                   batches, tally.extract_workers, keep=True):
            for message in messages:
                context.log.warning(message)
            rejected.extend(bad)
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
    if todo and multiprocessing.parent_process() is None:
        # This process runs the job's later steps too (`make run`, the bench): GX, which
        # core.figures' checks of these figures need, is imported while it waits on its workers.
        # A step process of the multiprocess executor (a child) would import it for nothing.
        quality.import_ahead()

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
