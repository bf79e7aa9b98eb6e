"""Bad files and hostile HTTP answers through the real assets: each is named in the run log and
recorded (quarantine or fetch log), and every payload that reached the raw layer is accounted for.

One world per module: an inbox full of broken files, statistics sources with mistyped, negative,
absurd and future values, and a feed on 127.0.0.1 whose pages lie about their types and
charsets or point at hosts and schemes the source does not allow.
"""

from __future__ import annotations

import json
import math

import dagster as dg
import polars as pl
import pytest
from werkzeug import Response

from pipelines.lib.raw_store import parquet_files
from tests.conftest import resources_for, write_sources
from tests.pipeline.helpers import materialize, query

pytestmark = [pytest.mark.faults, pytest.mark.integration]

GOOD_TEXT = """Title: Ministry update
Outlet: Inbox Desk
Published: 2024-02-08
URL: https://inbox.example/update

The Hamas-run health ministry in Gaza said on Thursday that 27,708 people have been killed in the territory since October 7.
"""
PAGE = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>{title}: the Hamas-run health ministry in Gaza said on Monday that 10,022 people have been
killed in the territory since October 7, including 4,104 children, a toll it said was rising.</p>
</article></body></html>"""

HOSTILE_TITLE = """Robert'); DROP TABLE core.figures; -- <script>alert("t")</script>"""
HOSTILE_TEXT = f"""Title: {HOSTILE_TITLE}
Outlet: O'Brien; Desk "quoted" <b>bold</b>
Published: 2024-02-07
URL: javascript:alert(document.cookie)

Gaza's health ministry spokesman "Ashraf'; DROP TABLE x; --" said on Wednesday that 31 people were killed in the strike. <img src=x onerror=alert(1)> <script>alert(2)</script>
"""
# (file name, bytes, quarantine stage, rule, words the reason must contain)
BAD_FILES = [
    ("empty.txt", b"", "fetch", "file_empty", "empty file"),
    ("blank.html", b"  \n\t ", "fetch", "file_empty", "empty file"),
    ("image.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)) * 4, "article",
     "article_unusable", "binary"),
    ("latin1.txt", ("Title: Caf\xe9\n\nLe minist\xe8re a dit " * 20).encode("latin-1"),
     "article", "article_unusable", "not UTF-8"),
    ("nul.txt", b"Title: x\n\n" + b"Forty people\0 were killed in the strike. " * 5, "article",
     "article_unusable", "NUL"),
    ("no-body.html", b"<html><head><title>Only a head</title></head></html>", "article",
     "article_unusable", "no article body"),
    ("short.txt", b"Title: Short\n\nFive killed.", "article", "article_unusable", "too short"),
    ("bad-date.txt", b"Title: t\nPublished: last Tuesday\n\n" + b"Body text here. " * 10,
     "article", "article_unusable", "not a YYYY-MM-DD date"),
    ("future.txt", GOOD_TEXT.replace("2024-02-08", "2099-01-01").encode(), "article",
     "article_unusable", "in the future"),
    ("unknown-key.txt", GOOD_TEXT.replace("Published:", "Source: Wire\nPublished:").encode(),
     "article", "article_unusable", "text header line 3 'Source: Wire': unknown key 'Source'"),
    ("empty-value.txt", GOOD_TEXT.replace("Published:", "Author:\nPublished:").encode(),
     "article", "article_unusable", "text header line 3 'Author:': Author has no value"),
    ("feed.xml", b"<rss><channel></channel></rss>", "fetch", "file_type_unsupported",
     "unsupported file type '.xml'"),
    ("notes.docx", b"PK\x03\x04 not for us", "fetch", "file_type_unsupported", ".docx"),
    ("broken.json", b'[{"report_date": "2023-11-05", ', "statistics", "statistics_unreadable",
     "not valid UTF-8 JSON"),
    ("deep.json", b"[" * 50_000, "statistics", "statistics_unreadable",
     "unrecognised statistics format"),
    ("plain.csv", b"Date,Killed\n2024-01-01,5\n", "statistics", "statistics_unreadable",
     "unrecognised statistics format"),
]
HUGE = ("huge.txt", "fetch", "file_unreadable", "file larger than")

