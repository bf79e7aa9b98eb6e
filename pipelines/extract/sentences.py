"""Sentence and paragraph boundaries, as character offsets into the original text."""

from __future__ import annotations

import re
from typing import NamedTuple

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before white space and
# an upper-case letter, digit or opening quote -- unless the dot ends a known abbreviation.
_END = re.compile(r"""[.!?]["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")
# The same for a text without "!" and "?" (most): a pattern that opens with one plain character
# lets `re` find its candidates in C with a fast character search, not a class test per character.
_END_DOT = re.compile(_END.pattern.replace("[.!?]", r"\.", 1))
# titles before a name, whose dot ends neither a sentence nor a speaker's name
TITLES = "Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Brig|Cpl|Pvt"
_ABBREVIATIONS = (TITLES + "|Rep|Sen|Gov|St|No|Nos|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|"
                  "Dec|vs|approx|est|Inc|Ltd|Co|U.S|U.N|U.K|a.m|p.m").split("|")
# The dot of a known abbreviation or an initial ("Gen.", "U.S.", "J."), matched at the dot: it
# looks back from there (one look-behind per length), where a search for `\b(?:Mr|...)\.$` in
# the characters before the dot tried every one of them in turn.
_ABBREV = re.compile(r"\.(?:(?<=\b[A-Z]\.)" + "".join(
    "|(?<=\\b(?:" + "|".join(re.escape(a) for a in _ABBREVIATIONS if len(a) == n) + ")\\.)"
    for n in sorted({len(a) for a in _ABBREVIATIONS})) + ")")
ABBREVIATION_DOT = _ABBREV.pattern  # for patterns elsewhere that must not stop at such a dot
_PARAGRAPH = re.compile(r"\n(?:\s*\n)?")  # "\n\s*\n|\n", opening with a plain character


BULLET = re.compile(r"[ \t]*[-•*][ \t]+")
# How far up a bulleted list its lead is looked for: a bound, so that a text of a million
# bullets is not read back to its top from each of them (real lists run a few dozen lines)
MAX_LIST_LINES = 100


def list_lead(text: str, line_start: int) -> int | None:
    """The start of the line that leads the bulleted list whose line starts at `line_start`
    ("The office added the following:", "October 7, 2023, community by community"), or None
    when that line is no bullet or nothing but bullets stands above it."""
    if not BULLET.match(text, line_start):
        return None
    lead, steps = line_start, 0
    while lead and steps < MAX_LIST_LINES and BULLET.match(
            text, lead := text.rfind("\n", 0, lead - 1) + 1):
        steps += 1
    return None if lead == line_start or BULLET.match(text, lead) else lead


_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def lower(text: str) -> str:
    """`text` lower-cased with every offset unchanged, so patterns compiled without IGNORECASE
    (several times faster on long alternations) can scan it and report positions in `text`.

    A pattern of lower-case ASCII letters matches this text wherever it matches the original
    with IGNORECASE, character for character: "İ" (whose lower case is two characters), "ı"
    and "ſ" (which IGNORECASE reads as "i" and "s") become plain "i", "i" and "s"; every
    other character IGNORECASE pairs with an ASCII letter lower-cases to it ("K", the kelvin
    sign, to "k"). `tests/extract/test_lower.py` checks this over all of Unicode."""
    if not text.isascii() and ("\u0130" in text or "\u0131" in text or "\u017f" in text):
        text = text.translate(_FOLD)
    return text.lower()


# the parts of a pattern whose letters stand for no letter: escapes (\s, \.), group names
_NOT_LETTERS = re.compile(r"\\[^xuUN]|\(\?P<\w+>|\(\?P=\w+\)|\(\?\(\w+\)")


def for_lower(pattern: str, flags: int = 0) -> re.Pattern:
    """`pattern`, written for IGNORECASE, compiled to scan text lower-cased by `lower` instead:
    on long alternations several times faster, with the same matches at the same offsets.
    That holds for lower-case ASCII letters only, so a pattern naming any other letter (an
    upper-case one, a Greek one, one spelt as a code), switching case back on or asking for
    ASCII matching is refused."""
    letters = _NOT_LETTERS.sub("", pattern)
    if "(?-i" in letters or "(?a" in letters or flags & re.ASCII or \
            any(c.isalpha() and not "a" <= c <= "z" for c in letters) or "\\" in letters:
        raise ValueError(f"not a pattern for lower-cased text: {pattern!r}")
    return re.compile(pattern, flags & ~re.IGNORECASE)


class Sentence(NamedTuple):
    start: int
    end: int
    paragraph: int


def split(text: str) -> list[Sentence]:
    """Sentences in text order; a line break always ends a sentence (headlines, paragraphs)."""
    sentences: list[Sentence] = []
    para_start = 0
    paragraph = 0
    end_re = _END if "!" in text or "?" in text else _END_DOT
    for para_end in [m.start() for m in _PARAGRAPH.finditer(text)] + [len(text)]:
        start = para_start
        for match in end_re.finditer(text, para_start, para_end):
            if _ABBREV.match(text, match.start()):
                continue
            _add(sentences, text, start, match.end(), paragraph)
            start = match.end()
        _add(sentences, text, start, para_end, paragraph)
        para_start = para_end + 1
        paragraph += 1
    return sentences


# Longer "sentences" (tables, run-on junk, pathological input) are cut into pieces of at most
# this many characters, at a space when there is one, so that the work per sentence is bounded
# and the whole extraction stays linear in the length of the text.
MAX_SENTENCE = 1500


def _add(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        out.append(Sentence(start, cut, paragraph))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append(Sentence(start, end, paragraph))
