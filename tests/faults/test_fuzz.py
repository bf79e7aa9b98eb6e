"""Property-based fuzzing (hypothesis) of the parsers that read what strangers send us.

For any bytes, each parser either returns its records or raises its own documented error
(FeedError, ArticleError, StatisticsError): never another exception, never a hang (a deadline
per example), and a few hand-made hostile shapes (entity expansion, deep nesting, giant fields)
stay within a memory bound.
"""

from __future__ import annotations

import json
import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines.lib.articles import ArticleError, parse_article
from pipelines.lib.feeds import FeedError, parse_feed
from pipelines.lib.statistics import Payload, StatisticsError, read_statistics

pytestmark = pytest.mark.faults

FUZZ = settings(max_examples=120, deadline=3000, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])

# Fragments that steer random bytes towards the parsers' interesting paths.
XML_BITS = st.sampled_from([
    b'<?xml version="1.0"?>', b'<rss version="2.0">', b"<channel>", b"<item>", b"</item>",
    b"<link>", b"</link>", b"<title>", b"</title>", b"<guid>", b"<pubDate>", b"</pubDate>",
    b'<feed xmlns="http://www.w3.org/2005/Atom">', b"<entry>", b'<link href="',
    b'"/>', b"javascript:alert(1)", b"file:///etc/passwd", b"../../x", b"&amp;", b"&#0;",
    b"<![CDATA[", b"]]>", b"\x00", b"\xff\xfe", b"http://x.example/a", b"Mon, 99 Feb 2024",
])
HTML_BITS = st.sampled_from([
    b"<html>", b"<head>", b"<title>", b"</title>", b"<body>", b"<article>", b"<p>", b"</p>",
    b"<script>alert(1)</script>", b"<meta charset='x-unknown'>", b"<!--", b"-->",
    b"10,022 people were killed", b"\x00", b"\xe9", b"<table><tr><td>", b"<svg onload=x>",
])
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
    | st.text(max_size=20) | st.sampled_from(["2023-11-06", "mohtel", "missing", "9999-99-99"]),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(["report_date", "report_source", "killed_cum",
                                       "injured_cum", "ext_killed_cum", "x"]), inner,
                      max_size=5),
    max_leaves=20,
)
CSV_CELLS = st.sampled_from(["#date", "#affected+killed", "#adm1+name", "#org", "2024-01-01",
                             "5", "-5", "n/a", '"', "1,000", "", "#", "\x00", "2099-01-01"])


NOISE = st.binary(max_size=40)


EXAMPLES = {"count": 0}  # inputs the fuzzers tried in this module


@pytest.fixture(scope="module", autouse=True)
def _count_examples(session_tally):
    yield
    session_tally.bad_input("hypothesis examples", EXAMPLES["count"])


def tried() -> None:
    EXAMPLES["count"] += 1


def assembled(bits):
    return st.lists(st.one_of(bits, NOISE), max_size=30).map(b"".join)


def payload(data: bytes) -> Payload:
    return Payload(data=data, source="fuzz", locator="fuzz.bin", content_hash="0" * 64,
                   claimant="UN OCHA")


@FUZZ
@given(data=st.one_of(st.binary(max_size=2000), assembled(XML_BITS)))
def test_feed_parser_never_crashes(data):
    tried()
    try:
        entries = parse_feed(data, "https://feed.example/rss")
    except FeedError:
        return
    for entry in entries:
        assert isinstance(entry.link, str) and entry.link


@FUZZ
@given(data=st.one_of(st.binary(max_size=3000), assembled(HTML_BITS)),
       media_type=st.sampled_from(["html", "text"]))
def test_article_parsers_never_crash(data, media_type):
    tried()
    try:
        article = parse_article(data, media_type, url="https://a.example/x", outlet=None)
    except ArticleError:
        return
    assert len(article.text) >= 80


@FUZZ
@given(rows=JSON_VALUES)
def test_techforpalestine_reader_never_crashes(rows):
    tried()
    data = json.dumps(rows).encode()
    try:
        result = read_statistics(payload(data), "techforpalestine")
    except StatisticsError:
        return
    for figure in result.figures:
        assert 0 <= figure["value"] <= 10_000_000_000 and figure["value"] == int(figure["value"])


@FUZZ
@given(table=st.lists(st.lists(CSV_CELLS, max_size=6), max_size=12),
       fmt=st.sampled_from(["hxl", "auto"]))
def test_hxl_reader_never_crashes(table, fmt):
    tried()
    data = "\n".join(",".join(row) for row in table).encode()
    try:
        result = read_statistics(payload(data), fmt)
    except StatisticsError:
        return
    assert all(q["reason"] for q in result.quarantine)


@FUZZ
@given(data=st.binary(max_size=3000))
def test_statistics_auto_detection_on_noise(data):
    tried()
    try:
        read_statistics(payload(data), "auto")
    except StatisticsError:
        pass


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol">
<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><link>https://x.example/a</link></item></channel></rss>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>t</title><item><title>&x;</title>
<link>https://x.example/a</link></item></channel></rss>"""

HOSTILE = {
    "feed-billion-laughs": ("feed", BILLION_LAUGHS),
    "feed-external-entity": ("feed", EXTERNAL_ENTITY),
    "feed-deep-nesting": ("feed", b"<rss><channel>" + b"<a>" * 100_000),
    "html-deep-nesting": ("html", b"<html><body>" + b"<div>" * 100_000 + b"x" * 100),
    "html-huge-attribute": ("html", b'<html><body><p title="' + b"a" * 5_000_000 + b'">x'),
    "json-deep-nesting": ("techforpalestine", b"[" * 200_000),
    "json-huge-number": ("techforpalestine",
                         b'[{"report_date":"2024-01-01","report_source":"mohtel",'
                         b'"killed_cum":1' + b"0" * 4000 + b"}]"),
    "csv-giant-field": ("hxl", b"#date,#affected+killed\n2024-01-01," + b"9" * 1_000_000),
    "csv-many-columns": ("hxl", b",".join([b"#affected+killed"] * 50_000) + b"\n"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_shapes_stay_in_bounds(case, tally_faults):
    """Each ends in a result or the parser's own error, within 64 MB of extra memory and no
    sign of an external entity being read."""
    tally, name = tally_faults
    kind, data = HOSTILE[case]
    tracemalloc.start()
    try:
        if kind == "feed":
            try:
                entries = parse_feed(data, "https://feed.example/rss")
                assert all("root:" not in (e.title or "") for e in entries)
            except FeedError:
                pass
        elif kind == "html":
            try:
                parse_article(data, "html", url=None, outlet=None)
            except ArticleError:
                pass
        else:
            try:
                read_statistics(payload(data), kind)
            except StatisticsError:
                pass
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    tally.bad_input(name)
    assert peak < 64_000_000 + 3 * len(data), (case, peak)
