"""HTML and text payloads become articles; numbers in captions and comments do not."""

from datetime import date

import pytest

from pipelines.lib.articles import (
    ArticleError,
    canonical_url,
    parse_article,
    parse_html,
    parse_text,
)

PAGE = b"""<html><head><title>Toll rises | Test Wire</title>
<link rel="canonical" href="https://testwire.example/2023/11/06/toll?utm_source=rss">
<meta property="og:site_name" content="Test Wire">
<meta property="article:published_time" content="2023-11-06T10:00:00Z">
<meta name="author" content="Amal Writer"></head>
<body><nav><a href="/">Home</a><a href="/x">Section 44</a></nav>
<article><h1>Toll rises</h1>
<figure><img src="a.jpg"><figcaption>Rescuers search rubble, 19 November. (Photo 8812)</figcaption></figure>
<p>The health ministry in Gaza said on Monday that 10,022 people had been killed since the
war began, including 4,104 children, a toll that could not be independently verified.</p>
<p>The Israeli military said 30 of its soldiers had died in the ground offensive.</p>
</article>
<section class="comments" id="comments"><div class="comment"><p>Reader 77 wrote: I saw 913 trucks.</p></div></section>
<footer>Copyright 2023, 12 Example Street</footer></body></html>"""


def test_html_body_and_metadata_without_captions_or_comments():
    article = parse_html(PAGE, url="https://testwire.example/feed-link")
    assert article.title == "Toll rises"
    assert article.outlet == "Test Wire"
    assert article.author == "Amal Writer"
    assert article.published == date(2023, 11, 6)
    assert "10,022" in article.text and "30 of its soldiers" in article.text
    for noise in ("8812", "913 trucks", "Reader 77", "Section 44", "12 Example Street"):
        assert noise not in article.text


_LIST_PAGE = """<html><head><title>One year on | Test Wire</title>
<meta property="og:site_name" content="Test Wire">
<meta property="article:published_time" content="2024-10-07T06:00:00Z"></head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/live">Live 24/7</a></li></ul></nav>
<ul class="topics"><li><a href="/t/gaza">Gaza (318 stories)</a></li></ul></header>
%s<article><h1>One year on</h1>
<p>A year after the attack that started the war, officials on both sides gave their tallies of
what it has cost, none of which could be independently verified.</p>
<h2>Key figures</h2>
<ul><li>At least 1,139 people were killed in Israel on October 7</li>
<li>The health ministry in Gaza says 41,909 people have been killed there since</li></ul>
<ul class="story-nav"><li><a href="/p2">Part 2 of 5</a></li></ul>
<ul class="share"><li><a href="#">Share (2,316)</a></li></ul>
</article>
<aside class="related"><ul><li><a href="/r">Strike kills 27 in Nuseirat</a></li></ul></aside>
<section id="comments"><ul><li>Reader 44: I count 600 trucks a day</li></ul></section>
%s</body></html>"""


@pytest.mark.parametrize("wrap", [("", ""), ("<main>", "</main>"), ("<div>", "</div>")],
                         ids=["body", "main", "div"])
def test_lists_of_the_article_are_kept_and_menus_and_related_links_are_not(wrap):
    """resiliparse took every <ul> fewer than three elements below <body> for the site's
    menu: an article's "key figures" list was dropped, and its figures with it."""
    from pipelines.extract import extract_figures

    article = parse_html((_LIST_PAGE % wrap).encode())
    assert "At least 1,139 people were killed in Israel on October 7" in article.text
    assert "says 41,909 people have been killed" in article.text
    for noise in ("24/7", "318 stories", "Part 2 of 5", "2,316", "Nuseirat", "600 trucks"):
        assert noise not in article.text, noise
    values = {f.value for f in extract_figures(article.text, published=article.published,
                                                outlet=article.outlet)}
    assert {1139, 41909} <= values


_UNDATED = """<html><head><title>Night raids in Jenin | Test Wire</title>
<meta property="og:site_name" content="Test Wire"></head><body>
<header><nav><a href="/">Home</a></nav></header>
<main><article><h1>Night raids in Jenin</h1>%s
<p>The Palestinian health ministry said 12 people were killed in raids on the Jenin camp
overnight. A UN report dated 2023-11-28 had counted 224 Palestinians killed in the West Bank
since October 7, and a second one, on 3 December 2023, raised that to 243.</p>
</article>
<aside class="related"><h3>Related</h3><ul><li><a href="/a">Raid on Tulkarm</a>
<time datetime="2023-11-02T08:00:00Z">2 November 2023</time></li></ul></aside>
<section id="comments" class="comments"><div class="comment">
<span class="date">5 January 2024</span><p>Awful news.</p></div></section>
</main></body></html>"""