# TechForPalestine rows, each wrong in one way: (rule, words of the reason, row)
BAD_ROWS = [
    ("statistics_row_date", "is not a YYYY-MM-DD date",
     {"report_source": "mohtel", "killed_cum": 1}),
    ("statistics_row_date", "is not a YYYY-MM-DD date",
     {"report_date": 20231106, "report_source": "mohtel", "killed_cum": 1}),
    ("statistics_row_date", "in the future",
     {"report_date": "2099-01-01", "report_source": "mohtel", "killed_cum": 99999}),
    ("statistics_claimant", "report_source is missing", {"report_date": "2023-11-02",
                                                         "killed_cum": 9000}),
    ("statistics_value_type", "is not a number",
     {"report_date": "2023-11-03", "report_source": "mohtel", "killed_cum": "lots"}),
    ("statistics_value_type", "is not a number",
     {"report_date": "2023-11-04", "report_source": "mohtel", "killed_cum": True}),
    ("statistics_value_range", "is negative",
     {"report_date": "2023-11-05", "report_source": "mohtel", "injured_cum": -5}),
    ("statistics_value_range", "absurd",
     {"report_date": "2023-11-06", "report_source": "mohtel", "injured_cum": 1e12}),
    ("statistics_value_range", "not a whole number",
     {"report_date": "2023-11-07", "report_source": "mohtel", "injured_cum": 12.5}),
    ("statistics_value_range", "not a finite number",
     {"report_date": "2023-11-08", "report_source": "mohtel", "injured_cum": math.nan}),
    ("statistics_row_fields", "no reported field",
     {"report_date": "2023-11-09", "report_source": "mohtel", "deaths": 3}),
    ("statistics_row_shape", "not a JSON object", ["2023-11-10", 5]),
]
GOOD_ROWS = [{"report_date": "2023-11-01", "report_source": "mohtel", "killed_cum": 8805,
              "ext_killed_cum": 8805}]
HXL_BAD = b"""Date,Area,Killed,Source
#date,#adm1+name,#affected+killed,#meta+source
2023-10-07,West Bank,6,UN OCHA
2099-10-14,West Bank,56,UN OCHA
2023-10-21,West Bank,-3,UN OCHA
2023-10-28,West Bank,n/a,UN OCHA
2023-11-04,West Bank,"99,000,000,000",UN OCHA
yesterday,West Bank,7,UN OCHA
"""
HXL_NO_TAGS = b"Date,Area,Killed\n2023-10-07,West Bank,6\n"
FEED_NOT_XML = b"<!DOCTYPE html><html><body><h1>Sign in</h1><form></form></body></html>"


def feed(base: str) -> str:
    items = [f"{base}/{p}" for p in ("ok.html", "latin1", "octets.html", "no-type", "html-as-text",
                                     "image.html", "json.html", "lying-utf8.txt",
                                     "bounce.html", "gone.html")]
    items += ["https://evil.example/x", "javascript:alert(1)", "http://127.0.0.1.evil.example/y"]
    body = "".join(f"<item><title>{i}</title><link>{u}</link></item>"
                   for i, u in enumerate(items))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
            f"<link>{base}</link><description>d</description>{body}</channel></rss>")


