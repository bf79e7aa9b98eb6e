"""Article assets are partitioned by the UTC day a payload first reached the raw layer.

That day is known the moment a payload is stored (before any parsing), so a day's partition is
exactly "what arrived that day": the current day's run touches new articles only, and a backfill
over a range of days re-parses and re-extracts what arrived then (after an extractor change).
"""

from datetime import UTC, datetime

import dagster as dg

daily = dg.DailyPartitionsDefinition(start_date="2025-01-01", end_offset=1)


def today() -> str:
    return datetime.now(UTC).date().isoformat()
