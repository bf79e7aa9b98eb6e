"""Shared fixtures: a throw-away lake, warehouse and Dagster instance per test."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipelines.settings import REPO_ROOT

SAMPLES = REPO_ROOT / "data_lake" / "samples"


@pytest.fixture
def lake(tmp_path: Path) -> Path:
    root = tmp_path / "lake"
    root.mkdir()
    return root


def write_sources(path: Path, sources: list[dict]) -> Path:
    path.write_text(yaml.safe_dump({"sources": sources}, sort_keys=False), encoding="utf-8")
    return path


def resources_for(lake: Path, sources_file: Path, **http) -> dict:
    from dagster_duckdb import DuckDBResource

    from pipelines.defs.resources import HttpResource, TallyConfig
    from pipelines.settings import duckdb_config

    return {
        "tally": TallyConfig(lake_root=str(lake), sources_file=str(sources_file),
                             extract_workers=1),
        "duckdb": DuckDBResource(database=str(lake / "warehouse.duckdb"),
                                 connection_config=duckdb_config()),
        "http": HttpResource(**{"attempts": 3, "backoff_initial": 0.01, "backoff_max": 0.05,
                                "read_timeout": 1.0, "total_timeout": 3.0, **http}),
    }


@pytest.fixture(scope="session")
def make_httpserver():
    """pytest-httpserver on 127.0.0.1, threaded so one slow handler cannot stall the others."""
    from pytest_httpserver import HTTPServer

    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The sample warehouse, built once per test session by the real assets (twice: re-run check).

    Returns (lake, first run, second run, row counts of tests.pipeline.conftest.TABLES after the
    first run).
    """
    from tests.pipeline.conftest import TABLES
    from tests.pipeline.helpers import count, materialize

    lake = tmp_path_factory.mktemp("lake")
    resources = resources_for(lake, SAMPLES / "sources.yaml")
    first = materialize(resources)
    counts = {t: count(lake, t) for t in TABLES}
    second = materialize(resources)
    return lake, first, second, counts
