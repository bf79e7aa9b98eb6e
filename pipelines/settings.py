"""Every setting Tally reads from the environment, in one place, each with an offline default.

Paths are resolved against the current directory (the repository root for `make` targets), so
the same defaults work for `make run`, `make ui` and the tests.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def lake_root() -> Path:
    """Root of the data lake: raw payloads, staged Parquet, quarantine files, exports."""
    return Path(os.environ.get("TALLY_LAKE", "data_lake")).resolve()


def duckdb_path() -> Path:
    return Path(os.environ.get("DUCKDB_PATH", str(lake_root() / "warehouse.duckdb"))).resolve()


def sources_path() -> Path:
    """The sources file; the default lists only the bundled sample data so runs work offline."""
    default = REPO_ROOT / "data_lake" / "samples" / "sources.yaml"
    return Path(os.environ.get("TALLY_SOURCES", str(default))).resolve()


def extract_workers() -> int:
    """Processes used for figure extraction (CPU-bound); 0 or 1 means in-process."""
    return int(os.environ.get("TALLY_EXTRACT_WORKERS", str(min(2, os.cpu_count() or 1))))
