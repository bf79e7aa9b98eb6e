"""Raw layer assets: the sources file and the inbox, fetched or read into `data_lake/raw/`."""


from datetime import date

import dagster as dg
import polars as pl

from pipelines.defs.resources import HttpResource, TallyConfig
from pipelines.lib.ingest import Ingestor, IngestReport
from pipelines.lib.raw_store import RawStore, write_parquet_atomic
from pipelines.lib.records import QUARANTINE_SCHEMA, frame
from pipelines.settings import REPO_ROOT

RETRY = dg.RetryPolicy(max_retries=2, delay=5, backoff=dg.Backoff.EXPONENTIAL,
                       jitter=dg.Jitter.PLUS_MINUS)


def _ingest_day(context: dg.AssetExecutionContext) -> date | None:
    """A run for one day's partition stores what it fetches under that day."""
    key = context.run.tags.get("dagster/partition")
    try:
        return date.fromisoformat(key) if key else None
    except ValueError:
        return None


def _finish(context: dg.AssetExecutionContext, tally: TallyConfig, store: RawStore,
            report: IngestReport, stage_name: str) -> dg.MaterializeResult:
    new, logged = store.flush()
    quarantine = frame(report.quarantine, QUARANTINE_SCHEMA)
    path = tally.quarantine("fetch") / f"{stage_name}-{store.batch}.parquet"
    if quarantine.height:
        write_parquet_atomic(quarantine, path)
    for message in report.messages:
        context.log.warning(message)
    return dg.MaterializeResult(
        metadata={
            "new_payloads": new,
            "unchanged": report.unchanged,
            "not_modified_304": report.not_modified,
            "failed": dg.MetadataValue.int(report.failed),
            "fetch_log_rows": logged,
            "payloads_total": store.payload_count(),
        }
    )


@dg.asset(
    key=["raw", "sources"],
    group_name="raw",
    kinds={"python", "file"},
    retry_policy=RETRY,
    description="Fetches every feed (and each article it links), article URL and statistics "
    "endpoint of the sources file into the content-addressed raw store, with conditional "
    "requests; every attempt is logged and every failure quarantined.",
)
def raw_sources(context: dg.AssetExecutionContext, tally: TallyConfig,
                http: HttpResource) -> dg.MaterializeResult:
    store = RawStore(tally.lake, batch=f"sources-{context.run_id}", ingest_day=_ingest_day(context))
    report = IngestReport()
    sources = [s for s in tally.sources().sources if s.kind != "inbox"]
    with http.fetcher() as fetcher:
        ingestor = Ingestor(store, fetcher, base=REPO_ROOT, max_bytes=http.max_bytes,
                            log=context.log.info, sources=sources)
        for source in sources:
            report.merge(ingestor.ingest(source))
    return _finish(context, tally, store, report, "sources")


@dg.asset(
    key=["raw", "inbox"],
    group_name="raw",
    kinds={"python", "file"},
    description="Reads article files (.html, .txt) and statistics files (.json, .csv) dropped "
    "into the inbox folders of the sources file into the raw store; unchanged files add nothing.",
)
def raw_inbox(context: dg.AssetExecutionContext, tally: TallyConfig) -> dg.MaterializeResult:
    store = RawStore(tally.lake, batch=f"inbox-{context.run_id}", ingest_day=_ingest_day(context))
    report = IngestReport()
    inboxes = tally.sources().inboxes
    ingestor = Ingestor(store, None, base=REPO_ROOT, log=context.log.info, sources=inboxes)
    for source in inboxes:
        report.merge(ingestor.ingest(source))
    return _finish(context, tally, store, report, "inbox")


def manifest(tally: TallyConfig) -> pl.DataFrame:
    return RawStore(tally.lake, batch="read-only").manifest()
