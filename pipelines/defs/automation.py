"""Jobs for the common runs, the feed-polling schedule, the inbox sensor and feed freshness.

Jobs: `ingest_job` (fetch and rebuild everything for a day), `inbox_job` (dropped files and
downstream), `reextract_job` (after an extractor change: re-parse and re-extract the article
partitions of a date range, launched as a backfill, then rebuild downstream; nothing is fetched)
and `recheck_job` (rebuild the core tables, marts and report from what is staged and run every
check again, without fetching or re-extracting).
"""


import hashlib
from datetime import timedelta

import dagster as dg

from pipelines.defs.partitions import daily, today
from pipelines.defs.resources import TallyConfig
from pipelines.lib.ingest import Ingestor
from pipelines.lib.raw_store import RawStore
from pipelines.settings import REPO_ROOT

everything = dg.AssetSelection.all()
inbox_and_downstream = (
    dg.AssetSelection.keys(["raw", "inbox"]).downstream()
    - dg.AssetSelection.keys(["raw", "sources"])
)

ingest_job = dg.define_asset_job(
    "ingest_job",
    selection=everything,
    partitions_def=daily,
    description="Fetch every source and the inbox, then rebuild articles, figures, checks and "
    "marts for the day's partition.",
    tags={"tally/trigger": "ingest"},
)

inbox_job = dg.define_asset_job(
    "inbox_job",
    selection=inbox_and_downstream,
    partitions_def=daily,
    description="Read dropped files from the inbox and rebuild everything downstream.",
    tags={"tally/trigger": "inbox"},
)


reextract_job = dg.define_asset_job(
    "reextract_job",
    selection=dg.AssetSelection.keys(["staging", "articles"]).downstream(),
    partitions_def=daily,
    description="After an extractor change: re-parse and re-extract the articles that arrived on "
    "the selected days (launch a backfill over a date range), then rebuild the core tables, "
    "checks, marts and report. Fetches nothing.",
    tags={"tally/trigger": "re-extract", "tally/rebuild": "full"},
)

recheck_job = dg.define_asset_job(
    "recheck_job",
    selection=dg.AssetSelection.groups("core").downstream(),
    description="Reload the core tables from what is already staged, run every check again and "
    "rebuild the marts, exports and report. Fetches and extracts nothing.",
    tags={"tally/trigger": "re-check", "tally/rebuild": "full"},
)

JOBS = [ingest_job, inbox_job, reextract_job, recheck_job]

FEEDS = {dg.AssetKey(["raw", "sources"])}
# poll_feeds runs hourly when switched on: a feed three runs late is a warning, six an error.
FEED_FRESHNESS = dg.FreshnessPolicy.time_window(fail_window=timedelta(hours=6),
                                                warn_window=timedelta(hours=3))


def with_feed_freshness(assets):
    """The assets, with the freshness expectation attached to the feed-fetching ones."""
    return dg.map_asset_specs(
        lambda spec: dg.apply_freshness_policy(spec, FEED_FRESHNESS) if spec.key in FEEDS
        else spec,
        assets,
    )


@dg.schedule(job=ingest_job, cron_schedule="0 * * * *", execution_timezone="UTC",
             default_status=dg.DefaultScheduleStatus.STOPPED)
def poll_feeds(context: dg.ScheduleEvaluationContext) -> dg.RunRequest:
    """Hourly: poll feeds and endpoints (conditional requests keep unchanged ones cheap)."""
    day = context.scheduled_execution_time.date().isoformat()
    return dg.RunRequest(partition_key=day, tags={"tally/scheduled_for": day})


INBOX_ATTEMPTS = 3  # runs asked for the same pending files when they fail


@dg.sensor(job=inbox_job, minimum_interval_seconds=30,
           default_status=dg.DefaultSensorStatus.STOPPED)
def inbox_sensor(context: dg.SensorEvaluationContext, tally: TallyConfig):
    """Starts one run for the inbox files a run would read now (a burst is one run).

    What is pending is what the lake does not hold yet: `Ingestor.pending` walks the inbox and
    compares each file with its last good read in the fetch log, as the run does, so the sensor
    keeps no record of the inbox of its own (its JSON of every path took 3.4 MB at 30,000 files,
    rewritten on every change). Files the run would only quarantine (types the inbox does not
    take, or names it ignores while they are written) are not pending.

    The run key is a digest of the pending files and their stamps: the same while they wait, so
    Dagster starts no second run for files a queued or running run will read, and new once any of
    them changes. The cursor holds only the last key: a file the run cannot read (empty, too
    large, unreadable) stays pending, and its unchanged key is skipped rather than asked again.

    A run that failed or was cancelled (killed, a deploy's restart) read nothing, so its files
    are asked for again under the key with an attempt number (`<digest>-2`), up to
    `INBOX_ATTEMPTS` runs; then the sensor skips, naming the last failed run.
    """
    inboxes = tally.sources().inboxes
    ingestor = Ingestor(RawStore(tally.lake, batch="read-only"), None, base=REPO_ROOT,
                        sources=inboxes)
    digest, files = hashlib.sha256(), 0
    for source in inboxes:
        for locator, stamp in ingestor.pending(source):
            digest.update(f"{source.name}\0{locator}\0{stamp}\n".encode())
            files += 1
    if not files:
        context.update_cursor(None)
        return dg.SkipReason("no new or changed files in the inbox")
    run_key = digest.hexdigest()[:32]
    asked = context.cursor or ""
    if asked.split("-")[0] == run_key:
        attempt = int(asked.partition("-")[2] or 1)
        last = context.instance.get_runs(dg.RunsFilter(tags={"dagster/run_key": asked}), limit=1)
        if not last or last[0].status not in (dg.DagsterRunStatus.FAILURE,
                                              dg.DagsterRunStatus.CANCELED):
            return dg.SkipReason(f"a run was already requested for the {files} pending files")
        if attempt >= INBOX_ATTEMPTS:
            return dg.SkipReason(f"the last {attempt} runs for the {files} pending files did "
                                 f"not finish (the last: {last[0].run_id}); a change to the "
                                 "inbox asks again")
        run_key = f"{run_key}-{attempt + 1}"
    context.update_cursor(run_key)
    return dg.RunRequest(run_key=run_key, partition_key=today(),
                         tags={"tally/inbox_files": str(files)})