@pytest.mark.parametrize(("markup", "published"), [
    ("", None),
    ('<p class="byline">By Dana Levi | 12 December 2023</p>', date(2023, 12, 12)),
    ('<time datetime="2023-12-12T05:00:00Z">12 December</time>', date(2023, 12, 12)),
], ids=["no-date-markup", "byline", "time"])
def test_a_page_is_dated_by_its_metadata_or_its_articles_markup_alone(markup, published):
    """With no date in its metadata, a page took the date of a related story, a comment or a
    date in its text (htmldate's search of the whole page), and every figure in it was dated
    by that. Only the article's own markup may date it now; else it has no date."""
    assert parse_html((_UNDATED % markup).encode()).published == published


def test_a_page_that_marks_no_article_is_dated_by_its_own_markup():
    """A byline's date outside any <article> dates the page (no <article> to confine the search
    to); a date only in the text still does not."""
    page = ("<html><head><title>Night raids | Test Wire</title></head><body>"
            '<div class="story"><h1>Night raids</h1>%s'
            "<p>The ministry said 12 people were killed in Jenin on Tuesday.</p></div>"
            "</body></html>")
    dated = '<p class="byline">By Dana Levi | 12 December 2023</p>'
    assert parse_html((page % dated).encode()).published == date(2023, 12, 12)
    assert parse_html((page % "<p>Published 12 December 2023</p>").encode()).published is None


def test_declared_outlet_wins_over_page_metadata():
    assert parse_html(PAGE, declared_outlet="Declared").outlet == "Declared"


def test_canonical_url_drops_tracking_parameters():
    assert canonical_url("https://TestWire.example/a?utm_source=rss#top") == (
        "https://testwire.example/a"
    )


def test_canonical_url_keeps_the_parameters_that_name_the_story():
    """courlan's strict mode kept only parameters on its own list: two stories of one CMS were
    one article, and the older was dropped."""
    first, second = (canonical_url(f"https://wire.example/article.php?story={n}&fbclid=x#c")
                     for n in (123, 124))
    assert (first, second) == ("https://wire.example/article.php?story=123",
                               "https://wire.example/article.php?story=124")


def test_a_hard_wrapped_text_file_keeps_its_sentences_whole():
    """Wire copy wrapped at some 70 columns: each line break was a paragraph's end to the
    extractor, and "said that 10,022" / "people had been killed" lost its figure."""
    article = parse_text(b"Title: Toll passes 10,000\n\n"
                         b"The health ministry in Gaza said on Monday that 10,022\n"
                         b"people had been killed since the war began, including 4,104\n"
                         b"children.\n"
                         b"A second paragraph on a line of its own.\n\n"
                         b"- 12 in Rafah\n- 9 in Khan Younis\n")
    assert article.text == (
        "The health ministry in Gaza said on Monday that 10,022 people had been killed since "
        "the war began, including 4,104 children.\nA second paragraph on a line of its own."
        "\n\n- 12 in Rafah\n- 9 in Khan Younis")


def test_an_article_with_no_outlet_takes_its_urls_host_or_is_refused():
    """Unnamed, every publisher's own statements were one claimant, "outlet"."""
    body = b"In all, 31,000 people have been killed in Gaza since the war began, officials say."
    named = parse_article(b"URL: https://www.Wire.example/a?utm_source=x\n\n" + body, "text",
                          url=None, outlet=None)
    assert named.outlet == "www.wire.example"
    assert parse_article(body, "text", url=None, outlet="Desk Feed").outlet == "Desk Feed"
    with pytest.raises(ArticleError, match="no outlet: the article names no publisher"):
        parse_article(b"Title: Toll rises\n\n" + body, "text", url=None, outlet=None)


