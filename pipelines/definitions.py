"""The one place where Tally's Dagster definitions are assembled (workspace.yaml loads this)."""

import dagster as dg

from pipelines.defs import automation, news, raw, reconcile, statistics, warehouse
from pipelines.defs.resources import default_resources

defs = dg.Definitions(
    assets=dg.load_assets_from_modules([raw, news, statistics, warehouse, reconcile]),
    jobs=[automation.ingest_job, automation.inbox_job],
    schedules=[automation.poll_feeds],
    sensors=[automation.inbox_sensor],
    resources=default_resources(),
)
