"""Number expressions in text: digits, number words, scales, ranges, fractions and qualifiers.

`find_numbers` returns every candidate with its exact span; whether a candidate is a count of
people is decided later (figures.py), so this module knows nothing about war reporting.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from text_to_num import text2num

from pipelines.extract.sentences import Sentence, lower
from pipelines.extract.wordtrie import trie_pattern

UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

_WORD = trie_pattern(UNITS + TENS)
_WORD_NUMBER = (
    rf"{_WORD}(?:[\s-]+(?:and\s+)?(?:{_WORD}|hundred|thousand|million)\b)*"
)
# "\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?" after "(?<![\w.,])", with the first digit taken
# before the look-behind: scans then run the look-behind only at digits, not at every word.
_DIGITS = r"\d(?<![\w.,]\d)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)"
_SCALE = r"(?:\s+(?:million|billion|thousand)\b)?"
_A_SCALE = r"\b(?:half\s+a|a)\s+(?:million|thousand|hundred)\b"  # "more than a million"
NUMBER = rf"(?:{_DIGITS}(?![\d,]*\d)|\b{_WORD_NUMBER}\b|{_A_SCALE}){_SCALE}"

FRACTIONS = {
    "half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 1 / 3, "one third": 1 / 3,
    "one-third": 1 / 3, "two-thirds": 2 / 3, "two thirds": 2 / 3, "a quarter": 0.25,
    "one quarter": 0.25, "one-quarter": 0.25, "three-quarters": 0.75, "three quarters": 0.75,
    "a fifth": 0.2, "one fifth": 0.2, "one-fifth": 0.2, "a sixth": 1 / 6, "a tenth": 0.1,
    "one in five": 0.2, "one in four": 0.25, "one in three": 1 / 3, "one in ten": 0.1,
    "two in three": 2 / 3, "three in four": 0.75, "four in five": 0.8,
    # "nearly 9 in 10 of Gaza's 2.1 million people"
    **{f"{word} in ten": n / 10 for n, word in enumerate(
        "two three four five six seven eight nine".split(), start=2)},
    **{f"{n} in 10": n / 10 for n in range(1, 10)},
}
_FRACTION = trie_pattern(list(FRACTIONS))

# qualifier words -> (qualifier, bound): bound says which side the number is a bound of.
QUALIFIERS = {
    "about": "approx", "around": "approx", "some": "approx", "roughly": "approx",
    "approximately": "approx", "an estimated": "approx", "estimated": "approx",
    "almost": "nearly", "nearly": "nearly", "close to": "nearly", "just under": "nearly",
    "more than": "more_than", "over": "more_than", "upwards of": "more_than",
    "in excess of": "more_than", "just over": "more_than",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "as few as": "at_least", "a minimum of": "at_least",
    "fewer than": "less_than", "less than": "less_than", "under": "less_than",
    "up to": "up_to", "as many as": "up_to", "a maximum of": "up_to",
}
_QUAL = trie_pattern(list(QUALIFIERS))

_RANGE = re.compile(
    rf"\b(?=[\w])(?:(?:\bbetween\s+(?P<b1>{NUMBER})\s+and\s+(?P<b2>{NUMBER}))"
    rf"|(?:(?P<r1>{NUMBER})\s*(?:-|–|to|or)\s*(?P<r2>{NUMBER})))",
)
# Each starts with a cheap check for a word or digit start, so most positions fail at once.
# These scanners run on lower-cased text (sentences.lower), so they need no IGNORECASE.
# "more than (400)": Gaza's Government Media Office puts its numbers in brackets
_SINGLE = re.compile(rf"\b(?=[\w])(?:\b(?P<qual>{_QUAL})\s+\(?)?(?P<num>{NUMBER})")
# "about half of ...", and a bare share as a subject: "Of the 90 held, about half are alive"
# what a bare share is the subject of: "about half are alive", "fewer than half have been freed"
_SHARE_VERBS = "are|were|is|was|remain|remained|have|has|had"
_FRACTION_OF = re.compile(
    rf"\b(?=[a-zA-Z\d])(?:(?P<qual>{_QUAL})\s+)?\b(?P<frac>{_FRACTION})\s+"
    rf"(?:of\b|(?=(?:{_SHARE_VERBS})\b))"
)
_MONTH_BEFORE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$", re.IGNORECASE)
_REVISED_FROM = re.compile(r"\b(?:revised|raised|rose|risen|increased|climbed|jumped|grew|"
                           r"updated|corrected|lowered|cut|reduced|dropped|fell|fallen|went up)\b"
                           r"[^.;]{0,25}\bfrom\s+(?:an?\s+|the\s+)?(?:initial|earlier|original|"
                           r"first|previous)?\s*$")
# Cheap pre-checks: most sentences have no range and no fraction at all.
# "\d\s*[-–]|\b(?:to|or)\s+(?:\d|{_WORD}\b)|\bbetween\b" as two scans that each open with a
# character class or plain letters ("\bto" written "to(?<!\w..)", the look-behind tried only
# where both letters are), so that `re` skips in C to where they can start: two and a half
# times faster than the one pattern, same answer.
_MAYBE_DIGIT_RANGE = re.compile(r"\d\s*[-–]")
_MAYBE_WORD_RANGE = re.compile(rf"to(?<!\w..)\s+(?:\d|{_WORD}\b)|or(?<!\w..)\s+(?:\d|{_WORD}\b)|"
                               r"be(?<!\w..)tween\b")


# The end of a number right before a range's "to" or "or" (a number word's own \b included)
_NUMBER_END = re.compile(rf"(?:\d|\b(?:{_WORD}|hundred|thousand|million|billion))\s*$")


def _maybe_range(hay: str) -> bool:
    """Whether a range can be in `hay`: "between", a digit before a dash, or "to"/"or" with a
    number on both sides. Most sentences with a number also hold "to N" ("rose to 10,022")
    with no number before it, and skip the range scan."""
    if ("-" in hay or "–" in hay) and _MAYBE_DIGIT_RANGE.search(hay):  # a dash first: cheaper
        return True
    for m in _MAYBE_WORD_RANGE.finditer(hay):
        if m.group().startswith("b") or _NUMBER_END.search(hay, max(0, m.start() - 30),
                                                           m.start()):
            return True
    return False


_PARTICLE_OVER = re.compile(r"\b(?:hand|turn)(?:s|ed|ing)?\s+$", re.IGNORECASE)
_MAYBE_FRACTION = re.compile(r"(?:half|third|quarter|fifth|sixth|tenth|in (?:five|four|three|ten|"
                             r"10))"
                             rf"s?\s+(?:of|{_SHARE_VERBS})\b")
# A literal piece of every branch of _MAYBE_FRACTION: plain substring tests rule out most
# sentences before that scan, which stops at every "h", "t", "q", "f", "s" and "i".
_FRACTION_WORDS = ("half", "third", "quarter", "fifth", "sixth", "tenth", "in five", "in four",
                   "in three", "in ten", "in 10")


def _holds_any(text: str, words: tuple[str, ...]) -> bool:
    """`any(w in text for w in words)` without the generator (a third cheaper)."""
    for word in words:
        if word in text:
            return True
    return False


_AGE_BEFORE = re.compile(r"\b(?:children|kids|boys|girls|minors|men|women|adults|those|people)\s+$",
                         re.IGNORECASE)
_QUICK_WORDS = UNITS + TENS + ["half", "third", "quarter", "fifth", "tenth", "sixth", "million",
                              "thousand", "hundred"]
_QUICK_WORD = trie_pattern(_QUICK_WORDS)
# Where `\d|\b<number word>\b` matches, in one scan: a digit, or the character before a number
# word (not a word character; the word is group 1), plus a word opening the text. The scan
# opens with a plain character class, so `re` skips over letters in C and only tries after
# digits, spaces and punctuation: a third of the cost of the two scans `\d` and
# `\W(?=<word>\b)`, whose Unicode category tests run a function per character. After a space
# the word is tried first: most characters tried are spaces, and most words fail on their
# first letter, before any look-behind.
_HIT = re.compile(rf"[^a-z](?:(?=({_QUICK_WORD})\b)(?<=\W)|(?<=\d))")
_WORD_FIRST = re.compile(rf"{_QUICK_WORD}\b")


def has_number(lowered: str) -> bool:
    """Whether `lowered` (text lower-cased by sentences.lower) holds a digit or a whole number
    word: most texts without one need no further look."""
    return bool(_HIT.search(lowered) or _WORD_FIRST.match(lowered))


def with_numbers(lowered: str, spans: list[Sentence]) -> Iterator[int]:
    """The indexes of the sentences of `lowered` that hold a digit or a whole number word, in
    order.

    Most sentences hold none and are never visited: each step searches from the end of the
    last sentence found to the next number and looks up the sentence around it. One scan of
    the whole text for every digit run made a match object per number and cost two fifths
    of the floor's own scan; a test per sentence cost a Python step for every sentence."""
    starts = [s.start for s in spans]
    pos, end = 0, len(lowered)
    hit = 0 if _WORD_FIRST.match(lowered) else -1  # the next hit at or after `pos`, found lazily
    while pos < end:
        if hit < pos:
            # from one character back, for the gap before a word at `pos`
            m = _HIT.search(lowered, max(pos - 1, 0))
            if m and m.lastindex is None and m.start() < pos:  # a digit just before `pos`
                m = _HIT.search(lowered, pos)
            hit = end if m is None else m.start(1) if m.lastindex else m.start()
        if hit >= end:
            return
        i = bisect_right(starts, hit) - 1
        if i >= 0 and hit < spans[i].end:
            yield i
            pos = spans[i].end
        else:  # between sentences (white space only): go on from the next one
            pos = starts[i + 1] if i + 1 < len(starts) else end