def test_text_file_with_header():
    article = parse_text(
        b"Title: Truce ends\nOutlet: Test Desk\nPublished: 2023-12-01\n"
        b"URL: https://desk.example/truce\n\nThe truce ended after seven days, during which "
        b"105 hostages were freed and 240 Palestinian prisoners were released."
    )
    assert (article.title, article.outlet, article.published) == (
        "Truce ends", "Test Desk", date(2023, 12, 1))
    assert article.text.startswith("The truce ended")


BODY = (b"The health ministry in Gaza said on Monday that 10,022 people had been killed since "
        b"the war began.\n")


@pytest.mark.parametrize(("header", "message"), [
    (b"Title: Toll\nSource: Wire\nPublished: 2023-11-06\n",
     "text header line 2 'Source: Wire': unknown key 'Source' (a header has Title, Outlet, "
     "Published, URL, Author, one a line, and a blank line ends it)"),
    (b"Titel: Toll\nPublished: 2023-11-06\n",
     "text header line 1 'Titel: Toll': unknown key 'Titel'"),
    (b"Title: Toll\nAuthor:\nPublished: 2023-11-06\n",
     "text header line 2 'Author:': Author has no value (fill it in or leave the line out)"),
    (b"Title: Toll\nAuthor:   \r\nPublished: 2023-11-06\n",
     "text header line 2 'Author:   ': Author has no value"),
    (b"Title: Toll\nBy Amal Writer\nPublished: 2023-11-06\n",
     "text header line 2 'By Amal Writer': no `Key: value` line"),
])
def test_a_malformed_header_line_is_an_error_naming_it(header, message):
    """An unknown key or an empty value ended the header without a word: the lines below it,
    the date among them, became body text. The file is quarantined with the line named, as
    a bad date is, rather than loaded without its date."""
    with pytest.raises(ArticleError) as error:
        parse_text(header + b"\n" + BODY * 2)
    assert str(error.value).startswith(message), str(error.value)


def test_a_header_ends_at_its_blank_line_and_a_file_may_have_none():
    article = parse_text(b"\n\nTitle: Toll\nURL: https://wire.example/a?b=c:d\n\nGaza: "
                         + BODY * 2)
    assert (article.title, article.url) == ("Toll", "https://wire.example/a?b=c:d")
    assert article.text.startswith("Gaza: The health ministry")
    for plain in (b"Gaza: " + BODY * 2, b"Gaza: a toll\nrises: " + BODY + b"\nTitle: x\n"):
        article = parse_text(plain)
        assert article.title is None and article.text.startswith("Gaza: ")


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b"Title: x\n\n\xff\xfe bad bytes " * 20, "not UTF-8"),
        (b"Title: x\nPublished: yesterday\n\n" + b"body " * 40, "not a YYYY-MM-DD"),
        (b"Title: only a header\n\nshort", "too short"),
    ],
)
def test_bad_text_files_get_a_clear_error(payload, message):
    with pytest.raises(ArticleError, match=message):
        parse_text(payload)


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary" * 50, "binary"),
        (b"<html><body><div></div></body></html>", "body"),
    ],
)
def test_bad_html_gets_a_clear_error(payload, message):
    with pytest.raises(ArticleError, match=message):
        parse_html(payload)


def test_a_page_nested_thousands_deep_is_refused():
    # main-content extraction slows with the square of the depth: 100,000 levels took minutes
    with pytest.raises(ArticleError, match="nested 100002 elements deep"):
        parse_html(b"<html><body>" + b"<div>" * 100_000 + b"x" * 100)


def test_scripts_styles_and_comments_are_not_counted_as_nesting():
    """A minified script's "i<e.length" read as tags that never close: an ordinary large page
    was refused as "nested 1,205 elements deep"."""
    script = b"".join(b"function f%d(e){for(var i=0;i<e.length;i++){}}" % k for k in range(1200))
    rows = b"".join(b"<div><span>cell</span></div>" for _ in range(1_500))
    page = PAGE.replace(b"<footer>", b"<script>" + script + b"</script><style>a<b{}</style>"
                        b"<!-- <x <y <z -->" + b"<aside>" + rows + b"</aside><footer>")
    assert page.count(b"<") > 4_000
    assert "10,022" in parse_html(page).text
    unclosed = b"<html><body>" + b"<div>" * 1_500 + b"<script>" + b"<a" * 5_000
    with pytest.raises(ArticleError, match="nested 1502 elements deep"):  # html, body, divs
        parse_html(unclosed)


