"""Article assets, partitioned by ingest day: raw pages to article texts, texts to figures.

Both write Parquet under `data_lake/staging/` (one file per day, replaced whole), never DuckDB,
so they can run in parallel with each other and with a reader; the warehouse loaders are the
single writer.
"""


import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from datetime import date

import dagster as dg
import polars as pl

from pipelines.defs.partitions import daily
from pipelines.defs.raw import manifest
from pipelines.defs.resources import TallyConfig
from pipelines.lib.articles import ArticleError, canonical_url, parse_article
from pipelines.lib.preview import preview
from pipelines.lib.raw_store import RawStore, write_parquet_atomic
from pipelines.lib.records import (
    ARTICLE_SCHEMA,
    FIGURE_SCHEMA,
    QUARANTINE_SCHEMA,
    frame,
    quarantine_row,
    stable_id,
)

BATCH_SIZE = 200  # articles per extraction task; below one batch, extraction stays in-process


def _day_file(tally: TallyConfig, name: str, day: str):
    return tally.staging(name) / f"day={day}.parquet"


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
    store = RawStore(tally.lake, batch="read-only")
    todo = manifest(tally).filter(
        (pl.col("kind") == "article") & (pl.col("ingest_day") == date.fromisoformat(day))
    )
    rows, rejected = [], []
    for item in todo.iter_rows(named=True):
        try:
            article = parse_article(store.read(item["content_hash"]), item["media_type"],
                                    url=_url(item["locator"]), outlet=item["outlet"])
        except ArticleError as exc:
            context.log.warning(f"quarantined {item['locator']}: {exc}")
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
    articles = frame(rows, ARTICLE_SCHEMA)
    write_parquet_atomic(articles, _day_file(tally, "articles", day))
    write_parquet_atomic(frame(rejected, QUARANTINE_SCHEMA),
                         tally.quarantine("article") / f"day={day}.parquet")
    return dg.MaterializeResult(metadata={
        "payloads": todo.height,
        "articles": articles.height,
        "quarantined": len(rejected),
        "preview": preview(articles.select("outlet", "published_at", "title", "url")),
    })


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


def extract_all(articles: list[dict], workers: int) -> list[dict]:
    """Extraction is CPU work: large days are split into batches over worker processes."""
    batches = [articles[i : i + BATCH_SIZE] for i in range(0, len(articles), BATCH_SIZE)]
    if workers <= 1 or len(batches) <= 1:
        return [fig for batch in batches for fig in extract_batch(batch)]
    spawn = multiprocessing.get_context("spawn")  # fork is unsafe in a threaded Dagster process
    with ProcessPoolExecutor(max_workers=workers, mp_context=spawn) as pool:
        return [fig for figs in pool.map(extract_batch, batches) for fig in figs]


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
    day = context.partition_key
    source = _day_file(tally, "articles", day)
    articles = pl.read_parquet(source) if source.exists() else pl.DataFrame(schema=ARTICLE_SCHEMA)
    figures = frame(extract_all(articles.to_dicts(), tally.extract_workers), FIGURE_SCHEMA)
    write_parquet_atomic(figures, _day_file(tally, "article_figures", day))
    return dg.MaterializeResult(metadata={
        "articles": articles.height,
        "figures": figures.height,
        "preview": preview(figures.select("metric", "value", "qualifier", "claimant_class",
                                          "surface")),
    })
