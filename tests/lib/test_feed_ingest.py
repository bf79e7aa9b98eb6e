"""A feed's links are fetched relative to where the feed is, and a bad one spoils no other."""

from __future__ import annotations

from datetime import date

import pytest
from werkzeug import Request, Response

from pipelines.lib.http import Fetcher, HttpSettings
from pipelines.lib.ingest import Ingestor
from pipelines.lib.raw_store import RawStore
from pipelines.lib.sources import Source
from pipelines.lib.staging import parse_batch

FAST = HttpSettings(attempts=1, read_timeout=1, total_timeout=3)
PAGE = b"<html><body><p>Twelve people were killed, the ministry said.</p></body></html>"


def feed(*items: str | tuple[str, str | None]) -> bytes:
    """An RSS feed of items, each a link or (link, its `<pubDate>` or None)."""
    listed = [(item, None) if isinstance(item, str) else item for item in items]
    body = "".join(f"<item><title>{i}</title><link>{link}</link>"
                   + (f"<pubDate>{day}</pubDate>" if day else "") + "</item>"
                   for i, (link, day) in enumerate(listed))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{body}'
            "</channel></rss>").encode()


def ingest(tmp_path, url: str, batch: str = "run1", **fields):
    source = Source(**{"name": "f", "kind": "feed", "url": url, "outlet": "The Outlet",
                       **fields})
    store = RawStore(tmp_path / "lake", batch=batch)
    with Fetcher(FAST) as fetcher:
        report = Ingestor(store, fetcher, base=tmp_path, sources=[source],
                          log=lambda m: None).ingest(source)
    store.flush()
    return report, store


def fetched_articles(httpserver, tmp_path, pages: dict[str, tuple[bytes, str | None]],
                     rss: bytes | None = None):
    """Serve `pages` (name -> body, Content-Type) listed by one feed (`rss`, else one item a
    page), ingest it and parse what came: the report, the manifest's article rows by locator,
    and `parse_batch`'s (articles, rejected, messages)."""
    httpserver.expect_request("/rss").respond_with_data(rss or feed(*pages),
                                                        content_type="application/rss+xml")
    for name, (body, content_type) in pages.items():
        httpserver.expect_request(f"/{name}").respond_with_data(body, content_type=content_type)
    report, store = ingest(tmp_path, httpserver.url_for("/rss"))
    rows = store.manifest().filter(kind="article").sort("locator")
    return report, rows, parse_batch(str(tmp_path / "lake"), rows.to_dicts())


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


@pytest.mark.parametrize("fields", [
    {"kind": "feed"},
    {"kind": "article"},
    {"kind": "statistics", "format": "techforpalestine", "outlet": None},
], ids=lambda fields: fields["kind"])
def test_a_source_url_redirected_off_its_allowed_hosts_is_refused(httpserver, tmp_path,
                                                                   fields):
    """Only a feed's links were held to `allowed_hosts`: the feed itself, or an article or
    statistics URL, answering 302 to another host was read from there."""
    elsewhere = httpserver.url_for("/elsewhere").replace("127.0.0.1", "localhost")
    httpserver.expect_request("/start").respond_with_response(
        Response(status=302, headers={"Location": elsewhere}))
    httpserver.expect_request("/elsewhere").respond_with_data(
        feed("a.html"), content_type="application/rss+xml")
    url = httpserver.url_for("/start")
    report, store = ingest(tmp_path, url, allowed_hosts=["127.0.0.1"], **fields)
    assert [(q["locator"], q["rule"], q["reason"]) for q in report.quarantine] == [
        (url, "fetch_failed",
         f"host 'localhost' is not in the source's allowed_hosts (redirected from {url})")]
    assert report.failed == 1 and store.manifest().is_empty()
    assert [request.host for request, _ in httpserver.log] == [f"127.0.0.1:{httpserver.port}"]
    log = store.fetch_log()
    assert log.select("locator", "ok").rows() == [(url, False)]


def test_a_redirect_to_an_allowed_host_is_followed(httpserver, tmp_path):
    elsewhere = httpserver.url_for("/elsewhere.xml").replace("127.0.0.1", "localhost")
    httpserver.expect_request("/rss").respond_with_response(
        Response(status=302, headers={"Location": elsewhere}))
    httpserver.expect_request("/elsewhere.xml").respond_with_data(
        feed("a.html"), content_type="application/rss+xml")
    httpserver.expect_request("/a.html").respond_with_data(PAGE, content_type="text/html")
    report, store = ingest(tmp_path, httpserver.url_for("/rss"),
                           allowed_hosts=["127.0.0.1", "localhost"])
    assert (report.new, report.failed) == (2, 0), report.messages
    # the feed's relative link resolved against where it was, on the other allowed host
    assert elsewhere.replace("elsewhere.xml", "a.html") in set(store.manifest()["locator"])


def test_a_source_reaches_its_own_urls_host_without_listing_it(httpserver, tmp_path):
    """`allowed_hosts` names the hosts besides the source's own: a feed kept on a feed service,
    listing its publisher's host, is fetched, and so are its links to either."""
    httpserver.expect_request("/rss").respond_with_data(
        feed("a.html"), content_type="application/rss+xml")
    httpserver.expect_request("/a.html").respond_with_data(PAGE, content_type="text/html")
    report, store = ingest(tmp_path, httpserver.url_for("/rss"), allowed_hosts=["example.org"])
    assert (report.new, report.failed) == (2, 0), report.messages
    assert httpserver.url_for("/a.html") in set(store.manifest()["locator"])