def test_a_large_utf8_page_is_read_as_utf8_whatever_its_ends_hold():
    """Encoding detection samples 64 KB at each end: with ASCII scripts there, a large UTF-8
    page was read as windows-1252 ("ministry\u00e2\u20ac\u2122s")."""
    script = b"<script>" + b"window.dataLayer.push({event: 'view'});\n" * 2_000 + b"</script>"
    body = ("<p>The ministry\u2019s spokesman said 20 people were killed in Khan Younis on "
            "Monday \u2014 a toll that could not be independently verified.</p>").encode()
    page = (b'<html><head><meta charset="utf-8"><title>Strike</title>' + script
            + b"</head><body><article>" + body + b"</article>" + script + b"</body></html>")
    assert len(page) > 131_072
    assert "ministry\u2019s spokesman said 20" in parse_html(page).text


CP1252_TEXT = ("Title: Caf\u00e9 strike\nPublished: 2023-11-06\n\nGaza: 1,200 killed \u2013 says "
               "ministry, \u201cmost of them children\u201d, in strikes on Khan Y\u00fbnis since "
               "the weekend.\n").encode("cp1252")


@pytest.mark.parametrize("charset", ["windows-1252", "iso-8859-1", "ISO-8859-1", "latin1"])
def test_a_text_file_is_read_in_the_charset_its_server_declared(charset):
    """The charset of `text/plain; charset=windows-1252` was dropped: the file was refused as
    not UTF-8. `iso-8859-1` is read as windows-1252, as browsers do: servers send its dashes
    and quotes under that label."""
    article = parse_article(CP1252_TEXT, "text", url=None, outlet="Desk", charset=charset)
    assert article.title == "Caf\u00e9 strike" and article.published == date(2023, 11, 6)
    assert article.text.startswith("Gaza: 1,200 killed \u2013 says ministry, \u201cmost of")
    assert "Khan Y\u00fbnis" in article.text


@pytest.mark.parametrize(("charset", "message"), [
    (None, r"^text file is not UTF-8 \(byte 0xe9 at offset 10\)$"),
    ("utf-8", r"^text file is not UTF-8 \(byte 0xe9 at offset 10\)$"),  # a lying label
    ("koi8-r-ish", r"^text file is not UTF-8 \(byte 0xe9 at offset 10\), nor koi8-r-ish as its "
                   r"server declared \(a charset browsers do not know\)$"),
])
def test_a_text_file_neither_utf8_nor_in_its_declared_charset_is_refused(charset, message):
    with pytest.raises(ArticleError, match=message):
        parse_text(CP1252_TEXT, charset=charset)


def test_utf8_wins_over_a_declared_charset_its_bytes_are_not_in():
    """Servers declare a default charset (iso-8859-1 for text/plain) their UTF-8 files are
    not in; read by the label, "\u2013" would be "\u00e2\u20ac\u201c"."""
    utf8 = CP1252_TEXT.decode("cp1252").encode("utf-8")
    assert "killed \u2013 says" in parse_text(utf8, charset="iso-8859-1").text
    page = (b"<html><head><title>t</title></head><body><article><p>"
            + CP1252_TEXT.split(b"\n\n")[1] + b"</p></article></body></html>")
    assert "killed \u2013 says" in parse_html(page.decode("cp1252").encode(),
                                           charset="iso-8859-1").text


def test_a_page_is_read_in_the_charset_its_server_declared():
    """Pages that are not UTF-8 were left to detection, which read this windows-1252 page as
    windows-1250: "Khan Y\u0171nis". One rule for pages and text files: UTF-8, else the
    charset declared; a page in neither still goes to detection."""
    page = ("<html><head><title>Strikes on Khan Y\u00fbnis</title></head><body><article><p>The "
            "health ministry in Gaza said on Monday that 1,200 people were killed \u2013 a "
            "\u201cmassacre\u201d, it said \u2013 in strikes on Khan Y\u00fbnis since the "
            "weekend.</p></article></body></html>").encode("cp1252")
    article = parse_article(page, "html", url=None, outlet="Desk", charset="windows-1252")
    assert article.title == "Strikes on Khan Y\u00fbnis"
    assert "killed \u2013 a \u201cmassacre\u201d, it said \u2013 in strikes on Khan Y\u00fbnis" in (
        article.text)


