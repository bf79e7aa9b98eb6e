"""Every example query in sql/examples runs on the sample warehouse and answers its question."""

from __future__ import annotations

import pytest

from pipelines.lib.warehouse import SQL_DIR
from tests.pipeline.helpers import query

pytestmark = pytest.mark.integration
EXAMPLES = sorted((SQL_DIR / "examples").glob("*.sql"))


def run_example(lake, name: str) -> list[tuple]:
    return query(lake, (SQL_DIR / "examples" / name).read_text())


def test_there_are_at_least_eight():
    assert len(EXAMPLES) >= 8


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_runs_and_returns_rows(built, path):
    lake, *_ = built
    assert run_example(lake, path.name), f"{path.name} returned no rows on the samples"


def test_latest_toll_per_claimant_keeps_each_claimant(built):
    lake, *_ = built
    rows = run_example(lake, "latest_toll_per_claimant.sql")
    ids = [r[0] for r in rows]
    assert len(ids) == len(set(ids))
    by_class = {r[1] for r in rows}
    assert "gaza_health" in by_class


def test_series_vs_articles_matches_reported_tolls(built):
    lake, *_ = built
    rows = run_example(lake, "series_vs_articles.sql")
    assert any(r[5] == 0 for r in rows), "some article toll should equal the ministry's series"