@pytest.fixture(scope="module")
def world(tmp_path_factory, make_httpserver):
    server = make_httpserver
    server.clear()
    base = server.url_for("").rstrip("/")
    root = tmp_path_factory.mktemp("bad-world")
    lake = root / "lake"
    lake.mkdir()
    inbox = root / "inbox"
    inbox.mkdir()
    (inbox / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (inbox / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    for name, data, *_ in BAD_FILES:
        (inbox / name).write_bytes(data)
    with open(inbox / HUGE[0], "wb") as handle:  # sparse: over the 20 MB cap, costs no disk
        handle.truncate(20_000_001)
    (inbox / "series.json").write_text(json.dumps(GOOD_ROWS + [r for *_, r in BAD_ROWS]),
                                       encoding="utf-8")
    (root / "ocha.csv").write_bytes(HXL_BAD)
    (root / "untagged.csv").write_bytes(HXL_NO_TAGS)
    (root / "tfp.json").write_text(json.dumps(GOOD_ROWS), encoding="utf-8")

    server.expect_request("/feed.xml").respond_with_data(feed(base),
                                                         content_type="application/rss+xml")
    server.expect_request("/not-a-feed.xml").respond_with_data(FEED_NOT_XML,
                                                               content_type="text/html")
    server.expect_request("/ok.html").respond_with_data(PAGE.format(title="Fine page"),
                                                        content_type="text/html")
    server.expect_request("/latin1").respond_with_data(
        PAGE.format(title="Caf\xe9 r\xe9sum\xe9").encode("latin-1"),
        content_type="text/html; charset=iso-8859-1")
    server.expect_request("/octets.html").respond_with_data(
        PAGE.format(title="Served as octets"), content_type="application/octet-stream")
    def no_type(request):
        response = Response(PAGE.format(title="No content type").encode())
        del response.headers["Content-Type"]
        return response

    server.expect_request("/no-type").respond_with_handler(no_type)
    server.expect_request("/html-as-text").respond_with_data(
        PAGE.format(title="HTML served as text"), content_type="text/plain")
    server.expect_request("/image.html").respond_with_data(
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)) * 8, content_type="text/html")
    server.expect_request("/json.html").respond_with_data(
        json.dumps({"killed": 5, "text": "<script>alert(1)</script>"}),
        content_type="text/html; charset=utf-8")
    server.expect_request("/lying-utf8.txt").respond_with_data(
        ("Title: Caf\xe9\n\n" + "Le minist\xe8re a dit que 5 personnes. " * 5).encode("cp1252"),
        content_type="text/plain; charset=utf-8")
    server.expect_request("/bounce.html").respond_with_data(
        "", 302, headers={"Location": server.url_for("/ok.html").replace("127.0.0.1",
                                                                         "localhost")})
    server.expect_request("/gone.html").respond_with_data("gone", status=410)

    sources = write_sources(root / "sources.yaml", [
        {"name": "wire", "kind": "feed", "url": f"{base}/feed.xml", "outlet": "Wire",
         "allowed_hosts": ["127.0.0.1"]},
        {"name": "not-a-feed", "kind": "feed", "url": f"{base}/not-a-feed.xml",
         "outlet": "Nobody"},
        {"name": "ocha", "kind": "statistics", "format": "hxl", "path": str(root / "ocha.csv")},
        {"name": "untagged", "kind": "statistics", "format": "hxl",
         "path": str(root / "untagged.csv"), "claimant": "UN OCHA"},
        {"name": "tfp", "kind": "statistics", "format": "techforpalestine",
         "path": str(root / "tfp.json")},
        {"name": "inbox", "kind": "inbox", "path": str(inbox)},
    ])
    resources = resources_for(lake, sources, attempts=1, max_bytes=200_000)
    instance = dg.DagsterInstance.ephemeral()
    first = materialize(resources, instance=instance)
    return {"lake": lake, "root": root, "base": base, "resources": resources, "server": server,
            "instance": instance, "run": first}


def run_log(world) -> str:
    entries = world["instance"].all_logs(world["run"].run_id)
    return "\n".join(e.user_message for e in entries if e.user_message)


def quarantine(lake) -> list[tuple]:
    return query(lake, "select stage, rule, locator, record_key, reason from quality.quarantine")


def test_every_bad_file_is_quarantined_with_its_reason_and_logged(world, tally_faults):
    tally, name = tally_faults
    lake, log = world["lake"], run_log(world)
    rows = quarantine(lake)
    for file_name, _, stage, rule, words in [*BAD_FILES, (HUGE[0], b"", *HUGE[1:])]:
        tally.bad_input(name)
        hits = [r for r in rows if r[2].endswith("/" + file_name)]
        assert hits, f"{file_name}: no quarantine record"
        assert any(r[0] == stage and r[1] == rule and words in r[4] for r in hits), (
            file_name, hits)
        assert file_name in log, f"{file_name} not named in the run log"
    # the good article still made it through
    assert query(lake, "select count(*) from core.figures where value = 27708") == [(1,)]