def test_a_page_is_read_in_the_charset_its_meta_tag_declares():
    """A file dropped in the inbox has no server to declare its charset; its own
    `<meta charset>` does, and detection read this windows-1252 page as windows-1250."""
    page = ('<html><head><meta charset="windows-1252"><title>Strikes on Khan Y\u00fbnis</title>'
            "</head><body><article><p>The health ministry in Gaza said on Monday that 1,200 "
            "people were killed \u2013 a \u201cmassacre\u201d, it said \u2013 in strikes on Khan "
            "Y\u00fbnis since the weekend.</p></article></body></html>").encode("cp1252")
    article = parse_article(page, "html", url=None, outlet="Desk")
    assert article.title == "Strikes on Khan Y\u00fbnis"
    assert "in strikes on Khan Y\u00fbnis" in article.text


def test_many_tags_that_do_not_nest_are_parsed():
    rows = b"".join(b"<div><span>cell</span><br></div>" for _ in range(3_000))
    page = PAGE.replace(b"<footer>", b"<aside>" + rows + b"</aside><footer>")
    assert page.count(b"<") > 4_000
    assert "10,022" in parse_html(page).text


_JSON_LD_PAGE = b"""<html><head><title>Hostages freed - Harbour Post</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Four hostages freed in Nuseirat raid", "datePublished": "2024-06-08T14:00:00+03:00",
"author": {"@type": "Person", "name": "Dana Levi"},
"publisher": {"@type": "Organization", "name": "Harbour Post"}}</script></head>
<body><article><p>The army said four hostages had been rescued alive on Saturday.</p></article>
</body></html>"""
_BARE_PAGE = b"""<html><head><title>Ceasefire talks resume | gazawire.example</title>
<meta name="twitter:site" content="@gazawire"><meta name="author" content="desk"></head>
<body><p>By Omar Haddad</p><p>Published 12 March 2024</p>
<p>Negotiators met again in Cairo on Tuesday, officials said.</p></body></html>"""

_NO_SITE_PAGE = b"""<html><head><title>Aid convoy reaches the north</title>
<meta property="article:published_time" content="2024-03-05"></head>
<body><p>Fourteen trucks crossed at Erez on Monday, the UN said.</p></body></html>"""


@pytest.mark.parametrize("page", [PAGE, _JSON_LD_PAGE, _BARE_PAGE, _NO_SITE_PAGE],
                         ids=["meta", "json-ld", "bare", "site-from-url"])
@pytest.mark.parametrize("url", [None, "https://www.linked.example/news/1"])
def test_page_metadata_matches_trafilaturas_full_extraction(page, url):
    """The lean metadata call skips categories, tags and licence, and nothing else: every field
    Tally keeps is the one `trafilatura.extract_metadata` gives, wherever the page keeps it;
    but the date, which comes from the page's metadata or its article's markup alone: the bare
    page's "Published 12 March 2024" is a line of its text, which trafilatura reads."""
    from trafilatura import extract_metadata, load_html

    from pipelines.lib.articles import _metadata

    full, lean = extract_metadata(load_html(page), default_url=url), _metadata(load_html(page), url)
    fields = ("title", "author", "url", "sitename")
    assert [getattr(lean, f) for f in fields] == [getattr(full, f) for f in fields]
    assert lean.date == (None if page is _BARE_PAGE else full.date)
    assert lean.title and full.date  # the pages do carry them: the comparison is not of Nones


_HEAD_FIRST = b"""<html><head><title>Strike on a school | Harbour Post</title>
<meta property="og:title" content="Strike on a school">
%s<meta property="article:published_time" content="2024-03-05T08:00:00Z">
</head><body><article><h1>Strike on a school in Nuseirat</h1>%s
<p>The ministry said 20 people were killed on Monday when the school was hit, and that search
teams were still working through the rubble in the evening.</p></article></body></html>"""
_AUTHOR = b'<meta name="author" content="Dana Levi">\n'


