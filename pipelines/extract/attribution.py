"""Who asserts a figure: attribution phrases in a sentence, and claimants carried over.

Rules (tests/gold/GUIDELINES.md): "according to X", "X said/says/told/claimed/estimates",
", X said." after the figure, "said the official", headline "...: X" or "... — X", a quote
followed by its speaker; pronouns and role nouns ("he", "the official") take the last named
claimant (attribution not explicit); otherwise the outlet states the figure itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

VERBS = (
    r"said|says|say|told|tells|claimed|claims|claim|reported|reports|estimated|estimates|"
    r"estimate|announced|announces|stated|states|added|adds|noted|notes|confirmed|confirms|"
    r"believes|believe|believed|warned|warns|insisted|insists|acknowledged|acknowledges|"
    r"admitted|admits|put the (?:toll|number|figure|count) at|puts the (?:toll|number|figure) at|"
    r"tallied|counted|recorded|documented|updated|revised"
)
_VERB = re.compile(rf"\b(?:has |have |had |also |later |previously |earlier )?(?:{VERBS})\b",
                   re.IGNORECASE)
_ACCORDING = re.compile(r"\baccording to\s+(?P<c>[^,.;:()“”\"]+)", re.IGNORECASE)
_INVERTED = re.compile(
    rf"\b(?:{VERBS})\s+(?P<c>(?:(?:the|an?|its)\s+|(?-i:[A-Z]))[^,.;:“”\"]{{2,80}}?)\s*[.!?”\"]*$",
    re.IGNORECASE,
)
_HEADLINE = re.compile(r"(?::|\s[—–])\s*(?P<c>[A-Z][\w'’ .-]{2,60})$")
_BOUNDARY = re.compile(r"[,;:“”\"()]|\s[—–]\s|\b(?:that|and|but|while|as|when|after|which)\s",
                       re.IGNORECASE)
_LEADING = re.compile(r"^(?:but|and|while|however|meanwhile|also|so|then|on \w+ \w*)\s+",
                      re.IGNORECASE)
_TRAILING = re.compile(r"\s+(?:on|in|late|early|last|this)\s+\w+$|\s+(?:also|later|earlier|"
                       r"previously|itself)$", re.IGNORECASE)
_DATA_NOUNS = re.compile(r"^(?:(?:the\s+)?(?:latest\s+)?(?:figures?|data|statistics|numbers|"
                         r"tally|count|toll|report|statement|update)\s+(?:from|by|of|issued by|"
                         r"released by)\s+)", re.IGNORECASE)
GENERIC = re.compile(
    r"^(?:he|she|it|they|we|i|the (?:official|officials|spokes(?:man|woman|person)|source|"
    r"sources|ministry|agency|office|group|statement|minister|spokespeople|report|organi[sz]ation"
    r"|body|department)|officials|a spokes(?:man|woman|person)|the (?:israeli |senior )?official)$",
    re.IGNORECASE,
)
CLAUSE_SPLIT = re.compile(r";|\bbut\b|\bwhile\b|\bwhereas\b|,\s+and\s+(?=[A-Z]|the\s|it\s|they\s)")


@dataclass(frozen=True)
class Attribution:
    claimant: str
    start: int  # position of the attribution cue (verb or "according to")
    explicit: bool
    generic: bool  # a pronoun or role noun that needs a claimant from earlier text


def _clean(phrase: str) -> str:
    phrase = _LEADING.sub("", phrase.strip(" ,.;:'\"“”‘’-—–"))
    phrase = _DATA_NOUNS.sub("", phrase)
    phrase = _TRAILING.sub("", phrase)
    return phrase.strip(" ,.;:'\"“”‘’-—–")


def _looks_like_claimant(phrase: str) -> bool:
    if not phrase or len(phrase.split()) > 12 or re.search(r"\d", phrase):
        return False
    if GENERIC.match(phrase):
        return True
    return bool(re.match(r"(?:[A-Z]|the\s|an?\s|its\s|his\s|her\s)", phrase))


def find(text: str, start: int, end: int) -> list[Attribution]:
    """Attribution cues in the sentence text[start:end], in order."""
    found: list[Attribution] = []
    sentence = text[start:end]
    for m in _ACCORDING.finditer(sentence):
        phrase = _clean(m.group("c"))
        if _looks_like_claimant(phrase):
            found.append(Attribution(phrase, start + m.start(), True, bool(GENERIC.match(phrase))))
    for m in _VERB.finditer(sentence):
        before = sentence[: m.start()]
        cut = 0
        for b in _BOUNDARY.finditer(before):
            cut = b.end()
        phrase = _clean(before[cut:])
        if _looks_like_claimant(phrase):
            found.append(Attribution(phrase, start + m.start(), True, bool(GENERIC.match(phrase))))
    inverted = _INVERTED.search(sentence)
    if inverted:
        phrase = _clean(inverted.group("c"))
        if _looks_like_claimant(phrase):
            found.append(Attribution(phrase, start + inverted.start(), True,
                                     bool(GENERIC.match(phrase))))
    headline = _HEADLINE.search(sentence)
    if headline and len(headline.group("c").split()) <= 6:
        found.append(Attribution(_clean(headline.group("c")), start + headline.start(), True,
                                 False))
    return sorted(found, key=lambda a: a.start)


def choose(attributions: list[Attribution], text: str, pos: int) -> Attribution | None:
    """The attribution that governs a figure at `pos`: the nearest cue before it in the same
    clause, else the nearest after it, else the nearest."""
    if not attributions:
        return None

    def same_clause(a: int, b: int) -> bool:
        return not CLAUSE_SPLIT.search(text, min(a, b), max(a, b))

    before = [a for a in attributions if a.start <= pos and same_clause(a.start, pos)]
    if before:
        return before[-1]
    after = [a for a in attributions if a.start > pos and same_clause(pos, a.start)]
    if after:
        return after[0]
    return min(attributions, key=lambda a: abs(a.start - pos))


def opens_quote(sentence: str) -> bool:
    """A sentence that opens a quotation (its speaker may be named in a later sentence)."""
    opened = sentence.count("“") + (sentence.count('"') % 2)
    return opened > sentence.count("”") or sentence.lstrip().startswith(("“", '"'))
