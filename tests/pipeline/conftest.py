"""The sample warehouse, built once per test session by the real assets (twice: re-run check)."""

import pytest

from tests.pipeline.helpers import count, materialize

TABLES = ("raw.payloads", "raw.fetch_log", "core.articles", "core.figures", "core.claimants",
          "marts.hostage_ledger", "quality.quarantine")


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    from tests.conftest import SAMPLES, resources_for

    lake = tmp_path_factory.mktemp("lake")
    resources = resources_for(lake, SAMPLES / "sources.yaml")
    first = materialize(resources)
    counts = {t: count(lake, t) for t in TABLES}
    second = materialize(resources)
    return lake, first, second, counts
