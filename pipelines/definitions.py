"""The one place where Tally's Dagster definitions are assembled (workspace.yaml loads this)."""

import dagster as dg

from pipelines.defs import automation, news, raw, reconcile, report, statistics, warehouse
from pipelines.defs.resources import default_resources

defs = dg.Definitions(
    assets=automation.with_feed_freshness(
        dg.load_assets_from_modules([raw, news, statistics, warehouse, reconcile, report])),
    jobs=automation.JOBS,
    schedules=[automation.poll_feeds],
    sensors=[automation.inbox_sensor],
    resources=default_resources(),
)
