"""Feeds to absolute article links."""

from datetime import date
from pathlib import Path

import pytest

from pipelines.lib.feeds import FeedEntry, FeedError, parse_feed

SAMPLE_FEED = Path(__file__).parents[2] / "data_lake" / "samples" / "feeds" / "levant-ledger.xml"

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<link>https://t.example/</link><description>d</description>
<item><title> One </title><link>../articles/one.html</link><guid isPermaLink="false">g1</guid>
<pubDate>Thu, 08 Feb 2024 23:30:00 -0500</pubDate></item>
<item><title>Two</title><link>https://t.example/two</link></item>
<item><title>No link</title><guid>g3</guid></item>
<item><title>Permalink</title><guid>https://t.example/four</guid></item></channel></rss>"""

RSS_10 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://r.example/"><title>R</title><link>https://r.example/</link>
<description>d</description></channel>
<item rdf:about="https://r.example/a"><title>A</title><link>/a</link>
<dc:date>2024-03-01T08:00:00Z</dc:date></item></rdf:RDF>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>A</title><id>urn:a</id><updated>2024-06-08T12:00:00Z</updated>
<entry><title>Rescue</title><id>urn:e1</id><updated>2024-06-09T12:00:00Z</updated>
<published>2024-06-08T12:00:00Z</published>
<link rel="enclosure" href="/media/rescue.jpg"/><link rel="alternate" href="/2024/06/08/rescue"/>
</entry></feed>"""


def test_rss_20_links_resolved_against_the_feed_file():
    entries = parse_feed(RSS, "file:///lake/samples/feeds/t.xml")
    assert entries == [
        FeedEntry("file:///lake/samples/articles/one.html", "One", date(2024, 2, 9), "g1"),
        FeedEntry("https://t.example/two", "Two", None, None),
        FeedEntry("https://t.example/four", "Permalink", None, "https://t.example/four"),
    ]  # 23:30 at -05:00 is the 9th in UTC; an item with neither link nor URL guid is skipped


def test_rss_10_rdf():
    (entry,) = parse_feed(RSS_10, "https://r.example/feeds/rss.rdf")
    assert entry == FeedEntry("https://r.example/a", "A", date(2024, 3, 1), "https://r.example/a")


def test_atom_alternate_link_and_published_date():
    (entry,) = parse_feed(ATOM, "https://a.example/feeds/all.atom")
    assert entry == FeedEntry("https://a.example/2024/06/08/rescue", "Rescue", date(2024, 6, 8),
                              "urn:e1")


def test_atom_xml_base_wins_over_the_feed_url():
    atom = ATOM.replace(b'<feed xmlns="http://www.w3.org/2005/Atom">',
                        b'<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://cdn.example/">')
    (entry,) = parse_feed(atom, "https://a.example/feeds/all.atom")
    assert entry.link == "https://cdn.example/2024/06/08/rescue"


def test_bundled_sample_feed_resolves_to_pages_beside_it():
    entries = parse_feed(SAMPLE_FEED.read_bytes(), SAMPLE_FEED.as_uri())
    assert len(entries) == 4 and all(e.title and e.published and e.guid for e in entries)
    folder = SAMPLE_FEED.parent.as_uri() + "/pages/"
    assert all(e.link.startswith(folder) and e.link.endswith(".html") for e in entries)
    assert all((SAMPLE_FEED.parent / "pages" / e.link.rsplit("/", 1)[1]).is_file()
               for e in entries)


@pytest.mark.parametrize("declared", ["utf-8", "us-ascii"])  # us-ascii: feedparser's benign bozo
def test_a_feed_with_no_items_is_empty_not_an_error(declared):
    empty = (f'<?xml version="1.0" encoding="{declared}"?><rss version="2.0"><channel>'
             "<title>Caf\u00e9 \u2013 news</title><link>https://t.example/</link>"
             "<description>d</description></channel></rss>").encode()
    assert parse_feed(empty, "https://t.example/rss") == []


@pytest.mark.parametrize("data", [
    b"", b"  \n ", b"<html><body><p>not a feed</p></body></html>",
    b"<!DOCTYPE html><html><head><title>Login</title></head><body><form></form>",
    b"\x89PNG\r\n\x1a\n\0\0\0binary", b'{"items": [{"link": "https://x.example/"}]}',
    b'<rss version="2.0"><channel><title>cut off',
])
def test_not_a_feed(data):
    with pytest.raises(FeedError, match="empty feed|not an RSS or Atom feed"):
        parse_feed(data, "https://x.example/feed")


def test_bytes_naming_a_file_are_parsed_not_opened(tmp_path):
    """feedparser.parse(b"/some/path") would read that file; the body is data, never a path."""
    local = tmp_path / "local.xml"
    local.write_bytes(RSS)
    with pytest.raises(FeedError):
        parse_feed(str(local).encode(), "https://x.example/feed")


def test_a_link_that_is_no_url_and_a_date_no_calendar_has_spoil_no_other_entry():
    feed = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
            b"<item><title>Bad</title><link>http://[oops/a</link></item>"
            b"<item><title>Year 0</title><link>b.html</link>"
            b"<pubDate>0000-01-01T00:00:00Z</pubDate></item>"
            b"<item><title>Good</title><link>c.html</link>"
            b"<pubDate>Thu, 08 Feb 2024 10:00:00 GMT</pubDate></item></channel></rss>")
    entries = parse_feed(feed, "https://t.example/feed")
    assert [(e.link, e.published) for e in entries] == [
        ("http://[oops/a", None), ("https://t.example/b.html", None),
        ("https://t.example/c.html", date(2024, 2, 8))]
