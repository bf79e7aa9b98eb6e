"""Feeds to absolute article links."""

from datetime import date

import pytest

from pipelines.lib.feeds import FeedError, parse_feed

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://t.example/</link>
<description>d</description>
<item><title>One</title><link>../articles/one.html</link><guid>g1</guid>
<pubDate>Thu, 08 Feb 2024 10:00:00 GMT</pubDate></item>
<item><title>Two</title><link>https://t.example/two</link></item>
<item><title>No link</title></item></channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>A</title><id>urn:a</id><updated>2024-06-08T12:00:00Z</updated>
<entry><title>Rescue</title><id>urn:e1</id><updated>2024-06-08T12:00:00Z</updated>
<link href="/2024/06/08/rescue"/></entry></feed>"""


def test_rss_links_resolved_against_the_feed():
    entries = parse_feed(RSS, "file:///lake/samples/feeds/t.xml")
    assert [e.link for e in entries] == ["file:///lake/samples/articles/one.html",
                                         "https://t.example/two"]
    assert entries[0].published == date(2024, 2, 8) and entries[0].guid == "g1"


def test_atom():
    (entry,) = parse_feed(ATOM, "https://a.example/feed.atom")
    assert entry.link == "https://a.example/2024/06/08/rescue"
    assert entry.published == date(2024, 6, 8)


@pytest.mark.parametrize("data", [b"", b"   ", b"<html><body>not a feed</body></html>",
                                  b"\x89PNG\r\n\x1a\n binary", b'{"json": true}'])
def test_not_a_feed(data):
    with pytest.raises(FeedError):
        parse_feed(data, "https://x.example/feed")