class NumberMention(NamedTuple):
    """A number expression and its span. A named tuple, not a frozen dataclass: a sentence's
    scan makes many, and a tuple is built three times faster (just as immutable)."""

    start: int  # span of the whole expression (qualifier included)
    end: int
    num_start: int  # span of the number itself (for context look-ups)
    num_end: int
    value: float
    value_low: float | None
    value_high: float | None
    qualifier: str
    is_word: bool  # written as words ("two hundred")
    fraction: float | None = None  # for "a fifth of", the share
    estimated: bool = False  # "an estimated 1.9 million": status estimate


@lru_cache(maxsize=4096)
def parse_number(text: str) -> float | None:
    """'1,200' -> 1200, '1.7 million' -> 1700000, 'Two hundred and twenty-seven' -> 227.
    Cached: the same few thousand number strings make up most of a day's news."""
    words = text.lower().replace("-", " ").split()
    if len(words) in (2, 3) and words[-2] == "a" and words[-1] in SCALES:
        return SCALES[words[-1]] * (0.5 if words[0] == "half" else 1)
    scale = 1
    if words and words[-1] in ("million", "billion", "thousand") and len(words) > 1 and (
        words[0][0].isdigit()
    ):
        scale = SCALES[words[-1]]
        words = words[:-1]
    body = " ".join(words)
    if body and body[0].isdigit():
        try:
            return float(body.replace(",", "")) * scale
        except ValueError:
            return None
    try:
        return float(text2num(body, "en")) * scale
    except ValueError:
        return None


