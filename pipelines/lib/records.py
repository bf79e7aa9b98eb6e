"""Column schemas of the records Tally moves between stages, and their stable ids.

Ids are hashes of what identifies a record (the article and span of a figure, the dataset, date
and field of a statistic), so re-running any stage yields the same ids and never a duplicate row.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

import polars as pl

FIGURE_SCHEMA = {
    "figure_id": pl.String,
    "origin": pl.String,  # article | statistics
    "article_id": pl.String,
    "dataset": pl.String,
    "dataset_field": pl.String,
    "source": pl.String,
    "outlet": pl.String,
    "source_url": pl.String,
    "published": pl.Date,
    "metric": pl.String,
    "value": pl.Float64,
    "value_low": pl.Float64,
    "value_high": pl.Float64,
    "qualifier": pl.String,
    "subject": pl.String,
    "location": pl.String,
    "claimant": pl.String,
    "claimant_id": pl.String,
    "claimant_class": pl.String,
    "attribution_explicit": pl.Boolean,
    "status": pl.String,
    "hedged": pl.Boolean,
    "as_of": pl.Date,
    "derived": pl.Boolean,
    "cumulative": pl.Boolean,
    "span_start": pl.Int64,
    "span_end": pl.Int64,
    "surface": pl.String,
    "sentence": pl.String,
    "content_hash": pl.String,
    "ingest_day": pl.Date,
}

ARTICLE_SCHEMA = {
    "article_id": pl.String,
    "url": pl.String,
    "canonical_url": pl.String,
    "outlet": pl.String,
    "title": pl.String,
    "author": pl.String,
    "published_at": pl.Date,
    "text": pl.String,
    "text_hash": pl.String,
    "content_hash": pl.String,
    "source": pl.String,
    "media_type": pl.String,
    "first_seen_at": pl.Datetime("us", "UTC"),
    "ingest_day": pl.Date,
}

QUARANTINE_SCHEMA = {
    "quarantine_id": pl.String,
    "stage": pl.String,  # fetch | article | statistics | figure
    "rule": pl.String,
    "reason": pl.String,
    "source": pl.String,
    "locator": pl.String,
    "content_hash": pl.String,
    "record_key": pl.String,  # figure_id, dataset row, ... what the rule looked at
    "record": pl.String,  # the offending record as JSON
    "quarantined_at": pl.Datetime("us", "UTC"),
}


def stable_id(*parts: object) -> str:
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def quarantine_row(
    *,
    stage: str,
    rule: str,
    reason: str,
    source: str | None = None,
    locator: str | None = None,
    content_hash: str | None = None,
    record_key: str | None = None,
    record: dict | None = None,
) -> dict:
    return {
        "quarantine_id": stable_id(stage, rule, source, locator, content_hash, record_key),
        "stage": stage,
        "rule": rule,
        "reason": reason,
        "source": source,
        "locator": locator,
        "content_hash": content_hash,
        "record_key": record_key,
        "record": None if record is None else json.dumps(record, default=str, ensure_ascii=False),
        "quarantined_at": datetime.now(UTC),
    }


def frame(rows: list[dict], schema: dict) -> pl.DataFrame:
    """Rows to a frame of exactly `schema` (missing keys become nulls, extra keys are an error)."""
    if not rows:
        return pl.DataFrame(schema=schema)
    extra = set().union(*(r.keys() for r in rows)) - set(schema)
    if extra:
        raise KeyError(f"unexpected columns {sorted(extra)}")
    return pl.DataFrame(
        [{k: r.get(k) for k in schema} for r in rows], schema=schema, strict=False
    )
