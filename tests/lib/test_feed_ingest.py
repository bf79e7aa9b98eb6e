"""A feed's links are fetched relative to where the feed is, and a bad one spoils no other."""

from __future__ import annotations

from werkzeug import Response

from pipelines.lib.http import Fetcher, HttpSettings
from pipelines.lib.ingest import Ingestor
from pipelines.lib.raw_store import RawStore
from pipelines.lib.sources import Source

FAST = HttpSettings(attempts=1, read_timeout=1, total_timeout=3)
PAGE = b"<html><body><p>Twelve people were killed, the ministry said.</p></body></html>"


def feed(*links: str) -> bytes:
    items = "".join(f"<item><title>{i}</title><link>{link}</link></item>"
                    for i, link in enumerate(links))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}'
            "</channel></rss>").encode()


def ingest(tmp_path, url: str):
    source = Source(name="f", kind="feed", url=url, outlet="The Outlet")
    store = RawStore(tmp_path / "lake", batch="run1")
    with Fetcher(FAST) as fetcher:
        report = Ingestor(store, fetcher, base=tmp_path, sources=[source],
                          log=lambda m: None).ingest(source)
    store.flush()
    return report, store


def test_a_redirected_feeds_relative_links_are_relative_to_where_it_is(httpserver, tmp_path):
    httpserver.expect_request("/rss").respond_with_response(
        Response(status=301, headers={"Location": "/news/feed.xml"}))
    httpserver.expect_request("/news/feed.xml").respond_with_data(
        feed("a.html"), content_type="application/rss+xml")
    httpserver.expect_request("/news/a.html").respond_with_data(PAGE, content_type="text/html")
    report, store = ingest(tmp_path, httpserver.url_for("/rss"))
    assert report.failed == 0, report.messages
    assert sorted(store.manifest()["locator"]) == [httpserver.url_for("/news/a.html"),
                                                   httpserver.url_for("/rss")]


def test_a_link_that_is_no_url_is_quarantined_and_the_others_are_fetched(httpserver, tmp_path):
    httpserver.expect_request("/rss").respond_with_data(
        feed("http://[oops/a", "a.html"), content_type="application/rss+xml")
    httpserver.expect_request("/a.html").respond_with_data(PAGE, content_type="text/html")
    report, store = ingest(tmp_path, httpserver.url_for("/rss"))
    assert [(q["locator"], q["rule"]) for q in report.quarantine] == [
        ("http://[oops/a", "feed_link_refused")]
    assert "link is not a URL" in report.quarantine[0]["reason"]
    assert report.new == 2 and httpserver.url_for("/a.html") in set(store.manifest()["locator"])