def _bounds(qualifier: str, value: float) -> tuple[float | None, float | None]:
    if qualifier == "exact":
        return value, value
    if qualifier in ("more_than", "at_least"):
        return value, None
    if qualifier in ("less_than", "up_to", "nearly"):
        return None, value
    return None, None


def find_numbers(text: str, start: int, end: int) -> list[NumberMention]:
    """Number expressions inside text[start:end], in order, without overlaps."""
    found: list[NumberMention] = []

    used = bytearray(end - start)  # characters already part of a found expression

    def free(a: int, b: int) -> bool:
        return not any(used[a - start : b - start])

    def take(a: int, b: int) -> None:
        used[a - start : b - start] = b"\x01" * (b - a)

    hay, shift = lower(text[start:end]), start  # same offsets, shifted by `start`

    for m in (_RANGE.finditer(hay) if _maybe_range(hay) else ()):
        g1, g2 = ("b1", "b2") if m.group("b1") else ("r1", "r2")
        low, high = parse_number(m.group(g1)), parse_number(m.group(g2))
        if low is None or high is None or not low < high or high > 10 * low:
            continue  # "October 7 to 25,295", "from 2 to 400": not one range of a count
        if m.group("r1") and m.group(g1)[0].isdigit() != m.group(g2)[0].isdigit() and \
                not hay[m.end(g1):m.start(g2)].strip().isalpha():
            continue  # "UPDATE 2-Eleven more hostages": a digit and a word make no range
        if _MONTH_BEFORE.search(text, max(start, m.start() + shift - 10), m.start() + shift):
            continue  # "7 to 10 October", "October 7 or 8": days of a month
        if _REVISED_FROM.search(hay, max(0, m.start() - 70), m.start()):
            continue  # "revised from an initial 199 to 253": two counts, the old and the new
        # "7 to 10" days etc. are filtered later; a range is only taken when it is ascending.
        found.append(NumberMention(m.start() + shift, m.end() + shift, m.start(g1) + shift,
                                   m.end(g2) + shift, low, low, high, "range",
                                   not m.group(g1)[0].isdigit()))
        take(m.start() + shift, m.end() + shift)
    maybe_fraction = _holds_any(hay, _FRACTION_WORDS) and _MAYBE_FRACTION.search(hay)
    for m in (_FRACTION_OF.finditer(hay) if maybe_fraction else ()):
        if not free(m.start() + shift, m.end() + shift):
            continue
        share = FRACTIONS[m.group("frac").lower()]
        qualifier = QUALIFIERS[m.group("qual").lower()] if m.group("qual") else "exact"
        f_start, f_end = m.start("frac") + shift, m.end("frac") + shift
        found.append(NumberMention(m.start() + shift, f_end, f_start, f_end, share, None, None,
                                   qualifier, True, fraction=share))
        take(m.start() + shift, f_end)
    # Single numbers only need the overlap test against ranges and fractions: `finditer` never
    # overlaps its own matches (most sentences have neither, and skip the byte scans).
    crowded = bool(found)
    for m in _SINGLE.finditer(hay):
        n_start, n_end = m.start("num") + shift, m.end("num") + shift
        if crowded and not free(n_start, n_end):
            continue
        qual, number = m.group("qual", "num")  # lower-cased already (hay)
        qual = qual or ""
        value = parse_number(number)
        if value is None:
            continue
        q_start, q_end = m.start() + shift, m.end() + shift
        if text.startswith(")", n_end) and text.startswith("(", n_start - 1):
            # "(210) martyrs": the brackets go with the number, as its surface's
            q_start, q_end = min(q_start, n_start - 1), n_end + 1
        if qual in ("under", "over", "just under", "just over") and _AGE_BEFORE.search(
                text, max(start, q_start - 14), q_start):
            continue  # "children under 5", "men over 60": ages
        if qual == "over" and _PARTICLE_OVER.search(text, max(start, q_start - 10), q_start):
            qual, q_start = "", n_start  # "handed over 33 hostages": a verb, not "more than"
        qualifier = QUALIFIERS[" ".join(qual.split())] if qual else "exact"
        low, high = _bounds(qualifier, value)
        found.append(NumberMention(q_start, q_end, n_start, n_end, value,
                                   low, high, qualifier, not number[0].isdigit(),
                                   estimated="estimated" in qual))
        if crowded:
            take(m.start() + shift, q_end)
    # singles alone come in text order already
    return sorted(found, key=lambda n: n.start) if crowded else found


def bounds_for(qualifier: str, value: float) -> tuple[float | None, float | None]:
    return _bounds(qualifier, value)
