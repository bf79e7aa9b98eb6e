"""Jobs, the feed-polling schedule and the inbox sensor."""


import hashlib
import json
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
