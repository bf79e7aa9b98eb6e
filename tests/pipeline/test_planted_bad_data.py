"""Planted bad data fails the named checks, lands in quality.quarantine, and nothing vanishes."""

from __future__ import annotations

import json
from datetime import date

import dagster as dg
import polars as pl
import pytest

from pipelines.lib.raw_store import write_parquet_atomic
from tests.conftest import resources_for, write_sources
from tests.pipeline.helpers import DAY, checks, materialize, query

pytestmark = pytest.mark.integration

BAD_ARTICLE = """Title: Planted inconsistency
Outlet: Test Desk
Published: 2024-02-08
URL: https://testdesk.example/planted

The army said 253 people were abducted on October 7. The army said on Thursday that 300 hostages remain in Gaza.
"""

GOOD_ARTICLE = """Title: Consistent counts
Outlet: Test Desk
Published: 2024-02-09
URL: https://testdesk.example/consistent

Israeli officials said 253 people were abducted on October 7. The army said on Friday that 132 hostages remain in Gaza.
"""


def tfp_rows():
    rows = []
    for day, cum in (("2023-11-05", 9770), ("2023-11-06", 10022), ("2023-11-07", 9999)):
        rows.append({"report_date": day, "report_source": "mohtel", "report_period": 24,
                     "killed_cum": cum, "ext_killed_cum": cum})
    return rows


@pytest.fixture
def planted(tmp_path, lake):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "planted.txt").write_text(BAD_ARTICLE, encoding="utf-8")
    (inbox / "consistent.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (inbox / "series.json").write_text(json.dumps(tfp_rows()), encoding="utf-8")
    (inbox / "broken.json").write_text('[{"report_date": "2023-11-05", ', encoding="utf-8")
    (inbox / "notes.docx").write_bytes(b"PK\x03\x04 not for us")
    (inbox / "latin1.txt").write_bytes("Title: x\n\nCaf\xe9 ".encode("latin-1") * 30)
    sources = write_sources(tmp_path / "sources.yaml",
                            [{"name": "inbox", "kind": "inbox", "path": str(inbox)}])
    return resources_for(lake, sources)


def quarantine(lake):
    return query(lake, "select stage, rule, record_key, reason from quality.quarantine")


def test_remaining_above_abducted_and_falling_cumulative(planted, lake):
    result = materialize(planted)
    outcome = checks(result)
    assert outcome["hostages_remaining_within_abducted"] is False
    assert outcome["cumulative_never_decreases"] is False
    assert outcome["figure_has_claimant"] is True

    rules = {rule for _, rule, _, _ in quarantine(lake)}
    assert {"hostages_remaining_within_abducted", "cumulative_never_decreases"} <= rules
    # the 300 is quarantined, the consistent article's 132 is loaded
    remaining = query(lake, "select value from core.figures where metric = 'hostages_remaining'")
    assert remaining == [(132.0,)]
    assert query(lake, "select value from core.figures where dataset_field = 'killed_cum' "
                 "order by as_of") == [(9770.0,), (10022.0,)]


def test_unusable_files_are_quarantined_with_reasons(planted, lake):
    materialize(planted)
    by_rule = {(stage, rule): reason for stage, rule, _, reason in quarantine(lake)}
    assert "not valid UTF-8 JSON" in by_rule[("statistics", "statistics_unreadable")]
    assert ".docx" in by_rule[("fetch", "file_type_unsupported")]
    assert "not UTF-8" in by_rule[("article", "article_unusable")]
    # every payload that reached the raw layer is either loaded or quarantined
    payloads = query(lake, "select count(*) from raw.payloads")[0][0]
    assert payloads == 5  # all but the .docx, which never entered the raw layer


def test_figure_without_claimant_fails_its_check(planted, lake):
    from pipelines.lib.records import FIGURE_SCHEMA

    materialize(planted)
    [staged] = (lake / "staging" / "article_figures" / f"day={DAY}").glob("part-*.parquet")
    figures = pl.read_parquet(staged)
    orphan = figures.head(1).with_columns(
        pl.lit("planted-no-claimant").alias("figure_id"), pl.lit(None, pl.String).alias("claimant"),
        pl.lit(date(2024, 2, 9)).alias("published"))
    write_parquet_atomic(pl.concat([figures, orphan.cast(FIGURE_SCHEMA)]), staged)

    result = materialize(planted, selection=dg.AssetSelection.keys(["core", "figures"],
                                                                  ["quality", "quarantine"]),
                         partitioned=False)
    assert checks(result)["figure_has_claimant"] is False
    assert ("figure", "figure_has_claimant", "planted-no-claimant") in {
        (s, r, k) for s, r, k, _ in quarantine(lake)}
    assert query(lake, "select count(*) from core.figures where claimant is null") == [(0,)]