def test_every_bad_statistics_row_is_quarantined(world, tally_faults):
    tally, name = tally_faults
    rows = [r for r in quarantine(world["lake"]) if r[2].endswith("/series.json")]
    found = {(rule, reason) for _, rule, _, _, reason in rows}
    for rule, words, _ in BAD_ROWS:
        tally.bad_input(name)
        assert any(r == rule and words in reason for r, reason in found), (rule, words, found)
    assert "series.json" in run_log(world)
    # the good row loaded; no value from a bad row did
    values = {v for (v,) in query(world["lake"], "select value from core.figures "
                                  "where source = 'inbox' and origin = 'statistics'")}
    assert values == {8805.0}


def test_bad_hxl_rows_and_an_untagged_csv(world, tally_faults):
    tally, name = tally_faults
    rows = quarantine(world["lake"])
    ocha = {(rule, reason.split(" ")[-1]) for _, rule, loc, _, reason in rows
            if loc.endswith("ocha.csv")}
    reasons = " | ".join(r for _, _, loc, _, r in rows if loc.endswith("ocha.csv"))
    tally.bad_input(name, 6)
    for words in ("in the future", "is negative", "is not a number", "absurd",
                  "is not a YYYY-MM-DD date"):
        assert words in reasons, (words, ocha)
    assert query(world["lake"], "select value from core.figures where source = 'ocha'") == [
        (6.0,)]
    untagged = [r for r in rows if r[2].endswith("untagged.csv")]
    assert untagged and "no HXL hashtag row" in untagged[0][4]


def test_hostile_feed_links_and_lying_content_types(world, tally_faults):
    tally, name = tally_faults
    lake, base = world["lake"], world["base"]
    rows = {r[2]: r for r in quarantine(lake)}
    tally.bad_input(name, 11)
    assert "allowed_hosts" in rows["https://evil.example/x"][4]
    assert "allowed_hosts" in rows["http://127.0.0.1.evil.example/y"][4]
    assert "scheme 'javascript' not allowed" in rows["javascript:alert(1)"][4]
    assert "host 'localhost' is not in the source's allowed_hosts" in (
        rows[f"{base}/bounce.html"][4])
    assert rows[f"{base}/gone.html"][4] == "HTTP 410"
    assert "not an RSS or Atom feed" in rows[f"{base}/not-a-feed.xml"][4]
    assert "binary" in rows[f"{base}/image.html"][4]
    assert "not UTF-8" in rows[f"{base}/lying-utf8.txt"][4]
    # pages whose type or charset is wrong or missing but whose content is fine are read
    titles = {t for (t,) in query(lake, "select title from core.articles")}
    assert {"Fine page", "Served as octets", "No content type", "Café résumé",
            "HTML served as text"} <= titles
    assert query(lake, "select count(*) from core.articles where text like '%<p>%'") == [(0,)]
    # the page behind the refused redirect was never requested from the other host
    assert not any(req.host.startswith("localhost") for req, _ in world["server"].log)


def test_every_raw_payload_and_failed_fetch_is_accounted_for(world):
    """Nothing lost: each stored payload became an article, figures or a quarantine record,
    and each failed fetch has a quarantine record too."""
    lake = world["lake"]
    payloads = pl.concat([pl.read_parquet(p) for p in (lake / "raw" / "manifest").glob("*")])
    staged = pl.concat(pl.read_parquet(p) for p in parquet_files(lake / "staging" / "articles"))
    quarantined = {h for (h,) in query(lake, "select content_hash from quality.quarantine")}
    stats = {h for (h,) in query(lake, "select distinct content_hash from core.figures "
                                 "where origin = 'statistics'")}
    unaccounted = []
    for row in payloads.iter_rows(named=True):
        h = row["content_hash"]
        used = h in quarantined or (row["kind"] == "article" and h in set(staged["content_hash"]))
        used = used or (row["kind"] == "statistics" and h in stats) or row["kind"] == "feed"
        if not used:
            unaccounted.append((row["locator"], row["kind"]))
    assert unaccounted == []
    failed = query(lake, "select distinct locator from raw.fetch_log where not ok")
    quarantined_locators = {loc for (loc,) in query(lake, "select locator from quality.quarantine")}
    assert [loc for (loc,) in failed if loc not in quarantined_locators] == []


