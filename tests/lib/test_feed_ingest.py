"""A feed's links are fetched relative to where the feed is, and a bad one spoils no other."""

from __future__ import annotations

from werkzeug import Request, Response

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


def ingest(tmp_path, url: str, batch: str = "run1"):
    source = Source(name="f", kind="feed", url=url, outlet="The Outlet")
    store = RawStore(tmp_path / "lake", batch=batch)
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


def test_a_link_that_failed_is_tried_again_while_its_feed_is_unchanged(httpserver, tmp_path):
    """The feed answered 304 and was not walked, so a page that failed once (a 500) stayed
    out until the feed itself changed."""
    up = {"page": False}

    def the_feed(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response(feed("a.html"), content_type="application/rss+xml",
                        headers={"ETag": '"v1"'})

    httpserver.expect_request("/rss").respond_with_handler(the_feed)
    httpserver.expect_request("/a.html").respond_with_handler(
        lambda _: Response(PAGE, content_type="text/html") if up["page"]
        else Response("down", status=500))
    first, _ = ingest(tmp_path, httpserver.url_for("/rss"))
    assert (first.new, first.failed) == (1, 1)
    up["page"] = True
    second, store = ingest(tmp_path, httpserver.url_for("/rss"), batch="run2")
    assert (second.new, second.not_modified, second.failed) == (1, 1, 0)
    assert httpserver.url_for("/a.html") in set(store.manifest()["locator"])
