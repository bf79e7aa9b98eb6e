"""RSS and Atom feeds to article links, via feedparser.

Links are resolved against the feed's own URL, so a feed may use relative links; the bundled
offline sample feed does, and its links resolve to files next to it (file:// URLs). Whether a
link may be fetched or read is the caller's decision (see `pipelines.lib.ingest`).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin, urlsplit

import feedparser


class FeedError(ValueError):
    """The bytes are not a usable feed; the message says why."""


@dataclass(frozen=True)
class FeedEntry:
    link: str  # absolute: resolved against xml:base, then the feed's URL (RSS: else a URL guid)
    title: str | None
    published: date | None  # UTC day of <pubDate>/<published>, else <updated>
    guid: str | None  # RSS <guid> or Atom <id>


# Real feeds nest a handful of levels; feedparser's time grows steeply with depth, so a hostile
# "<a><a><a>..." of a few hundred kilobytes would otherwise hold a run for minutes.
MAX_DEPTH = 256
_TAG = re.compile(rb"<(/?)[A-Za-z_][^\s/>]*[^>]*?(/?)>")


def _too_deep(data: bytes) -> bool:
    """Element nesting deeper than MAX_DEPTH, by a linear scan of the tags (no parsing)."""
    depth = 0
    for match in _TAG.finditer(data):
        if match[1]:
            depth = max(0, depth - 1)
        elif not match[2]:
            depth += 1
            if depth > MAX_DEPTH:
                return True
    return False


def parse_feed(data: bytes, base_url: str) -> list[FeedEntry]:
    """Entries of an RSS 0.9x/1.0/2.0 or Atom feed that have a link, in feed order.

    A well-formed feed with no items gives []; bytes that are no feed at all raise FeedError.
    """
    if not data.strip():
        raise FeedError("empty feed")
    if _too_deep(data):
        raise FeedError(f"not a usable feed: elements nested more than {MAX_DEPTH} deep")
    # A stream, never bare bytes: feedparser would treat short bytes as a file name to open.
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False)
    problem = parsed.get("bozo_exception")
    if isinstance(problem, feedparser.CharacterEncodingOverride):
        problem = None  # a wrong encoding declaration, recovered from: not a broken feed
    if not parsed.entries and (problem or not parsed.get("version")):
        reason = problem or "no RSS or Atom elements"
        raise FeedError(f"not an RSS or Atom feed: {reason}")
    entries = []
    for entry in parsed.entries:
        link = (entry.get("link") or "").strip()
        from_guid = not entry.get("links")  # feedparser falls back to an RSS <guid>
        if not link or (from_guid and not urlsplit(link).scheme):
            continue  # no link, or only a guid that is an id rather than a URL
        entries.append(FeedEntry(
            link=_joined(base_url, link),
            title=(entry.get("title") or "").strip() or None,
            published=_day(entry.get("published_parsed") or entry.get("updated_parsed")),
            guid=(entry.get("id") or "").strip() or None,
        ))
    return entries


def _joined(base_url: str, link: str) -> str:
    """`link` resolved against the feed's URL; as written when it is no URL at all
    (`http://[oops/a`), so that its ingestion quarantines it and the feed's other links go on."""
    try:
        return urljoin(base_url, link)
    except ValueError:
        return link


def _day(stamp) -> date | None:
    """The day of a feed's time stamp; None for one no calendar has (a CMS's year 0)."""
    try:
        return date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
    except ValueError:
        return None
