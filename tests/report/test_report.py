"""The HTML report: data from the warehouse is escaped, missing tables degrade to a note, and
the file needs nothing from the network."""

from __future__ import annotations

import re
from datetime import date

import duckdb
import polars as pl

from pipelines.report import build_report
from pipelines.report.render import environment

HOSTILE_NAME = '<script>alert("claimant")</script>'
HOSTILE_SENTENCE = 'He said "<img src=x onerror=alert(1)>" & left.'


def _figures(rows: list[dict]) -> pl.DataFrame:
    base = {"origin": "article", "metric": "killed", "cumulative": None, "dataset": None,
            "location": None, "qualifier": "exact", "outlet": "Meridian Wire",
            "source_url": "https://meridianwire.example/a", "sentence": "s.",
            "claimant": "the ministry", "claimant_id": "gaza_moh",
            "claimant_class": "gaza_health", "published": date(2024, 1, 2)}
    return pl.DataFrame([{"figure_id": f"f{i}", **base, **r} for i, r in enumerate(rows)])


def _warehouse(path, figures: pl.DataFrame, ledger: bool = True, disputes: bool = False):
    conn = duckdb.connect(str(path))
    conn.register("figs", figures.to_arrow())
    conn.execute("create schema core; create schema marts; create schema quality")
    conn.execute("create table core.figures as select * from figs")
    conn.execute("""create table core.claimants as select * from (values
        ('gaza_moh', 'gaza_health', 'Gaza Ministry of Health'),
        ('evil', 'other', ?)) t(claimant_id, claimant_class, name)""", [HOSTILE_NAME])
    if ledger:
        conn.execute("""create table marts.hostage_ledger as select * from (values
            ('evil', 'other', date '2023-11-01', 240.0, 200.0, null::double, null::double,
             null::double, null::double, null::double),
            ('evil', 'other', date '2023-12-01', 240.0, 137.0, null, null, 105.0, null, null))
            t(claimant_id, claimant_class, report_date, abducted, hostages_remaining,
              hostages_alive, hostages_dead, hostages_released, hostages_rescued,
              hostage_bodies_recovered)""")
    conn.execute("""create table quality.check_results as select * from (values
        ('r1', 'core/figures', 'figure_has_claimant', 'figures', true, false, 10, 2,
         timestamptz '2024-01-01 10:00:00+00'),
        ('r2', 'core/figures', 'figure_has_claimant', 'figures', true, true, 10, 0,
         timestamptz '2024-01-02 10:00:00+00'))
        t(run_id, asset, rule, suite, blocking, success, evaluated, failing, checked_at)""")
    if disputes:
        conn.execute("""create table marts.figure_disputes as select * from (values
            ('killed', date '2024-01-02', ?, 100.0, 'Gaza Ministry of Health', 120.0))
            t(metric, as_of, claimant_a, value_a, claimant_b, value_b)""", [HOSTILE_NAME])
    return conn


def test_data_is_escaped_and_only_http_urls_become_links(tmp_path):
    figures = _figures([
        {"as_of": date(2024, 1, 1), "value": 100.0, "claimant_id": "evil", "claimant_class":
         "other", "claimant": HOSTILE_NAME, "sentence": HOSTILE_SENTENCE,
         "outlet": "<b>Outlet</b>", "source_url": "javascript:alert(1)"},
        {"as_of": date(2024, 1, 2), "value": 120.0, "source_url":
         'https://x.example/?a=1&b="><script>'},
    ])
    conn = _warehouse(tmp_path / "w.duckdb", figures, disputes=True)
    out = tmp_path / "reports" / "index.html"
    summary = build_report(conn, out)
    html = out.read_text(encoding="utf-8")
    assert "<script" not in html and "<b>Outlet" not in html and "onerror=alert(1)>" not in html
    assert "&lt;script&gt;alert(&#34;claimant&#34;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'href="javascript:' not in html
    assert 'href="https://x.example/?a=1&amp;b=&#34;&gt;&lt;script&gt;"' in html
    assert summary.disputes == 1 and summary.charts == ["death_tolls", "hostage_ledger"]
    # the latest run per asset decides: r2 passed
    assert (summary.checks_passed, summary.checks_failed) == (1, 0)


def test_offline_single_file_with_inline_charts(tmp_path):
    figures = _figures([{"as_of": date(2024, 1, d), "value": 100.0 * d, "origin": "statistics",
                         "cumulative": True, "dataset": "tfp-gaza-daily", "location": "Gaza"}
                        for d in range(1, 10)])
    conn = _warehouse(tmp_path / "w.duckdb", figures)
    out = tmp_path / "index.html"
    build_report(conn, out)
    html = out.read_text(encoding="utf-8")
    sources = re.findall(r'(?:src|href)="([^"#][^"]*)"', html)
    assert sources and all(s.startswith(("data:image/svg+xml;base64,", "https://"))
                           for s in sources), sources
    assert html.count("data:image/svg+xml;base64,") == 2
    assert "<script" not in html


