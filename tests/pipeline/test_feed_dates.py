"""A page that gives no date of its own is dated by the feed item that listed it, end to end."""

from __future__ import annotations

from datetime import date

import dagster as dg
import pytest
from werkzeug import Response

from tests.conftest import resources_for, write_sources
from tests.pipeline.helpers import count, materialize, query

pytestmark = pytest.mark.integration

LOADS = [dg.AssetKey(k) for k in (
    ["raw", "sources"], ["raw", "inbox"], ["raw", "fetch_log"], ["raw", "payloads"],
    ["staging", "articles"], ["staging", "article_figures"], ["core", "articles"],
    ["core", "figures"])]

PAGE = """<html><head><title>{title}</title>{meta}<link rel="canonical" href="{url}"></head>
<body><article><h1>{title}</h1><p>{sentence}</p>
<p>Rescue crews were still digging through the rubble with their hands after dark.</p>
</article></body></html>"""
OWN_DATE = '<meta property="article:published_time" content="{day}T07:30:00Z">'
NIGHT = ("The health ministry in Gaza said 31 people were killed in strikes on two houses in "
         "Deir al-Balah overnight.")
SCHOOL = ("The health ministry in Gaza said 18 people were killed when a strike hit a school "
          "used as a shelter in Jabalia.")
BRIEF = """Title: Crossing reopens
Outlet: Test Wire

The health ministry in Gaza said 9 people were killed near the Rafah crossing as aid lorries
waited to enter.
"""
DESK = """Title: Desk note
Outlet: Desk

The health ministry in Gaza said 4 people were killed in a strike on a car in Khan Younis.
"""


def rss(*items: tuple[str, str]) -> str:
    """An RSS feed of (link, `<pubDate>`) items."""
    body = "".join(f"<item><title>{link}</title><link>{link}</link><pubDate>{day}</pubDate>"
                   "</item>" for link, day in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>{body}'
            "</channel></rss>")


@pytest.fixture
def wire(httpserver, tmp_path):
    """An outlet's main feed and its Gaza section's, both listing the undated night-strikes
    page (the section's a day earlier), a page that gives its own date and a text file that
    gives none; an inbox beside them with an undated file."""
    base = httpserver.url_for("").rstrip("/")
    pages = {
        "night.html": PAGE.format(title="Night of strikes", meta="", url=f"{base}/night.html",
                                  sentence=NIGHT),
        "school.html": PAGE.format(title="Strike on a school", url=f"{base}/school.html",
                                   meta=OWN_DATE.format(day="2023-10-20"), sentence=SCHOOL),
    }
    httpserver.expect_request("/night.html").respond_with_handler(
        lambda _: Response(pages["night.html"], content_type="text/html"))
    httpserver.expect_request("/school.html").respond_with_data(pages["school.html"],
                                                                content_type="text/html")
    httpserver.expect_request("/brief.txt").respond_with_data(BRIEF, content_type="text/plain")
    httpserver.expect_request("/feed.xml").respond_with_data(rss(
        (f"{base}/night.html", "Wed, 08 Nov 2023 06:00:00 GMT"),
        (f"{base}/school.html", "Fri, 01 Dec 2023 06:00:00 GMT"),
        (f"{base}/brief.txt", "Tue, 16 Jan 2024 06:00:00 GMT")),
        content_type="application/rss+xml")
    httpserver.expect_request("/gaza.xml").respond_with_data(rss(
        (f"{base}/night.html", "Mon, 06 Nov 2023 21:00:00 GMT")),
        content_type="application/rss+xml")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "desk-note.txt").write_text(DESK, encoding="utf-8")
    hosts = ["127.0.0.1"]
    write_sources(tmp_path / "sources.yaml", [
        {"name": "wire", "kind": "feed", "url": f"{base}/feed.xml", "outlet": "Test Wire",
         "allowed_hosts": hosts},
        {"name": "wire-gaza", "kind": "feed", "url": f"{base}/gaza.xml", "outlet": "Test Wire",
         "allowed_hosts": hosts},
        {"name": "desk-inbox", "kind": "inbox", "path": str(inbox)},
    ])
    return base, pages


def dates(lake) -> tuple[dict, dict]:
    """(published_at of each article by URL, the published days of its figures by URL)."""
    articles = dict(query(lake, "select url, published_at from core.articles"))
    figures = dict(query(lake, "select source_url, list(distinct published order by published) "
                               "from core.figures where origin = 'article' group by source_url"))
    return articles, figures


def test_a_page_with_no_date_of_its_own_takes_its_feed_items_date(wire, tmp_path, lake):
    """Pages were dated by their own metadata and markup only: one that gives none had no
    `published`, and its figures were dropped from every toll, though its feed's `<pubDate>`
    said when it came. Listed by two feeds, it takes the earlier day; a page that gives its
    own date keeps it; a file from the inbox, listed by no feed, still has none."""
    base, pages = wire
    resources = resources_for(lake, tmp_path / "sources.yaml")
    materialize(resources, selection=LOADS)
    desk = query(lake, "select url from core.articles where outlet = 'Desk'")[0][0]
    expected = {f"{base}/night.html": date(2023, 11, 6), f"{base}/school.html": date(2023, 10, 20),
                f"{base}/brief.txt": date(2024, 1, 16), desk: None}
    articles, figures = dates(lake)
    assert articles == expected
    assert figures == {url: [day] for url, day in expected.items()}
    assert sorted(query(lake, "select source, locator, feed_published from raw.payloads "
                              "where kind = 'article'"), key=str) == sorted([
        ("desk-inbox", "desk-inbox/desk-note.txt", None),
        ("wire", f"{base}/brief.txt", date(2024, 1, 16)),
        ("wire", f"{base}/night.html", date(2023, 11, 8)),
        ("wire", f"{base}/school.html", date(2023, 12, 1)),
        ("wire-gaza", f"{base}/night.html", date(2023, 11, 6))], key=str)

    # fetched again, unchanged: nothing added twice
    tables = ("raw.payloads", "core.articles", "core.figures")
    before = {t: count(lake, t) for t in tables}
    materialize(resources, selection=LOADS)
    assert {t: count(lake, t) for t in tables} == before
    assert dates(lake) == (articles, figures)

    # the page later gives a date of its own: it wins over its feeds'
    pages["night.html"] = pages["night.html"].replace(
        "<link", OWN_DATE.format(day="2023-11-05") + "<link")
    materialize(resources, selection=LOADS)
    expected[f"{base}/night.html"] = date(2023, 11, 5)
    assert dates(lake) == (expected, {url: [day] for url, day in expected.items()})
    assert {t: count(lake, t) for t in tables} == {**before, "raw.payloads": before[
        "raw.payloads"] + 2}  # the new version, from each feed; one article, its figure once
