"""`make run`'s job on the bundled samples: every table built, checks pass, re-runs add nothing."""

from __future__ import annotations

import pytest

from tests.pipeline.conftest import TABLES
from tests.pipeline.helpers import checks, count, query, sample_inbox_files

pytestmark = pytest.mark.integration



def test_builds_every_table_with_rows(built):
    lake, first, _, counts = built
    assert first.success
    assert counts["core.articles"] >= 12
    assert counts["marts.hostage_ledger"] > 0
    origins = dict(query(lake, "select origin, count(*) from core.figures group by origin"))
    assert origins["article"] >= 60 and origins["statistics"] > 1000


def test_second_run_adds_no_rows(built):
    """Data tables stay the same; the fetch log is a history and records the second attempt."""
    lake, _, second, counts = built
    assert second.success
    again = {t: count(lake, t) for t in TABLES}
    first = dict(counts)  # the session's fixture: other modules read it after this one
    assert again.pop("raw.fetch_log") == 2 * first.pop("raw.fetch_log") - sample_inbox_files()
    assert again == first


def test_all_checks_pass_on_samples(built):
    _, first, second, _ = built
    for result in (first, second):
        outcome = checks(result)
        assert outcome and all(outcome.values()), {k: v for k, v in outcome.items() if not v}


def test_every_article_figure_traces_to_its_exact_evidence(built):
    lake, *_ = built
    bad = query(lake, """
        select f.figure_id
        from core.figures f join core.articles a using (article_id)
        where f.origin = 'article'
          and (substring(a.text, f.span_start + 1, f.span_end - f.span_start) != f.surface
               or f.sentence is null or f.source_url is null or f.claimant_id is null)
    """)
    assert bad == []
    orphans = query(lake, """
        select count(*) from core.figures f
        where origin = 'article' and article_id not in (select article_id from core.articles)
    """)
    assert orphans == [(0,)]


def test_statistics_estimates_never_become_figures(built):
    lake, *_ = built
    assert query(lake, "select count(*) from core.figures where dataset_field like 'ext_%'") == [(0,)]
    # a real reported value of the ministry's series: 10,022 killed on 2023-11-06
    assert query(lake, """
        select claimant_class, value from core.figures
        where dataset = 'tfp-gaza-daily' and dataset_field = 'killed_cum' and as_of = '2023-11-06'
    """) == [("gaza_gmo", 10022.0)]


def test_unreported_days_are_quarantined_not_dropped(built):
    lake, *_ = built
    assert query(lake, """
        select count(*) from quality.quarantine where rule = 'statistics_unreported_day'
    """) == [(12,)]


def test_ledger_keeps_claimants_apart_and_consistent(built):
    lake, *_ = built
    rows = query(lake, """
        select count(distinct claimant_id), count(*) filter (where hostages_remaining > abducted)
        from marts.hostage_ledger
    """)
    assert rows[0][0] >= 2 and rows[0][1] == 0


def test_parquet_exports_match_the_warehouse(built):
    import polars as pl

    from pipelines.defs.warehouse import EXPORTED_TABLES

    lake, *_ = built
    for table in EXPORTED_TABLES:
        exported = pl.read_parquet(lake / "exports" / f"{table}.parquet")
        assert exported.height == count(lake, table), table