def test_schema_change_then_rerun_converges_with_no_duplicates(world, tally_faults):
    """Run again with the TechForPalestine file renamed field by field: the new payload is
    quarantined, the last good snapshot stays loaded, and nothing else changes."""
    tally, name = tally_faults
    lake = world["lake"]
    tables = ("core.articles", "core.figures", "marts.hostage_ledger")
    before = {t: sorted(query(lake, f"select * from {t}"), key=repr) for t in tables}
    quarantined = {q for (q,) in query(lake, "select quarantine_id from quality.quarantine")}
    payloads = query(lake, "select count(*) from raw.payloads")[0][0]
    renamed = [{"date": r["report_date"], "source": r["report_source"],
                "killed_total": r["killed_cum"]} for r in GOOD_ROWS]
    (world["root"] / "tfp.json").write_text(json.dumps(renamed), encoding="utf-8")
    tally.bad_input(name)
    materialize(world["resources"], instance=world["instance"])

    after = {t: sorted(query(lake, f"select * from {t}"), key=repr) for t in tables}
    for table in tables:  # the tfp figures included
        gone = set(map(repr, before[table])) - set(map(repr, after[table]))
        new = set(map(repr, after[table])) - set(map(repr, before[table]))
        assert not gone and not new, (table, gone, new)
    assert after == before
    assert query(lake, "select count(*) from raw.payloads")[0][0] == payloads + 1
    new = [r for r in quarantine(lake)
           if stable_ids(lake, r) - quarantined]
    assert [(r[1], r[2].rsplit("/", 1)[1]) for r in new] == [("statistics_unreadable",
                                                                "tfp.json")]
    assert "schema changed" in new[0][4] and "killed_total" in new[0][4]
    dupes = query(lake, "select count(*) - count(distinct figure_id) from core.figures")[0][0]
    dupes += query(lake, "select count(*) - count(distinct quarantine_id) "
                   "from quality.quarantine")[0][0]
    tally.outcome(lost=0, duplicates=dupes)
    assert dupes == 0


def stable_ids(lake, row) -> set[str]:
    return {q for (q,) in query(lake, "select quarantine_id from quality.quarantine "
                                "where rule = ? and locator = ? and reason = ?",
                                [row[1], row[2], row[4]])}


def test_hostile_text_is_data_never_sql_paths_or_markup(world, tally_faults):
    """Quotes and semicolons arrive verbatim (bound parameters, never SQL text); the lake
    holds only paths Tally makes itself; the report shows markup from pages as text."""
    tally, name = tally_faults
    lake = world["lake"]
    tally.bad_input(name, 3)
    assert query(lake, "select outlet from core.articles where title = ?", [HOSTILE_TITLE]) == [
        ("""O'Brien; Desk "quoted" <b>bold</b>""",)]
    assert query(lake, "select count(*) from core.figures where value = 31")[0][0] >= 1
    # no file under raw/ is named after a URL, a title or a file's content
    import re

    shapes = re.compile(r"packs/[\w.-]+\.pack|(manifest|fetch_log)/[\w.-]+\.parquet")
    odd = [str(p.relative_to(lake / "raw")) for p in (lake / "raw").rglob("*") if p.is_file()
           and not shapes.fullmatch(str(p.relative_to(lake / "raw")))]
    assert odd == []
    html = (lake / "reports" / "index.html").read_text(encoding="utf-8")
    for raw in ('<script>alert("t")', "<script>alert(2)", "<img src=x", "<b>bold</b>",
                'href="javascript:'):
        assert raw not in html, raw
    assert "<script" not in html.lower()