def test_missing_tables_degrade_to_notes(tmp_path):
    conn = duckdb.connect(str(tmp_path / "empty.duckdb"))
    out = tmp_path / "index.html"
    summary = build_report(conn, out)
    html = out.read_text(encoding="utf-8")
    assert set(summary.missing_tables) == {"core.figures", "marts.hostage_ledger",
                                           "marts.figure_disputes", "quality.check_results"}
    assert "core.figures is not built yet" in html
    assert "marts.figure_disputes is not built" in html
    assert summary.charts == []


def test_template_environment_autoescapes():
    env = environment()
    assert env.from_string("{{ x }}").render(x="<a>") == "&lt;a&gt;"


def test_claimants_sharing_a_name_stay_apart(tmp_path):
    from pipelines.report import data

    conn = duckdb.connect(str(tmp_path / "w.duckdb"))
    conn.execute("create schema core")
    conn.execute("""create table core.claimants as select * from (values
        ('un_ocha', 'un', 'UN OCHA'), ('outlet:un-ocha', 'outlet', 'UN OCHA'),
        ('idf', 'israel_military', 'Israel Defense Forces')) t(claimant_id, claimant_class, name)""")
    assert data.claimant_names(conn) == {"un_ocha": "UN OCHA (un)",
                                         "outlet:un-ocha": "UN OCHA (outlet)",
                                         "idf": "Israel Defense Forces"}


def test_repeated_claims_are_counted_not_redrawn(tmp_path):
    """The same value claimed on the same day by the same claimant is one chart point with its
    count; the tables still count and show every figure."""
    from pipelines.report import data

    same = {"as_of": date(2024, 1, 5), "value": 22000.0}
    figures = _figures([same] * (data.MAX_ROWS + 100)
                       + [{"as_of": date(2024, 1, 6), "value": 22300.0},
                          {"as_of": date(2024, 1, 6), "value": 22300.0, "claimant_id": "evil",
                           "claimant_class": "other"}])
    conn = _warehouse(tmp_path / "w.duckdb", figures)
    points = data.death_toll_points(conn)
    assert points.select("day", "claimant_name", "value", "claims").rows() == [
        (date(2024, 1, 5), "Gaza Ministry of Health", 22000.0, data.MAX_ROWS + 100),
        (date(2024, 1, 6), HOSTILE_NAME, 22300.0, 1),
        (date(2024, 1, 6), "Gaza Ministry of Health", 22300.0, 1)]
    newest = data.newest_article_tolls(conn, data.MAX_ROWS)
    assert newest.height == data.MAX_ROWS and newest["day"][0] == date(2024, 1, 6)

    out = tmp_path / "index.html"
    summary = build_report(conn, out)
    assert summary.death_toll_claims == data.MAX_ROWS + 102
    assert f"In articles ({data.MAX_ROWS + 102:,}, newest {data.MAX_ROWS} shown)" in (
        out.read_text(encoding="utf-8"))


def test_the_report_lists_disputes_earliest_first_though_the_table_has_no_order(tmp_path):
    from pipelines.report import data

    conn = duckdb.connect(str(tmp_path / "w.duckdb"))
    conn.execute("create schema marts")
    conn.execute("""create table marts.figure_disputes as select * from (values
        (date '2024-03-01', 'killed', 'b'), (date '2024-01-01', 'killed', 'z'),
        (date '2024-01-01', 'abducted', 'y'), (date '2024-02-01', 'killed', 'a'))
        t(window_start, metric_a, claimant_id_a)""")
    rows = data.disputes(conn, limit=3)
    assert rows["claimant_id_a"].to_list() == ["y", "z", "a"]
    conn.execute("create or replace table marts.figure_disputes as "
                 "select * from (values (2, 'b'), (1, 'c'), (1, 'a')) t(n, s)")
    assert data.disputes(conn, limit=5).rows() == [(1, "a"), (1, "c"), (2, "b")]


