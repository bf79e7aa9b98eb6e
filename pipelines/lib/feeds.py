"""RSS and Atom feeds to article links, via feedparser.

Links are resolved against the feed's own URL, so a feed may use relative links; the bundled
offline sample feed does, and resolves to files next to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin

import feedparser


class FeedError(ValueError):
    """The bytes are not a usable feed; the message says why."""


@dataclass(frozen=True)
class FeedEntry:
    link: str
    title: str | None
    published: date | None
    guid: str | None


def parse_feed(data: bytes, base_url: str) -> list[FeedEntry]:
    """Entries of an RSS 0.9x/1.0/2.0 or Atom feed, each with an absolute link."""
    if not data.strip():
        raise FeedError("empty feed")
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    version = parsed.get("version") or ""
    if not version and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise FeedError(f"not an RSS or Atom feed ({reason or 'no feed elements'})")
    entries = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        entries.append(FeedEntry(
            link=urljoin(base_url, link.strip()),
            title=entry.get("title"),
            published=date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None,
            guid=entry.get("id"),
        ))
    return entries
