"""Jobs for the common runs, the feed-polling schedule, the inbox sensor and feed freshness.

Jobs: `ingest_job` (fetch and rebuild everything for a day), `inbox_job` (dropped files and
downstream), `reextract_job` (after an extractor change: re-parse and re-extract the article
partitions of a date range, launched as a backfill, then rebuild downstream; nothing is fetched)
and `recheck_job` (rebuild the core tables, marts and report from what is staged and run every
check again, without fetching or re-extracting).
"""


import hashlib
import json
from datetime import timedelta
from pathlib import Path

import dagster as dg

from pipelines.defs.partitions import daily, today
from pipelines.defs.resources import TallyConfig
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


def _inbox_state(tally: TallyConfig) -> dict[str, str]:
    """path -> 'mtime_ns:size' for every file in every inbox folder of the sources file."""
    state = {}
    for source in tally.sources().sources:
        if source.kind != "inbox":
            continue
        folder = source.local_path(REPO_ROOT)
        if folder is None or not folder.is_dir():
            continue
        for path in folder.rglob("*"):
            if path.is_file() and not path.name.startswith("."):
                stat = path.stat()
                state[str(Path(path))] = f"{stat.st_mtime_ns}:{stat.st_size}"
    return state


@dg.sensor(job=inbox_job, minimum_interval_seconds=30,
           default_status=dg.DefaultSensorStatus.STOPPED)
def inbox_sensor(context: dg.SensorEvaluationContext, tally: TallyConfig):
    """Starts one run for all files dropped or changed since the last look (a burst is one run)."""
    seen = json.loads(context.cursor) if context.cursor else {}
    state = _inbox_state(tally)
    changed = sorted(p for p, sig in state.items() if seen.get(p) != sig)
    if not changed:
        return dg.SkipReason("no new or changed files in the inbox")
    digest = hashlib.sha256("\n".join(f"{p}={state[p]}" for p in changed).encode()).hexdigest()
    context.update_cursor(json.dumps(state))
    return dg.RunRequest(
        run_key=digest[:32],
        partition_key=today(),
        tags={"tally/inbox_files": str(len(changed))},
    )