def _latest_claims_table(html: str) -> list[list[str]]:
    """The rows of the report's "Latest claim per claimant" table, as the cells' text."""
    table = html[html.index("Latest claim per claimant"):]
    table = table[:table.index("</table>")]
    return [[re.sub(r"<[^>]+>", "", cell).strip()
             for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", table, re.S) if "<td" in row]


def test_a_claimants_latest_claim_is_what_it_said_last_not_the_largest(tmp_path):
    """Israel put the October 7 toll at about 1,400, then revised it to 1,200: both are about
    the same day, and the report's latest claim is the revision, said last."""
    oct7 = {"as_of": date(2023, 10, 7), "claimant_id": "israel_gov",
            "claimant_class": "israel_gov", "location": "Israel"}
    figures = _figures([{**oct7, "value": 1400.0, "published": date(2023, 11, 6)},
                        {**oct7, "value": 1200.0, "published": date(2024, 1, 26)},
                        {**oct7, "value": 1400.0, "published": date(2023, 10, 30)}])
    out = tmp_path / "index.html"
    build_report(_warehouse(tmp_path / "w.duckdb", figures), out)
    rows = _latest_claims_table(out.read_text(encoding="utf-8"))
    assert [(r[0], r[4], r[5], r[6], r[7]) for r in rows] == [
        ("israel_gov", "2023-10-07", "1,200", "exact", "3")]


def test_a_claimants_latest_claim_keeps_its_qualifier(tmp_path):
    """The army's "fewer than 100" killed showed as 100: the points were grouped by value
    alone, so "fewer than 100" and "more than 100" were one claim, with no qualifier shown."""
    raid = {"as_of": date(2024, 6, 8), "published": date(2024, 6, 9), "claimant_id": "idf",
            "claimant_class": "israel_military"}
    figures = _figures([{**raid, "value": 100.0, "qualifier": "less_than"}])
    out = tmp_path / "index.html"
    build_report(_warehouse(tmp_path / "w.duckdb", figures), out)
    rows = _latest_claims_table(out.read_text(encoding="utf-8"))
    assert [(r[0], r[5], r[6]) for r in rows] == [("idf", "100", "less_than")]


def test_a_dispute_side_lists_its_outlets_and_its_datasets():
    """A claim given in articles and in a statistics series showed only its outlets."""
    from pipelines.report.render import _paired_disputes

    row = {"relation": "same_fact", "metric_a": "killed", "metric_b": "killed",
           "claimant_id_a": "gaza_moh", "value_a": 23000.0, "as_of_a": date(2024, 1, 10),
           "outlets_a": ["Meridian Wire"], "datasets_a": ["tfp-gaza-daily"],
           "claimant_id_b": "idf", "value_b": 9000.0, "as_of_b": date(2024, 1, 10),
           "outlets_b": None, "datasets_b": ["idf-series"]}
    (pair,) = _paired_disputes(pl.DataFrame([row]), {})
    assert pair["a"]["sources"] == "Meridian Wire, tfp-gaza-daily"
    assert pair["b"]["sources"] == "idf-series"


def test_one_raids_toll_is_not_shown_as_the_claimants_latest_toll(tmp_path):
    """The ministry gave its running toll, 36,801 killed, then the next day 274 killed in one
    raid on Nuseirat: the latest claim showed 274 as the ministry's toll. The raid's toll, under
    a tenth of the highest toll the ministry had given by then, is now a row of its own, kind
    "one incident", beside the running toll; an early toll (687 in October 2023) was the highest
    by its day and is no incident. The article table names each figure's place and kind."""
    from pipelines.report import data

    figures = _figures([
        {"as_of": date(2023, 10, 9), "published": date(2023, 10, 9), "value": 687.0,
         "location": "Gaza", "sentence": "Health officials in Gaza now count 687 dead."},
        {"as_of": date(2024, 6, 8), "published": date(2024, 6, 8), "value": 36801.0,
         "location": "Gaza", "qualifier": "more_than",
         "sentence": "Gaza's health ministry puts the toll at more than 36,801 dead."},
        {"as_of": date(2024, 6, 9), "published": date(2024, 6, 9), "value": 274.0,
         "location": "Nuseirat",
         "sentence": "The ministry counted 274 dead after the raid on Nuseirat camp."},
    ])
    conn = _warehouse(tmp_path / "w.duckdb", figures)
    out = tmp_path / "index.html"
    build_report(conn, out)
    rows = _latest_claims_table(out.read_text(encoding="utf-8"))
    assert [r[5] for r in rows] == ["36,801", "274"]  # was ["274"]: the raid as the latest toll
    assert [(r[0], r[2], r[4], r[5], r[6], r[8]) for r in rows] == [
        ("Gaza Ministry of Health", "article", "2024-06-08", "36,801", "more_than", ""),
        ("Gaza Ministry of Health", "article", "2024-06-09", "274", "exact", "one incident")]

    newest = data.newest_article_tolls(conn, data.MAX_ROWS)
    assert newest.select("day", "value", "location", "one_incident").rows() == [
        (date(2024, 6, 9), 274.0, "Nuseirat", True),
        (date(2024, 6, 8), 36801.0, "Gaza", False),
        (date(2023, 10, 9), 687.0, "Gaza", False)]