def test_articles_are_read_in_the_charset_their_server_declared(httpserver, tmp_path):
    """The Content-Type's charset was dropped at ingestion: a text article served as
    windows-1252 was quarantined as not UTF-8 and a page's encoding was guessed. It is kept
    with the payload (the manifest's `charset`) and staging reads the bytes by it."""
    sentence = ("The ministry said 1,200 people were killed \u2013 \u201cmost of them "
                "children\u201d \u2013 in strikes on Khan Y\u00fbnis since the weekend.")
    text = f"Title: Khan Y\u00fbnis\nPublished: 2023-11-06\n\n{sentence}\n"
    page = (f"<html><head><title>Khan Y\u00fbnis</title></head><body><article><p>{sentence}"
            "</p></article></body></html>")
    report, rows, (articles, rejected, messages) = fetched_articles(httpserver, tmp_path, {
        "a.txt": (text.encode("cp1252"), "text/plain; charset=windows-1252"),
        "b.html": (page.encode("cp1252"), 'text/html; charset="Windows-1252"'),
        "c.txt": (text.encode("cp1252"), "text/plain; charset=iso-8859-1")})
    assert (report.new, report.failed) == (4, 0), report.messages
    assert messages == []
    assert articles["title"].to_list() == ["Khan Y\u00fbnis"] * 3
    assert all(sentence in body for body in articles["text"]), articles["text"].to_list()
    assert rows["charset"].to_list() == ["windows-1252", "windows-1252", "iso-8859-1"]


def test_utf16_articles_without_a_byte_order_mark_are_read_in_the_charset_declared(
        httpserver, tmp_path):
    """UTF-16 of mostly-ASCII text is valid UTF-8 ("T\\x00h\\x00e\\x00"), so the bytes were
    taken for UTF-8 with NULs between the letters and refused as binary, whatever charset the
    server declared. Text holds no NUL: the declared charset reads them; with none declared,
    the file is quarantined saying what it might be."""
    sentence = ("Port officials said on Thursday that 418 lorries \u2013 \u201cmost of them "
                "carrying flour\u201d \u2013 had waited at the crossing since the weekend.")
    text = f"Title: Lorries at the crossing\nPublished: 2024-03-14\n\n{sentence}\n"
    page = ("<html><head><title>Lorries at the crossing</title></head><body><article>"
            f"<p>{sentence}</p></article></body></html>")
    report, _, (articles, rejected, _) = fetched_articles(httpserver, tmp_path, {
        "a.html": (page.encode("utf-16-le"), "text/html; charset=utf-16le"),
        "b.txt": (text.encode("utf-16-be"), "text/plain; charset=UTF-16BE"),
        "c.txt": (text.encode("utf-16-le"), "text/plain")})
    assert (report.new, report.failed) == (4, 0), report.messages
    assert articles["title"].to_list() == ["Lorries at the crossing"] * 2
    assert [body for body in articles["text"] if sentence in body] == articles["text"].to_list()
    assert not any("\x00" in body for body in articles["text"])
    assert [(r["locator"].rsplit("/", 1)[1], r["reason"]) for r in rejected] == [
        ("c.txt", "text file holds NUL bytes (first at offset 1): binary data, or UTF-16 with "
                  "no byte order mark and no charset declared?")]


def test_an_article_with_no_date_of_its_own_is_dated_by_its_feed_item(httpserver, tmp_path):
    """A feed item's `<pubDate>` was parsed and dropped: a page or text file that gives no
    date of its own had none, and its figures were left out of every toll. The day is kept
    with the payload (the manifest's `feed_published`) and dates what gives no date itself;
    a link listed twice takes the earlier day, whichever comes first in the feed."""
    undated = (b"<html><head><title>Night of strikes</title></head><body><article><p>Medics in "
               b"Deir al-Balah said 31 people were killed overnight when strikes hit two houses "
               b"near the market.</p></article></body></html>")
    dated = undated.replace(b"<title>", b'<meta property="article:published_time" '
                                        b'content="2023-10-20T07:00:00Z"><title>')
    text = (b"Title: Crossing reopens\n\nAid officials said 57 lorries of flour and medicine "
            b"crossed at Rafah today, the first since the weekend.\n")
    rss = feed(
        ("a.html", "Wed, 08 Nov 2023 10:00:00 +0000"), ("b.txt", "Tue, 16 Jan 2024 06:00:00 GMT"),
        ("a.html", "Mon, 06 Nov 2023 22:00:00 -0500"), ("c.html", "Fri, 01 Dec 2023 12:00:00 Z"),
        ("d.html", None))
    pages = {"a.html": undated, "b.txt": text, "c.html": dated,
             "d.html": undated.replace(b"31", b"12")}
    report, rows, (articles, _, messages) = fetched_articles(
        httpserver, tmp_path, {name: (body, None) for name, body in pages.items()}, rss)
    assert (report.new, report.failed) == (5, 0), report.messages
    assert rows["feed_published"].to_list() == [  # 22:00 on the 6th at -05:00 is the 7th, UTC
        date(2023, 11, 7), date(2024, 1, 16), date(2023, 12, 1), None]
    assert messages == []
    assert articles["published_at"].to_list() == [  # the page's own date wins
        date(2023, 11, 7), date(2024, 1, 16), date(2023, 10, 20), None]
