"""Raw article payloads (HTML pages, plain-text files) to article records.

HTML pages keep their article body and lose navigation, photo captions, related links and
comment sections (resiliparse), since numbers in those are not claims of the article; title,
author and site name come from the page's metadata (trafilatura), the date from its metadata or
its article's markup (htmldate), never from its text.
Plain-text files carry a small header (`Title:`, `Outlet:`, `Published:`, `URL:`, `Author:`),
then a blank line, then the body.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urldefrag, urlsplit

from courlan import normalize_url
from htmldate.core import (
    date_candidates,
    examine_abbr_elements,
    examine_elements,
    examine_header,
    examine_time_elements,
)
from htmldate.extractors import extract_url_date, json_search
from htmldate.utils import Extractor
from htmldate.validators import get_max_date, get_min_date
from lxml.html import HtmlElement
from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.encoding import bytes_to_str, detect_encoding
from resiliparse.parse.html import HTMLTree
from trafilatura import load_html
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_author,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.settings import Document, set_date_params

from pipelines.lib.decoding import decoded, nul_near_start, undecodable

HEADER_KEYS = {"title", "outlet", "published", "url", "author"}
MIN_BODY_CHARS = 80


class ArticleError(ValueError):
    """The payload is not a usable article; the message says why (it goes to quarantine)."""


@dataclass
class Article:
    title: str | None
    outlet: str | None
    author: str | None
    published: date | None
    url: str | None
    text: str

    @property
    def text_hash(self) -> str:
        """Hash of the body with white space folded, so re-served copies of one text match."""
        folded = " ".join(self.text.split()).lower()
        return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def canonical_url(url: str | None) -> str | None:
    """One spelling per page: lower-case host, no fragment, tracking parameters removed.

    Not courlan's strict mode: it also drops every parameter off its short list, so the
    stories at `article.php?story=123` and `?story=124` were one article, and one was lost."""
    if not url:
        return None
    try:
        return urldefrag(normalize_url(url, strict=False)).url
    except (ValueError, TypeError):
        return url


def _decode_text(data: bytes, charset: str | None = None) -> str:
    """A text file's text (`decoded`); an error naming the first byte that is not UTF-8 (or
    NUL) and the charset declared, if any, when nothing reads it: text has no guessing."""
    text = decoded(data, charset)
    if text is None or "\x00" in text:  # a text file holds no NUL anywhere
        raise ArticleError(undecodable(data, charset, "text file"))
    return text


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


# A line break inside a sentence: a hard-wrapped file (wire copy by e-mail, wrapped at some 70
# columns). The extractor takes every line break for a paragraph's end, so "said that 10,022" /
# "people had been killed" lost its figure. A line that ends without a sentence's punctuation
# and a next one that goes on in lower case or with a number are one line.
_WRAPPED = re.compile(r"(?<![.!?:;\"”’)\]])[ \t]*\n[ \t]*(?=[a-z0-9(])")


_HEADER_LINE = re.compile(rf"[ \t]*({'|'.join(HEADER_KEYS)})[ \t]*:", re.IGNORECASE)
_KEYS_SHOWN = "Title, Outlet, Published, URL, Author"


def _header(lines: list[str]) -> tuple[dict[str, str], int]:
    """A text file's header (lower-case key: value) and the index of its body's first line.

    The header is the first block of lines (up to the first blank line) when any of them is a
    known `Key:` line; else the file has none and all of it is body. In a header every line
    must be a known key with a value: an unknown key (a typo, `Source:`) or an empty value is
    an error naming the line, like a bad date, so the file is quarantined and can be fixed.
    Reading the header up to the first such line made the rest of it body text, and the date
    below a typo was lost without a word; skipping the line would still lose what it says.
    """
    start = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    end = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
    if not any(_HEADER_LINE.match(line) for line in lines[start:end]):
        return {}, start
    header: dict[str, str] = {}
    for number in range(start, end):
        line = lines[number]
        key, sep, value = line.partition(":")
        key, value = key.strip(), value.strip()
        shown = f"text header line {number + 1} {line[:60]!r}"
        if not sep or key.lower() not in HEADER_KEYS:
            what = f"unknown key {key!r}" if sep and key else "no `Key: value` line"
            raise ArticleError(f"{shown}: {what} (a header has {_KEYS_SHOWN}, one a line, "
                               "and a blank line ends it)")
        if not value:
            raise ArticleError(f"{shown}: {key} has no value (fill it in or leave the line out)")
        header[key.lower()] = value
    return header, end + 1


def parse_text(data: bytes, *, declared_outlet: str | None = None,
               charset: str | None = None) -> Article:
    """A plain-text article: optional `Key: value` header lines (`_header`), a blank line,
    then the body. `charset`: the one its server declared (`decoded`)."""
    text = _decode_text(data, charset).replace("\r\n", "\n")
    lines = text.split("\n")
    header, body_start = _header(lines)
    body = _WRAPPED.sub(" ", "\n".join(lines[body_start:]).strip())
    if "published" in header and _parse_date(header["published"]) is None:
        raise ArticleError(f"header Published: {header['published']!r} is not a YYYY-MM-DD date")
    article = Article(
        title=header.get("title"),
        outlet=declared_outlet or header.get("outlet"),
        author=header.get("author"),
        published=_parse_date(header.get("published")),
        url=header.get("url"),
        text=body,
    )
    _require_body(article)
    _require_plausible_date(article)
    return article


# resiliparse's main-content pass slows with the square of the nesting depth (4,000 levels take
# 0.4 s, 100,000 take minutes), so a hostile or broken page could stall a worker. Real pages nest
# a few dozen deep (292 at most on the 181-page extraction benchmark, whose pages have at
# most 3,229 tags); a page with fewer tags than MAX_TAGS_UNSCANNED cannot nest deeper than that, so
# only larger pages pay for the scan.
MAX_TAGS_UNSCANNED = 4_000
MAX_DEPTH = 1_000
# Open and close tags of elements that nest: void and self-closing ones, and those HTML closes
# by itself (p, li, table cells...), would count as open forever.
_NESTING_TAG = re.compile(
    rb"<(/?)(?!(?:area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr|p|li|dt|dd|"
    rb"tr|td|th|option)\b)[a-zA-Z][^>]*?(/?)>", re.IGNORECASE)


# what holds no elements, though it may hold "<": scripts ("i<e.length"), styles and comments
_NOT_MARKUP = re.compile(rb"<(script|style)\b|<!--", re.IGNORECASE)


def _markup(data: bytes) -> bytes:
    """`data` without its scripts, styles and comments: a minified script's "a<b" read as tags
    that never close made ordinary large pages "nested 1,205 deep". One pass: each one's end is
    looked for once, and an unclosed one ends the page."""
    lowered, parts, at = data.lower(), [], 0
    while opener := _NOT_MARKUP.search(data, at):
        parts.append(data[at:opener.start()])
        if opener.group(1):  # past its closing tag's ">"
            close = lowered.find(b"</" + opener.group(1).lower(), opener.end())
            at = lowered.find(b">", close) + 1 if close >= 0 else 0
        else:
            close = lowered.find(b"-->", opener.end())
            at = close + 3 if close >= 0 else 0
        if not at:
            return b"".join(parts)
    parts.append(data[at:])
    return b"".join(parts)


def _decoded(data: bytes, charset: str | None = None) -> str:
    """The page as text: as text files are read (`decoded`: UTF-8, else the charset its server
    declared), else the charset of the page's own `<meta charset>` (a file in the inbox has no
    server to declare one; a UTF-16 page's is read by `_utf16_by_meta`), else the encoding
    detected; bytes holding NUL that none of these reads are refused, not detected. Detection
    samples 64 KB at each end and goes by the bytes there, so a large UTF-8 page with ASCII at
    both ends came out as "ministryâ€™s"; and it guesses: a short windows-1252 page can read as
    windows-1250 ("Khan Yűnis")."""
    text = decoded(data, charset)
    if text is None and nul_near_start(data):  # detection would read NULs as characters
        text = _utf16_by_meta(data)
        if text is None:
            raise ArticleError(undecodable(data, charset, "page"))
    return (text if text is not None
            else bytes_to_str(data, detect_encoding(data, from_html_meta=True)))


def _utf16_by_meta(data: bytes) -> str | None:
    """A UTF-16 page without a byte order mark that says so in its `<meta charset>`, read in
    the byte order it names; None when neither order's text names its own.

    The tag is looked for in ASCII bytes (WHATWG's prescan), which UTF-16 has none of, so the
    page's own declaration was never seen and detection read the bytes as windows-1252, NULs
    and all. Read in the wrong order, the page is CJK-looking text and declares nothing."""
    for order in ("utf-16-le", "utf-16-be"):
        text = decoded(data, order)
        if text is not None and detect_encoding(text[:1024].encode(),
                                                from_html_meta=True) == order:
            return text
    return None


def _depth(data: bytes) -> int:
    """The deepest nesting of elements, counting open and close tags in order (of the markup:
    `_markup`)."""
    depth = deepest = 0
    for tag in _NESTING_TAG.finditer(_markup(data)):
        if tag.group(1):
            depth -= 1
        elif not tag.group(2):
            depth += 1
            deepest = max(deepest, depth)
    return deepest


# resiliparse's main-content pass takes every <ul> fewer than this many elements below <body>
# for the site's navigation and drops it with its items: the article's own list too, when the
# page nests it shallowly (<main><article><ul> is two below), and the figures in it were lost.
_NAVIGATION_DEPTH = 3


def _keep_article_lists(tree: HTMLTree) -> None:
    """Wrap each <ul> of an <article> that its depth alone would drop (`_NAVIGATION_DEPTH`) in
    plain <div>s, so that it is deep enough to be kept.

    Only its depth changes: resiliparse still judges the list and what holds it by everything
    else (a <nav> or <aside> around it, navigation, share or hidden classes, ARIA roles), so a
    menu or a related-links box is dropped as before; lists outside an <article>, where a
    site's menus are, are left alone."""
    body = tree.body
    if body is None or body.tag != "body":
        return
    for ul in body.query_selector_all("article ul"):
        depth, parent = 0, ul.parent
        while parent is not None and parent.tag != "body":
            depth, parent = depth + 1, parent.parent
        for _ in range(_NAVIGATION_DEPTH - depth):
            wrapper = tree.create_element("div")
            ul.before(wrapper)
            wrapper.append(ul)


def _body_text(html: str) -> str:
    """The page's main content as plain text, without navigation, captions, comments or alt
    texts: numbers in those are not claims of the article. The <article>'s lists are kept
    (`_keep_article_lists`).

    resiliparse, not trafilatura's body extraction: on the 181-page article-extraction
    benchmark it keeps all 43 figures of the hand-checked texts (trafilatura 42) with the same
    1 leaked from boilerplate, and loses fewer of the articles' numbers (131 against 452) while
    keeping more boilerplate numbers (648 against 352), which the extractor's rules do not turn
    into figures; with the metadata (`_metadata`) it takes 0.46 ms a generated page against
    1.81 ms (`python -m pipelines.bench.html_extractors --benchmark DIR`;
    `pipelines/bench/NOTES.md`).
    """
    tree = HTMLTree.parse(html)
    _keep_article_lists(tree)
    return extract_plain_text(tree, main_content=True, alt_texts=False, comments=False,
                              list_bullets=False, post_meta=False)


# What in a page's body would still speak to its metadata: meta tags and JSON-LD (which
# trafilatura and htmldate read anywhere in the page) and a canonical link (htmldate's).
_BODY_METADATA = ("<meta", "ld+json", "settings+json", "canonical")


def _head_metadata(html: str, url: str | None) -> Document | None:
    """The page's metadata read from its head alone, or None when the body could change it.

    Parsing the whole page into an lxml tree for a few head tags, and reading them from it,
    took about a third of the time to read a generated page (0.23 of 0.62 ms; the page now
    takes about a fifth less). The head gives the same fields as the whole page when the body
    holds no meta tags, JSON-LD or canonical link (which trafilatura and htmldate read
    anywhere) and the head names the title, author and date itself: only for a missing one do
    they look into the body (the headline, a byline, the article's date elements).
    """
    end = html.find("</head>")
    end = end if end >= 0 else html.find("</HEAD>")
    # plain substring searches: a case-blind regex over the body took 0.1 ms a page
    body = html[end:].lower()
    if end < 0 or any(cue in body for cue in _BODY_METADATA):
        return None
    tree = load_html(html[:end] + "</head></html>")
    if tree is None:
        return None
    return _metadata(tree, url, head_only=True)


def _date_options() -> Extractor:
    """htmldate's options as trafilatura gives them: the publication (not the last modified)
    date, none after today."""
    params = set_date_params(True)
    return Extractor(params["extensive_search"], get_max_date(params["max_date"]),
                     get_min_date(None), params["original_date"], "%Y-%m-%d")


def _metadata_date(tree: HtmlElement, url: str | None, options: Extractor) -> str | None:
    """The date of the page's metadata, by `htmldate.find_date`'s first steps: the URL, the
    meta tags and JSON-LD; None without one. A head's tree gives the page's when the body
    holds no meta tags, JSON-LD or canonical link (`_head_metadata`)."""
    if url is None:
        link = tree.find('.//link[@rel="canonical"]')
        url = link.get("href") if link is not None else None
    return extract_url_date(url, options) or examine_header(tree, options) \
        or json_search(tree, options)


def _page_date(tree: HtmlElement, url: str | None) -> str | None:
    """The publication date: the page's metadata (`_metadata_date`), else what the markup of its
    <article> (the longest, when there are several; the page, when it marks none) says, by
    `htmldate.find_date`'s next steps: date elements (a byline, a dateline, <abbr>, <time>).

    Nothing else: past those steps, and beyond a marked article, `find_date` takes the date of a
    related story's <time>, of a comment, or any date in the text, and a page dated by one
    dates every figure in it wrongly. A page with neither has no date, as a text file without
    a `Published:` line: its figures are dated only by what their sentences say.

    The page when it marks no <article>: of the 181 pages of the article-extraction benchmark,
    16 are dated only by their markup, 13 of them outside any <article>, and no date would leave
    their figures' relative dates ("on Tuesday") unresolved.
    """
    options = _date_options()
    found = _metadata_date(tree, url, options)
    if found:
        return found
    scope = max(tree.iter("article"), key=lambda a: len(a.text_content()), default=tree)
    return examine_abbr_elements(scope, options) \
        or examine_elements(date_candidates(scope, False), options) \
        or examine_time_elements(scope, options)


def _metadata(tree: HtmlElement, url: str | None, head_only: bool = False) -> Document | None:
    """Title, author, date, URL and site name of a page, each from trafilatura's extractor of it.

    Not `trafilatura.extract_metadata`, which also searches the whole page for categories, tags
    and a licence that Tally does not keep: those XPath walks were a quarter of the time to
    parse a page (`python -m pipelines.bench.html_extractors`). The fields Tally keeps come
    out the same, in the same order of sources: meta tags, then JSON-LD, then the page; but
    the date, which is `_page_date`'s. With `head_only` (the tree is the page's head), None
    when a field would need the page.
    """
    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:  # a single word is a handle, not a name
        meta.author = None
    try:
        meta = extract_meta_json(tree, meta)
    except Exception:  # noqa: BLE001, S110 - broken JSON-LD leaves the meta tags' values
        pass
    if head_only and not (meta.title and meta.author):
        return None
    meta.title = meta.title or extract_title(tree)
    meta.author = meta.author or extract_author(tree)
    meta.url = meta.url or extract_url(tree, url)
    # a head holds no byline or <time> of the article: only its metadata can date the page
    meta.date = (_metadata_date(tree, meta.url, _date_options()) if head_only
                 else _page_date(tree, meta.url))
    if head_only and not meta.date:
        return None
    meta.sitename = meta.sitename or extract_sitename(tree)
    if meta.sitename:
        meta.sitename = meta.sitename.lstrip("@")  # a Twitter handle
        if meta.sitename and "." not in meta.sitename and not meta.sitename[0].isupper():
            meta.sitename = meta.sitename.title()
    elif meta.url and (host := META_URL.match(meta.url)):
        meta.sitename = host[1]
    meta.clean_and_trim()
    return meta


def parse_html(
    data: bytes, *, url: str | None = None, declared_outlet: str | None = None,
    charset: str | None = None,
) -> Article:
    """An HTML page: its body text (captions and comments left out) and metadata. `charset`:
    the one its server declared (`_decoded`)."""
    if not data.strip():
        raise ArticleError("empty HTML payload")
    # Decoded once, for both libraries: trafilatura would otherwise guess the encoding again
    # and first try to decompress every page as brotli and zlib. Binary data is refused here.
    html = _decoded(data, charset)
    # Body text from resiliparse, metadata (title, date, author, site) from trafilatura: see
    # `_body_text` for why the two libraries split the work. The nesting is counted in
    # ASCII-compatible bytes: a UTF-16 page's tags ("<\x00d\x00i\x00v\x00") are not seen.
    markup = html.encode() if nul_near_start(data) else data
    if markup.count(b"<") > MAX_TAGS_UNSCANNED and (depth := _depth(markup)) > MAX_DEPTH:
        raise ArticleError(f"HTML nested {depth} elements deep (at most {MAX_DEPTH}): a broken "
                           "or hostile page, not parsed")
    meta = _head_metadata(html, url)
    if meta is None:
        tree = load_html(html)
        if tree is None:
            raise ArticleError("no HTML document could be parsed")
        meta = _metadata(tree, url)
    text = _body_text(html)
    if not text.strip():
        raise ArticleError("no article body found in the HTML")
    title = meta.title
    # the page's headline often opens the body too; the title column already has it.
    if title and text.startswith(title + "\n"):
        text = text[len(title) + 1 :]
    article = Article(
        title=title,
        outlet=declared_outlet or meta.sitename,
        author=meta.author,
        published=_parse_date(meta.date),
        url=meta.url or url,
        text=text.strip(),
    )
    _require_body(article)
    _require_plausible_date(article)
    return article


def _require_plausible_date(article: Article) -> None:
    """A publication date after tomorrow (UTC) is a typo or a forgery, not news."""
    if article.published and article.published > datetime.now(UTC).date() + timedelta(days=1):
        raise ArticleError(f"publication date {article.published} is in the future")


def _require_body(article: Article) -> None:
    if len(article.text) < MIN_BODY_CHARS:
        raise ArticleError(
            f"article body too short ({len(article.text)} characters, need {MIN_BODY_CHARS})"
        )


def parse_article(data: bytes, media_type: str, *, url: str | None, outlet: str | None,
                  charset: str | None = None) -> Article:
    """The outlet declared in the sources file wins over what the page says about itself; with
    neither, the host of the article's URL. `charset`: the one the server declared for the
    payload (the manifest's), read by one rule for pages and text files (`decoded`).

    An article with no outlet at all is refused: what it states as fact is its publisher's
    claim, and unnamed publishers would all be one claimant, "outlet", in every table."""
    if media_type == "html":
        article = parse_html(data, url=url, declared_outlet=outlet, charset=charset)
    elif media_type == "text":
        article = parse_text(data, declared_outlet=outlet, charset=charset)
    else:
        raise ArticleError(f"unsupported article media type {media_type!r}")
    if not article.outlet:
        article.outlet = urlsplit(canonical_url(article.url) or "").hostname
    if not article.outlet:
        raise ArticleError("no outlet: the article names no publisher and has no URL (add an "
                           "`Outlet:` header line, or an `outlet` to its source)")
    return article
