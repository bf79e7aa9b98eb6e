"""Every setting Tally reads from the environment, in one place, each with an offline default.

Paths are resolved against the current directory (the repository root for `make` targets), so
the same defaults work for `make run`, `make ui` and the tests.

The lake may live in object storage (`TALLY_LAKE=s3://bucket/prefix`). The code then gets a
`UPath`, a Path-like object over fsspec, so the raw store, Polars and DuckDB all reach the lake
through that one filesystem layer, configured here from the standard AWS variables.
"""

from __future__ import annotations

import os
from pathlib import Path

from upath import UPath

REPO_ROOT = Path(__file__).resolve().parent.parent

# A local folder (pathlib) or a folder in object storage (universal_pathlib over fsspec).
LakePath = Path | UPath


def is_url(location: str) -> bool:
    """True for an object-storage URL such as `s3://bucket/lake`; False for a local path."""
    return "://" in location


def storage_options() -> dict:
    """fsspec (s3fs) options from the standard AWS variables.

    Variables left unset are left out, so botocore's own lookup (profiles, instance or pod
    roles) still applies. Listings are never cached: other processes and machines add batch
    files to the same lake, and a cached listing would hide them.
    """
    env = os.environ.get
    options: dict = {"use_listings_cache": False}
    if env("AWS_ENDPOINT_URL"):  # an S3-compatible server (MinIO, Ceph, moto in the tests)
        options["endpoint_url"] = env("AWS_ENDPOINT_URL")
    if env("AWS_ACCESS_KEY_ID"):
        options["key"] = env("AWS_ACCESS_KEY_ID")
    if env("AWS_SECRET_ACCESS_KEY"):
        options["secret"] = env("AWS_SECRET_ACCESS_KEY")
    if env("AWS_SESSION_TOKEN"):
        options["token"] = env("AWS_SESSION_TOKEN")
    region = env("AWS_REGION") or env("AWS_DEFAULT_REGION")
    if region:
        options["client_kwargs"] = {"region_name": region}
    return options


def lake_path(location: str) -> LakePath:
    """The lake at `location`: a `UPath` for a URL (with `storage_options()`), else a Path.

    Worker processes call this with the lake's text form, so they rebuild the same filesystem
    from the same environment instead of being handed a live client.
    """
    return UPath(location, **storage_options()) if is_url(location) else Path(location)


def lake_root() -> LakePath:
    """Root of the data lake: raw payloads, staged Parquet, quarantine files, exports.

    A local folder by default (`data_lake`); object storage when TALLY_LAKE is a URL.
    """
    location = os.environ.get("TALLY_LAKE", "data_lake")
    return lake_path(location) if is_url(location) else Path(location).resolve()


def duckdb_path() -> Path:
    """The warehouse file, always on local disk: DuckDB keeps a writable database only in a
    local file, and it is the single writer. Inside a local lake by default; in `data_lake/`
    when the lake is object storage."""
    lake = lake_root()
    default = lake if isinstance(lake, Path) else Path("data_lake")
    return Path(os.environ.get("DUCKDB_PATH", str(default / "warehouse.duckdb"))).resolve()


def local_root() -> Path:
    """Where the pages rendered from the warehouse go (HTML report, Great Expectations project
    and Data Docs): the lake when it is local, else the DuckDB file's folder. They are built
    from the local warehouse and linked as file:// URLs, so they stay on its disk."""
    lake = lake_root()
    return lake if isinstance(lake, Path) else duckdb_path().parent


def sources_path() -> Path:
    """The sources file; the default lists only the bundled sample data so runs work offline."""
    default = REPO_ROOT / "data_lake" / "samples" / "sources.yaml"
    return Path(os.environ.get("TALLY_SOURCES", str(default))).resolve()


def extract_workers() -> int:
    """Processes used for figure extraction (CPU-bound); 0 or 1 means in-process."""
    return int(os.environ.get("TALLY_EXTRACT_WORKERS", str(min(2, os.cpu_count() or 1))))


def duckdb_memory_limit() -> str:
    """DuckDB's memory budget; past it, joins and sorts spill to disk beside the database.

    Without one DuckDB takes up to 80% of the machine's memory, so the warehouse steps would
    grow with everything ever loaded; with one, a day of 300,000 articles fits a small machine.
    """
    return os.environ.get("TALLY_DUCKDB_MEMORY", "1GB")


def duckdb_config() -> dict:
    """The settings every pipeline connection to the warehouse opens with.

    `max_vacuum_tasks` 0: a checkpoint leaves row groups as they are unless a load has found
    the vacuum due and turned it on (`warehouse.vacuum_when_due`). A database instance lasts
    one connection here, and DuckDB remembers across instances which row groups await a
    vacuum: with its default back on, the next step's checkpoint did the deferred work (0.8-1.6
    s for the figures of a day's 1% at 300,000 articles, whatever that step wrote).
    """
    return {"memory_limit": duckdb_memory_limit(),
            "preserve_insertion_order": False,  # tables carry no row order; keeping it costs memory
            "max_vacuum_tasks": 0}
