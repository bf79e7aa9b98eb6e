"""Statistics series (TechForPalestine JSON, HXL CSV) from the raw layer to figure records."""


import dagster as dg
import polars as pl

from pipelines.defs.resources import TallyConfig
from pipelines.lib.preview import preview
from pipelines.lib.raw_store import RawStore, read_payload, write_parquet_atomic
from pipelines.lib.records import FIGURE_SCHEMA, QUARANTINE_SCHEMA, frame, quarantine_row
from pipelines.lib.statistics import Payload, StatisticsError, read_statistics


@dg.asset(
    key=["staging", "statistics_figures"],
    group_name="staging",
    deps=[dg.AssetKey(["raw", "sources"]), dg.AssetKey(["raw", "inbox"])],
    kinds={"python", "parquet"},
    description="The latest payload of every statistics source, mapped field by field to "
    "metrics with the claimant behind each value. Upstream estimates never become figures; "
    "unreadable rows and files go to quarantine.",
)
def staged_statistics_figures(context: dg.AssetExecutionContext,
                              tally: TallyConfig) -> dg.MaterializeResult:
    declared = {s.name: s for s in tally.sources().sources}
    # A series payload is a full snapshot: the one each locator gave at its latest read, when
    # readable, supersedes the rest; then the newest readable one. A payload that cannot be read
    # (broken, or its schema changed) is quarantined and the previous snapshot stays loaded, so
    # a bad upload loses no figures.
    store = RawStore(tally.lake, batch="read-only")
    payloads = store.manifest(kind="statistics")
    history = (
        payloads.join(store.last_read(payloads).with_columns(read_last=pl.lit(True)),
                      on=["source", "locator", "content_hash"], how="left")
        .sort("read_last", "first_seen_at", descending=True, nulls_last=True)
        .group_by("source", "locator", maintain_order=True)
        .agg(pl.struct("content_hash", "claimant", "format", "charset", "pack", "offset",
                       "size").alias("versions"))
        .sort("source", "locator")
    )
    figures, rejected, ignored = [], [], set()
    for group in history.iter_rows(named=True):
        versions = group["versions"]  # newest first
        source = declared.get(group["source"])
        for position, item in enumerate(versions):
            payload = Payload(
                data=read_payload(tally.lake, item), source=group["source"],
                locator=group["locator"], content_hash=item["content_hash"],
                claimant=item["claimant"], columns=source.columns if source else None,
                charset=item["charset"],
            )
            try:
                result = read_statistics(payload, item["format"] or "auto")
            except StatisticsError as exc:
                if position == 0:  # older unreadable versions were reported when they arrived
                    fallback = ("; the previous payload stays loaded" if len(versions) > 1
                                else "")
                    context.log.warning(f"quarantined {group['locator']}: {exc}{fallback}")
                    rejected.append(quarantine_row(
                        stage="statistics", rule="statistics_unreadable", reason=str(exc),
                        source=group["source"], locator=group["locator"],
                        content_hash=item["content_hash"]))
                continue
            figures += result.figures
            rejected += result.quarantine
            ignored |= result.ignored_fields
            break
    for row in figures:
        row["ingest_day"] = None
    out = frame(figures, FIGURE_SCHEMA)
    write_parquet_atomic(out, tally.staging("statistics") / "figures.parquet")
    write_parquet_atomic(frame(rejected, QUARANTINE_SCHEMA),
                         tally.quarantine("statistics") / "current.parquet")
    for (locator, rule), rows in _by_locator_and_rule(rejected).items():
        more = f" (and {len(rows) - 1} more like it)" if len(rows) > 1 else ""
        context.log.warning(f"quarantined {locator} {rows[0]['record_key'] or ''}: "
                            f"{rows[0]['reason']} [{rule}]{more}")
    if ignored:
        context.log.info(f"fields with no metric mapping, kept in raw only: {sorted(ignored)}")
    return dg.MaterializeResult(metadata={
        "payloads": history.height,
        "figures": out.height,
        "quarantined": len(rejected),
        "unmapped_fields": ", ".join(sorted(ignored)) or "none",
        "preview": preview(out.select("dataset", "as_of", "metric", "value", "claimant")),
    })


def _by_locator_and_rule(rows: list[dict]) -> dict[tuple[str, str], list[dict]]:
    """Quarantine rows grouped for the run log: one line per file and rule, not per row."""
    groups: dict[tuple[str, str], list[dict]] = {}
    for row in rows:
        groups.setdefault((row["locator"], row["rule"]), []).append(row)
    return groups
