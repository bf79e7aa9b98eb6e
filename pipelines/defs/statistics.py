"""Statistics series (TechForPalestine JSON, HXL CSV) from the raw layer to figure records."""


import dagster as dg
import polars as pl

from pipelines.defs.raw import manifest
from pipelines.defs.resources import TallyConfig
from pipelines.lib.preview import preview
from pipelines.lib.raw_store import RawStore, write_parquet_atomic
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
    store = RawStore(tally.lake, batch="read-only")
    declared = {s.name: s for s in tally.sources().sources}
    # A series payload is a full snapshot: the newest one per source and location supersedes.
    latest = (
        manifest(tally).filter(pl.col("kind") == "statistics")
        .sort("first_seen_at").group_by("source", "locator").last().sort("source", "locator")
    )
    figures, rejected, ignored = [], [], set()
    for item in latest.iter_rows(named=True):
        source = declared.get(item["source"])
        payload = Payload(
            data=store.read(item["content_hash"]), source=item["source"],
            locator=item["locator"], content_hash=item["content_hash"],
            claimant=item["claimant"], columns=source.columns if source else None,
        )
        try:
            result = read_statistics(payload, item["format"] or "auto")
        except StatisticsError as exc:
            context.log.warning(f"quarantined {item['locator']}: {exc}")
            rejected.append(quarantine_row(
                stage="statistics", rule="statistics_unreadable", reason=str(exc),
                source=item["source"], locator=item["locator"], content_hash=item["content_hash"]))
            continue
        figures += result.figures
        rejected += result.quarantine
        ignored |= result.ignored_fields
    for row in figures:
        row["ingest_day"] = None
    out = frame(figures, FIGURE_SCHEMA)
    write_parquet_atomic(out, tally.staging("statistics") / "figures.parquet")
    write_parquet_atomic(frame(rejected, QUARANTINE_SCHEMA),
                         tally.quarantine("statistics") / "current.parquet")
    if ignored:
        context.log.info(f"fields with no metric mapping, kept in raw only: {sorted(ignored)}")
    return dg.MaterializeResult(metadata={
        "payloads": latest.height,
        "figures": out.height,
        "quarantined": len(rejected),
        "unmapped_fields": ", ".join(sorted(ignored)) or "none",
        "preview": preview(out.select("dataset", "as_of", "metric", "value", "claimant")),
    })
