"""Resources shared by the assets: where the lake and sources file are, the warehouse, HTTP.

Paths default to the environment (`pipelines.settings`); tests pass their own temporary ones.
The lake is a local path or an object-storage URL; its storage settings are read from the
environment by `pipelines.settings`, so the resource config holds no credentials.
"""


from contextlib import contextmanager
from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipelines import settings
from pipelines.lib.http import Fetcher, HttpSettings
from pipelines.lib.sources import SourcesFile, load_sources


class TallyConfig(dg.ConfigurableResource):
    """Locations and knobs of one Tally deployment."""

    lake_root: str  # a local folder or a URL such as s3://bucket/lake
    sources_file: str
    extract_workers: int = 2
    # Local folder for the HTML report and the Great Expectations project; empty: the lake
    # when it is local, else `settings.local_root()`.
    local_root: str = ""

    @property
    def lake(self) -> settings.LakePath:
        return settings.lake_path(self.lake_root)

    @property
    def local(self) -> Path:
        """The local folder for pages rendered from the warehouse (they link as file:// URLs)."""
        if self.local_root:
            return Path(self.local_root)
        lake = self.lake
        return lake if isinstance(lake, Path) else settings.local_root()

    def sources(self) -> SourcesFile:
        return load_sources(Path(self.sources_file))

    def staging(self, name: str) -> settings.LakePath:
        return self.lake / "staging" / name

    def quarantine(self, stage: str) -> settings.LakePath:
        return self.lake / "quarantine" / stage


class HttpResource(dg.ConfigurableResource):
    """The one HTTP client configuration (timeouts, retries, size cap, concurrency)."""

    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float = 60.0
    max_bytes: int = 20_000_000
    attempts: int = 4
    backoff_initial: float = 0.5
    backoff_max: float = 10.0
    concurrency: int = 4

    @contextmanager
    def fetcher(self):
        http_settings = HttpSettings(
            connect_timeout=self.connect_timeout, read_timeout=self.read_timeout,
            total_timeout=self.total_timeout, max_bytes=self.max_bytes, attempts=self.attempts,
            backoff_initial=self.backoff_initial, backoff_max=self.backoff_max,
            concurrency=self.concurrency,
        )
        with Fetcher(http_settings) as fetcher:
            yield fetcher


def default_resources() -> dict:
    return {
        "tally": TallyConfig(
            lake_root=str(settings.lake_root()),
            sources_file=str(settings.sources_path()),
            extract_workers=settings.extract_workers(),
            local_root=str(settings.local_root()),
        ),
        "duckdb": DuckDBResource(database=str(settings.duckdb_path()),
                                 connection_config=settings.duckdb_config()),
        "http": HttpResource(),
    }