@pytest.mark.parametrize(("author", "body"), [
    (_AUTHOR, b""),
    (_AUTHOR, b'<link rel="canonical" href="https://harbour.example/2024/02/01/school">'),
    (_AUTHOR, b'<script type="application/ld+json">{"@type": "NewsArticle", "author": '
              b'{"@type": "Person", "name": "Omar Haddad"}, "datePublished": "2024-02-01"}'
              b'</script>'),
    (_AUTHOR, b'<meta itemprop="datePublished" content="2024-02-01">'),
    (b"", b'<p class="byline">By Omar Haddad</p>'),
], ids=["head-says-all", "canonical-in-body", "json-ld-in-body", "meta-in-body", "no-author"])
def test_metadata_read_from_the_head_alone_only_when_the_body_cannot_change_it(author, body):
    """Pages whose head names title, author and date are read from the head alone (a fifth
    less time to read a generated page); anything in the body that trafilatura or htmldate would also read
    sends the page through the whole-page reading, so the fields never differ between the two.
    (A canonical link in the body dates this page 1 February by its URL, not 5 March.)"""
    from trafilatura import load_html

    from pipelines.lib.articles import _head_metadata, _metadata

    page = _HEAD_FIRST % (author, body)
    whole = _metadata(load_html(page.decode()), None)
    article = parse_html(page)
    assert (article.title, article.author, str(article.published)) == \
        (whole.title, whole.author, whole.date)
    assert (_head_metadata(page.decode(), None) is not None) == bool(author and not body)


UTF16_PAGE = ('<html><head><meta charset="{label}"><title>Flour at the crossing</title></head>'
              "<body><article><p>Port officials said on Thursday that 418 lorries \u2013 most of "
              "them carrying flour \u2013 had waited at the crossing since the weekend.</p>"
              "</article></body></html>")


@pytest.mark.parametrize(("label", "codec"), [
    ("utf-16le", "utf-16-le"), ("utf-16be", "utf-16-be"), ("utf-16", "utf-16-le"),
    ("utf-16le", "utf-16"),  # with a byte order mark, which wins
])
def test_a_utf16_page_is_read_by_its_own_meta_charset(label, codec):
    """A UTF-16 page in the inbox declares itself in its `<meta charset>`, which is looked for
    in ASCII bytes; its bytes were refused as binary (NULs between the letters)."""
    article = parse_article(UTF16_PAGE.format(label=label).encode(codec), "html", url=None,
                            outlet="Desk")
    assert article.title == "Flour at the crossing"
    assert "418 lorries \u2013 most of them carrying flour \u2013 had waited" in article.text


@pytest.mark.parametrize(("charset", "message"), [
    (None, r"^page holds NUL bytes \(first at offset 1\): binary data, or UTF-16 with no byte "
           r"order mark and no charset declared\?$"),
    ("windows-1252", r"^page holds NUL bytes \(first at offset 1\) and is not text in "
                     r"windows-1252 as its server declared: binary data\?$"),
])
def test_a_utf16_page_nothing_declares_is_refused_not_read_with_nuls(charset, message):
    page = UTF16_PAGE.replace('<meta charset="{label}">', "").encode("utf-16-le")
    with pytest.raises(ArticleError, match=message):
        parse_html(page, charset=charset)


def test_a_stray_nul_deep_in_a_page_does_not_refuse_it():
    """Only a NUL near the start (where UTF-16 has one at every other byte) says the bytes are
    not text in that reading; a page with one NUL deep in it was parsed before UTF-16 was read
    and still is. A text file holds none anywhere."""
    padding = "<p>Aid convoys waited at the crossing for a permit. </p>" * 90  # past 4 KB
    page = (f"<html><head><title>Convoys</title></head><body><article>{padding}"
            "<p>Officials said 418 lorries\x00 were turned back.</p></article></body></html>")
    assert "418 lorries" in parse_html(page.encode()).text
    # not UTF-8 and declaring nothing: its encoding is detected, the NUL no reason to refuse it
    page = page.replace("a permit", "a permit from Kerem Shalom\u2019s office")
    assert "418 lorries" in parse_html(page.encode("cp1252")).text
    with pytest.raises(ArticleError, match=r"^text file holds NUL bytes \(first at offset "):
        parse_text(f"Title: Convoys\n\n{padding}418 lorries\x00 turned back.".encode())


def test_utf16_text_with_a_byte_order_mark_is_read_without_it():
    """The mark (U+FEFF) was kept as the header's first character, an unknown key."""
    text = "Title: Flour\n\n" + "Port officials counted 418 lorries at the crossing. " * 3
    for charset in (None, "utf-16le", "windows-1252"):
        article = parse_text(text.encode("utf-16"), charset=charset)
        assert article.title == "Flour" and article.text.startswith("Port officials counted")
