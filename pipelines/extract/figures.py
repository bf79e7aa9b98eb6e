"""Figures in an article: every count of people with its claimant, qualifier, status and date.

Each sentence that holds a number (a cheap pre-scan skips the rest) is read once: numbers are
found, those that count no people are dropped, the rest get a metric from the people counted and
the nearest event word, and a claimant from the sentence's attribution (or an earlier claimant
for "he said", or the outlet). Spans always index the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from pipelines.extract import attribution, dates, metrics, sentences
from pipelines.extract.claimants import bare_name, by_id, is_known, resolve_claimant
from pipelines.extract.numbers import (
    NumberMention,
    bounds_for,
    find_numbers,
    has_number,
    with_numbers,
)
from pipelines.extract.sentences import for_lower
from pipelines.extract.wordtrie import any_of

_HEDGE = re.compile(
    r"\b(?:believed|believes|believe|thought to be|reportedly|is said to|are said to|were said to|"
    r"unverified|allegedly|(?:could|can)(?:not|n't| not) be (?:independently )?verified|"
    r"presumed|feared(?=\s+(?:dead|killed|to|lost|trapped|missing|buried|among)\b)|thought to)\b",
    re.IGNORECASE,
)
_HEDGE_HINTS = ("believ", "thought", "reported", "said to", "verif", "alleged", "presum",
                "feared")
_HEDGE_HINT = any_of(_HEDGE_HINTS)
_VERIFY_NEXT = re.compile(r"(?:could|can)(?:not|n't| not) (?:be (?:independently )?verified|"
                          r"(?:independently )?verify)|"
                          # "Neither figure could be independently verified"
                          r"\b(?:neither|none\s+of\s+the)\s+(?:[\w-]+\s+){0,2}?(?:could|can)"
                          r"\s+be\s+(?:independently\s+)?verified|"
                          # "unverified videos" say nothing of a toll; "unverified figures" do
                          r"\bunverified\s+(?:figures?|tolls?|numbers?|counts?|data|claims?)\b|"
                          # "The claim is unverified, and the IDF has rejected it."
                          r"\b(?:claims?|figures?|tolls?|numbers?|counts?)\s+(?:is|are|was|were|"
                          r"remains?|remained)\s+(?:still\s+)?unverified\b",
                          re.IGNORECASE)
_PROPOSED = re.compile(
    r"\b(?:would|proposal|proposed|proposes|propose|offers?(?!\s+(?:no|little)\b)|offered(?=\s+to\b)|"
    r"provides? for|provided for|stipulates?|envisages?|"
    r"demand(?:s|ed|ing)?|"
    # (words of the deal's own name between: "under the rubble since the ceasefire" is no term)
    r"under the (?:(?!(?:the|since|after|before|during|until|in|of|on|at|from|by|for|with)\b)"
    r"[\w-]+\s+){0,3}?(?:deal|agreement|plan|proposal|terms|framework|ceasefire|"
    r"truce|accord|phase|stage)|terms of|draft|(?<!outside the )framework|(?:is|are) to(?! be)|"
    r"requires?|"
    r"(?:deal|agreement|plan|proposal|accord|truce|ceasefire|framework) under which|"
    r"(?:deal|agreement|plan|proposal|accord) to (?:free|release|return|swap|exchange)|"
    r"(?:willing|ready|prepared) to|"
    # (not "people who had gone to seek aid")
    r"calls? for|calling for|"
    r"(?:seeks?|sought)(?!\s+(?:[a-z]+\s+)?(?:aid|food|shelter|refuge|treatment)))\b",
    re.IGNORECASE,
)
_PLANNED = re.compile(
    r"\b(?:will be|will|are to be|is to be|set to|scheduled to|expected to|slated to|"
    r"due to(?=\s+(?:be|take|begin|start|arrive|leave|return)))\b",
    re.IGNORECASE,
)
# "an estimated 250" marks only its own number (NumberMention.estimated)
_ESTIMATE = re.compile(r"(?<![Aa]n )\bestimat(?:e|es|ed)\b", re.IGNORECASE)
# "in|inside|across|throughout|from|at" with each word's first letter first ("\bin" written
# "in(?<!\w..)": the look-behind only runs where two letters matched), so that `re` skips in C
# to the places where one of them can start.
_LOCATION = re.compile(
    r"(?:in(?<!\w..)(?:side)?|a(?:c(?<!\w..)ross|t(?<!\w..))|th(?<!\w..)roughout|fr(?<!\w..)om)\s+(?P<loc>(?:the\s+)?(?:(?:northern|southern|"
    r"central|eastern|western|occupied)\s+)?(?:[A-Z][\w'’-]+)(?:\s+(?:Strip|Bank|Israel|"
    r"area|city|camp|Younis|Lahiya|Hanoun|al-Balah|[A-Z][\w'’-]+)){0,2})"
)
# "a city of 280,000 people", "a Druze town of 11,000", "a small border town of 1,700", "the
# population north of Wadi Gaza, some 1.1 million people"
_PLACE_OF = re.compile(r"(?:\b(?:a|the|our|its|their)\s+(?:city|town|territory|enclave|strip|"
                       r"area|camp|region|governorate|home|kibbutz|village|community|country)\s+"
                       r"(?:of|to|has|had|(?:that|which)\s+had)\s+|"
                       # (words before the place only for "a ... of": "the Nuseirat refugee
                       # camp had 30 dead" counts the dead)
                       r"\ba\s+(?:[\w'’-]+\s+){1,2}?(?:city|town|village|camp|kibbutz|"
                       r"community)\s+of\s+|"
                       r"\bhome to\s+|"
                       r"\bpopulation\b[^.;,]{0,40},\s*)"
                       r"(?:(?:about|some|around|roughly|nearly|almost|over|more than)\s+)?$",
                       re.IGNORECASE)
_RESIDENTS = re.compile(r"\b(?:people|residents|inhabitants|palestinians|gazans|civilians|"
                        r"israelis)$", re.IGNORECASE)
# "the 2.1 million people of Gaza" with nothing happening to them in the sentence
_PEOPLE_OF_PLACE = re.compile(r"\s+(?:of|in)\s+(?:the\s+)?(?:Gaza(?: Strip| City)?|Rafah|the Strip|"
                              r"the enclave|the territory|Khan Younis|northern Gaza|Israel)\b"
                              r"(?:\s*[,.;]|\s+(?:who|have|has|are|is|without)\b)"
                              r"(?![^.;]{0,40}\b(?:killed|died|wounded|injured|displaced|missing)\b)")
_OUT_OF = re.compile(r"\bout of (?:a (?:total|population) of\s+)?$", re.IGNORECASE)
# "out of a population of 2.4 million", "whose pre-war population was about 280,000"
_POPULATION_OF = re.compile(r"\bpopulation (?:of|was|is|stood at|numbered)\s+(?:(?:about|some|"
                            r"around|roughly|nearly|almost|over|more than)\s+)?$", re.IGNORECASE)
_WORDED_SHARE_OF = re.compile(r"\b(?:(?:nearly|almost|virtually|practically)\s+all|most|much|"
                              r"the majority|the bulk)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_LIVING_THERE = re.compile(r"\s+(?:(?:living|who\s+live|who\s+lived)\s+)?(?:in|of)\s+(?:the\s+)?"
                           r"(?:Gaza(?:\s+Strip|\s+City)?|Rafah|Strip|enclave|territory|"
                           r"Khan Younis|northern Gaza|Israel|Lebanon)\b", re.IGNORECASE)
# "fewer than 300 still live there": those living in a place now are its population
_STILL_LIVE = re.compile(r"\s+(?:people\s+|residents\s+)?(?:still|now)\s+(?:live|lives|living)\s+"
                         r"(?:there|here)\b")
_POSSESSIVE_PLACE = re.compile(r"\b(?:Gaza|Israel|Rafah|the Strip|the enclave|the territory)"
                               r"(?:'s|’s)\s+$")
# "its 2.3 million residents", "the camp's 13,000 residents": the people who live there
# "Eilat itself has some 52,000 residents" ("home to" is _PLACE_OF's)
_HOME_TO = re.compile(r"(?-i:\b[A-Z][\w-]+)(?:\s+itself)?\s+(?:has|had)\s+(?:(?:some|about|"
                      r"around|roughly|nearly|over|more than|almost)\s+)?$", re.IGNORECASE)
_POSSESSIVE_HOME = re.compile(r"(?:\b(?:its|their)|(?:(?-i:\b[A-Z][\w-]+)|"
                              r"\b(?:camp|city|town|village|territory|enclave|"
                              r"strip|area|district|governorate|region|country|neighbou?rhood))"
                              r"(?:'s|’s))\s+(?:(?:some|about|around|roughly|nearly|over|more "
                              r"than)\s+)?$", re.IGNORECASE)
_NOT_LOCATION = {"Hamas", "October", "November", "December", "January", "February", "March",
                 "April", "May", "June", "July", "August", "September", "The", "A", "An"}


# A part of the figure just before it: "200 prisoners on Saturday, 121 of them ...",
# "2,215 killed, including 724 children".
# (a full stop that ends no sentence does not end it: "since Oct. 7, including 724 children")
_BREAKDOWN_GAP = re.compile(rf"(?:[^.;]|{sentences.ABBREVIATION_DOT}){{0,130}}?\b(?:including|"
                            r"among them|among whom)\s+"
                            r"(?:more than |at least |about |some |nearly |over )?$")
# the next item of a breakdown's list: "including 12 women, eight children and three ..."
_LIST_NEXT = re.compile(r"\s+[a-z]+(?:\s+[a-z]+)?(?:,\s*(?:and\s+)?|\s+and\s+)$")
_OF_THEM = re.compile(r"\s+of\s+(?:them|whom)\b")
# a sentence speaking of a count, not of people: "I am afraid that number is too low."
_THE_COUNT_ITSELF = re.compile(r"\b(?:that|this|the|their|its)\s+(?:[\w-]+\s+)?(?:number|figure|"
                               r"count|toll|tally|estimate)\b")
# "about half of them teachers", "about half were children": a share with a noun, no verb
_SHARE_NOUN = re.compile(r"\s+(?:(?:are|were)\s+)?(?:[\w-]+\s+)?(?!(?:is|was|has)\b)"
                         r"(?P<noun>[a-z]+s|children|women|men)"
                         r"(?:\s+(?:and|or)\s+[a-z]+)?\s*(?:[,.;)]|$)")  # "children and teenagers"


def _share_of(text: str, pos: int, base_metric: str | None) -> str | None:
    """The metric of a share named by a noun: the base's, or the base's breakdown."""
    noun = _SHARE_NOUN.match(text, pos) if base_metric else None
    if not noun:
        return None
    group = metrics.group_in(noun.group("noun"))
    if base_metric in _KILLED_FAMILY and group in metrics.BREAKDOWN:
        return metrics.BREAKDOWN[group]  # "of the 200 killed, about half were children"
    return base_metric


# "thousands", "dozens": not numbers (GUIDELINES), so a share of them has no base
_VAGUE_BEFORE = re.compile(r"\b(?:thousands|hundreds|dozens|scores|millions|tens)\s+of\b[^.;]*$",
                           re.IGNORECASE)
# "Of our approximately 16,000 residents, ...": a place's people opening a sentence
_OF_RESIDENTS = re.compile(r"[\s\-–•*\"“]*of\s+(?:the|our|its|their)\s+(?:[a-z]+\s+)?[\d,.]+"
                           r"(?:\s+(?:million|thousand))?\s+(?:residents|inhabitants)",
                           re.IGNORECASE)
_OF_THE_OPENER = re.compile(r"[\s\-–•*\"“]*of\s+the\s+", re.IGNORECASE)

_KILLED_FAMILY = {"killed", *metrics.BREAKDOWN.values()}
# events whose victims right after the verb are counted even by a bare small number word
_VICTIMS_COUNTED = ("killed", "injured", "abducted")
# "freed in two groups, seven at dawn and 13 more later", "released in stages: three on the
# first day, four on the seventh": a count opening a list of the stages of the verb before
_IN_STAGES = re.compile(r"\b(?:in|over)\s+(?:[\w-]+\s+)?(?:stages|groups|batches|phases|waves|"
                        r"rounds)\b[^.;:,]{0,30}[:,]\s*(?:first\s+)?$", re.IGNORECASE)
# "Israel freed 1,968 on Monday, ...: 1,718 held in Gaza and 250 serving life terms"
_COLON_PARTS = re.compile(r"[^.;:\d]{0,120}:\s*")
# "... and 800 in Lebanon", "including 256 since the ground operation": a number with no noun
# of its own right after another figure counts the same kind of people.
_THEN = re.compile(r"[^.;,]{0,40}?\band then\s+$")  # "first five in X and then seven in Y"
_INHERIT_GAP = re.compile(rf"(?:[^.;:]|{sentences.ABBREVIATION_DOT}){{0,200}}?\b(?:and|including|"
                          r"include|includes|included|"
                          r"among them|among whom|as well as|"
                          r"plus|followed by|and then)\s+(?:the\s+)?"
                          r"(?:remaining\s+|other\s+|another\s+)?|"
                          r"[^.;]{0,150}?:\s*|[^.;:,]{0,40}?,\s*")
_THRESHOLD = re.compile(r"\b(?:passe[sd]|surpasse[sd]|exceed(?:s|ed)?|tops|topped|cross(?:es|ed))"
                        r"\s+$", re.IGNORECASE)
# ("six of the dead had been identified as Hamas operatives": who they were, told later)
_IS_NOUN = (r"(?:are|were|was|is|(?:had|have|has)\s+been\s+(?:identified|confirmed|named)\s+as)"
            r"\s+(?:\w+\s+)?[\"“']?(?P<noun>children|women|soldiers|boys|"
            r"girls|minors|"
            r"terrorists|militants|fighters|operatives|combatants|journalists|medics|doctors|"
            r"paramedics|health workers|elderly|men|adults|civilians)\b")
_PREDICATE_NOUN = re.compile(r"\s+(?:of (?:those|them|the) (?:killed|dead)\s+|"
                             r"(?P<of_them>of them\s+))?" + _IS_NOUN, re.IGNORECASE)
# "half of the 900 people killed in the strikes were women": the predicate of the killed
_KILLED_WERE = re.compile(r"[^,.;]{0,40}?\s" + _IS_NOUN, re.IGNORECASE)


_OF_THE_KILLED = (" of those killed", " of them killed", " of the dead", " of the killed")


def of_whom_killed(text: str, mention: NumberMention) -> bool:
    """'six of those killed were terrorists', '18,000 of the dead were children'"""
    return text.startswith(_OF_THE_KILLED, mention.num_end)


_HANDED_BODIES = re.compile(r"\b(?:hand(?:ed|ing|s)?(?:\s+(?:over|back))?|return(?:ed|ing|s)?|"
                            r"repatriat\w+|recover(?:ed|ing|y)?)\s+(?:of\s+)?the\s+"
                            r"(?:bodies|remains|coffins)\s+of\s+"
                            r"(?:the\s+)?(?:other\s+|remaining\s+|last\s+|final\s+)?$",
                            re.IGNORECASE)
_BODIES_FOUND = re.compile(r"\s+(?:(?:have|has|had)\s+)?(?:been\s+|were\s+|was\s+)?(?:recovered|"
                           r"retrieved|pulled|found|exhumed|brought)\b", re.IGNORECASE)
_HELD_BODIES = re.compile(r"\b(?:holds?|holding|keeps?|keeping)\s+the\s+(?:bodies|remains)\s+of\s+"
                          r"(?:the\s+)?(?:other\s+|remaining\s+|last\s+|final\s+)?$",
                          re.IGNORECASE)
# "90 hostages remain, including the bodies of 35": the dead among those held
_BODIES_AMONG = re.compile(r"\b(?:including|among them)\s+the\s+(?:bodies|remains)\s+of\s+$",
                           re.IGNORECASE)
_RATIO = re.compile(r"\s+(?:for (?:every|each)|per)\b", re.IGNORECASE)
_GROUP_ACCOUNTS = re.compile(r"\b(?P<who>children|women|minors|journalists|medics|health "
                             r"workers|aid workers)\s+(?:account(?:ed)?|accounts|made up|make "
                             r"up|makes up)\s+for\s+(?:(?:more than|at least|about|some|"
                             r"nearly|over|almost|around)\s+)?$", re.IGNORECASE)
# "12 of them were admitted": a part's own verb, in the passive
_OWN_PASSIVE = re.compile(r"\s+of\s+(?:them|whom|those)\s+(?:were|was|had\s+been|have\s+been)"
                          r"\s+(?:\w+ly\s+)?(?P<verb>[a-z]+(?:ed|en))\b")
# "including at least 34 who are thought to have been killed": a relative clause's verb is
# the part's own, further off
_WHO_NEXT = re.compile(r"\s+who\b")
# between a count and its breakdown set off by commas: "147 people, 88 of them children"
_APPOSED_PART = re.compile(r"\s*(?:[\w-]+)?,\s*")
# what a count is the object of when it is what someone has: "Hamas still has up to 20,000"
_HAS_BEFORE = re.compile(r"\b(?:still\s+)?(?:has|have|had)\s+(?:(?:up to|about|some|around|"
                         r"at least|more than|nearly|over|as many as)\s+)?$", re.IGNORECASE)
# "children accounted for 12,300 of the dead and women for about 8,400": the second group's
# share, its verb left out
_GROUP_ALSO_FOR = re.compile(r"\band\s+(?P<who>children|women|minors)\s+for\s+(?:(?:more than|"
                             r"at least|about|some|nearly|over|almost|around)\s+)?$",
                             re.IGNORECASE)
_OF_THE_DEAD_WERE = re.compile(r"\s+of\s+(?:the|those)\s+(?:[\w-]+\s+)?(?:fatalities|dead|killed|"
                               r"victims|martyrs|deaths)\s+"
                               # "17 of the dead brought to the hospital were children"
                               r"(?:(?:brought|taken|admitted|received)\s+(?:\w+\s+){1,4}?)?"
                               # "20,000 of those killed in Gaza were Hamas operatives"
                               r"(?:(?:in|since|on)\s+(?:the\s+)?[\w-]+\s+)?"
                               r"(?:were|are|(?:had|have)\s+been\s+(?:identified|confirmed|"
                               r"named)\s+as)\s+(?:(?:Hamas|Islamic Jihad|and|Hezbollah)\s+)*"
                               r"(?P<who>children|women|minors|operatives|fighters|militants|"
                               r"combatants|terrorists|gunmen)\b",
                               re.IGNORECASE)
# "into releasing the 59 hostages it still holds": however many it is asked to free, that is
# how many it holds
_STILL_HOLDS = re.compile(r"\s+(?:(?:that\s+|which\s+|whom\s+)?(?:it|they|hamas|the group)\s+"
                          r"(?:still\s+)?(?:holds|is holding|are holding|hold)\b|"
                          # "in exchange for the roughly 130 Israelis still held in Gaza"
                          # ("to free the 59 hostages still in Gaza")
                          r"still\s+(?:(?:being\s+)?held|in\s+gaza|in\s+captivity)\b"
                          r"(?![^,.;]*\b(?:were|are|was|is|have|has|had|will|would)\b))",
                          re.IGNORECASE)
_SLATED = re.compile(r"\s+(?:slated|due|set|scheduled|earmarked|listed|named)\s+(?:for|to be)\s+",
                     re.IGNORECASE)
_AND_NEXT = re.compile(r"\s+and\s+(?:(?:more than|at least|about|some|nearly|over|around|"
                       r"up to|as many as|another)\s+)?")
_APPOSITION = re.compile(r",[^,.;]{1,60},")
# a ratio told by its verb: "30 prisoners would be freed for each civilian hostage"
_RATIO_CLAUSE = re.compile(r"\s+(?:(?:would|will|are|were|is|was|to)\s+(?:be\s+)?[a-z]+\s+|"
                           r"(?-i:[a-z]+ed)\s+)?"  # "three prisoners freed for each hostage"
                           r"for (?:every|each)\b", re.IGNORECASE)
# (but not "... for each hostage, and a total of 1,904 prisoners", the sum)
_RATIO_BEFORE = for_lower(r"\bfor (?:the (?:remains|body|bodies) of )?(?:every|each)\b"
                          r"(?:(?!total|in all)[^.;])*$|"
                          # "each freed soldier is exchanged for 50 prisoners"
                          r"\b(?:each|every)\s[^.;,]{0,40}\b(?:exchanged|swapped|traded)\s+for\s+"
                          r"(?:(?:up to|about|some|around)\s+)?$")
# "lets 50 wounded fighters a day leave": a rate (a deal's "10 hostages a day" is its terms)
_A_DAY = re.compile(r"\s+(?:a|per|each)\s+(?:day|week)\b(?!\s+(?:after|before|later|earlier))")
_EVERY = re.compile(r"\s+every\s+(?:[\w-]+\s+)?(?:days?|weeks?|months?|hours?)\b",
                    re.IGNORECASE)
_ATTACKERS = re.compile(r"\s+(?:(?!(?:who|that|which)\b)\w+\s+)?(?:stormed|attacked|burst|"
                        r"broke through|infiltrated|invaded|raided|poured|swept|breached|"
                        r"overran|rampaged)\b",
                        re.IGNORECASE)
_DEAD_BEFORE = re.compile(r"\b(?:bodies|dead|martyrs|victims|fatalities)\b", re.IGNORECASE)
_DEATHS_OF = re.compile(r"\bdeaths?\s+of\s+$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[;:]|,\s+(?:and|but|while)\b")
_COMMA = re.compile(r";|,(?!\d)|(?<!\d),")  # not the comma inside "2,700"
# ", many of them killed on October 7": the date belongs to a new subject, not the figure
_NEW_SUBJECT = re.compile(r",\s+(?:many|some|most|all|none|several|few|one|each|part)\s+of\s+"
                          r"(?:them|whom|those)\b", re.IGNORECASE)


def _new_subject(text: str, start: int, end: int) -> bool:
    """Whether a new subject ("..., many of them killed on October 7") stands between a figure
    and a date; an aside that closes before the date ("45 people, most of them women, were
    killed ... on Sunday") does not."""
    found = _NEW_SUBJECT.search(text, start, end)
    return bool(found) and not _COMMA.search(text, found.end(), end)


_WHO_DIED = re.compile(r"\s+(?:who|that)\s+(?:have\s+|had\s+)?(?:died|were killed|are dead|"
                       r"are no longer alive)\b", re.IGNORECASE)
# "Egyptian officials said 97 of them ...": a speaker, then the count (whose "them" is then the
# count of the sentence before)
_SPEAKER_OPENS = re.compile(r"[^,.;]{0,60}\b(?:said|say|says|told|added)\s+(?:that\s+)?")
_THINGS_BEFORE = re.compile(r"\b\d[\d,]*\s+(?P<first>[a-z-]+)(?:\s+(?P<noun>[a-z]+))?\b"
                            r"(?:(?!\d)[^.;]|\b(?:19|20)\d\d\b)*$")
# "with three more to follow", "and on 25 January, four more;", "369 in all": no noun of its
# own, more of (or the sum of) the count before
_MORE_OF_THE_SAME = re.compile(r"\s+more\s+(?:to\s+(?:follow|come)|(?:are\s+|were\s+)?"
                               r"(?:due|expected))\b|\s+more\s*(?:;|\.(?!\d)|$)|"
                               r"\s+(?:in all|in total|altogether)\b")
_OBJECT_OF = re.compile(r"\b(?:(?!(?:documented|recorded|counted|confirmed|reported|verified)\b)"
                        r"[a-z]+ed|reach|reaches|reaching|target|targets|cover|covers|serve|"
                        r"serves|aimed at|aims at|aiming at)\s+"  # ("a campaign that aims to
                        # reach 640,000 children", "a vaccination drive aimed at 640,000")
                        r"(?:(?:more than|about|some|at least|nearly|over|around)\s+)?$")
_DOING = re.compile(r"\s+(?:had been|have been|were|was|are|is)\s+(?P<verb>(?-i:[a-z]+ing))\b",
                    re.IGNORECASE)
_WHERE_JUST_BEFORE = re.compile(r"\bwhere\s+$", re.IGNORECASE)
# those a predicate only places: "500 medical staff were trapped inside the complex"
_TRAPPED_INSIDE = re.compile(r"\s+(?:were|are|was|is|remain|remained)\s+(?:still\s+)?trapped\s+"
                             r"inside\b", re.IGNORECASE)
_SHARED_NOUN = re.compile(r"\s*(?:and|or)\s+")
_ON_BOARD = re.compile(r"\s+(?:on board|aboard|onboard|inside|in the (?:building|house|car|"
                       r"vehicle))\b")
_WHOSE_BODIES = re.compile(r"\s+(?:\w+\s+)?whose\s+(?:bodies|remains)\b")
# "found the bodies of", "alongside the bodies of": bodies a clause names after a word of its own
# (a sentence opening "The bodies of" has its verb after them: _BODIES_FOUND)
_THE_BODIES_OF = re.compile(r"\b[a-z]+\s+the\s+(?:bodies|remains)\s+of\s+$", re.IGNORECASE)
_DEAD_INCLUDED = re.compile(r"\W*(?:the dead|those killed|the victims)\s+(?:included|were)\s+$",
                            re.IGNORECASE)
_OF_THE_DEAD = re.compile(r"\s+of\s+the\s+(?:dead|victims)\b")
_TERMS = re.compile(r"\s+(?:[a-z-]+\s+)?(?:terms|sentences)\b")
_OF_WHOM = re.compile(r"\s+of\s+(?:whom|them|those)\b")
_COPULA = re.compile(r"\b(?:are|were|is|was)\b")
_OF_THE_NUMBER = re.compile(r"\s+of\s+(?:the|those|these)\s+\d")
_PART_OF = re.compile(r"\s+of\s+(?:its|their|the|our|[\w-]+['’]s)\s+(?:[\w-]+['’]s\s+)?"
                      r"(?:[\d,]+\s+)?(?:[\w-]+\s+)??(?P<noun>[a-z]+)\b")
_OF_THE = re.compile(r"\s+of\s+the\s+")
_ASIDE_OPENS = re.compile(r",\s+(?:among them|including)\s")
_OF_BASE = re.compile(r"\s+of\s+(?:its|their|the|[\w-]+['’]s)\s+(?:[\w-]+['’]s\s+)?")
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_PARTITIVE = re.compile(r"\s+(?:of\s+(?:the|those|these)(?:\s+(?:territory|strip|enclave|city|"
                        r"camp)['’]s)?|"
                        r"out\s+of(?:\s+the)?)\s+")  # "15 out of 137 hostages"
# "the bodies of the other 24", "the remains of the last four", "the remains of all 28"
_REMAINS_OF = for_lower(r"\b(?:bodies|remains|coffins)\s+of\s+(?:all\s+)?(?:the\s+)?"
                        r"(?:other\s+|remaining\s+|last\s+|final\s+)?$")
_TOLL_BEFORE = re.compile(
    r"(?P<owner>\b(?:army|military|idf|soldiers|troops)(?:'s|’s|')?\s+(?:\w+\s+)?|\bits\s+)?"
    r"\b(?P<head>(?:death|casualty|fatality)\s+toll|toll|(?:total\s+)?number\s+of|tally|count|"
    # "the number killed near the convoy at 112": the participle says what is counted
    r"number(?=\s+(?:killed|dead|wounded|injured|hurt|missing|displaced|freed|released)\b)|"
    r"(?:(?<=bringing the )|(?<=raising the )|(?<=taking the )|(?<=pushing the ))total)\b"
    rf"(?P<span>(?:(?!toll|number of|tally)(?:[^;.]|{sentences.ABBREVIATION_DOT})){{0,150}}?)"
    r"\s+(?:(?:has|had|have)\s+)?(?:now\s+)?"
    r"(?:risen|rose|climbed|jumped|increased|passe[sd]|surpasse[sd]|exceede?s?d?|tops|topped|"
    r"crossed|crosses|"
    # "reached (17,492)", 'is "upwards of 500"'
    r"reached|reaching|reaches|hit|stands|stood|is|was|to|at|"
    # "was incorrectly given as 1,013", "has been revised to 34,622": a toll restated
    r"(?:(?:was|were|is|been)\s+)?(?:\w+ly\s+)?(?:given|put|reported|listed|recorded|revised|"
    r"corrected|updated|lowered|reduced)(?:\s+(?:up|down))?\s+(?:as|at|to)|"
    # "the count of the abducted has been revised, from an initial 199 to 253"
    r"from(?:\s+(?:an?|the))?(?:\s+(?:initial|earlier|original|first|previous))?)"
    r"(?:\s+(?:now|to|at))*\s+[(\"“]?$",
    re.IGNORECASE,
)

# "81 of them Israelis", "1,462 of them civilians": a noun, no verb, right after "of them"
# ("five of them medical staff", "eight of them its own paramedics")
_BREAKDOWN_NOUN = re.compile(r"\s*(?P<own>(?:its|their) own\s+)?(?:[A-Z][\w-]*\s+){0,2}"
                             r"(?:[A-Z][\w-]*|women|men|children|minors|"
                             r"civilians|soldiers|foreigners|foreign nationals|dual nationals|"
                             r"fighters|combatants|medical staff|medics|paramedics|doctors|nurses|"
                             r"journalists|(?:aid|health|relief) workers|"
                             # "three of them members of Israeli forces": whose members
                             r"members of (?:the\s+)?(?:[\w-]+\s+){0,2}?[\w-]+)"
                             r"\s*(?:[,.;)]|$|and\b|[-–—]\s)")  # ("- 17,492 of them children -")
_SUBJECT_OF_VERB = re.compile(r"\s+(?:of (?:whom|them) )?(?:\w+ )?(?:were|are|was|is|have|has|had|"
                              r"remain|remained|died|will|would|could|may|might|"
                              r"(?:known|believed|thought|feared|presumed) to)\b",
                              re.IGNORECASE)


_AMONG_GROUP = re.compile(r"\s+(?:were\s+|have been\s+|had been\s+)?(?:killed|martyred)\s+among\s+"
                          r"(?:the\s+)?(?:ranks of\s+)?(?P<who>(?:[\w-]+\s+){0,2}[\w-]+)",
                          re.IGNORECASE)
# The dead counted out of a group: "412 martyrs from the medical staff", "the number of martyrs
# among UNRWA staff"
_DEAD_NOUNS = {"martyrs", "victims", "dead", "fatalities", "deaths"}
_DEAD_OF_GROUP = re.compile(r"\s+(?:from|among)\s+(?:the\s+)?(?:ranks of\s+)?"
                            r"(?P<who>(?:[\w-]+\s+){0,3}[\w-]+)", re.IGNORECASE)
_OF_GROUP = re.compile(r"\s+of\s+(?:the\s+)?(?P<who>(?:[\w-]+\s+){0,2}[\w-]+)")
_BODIES_OF = {k: v for k, v in metrics.BREAKDOWN.items()} | {"people": "killed"}
# A claim between a number and its predicate: "including 41 the army says are dead"
_EMBEDDED_CLAIM = re.compile(r"\s+(?:whom\s+|that\s+)?(?:the\s+)?(?:[\w'’-]+\s+){0,3}?"
                             r"(?:says?|said|believes?|believed|estimates?|estimated|has declared|"
                             r"declared|determined|concluded|confirmed)\s+"
                             r"(?=(?:are|were|is|was|have|has|had|remain)\b)", re.IGNORECASE)

# "its military says": the forces of the body named before ("Israel says ..., and its military
# says ..."), so Israel's military, Hamas's armed wing
_ITS_FORCES = re.compile(r"(?:its|their)\s+(?P<force>military|army|armed wing|military wing)",
                         re.IGNORECASE)
# "More than half of the 90 dead were women and children": who some of the dead were
_DEAD_WERE = re.compile(r"\s+(?:dead|killed|martyrs|victims|fatalities)\s+(?:were|are)\s+"
                        r"(?P<who>[\w ,-]{3,40}?)\s*(?:[.;]|,\s+(?:it|he|she|they|the)\b|$)")
# "declared 41 of those still held dead": the dead among them
_DECLARED = re.compile(r"\b(?:declared|pronounced|listed|confirmed)\s+$", re.IGNORECASE)
_AS_DEAD = re.compile(r"(?:\s+[\w'’-]+){0,5}?\s+(?:as\s+)?(?:dead|deceased)\b")
@lru_cache(maxsize=64)
def _introductions(text: str, surname: str) -> list[tuple[int, str]]:
    """(position, role) of each "Surname, a surgeon at <a known body>" in the text, found once
    per text and name (a speaker is resolved once per figure)."""
    found = []
    for m in re.finditer(rf"\b{re.escape(surname)},(?P<role>\s+[^,.;\n“”\"]{{2,80}})", text):
        at = attribution.AT_A_BODY.match(m.group("role"))
        if at and is_known(at.group("body")):
            found.append((m.start(), m.group("role").strip()))
    return found


# a person's last name, with the particle it may carry: "Hamdan", "al-Kafarna", "Abu Salmiya"
_SURNAME = r"(?:(?:al|el|abu|bin|ben)-?\s*)?[A-Z][a-z'’-]+"
# a person's name as a speaker: "Hamdan", "Dr. Ahmed Hamdan", "Nabil Shurrab"
_PERSON_NAME = re.compile(rf"(?:(?:{sentences.TITLES})\.?\s+)?(?:[A-Z][a-z'’-]+\s+){{0,2}}"
                          rf"{_SURNAME}")
# a person given an age, opening a sentence: "Ahmed Kafarna, 34, walked home."
_AGED_PERSON = re.compile(rf"(?P<name>(?:[A-Z][a-z'’-]+\s+){{1,2}}{_SURNAME}),\s+\d{{1,3}},(?=\s)")
# "a nurse there told me" after "the Kuwaiti Hospital had received 50 bodies": the place
# named before says whom the role speaks for
_ROLE_THERE = re.compile(r"(?P<role>(?:[Aa]n?|[Tt]he)\s+(?:[a-z]+\s+)?(?:nurse|doctor|surgeon|"
                         r"medic|paramedic|physician|official|spokes(?:man|woman|person)|"
                         r"director|worker|employee))\s+there")
_ITS_UNIT = re.compile(r"(?:its|their)\s+(?:[\w-]+\s+){0,2}(?:unit|office|department|"
                       r"directorate|bureau|centre|center|team|division|desk|"
                       r"spokes(?:man|woman|person))", re.IGNORECASE)
_ROLE_NAME = re.compile(r"^(?:[Tt]he\s+|[Aa]n?\s+)?(?:[a-z][\w-]*\s+){0,2}"
                        rf"(?:{attribution.ROLE_NOUNS})\s+[A-Z]")

_OUTLET_COMMON = {"the", "al", "gaza", "israel", "israeli", "un", "ministry", "office", "news",
                  "daily", "times", "post", "press", "wire", "agency", "network", "world", "state",
                  "health", "government", "media", "national", "palestinian", "arab"}


# "the council" in the council's own statement (a body's head noun, not "the children" in the
# name of a charity)
_THE_HEAD = re.compile(r"\b(?:the|our)\s+([a-z]+)$", re.IGNORECASE)
_BODY_HEADS = attribution.ROLE_HEADS | {"council", "committee", "forum", "service"}


@lru_cache(maxsize=1024)
def _own_tally(claimant: str, outlet: str | None) -> bool:
    """"according to an AFP tally" in AFP copy: the outlet's own count, stated as its own."""
    if not outlet:
        return False
    if bare_name(claimant) == bare_name(outlet):  # "a tally by the Cedar Courier", reduced
        return resolve_claimant(claimant)[1] == "other"  # a news outlet, not a known body
    if (own := _THE_HEAD.search(claimant)) and own.group(1).lower() in _BODY_HEADS and \
            own.group(1).lower() == outlet.rsplit(None, 1)[-1].lower():
        return True  # "the council", "the information available to the council" in a
        # statement of the Eshkol Regional Council: its own voice
    initials = "".join(w[0] for w in re.findall(r"[A-Z][\w-]+", outlet))  # "an HNA tally"
    if len(initials) >= 2 and claimant == f"{initials} statement":
        return True  # "PRCS statement: ..." from the Palestine Red Crescent Society
    if not _TALLY.search(claimant):
        return False
    names = [w for w in re.findall(r"[A-Za-z][\w-]+", outlet) if w.lower() not in _OUTLET_COMMON]
    if len(initials) >= 2 and re.search(rf"\b{initials}\b", claimant):
        return True
    # "a Herald tally" in the Galilee Herald
    return any(re.search(rf"\b{re.escape(name)}\b", claimant) for name in names)


_TALLY = re.compile(r"\b(?:tally|count|calculations?|analysis|review|reckoning)\b", re.IGNORECASE)

# a role naming no body, before a name: "Deputy Spokesperson Elena Marsh"
# (a title, capitalised: not "spokesman X" cut from "Egypt's foreign ministry spokesman X")
_BARE_ROLE = re.compile(r"(?:(?:Deputy|Principal|Chief|Senior|Lead)\s+)?"
                        r"(?:Spokes(?:man|woman|person)|Press\s+Secretary)\s+[A-Z]\w+"
                        r"(?:\s+[A-Z][\w'’-]+){0,2}$")
# a body, not a person: what "he" or "she" cannot refer back to
_A_BODY = re.compile(r"(?:^|\s)(?:military|army|ministry|office|agency|government|forces|group|"
                     r"movement|organi[sz]ation|authority|authorities|service|department|"
                     r"command|brigades|wing|council|committee|IDF|Hamas|UNRWA|OCHA|UNICEF|MoH|"
                     r"WHO|UN|Israel)$", re.IGNORECASE)
# where a body's name ends and what it is of, for or with begins
_OF_WHAT = re.compile(r"\s(?:of|for|in|at|with|to|from)\s|,\s")
# a person's role right before their name: "Ministry of Health spokesman Ashraf al-Qudra"
_PERSON_BY_ROLE = re.compile(rf"\b(?i:{attribution.ROLE_NOUNS})\s+[A-Z]")


@lru_cache(maxsize=1024)
def _is_body(claimant: str) -> bool:
    """Whether a claimant is a body, which "he" or "she" cannot refer back to: "the Ministry of
    Health" is; "the representative of Israel", "a doctor with the health ministry" and
    "Ministry of Health spokesman X" are not."""
    return bool(_A_BODY.search(_OF_WHAT.split(claimant)[0])) and \
        not _PERSON_BY_ROLE.search(claimant)


# A sentence subject that is an event, not a body that could speak ("Hamas' Oct. 7 attack").
_NOT_A_SPEAKER = re.compile(r"\d|\b(?:attack|attacks|assault|strike|strikes|war|blast|explosion|"
                            r"raid|offensive|operation|incursion|massacre|bombardment)\b",
                            re.IGNORECASE)

# A line after a quotation that names its speaker without a claim verb.
_SPEAKER_LINE = re.compile(
    r"(?:(?:that|this|so|such)\b[^.]*?\b(?:of|from|by)\s+)?(?P<who>[^“\"]{3,160}?)"
    r"(?:\s+(?:made|gave|issued|posted|wrote|shared)\b.*|\s+in\s+a\s+(?:post|statement).*)?"
    r"[.]?$",
    re.IGNORECASE,
)

# The noun phrase opening a sentence, up to its verb (a word ending in -ed/-s, or a common verb).
_SUBJECT = re.compile(
    r"[“\"]?(?P<np>(?:[\w'’.()-]+\s+){0,7}?[\w'’.-]+?)\s+(?:has\s+|have\s+|had\s+|also\s+)?"
    r"(?:not\s+)?(?:(?:initially|originally|first|later|earlier|previously|now)\s+)?"
    r"(?:[a-z]+ed|spoke|met|gave|said|says|told|is|was|are|were|published|released|issued|"
    r"puts?|updated|announced|posted|disputes|rejects|denies|insists|maintains)\b"
)


@dataclass
class Figure:
    metric: str
    value: float
    value_low: float | None
    value_high: float | None
    qualifier: str
    subject: str | None
    location: str | None
    claimant: str
    claimant_class: str
    claimant_id: str
    attribution_explicit: bool
    status: str
    hedged: bool
    as_of: str | None
    derived: bool
    span_start: int
    span_end: int
    surface: str
    sentence: str

    def to_dict(self) -> dict:
        """A shallow copy (every field is a plain value): asdict copies deeply, and took 27 us
        a figure: 66 CPU seconds for the 2.4 million figures of 300,000 articles."""
        return dict(vars(self))


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 4)


# Status words, found in a lower-cased copy of the sentence (sentences.lower).
_STATUS_WORDS = re.compile("|".join(
    f"(?P<{name}>{rx.pattern})"
    for name, rx in (("proposed", _PROPOSED), ("planned", _PLANNED), ("estimate", _ESTIMATE))))
# A literal piece of every branch of _STATUS_WORDS: a sentence holding none of them (most do
# not) skips that scan, which is one of the costliest per sentence.
_STATUS_HINTS = ("would", "propos", "offer", "provide", "stipulate", "envisage", "demand",
                 "under the", "terms of", "draft", "framework", "is to", "are to", "require",
                 "willing to", "deal to", "agreement to", "plan to", "accord to", "ready to",
                 "prepared to", "call", "seek", "sought", "will", "set to", "scheduled to",
                 "expected to", "slated to", "due to", "estimat")
_STATUS_HINT = any_of(_STATUS_HINTS)


_RELATIVE_BEFORE = re.compile(r"\b(?:who|which)\s+$")
# after a figure, a time clause, a claim of its own ("..., adding that the figure would rise")
# or an inference from it ("..., which would mean that 40 percent were fighters")
_OWN_STATUS_CLAUSE = for_lower(r",\s+(?:(?:(?:hours|days|minutes|shortly|soon|just)\s+)?"
                               r"(?:after|when)\s|(?:adding|saying|noting|warning|stressing|"
                               r"believing|hoping|thinking|expecting|trusting)\s|"
                               r"which\s+(?:would\s+|could\s+)?mean)|"
                               # "sheltering there because they thought it would be spared"
                               r"\s+because\s")
_TOLL_WILL_RISE = re.compile(r"\s+(?:rise|climb|grow|increase|go up)\b")
# A release that happened: "had released 183 ...", or a subject and a past verb ("Israel freed
# 1,968 ... under the plan"), not a participle after "be" or "to be"
_DONE = re.compile(r"\b(?:had|has|have|was|were)\s+(?:(?:now|already|so far|since)\s+)?"
                   r"(?:been\s+|already\s+)?(?:released|freed|handed over|returned)\b|"
                   r"\b(?:hamas|israel|it|they|the group|the army|the military|occupation|"
                   r"resistance)\s+(?:\w+\s+)?(?:released|freed|handed over|returned)\b|"
                   # "brings to eight the number of bodies handed to Israel since Monday"
                   r"\b(?:brings|brought|bringing|raises|raised|raising)\s+to\b|"
                   # "the 200 prisoners freed by the occupation on Saturday, in the exchange
                   # under the ceasefire" (not "would be freed on Saturday")
                   r"(?<!\bbe )(?<!\bto )(?<!\bare )(?<!\bis )(?<!\bwill )(?<!\bget )"
                   r"\b(?:released|freed|handed over)\s+(?:[\w-]+\s+){0,3}?"
                   r"on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")


# "reports 68,280 killed and estimates that 9,500 remain missing": a verb after the figure
# that estimates what follows it
_ESTIMATES_NEXT = re.compile(r"estimates?\s+(?:that\b|\w+\s+\d)", re.IGNORECASE)


class _SentenceWords:
    """Clause breaks and status words of one sentence, found once; each figure then only looks
    up positions (a sentence with many figures stays linear). `low` is `text` lower-cased
    (sentences.lower)."""

    def __init__(self, text: str, low: str, s_start: int, s_end: int) -> None:
        self.text, self.low, self.s_start, self.s_end = text, low, s_start, s_end
        self.split_starts: list[int] = []
        self.split_ends: list[int] = []
        self.status: dict[str, list[int]] = {"proposed": [], "planned": [], "estimate": []}
        for m in attribution.CLAUSE_SPLIT.finditer(text, s_start, s_end):  # case matters here
            self.split_starts.append(m.start())
            self.split_ends.append(m.end())
        lowered = sentences.lower(text[s_start:s_end])
        hinted = _STATUS_HINT.search(lowered) is not None
        for m in _STATUS_WORDS.finditer(lowered) if hinted else ():
            if m.lastgroup == "planned" and _RELATIVE_BEFORE.search(lowered, max(0, m.start() - 7),
                                                                     m.start()):
                continue  # "children who will start school in a hotel": not the figure's future
            if m.lastgroup == "planned" and _TOLL_WILL_RISE.match(lowered, m.end()):
                continue  # "a number that is expected to rise": the count, not a plan
            if m.lastgroup == "proposed" and lowered.startswith(("under", "framework"),
                                                                m.start()) and \
                    _DONE.search(lowered):
                continue  # "had released 183 prisoners ... under the agreement", "were
                # released within the framework of the deal": it happened
            self.status[m.lastgroup].append(s_start + m.start())

    def clause(self, pos: int) -> tuple[int, int]:
        """The clause around `pos`: status words elsewhere in the sentence do not apply."""
        i = bisect_left(self.split_ends, pos + 1) - 1
        left = self.split_ends[i] if i >= 0 else self.s_start
        j = bisect_left(self.split_starts, pos)
        right = self.split_starts[j] if j < len(self.split_starts) else self.s_end
        return left, right

    def _in_where_aside(self, hit: int, pos: int) -> bool:
        """"In Gaza, where 600 trucks a day are meant to enter under the agreement, the
        ministry said 46,913 were killed": deal terms inside a where-clause closed before the
        figure describe the place, not the figure."""
        where = self.text.rfind("where", self.s_start, hit)
        return where >= 0 and "," not in self.text[where:hit] and \
            "," in self.text[hit:pos] and self.text[where - 2:where] == ", "

    def has(self, name: str, start: int, end: int) -> bool:
        hits = self.status[name]
        i = bisect_left(hits, start)
        return i < len(hits) and hits[i] < end

    def status_of(self, pos: int, estimated: bool) -> str:
        """Deal terms ("the plan would see ..., and the release of 1,000 prisoners") reach over
        clause breaks; "will" and "estimated" only count in the figure's own clause."""
        c_start, c_end = self.clause(pos)
        # "freed 11 hostages on Monday, hours after Qatar announced the pause would be
        # extended": a time clause after the figure has its own status
        later = _OWN_STATUS_CLAUSE.search(self.low, pos, c_end) if (
            self.low.find(",", pos, c_end) >= 0 or self.low.find("because", pos, c_end) >= 0) \
            else None  # (each of its matches holds one of the two)
        c_end = later.start() if later else c_end
        if any(self.s_start <= hit < pos and not self._in_where_aside(hit, pos)
               for hit in self.status["proposed"]) or self.has("proposed", pos, c_end):
            return "proposed"
        if self.has("planned", c_start, c_end):
            return "planned"
        if estimated or self.has("estimate", c_start, pos) or any(
                pos <= hit < c_end and not _ESTIMATES_NEXT.match(self.text, hit)
                for hit in self.status["estimate"]):
            return "estimate"
        return "reported"


def _hedged(pos: int, end: int, hedges: list[int], figures: list[int], claims: list[int],
            words: _SentenceWords) -> bool:
    """A hedge word hedges what it governs: every figure after it up to the next claim verb
    ("officials believe 24 are alive and that the other 35 are dead": both), and a figure just
    before it in its clause ("at least 25 believed killed"). In "Israel says 130 remain and
    believes a quarter of them are dead", only the quarter is hedged."""
    c_start, c_end = words.clause(pos)
    for h in hedges:
        if h < pos and (not any(h + 15 < c < pos for c in claims)
                        or _DATA_UNVERIFIED.search(words.text, max(0, h - 120), h)):
            return True  # (a claim verb after the hedge ends its reach, unless the hedge is on
            # the data that claim: "Figures published by the ministry, which are unverified,
            # claim more than 61,000 deaths")
        own = _OF_THEM.match(words.text, end)  # "more than half of whom are believed dead"
        inside = [f for f in figures if pos < f < h]
        if inside and (aside := _ASIDE.search(words.text, end, h)) and \
                all(aside.start() < f < aside.end() for f in inside):
            inside = []  # "At least 40 people, including 17 children, were reportedly killed":
            # the aside's own figures do not stand between the whole and its hedge
        if pos < h < c_end and not inside:
            between = words.text[own.end() if own else end:h]
            if "including" in between:  # ", including women and children, are believed"
                between = _ASIDE.sub(",", between)
            if not _NOT_ATTACHED.search(between) or _WHO_ARE.fullmatch(between):
                return True  # "including 35 who are believed to be dead": the 35 are
    return False


_PAST_RELATIVE = re.compile(r"(?:[^,.;]|(?<=\d)[,.](?=\d)){0,50}?\bwho\s+(?:were|was|had\s+been|"
                            r"have\s+been|has\s+been)\s+(?:[a-z]+ly\s+)?(?P<verb>displaced|"
                            r"killed|wounded|injured|abducted|kidnapped|freed|released|evacuated|"
                            r"uprooted)\b", re.IGNORECASE)


# "the ministry had put the dead at nine": a count its people are named before
_PUT_AT = re.compile(r"\bput(?:s|ting)?\s+(?:the\s+)?(?:number\s+of\s+)?"
                     r"(?:dead|killed|wounded|injured|missing)\s+at\s+$", re.IGNORECASE)
_AND_BEFORE = re.compile(r"(?:,\s*|\s)and\s+$")
# "six were taken," with no place or captor after it
_WERE_TAKEN = re.compile(r"\s+(?:were|had been)\s+taken(?=\s*[,.;”\"])")
# the freed named again with their parts after them, before the first part's count ("The
# prisoners, 69 women and ..."; the parts after it follow the first as a list)
_FREED_APPOSITIVE = re.compile(r"[\s\"“]*(?:the|those)\s+(?:[\w-]+\s+)?(?:prisoners|detainees|"
                               r"freed|released)\s*,\s*(?:[^,;.\d]{1,40}?\s+and\s+)?",
                               re.IGNORECASE)
# those who fell as soldiers, whatever the noun that counts them (after the noun)
_IN_COMBAT = re.compile(r"[^,.;]{0,60}?(?:\s(?:fallen|fell|killed)\s+in\s+(?:combat|battle|"
                        r"action)\b|\swho\s+(?:had\s+)?(?:served|were\s+serving)\s+(?:in|with)\s+"
                        r"the\s+(?:IDF|army|military|Israel\s+Defen[cs]e\s+Forces)\b)",
                        re.IGNORECASE)
# all the hostages someone hopes to see home (before the count): those held now
_UNTIL_ALL = re.compile(r"\b(?:until|till|bring(?:s|ing)?(?:\s+(?:back|home))?|"
                        r"(?:committed|determined|pledged|vowed|working) to return(?:ing)?)"
                        r"\s+all\s+(?:the\s+|of\s+the\s+)?$", re.IGNORECASE)
# the state a count's people are named in, right after their noun
_STATE_NOW = re.compile(r"\s+of\s+(?:whom|them)\s+(?:are|is)\s+"
                        r"(?:(?:believed|thought|said)\s+to\s+be\s+)?(?:no longer alive|dead|"
                        r"(?:still\s+)?alive|deceased)\b", re.IGNORECASE)
_STATE_NAMED = re.compile(r"\s+(?:displaced|uprooted|wounded|injured)\s+(?:from|in|by|since|"
                          r"during)\b", re.IGNORECASE)


def _told_metric(text: str, told: re.Match, metric: str) -> bool:
    """Whether the past relative clause `told` tells what the figure counts (not "33 hostages
    who were abducted ... will be freed", which counts the release to come)."""
    found = metrics.events_in(text, told.start("verb"), told.end())
    event = found[0][2] if found else None
    return event is not None and (metric == event or metric.endswith(event)
                                  or (event == "killed" and metric in _KILLED_FAMILY))


_DATA_UNVERIFIED = re.compile(r"\b(?:figures|data|numbers|statistics|tolls?|counts?)\b[^.;]{0,80}?"
                              r",\s+(?:which|that)\s+(?:are|were|is|was|remain)\s+(?:still\s+|"
                              r"also\s+)?$", re.IGNORECASE)
# Between a figure and a later hedge: a comma or "and" means the hedge is about something else.
# (nor a contrast with its own subject: "97 are held, though officials believe ...")
_NOT_ATTACHED = re.compile(r"\band\b|\bof whom\b|\bwhich\b|\bwho\b|;|"
                           r",\s+(?:though|although|but|while|whereas)\b(?!\s+(?:the\s+)?"
                           r"(?:number|figure|toll|count|tally|it|this)\b)|"
                           r"\b(?:many|most|some|all|several|few) of (?:them|whom)\b")
_ASIDE = re.compile(r",\s*including\b[^,;]*,")
# a relative clause on the figure itself, up to its hedge
_WHO_ARE = re.compile(r"\s+(?:[a-z]+\s+)?(?:who|that)\s+(?:are|were|is|was)\s+"
                      r"(?:still\s+|now\s+|all\s+)?")  # "35 (hostages) who are believed dead"


def _location(text: str, start: int, end: int) -> str | None:
    for m in _LOCATION.finditer(text, start, min(end, start + 200)):
        loc = m.group("loc")
        first = loc.split()[0]
        if first not in _NOT_LOCATION and not (first == "the" and len(loc.split()) == 1):
            return loc
    return None


# "... on October 7 and that 87 are still held": a claim of its own (for `_as_of`)
_AND_THAT = re.compile(r"\band that\b", re.IGNORECASE)
_MOST_ON = re.compile(r",\s+(?:the\s+majority|most|many|half)(?:\s+of\s+(?:them|whom))?\s+"
                      r"(?:(?:were|was)\s+)?(?:\w+\s+)?(?:(?:on|in)\s+)?$", re.IGNORECASE)


# ", among them 64 children and 57 women,": an aside breaking a count down
# (closed before the count's own verb goes on: not ", including 737 ..., the ministry said")
_BREAKDOWN_ASIDE = re.compile(r",\s*(?:among them|including|of whom|most of them|many of them)\b"
                              r"(?:[^,;.]|(?<=\d)[,.](?=\d))*,(?=\s*(?:were|was|have|had|has|"
                              r"are|is|and)\b)")
_SAID_ON_THAT = re.compile(r"\b(?:said|says|reported|announced|added)\s+$")
_AND_THAT_NEXT = re.compile(r",\s+and\s+that\b")


def _comma_between(text: str, start: int, end: int) -> bool:
    """Whether a comma parts text[start:end], not counting those of a breakdown's aside: in
    "274 citizens, among them 64 children and 57 women, were killed ... on Saturday" the date
    reaches the 274."""
    between = text[start:end]
    return "," in (_BREAKDOWN_ASIDE.sub("", between) if "," in between else between)


def _told_that(text: str, told: dates.DateMention, end: int) -> bool:
    """Whether the date is the day a speaker told what follows and the clause break before the
    figure at `end` only goes on with what was told: "said on Saturday that 12,300 had been
    killed ..., and that more than 30,000 had been wounded"."""
    if not text.startswith(" that", told.end) or \
            not _SAID_ON_THAT.search(text, max(0, told.start - 12), told.start):
        return False
    goes_on = list(_AND_THAT_NEXT.finditer(text, told.end, end))
    return len(goes_on) == 1 and \
        not attribution.CLAUSE_SPLIT.search(text, told.end, goes_on[0].start())


def _date_of_the_whole(whole: Figure, part: NumberMention, owned: dict[int, int],
                       mentions: list[dates.DateMention], as_of: date | None) -> bool:
    """Whether a part, dated only by a date before its whole, takes the whole's other date:
    "said on Friday it had recorded 798 killings between May 27 and July 7, 615 of them near
    aid sites": the 615 are of July 7, like the 798, not of the day the office spoke."""
    return part.end not in owned and as_of is not None and whole.as_of is not None \
        and whole.as_of != as_of.isoformat() \
        and any(d.value == as_of and d.end <= whole.span_start for d in mentions)


def _as_of(mentions: list[dates.DateMention], text: str, figure: NumberMention,
           owned: dict[int, int], published: date | None, s_start: int) -> date | None:
    """The date of a figure: a date right after it in its clause (no comma between) belongs to
    it; else the nearest date before it in its clause, unless another figure owns that date
    ("Of the 251 abducted on October 7, 117 have returned": October 7 is the 251's); else a
    free date later in its clause ("... were killed when jets struck on Tuesday"); else a
    date opening the sentence ("On Monday, ..."); else the publication date."""
    mine = owned.get(figure.end)
    taken = set(owned.values())
    for d in mentions:
        if d.start == mine:
            return d.value
    before = [d for d in mentions if d.end <= figure.start
              and (d.start not in taken or not _comma_between(text, d.end, figure.start)
                   or _EVENT_RELATIVE.search(text, d.end, figure.start))
              and (not attribution.CLAUSE_SPLIT.search(text, d.end, figure.start)
                   or _told_that(text, d, figure.start))
              # "says 251 were taken on October 7 and that 87 are still held": a claim of its own,
              # of the present (not "... on Sunday and that 21 were declared dead")
              and not (_AND_THAT.search(text, d.end, figure.start)
                       and _PRESENT_STATE.match(text, figure.end))
              # "116 of the hostages seized on October 7 remain, 42 of whom are dead": the day
              # the whole was taken, not the part's
              and not (_TAKEN_ON.search(text, max(s_start, d.start - 20), d.start)
                       and _comma_between(text, d.end, figure.start))
              # "the truce, which began on January 19 and runs for 42 days, ...": the aside's
              and not (_ASIDE_CLOSE.search(text, d.end, figure.start)
                       and _IN_ASIDE.search(text, max(s_start, d.start - 80), d.start))]
    if before:
        return before[-1].value
    partitive = text.startswith(" of the ", figure.end) or (  # "122 of the 240 taken on ..."
        text.startswith((" of ", " who ", " among ", " were "), figure.end)
        and bool(_TAKEN_PART.match(text, figure.end)))  # "97 of them among the 251 abducted"
    later = [d for d in mentions if d.start >= figure.end
             and not text.startswith(("when", "in which", "which"), d.start)  # "since October 7,
             # when ...": its own
             and (d.start not in taken or (not _comma_between(text, figure.end, d.start)
                                           and not partitive))
             and not attribution.CLAUSE_SPLIT.search(text, figure.end, d.start)
             and not _new_subject(text, figure.end, d.start)
             and not _COMPARED.search(text, figure.end, d.start)
             # "freed 13 in Khan Younis, ending two years of captivity for men seized on
             # October 7": the date of what the participle's clause tells
             and not _PARTICIPLE_CLAUSE.search(text, figure.end, d.start)
             # "111 of the hostages seized on October 7 are still held": when the whole was
             # taken, not the day of the part
             and not _PART_OF_THE_TAKEN.fullmatch(text, figure.end, d.start)
             and not _DEADLINE.search(text, figure.end, d.start)
             and not _THAT_OF_ANOTHER.search(text, figure.end, d.start)
             # "1,200 killed, including 33 children, the majority on 7 October": a part's day
             and not _MOST_ON.search(text, figure.end, d.start)
             # "24 civilians, including Saturday's victims": a day's own dead, a part of the count
             and not text.startswith(("'s", "’s"), d.end)]
    if later:
        return later[0].value
    if mentions and mentions[0].start - s_start <= 3 and mentions[0].start < figure.start:
        return mentions[0].value
    if mentions and mentions[0].start < figure.start \
            and _PERIOD_OPENING.match(text, s_start, mentions[0].start) \
            and not _PRESENT_STATE.match(text, figure.end):
        return mentions[0].value
    return published


# "Between 1 and 20 March, ...", "During the truce, from 19 January to 1 March, ...": a period
# opening the sentence dates every count in it (the count is complete on its last day), also
# past ", while" -- but not a state at publication ("..., while 60,000 are estimated to remain")
_PERIOD_OPENING = re.compile(r"\W{0,3}(?:during\b[^,.;]{0,60},\s*)?(?:between|from)\s+"
                             r"[^,.;]{0,40}$", re.IGNORECASE)
_PRESENT_STATE = re.compile(r"[^,.;]{0,40}?\b(?:are|is|remain|remains)\b", re.IGNORECASE)


# "the Oct. 7 attack, in which 1,200 were killed", "a raid on Saturday that the ministry said
# killed 274": a figure in a relative clause about a dated event has the event's date
_EVENT_RELATIVE = re.compile(r"\b(?:attacks?|raids?|strikes?|airstrikes?|assault|bombing|shelling|"
                             r"massacre|onslaught|incursion|operation|explosion|blast)\b"
                             r"[^.;]{0,60}?(?:,\s*(?:in|during)\s+which|\bthat|,\s*which)\b"
                             r"[^,;]*$",  # the figure inside the clause, not after it
                             re.IGNORECASE)
# "... up from 15 per cent in January": the date of the figure compared with
_COMPARED = re.compile(r"\b(?:up|down|rising|falling|compared) (?:from|with)\b", re.IGNORECASE)
_DEADLINE = re.compile(r"\b(?:before|until|by the time)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+"
                       r"(?:concludes|ends|expires|begins|starts|runs out)\b", re.IGNORECASE)
# (not "31 of its citizens were abducted on October 7": the count of those taken itself)
_TAKEN_VERBS = r"seized|taken|abducted|kidnapped|captured"
_PART_OF_THE_TAKEN = re.compile(r"\s+(?:of|from)\s+[^,.;]{0,60}?\b(?<!were )(?<!was )(?<!been )"
                                rf"(?:{_TAKEN_VERBS}|snatched)\s+"
                                r"(?:(?:[\w-]+\s+){0,3}?(?:on|in)\s+)?", re.IGNORECASE)
_TAKEN_ON = re.compile(rf"\b(?<!were )(?<!was )(?<!been )(?:{_TAKEN_VERBS})\s+(?:hostage\s+)?"
                       r"(?:(?:on|in)\s+)?$", re.IGNORECASE)
_PARTICIPLE_CLAUSE = re.compile(r",\s+(?!including\b|according\b|bringing\b|raising\b)[a-z]+ing\b")


@lru_cache(maxsize=8)
def _body_mention(head: str) -> re.Pattern:
    """A body named with `head` as the source of data: "data from the health ministry in
    Hamas-run Gaza" (not "a spokesman for Israel's foreign ministry", who is no source)."""
    return re.compile(r"\b(?:data|figures?|statistics|numbers|toll|tally|count|records)\s+"
                      r"(?:(?:given|released|published|issued|provided|compiled)\s+)?"
                      rf"(?:from|by|of)\s+(?P<body>(?:[Tt]he\s+)?(?:[\w'’-]+\s+){{0,2}}"
                      rf"(?i:{head})"
                      r"(?:\s+(?:in|of|for)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?)")


class _Attributions:
    """Attribution cues per sentence, computed only when asked for (most sentences never are),
    and the antecedent of "he said" / "the official said" in earlier sentences."""

    LOOKBACK = 16  # sentences
    QUOTE_REACH = 24  # sentences

    def __init__(self, text: str, spans: list[sentences.Sentence],
                 outlet: str | None = None) -> None:
        self.text, self.spans, self.outlet = text, spans, outlet
        self._cues: dict[int, list[attribution.Attribution]] = {}
        self._turns: dict[int, str | None] = {}
        self._labels: dict[int, tuple[list[re.Match], list[int]]] = {}
        # per role noun: the last sentence read for `named_up_to` and what it found up to it
        self._named: dict[str, tuple[int, str | None]] = {}

    def cues(self, index: int) -> list[attribution.Attribution]:
        if index not in self._cues:
            sent = self.spans[index]
            self._cues[index] = attribution.find(self.text, sent.start, sent.end)
        return self._cues[index]

    def antecedent(self, index: int, cue: attribution.Attribution,
                   depth: int = 0) -> str | None:
        """The last named claimant before `cue` (same sentence first, then earlier ones);
        role nouns ("the ministry") prefer a claimant with the same head noun, looked for past
        the last LOOKBACK sentences when only other kinds of body were named there. A pronoun
        or "the statement" after "the ministry said" is the ministry, whoever that was."""
        head = cue.claimant.lower().split()[-1]
        fallback = None
        for j in range(index, max(-1, index - self.LOOKBACK), -1):
            # the body opening a sentence, before its own cues: in this sentence the farthest
            # candidate, for a cue in a relative clause or one with no subject of its own ("The
            # ministry on Friday raised its toll to 115, up from the 104 it announced, and said
            # 760 were wounded"); in an earlier one the one "it said" looks back to first
            subject = self.subject(j, cue.claimant.lower() in ("he", "she")) \
                if j < index or cue.relative or \
                self.text[max(0, cue.start - 4):cue.start].lower() == "and " else None
            candidates = ([subject] if subject else []) + self.cues(j) if j == index \
                else self.cues(j) + ([subject] if subject else [])
            for earlier in reversed(candidates):
                if j == index and earlier.start >= cue.start:
                    continue
                if earlier.generic or attribution.GENERIC.match(earlier.claimant):
                    # (a sentence's subject is a role noun too: "The group said ..." names no
                    # group for a later "the group" to be)
                    earlier_head = earlier.claimant.lower().split()[-1]
                    if depth or head in attribution.ROLE_HEADS or \
                            earlier_head not in attribution.ROLE_HEADS:
                        continue
                    found = self.antecedent(j, earlier, depth + 1)
                    if found:
                        return found
                    continue
                if cue.claimant.startswith(("a ", "an ", "A ", "An ")) and \
                        head in earlier.claimant.lower():
                    continue  # "a spokesman said": someone new, not the spokesman named before
                if head in ("he", "she") and _is_body(earlier.claimant):
                    continue  # "He said Israeli forces had killed ..." after "The Israeli
                    # military has declared ...": a person, never the body named last
                if head in attribution.ROLE_HEADS and (
                        head not in earlier.claimant.lower()
                        # ("the ministry" after "a ministry official": a person, not the body)
                        or earlier.claimant.lower().startswith(("a ", "an "))) and \
                        not (head == "ministry" and "health minister" in earlier.claimant.lower()):
                    fallback = fallback or earlier.claimant  # (the health minister speaks for
                    continue  # his ministry: "the ministry said" after "Health Minister X said")
                return earlier.claimant
            if j == index - 1 and not depth and head in attribution.BODY_NOUNS and \
                    (named := self._body_named(j, head)):
                return named  # "... built their case on data from the health ministry in
                # Gaza. According to the ministry, ...": the body the sentence before names,
                # though it claims nothing there
        if fallback and not depth and head in attribution.ROLE_HEADS:
            # "the ministry" with only other kinds of body named lately: the ministry named
            # further up, if any ("... the Ministry of Health said" in the opening paragraph)
            return self.named_up_to(head, index - self.LOOKBACK) or fallback
        return fallback

    def _body_named(self, index: int, head: str) -> str | None:
        """The last body with `head` ("ministry") a sentence names as a source of data, if the
        registry knows it."""
        sent = self.spans[index]
        if head not in sentences.lower(self.text[sent.start:sent.end]):
            return None
        found = [m.group("body")
                 for m in _body_mention(head).finditer(self.text, sent.start, sent.end)]
        return found[-1] if found and is_known(found[-1]) else None

    def named_up_to(self, head: str, last: int) -> str | None:
        """The last body named with `head` ("ministry") in sentences 0..last. Sentences come
        in order, so each is read once per head, not once per cue that looks back."""
        scanned, found = self._named.get(head, (-1, None))
        if last < scanned:
            scanned, found = -1, None
        for j in range(scanned + 1, last + 1):
            for a in self.cues(j):
                if not a.generic and head in a.claimant.lower() and \
                        not a.claimant.lower().startswith(("a ", "an ")):
                    found = a.claimant
        if last >= 0:
            self._named[head] = (last, found)
        return found

    def subject(self, index: int, person: bool = False) -> attribution.Attribution | None:
        """A known body opening an earlier sentence ("The Hamas-run health ministry released
        figures."): an antecedent for a later "it said" even without a claim verb. For "he"
        or "she", also a person given an age ("Ahmed Kafarna, 34, walked home.") or, in a
        sentence with no cue, a person named with their role ("Palestinian envoy Riyad Mansour
        called it ...")."""
        sent = self.spans[index]
        if person and (aged := _AGED_PERSON.match(self.text, sent.start, sent.end)):
            return attribution.Attribution(aged.group("name"), aged.end(), False, False)
        if person and not self.cues(index) and \
                (named := attribution.OPENING_NAME.match(self.text, sent.start, sent.end)):
            # "Palestinian envoy Riyad Mansour called it ... He said ...": a person named in
            # full opening the sentence, whatever its verb
            return attribution.Attribution(named.group("c"), named.end("c"), False, False)
        begin = attribution.past_turn_label(self.text, sent.start)
        m = _SUBJECT.match(self.text, begin, min(sent.end, begin + 90))
        if not m:
            return None
        # a day between the subject and its verb: "The ministry on Friday raised ..."
        phrase = attribution.DATE_ASIDE.sub("", m.group("np"))
        if not is_known(phrase) or _NOT_A_SPEAKER.search(phrase):
            return None
        # placed after its verb: in its own sentence it comes before a later cue only,
        # never before the cue whose speaker it is ("The group itself says ...")
        return attribution.Attribution(phrase, m.end(), False, False)

    def resolve(self, index: int, cue: attribution.Attribution) -> tuple[str, bool]:
        if forces := _ITS_FORCES.fullmatch(cue.claimant):
            owner = self.antecedent(index, attribution.Attribution("it", cue.start, True, True))
            named = f"{owner}'s {forces.group('force').lower()}" if owner else None
            if named and resolve_claimant(named)[1] not in ("other", "outlet"):
                return named, False
        if _ITS_UNIT.fullmatch(cue.claimant) and not is_known(cue.claimant):
            # "Its information unit added that ...": a part of the body named before speaks
            # for it
            owner = self.antecedent(index, attribution.Attribution("it", cue.start, True, True))
            if owner and resolve_claimant(owner)[1] not in ("other", "outlet"):
                return owner, False
        if _ROLE_NAME.match(cue.claimant) and not is_known(cue.claimant):
            # "spokesperson Thameen Al-Kheetan": a person we do not know, speaking for the body
            # named before
            found = self.antecedent(index, attribution.Attribution("the spokesperson", cue.start,
                                                                   True, True))
            if found and is_known(found):
                return found, False
        if cue.generic:
            if self.speaks_for_itself(index, cue):
                return self.outlet, True  # "The Ministry affirms" in the ministry's statement
            found = self.antecedent(index, cue) or self.named_below(index, cue)
            if cue.cited:
                found = _of_its_kind(cue.claimant, found)  # "Al Jazeera, citing the ministry,
                # said" with no ministry named before: the ministry, not whoever spoke last
            if found:
                return self.with_role(found, index), False
            return cue.claimant, True
        return self.with_role(cue.claimant, index), True

    def with_role(self, name: str, index: int) -> str:
        """A person's name with the known body they were introduced with earlier ("Hamdan,
        a surgeon at al-Shifa Hospital"), or the name as it is."""
        if (there := _ROLE_THERE.fullmatch(name)) is not None:
            start = self.spans[max(0, index - 1)].start
            places = _HOSPITAL_THERE.findall(self.text, start, self.spans[index].end)
            if places and is_known(place := places[-1]):
                return f"{there.group('role')} at {place}"
        if _PERSON_NAME.fullmatch(name) and not is_known(name) and \
                (role := self.introduced_as(name, self.spans[index].start)):
            return f"{name}, {role}"
        return name

    def introduced_as(self, name: str, before: int) -> str | None:
        """The known body a person was last introduced with before `before` ("Dr. Ahmed Hamdan,
        a surgeon at al-Shifa Hospital, ..."), for a later "Hamdan said"; None if none."""
        roles = [role for pos, role in _introductions(self.text, name.split()[-1]) if pos < before]
        return roles[-1] if roles else None

    def named_below(self, index: int, cue: attribution.Attribution) -> str | None:
        """For a role noun in the first sentence, most often the headline ("Toll rises to 90,
        ministry says", "Ministry: 516 killed"), which has nothing before it to look back to:
        the first body of that kind the text names below it."""
        head = cue.claimant.lower().split()[-1]
        if index or head not in attribution.ROLE_HEADS:
            return None
        return next((a.claimant for j in range(1, min(len(self.spans), self.LOOKBACK + 1))
                     for a in self.cues(j) if not a.generic and head in a.claimant.lower()),
                    None)

    def speaks_for_itself(self, index: int, cue: attribution.Attribution) -> bool:
        """A role noun ("the ministry", "the agency") in text published by a known body of that
        kind, with no earlier body of the same kind named: the publisher means itself."""
        head = cue.claimant.lower().split()[-1]
        if not self.outlet or head not in attribution.ROLE_HEADS or \
                resolve_claimant(self.outlet)[1] in ("other", "outlet"):
            return False
        named = [a for j in range(max(0, index - self.LOOKBACK), index + 1) for a in self.cues(j)
                 if not a.generic and head in a.claimant.lower()]
        return not named and (head in self.outlet.lower() or head in ("agency", "office"))

    def introducer(self, index: int) -> attribution.Attribution | None:
        """The speaker who introduces a quotation with a colon ("The Forum said in a
        statement:"), in the sentence just before the quoted paragraph."""
        first = index
        while first > 0 and self.spans[first - 1].paragraph == self.spans[index].paragraph:
            first -= 1
        if first == 0:
            return None
        before = self.spans[first - 1]
        if not self.text[before.start:before.end].rstrip().endswith(":"):
            return None
        cues = self.cues(first - 1)
        return cues[-1] if cues else None

    def speaker_before(self, index: int) -> attribution.Attribution | None:
        """The speaker of a quotation closed earlier in the same paragraph, whose next quotation
        is theirs too: '"It was complex," X said. "We will bring all 134 home."'"""
        j = index - 1
        while j >= 0 and self.spans[j].paragraph == self.spans[index].paragraph:
            start = self.spans[j].start
            for c in self.cues(j):
                if not c.relative and attribution.quote_closes_before(
                        self.text, start, self._named_at(c, start) or c.start):
                    return c
            j -= 1
        return None

    def _named_at(self, cue: attribution.Attribution, start: int) -> int | None:
        """Where the cue's speaker is written, between `start` and its verb ("X, a spokesman,
        told"), or None."""
        named = self.text.find(cue.claimant, start, cue.start)
        return named if named > 0 else None

    def list_speaker(self, index: int) -> tuple[int, attribution.Attribution] | None:
        """(sentence, cue) of the claimant whose list sentence `index` is a bullet of: "The
        Government Media Office added the following:" speaks for each bullet under it that
        names no one itself."""
        line_start = self.text.rfind("\n", 0, self.spans[index].start) + 1
        lead = sentences.list_lead(self.text, line_start)
        if lead is None or not self.text[lead:self.text.find("\n", lead)].rstrip().endswith(":"):
            return None
        first = index
        while first > 0 and self.spans[first].start > lead and \
                index - first <= sentences.MAX_LIST_LINES:
            first -= 1
        cues = self.cues(first)
        return (first, cues[-1]) if cues else None

    def turn(self, line_start: int, pos: int) -> re.Match | None:
        """The transcript turn label last before `pos` on its line (labels found once a line)."""
        if line_start not in self._labels:
            labels = attribution.turn_labels(self.text, line_start)
            self._labels[line_start] = (labels, [label.end() for label in labels])
        labels, ends = self._labels[line_start]
        i = bisect_left(ends, pos + 1) if labels else 0
        return labels[i - 1] if i else None

    def turn_speaker(self, label: re.Match) -> str | None:
        """Who speaks in a transcript turn (`attribution.turn_speaker`), once per label."""
        if label.start() not in self._turns:
            self._turns[label.start()] = attribution.turn_speaker(self.text, label)
        return self._turns[label.start()]

    def in_quote(self, index: int) -> bool:
        """Whether sentence `index` is part of a quotation: it opens one, or its paragraph
        opens with a quotation mark and no sentence before it in the paragraph closed it."""
        if attribution.opens_quote(self.text[self.spans[index].start:self.spans[index].end]):
            return True
        first = index  # (a quotation opened more than QUOTE_REACH sentences back is over)
        while first > max(0, index - self.QUOTE_REACH) and \
                self.spans[first - 1].paragraph == self.spans[index].paragraph:
            first -= 1
        opening = self.text[self.spans[first].start:self.spans[index].start]
        return first < index and opening.lstrip().startswith(("“", '"')) and \
            opening.count("“") + opening.count('"') % 2 > opening.count("”")

    def quote_speaker(self, index: int) -> attribution.Attribution | None:
        """The speaker named right after a quotation that includes sentence `index`: at the
        start of one of the next sentences of the paragraph, or in the next paragraph, either
        with a claim verb or as a short line naming a known body ("Dr. Munir al-Bursh,
        Director-General of the Ministry of Health"; "That was the assessment of X")."""
        sent = self.spans[index]
        for j in range(index + 1, min(len(self.spans), index + 6)):
            later = self.spans[j]
            # (or after the quotation closes in it: '... for the next stage," said X')
            # (or '...," Israel's chief military spokesman, Rear Admiral X, told reporters')
            found = [c for c in self.cues(j) if c.start - later.start < 60 or (
                not c.relative and attribution.one_quote_closes(self.text, later.start, c.start))
                or (not c.relative and (named := self._named_at(c, later.start)) is not None
                    and attribution.one_quote_closes(self.text, later.start, named))]
            if found:
                return found[0]
            if later.paragraph != sent.paragraph:
                line = self.text[later.start:later.end]
                named = _SPEAKER_LINE.match(line)
                if named and len(line.split()) <= 25 and \
                        is_known(named.group("who")):
                    return attribution.Attribution(named.group("who").strip(" .,"),
                                                   later.start, True, False)
                break
        return None


_IN_ASIDE = re.compile(r",\s+(?:which|who|where)\s[^,]*$", re.IGNORECASE)
# the comma that closes an aside: not a thousands separator, not a participle going on
_ASIDE_CLOSE = re.compile(r",(?!\d)(?!\s+\w+ing\b)")
# "the attack of October 7", "killed on October 7": a date that is the attack's
_ATTACK_DATE = re.compile(r"\b(?:attack|assault|onslaught|incursion|massacre|rampage|invasion|"
                          r"killed|murdered|abducted|taken|seized|overran|stormed|infiltrated|raided)\b[^.;]{0,25}$",
                          re.IGNORECASE)
_IN_WHICH = re.compile(r",?\s+(?:in which|which|that)\b", re.IGNORECASE)
_IN_THE_ATTACK = re.compile(r"[^;]*\b(?:in|during)\s+(?:the|its|their|hamas(?:'s|’s)?)\s+$",
                            re.IGNORECASE)


_TOLL_AT = re.compile(r"\s+(?:(?:has\s+|was\s+|been\s+|now\s+)*[a-z]+\s+)?(?:to|at)\s+|"
                      r"\s+(?:is|was|stands at|stood at)\s+", re.IGNORECASE)


def _attack_toll(text: str, mention: NumberMention, attack: re.Match, since: bool) -> bool:
    """Whether a count is the toll of the attack its sentence names by its date ("the October 7
    assault"): in a clause of the attack, not a running total since it ("100 days since the
    October 7 onslaught, in which 1,200 were killed" is still its toll), nor that of a war it
    set off."""
    if attack.end() <= mention.start:  # "the October 7 onslaught, in which 1,200 were killed"
        between = text[attack.end():mention.start]
        if attack.group().lower().endswith(("toll", "tolls")):  # "October 7 death toll
            return bool(_TOLL_AT.fullmatch(between))  # revised to about 1,200"
        return bool(_IN_WHICH.match(between)) and "war" not in between.lower()
    # "abducted some 240 people, including 33 children, in its October 7 assault"
    return not since and bool(_IN_THE_ATTACK.match(text, mention.end, attack.start()))


_BRINGING_TO = re.compile(r"\b(?:bringing|raising|taking|pushing)\s+(?:to\s+|(?:the|its|their)\s+"
                          r"[^,.;]{0,40}?\bto\s+)$", re.IGNORECASE)
# cheap substring gates for _THAT_DAY ("that morning": the day named before, as "that day")
_THAT_DAY_WORDS = ("day", "hours", "that morning", "that afternoon", "that evening", "that night")
# "\bthat (?:day|morning|...)\b|\bthe (?:same )?day(?:['’]s)?\b|\b(?:hours|minutes) later\b|
# \bwithin (?:hours|minutes)\b|\blater that\b" with every branch opening with plain letters and
# its "\b" a look-behind after them ("tha(?<!\w...)t"): `re` skips in C to the few places it
# can start.
_THAT_DAY = re.compile(r"tha(?<!\w...)t (?:day|morning|afternoon|evening|night)\b|"
                       r"the(?<!\w...) (?:same )?day(?:['’]s)?\b|"
                       r"hou(?<!\w...)rs later\b|min(?<!\w...)utes later\b|"
                       r"wit(?<!\w...)hin (?:hours|minutes)\b|lat(?<!\w...)er that\b")


def _that_day(text: str, spans: list[sentences.Sentence], index: int,
              published: date | None) -> date | None:
    """"Militants seized 251 hostages that day": the last date named in the sentences just
    before."""
    for j in range(index - 1, max(-1, index - 3), -1):
        found = dates.find(text, spans[j].start, spans[j].end, published)
        if found:
            return found[-1].value
    return None


# "They murdered ...": the subject of the sentence before, doing more
# (a claim made now is not told of that day: "They report that 239 are held")
_THEY_GO_ON = re.compile(r"[\s\"“]*(?:They|He|She)\s+(?!said|say|says|added|told|reports?\b|"
                         r"estimates?\b|believes?\b|claims?\b|notes?\b)[a-z]+\b")


def _told_on(text: str, spans: list[sentences.Sentence], index: int,
             published: date | None) -> date | None:
    """The date that opens the sentence before, in the same paragraph, when this one goes on
    with the same subject ("On October 7, 2023, thousands of terrorists infiltrated Israel. They
    murdered approximately 1,200 people"), else None."""
    if not index or spans[index - 1].paragraph != spans[index].paragraph or \
            not _THEY_GO_ON.match(text, spans[index].start, spans[index].end):
        return None
    before = spans[index - 1]
    found = dates.find(text, before.start, before.end, published)
    return found[0].value if found and found[0].start - before.start <= 3 else None


def _respectively(chosen: list) -> list:
    """"300 Palestinians and 20 Israelis were killed, according to the Health Ministry and the
    IDF": two figures and two sources, in the same order."""
    for cue in {c for c in chosen if c is not None and c.pair}:
        mine = [k for k, c in enumerate(chosen) if c is cue]
        if len(mine) == 2:
            for k, name in zip(mine, cue.pair, strict=True):
                chosen[k] = attribution.Attribution(name, cue.start, True, False)
    return chosen


_FIRST_PERSON = {"we", "i"}
_OWN_VOICE = _FIRST_PERSON | {"our"}  # "Our teams have confirmed ...": the speaker's body


def _quoted_speaker(cues: list[attribution.Attribution], cue: attribution.Attribution,
                    attributions: _Attributions, index: int) -> attribution.Attribution | None:
    """'"We counted 30 children," said a paramedic': inside a quotation, "we" and "I" are
    its speaker, named later in the sentence or right after the quotation."""
    if not attributions.in_quote(index):
        return None
    named = [c for c in cues if c.start > cue.start and not c.generic]
    return named[-1] if named else attributions.quote_speaker(index)


def _of_its_kind(role: str, found: str | None) -> str | None:
    """`found`, the body a role noun ("the ministry") was traced back to, if it is of the kind
    the noun names; None for whoever else spoke last."""
    return found if found and role.lower().split()[-1] in found.lower() else None


def _next_claimants(attributions: _Attributions, index: int, before: int) -> set[str]:
    """The classes of the claimants a sentence names itself before `before` (pronouns and
    role nouns, which point back, name none), or of the owner of the data it opens with ("The
    army's claims are unverified", "The ministry's figures could not be verified": the army,
    the ministry named before)."""
    named = {resolve_claimant(cue.claimant)[1] for cue in attributions.cues(index)
             if not cue.generic and cue.start < before}
    sent = attributions.spans[index]
    owner = _DATA_OWNER.match(attributions.text, sent.start, sent.end)
    if named or not owner or owner.start("owner") >= before:
        return named
    name = owner.group("owner")
    if attribution.GENERIC.match(name):
        name = _of_its_kind(name, attributions.antecedent(index, attribution.Attribution(
            name, owner.start("owner"), True, True))) or name
    return {resolve_claimant(name)[1]}


# a sentence opening with whose data it speaks of: "The ministry's figures could not be ..."
_DATA_OWNER = re.compile(r"\s*(?P<owner>(?:[Tt]he\s+)?[\w-]+(?:\s+[\w-]+){0,2}?)(?:'s|’s)\s+"
                         r"(?:[a-z]+\s+)?(?:claims?|figures?|tolls?|numbers?|counts?|data|tally)\b")


def _verified_scope(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the words saying a figure "cannot be independently verified" start and where their
    clause ends, or None when the sentence says no such thing: "Its figures cannot be
    verified; Israel says it has killed 13,000" leaves Israel's figure alone."""
    found = _VERIFY_NEXT.search(text, start, end)
    if not found:
        return None
    split = _NEW_CLAIM.search(text, found.end(), end)
    return found.start(), split.start() if split else end


# "released 1,968 prisoners under the truce that took effect on Friday": the date is the truce's
_THAT_OF_ANOTHER = re.compile(r"\b(?:under|during|after|before|since)\s+(?:the|a|an|its)\s+"
                              r"(?:[\w-]+\s+)?[\w-]+\s+(?:that|which)\b", re.IGNORECASE)
_NEW_CLAIM = re.compile(r";|,\s+(?:and|but|while)\s+(?-i:[A-Z])")


def _metrics_since(figures: list[Figure], start: int, end: int) -> tuple[str, ...]:
    """The metrics of the figures in text[start:end] (the sentence before), in order."""
    n = len(figures)
    while n and figures[n - 1].span_end >= start:
        n -= 1
    return tuple(f.metric for f in figures[n:] if f.span_start < end)


def _entry_before(text: str, line_start: int, s_start: int, figures: list[Figure],
                  published: date | None, line_date: date | None) -> tuple[str, ...]:
    """The metrics of the figures of the list entry before, in order, when the sentence opens
    an entry of a tally by day (a line headed by its day) that follows another entry."""
    if s_start - line_start > 3 or not figures or line_date is None:
        return ()
    end = line_start - 1
    while end > 0 and text[end - 1] == "\n":  # the blank lines between entries
        end -= 1
    start = text.rfind("\n", 0, end) + 1
    if figures[-1].span_start < start or dates.heading(text, start, published) is None:
        return ()
    n = len(figures)  # from the end: the entry before is the last one
    while n and figures[n - 1].span_start >= start:
        n -= 1
    return tuple(f.metric for f in figures[n:] if f.span_start < end)


def _list_claimant(attributions: _Attributions, index: int,
                   outlet_name: str) -> tuple[str, bool] | None:
    """(claimant, explicit) of the line leading the bulleted list sentence `index` is in, or
    None: when no such line speaks, or when the outlet speaks there of itself ("the Government
    Media Office publishes the following statistics:" in the office's own statement)."""
    listed = attributions.list_speaker(index)
    if listed is None:
        return None
    claimant, explicit = attributions.resolve(*listed)
    return None if resolve_claimant(claimant)[0] == resolve_claimant(outlet_name)[0] \
        else (claimant, explicit)


def extract_figures(text: str, published: date | None = None,
                    outlet: str | None = None) -> list[Figure]:
    """Every figure in `text`, in text order (CONTRACT §2)."""
    lowered = sentences.lower(text)
    if not has_number(lowered):
        return []
    outlet_name = outlet or "outlet"
    figures: list[Figure] = []
    spans = sentences.split(text)
    attributions = _Attributions(text, spans, outlet)
    seen: dict = {}  # value -> metric of the figures so far ("the 97" refers back)
    for index in with_numbers(lowered, spans):  # most sentences hold no number
        s_start, s_end = spans[index].start, spans[index].end
        mentions = [n for n in find_numbers(text, s_start, s_end)
                    if n.fraction or not metrics.is_excluded(
                        text, n.num_start, n.num_end, text[n.num_start:n.num_end])]
        if not mentions:
            continue
        events = metrics.mark_main_verbs(text, lowered, metrics.events_in(text, s_start, s_end))
        context_start = spans[index - 1].start if index else s_start
        if index > 1 and _OF_THEM.search(lowered, s_start, s_end) and \
                not has_number(lowered[context_start:s_start]) and \
                _THE_COUNT_ITSELF.search(lowered, context_start, s_start):
            # "61 hostages are still held. I fear that number is too low. As many as 40 of them
            # are dead": a sentence on the count itself does not hide the one "them" counts in
            # (one on other people does: "... struck a car of commanders. Three of them died")
            context_start = spans[index - 2].start
        before = _referent(text, figures, context_start)
        line_start = text.rfind("\n", 0, s_start) + 1
        # the day a timeline's entry opens with, for its figures that name none of their own
        line_date = dates.heading(text, line_start, published)
        made = _figures_in_sentence(text, lowered, s_start, s_end, mentions, events,
                                    text[context_start:s_end], context_start,
                                    before.metric if before else None, seen,
                                    before.value if before else None,
                                    _metrics_since(figures, context_start, s_start),
                                    () if events else _entry_before(
                                        text, line_start, s_start, figures, published,
                                        line_date))
        if not made:
            continue
        sentence = text[s_start:s_end]
        words = _SentenceWords(text, lowered, s_start, s_end)
        cues = attributions.cues(index)
        date_mentions = dates.find(text, s_start, s_end, published)
        owned = {}  # figure end -> start of the date right after it
        for mention, *_ in made:
            for d in date_mentions:
                if d.start >= mention.end and d.start - mention.end < 120 and \
                        not _COMMA.search(text, mention.end, d.start) and \
                        not _OF_THE.match(text, mention.end) and \
                        not _TAKEN_PART.match(text, mention.end) and \
                        not _PART_OF_THE_TAKEN.fullmatch(text, mention.end, d.start) and \
                        not _DEADLINE.search(text, mention.end, d.start) and \
                        not _THAT_OF_ANOTHER.search(text, mention.end, d.start):
                    # ("94 of the 251 ... on Oct 7"; "14 more to be freed before the phase ends
                    # on 1 March")
                    owned[mention.end] = d.start
                    break
        lower = sentence.lower()  # cheap substring gates before the hedge patterns
        following = text[spans[index + 1].start:spans[index + 1].end].lower() \
            if index + 1 < len(spans) else ""
        # where "... cannot be independently verified" stops reaching: its clause
        unverified_end = (_verified_scope(text, s_start, s_end) or (0, None))[1] \
            if "verif" in lower else None
        # in the next sentence it hedges this one's figures when it speaks of the same claimant
        # or names none before it ("Its figures cannot be verified; Israel says ..."; "The
        # ministry's figures could not be verified, the channel noted": who remarks on it after
        # is no claimant of the figures)
        next_scope = _verified_scope(text, spans[index + 1].start, spans[index + 1].end) \
            if unverified_end is None and "verif" in following else None
        next_unverified = None if next_scope is None else _next_claimants(
            attributions, index + 1, next_scope[0])
        hedges = [m.start() for m in _HEDGE.finditer(text, s_start, s_end)] \
            if _HEDGE_HINT.search(lower) else []
        # a share does not stop a hedge from reaching its base ("Of the 111 held, about a
        # third are believed dead": the count of the held is the believed one too)
        spans_made = [m.start for m, *_ in made if m.fraction is None]
        # "... killed since October 7, including those who fell that day": that day starts a
        # running total, it does not date it
        that_day = any(w in lower for w in _THAT_DAY_WORDS) and bool(_THAT_DAY.search(lower)) \
            and "since" not in lower
        # the attack a sentence names by its date, looked for once per sentence (it dates the
        # tolls told in its clauses: `_attack_toll`)
        attack = dates.attack_named(lowered, s_start, s_end, published) if "oct" in lower \
            else None
        since = attack is not None and "since" in lower
        quote_speaker = None
        if not cues and attributions.in_quote(index):
            quote_speaker = attributions.quote_speaker(index) or attributions.introducer(index) \
                or attributions.speaker_before(index)
        chosen = [attribution.choose(cues, text, m.start, s_end) for m, *_ in made]
        if any(c is not None and c.pair for c in chosen):
            chosen = _respectively(chosen)
        in_list = False  # the figure before was a part of a breakdown ("including 12 women")
        # the day the sentence before opens with, when this one goes on with its subject
        told_on = None if date_mentions else _told_on(text, spans, index, published)
        # a transcript's turn ("HAGARI: ...", "A: ...") is its speaker's, as far as no one
        # else is named in it
        for (mention, metric, people, derived), cue in zip(made, chosen, strict=True):
            if metric == "killed" and _WERE_TAKEN.match(text, mention.num_end):
                metric = "abducted"  # "nine were killed and six were taken": taken, with
                # nowhere else named, beside the killed (before the dating, which knows the
                # attack's abducted)
            turn = attributions.turn(line_start, mention.start) \
                if cue is None or cue.claimant.lower().split()[0] in _OWN_VOICE \
                else None
            speaker = attributions.turn_speaker(turn) if turn is not None else None
            if speaker:
                cue = attribution.Attribution(speaker, turn.start(), True, False)
            elif cue is not None and cue.claimant.lower() in _FIRST_PERSON:
                cue = _quoted_speaker(cues, cue, attributions, index) or cue
            if speaker == "":  # the outlet's own anchor or correspondent
                claimant, explicit = outlet_name, False
            elif cue is not None and cue.claimant == "I" and not attributions.in_quote(index):
                claimant, explicit = outlet_name, False  # the writer ("I counted nine bodies"),
                # never a speaker named before ("..., a nurse there told me")
            elif cue is not None:
                claimant, explicit = attributions.resolve(index, cue)
                if claimant.lower() in _FIRST_PERSON and not attributions.in_quote(index):
                    # "We have recorded 120 martyrs" in a statement naming no one before: the
                    # publisher's own voice (a body named before, as in "IDF: ...", is found
                    # by resolve, as for any pronoun)
                    claimant, explicit = outlet_name, False
            elif quote_speaker is not None:
                claimant, explicit = attributions.resolve(index, quote_speaker)
            elif (listed := _list_claimant(attributions, index, outlet_name)) is not None:
                claimant, explicit = listed
            elif figures and figures[-1].span_end >= context_start and \
                    (opener := _BARE_OPENER.match(text, s_start, s_end)
                               or _PART_OPENER.match(text, s_start, s_end)
                               or _AMONG_THE_COUNTED.match(text, s_start, s_end)) and \
                    opener.end() <= mention.start and \
                    not _OTHER_CLAUSE.search(text, opener.end(), mention.start) and (
                        figures[-1].span_end < s_start
                        or figures[-1].span_start >= s_start  # its next part, as the first
                        or _BREAKDOWN_GAP.match(text, figures[-1].span_end, mention.start)
                        or _LIST_NEXT.match(text, figures[-1].span_end, mention.start)):
                # "According to the ministry, 35,000 were killed. Of these, 24,686 have been
                # identified": a breakdown of the figure before is its claimant's
                claimant, explicit = figures[-1].claimant, False
            else:
                claimant, explicit = outlet_name, False
            if (claimant == outlet_name and not explicit) or _own_tally(claimant, outlet):
                claimant_id, claimant_class = resolve_claimant(outlet_name, outlet_name)
            else:
                claimant_id, claimant_class = resolve_claimant(claimant)
            location = _location(text, mention.end, s_end)
            if claimant_id == "gaza_moh" and (seat_id := _ministry_seat(
                    claimant, location, text, s_start, s_end, context_start)):
                claimant_id, claimant_class = by_id(seat_id)
            elif claimant_class == "other" and _BARE_MEDICS.fullmatch(claimant) and \
                    (hospital := _HOSPITAL_NAMED.search(sentence)) and \
                    resolve_claimant(hospital.group())[1] == "gaza_health":
                # "At Nasser Hospital in Khan Younis, medics said ...": the hospital's own
                claimant_id, claimant_class = resolve_claimant(hospital.group())
            elif claimant_class == "other" and outlet and _BARE_ROLE.match(claimant) and \
                    (publisher := resolve_claimant(outlet))[1] not in ("other", "outlet"):
                # "Deputy Spokesperson Elena Marsh" in the State Department's own transcript:
                # a role naming no body is the publisher's
                claimant_id, claimant_class = publisher
            elif claimant_class == "other" and _BARE_GOVERNMENT.fullmatch(claimant) and \
                    _ISRAEL_HOME_FRONT.search(sentence):
                claimant_id, claimant_class = by_id("israel_gov")
            as_of = _as_of(date_mentions, text, mention, owned, published, s_start)
            # "..., bringing the day's toll to 24", "... taken hostage that day", "killed on
            # Monday, bringing to 221 the number killed": the day named earlier in the sentence
            # (for "that day", else in the sentences just before)
            if as_of == published and (that_day or ("ing " in lower and _BRINGING_TO.search(
                    text, max(s_start, mention.start - 70), mention.start))):
                earlier = [d for d in date_mentions if d.end <= mention.start]
                as_of = earlier[-1].value if earlier else \
                    (_that_day(text, spans, index, published) if that_day else None) or as_of
            part = bool(figures) and s_start <= figures[-1].span_end <= mention.start and (
                _BREAKDOWN_GAP.match(text, figures[-1].span_end, mention.start)
                or _IN_STAGES.search(text, figures[-1].span_end, mention.start)
                # "Israel freed 1,968 on Monday, according to ...: 1,718 detained in Gaza and
                # 250 serving life terms": the whole's parts, listed after a colon
                or (_COLON_PARTS.fullmatch(text, figures[-1].span_end, mention.start)
                    and mention.value < figures[-1].value)
                or (in_list and (_LIST_NEXT.match(text, figures[-1].span_end, mention.start)
                                 or _THEN.match(text, figures[-1].span_end, mention.start))))
            whole = figures[-1] if figures else None
            # "615 of them near aid sites and 183 on convoy routes": a part, and the list it opens
            part = part or bool(whole and s_start <= whole.span_end <= mention.start
                                and _OF_THEM.match(text, mention.end))
            if part and (as_of == published or _date_of_the_whole(whole, mention, owned,
                                                                   date_mentions, as_of)):
                as_of = date.fromisoformat(whole.as_of) if whole.as_of else as_of
            in_list = part
            if metric == "abducted" and as_of == published and any(
                    d.value == dates.WAR_BEGAN and d.end <= mention.start
                    and _ATTACK_DATE.search(text, max(s_start, d.start - 40), d.start)
                    for d in date_mentions):
                as_of = dates.WAR_BEGAN  # "killed in the attack of October 7, and 251 were
                # taken hostage": a count of the abducted is the attack's, whose date it names
            elif (metric == "abducted" or metric in _KILLED_FAMILY) and as_of == published and \
                    attack and _attack_toll(text, mention, attack, since):
                as_of = dates.WAR_BEGAN  # "Hamas's October 7 onslaught, in which some 1,200
                # people were killed", "abducted some 240 in its October 7 assault": the
                # attack's own toll, dated by the name it goes by
            if as_of == published and line_date is not None:
                as_of = line_date  # "October 7, 2023 — ... About 1,200 people are killed"
            elif as_of == published and told_on is not None:
                as_of = told_on  # "On October 7, 2023, terrorists infiltrated Israel. They
                # murdered approximately 1,200 people": the day the story is told of
            value, low, high = mention.value, mention.value_low, mention.value_high
            qualifier = mention.qualifier
            if derived is not None:  # a share of a base figure
                value = mention.fraction * derived
                low, high = bounds_for(qualifier, value)
                qualifier = "fraction_of"
            status = words.status_of(mention.start, mention.estimated)
            if status == "planned" and (told := _PAST_RELATIVE.match(text, mention.start, s_end)) \
                    and _told_metric(text, told, metric):
                status = "reported"  # "some 60,000 people who were displaced for a year, will
                # go on receiving grants": what befell them, whatever the main verb plans
            elif status in ("planned", "proposed") and metric in ("displaced", "injured") and \
                    people.end > mention.num_end and _STATE_NAMED.match(text, people.end):
                status = "reported"  # "to allow some 60,000 residents displaced from the north
                # to return": a state they are in now; the plan is their return
            elif status in ("planned", "proposed") and metric in ("hostages_dead",
                                                                   "hostages_alive") and \
                    _STATE_NOW.match(text, mention.num_end):
                status = "reported"  # "33 hostages are to be returned, eight of whom are no
                # longer alive": what they are now, whatever the deal plans
            if status in ("planned", "proposed") and _next_year_soon(as_of, published):
                as_of = published  # "On 25 January, four more are to be freed" (published 22
                # January): a day to come, read back a year; a plan is dated when it is told
            if status in ("proposed", "planned") and (metric == "population" or (
                    metric == "hostages_remaining"
                    and text.endswith(" of the ", 0, mention.start))):
                status = "reported"  # "will bring relief to the 2.1 million people of Gaza",
                # "would free 33 of the 98 hostages still held": those there now
            if metric in ("hostages_remaining", "hostages_released") and _UNTIL_ALL.search(
                    text, max(s_start, mention.start - 30), mention.start):
                metric, status = "hostages_remaining", "reported"  # "we will not rest until
                # all 109 hostages are home", "vowed to bring all 120 hostages home": the count
                # held now; the return is what is hoped for
            if status == "reported" and _THE_COUNT_OPENS.fullmatch(text, s_start, mention.start) \
                    and _INCLUDE_NEXT.match(text, mention.num_end):
                status = next((f.status for f in reversed(figures) if f.value == mention.value),
                              status)  # "33 would be freed. The 33 could include ...": the
                # same count, as proposed as it was
            seen.setdefault(mention.value, metric)
            figures.append(Figure(
                metric=metric, value=_number(value),
                value_low=None if low is None else _number(low),
                value_high=None if high is None else _number(high),
                qualifier=qualifier, subject=people.subject if people else None,
                location=location,
                claimant=claimant, claimant_class=claimant_class, claimant_id=claimant_id,
                attribution_explicit=explicit, status=status,
                hedged=(unverified_end is not None and mention.start < unverified_end) or (
                    next_unverified is not None and (
                    not next_unverified or claimant_class in next_unverified))
                or _hedged(mention.start, mention.end, hedges, spans_made,
                           [c.start for c in cues], words),
                as_of=as_of.isoformat() if as_of else None, derived=derived is not None,
                span_start=mention.start, span_end=mention.end,
                surface=text[mention.start : mention.end], sentence=sentence,
            ))
    return figures


# "The freed prisoners include 250 serving life terms and 1,718 people detained in Gaza":
# the parts of a group named as the sentence's subject.
_INCLUDE_SUBJECT = re.compile(r"\W*(?:the|those|these|this|that)\s+(?:[\w-]+\s+){0,2}?"
                              r"(?P<batch>(?:batch|group|round) of\s+)?(?P<noun>prisoners|"
                              r"detainees|hostages|captives)\s*(?:,[^,.;]{0,50},\s*)?(?:\w+\s+)?"
                              r"(?:include[sd]?|"
                              r"comprise[sd]?)\b", re.IGNORECASE)


def _referent(text: str, figures: list[Figure], context_start: int) -> Figure | None:
    """The figure of the sentence before that "them" in the next one points at: its last,
    unless that is a part of the one before it ("About 98 hostages remain, including four
    held before the war. A third of them are dead": the 98)."""
    if not figures or figures[-1].span_end < context_start:
        return None
    if len(figures) > 1 and figures[-2].span_start >= context_start and \
            figures[-2].span_end <= figures[-1].span_start and \
            _BREAKDOWN_GAP.match(text, figures[-2].span_end, figures[-1].span_start):
        return figures[-2]
    return figures[-1]


def _next_year_soon(as_of: date | None, published: date | None) -> bool:
    """Whether a date read as the last such day (up to a year back) names a day in the coming
    two months instead (never without a publication date, when nothing is dated)."""
    if as_of is None or published is None:
        return False
    try:
        ahead = as_of.replace(year=as_of.year + 1)
    except ValueError:  # 29 February
        return False
    return as_of < published and 0 < (ahead - published).days <= 60


def _included(text: str, s_start: int, mention: NumberMention, context: str) -> str | None:
    """The metric of a part of the group that the sentence says it includes (only when what
    the part is doing says nothing on its own)."""
    if "includ" not in text[s_start:mention.start] and "compris" not in text[s_start:
                                                                               mention.start]:
        return None
    subject = _INCLUDE_SUBJECT.match(text, s_start, mention.start)
    if not subject:
        return None
    group = metrics.group_in(subject.group("noun"))
    event = "released" if subject.group("batch") else next(  # "the third batch of hostages"
        (e[2] for e in metrics.events_in(context, 0, len(context))
         if e[2] in ("released", "abducted", "remaining", "rescued")), None)
    return metrics.metric_for(group, event, text[s_start:mention.end], None, context) \
        if event else None


# what happens next to dead hostages named by the noun phrase: their bodies come back
_RETURNED = re.compile(r"\s+(?:(?:have|has|had|were|was)\s+)?(?:(?:so far|now|since|already)\s+)?"
                       r"(?:been\s+)?(?:returned|handed over|released|repatriated|brought back|"
                       r"recovered)\b", re.IGNORECASE)
_OF_BEFORE = re.compile(r"\d[\d,]*\s+(?:out\s+)?of\s+(?:the\s+)?$", re.IGNORECASE)
_BARE_MEDICS = re.compile(r"(?:the\s+)?(?:medics|doctors|paramedics|medical staff|nurses)",
                         re.IGNORECASE)
_HOSPITAL_NAMED = re.compile(r"(?:[A-Z][\w'’-]*\s+){1,3}(?:Hospital|Medical Complex)\b"
                             r"(?:\s+in\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?")
# (with the "al-" the registry knows its names by: "al-Shifa Hospital")
_HOSPITAL_THERE = re.compile(r"(?:\b[Aa]l-)?" + _HOSPITAL_NAMED.pattern)
_BARE_MOH = re.compile(r"(?:the\s+)?(?:health ministry|ministry of (?:public )?health)$",
                       re.IGNORECASE)
# people who went along with others ("with 50 caregivers and 20 health workers"), before the count
_WITH_BEFORE = re.compile(r"\b(?:along with|together with|with|alongside)\s+"
                          # ("with 50 caregivers and 20 ...", "alongside 1,500 staff and 650")
                          r"(?:(?:[^,;.]|(?<=\d)[,.](?=\d)){1,40}\s+and\s+)?"
                          r"(?:(?:some|about|around|nearly|another)\s+)?$", re.IGNORECASE)
# a word that keeps a bare health ministry Gaza's
_GAZA_OR_PALESTINIANS = re.compile(r"\bgaza|palestin", re.IGNORECASE)
_IN_ISRAEL = re.compile(r"\b(?:killed|wounded|injured|died|murdered|hurt)\s+in\s+(?:southern\s+|"
                        r"northern\s+|central\s+)?Israel(?![\w'’])")
_MOH_SEAT = re.compile(r"\b(?:leban(?:on|ese)|hezbollah|beirut|(?P<yemen>yemen(?:i|'s)?|houthis?|"
                       r"sanaa|hodeidah))\b", re.IGNORECASE)
# A government named by no country ("the government says", "government figures") is Israel's
# when the people it counts are Israel's own ("60,000 Israelis", "residents of the north",
# "evacuees in state-funded hotels"); a Lebanese sitrep's "the Government" stays other.
_BARE_GOVERNMENT = re.compile(r"(?:the\s+)?government(?:\s+(?:figures|data|statistics|"
                              r"estimates))?", re.IGNORECASE)
_ISRAEL_HOME_FRONT = re.compile(r"\bIsraelis\b|\bnorthern (?:Israel|communities|border|towns)\b|"
                                r"\bthe north\b|\bGalilee\b|\bstate-funded\b|\bIsraeli "
                                r"(?:residents|civilians|communities|towns|evacuees)\b",
                                re.IGNORECASE)
_PALESTINIAN_MOH = re.compile(r"\bpalestinian\b(?!.*\bgaza\b)", re.IGNORECASE)
_WEST_BANK = re.compile(r"\bwest bank\b|\b(?:jenin|tulkarm|tulkarem|nablus|hebron|ramallah|"
                        r"tubas|qalqilya|jericho|bethlehem|nur shams|al-bireh)\b", re.IGNORECASE)


def _ministry_seat(claimant: str, location: str | None, text: str, s_start: int, s_end: int,
                   context_start: int) -> str | None:
    """Which health ministry a Palestinian or bare one read as Gaza's is, when it is another's:
    the registry knows a ministry by its name, the sentence (or the one before) by its place.
    """
    sentence = text[s_start:s_end]
    if (_PALESTINIAN_MOH.search(claimant) or _BARE_MOH.match(claimant)) and \
            _west_bank_figure(location, sentence):
        # the Palestinian health ministry has two seats; for the West Bank it is Ramallah's
        # ("... killed in Tulkarm, the Palestinian Ministry of Health said", "187 killed in the
        # West Bank, according to the Ministry of Health")
        return "pa_moh"
    if not _BARE_MOH.match(claimant):
        return None
    if (seat := _MOH_SEAT.search(sentence)) and "gaza" not in sentence.lower() or \
            not _LOCATION.search(text, s_start, s_end) and \
            (seat := _MOH_SEAT.search(text, context_start, s_start)) and \
            not _GAZA_OR_PALESTINIANS.search(text, context_start, s_end):
        # "... across Lebanon, killing 39 people, according to the health ministry", "strikes
        # on Hodeidah killed six, the health ministry said": not Gaza's (a sentence that names
        # no place may have it in the one before: "... bombardment of south Lebanon. The health
        # ministry said 558 people were killed")
        return "yemen_moh" if seat.group("yemen") else "lebanon_moh"
    if "gaza" not in sentence.lower() and _IN_ISRAEL.search(sentence):
        # "More than 1,300 people have been killed in Israel ..., according to the Health
        # Ministry": Israel's own
        return "israel_gov"
    return None


def _west_bank_figure(place: str | None, sentence: str) -> bool:
    """The figure is about the West Bank: its own place names a West Bank one, or, when it
    names none, the sentence speaks of the West Bank and not of Gaza ("40 killed in Gaza and
    three in Jenin": only the three)."""
    if place:
        return bool(_WEST_BANK.search(place))
    return bool(_WEST_BANK.search(sentence)) and not _GAZA.search(sentence)


_GAZA = re.compile(r"\bgaza\b", re.IGNORECASE)
_HOSTAGE_METRICS = {"hostages_remaining", "abducted", "hostages_alive", "hostages_dead"}
# the figure just before counted hostages: "bodies of the other 24" are hostages' bodies
_HOSTAGE_FIGURES = _HOSTAGE_METRICS | {"hostages_released", "hostages_rescued",
                                       "hostage_bodies_recovered"}


def _earlier_hostages(text: str, s_start: int, mention: NumberMention, people: metrics.People,
                      seen: dict | None) -> str | None:
    """The metric of "the 97" with no noun of its own (or only "dead") when 97 hostages were
    counted earlier in the article: the same group, referred back to."""
    if not seen or people.group not in (None, "people") or \
            (people.group == "people" and people.subject.lower() not in ("dead", "deceased")):
        return None
    if not text[max(s_start, mention.start - 6):mention.start].lower().endswith(
            ("the ", "those ", "these ")):  # ("33 of those 97 dead")
        return None
    metric = seen.get(mention.value)
    return metric if metric in _HOSTAGE_METRICS else None


def _earlier_count(text: str, s_start: int, mention: NumberMention, people: metrics.People,
                   seen: dict | None) -> str | None:
    """The metric of "the 320,000" with no noun at all, as the base of a share ("About half of
    the nearly 320,000 are children"), when that count was given earlier in the article."""
    if not seen or people.group is not None or \
            text[max(s_start, mention.start - 4):mention.start].lower() != "the " or \
            not _VERB_NEXT.match(text, mention.num_end):  # "of the 338,934 displaced are in
        return None  # UNRWA schools": its own word says more than the count before
    return seen.get(mention.value)


_RELEASED = {"prisoners_released", "hostages_released"}
# "... and detained more than 500", "the vaccination of 640,000 children", "a union that
# represents some 800,000 workers": the object of an act no metric names
# Acts done to people that no metric counts, as past participles: "detained 500", "500 were
# detained", "called up 60,000 reservists", "300,000 reservists had been called up"; troops
# deployed or massed are a force's size
_UNCOUNTED_ACTS = (r"arrested|detained|jailed|imprisoned|rounded up|called up|mobili[sz]ed|drafted|"
                   r"apprehended")
_DETAINED_BEFORE = for_lower(rf"\b(?:{_UNCOUNTED_ACTS}|call(?:ing|s)?\s+up|mobili[sz](?:e|es|ing)|"
                             r"vaccinat(?:e|ed|ing|ion of)|"
                             # "a polio vaccination drive for some 640,000 children"
                             r"(?:vaccination|immuni[sz]ation|vaccine)\s+(?:drive|campaign|"
                             r"round|effort)s?\s+(?:for|of)|"
                             r"immuni[sz](?:e|ed|ing|ation of)|represents|represented|employs|"
                             r"employed|recruited|dismissed|sacked|suspended|reprimanded|"
                             r"accused|accuses|accusing|serves|served|fires|fired|"
                             r"field|fields|fielded|fielding|deploy|deploys|deployed|deploying|"
                             r"stationed|massed)\s+"
                             r"(?:(?:more than|at least|about|some|nearly|over|around|another)"
                             r"\s+)?$")
# What people are said to be in or to undergo that no metric counts: "Some 7,000 Palestinians
# are held in occupation prisons", "more than 2,800 have been arrested", "some 470,000 people
# facing catastrophic hunger". An arrest needs its auxiliary: "1,718 people detained in Gaza" may
# be among the prisoners a deal frees.
_OF_THOSE_HELD = re.compile(rf"\s+of\s+(?:those|the)\s+(?:{_UNCOUNTED_ACTS})\b")
_CLAUSE_OPENS = re.compile(r"[:;]\s*$")
_OF_THINGS_FIRST = re.compile(r"(?<!\bas )\bof\s+(?:the\s+)?[\d,.]+\s+(?P<noun>[a-z]+s)\b"
                              r"[^,.;]{0,40},\s+(?:only\s+|just\s+)?$", re.IGNORECASE)
# "He leaves behind his wife and two young children": those who survive him
_SURVIVED_BY = re.compile(r"\b(?:(?:leaves|left|leaving)\s+behind\s+(?:his|her|their)|"
                          r"survived\s+by)\b[^.;:]{0,50}$",
                          re.IGNORECASE)
_UNCOUNTED = for_lower(
    r"(?>\s*,?\s*)(?:(?P<rel>who|that)\s+)?(?:(?P<aux>are|were|is|was|remain|remained|have been|"
    r"has been|had been|(?:are |were |is |was )?(?:still )?being)\s+)?(?:still\s+|now\s+)?"
    # ("About 600 patients are still being treated inside, among them 37 newborns")
    rf"(?:(?(aux)(?:{_UNCOUNTED_ACTS}|vaccinated|treated(?= inside| in hospital| there))\b|(?!))|"
    r"(?:held|kept|locked up)\s+(?:in|inside)\s+(?:[\w-]+\s+){0,2}(?:prisons?|"
    r"jails?|detention)\b|in\s+(?:[\w-]+\s+){0,2}(?:prisons?|jails?|detention)\b|"
    r"(?P<facing>facing|face|at risk of|in need of)\b|"
    r"(?:had |have |has )?received (?:the |a |their )?(?:first )?(?:vaccine|vaccination|dose)\b|"
    r"for (?:acute )?(?:anxiety|shock|panic|stress)\b|"  # "treated 19 people for anxiety"
    # "20 to 30 gunmen had been using the classrooms": fighters at a site, not its casualties
    # (but "killed X and four gunmen who had been hiding in a mosque": those it killed)
    r"(?(rel)(?!)|(?:using|operating\s+(?:from|in|inside|out of)|hiding\s+(?:in|inside)|"
    r"holed up)\b)|"
    # "Of the roughly 17,000 students enrolled at the university, ...": those it had
    r"enrolled\b|"
    # "out of 30,000 operatives that Hamas fielded": those it had, not those it lost
    r"(?:[a-z][\w-]{0,30}\s+){1,2}(?:fielded|had fielded|could field|employed|recruited|"
    r"trained)\b|"
    # "500,000 displaced people have returned to their towns", "fewer than 400 are back":
    # returns are no metric's, whatever the people were before
    r"(?P<back>(?:have|has|had)\s+(?:since\s+|now\s+|already\s+)?(?:returned|(?:walked|gone|"
    r"come|made their way)\s+back)\b|"
    r"(?:are|were)\s+(?:now\s+)?back\b)|"
    # "nine employees may have been involved in the massacre": those who took part
    r"(?P<took_part>(?:of\s+[a-z][\w-]{0,30}\s+)?['‘\"“]?(?:may |might |could )?"
    r"(?:have been |had been |have |had |were |was )?"
    r"(?:involved|took part|taken part|participated)['’\"”]?\s+in\b))")
# "1.1 million people, half the population, face ...", "1.1 million Gazans across the Strip
# face ...": a short aside or place between the people and what they face
_SHORT_ASIDE = re.compile(r",[^,.;\d]{1,40},|\s+(?:across|in|throughout)\s+(?:the\s+)?"
                          r"(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)?", re.IGNORECASE)


_NOT_YET_IDENTIFIED = re.compile(r",?\s+(?:whose|their)\s+(?:contents?|identit(?:y|ies))\s+"
                                 r"(?:is|are|was|were|have|has|had)\s+(?:still\s+|yet\s+|not\s+"
                                 r"(?:yet\s+)?)?(?:being\s+|to be\s+|been\s+)?(?:identified|"
                                 r"established|verified|confirmed|unknown|unclear)\b",
                                 re.IGNORECASE)


def _uncounted(text: str, low: str, end: int) -> re.Match | None:
    """What the people ending at `end` are in or undergo that no metric counts, if anything
    (_UNCOUNTED, in `low`, the text lower-cased); hunger they face may come after a short
    aside."""
    if found := _UNCOUNTED.match(low, end):
        return found
    aside = _SHORT_ASIDE.match(text, end)
    later = _UNCOUNTED.match(low, aside.end()) if aside else None
    return later if later and later.group("facing") else None


# "documented 12 children arrested in Jenin last week", in a sentence telling of no death or
# injury: the participle alone, right after them (not "detained", which tells who prisoners
# freed are: "1,718 people detained in Gaza"; nor "The dead include 3 teenagers arrested ...")
_BARE_ARREST = re.compile(r"\s+(?:arrested|apprehended|rounded up)\s+(?:in|at|on|during|since|"
                          r"over|by|from|across|last|this|overnight)\b")
# "More than 500 operatives affiliated with Hamas were apprehended": an arrest further on
# ("Some 18 journalists ... had been staying at the compound": where they were, no more)
_UNCOUNTED_LATER = re.compile(rf"[^.;]{{0,80}}?\b(?:were|was|have been|had been)\s+"
                              rf"(?:{_UNCOUNTED_ACTS}|admitted for treatment|treated|screened|"
                              rf"vaccinated|staying|sleeping|lodging)\b")
# "60,000 pregnant women lack basic care": a verb of their own, which no metric counts
# "12,000 wounded and sick patients need treatment abroad": the wounded in need of something
_IN_NEED = re.compile(r"(?:\s+(?:and\s+)?(?:sick|ill|chronically|injured|wounded|patients|"
                      r"people|others)){0,3}\s+(?:still\s+)?(?:need|needs|require|requires|await)\b",
                      re.IGNORECASE)
_LOST_SOMETHING = re.compile(r"\s+(?:there\s+|so far\s+)?(?:have|has|had)\s+(?:now\s+|also\s+|"
                             r"already\s+)?(?:lost|missed)\s+(?!(?:their|his|her|its)\s+"
                             r"(?:own\s+)?lives?\b)", re.IGNORECASE)
_SICK_AND_HURT = re.compile(r"\b(?:sick|ill)\s+and\s+(?:injured|wounded)\b|"
                            r"\b(?:injured|wounded)\s+and\s+(?:sick|ill)\b", re.IGNORECASE)
_PART_IN_NEED = re.compile(r"\s+of\s+(?:the|them|those)\s+(?:[\w-]+\s+){0,2}?(?:needed|needs|"
                           r"need|required|requires|require)\s+(?:urgent\s+)?(?:medical\s+|"
                           r"hospital\s+)?(?:treatment|care|hospitali[sz]ation|surgery)\b",
                           re.IGNORECASE)
_EACH_AFTER = re.compile(r"\s+each\s*[.,;)]")
_NEEDS_NEXT = re.compile(r"(?:\s+(?:under|over|aged|below)\s+(?:the\s+age\s+of\s+)?[\w-]+"
                         r"(?:\s+years?(?:\s+old|\s+of\s+age)?)?(?:\s+in\s+[A-Z][\w-]+)?)?"
                         r"\s+(?:(?:could|would|may|might|will)\s+)?(?:lack|lacks|need|needs|"
                         r"require|requires|face|faces|depend|depends)\b", re.IGNORECASE)
# "brings to 12 the number of hostages' bodies brought back": bodies, whatever brought them
_NUMBER_OF_BODIES = re.compile(r"\s+the\s+(?:total\s+)?number\s+of\s+(?:the\s+)?(?:hostages['’]\s+"
                               r"(?:bodies|remains)|(?:bodies|remains)\s+of\s+(?:the\s+)?"
                               r"(?:[\w-]+\s+)?hostages|(?:(?:deceased|dead|fallen|slain)\s+)?"
                               r"hostages\s+whose\s+(?:bodies|remains))\b", re.IGNORECASE)
# "brings to 177 the number of shelters targeted": a count of things, named after it
_NUMBER_OF_THINGS = re.compile(r"\s+the\s+(?:total\s+)?number\s+of\s+([a-z]+)")
_POSSESSIVE_BEFORE = re.compile(r"['’]s\s+$")
_ONLOOKERS = re.compile(r"(?:family members|relatives|protesters|demonstrators|mourners|"
                        r"supporters|activists|volunteers|kids)", re.IGNORECASE)


def _killed_along(text: str, s_start: int, mention: NumberMention, events: list) -> bool:
    """Whether the count follows "with" after a killing, or the dead found, earlier in its
    sentence ("was killed in an air strike along with five relatives", "was found dead along
    with two paramedics")."""
    return bool(_WITH_BEFORE.search(text, max(s_start, mention.start - 25), mention.start)) \
        and any(e[2] in ("killed", "bodies") and 0 <= mention.start - e[1] <= 80 for e in events)


_THERE_WERE = re.compile(r"\bthere\s+(?:were|are|was|is)\s+(?:(?:maybe|perhaps|about|some|"
                         r"around|roughly|nearly|over|more than|at least)\s+)?$", re.IGNORECASE)
_SETS_OF_REMAINS = re.compile(r"\s+sets?\s+of\s+(?:human\s+)?remains\b", re.IGNORECASE)
_NOT_A_HOSTAGE = re.compile(r"\bnot\s+(?:to\s+)?(?:belong(?:ing)?\s+to\s+)?(?:a|any)\s+"
                            r"(?:hostage|captive)\b", re.IGNORECASE)
# (These patterns end where a figure's mention starts, which takes in its qualifier: "some".)
_STAFF_OF = ("journalists_killed", "medics_killed")
_OF_AID_BODY = re.compile(r"\s+(?:of|at|for|with)\s+(?:the\s+)?(?:UNRWA|UN\b|U\.N\.|United Nations|"
                          r"WFP|UNICEF|WHO\b|World Central Kitchen|MSF|Doctors Without Borders|"
                          r"aid (?:agencies|agency|groups?))")
_STAFF = re.compile(r"(?:[A-Z][\w-]*\s+){0,3}(?:staff|staffers|employees|staff members|colleagues)",
                    re.IGNORECASE)
_THINGS_OF_WHICH = re.compile(r"\b(?P<noun>[a-z]+s),\s+of which\s+$", re.IGNORECASE)
_OF_THE_FREED = re.compile(r"\s+of\s+(?:the|those)\s+(?:freed|released)\b", re.IGNORECASE)
_HOSPITALISED = re.compile(r"\s+(?:were|was|had been|have been)\s+(?:taken|admitted|rushed|"
                           r"transferred)\s+(?:straight\s+)?to\s+(?:a\s+|the\s+)?hospitals?\b",
                           re.IGNORECASE)
_NO_COUNT_BEFORE = for_lower(r"\b(?:condition|health|well-?being)\s+of\s+(?:the\s+)?$|"
                             # "the ward was caring for 120 malnourished children"
                             r"\b(?:caring for|looking after|feeding)\s+$|"
                             # "surgeons operated on some 460 patients": patients, not a toll
                             r"\b(?:operated|operating) on\s+$|"
                             r"\b(?:besieg|surround|trapp|detain|arrest)ing\s+(?:(?:some|about|"
                             r"around|nearly|over)\s+)?[\d,]+\s+[a-z]+\s+and\s+$")
# a piece of every branch of _NO_COUNT_BEFORE
_NO_COUNT_WORDS = ("condition", "health", "well", "caring for", "looking after", "feeding",
                   "operat", "besieging", "surrounding", "trapping", "detaining", "arresting")
# "Of those, a third fell in the first days, when about 1,200 people were murdered": a clause
# of its own, not the breakdown
_OTHER_CLAUSE = re.compile(r",\s+(?:when|while|as|after|before|where)\b|;")
_IN_JAILS = re.compile(r"\s+(?:\w+\s+)?in\s+(?:its|their|israeli|the\s+occupation['’]s)\s+"
                       r"(?:\w+\s+)?(?:jails|prisons)\b", re.IGNORECASE)
_REMAIN_JAILED = re.compile(r"\bremain(?:s|ed)?\s+(?:\w+\s+)?(?:in\s+)?(?:\w+\s+)?(?:jails|prisons|"
                            r"detention)\b", re.IGNORECASE)
_MEDICAL_EVACUATION = re.compile(r"\bmedical(?:ly)? evacuat", re.IGNORECASE)
# who a medical evacuation moves: "250 patients", "50 sick and injured children"
_PATIENTS = re.compile(r"\b(?:patients?|sick|injured|wounded|ill)\b", re.IGNORECASE)
# "12,000 patients ... need to be evacuated abroad, among them 4,500 children"
_PATIENTS_AMONG = re.compile(r"\bpatients\b[^.;]*,\s+(?:among them|including)\s+$",
                             re.IGNORECASE)
_PATIENTS_EARLIER = re.compile(r"\bpatients\b[^.;]*$", re.IGNORECASE)
_WITH_CONDITION = re.compile(r"\s+with\s+(?:severe\s+|acute\s+|moderate\s+)*(?:malnutrition|"
                             r"wasting|dehydration|diarrh|infections?|hepatitis|burns|fractures)",
                             re.IGNORECASE)
# What follows a count's people and makes it no one metric's: "the 11 girls from her platoon
# who survived"; "61,182 martyrs and missing persons"; "fewer than 100 casualties, killed and
# wounded together" (one pattern: it is tried at every count)
_NOT_ONE_COUNT = for_lower(r"(?:\s+[\w-]+){0,4}?\s+(?:who|that)\s+(?:had\s+|have\s+)?survived\b|"
                           r"\s+and\s+(?:the\s+)?missing(?:\s+persons|\s+people)?\b|"
                           r",?\s+(?:both\s+)?(?:killed|dead)\s+and\s+(?:wounded|injured)\s+"
                           r"(?:together|combined)\b|"
                           # "100 children killed or maimed every day": both in one count
                           r"\s+(?:(?:are|is|were|was|have|has|had)\s+(?:been\s+)?)?"
                           r"(?:killed|dead)\s+or\s+(?:maimed|wounded|injured)\b")
_RECEIVED = re.compile(r"\b(?:received|admitted|(?:taken|took|takes)\s+in)\s+(?:(?:more than|"
                       r"about|some|nearly|over|around)\s+)?$", re.IGNORECASE)
# "a crowd of some 100,000 people watched the handovers": people present, unless they are hurt
_CROWD_OF = for_lower(r"\b(?:crowds?|rall(?:y|ies)|gatherings?|demonstrations?|protests?|"
                      # "a delegation of eight athletes": those sent, unless they are hurt
                      r"marches|delegations?|contingents?|squads?|teams?)\s+of\s+$")
# a piece of every branch of _CROWD_OF
_CROWD_WORDS = ("crowd", "rall", "gathering", "demonstration", "protest", "marches",
                "delegation", "contingent", "squad", "team")
# "50 patients were evacuated through Rafah for treatment": a medical evacuation, not flight
_EVACUATED = re.compile(r"\s+(?:were|are|have been|had been|was)\s+(?:\w+\s+)?(?:evacuated|"
                        r"transferred)\b", re.IGNORECASE)
# "... out of 13,000 employees", "before the war it had about 13,000 staff": a headcount
_HEADCOUNT_BEFORE = re.compile(r"\b(?:out of|had|has|have|employs|employed|its|their)\s+"
                               r"(?:(?:more than|at least|about|some|nearly|over|around|"
                               r"roughly)\s+)?$", re.IGNORECASE)
# ... or after its people: "13,000 staff we have" (not "victims whose deaths it had verified")
_HEADCOUNT_AFTER = re.compile(r"\s+(?:we|it|they)\s+(?:(?:have|has|had)\b(?!\s+(?:\w+ed|been|"
                              r"seen|known)\b)|employs?\b|employed\b)", re.IGNORECASE)
_SPEAKS = re.compile(r"\s+(?:said|say|says|told|added|stated|announced|warned|noted)\b")
_WOUNDED = frozenset(("wounded", "injured"))
_ADVERB = re.compile(r"^\w+ly\s+")
# what says hostages are dead, as a word of their noun phrase: "13 dead hostages"
_DEAD_WORDS = r"deceased|dead|slain|murdered|fallen"
_DEAD_ADJECTIVE = re.compile(rf"\b(?:{_DEAD_WORDS})\b", re.IGNORECASE)
_REMAINING = re.compile(r"\bremaining\b", re.IGNORECASE)
_OWN_STATE_NEXT = re.compile(r"\s+(?:(?:are|were|have been|had been)\s+)?(?:detained|arrested|"
                             r"jailed|imprisoned|unaccompanied|separated)\b", re.IGNORECASE)
# ", and took 251 hostages": a clause of its own after a part of a toll
_AND_NEXT_CLAUSE = re.compile(r",\s+and\s+")
# "eight of the remaining 26": a part, then the hostages still held it is a part of
_OF_THE_REMAINING = re.compile(r"\s+of\s+the\s+remaining\s+", re.IGNORECASE)
_ALIVE_OR_DEAD = re.compile(r"\s+(?:are|were|is)\s+(?:still\s+|now\s+|(?:believed|thought|"
                            r"presumed|confirmed)\s+(?:to\s+be\s+)?)?(?:alive|dead)\b",
                            re.IGNORECASE)
_GROUP_DEATHS = re.compile(r"\b(?P<who>soldiers|troops|journalists|reporters|medics|paramedics|"
                           r"aid workers)['’]\s+(?:death toll|deaths|toll)\b[^.;\d]*$",
                           re.IGNORECASE)
_IN_A_PHASE = re.compile(r"\s+(?:(?:still\s+)?(?:due|set|expected|slated|scheduled)\s+to\s+be\s+"
                         r"(?:freed|released)\s+)?(?:in|during)\s+(?:the\s+|its\s+|a\s+)?"
                         r"(?:first|second|third|initial|opening|next|final|last)\s+"
                         r"(?:phase|stage)\b", re.IGNORECASE)
_FIGURE_AT = re.compile(r"\bput(?:s|ting)?\s+(?:(?:the|its|their)\s+(?:figure|number|count|tally)|"
                        r"it)\s+at\s+$|"  # "Channel 12 later put it at 8,000"
                        # "they revised it to roughly 1,200": the count just named, changed
                        r"\b(?:revised|lowered|raised|updated|corrected|cut|increased)\s+"
                        r"(?:it|the\s+(?:figure|number|count|tally|toll))\s+(?:down\s+|up\s+)?"
                        r"(?:to|from)\s+(?:the\s+)?(?:(?:roughly|about|around|some|nearly|"
                        r"almost|over|more than|at least)\s+)?$|"
                        # "... 64,260 died, with a plausible range of 55,300 to 78,500"
                        r"\brange\s+of\s+$", re.IGNORECASE)
# a count given again with no noun: "a figure of 136", "raised it again to 203", "had put the
# figure at about 810,000 ... and at about 450,000"
_A_FIGURE_OF = re.compile(r"(?:\b(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:figure|count)\s+"
                          r"of|"
                          # ("Lebanese authorities say the true total is more than 1.2 million")
                          r"\b(?:the|its|their)\s+(?:[\w-]+\s+)?(?:total|figure|number)\s+"
                          r"(?:is|was)|"
                          r"\b(?:raised|lowered|revised|cut|put|brought|increased|updated)\s+"
                          r"(?:it|that|this|the figure)\s+(?:again\s+|further\s+|(?:up|down)\s+)?"
                          # ("raised it again to 203 on October 19, to 212 on Sunday and to 224")
                          r"(?P<prep>to|at)(?:(?:[^.;,]|(?<=\d),(?=\d)){0,40}?"
                          r"(?:,\s+|\s+and\s+|,\s+and\s+)"
                          r"(?P=prep)){0,3})"
                          r"\s+(?:(?:more than|about|some|nearly|at least)\s+)?$", re.IGNORECASE)
_BODYS_COUNT = re.compile(r"(?:['’]s|\bits|\btheir)\s+(?:[\w-]+\s+)?(?:count|tally)\s+"
                          r"(?:(?:has|had)\s+)?(?:(?:now|since|already)\s+)?(?:stood|stands|rose|"
                          r"risen|reached|was|is)(?:\s+(?:at|to))?\s+"
                          r"(?:(?:more than|about|some|nearly|at least)\s+)?$", re.IGNORECASE)
_EVENT_OF = {"killed": ("killed", "dead"), "injured": ("injured",)}
# "killed 13,000 terrorists, up from the 12,000 he cited in February": the same count before
_UP_FROM = re.compile(r"\b(?:up|down)\s+from\s+(?:the\s+)?$", re.IGNORECASE)
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})
_THE_COUNT_OPENS = re.compile(r"[\W_]*The\s+")
_INCLUDE_NEXT = re.compile(r"\s+(?:(?:could|may|might|will|would)\s+)?"
                           r"(?:include|includes|included)\b")  # "The 33 could include ..."
# "8,000 children under five were treated": the count's own verb, past an age
_AGED_VERB_NEXT = re.compile(r"(?:\s+(?:under|over|aged|between)\s+(?:the\s+age\s+of\s+)?"
                             r"[\w-]+(?:\s+and\s+[\w-]+|\s+(?:years?|months?)(?:\s+old)?)?)?"
                             # "17,000 children in Gaza are unaccompanied"
                             r"(?:\s+in\s+(?:the\s+)?[\w-]+(?:\s+strip)?)?"
                             r"\s+(?:are|were|is|was|have|has|had|face|faced|facing)\b",
                             re.IGNORECASE)
_VERB_NEXT = re.compile(r"\s+(?:are|were|is|was|have|has|had)\b", re.IGNORECASE)


_ARMY = re.compile(r"\b(?:army|military|IDF)\b", re.IGNORECASE)


def _next_counts(text: str, s_start: int, mentions: list, i: int) -> list[int]:
    """Where the next two numbers after mention `i` start, leaving out "out of a population
    of N". Only two are looked at: listing all of them for each number made a sentence of
    75,000 numbers quadratic."""
    found: list[int] = []
    for j in range(i + 1, len(mentions)):
        start = mentions[j].start
        if not _OUT_OF.search(text, max(s_start, start - 30), start):
            found.append(start)
            if len(found) == 2:
                break
    return found


# "- Terrorists killed: about 17,000", "Soldiers wounded in Gaza: 2,100; killed: 330": a
# label before a colon says who the count is of and what happened to them
_LABEL_FIRST = re.compile(r"[\s\-–•*]*(?P<label>[A-Za-z][^:\n.;\d\"“]{2,70}):\s*")
_LABEL_NEXT = re.compile(r"[;:]\s*(?P<label>[A-Za-z][^:\n.;\d\"“]{2,40}):\s*$")


_HOSTAGES_BACK = re.compile(r"\b(?:hostages|captives)\s+(?:returned|released|freed|handed over|"
                            r"brought back|recovered)\b", re.IGNORECASE)
_DEAD_WORD = re.compile(rf"\b(?:{_DEAD_WORDS}|bodies|remains)\b", re.IGNORECASE)


def _labelled(text: str, s_start: int, mention: NumberMention, context: str) -> str | None:
    """The metric a label before a colon gives the count right after it, if any."""
    label = _LABEL_FIRST.fullmatch(text, s_start, mention.start) or _LABEL_NEXT.search(
        text, max(s_start, mention.start - 45), mention.start)
    if not label or any(e[0] - mention.end <= 1 for e in metrics.events_in(
            text, mention.end, mention.end + 14)):
        return None  # (not "Massacre in Jabalia: 50 wounded": the count's own word decides)
    words = label.group("label")
    if _HOSTAGES_BACK.search(words):  # "Fallen hostages returned: eight", "Living hostages
        # returned: 25": what came back says the metric, not the state they were in
        return "hostage_bodies_recovered" if _DEAD_WORD.search(words) else "hostages_released"
    events = metrics.events_in(words, 0, len(words))
    if not events:
        return None
    return metrics.metric_for(metrics.group_in(words), events[0][2], words, words, context)


# the noun a toll's second figure is put at: "... and the wounded at 760"
_NAMED_AT = re.compile(r"\b(?:the\s+)?(?:wounded|injured|missing|displaced)\s+(?:at|to)\s+$|"
                       # "... reaching 41,909 and the wounded 97,303"
                       r"\band\s+the\s+(?:wounded|injured|missing|displaced)\s+$",
                       re.IGNORECASE)
_TOLL_OF = re.compile(r"\s*(?:of|among)\s+[^,;]{0,40}")


def _group_total(text: str, s_start: int, mention: NumberMention, out: list[tuple],
                 metric: str) -> str:
    """A plain "killed" count that a group's dead bring to ("three soldiers were killed,
    bringing to 242 the number killed", "..., bringing the death toll to 229") is that group's
    running total; any other metric stays."""
    if metric == "killed" and out and out[-1][1] in _GROUP_KILLED and \
            _BRINGING_TO.search(text, max(s_start, mention.start - 60), mention.start):
        return out[-1][1]
    return metric


_NOUN_BEFORE = re.compile(r"\b([a-z]+)\s+$", re.IGNORECASE)


def _toll_figure(text: str, s_start: int, mention: NumberMention, context: str) -> str | None:
    """The metric of a number that completes a toll: "the death toll rose to 25,295", "the
    number of UNRWA staff killed has risen to 59", "the army's death toll ... to 339"."""
    window = text[max(s_start, mention.start - 200):mention.start].lower()
    if "toll" not in window and "number " not in window and "tally" not in window and \
            "total" not in window and "count " not in window:
        return None  # the cheap test first: this runs for most numbers
    toll = _TOLL_BEFORE.search(text, max(s_start, mention.start - 200), mention.start)
    if not toll:
        return None
    span = toll.group("span")
    owner = toll.group("owner")
    if owner and owner.lower().startswith("its") and not _ARMY.search(text, s_start, toll.start()):
        owner = None  # "its death toll" is the army's only when the army is the subject
    head = toll.group("head").lower()
    # "the death toll from the massacre committed by occupation forces ...": a toll's own
    # people follow it ("the toll of soldiers", "among journalists"); others name the cause
    own = _TOLL_OF.match(span) if "toll" in head else None
    counted = span if "toll" not in head else own.group() if own else ""
    group = metrics.group_in(counted) or ("soldiers" if owner else "people")
    if group == "people" and (noun := _NOUN_BEFORE.search(
            text, max(s_start, toll.start("head") - 20), toll.start("head"))):
        group = metrics.group_in(noun.group(1)) or group  # "the hostage count rose to 242"
    if group == "people" and (dead := _GROUP_DEATHS.search(text, max(s_start, mention.start - 80),
                                                            mention.start)):
        group = metrics.group_in(dead.group("who")) or group  # "Journalists' death toll ..."
    among = _DEAD_OF_GROUP.search(span) if group == "people" else None
    if among and metrics.group_in(among.group("who")) in metrics.BREAKDOWN:
        group = metrics.group_in(among.group("who"))  # "the number of martyrs among UNRWA staff"
    found = metrics.events_in(span, 0, len(span))
    event = "killed" if "toll" in head or "death" in head else (found[0][2] if found else None)
    # "... the total to 53,573 killed and 121,688 injured", "the toll rose to 36,801, in
    # addition to 10,000 missing": a number's own word says what it counts
    own = [e for e in metrics.events_in(text, mention.end, mention.end + 14)
           if e[0] - mention.end <= 1]
    named = _NAMED_AT.search(text, max(s_start, mention.start - 30), mention.start)
    if own:
        event = own[0][2]
    elif named:  # "put the number of dead at 112 and the wounded at 760"
        event = metrics.events_in(named.group(), 0, len(named.group()))[0][2]
    elif head == "total" and not found:  # "19 soldiers were killed, bringing the total to 872"
        found = metrics.events_in(text, s_start, toll.start())
        event = found[-1][2] if found else None
    return metrics.metric_for(group, event, text[s_start:mention.end], None, context)


# Killed figures of one kind of people that a bare count goes on counting: "11 soldiers ...
# Nine of them were killed ..., while two others fell", "... among them 16 who have fallen",
# "two more soldiers were killed, raising its toll to 229"; journalists, medics and aid workers
# too ("five journalists killed ..., toll rises to 201").
_GROUP_KILLED = {"soldiers_killed", "militants_killed", "journalists_killed", "medics_killed",
                 "aid_workers_killed"}
_ANAPHORIC_BEFORE = re.compile(r"(?:\b(?:among them|among whom|including|of whom|of them|"
                               r"in addition to|"
                               r"as well as|besides)|"
                               r"\b(?:toll|number killed)\b[^.;,]{0,60}?\bto|"
                               r"\btotal\b[^.;]{0,60}?\bto)\s+"
                               r"(?:more than |at least |about |some |nearly |over )?$",
                               re.IGNORECASE)
_WORKING_FOR = re.compile(r"\s+(?:working|who worked|who were working)\s+(?:for|with)\s+"
                          r"(?:the\s+|an?\s+)?(?:[\w.-]+\s+){0,3}(?:charity|aid|humanitarian|"
                          r"relief|agency|unrwa|ngo|organi[sz]ation|red crescent)\b",
                          re.IGNORECASE)
_AMONG_THEM_AFTER = re.compile(r"\s+(?:were|are|was)\s+among\s+them\b")
# "330 soldiers ..., which says 690 have fallen": soldiers fall
_FALLEN_NEXT = re.compile(r"\s+(?:have|had|has)\s+fallen\b")
_MORE_KILLED = re.compile(r"\s+more\s+(?:were|have|had|was|has)\b")
_OTHERS = re.compile(r"\s+(?:more\s+|other\s+)?others?\b", re.IGNORECASE)


def _same_group(text: str, s_start: int, out: list[tuple], carried: str | None) -> list[tuple]:
    """A plain "killed" count with no people of its own ("Nine of them", "two others", "16
    who", "the toll to 229") that follows a count of soldiers or militants killed counts the
    same people. Across a sentence only "of them" and "others" point back."""
    if carried not in _GROUP_KILLED and not any(item[1] in _GROUP_KILLED for item in out):
        return out  # the common case: no soldiers or militants counted
    fixed = list(out)
    for n, (mention, metric, people, *rest) in enumerate(fixed):
        previous = fixed[n - 1][1] if n else carried
        if metric != "killed" or previous not in _GROUP_KILLED or (
                people is not None and people.group == "people"
                and not _NATIONALS.search(people.subject or "")
                and not _OTHERS.match(text, mention.num_end)):
            continue  # "350 of them Hezbollah fighters and more than 100 of them civilians"
        pointing = bool(_OF_WHOM.match(text, mention.num_end)) or \
            bool(_OTHERS.match(text, mention.num_end)) or \
            bool(_MORE_KILLED.match(text, mention.num_end)) or \
            bool(n and previous == "soldiers_killed" and _FALLEN_NEXT.match(
                text, mention.num_end)) or \
            (not n and bool(_BARE_OPENER.match(text, s_start, mention.start)))  # "Of these, 82"
        if not pointing and n and (people is None or people.group is None):
            pointing = bool(_ANAPHORIC_BEFORE.search(text, max(s_start, mention.start - 90),
                                                     mention.start))
        if pointing:
            fixed[n] = (mention, previous, people, *rest)
    return fixed


# "134 hostages are still held, among them 130 of those seized on October 7", "including 4
# who were abducted before the war", "97 of them among the 251 abducted": a part of the
# hostages still held, described by how it was taken.
_TAKEN_PART = re.compile(r"\s+(?:who\s+(?:were|had been)\s+(?:abducted|kidnapped|seized|taken)|"
                         r"of\s+(?:them\s+)?(?:those|whom)\s+(?:abducted|kidnapped|seized|taken)|"
                         r"(?:of\s+them\s+)?(?:were\s+)?among\s+the\s+[\d,]+)", re.IGNORECASE)


def _held_parts(text: str, out: list[tuple], carried: str | None) -> list[tuple]:
    fixed = list(out)
    for n, (mention, metric, *rest) in enumerate(fixed):
        whole = fixed[n - 1][1] if n else carried
        if metric == "abducted" and whole == "hostages_remaining" and \
                _TAKEN_PART.match(text, mention.num_end):
            fixed[n] = (mention, "hostages_remaining", *rest)
    return fixed


_SIDES = {"hostages_released": "prisoners_released", "prisoners_released": "hostages_released"}


def _exchange_sides(text: str, out: list[tuple]) -> list[tuple]:
    """An exchange has two sides: in "the three would be returned in exchange for 369
    prisoners" and "39 prisoners were freed in exchange for the 13 Israelis", the figure on
    one side of "in exchange for" is released from the other side's captivity."""
    fixed = list(out)
    for n in range(1, len(fixed)):
        before, after = fixed[n - 1], fixed[n]
        between = text[before[0].end:after[0].start]
        if not _IN_EXCHANGE.search(between):
            continue
        if after[1] in _SIDES and before[1] in _SIDES and before[1] == after[1]:
            if _PRISONER_WORDS.search(text, after[0].end, after[2].end if after[2] else
                                      after[0].end) or (
                    after[2] and after[2].group == "hostages" and after[2].end > after[0].end):
                # the side the text names keeps its metric ("freed 39 in exchange for 13
                # hostages"); the other is the other side
                fixed[n - 1] = (before[0], _SIDES[after[1]], *before[2:])
            else:
                fixed[n] = (after[0], _SIDES[before[1]], *after[2:])
    return fixed


_IN_EXCHANGE = re.compile(r"\bin (?:exchange|return) for\b", re.IGNORECASE)
# "in exchange for Palestinian prisoners": the prisoners' side named after the phrase
_FOR_PRISONERS = re.compile(_IN_EXCHANGE.pattern
                            + r"\s+(?:[\w-]+\s+){0,3}?(?:prisoners|detainees)\b", re.IGNORECASE)
_PRISONER_WORDS = re.compile(r"prisoners?|detainees?|palestinians?", re.IGNORECASE)


# "Of those freed, 36 ...", "Of the prisoners, 250 ...": the parts of a group counted in the
# sentence before (no number in the opener: "Of the 101 hostages held, ..." is a base itself)
_PART_OPENER = re.compile(r"[\s\-–•*\"“]*(?:of|among)\s+(?:the|those|these)\s+"
                          r"(?P<who>[^,\d.;]{2,40}),\s*", re.IGNORECASE)
# "Among the identified, 7,797 are children": the dead just counted, by what was done to them
_COUNTED_DEAD = re.compile(r"(?:identified|named|registered|recorded)(?:\s+(?:dead|victims|"
                           r"bodies|ones))?", re.IGNORECASE)
_REST_BEFORE = re.compile(r"\b(?:the|a)\s+(?:remaining|other|further)\s+$", re.IGNORECASE)
_FAMILIES = {"prisoners": {"prisoners_released"},
             "hostages": _HOSTAGE_FIGURES,
             "released": {"prisoners_released", "hostages_released"},
             "killed": _KILLED_FAMILY}


# "Among the dead were ...": a part of the figure before, told by its claimant (the metric is
# the noun's own)
_AMONG_THE_COUNTED = re.compile(r"[\s\-–•*\"“]*among\s+the\s+(?:dead|killed|victims|wounded|"
                                r"injured)\s+(?:were|are)\b\s*", re.IGNORECASE)
# "Of those, 250 had been ...", "Among them were 96 ...": an opener that names no group points
# at the first figure of the sentence before
_BARE_OPENER = re.compile(r"[\s\-–•*\"“]*(?:of\s+(?:those|these|them)\s*,|"
                          r"among\s+(?:them|those|these)\s*(?:,|were\b|are\b))\s*",
                          re.IGNORECASE)


_HUNGER = re.compile(r"[^.;]*?\b(?:famine|hunger|starvation|food insecurity|malnutrition|"
                     r"[\"“]?catastrophic[\"”]? conditions)\b", re.IGNORECASE)


# "300,000 people still living in the north face famine": the people of a place, all of them
_LIVING_IN_PLACE = re.compile(r"\s+(?:who\s+)?(?:still\s+)?(?:living|live|lived|remain|remaining)"
                              r"\s+in\s+(?:the\s+)?(?:north|south|centre|center|(?-i:[A-Z]))",
                              re.IGNORECASE)
_FACING_HUNGER = re.compile(r"\s*,?\s*(?:would|will|could|are|were)?\s*(?:face|facing)\b"
                            r"[^.;]{0,40}?\b(?:famine|hunger|starvation|food insecurity)",
                            re.IGNORECASE)


# people said to be near famine, an aside allowed before the verb
# (never past an event: "32 people were killed in famine-hit northern Gaza" are the dead)
_NEAR_HUNGER = re.compile(r"(?:\s*,[^,.;]{1,60},)?\s*(?:are|were|is|was|remain|remained|would be|"
                          r"could be)\s+(?:(?!(?:killed|died|dead|wounded|injured)\b)[\w-]+\s+)"
                          r"{0,4}?(?:away from|on the (?:brink|verge|edge) of|at risk of|close to)"
                          r"\s+(?:[\w-]+\s+){0,2}?(?:famine|starvation)\b", re.IGNORECASE)


_PART_OF_HOME = re.compile(r"\d\s+of\s+(?:the\s+)?[\w-]+['’]s\s+$")


def _population(text: str, s_start: int, mention: NumberMention, people: metrics.People,
                events: list, base_of_share: bool) -> bool:
    """The count is of the people who live in a place: "Gaza's 2.3 million", "a city of
    30,000", "the camp's 13,000 residents", "the 2.1 million people of Gaza"."""
    if people.group not in ("people", None):
        return False
    residents = people.group == "people" and _RESIDENTS.search(people.subject or "")
    return bool(
        _POSSESSIVE_PLACE.search(text, max(s_start, mention.start - 20), mention.start)
        or _STILL_LIVE.match(text, people.end)
        or ((place := _PLACE_OF.search(text, max(s_start, mention.start - 60), mention.start))
            # ("half of the population, 1.1 million people, would face famine": those facing it)
            and not ("population" in place.group()
                     and _HUNGER.match(text, people.end, min(len(text), people.end + 120))))
        or (residents and _POSSESSIVE_HOME.search(text, max(s_start, mention.start - 30),
                                                 mention.start)
            and (base_of_share or not any(e[0] >= people.end for e in events)
                 # "3,500 of the camp's 14,000 residents have fled": the base of a part
                 or _PART_OF_HOME.search(text, max(s_start, mention.start - 40), mention.start)))
        # "Eilat itself has some 52,000 residents"
        or (residents and _HOME_TO.search(text, max(s_start, mention.start - 40), mention.start)
            and not any(e[0] >= people.end for e in events))
        # "nearly all of the 2.1 million people living in the Strip have been displaced": the
        # base of a share in words, not those it happened to
        or (residents and _WORDED_SHARE_OF.search(text, max(s_start, mention.start - 30),
                                                  mention.start)
            and _LIVING_THERE.match(text, people.end))
        or (residents and _PEOPLE_OF_PLACE.match(text, people.end)
            and not any(e[0] >= people.end or 0 <= mention.start - e[1] <= 25 for e in events)
            # "495,000 people in Gaza face catastrophic hunger": those in a condition, not
            # everyone who lives there
            and not _HUNGER.match(text, people.end, min(len(text), people.end + 120))))


def _part_metric(whole: str, part: metrics.People, text: str) -> str:
    """The metric of a part of a figure ("including 36 children", "350 of them Hezbollah
    fighters"): the whole's, or for the dead the breakdown its people name; the dead people of
    a list of kinds are "killed", but nationals of a group of the dead ("64 journalists ...
    57 Palestinians, four Israelis") are still that group."""
    if whole not in _KILLED_FAMILY:
        return whole
    if whole in _STAFF_OF and part.group == "aid_workers" and \
            _STAFF.fullmatch(part.subject or "") and not _OF_AID_BODY.match(text, part.end):
        return whole  # "six journalists, including four Al Jazeera staff": the group's staff
        # (but "205 journalists and 265 employees of UNRWA" are the agency's)
    if part.group in metrics.BREAKDOWN:
        return metrics.BREAKDOWN[part.group]
    if part.group == "people" and not _NATIONALS.search(part.subject or ""):
        return "killed"
    return whole


_NATIONALS = re.compile(r"\b(?:palestinians|israelis|lebanese|syrians|egyptians|jordanians|"
                        r"yemenis|britons|americans|thais|nepalis|filipinos|foreigners|"
                        r"nationals|citizens)$", re.IGNORECASE)


def _own_event(text: str, mention: NumberMention, people: metrics.People, events: list,
               s_end: int, held: bool = True) -> bool:
    """Whether something a metric counts happens to this count: an event in its own clause
    ("50 detainees in Israeli prisons have died", "240 people held in Gaza"), or the verb right
    before it whose object it is ("killed 40 kids"). held=False leaves being held out: for
    people in prisons, what the prisons already say."""
    clause_end = _clause_end(text, people.end, s_end)
    return any((held or e[2] != "remaining") and (
        mention.num_end <= e[0] < clause_end or (
            e[1] <= mention.start and not text[e[1]:mention.start].strip()))
        for e in events)


def _list_dash(text: str, start: int, end: int, mentions: list[NumberMention]) -> int | None:
    """Where the dash opening a list of counts before `end` is, if one opens it: " - " right
    before a count, then nothing but words, commas and "and" ("- 57 Palestinians, four
    Israelis and "); not "- and 30 civilians died", a clause of its own."""
    dash = max(text.rfind(" - ", start, end), text.rfind(" – ", start, end),
               text.rfind(" — ", start, end))
    if dash < 0 or _NOT_IN_LIST.search(text, dash + 3, end):
        return _list_of_nationalities(text, start, end, mentions)
    first = next(m for m in mentions if m.start > dash)
    return dash if not text[dash + 3:first.start].strip() else None


def _list_of_nationalities(text: str, start: int, end: int,
                           mentions: list[NumberMention]) -> int | None:
    """Where the comma opening a list of counts by nationality is: "113 journalists had been
    killed, 108 Palestinians, two Israelis and three Lebanese" breaks down the 113."""
    comma = text.rfind(", ", start, end)
    while comma >= 0 and not _NATIONALITY_ITEMS.fullmatch(text, comma + 2, end):
        comma = text.rfind(", ", start, comma)
    if comma < 0:
        return None
    first = next(m for m in mentions if m.start > comma)
    if first.start != comma + 2 or not _NATIONALITY_NEXT.match(text, first.num_end):
        return None
    return comma


# "108 Palestinians, two Israelis and ": counts of people named by a capitalised noun
_NATIONALITY_ITEMS = re.compile(r"(?:[\w.,-]+ (?-i:[A-Z])[a-z]+(?:,\s+(?:and\s+)?|\s+and\s+))*")
_NATIONALITY_NEXT = re.compile(r"\s+(?-i:[A-Z])[a-z]+(?:[,.;]|\s+and\b|$)")


_NOT_IN_LIST = re.compile(r"[.;:()\"“”]")


def _remain_jailed(text: str, start: int, end: int) -> bool:
    """"about 10,000 Palestinians, among them 400 children, would remain in Israeli jails":
    said in the count's own clause (not "132 remain in Gaza, while 9,000 Palestinians remain
    in Israeli prisons")."""
    end = min(end, start + 100)
    clause = _CLAUSE_END.search(text, start, end)
    return bool(_REMAIN_JAILED.search(text, start, clause.start() if clause else end))


def _clause_end(text: str, start: int, end: int) -> int:
    found = _CLAUSE_BREAK.search(text, start, end)
    return found.start() if found else end


_CLAUSE_BREAK = re.compile(r"[,;:]\s|\.\s|\band\b")


def _group_before(opener: re.Match, earlier: tuple[str, ...]) -> str | None:
    """The metric of the group an opener names ("those freed", "the prisoners"): the first
    figure of the sentence before that counts that group."""
    who = opener.group("who")
    group = metrics.group_in(who)
    found = metrics.events_in(who, 0, len(who))
    family = _FAMILIES.get(group or "") or (_FAMILIES.get(found[0][2]) if found else None)
    if family is None and _COUNTED_DEAD.fullmatch(who.strip()):
        family = _KILLED_FAMILY
    return next((m for m in earlier if m in family), None) if family else None


def _without_bodies_handed_back(text: str, s_start: int, out: list[tuple]) -> list[tuple]:
    """Leave out counts of the bodies of Palestinians that Israel hands back, and the parts named
    right after them ("returned the bodies of 150 Palestinians, only 25 of whom have been
    identified", "195 Palestinian bodies, of which 75 ..."): no metric counts remains handed
    over (GUIDELINES), whatever the hostages around them made of them."""
    kept: list[tuple] = []
    dropped = False
    for item in out:
        mention, metric, people = item[0], item[1], item[2]
        if (metric in _HOSTAGE_FIGURES and (
                (people is not None and _PALESTINIAN_BODY_NOUN.fullmatch(people.subject or ""))
                or (_BODIES_OF_BEFORE.search(text, max(s_start, mention.start - 30),
                                             mention.start)
                    and people is not None and metrics.held_by_israel(people.subject)))) or (
                metric == "killed" and _ISRAEL_HANDS_OVER.match(text, mention.end)
                and (_BODIES_OF_BEFORE.search(text, max(s_start, mention.start - 30),
                                              mention.start)
                     or text.startswith(" bodies", mention.end))):
            # ("the bodies of 195 martyrs handed over by the occupation")
            dropped = True
            continue
        if dropped and metric in _HOSTAGE_FIGURES | {"killed"} and _PART_RIGHT_AFTER.search(
                text, max(s_start, mention.start - 30), mention.start):
            continue
        dropped = False
        kept.append(item)
    return kept


_PALESTINIAN_BODY_NOUN = re.compile(r"(?:palestinian|gazan)\s+(?:bodies|remains)",
                                    re.IGNORECASE)
_HANDED_BEFORE = re.compile(r"\b(?:returned|handed\s+(?:over|back)|transferred|delivered)\s+"
                            r"(?:(?:about|some|around|only|just)\s+)?$", re.IGNORECASE)
# handed back by Israel: "released by the occupation", "handed over by Israel"
_BY_ISRAEL = (r"(?:handed\s+(?:over|back)|released|returned|transferred)\s+by\s+(?:the\s+)?"
              r"(?:occupation|israel)")
# a sentence before that counted such bodies ("150 bodies of martyrs released by the occupation")
_HANDED_BACK_BEFORE = re.compile(rf"\b(?:bodies|remains)\b[^.;]{{0,60}}?\b{_BY_ISRAEL}|"
                                 r"\bpalestinian\s+bodies\b", re.IGNORECASE)
# right after a count: "the bodies of 195 martyrs handed over by the occupation"
# (or received from it: "received the bodies of 45 Palestinians from Israel on Tuesday")
_ISRAEL_HANDS_OVER = re.compile(rf"(?:\s+bodies)?(?:\s+of)?\s+[\w-]+\s+(?:{_BY_ISRAEL}|"
                                r"from\s+(?:the\s+)?(?:occupation|israel)\b)", re.IGNORECASE)
_BODIES_OF_BEFORE = re.compile(r"\b(?:bodies|remains)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_PART_RIGHT_AFTER = re.compile(r"\b(?:of\s+(?:whom|which|them)|among\s+them)\b[^.;]{0,25}$|"
                               r"\b(?:only|just|including)\s+$", re.IGNORECASE)


# The dead Israel hands back, never hostages' bodies: "the bodies of 15 Palestinians" (those it
# holds alive are `metrics.held_by_israel`)
_PALESTINIAN_BODIES = re.compile(r"\b(?:bodies|remains) of (?:[\d,]+ |[a-z-]+ )?(?:dead )?"
                                 r"Palestinians?\b")
# the side those bodies come to, counting them: "So far we have received 45 bodies"
_BODIES_RECEIVED = re.compile(r"\b(?:we|the ministry|hospitals?)\s+(?:have\s+|had\s+)?(?:now\s+|"
                              r"so far\s+|already\s+)?received\s+(?:(?:more than|about|some)\s+)?$",
                              re.IGNORECASE)


def _entry_metric(entry_metrics: tuple[str, ...], at: int, group: str | None) -> str | None:
    """The metric a verbless list entry's `at`-th count takes from the entry before: the one in
    the same place, unless the count names prisoners or hostages and that one does not."""
    family = {"prisoners": "prisoners_", "hostages": "hostages_"}.get(group or "")
    if family is None:
        return entry_metrics[at] if at < len(entry_metrics) else None
    return next((m for m in entry_metrics[at:] + entry_metrics[:at] if m.startswith(family)),
                None)


def _figures_in_sentence(text: str, low: str, s_start: int, s_end: int,
                         mentions: list[NumberMention], events: list, context: str | None = None,
                         context_start: int | None = None,
                         carried: str | None = None,
                         seen: dict | None = None,
                         carried_value: float | None = None,
                         metrics_before: tuple[str, ...] = (),
                         entry_metrics: tuple[str, ...] = ()) -> list[tuple]:
    """(mention, metric, people, base value or None) for the mentions that count people;
    `low` is `text` lower-cased (sentences.lower), for the patterns that scan it.
    `metrics_before`: the metrics of the figures in the sentence before, in order;
    `entry_metrics`: those of the list entry before, when the sentence is a list's entry."""
    out = []
    sentence = text[s_start:s_end]
    opener = _PART_OPENER.match(text, s_start, s_end) if metrics_before else None
    group_before = _group_before(opener, metrics_before) if opener else None
    bare = _BARE_OPENER.match(text, s_start, s_end) if metrics_before and not opener else None
    context = context or sentence
    previous_people = None
    lowered = sentence.lower()
    claims_inside = " say" in lowered or " said" in lowered or "believ" in lowered or \
        "estimat" in lowered or "declared" in lowered
    participle: dict[int, str] = {}  # mention index -> event of "the 251 people abducted"
    predicate: dict[int, str] = {}  # mention index -> event of "94 of the 251 ... are still"
    skipped: set[int] = set()  # mentions left out as counts no metric names
    skipped_bases: set[int] = set()  # wholes of a part that counts no metric of their own
    # words every match of a rule's pattern holds: a sentence with none skips the search
    folded = low[s_start:s_end]
    remains_named = "bodies" in folded or "remains" in folded or "coffins" in folded
    each_named = "each" in folded or "every" in folded
    crowd_named = any(word in folded for word in _CROWD_WORDS)
    no_count_named = any(word in folded for word in _NO_COUNT_WORDS)
    for i, mention in enumerate(mentions):
        if mention.fraction is not None and _VAGUE_BEFORE.search(
                text, out[-1][0].end if out else s_start, mention.start):
            continue  # "thousands of displaced people, half of them children": no base
        if mention.fraction is not None and out and _OF_THEM.match(text, mention.end):
            # "130 hostages remain and ... about a quarter of them are dead": the share of the
            # figure before it
            after = [e for e in events if e[0] >= mention.end]
            event = metrics.nearest_event(after, mention.end, mention.end)
            previous = out[-1][2]
            metric = metrics.metric_for(previous.group if previous else None, event, sentence,
                                        previous.subject if previous else None, context)
            share = _share_of(text, _OF_THEM.match(text, mention.end).end(), out[-1][1])
            if (metric is None and event is None) or share in metrics.BREAKDOWN.values():
                metric = share  # "300 killed, half of them children, and ... missing"
            if metric is None and event is None:
                metric = out[-1][1]  # "96 prisoners, a third of whom were deported": no count
                # of its own, so a share of the same count as its base
            if metric:
                out.append((mention, metric, previous, out[-1][0].value))
            continue
        if mention.fraction is not None and (
                (out and not text.startswith(" of", mention.end))
                or (not out and carried_value and _OF_THEM.match(text, mention.end))):
            # "Of the 101 hostages still held, officials believe about half are alive", "It
            # believes fewer than half of them are alive": a share of the figure just before
            after = [e for e in events if e[0] >= mention.end]
            event = metrics.nearest_event(after, mention.end, mention.end)
            if out:
                previous, base_value = out[-1][2], out[-1][0].value
            else:
                hostages = carried in _HOSTAGE_METRICS or carried == "hostages_released"
                previous = metrics.People("hostages" if hostages else None, None, mention.end)
                base_value = carried_value
            metric = metrics.metric_for(previous.group if previous else None, event, sentence,
                                        previous.subject if previous else None, context)
            if metric is None and event is None:
                metric = _share_of(text, mention.end, out[-1][1] if out else carried)
            if metric:
                out.append((mention, metric, previous, base_value))
            continue
        if mention.fraction is not None:
            base = mentions[i + 1] if i + 1 < len(mentions) else None
            if base is None or base.fraction is not None or base.start - mention.end > 20:
                continue
            people = metrics.people_after(text, base.num_end, s_end)
            earlier = _earlier_hostages(text, s_start, base, people, seen)
            if earlier:  # "declared about a third of the 97 dead": the 97 hostages named before
                people = metrics.People("hostages", people.subject, base.num_end)
            elif same := _earlier_count(text, s_start, base, people, seen):
                out.append((mention, same, people, base.value))  # "About half of the 320,000
                continue  # are children": a share of the count named before
            if people.group in (None, "people") and \
                    (dead := _DEAD_WERE.match(text, base.num_end)):
                # "More than half of the 90 dead were women and children": some of the dead
                who = dead.group("who")
                group = None if re.search(r"\band\b|\bor\b|,", who) else metrics.group_in(who)
                out.append((mention, metrics.BREAKDOWN.get(group or "", "killed"), people,
                            base.value))
                continue
            if people.group in (None, "thing"):
                continue
            after = [e for e in events if e[0] >= people.end]
            # "a fifth of the 130 hostages still in Gaza are dead": "still in Gaza" describes
            # the base; the predicate after it says what the fraction counts.
            predicate = [e for e in after if e[2] != "remaining"]
            event = metrics.nearest_event(predicate or after, people.end, people.end)
            metric = metrics.metric_for(people.group, event, sentence, people.subject, context)
            if metric is None and event is None and \
                    _population(text, s_start, base, people, events, True):
                metric = "population"  # "nearly half of Gaza's 2.1 million people are under 18"
            killed = [e for e in after if e[0] - people.end <= 2 and e[2] == "killed"]
            noun = _KILLED_WERE.match(text, killed[0][1]) if killed else None
            if metric == "killed" and noun:  # "a third of the 900 people killed were children"
                metric = metrics.BREAKDOWN.get(metrics.group_in(noun.group("noun")) or "", metric)
            if metric:
                out.append((mention, metric, people, base.value))
            continue
        if (remains_named and _REMAINS_OF.search(low, max(s_start, mention.start - 30),
                                                 mention.start)
                or _SETS_OF_REMAINS.match(text, mention.num_end)) and \
                _NOT_A_HOSTAGE.search(sentence):
            continue  # "the remains of one person ... did not belong to a hostage", "one set
            # of remains ... did not belong to any hostage"
        if remains_named and \
                _REMAINS_OF.search(low, max(s_start, mention.start - 30), mention.start) and \
                not _RATIO_BEFORE.search(low, max(s_start, mention.start - 90), mention.start):
            people = metrics.people_after(text, mention.num_end, s_end)
            nxt = mentions[i + 1].start if i + 1 < len(mentions) else s_end
            then = metrics.nearest_event([e for e in events if e[0] < nxt], people.end,
                                         people.end, after_only=True)
            if then is None and any(e[0] < mention.start < e[1] and e[2] == "bodies"
                                    for e in events):
                then = "bodies"  # "the bodies of eight have been recovered": one event
                # phrase around the count
            handed = _HANDED_BODIES.search(text, max(s_start, mention.start - 45), mention.start)
            hostage_bodies = metrics.metric_for(
                "bodies", None, sentence, None, sentence) == "hostage_bodies_recovered" or (
                (handed or then in ("released", "bodies", "remaining")) and (
                    metrics.talks_of_hostages(context) or carried in _HOSTAGE_FIGURES))
            done = handed and re.match(r"(?:handed|returned|repatriated|recovered)\b",
                                       handed.group(), re.IGNORECASE)
            if hostage_bodies and (_HELD_BODIES.search(text, max(s_start, mention.start - 40),
                                                       mention.start) or (
                    out and out[-1][1] == "hostages_remaining" and _BODIES_AMONG.search(
                        text, max(s_start, mention.start - 40), mention.start))):
                out.append((mention, "hostages_dead", people, None))  # "Hamas still holds the
                continue  # remains of 28 hostages", "59 remain, including the bodies of 35"
            if hostage_bodies and then == "remaining" and not done and \
                    not _RATIO.match(text, people.end):
                out.append((mention, "hostages_dead", people, None))  # bodies still held
                continue
            # "recovered the bodies of six hostages who were held by Hamas": bodies brought
            # back; "held" only says who they were
            if then != "remaining" and hostage_bodies and not _RATIO.match(text, people.end):
                out.append((mention, "hostage_bodies_recovered", people, None))
                continue
            if not hostage_bodies and handed and \
                    _PALESTINIAN_BODIES.search(text, handed.start(), people.end):
                skipped.add(i)  # "Israel handed over the bodies of 45 Palestinians": bodies
                continue  # returned in an exchange, no metric's count (nor "another 45")
            if not hostage_bodies and (
                    _BODIES_FOUND.match(text, people.end)
                    or _THE_BODIES_OF.search(text, max(s_start, mention.start - 40), mention.start)
            ) and (
                    dead := metrics.metric_for(people.group, "killed", sentence, people.subject,
                                               context)):
                out.append((mention, dead, people, None))  # "the bodies of 539 people have
                continue  # been recovered from under the rubble", "found the bodies of 1,500
                # gunmen": the dead of the group counted, not the missing
        following = mentions[i + 1] if i + 1 < len(mentions) else None
        if following and _PARTITIVE.fullmatch(text, mention.num_end, following.start):
            # "Ninety-four of the 251 people abducted on October 7 are still in Gaza"
            base_people = metrics.people_after(text, following.num_end, s_end)
            later = [e for e in events if e[0] >= base_people.end]
            if later and (later[0][0] - base_people.end <= 2 or _SLATED.fullmatch(
                    text, base_people.end, later[0][0])):  # "the 33 slated for release"
                participle[i + 1] = later[0][2]
                later = later[1:]
                if later and later[0][2] == "remaining" and not later[0][3] and \
                        any(e[3] for e in later[1:]):
                    # "31 of the 136 kidnapped by Hamas still in Gaza are dead": still held
                    participle[i + 1] = "remaining"
                    later = later[1:]
            elif later and base_people.group == "hostages":
                participle[i + 1] = "remaining"  # "24 of the 59 hostages are alive"
            elif later and base_people.group == "people" and _ON_BOARD.match(
                    text, base_people.end):
                skipped_bases.add(i + 1)  # "four of the 25 people on board were killed":
                # those aboard, a count no metric names; the part is the figure
            main = [e for e in later if e[3]]  # the predicate is the main verb, not a modifier
            if (main or later) and not _DEATHS_OF.search(text, max(s_start, mention.start - 30),
                                                         mention.start) and \
                    not any(0 <= mention.start - e[1] <= 1 for e in events):
                # (a part that a verb before it takes is that verb's: "Hamas would free 33 of
                # the 98 hostages still held in exchange for ...")
                predicate[i] = (main or later)[0][2]
        if i in skipped_bases:
            continue
        people = metrics.people_after(text, mention.num_end, s_end)
        if people.group == "thing" and _TERMS.match(text, mention.num_end):
            people = metrics.People(None, None, mention.num_end)  # "121 were serving life
            # sentences and 79 long terms": the count, its verb left out
        if people.group is None and following and following.fraction is None and \
                _SHARED_NOUN.fullmatch(text, mention.num_end, following.start):
            # "released 90 and 200 Palestinian prisoners, respectively": one noun for both
            shared = metrics.people_after(text, following.num_end, s_end)
            if shared.group not in (None, "thing"):
                people = metrics.People(shared.group, shared.subject, mention.num_end)
        if people.group == "bodies" and _NOT_YET_IDENTIFIED.match(text, people.end):
            continue  # "two coffins whose contents were still being identified": no one's yet
        part_of = _PART_OF.match(text, mention.num_end)
        if part_of and (metrics.is_thing_noun(part_of.group("noun")) or (
                metrics.group_in(part_of.group("noun")) is None  # an adjective, not people
                and (next_word := _NEXT_WORD.match(text, part_of.end()))
                and metrics.is_thing_noun(next_word.group(1)))):
            continue  # "17 of the Strip's 36 hospitals", "154 of its facilities", "335 of its
            # military vehicles"
        if _RATIO_CLAUSE.match(text, people.end) or _RATIO_CLAUSE.match(text, mention.num_end) \
                or (each_named and _RATIO_BEFORE.search(low, max(s_start, mention.start - 90),
                                                        mention.start)) \
                or _EVERY.match(text, people.end) or (
                    people.group not in ("hostages", "prisoners", None)
                    and _A_DAY.match(text, people.end)):
            skipped.add(i)  # "30 prisoners would be freed for each civilian hostage", "for
            continue  # each female soldier, 50 prisoners": a ratio; "three every seven days"
        if i - 1 in skipped and (_INHERIT_GAP.fullmatch(text, mentions[i - 1].end, mention.start)
                                 or _OF_THEM.match(text, mention.num_end)
                                 or _UP_FROM.search(text, max(s_start, mention.start - 20),
                                                    mention.start)) \
                and not _own_event(text, mention, people, events, s_end):
            skipped.add(i)  # "arrested more than 2,280, including 145 women and 41 journalists",
            continue  # "50 prisoners, 30 of them serving life terms and 20 serving other
            # terms": the parts and the rest of a count left out are left out too, and so are
            # its shares ("..., about 3,400 of them ...") and what it was before ("up from")
        if people.group in ("militants", "people", None) and _ATTACKERS.match(text, people.end):
            skipped.add(i)  # "some 5,000 terrorists stormed southern Israel, killing 1,200":
            continue  # the attackers, not the dead
        if (people.subject and _ONLOOKERS.fullmatch(people.subject) or (
                people.group != "hostages" and _THERE_WERE.search(
                    text, max(s_start, mention.start - 30), mention.start))) and \
                not _own_event(text, mention, people, events, s_end) and \
                not _killed_along(text, s_start, mention, events):
            continue  # "some 20 family members burst into a committee session", "there were
            # maybe 40 kids on the pitch": people present, with nothing a metric counts (but
            # "was killed in a strike together with five relatives": they died with him)
        sheltered = [e[1] for e in events if e[2] == "sheltering"]  # (most sentences: none,
        # and no search for "alongside" on their numbers)
        if sheltered and (along := _WITH_BEFORE.search(text, max(s_start, mention.start - 70),
                                                        mention.start)) \
                and not along.group().lower().startswith("with") and \
                min(sheltered) <= along.start() and \
                not any(mention.num_end <= e[0] <= people.end + 15 for e in events):
            continue  # "7,000 people were sheltering in its buildings alongside 1,500 staff and
            # 650 patients": those who were there anyway (not "along with 1,500 displaced
            # people sheltering in its courtyards")
        if (no_count_named and _NO_COUNT_BEFORE.search(low, max(s_start, mention.start - 40),
                                                       mention.start)) or (
                people.subject and (people.subject.lower().endswith("patients")
                                    or _WITH_CONDITION.match(text, people.end))
                and _RECEIVED.search(text, max(s_start, mention.start - 30), mention.start)) or \
                _NOT_ONE_COUNT.match(low, people.end):
            previous_people = people  # ("caring for 120 children, and three of them died")
            continue  # "concern for the condition of three", "besieging 240 patients and 10
            # doctors", "the field hospital received 179 patients", "admitted 38 children with
            # malnutrition", "the 11 girls from her platoon who survived": no metric counts
            # them; "61,182 martyrs and missing persons": two metrics in one count
        if crowd_named and \
                _CROWD_OF.search(low, max(s_start, mention.start - 30), mention.start) and not any(
                people.end <= e[0] < people.end + 40 and e[2] in ("killed", "dead", "injured")
                for e in events):
            continue
        if (doing := _DOING.match(text, people.end)) and \
                _WHERE_JUST_BEFORE.search(text, max(s_start, mention.start - 8), mention.start) \
                and not any(e[0] == doing.start("verb") for e in events):
            continue  # "the festival, where about 3,500 people had been dancing when ...": those
            # present, doing what no metric counts
        if people.group is not None and people.group != "hostages" and \
                _TRAPPED_INSIDE.match(text, people.end):
            continue  # "500 medical staff were trapped inside the complex": where they are
        if people.group in ("prisoners", "hostages") and _OF_THE_FREED.match(
                text, mention.num_end) and _HOSPITALISED.match(text, people.end):
            continue  # "seven of the freed prisoners were taken to hospital": the sick among
            # those freed, not a count of the freed
        # "Israel freed 400 prisoners. Of them, 111 had been detained in Gaza": parts of the
        # freed, whatever they were before
        freed_part = carried == "prisoners_released" and _BARE_OPENER.match(text, s_start, s_end)
        if not freed_part and not any(e[2] == "released" for e in events) and (
                (uncounted := _uncounted(text, low, people.end)) and not (
                    uncounted.group("facing") and _POSSESSIVE_BEFORE.search(
                        text, max(s_start, mention.start - 3), mention.start))
                and not (uncounted.group("back") and people.group in ("hostages", "bodies"))
                and (uncounted.group("took_part") or uncounted.group("back")
                     or not _own_event(text, mention, people, events, s_end, held=False))
                or (people.subject and "patient" in people.subject.lower()
                    and _EVACUATED.match(text, people.end))
                or (not events and _BARE_ARREST.match(text, people.end))):
            skipped.add(i)
            continue  # "7,000 held in Israeli prisons", "2,800 have been arrested": no metric
            # (but "1,718 detained in Gaza" freed in a deal; "Gaza's 2.2 million people
            # facing famine", the population; "50 detainees in Israeli prisons have died")
        base_of_share = i and mentions[i - 1].fraction is not None and \
            mention.start - mentions[i - 1].end <= 20
        earlier = (_earlier_hostages(text, s_start, mention, people, seen)
                   or _earlier_count(text, s_start, mention, people, seen)) if base_of_share \
            else _earlier_hostages(text, s_start, mention, people, seen) if i and \
            _OF_THE_NUMBER.match(text, mentions[i - 1].num_end) else None  # "35 of the 76"
        if earlier:
            out.append((mention, earlier, people, None))
            continue
        if people.group is None and seen and mention.value in seen and \
                _THE_COUNT_OPENS.fullmatch(text, s_start, mention.start) and \
                _INCLUDE_NEXT.match(text, mention.num_end):
            # "136 hostages remain in Gaza. ... The 136 include 17 women": the count again
            out.append((mention, seen[mention.value], people, None))
            previous_people = people
            continue
        if people.group is None and (out or metrics_before) and \
                _FIGURE_AT.search(text, max(s_start, mention.start - 40), mention.start):
            # "46 journalists were killed; the CPJ put the figure at 42": the same count
            out.append((mention, out[-1][1] if out else metrics_before[-1], people, None))
            continue
        if base_of_share and people.group == "hostages":
            # the base of "a fifth of the 132 hostages still in Gaza are dead": its own words
            inside = [e for e in events if people.end <= e[0] <= people.end + 3]
            metric = metrics.metric_for("hostages", inside[0][2] if inside else "remaining",
                                        sentence, people.subject, context)
            if _REMAINING.search(text, mention.num_end, people.end):
                metric = "hostages_remaining"
            out.append((mention, metric, people, None))
            previous_people = people
            continue
        if _OF_RESIDENTS.fullmatch(text, s_start, people.end) and \
                text.startswith(",", people.end) and not any(
                mention.num_end <= e[0] < people.end for e in events):
            # "Of our approximately 16,000 residents, about 9,000 remain evacuated": those who
            # live there, whatever their share undergoes
            out.append((mention, "population", people, None))
            previous_people = people
            continue
        if people.group and _OF_THE_OPENER.fullmatch(text, s_start, mention.start) and \
                (comma := text.find(",", people.end, s_end)) > 0:
            # "Of the 101 hostages still held in Gaza, about half are alive": the base's own
            # words say what it counts, not the predicate of its share
            own = [e for e in events if mention.num_end <= e[0] < comma]
            metric = metrics.metric_for(people.group, own[0][2] if own else None, sentence,
                                        people.subject, context)
            if metric:
                out.append((mention, metric, people, None))
                previous_people = people
                continue
        if i in predicate:
            base_people = metrics.people_after(text, following.num_end, s_end)
            if _earlier_hostages(text, s_start, following, base_people, seen):
                # "at least 35 of the 76 are thought to be dead": the 76 hostages named before
                base_people = metrics.People("hostages", base_people.subject, base_people.end)
            metric = metrics.metric_for(base_people.group, predicate[i], sentence,
                                        base_people.subject, context)
            if metric:
                out.append((mention, metric, base_people, None))
                continue
        if i in participle:
            metric = metrics.metric_for(people.group, participle[i], sentence, people.subject,
                                        context)
            if metric:
                out.append((mention, metric, people, None))
                previous_people = people
                continue
        if _DETAINED_BEFORE.search(low, max(s_start, mention.start - 30), mention.start) or \
                _OF_THOSE_HELD.match(text, mention.num_end) or \
                ("behind" in lowered or "survived" in lowered) and \
                _SURVIVED_BY.search(text, max(s_start, mention.start - 60), mention.start):
            skipped.add(i)  # (and "Some 500 of those detained have been confirmed as ...")
            continue
        if (things := _OF_THINGS_FIRST.search(text, max(s_start, mention.start - 60),
                                              mention.start)) and \
                (metrics.is_thing_noun(things.group("noun"))
                 or things.group("noun").lower() in ("families", "households")) and (
                    not text[s_start:things.start()].strip(" \"“‘'")
                    or _CLAUSE_OPENS.search(text, max(s_start, things.start() - 3),
                                            things.start())):
            continue  # "of 135,000 tents in the Strip, 110,000 are no longer fit": things
            # (and '"Of the 40 families who lived here, only two ...': households)
        if people.group == "aid_workers" and _HEADCOUNT_BEFORE.search(
                text, max(s_start, mention.start - 30), mention.start) and \
                not metrics.events_in(text, people.end, min(s_end, people.end + 30)) or \
                people.group is not None and _HEADCOUNT_AFTER.match(text, people.end):
            continue  # "out of 13,000 employees it had", "its 13,000 staff", "Of the 13,000
            # staff we have in Gaza, 101 have been killed": a body's headcount, not a toll
        if people.group == "bodies" and _SPEAKS.match(text, people.end):
            continue  # "the two bodies said in a joint statement": organisations speaking
        if people.group == "bodies" and (of_group := _OF_GROUP.match(text, people.end)) and \
                metrics.group_in(of_group.group("who")) in _BODIES_OF:
            # "1,500 bodies of Hamas terrorists were found": the dead of that group
            out.append((mention, _BODIES_OF[metrics.group_in(of_group.group("who"))], people,
                        None))
            continue
        if (people.group is None or (people.group == "people" and _NATIONALS.fullmatch(
                people.subject or ""))) and (metric := _labelled(text, s_start, mention, context)):
            # ("Living hostages returned: 25 Israelis")
            out.append((mention, metric, people, None))
            continue
        if people.group in (None, "people") and (metric := _toll_figure(text, s_start, mention,
                                                                        context)):
            out.append((mention, _group_total(text, s_start, mention, out, metric), people,
                        None))
            continue
        predicate_noun = _PREDICATE_NOUN.match(text, mention.num_end) if people.group is None \
            or of_whom_killed(text, mention) else None
        if predicate_noun:  # "Of the martyrs, 15,613 are children, 8,304 are women"
            group = metrics.group_in(predicate_noun.group("noun"))
            killed_before = any(e[2] == "killed" and e[0] < mention.start for e in events) or \
                bool(_DEAD_BEFORE.search(text, s_start, mention.start)) or \
                group_before in _KILLED_FAMILY or (  # "Among the identified, 7,797 are children"
                    # "48,300 have been killed. The IDF says 20,000 of them were operatives."
                    (bool(predicate_noun.group("of_them")) and not out or bare is not None)
                    and bool(metrics_before) and (metrics_before[-1] in _KILLED_FAMILY or (
                        metrics_before[-1] == "injured"
                        and any(m in _KILLED_FAMILY for m in metrics_before))))
            # ("47,583 killed and 111,633 injured. Of these, 17,881 were children": as with
            # "including", a toll's breakdown names the dead)
            if killed_before or of_whom_killed(text, mention):
                out.append((mention, metrics.BREAKDOWN.get(group or "", "killed"), people, None))
                continue
            if predicate_noun.group("of_them") and not out and metrics_before and \
                    metrics_before[-1] in _RELEASED:  # "Israel released 90 prisoners. It said
                out.append((mention, metrics_before[-1], people, None))  # 69 of them were
                continue  # women": a part of those freed
        if group_before and mention.start >= opener.end() and people.group in (None, "people") \
                and not (group_before in _HOSTAGE_FIGURES
                         and _ALIVE_OR_DEAD.match(text, people.end)):
            # (not "Of the remaining hostages, 20 are alive": what they are says the metric)
            out.append((mention, group_before, people, None))  # "Of those freed, 36 had been"
            continue
        if bare and not out and (people.group is None or (
                # "124 hostages remain. Among them are five female soldiers": who they are
                metrics_before[0] == "hostages_remaining" and people.group != "thing")) and \
                mention.start - bare.end() <= 14 and \
                not any(mention.num_end <= e[0] < _clause_end(text, mention.num_end, s_end)
                        for e in events):
            # "Of those, 250 had been serving life terms": no word of its own, a part of the
            # count before (of the last of an exchange's two sides: "20 hostages were freed
            # and 1,968 prisoners. Of them, 1,718 ...")
            whole = metrics_before[-1] if metrics_before[-1] in _RELEASED and \
                metrics_before[0] in _RELEASED else metrics_before[0]
            out.append((mention, whole, people, None))
            continue
        if people.group is None and not out and len(metrics_before) > 1 and _REST_BEFORE.search(
                text, max(s_start, mention.start - 14), mention.start) and \
                not any(mention.num_end <= e[0] < _clause_end(text, mention.num_end, s_end)
                        and e[3] for e in events):
            # "1,968 freed, among them 250 serving life terms. The remaining 1,718 were
            # Gazans": the rest of the base that the sentence before broke down
            out.append((mention, metrics_before[0], people, None))
            continue
        # "404 killed, 170 of them children": the noun after "of them" says which part, before
        # the part simply inherits the figure before it
        of_whom = _OF_WHOM.match(text[mention.num_end:mention.num_end + 20])
        # where the part's own predicate is looked for: after "of whom", and after a claim
        # there ("41 of whom the IDF has determined are no longer alive")
        predicate_from = mention.num_end + (of_whom.end() if of_whom else 0)
        if of_whom and (claim := _EMBEDDED_CLAIM.match(text, predicate_from)):
            predicate_from = claim.end()
        if of_whom and out and (noun := _BREAKDOWN_NOUN.match(text,
                                                              of_whom.end() + mention.num_end)):
            own = metrics.people_after(text, noun.end("own") if noun.group("own") else
                                       of_whom.end() + mention.num_end, s_end)
            whole = out[-1][1]
            if whole == "injured" and own.group in ("children", "women") and (
                    dead := [item[1] for item in out if item[1] in _KILLED_FAMILY]):
                whole = dead[-1]  # "27,708 killed and 67,147 wounded, more than 11,500 of
                # them children": a toll's breakdown names the dead, as with "including"
            out.append((mention, _part_metric(whole, own, text),
                        own if own.group else previous_people, None))
            continue
        if of_whom and out and out[-1][1] == "hostages_released" and re.match(
                r"\s+(?:dead|deceased)\b", text[mention.num_end + of_whom.end():]):
            out.append((mention, "hostage_bodies_recovered", previous_people or people, None))
            continue  # "released 33 captives, eight of them dead", also in a list: "33
            # hostages, eight of them deceased, and five Thais were handed over"
        if out and people.group in (None, "people") and \
                (dash := _list_dash(text, out[0][0].end, mention.start, mentions)) and \
                (whole := [item for item in out if item[0].end <= dash]):
            # "64 journalists had been killed - 57 Palestinians, four Israelis and three
            # Lebanese -": a list set off by a dash breaks down the figure before it
            out.append((mention, _part_metric(whole[-1][1], people, text), people, None))
            continue
        if out and people.group is None and _MORE_OF_THE_SAME.match(text, mention.num_end) \
                and not any(0 <= mention.start - e[1] <= 2 for e in events):
            out.append((mention, out[-1][1], out[-1][2], None))  # "three are to be freed this
            continue  # week, with three more to follow": more of the same
        gap = text[out[-1][0].end:mention.start] if out else ""
        if out and _INHERIT_GAP.fullmatch(gap):
            inherited = out[-1][1]
            if _WHOSE_BODIES.match(text, mention.num_end) and inherited not in _HOSTAGE_FIGURES \
                    and (dead := [item[1] for item in out if item[1] in _KILLED_FAMILY]):
                inherited = dead[-1]  # "34,305 killed and 77,143 wounded, including 51 whose
                # bodies reached hospitals in the past day": some of the dead
            if len(out) > 1 and people.group is None and \
                    _OF_WHOM.match(text, out[-1][0].num_end) and \
                    _APPOSED_PART.fullmatch(text, out[-2][0].end, out[-1][0].start):
                inherited = out[-2][1]  # "147 people, 88 of them children, have died ...,
                # including seven in the past day": a part of the whole, not of its breakdown
            if inherited not in _RELEASED | _HOSTAGE_METRICS and (
                    _OWN_STATE_NEXT.match(text, people.end) or _NEEDS_NEXT.match(text, people.end)):
                continue  # "1,060 health workers have been killed and over 300 detained",
                # "1.9 million displaced, and 17,000 children are unaccompanied", "and 1.5
                # million people need shelter": a state of their own, which no metric counts
            if people.group in metrics.BREAKDOWN and (inherited in _KILLED_FAMILY or (
                    inherited in _RELEASED | _HOSTAGE_METRICS
                    and people.group in ("children", "women"))) and \
                    not any(people.end <= e[0] <= people.end + 20 and (
                        e[3] or (e[0] - people.end <= 1 and e[2] not in ("killed", "dead")))
                            and "," not in text[people.end:e[0]] for e in events):
                # "2,215 killed, including 724 children and 458 women"; not "339 soldiers
                # killed, and 2,134 soldiers have been injured", a clause of its own
                out.append((mention, _part_metric(inherited, people, text), people, None))
                continue
            # the part's own predicate is looked for after "of whom" ("36 of whom are
            # believed to be dead": "dead" is 25 characters past the number)
            # ... and after the noun and an aside: "and around 2 million people, more than 90
            # percent of the population, have been forcibly displaced" has a verb of its own
            own_from = max(predicate_from, people.end)
            if aside := _APPOSITION.match(text, own_from):
                own_from = aside.end()
            # "and nearly 2 million of Gaza's 2.1 million people have been displaced": a share
            # whose predicate comes after its base
            share_of = following is not None and people.group is None and bool(
                _OF_BASE.fullmatch(text, mention.num_end, following.start))
            if share_of:
                own_from = metrics.people_after(text, following.num_end, s_end).end
            if people.group in (None, "people") and (
                    _OF_THE_NUMBER.match(text, mention.num_end)
                    or not any((predicate_from <= e[0] < predicate_from + (
                        45 if _WHO_NEXT.match(text, mention.num_end) else 25)
                                or (own_from <= e[0] < own_from + 25 and e[3]))
                               # ("including 88 civilians, and 95,000 displaced": the next's)
                               and (following is None or e[0] < following.start or share_of)
                               # "1,200 killed, including 46 Americans, and took 251
                               # hostages": the next clause's verb, with its own count
                               and not (following is not None
                                        and following.start - e[1] < 20
                                        and _AND_NEXT_CLAUSE.fullmatch(text, people.end, e[0]))
                               # "1,968 prisoners released, ... and 1,718 held in Gaza":
                               # where the freed prisoners were held, not hostages
                               and not (inherited == "prisoners_released"
                                        and e[2] == "remaining" and not e[3])
                               for e in events)):
                if people.group == "people":  # "2,358 children, 1,088 women, and 455 elderly
                    inherited = _part_metric(inherited, people, text)  # people": the dead
                if inherited == "hostages_remaining" and metrics.held_by_israel(people.subject):
                    skipped.add(i)  # "101 hostages in Gaza and 9,000 Palestinians in Israel":
                    continue  # those Israel holds are no hostages
                out.append((mention, inherited, out[-1][2] if people.group is None else people,
                            None))
                continue  # "killed 17,000 terrorists in Gaza, and more than 800 in Lebanon"
        if of_whom and not out and (things := _THINGS_BEFORE.search(
                text, s_start, mention.start)) and any(
                    metrics.is_thing_noun(word) for word in things.group("first", "noun") if word):
            # ("600 trucks of aid ..., 50 of them carrying fuel")
            continue  # "attacked over 100 merchant vessels and sunk two of them": things
        if of_whom and not out and context_start is not None and _HANDED_BACK_BEFORE.search(
                text, context_start, s_start):
            continue  # "... 150 bodies of martyrs released by the occupation. Families have
            # identified 32 of them": a part of the bodies handed back, no figure (GUIDELINES)
        if of_whom:
            people = previous_people or people
            # (not "the two million people of Gaza, 46,000 of whom have lost their lives": they
            # are people, whatever the sentence says of hostages later)
            if (people.group is None or previous_people is None
                    or (out and out[-1][1] in _HOSTAGE_FIGURES)) and metrics.metric_for(
                    "people", "remaining", sentence) == "hostages_remaining":
                people = metrics.People("hostages", people.subject, people.end)
        if out and _UP_FROM.search(text, max(s_start, mention.start - 20), mention.start) and (
                people.group is None or people.subject.lower() in _PRONOUNS):
            own = [item[1] for item in out if any(
                e[0] - mention.num_end <= 1 and e[0] >= mention.num_end and e[2] in _EVENT_OF.get(
                    item[1], ()) for e in events)]
            # "killed 13,000, up from the 12,000 he cited in February": the same count, told
            # before; "39,897 killed and 92,152 wounded, up from 39,790 killed": the one its own
            # word names
            out.append((mention, own[-1] if own else out[-1][1], people, None))
            continue
        if people.group is None and (out or carried) and _A_FIGURE_OF.search(
                text, max(s_start, mention.start - 140), mention.start):
            # "137 hostages remain, correcting a figure of 136 it had given", "first gave a
            # confirmed figure of 155": the same count, as given before
            out.append((mention, out[-1][1] if out else carried, people, None))
            continue
        if people.group is None and metrics_before and not out and _BODYS_COUNT.search(
                text, max(s_start, mention.start - 60), mention.start):
            # "The ministry said 9,061 had been killed ... A day earlier, the ministry's count
            # stood at 8,796": the count the sentence before opened with
            out.append((mention, metrics_before[0], people, None))
            continue
        if people.group == "thing" or _RATIO.match(text, people.end) or (
                (things := _NUMBER_OF_THINGS.match(text, mention.num_end))
                and metrics.is_thing_noun(things.group(1))) or \
                text.startswith(" of which", mention.num_end) or (  # "100 of which": things
                    "of which" in folded and
                    (which := _THINGS_OF_WHICH.search(text, max(s_start, mention.start - 40),
                                                      mention.start))
                    and metrics.is_thing_noun(which.group("noun"))):  # "973 shelters, of
            # which 738 are full"
            continue  # not people, or "15 Palestinians for every deceased hostage"
        if "population" in folded and \
                _POPULATION_OF.search(text, max(s_start, mention.start - 20), mention.start):
            out.append((mention, "population", people, None))  # "out of a population of 2.4m"
            continue
        if _population(text, s_start, mention, people, events, base_of_share):
            out.append((mention, "population", people, None))
            previous_people = people
            continue
        if people.group is None and (stage := _IN_STAGES.search(
                text, max(s_start, mention.start - 60), mention.start)) and (metric := (
                    out[-1][1] if out else next((
                        metrics.metric_for(None, e[2], sentence, None, context) for e in reversed(
                            events) if s_start <= e[0] < stage.start() and e[2] != "remaining"),
                        None))):
            out.append((mention, metric, people, None))  # the first stage of a list; the
            continue  # next ones inherit it ("released in stages: three on the first day, ...")
        if people.group is None and i + 1 < len(mentions) and _OF_THE_REMAINING.fullmatch(
                text, mention.num_end, mentions[i + 1].start) and \
                metrics.talks_of_hostages(context) and (state := _ALIVE_OR_DEAD.match(
                    text, metrics.people_after(text, mentions[i + 1].num_end, s_end).end)):
            # "Israel has told the families that eight of the remaining 26 are dead"
            out.append((mention, "hostages_dead" if state.group().endswith("dead")
                        else "hostages_alive", people, None))
            continue
        if i and out and out[-1][0] is mentions[i - 1] and \
                out[-1][1] in ("hostages_dead", "hostages_alive") and \
                _OF_THE_REMAINING.fullmatch(text, mentions[i - 1].num_end, mention.start):
            out.append((mention, "hostages_remaining", people, None))  # its base, the 26
            continue
        if people.group is None and mention.is_word and mention.value < 10 and not of_whom \
                and not _SUBJECT_OF_VERB.match(text, mention.end) \
                and not _PUT_AT.search(text, max(s_start, mention.start - 40), mention.start) \
                and not any(e[0] == mention.num_end + (6 if text.startswith(
                    " more ", mention.num_end) else 1) and e[2] != "alive" for e in events) \
                and not any((e[2] == "rescued" or (e[2] == "released" and not out)
                             or (e[2] in _VICTIMS_COUNTED and mention.value > 1))
                            and 0 <= mention.start - e[1] <= 1 for e in events) \
                and not (_AND_BEFORE.search(text, max(s_start, mention.start - 6), mention.start)
                         and text.startswith(" more ", mention.num_end)
                         and any(e[2] == "released" and e[1] <= mention.start for e in events)):
            continue  # "one of", "two of the", bare small number words are rarely counts (but
            # "109 hostages have been released and eight rescued": its event right after it;
            # "troops have rescued eight alive", "the strike killed seven": the object of the
            # rescue or of the killing; "as three more freed";
            # "They got back three", unless a count before says what was handed back; "Hamas
            # would free X and Y this week, and three more at the weekend": more of the freed)
        skip = None
        if people.subject and people.end > mention.num_end and any(
                people.end <= e[0] <= people.end + 3 for e in events):
            # "8,000 displaced people sheltering at ...": the word after the noun decides
            skip = (mention.num_end, people.end)
        if people.group == "hostages" and people.subject and not of_whom:
            # "the 132 remaining captives": the adjective belongs to the noun phrase
            skip = (mention.num_end, people.end)
            if _DEAD_ADJECTIVE.search(text, mention.num_end, people.end) or \
                    _WHO_DIED.match(text, people.end):  # "28 hostages who died in captivity"
                # "13 dead hostages returned", but in "13 of 28 dead hostages returned" the 28
                # are all the dead, returned or not
                returned = (_RETURNED.match(text, people.end)
                            or _NUMBER_OF_BODIES.match(text, mention.num_end)) and \
                    not _OF_BEFORE.search(text, max(s_start, mention.start - 20), mention.start)
                out.append((mention, "hostage_bodies_recovered" if returned else "hostages_dead",
                            people, None))
                previous_people = people
                continue
            remaining = _REMAINING.search(text, mention.num_end, people.end)
            if remaining and (state := _ALIVE_OR_DEAD.match(text, people.end)):
                # "28 of the remaining hostages are dead": what they are, not where
                out.append((mention, "hostages_dead" if state.group().endswith("dead")
                            else "hostages_alive", people, None))
                previous_people = people
                continue
            if remaining and not any(e[3] and e[2] in ("released", "rescued", "bodies")
                                and people.end <= e[0] <= people.end + 20 for e in events):
                # (not "the 20 remaining hostages were released": its verb says what happened)
                out.append((mention, "hostages_remaining", people, None))
                previous_people = people
                continue
        # "41 of whom are believed dead": the verb after the number decides
        event = None
        embedded = _EMBEDDED_CLAIM.match(text, mention.num_end) if people.group is None and \
            claims_inside else None
        if of_whom or embedded or (people.group is None and
                                   _SUBJECT_OF_VERB.match(text, mention.end)):
            # "29 are believed dead", "116 of whom remain", "41 the army says are dead": the
            # predicate decides
            after = predicate_from if of_whom else embedded.end() if embedded else people.end
            near = [e for e in events if after <= e[0] < after + 45
                    and not _CLAUSE_END.search(text, after, e[0])]  # "105 of them in 2023, and
            comma = text.find(",", after, after + 45)
            clause_end = after + 45 if comma < 0 else comma
            if of_whom and (copula := _COPULA.search(text, after, clause_end)):
                # "19 of those still held are dead": what describes those is not the predicate
                near = [e for e in near if e[0] >= copula.start()] or near
            event = near[0][2] if near else None
        later_ones = _next_counts(text, s_start, mentions, i)
        following = later_ones[0] if later_ones else None
        if following is not None and people.end > mention.num_end and \
                _AND_NEXT.fullmatch(text, people.end, following) and \
                not any(0 <= mention.start - e[1] <= 20 for e in events):
            # "eight civilians and at least 10 soldiers have been killed": one verb after both
            following = later_ones[1] if len(later_ones) > 1 else None
        elif following is not None and people.group is None and \
                _OF_BASE.fullmatch(text, mention.num_end, following):
            # "about 1.9 million of Gaza's 2.2 million people have been displaced": the base is
            # part of this count's phrase; its predicate comes after it
            following = later_ones[1] if len(later_ones) > 1 else None
        elif following is not None and people.group in ("hostages", "prisoners") and \
                _ASIDE_OPENS.match(text, people.end) and not any(
                    len(e) > 3 and e[3] and s_start <= e[0] < mention.start for e in events) \
                and (verb := next(
                    (e for e in events if e[0] > following and len(e) > 3 and e[3]), None)):
            # "up to 33 hostages, among them five female soldiers, ... would be released": the
            # counts in the aside are its parts; the count's verb comes after them
            following = next((n for n in later_ones if n > verb[0]), None)
        direct = [e for e in events if 0 <= mention.start - e[1] <= 2
                  and not text[e[1]:mention.start].strip()]  # not "were killed, 16,000 wounded"
        if not event and direct and people.subject and any(
                mention.num_end <= e[0] < people.end for e in events):
            event = direct[-1][2]  # "shelters more than a million displaced people"
        if not event and direct and direct[-1][2] == "rescued":
            event = "rescued"  # "rescued eight alive": the rescue's object, alive as it says
        if _DEATHS_OF.search(text, max(s_start, mention.start - 30), mention.start):
            event = "dead"  # "confirmed the deaths of 33 of those still held"
        if not event and people.group == "people" and \
                _ADVERB.sub("", people.subject.lower()) in _WOUNDED:  # ("12 seriously injured")
            died = next((e for e in events if people.end <= e[0] < people.end + 30
                         and e[2] in ("killed", "dead")
                         and not _CLAUSE_END.search(text, people.end, e[0])), None) \
                if text.startswith(" of the ", mention.num_end) else None
            event = died[2] if died else "injured"  # "113 wounded evacuated by air", "300 of
            # the injured remain in critical condition": the noun counted is itself the metric
            # (but "two of the wounded had died overnight" are dead)
        event = event or metrics.nearest_event(events, mention.start, mention.num_end, skip,
                                               limit=following, noun_end=people.end, text=text)
        if event in ("remaining", "abducted") and people.group == "prisoners" and any(
                e[2] == "released" and e[1] <= mention.start for e in events) and not any(
                e[2] == event and e[3] and e[0] >= people.end for e in events):
            event = "released"  # "released 36 prisoners ... and 333 detainees held in Gaza",
            # "frees ... 1,700 detainees seized in Gaza": where or how they were held, not what
            # the count is
        if event is None and people.group in metrics.BREAKDOWN and context_start is not None \
                and not _AGED_VERB_NEXT.match(text, people.end) and (bare or not _OBJECT_OF.search(
                    text, max(s_start, mention.start - 40), mention.start)) \
                and not _UNCOUNTED_LATER.match(text, people.end, s_end) \
                and not _NEEDS_NEXT.match(text, people.end) \
                and (out or not _WITH_BEFORE.search(text, max(s_start, mention.start - 70),
                                                    mention.start)):
            # "CPJ puts the figure at 192 journalists": what happened is in the sentence before
            # (not "22,000 children have been admitted to hospital", nor "partners screened
            # 1,800 children": their own verb; nor "moved 15 patients, with 20 health workers":
            # those who went along)
            earlier = metrics.events_in(text, context_start, s_start)
            event = earlier[-1][2] if earlier and earlier[-1][2] == "killed" else None
        if event is None and carried in _KILLED_FAMILY and \
                _AMONG_THEM_AFTER.match(text, people.end):
            event = "killed"  # "196 aid workers killed. UNRWA said 176 of its staff were among
            # them": a part of the dead counted just before
        if _EACH_AFTER.match(text, people.end):
            continue  # "15 families that had lost more than ten members each": so many a
            # family, not a count of anyone
        if _LOST_SOMETHING.match(text, people.end):
            continue  # "625,000 children there have lost a year of school": what they lost is
            # no metric's, whatever verb came before (but "lost their lives" is a death)
        if of_whom and (own := _OWN_PASSIVE.match(text, mention.num_end)) and \
                not any(mention.start - 40 <= e[0] <= own.end() + 40 for e in events):
            continue  # "freed 1,718 detainees, and 12 of them were admitted in serious
            # condition": a part doing what no metric counts, not the verb before it (but "the
            # deaths of 34 of them have been confirmed", "154 of them were taken to Egypt to be
            # deported")
        metric = metrics.metric_for(people.group, event, sentence,
                                    people.subject if people else None, context,
                                    text[mentions[i - 1].end if i else s_start:following or s_end])
        if metric is None and carried and _AMONG_THEM_AFTER.match(text, people.end):
            metric = carried  # "50 hostages have come home ... Thailand said 17 of its citizens
            # were among them": a part of the count just before
        if metric is None and carried == "prisoners_released" and _FREED_APPOSITIVE.fullmatch(
                text, s_start, mention.start):
            metric = carried  # "Israel freed 90 prisoners. The prisoners, 69 women and 21
            # teenage boys, were driven to Ramallah": the freed, told in parts
        if metric == "killed" and people.group in (None, "people") and _IN_COMBAT.match(
                text, people.end, following or s_end):
            metric = "soldiers_killed"  # "32 residents who served in the IDF have fallen in
            # combat": those who fell as soldiers, whatever the noun that counts them
        if metric in _KILLED_FAMILY and people.group in ("militants", "soldiers") and \
                _HAS_BEFORE.search(text, max(s_start, mention.start - 30), mention.start) and \
                not any(mention.start < e[0] < people.end + 40 for e in events):
            continue  # "..., and officials estimate that Hamas still has up to 20,000 fighters":
            # the fighters it has, not the dead of the clause before
        if metric in _HOSTAGE_FIGURES and _NUMBER_OF_BODIES.match(text, mention.num_end):
            metric = "hostage_bodies_recovered"  # "brings to 12 the number of hostages'
            # bodies brought back": bodies, whatever brought them
        if metric == "prisoners_released" and people.group is None and (
                swap := _FOR_PRISONERS.search(text, mention.num_end, following or s_end)) \
                and not _PRISONER_WORDS.search(text, s_start, swap.start()):
            metric = "hostages_released"  # "105 were freed in exchange for Palestinian
            # prisoners": the other side of the exchange
        if metric in ("hostages_remaining", None) and people.group in ("hostages", "prisoners") \
                and _IN_A_PHASE.match(text, people.end):
            # "up to 35 hostages in the first stage", "1,500 prisoners in first phase": the
            # deal's stages free them
            metric = f"{people.group}_released"
        if metric == "hostages_released" and not out and carried == "hostage_bodies_recovered" \
                and (_OF_THEM.match(text, mention.num_end)
                     or text.startswith(" more", mention.num_end)):
            metric = carried  # "... the remains of 28 hostages. So far it has handed over 25
            # of them": a part of the bodies counted just before, handed back
        if metric == "killed" and (share := _GROUP_ACCOUNTS.search(
                text, max(s_start, mention.start - 60), mention.start)
                or _OF_THE_DEAD_WERE.match(text, mention.num_end)
                or (_GROUP_ALSO_FOR.search(text, max(s_start, mention.start - 30), mention.start)
                    if out and out[-1][1] in metrics.BREAKDOWN.values() else None)):
            # "Children account for more than 18,000 of the martyrs", "11,355 of the identified
            # fatalities were children": that group's dead
            metric = metrics.BREAKDOWN.get(metrics.group_in(share.group("who")) or "", metric)
        elif metric == "killed" and people.group is None and " among " in lowered:
            among = _AMONG_GROUP.match(text, mention.num_end)  # "1,059 killed among medical staff"
            group = metrics.group_in(among.group("who")) if among else None
            metric = metrics.BREAKDOWN.get(group or "", metric)
        elif metric == "killed" and people.group == "people" and \
                people.subject.lower() in _DEAD_NOUNS:
            among = _DEAD_OF_GROUP.match(text, people.end)  # "412 martyrs from the medical staff"
            group = metrics.group_in(among.group("who")) if among else None
            metric = metrics.BREAKDOWN.get(group or "", metric)
        elif metric == "killed" and people.group is None and out and \
                out[-1][1] in _KILLED_FAMILY and \
                _OUT_OF.search(text, max(s_start, mention.start - 30), mention.start):
            metric = out[-1][1]  # "252 soldiers have fallen in Gaza, out of 597 killed since
            # the war began": the whole of the same group
        elif metric == "killed" and people.group == "people" and \
                _WORKING_FOR.match(text, people.end):
            metric = "aid_workers_killed"  # "seven people working for the charity World
            # Central Kitchen were killed"
        elif metric == "killed" and people.group is None and out and \
                out[0][1] in metrics.BREAKDOWN.values() and \
                _OF_THE_OPENER.fullmatch(text, s_start, out[0][0].start):
            metric = out[0][1]  # "Of the 105 soldiers killed in Gaza, 20 were killed by
            # friendly fire": some of the base's group
        elif metric == "killed" and people.group is None and \
                (total := _group_total(text, s_start, mention, out, metric)) != metric:
            metric = total
        elif metric == "killed" and people.group is None and (owner := _GROUP_DEATHS.search(
                text, max(s_start, mention.start - 80), mention.start)):
            # "Soldiers' deaths in Gaza offensive reach 127": the dead are the owners
            metric = metrics.BREAKDOWN.get(metrics.group_in(owner.group("who")) or "", metric)
        elif metric == "injured" and people.group in ("children", "women") and \
                any(item[1] in _KILLED_FAMILY for item in out) and \
                _BREAKDOWN_GAP.match(text, out[-1][0].end, mention.start):
            # "2,169 killed and 10,212 injured, including 127 children": a breakdown of a toll
            # names the dead among them
            metric = metrics.BREAKDOWN[people.group]
        if metric is None and event in ("released", "rescued", "alive") and \
                people.group in (None, "people") and carried in _HOSTAGE_FIGURES:
            metric = f"hostages_{event}"  # "Troops have rescued eight alive. A further 105
            # were released in November", "Fewer than 100 are said to be alive": more of the
            # hostages counted just before
        if metric is None and event == "released" and people.group in (None, "people") and \
                carried == "prisoners_released":
            metric = carried  # "Israel freed 200 prisoners. Seventy were deported abroad":
            # some of the prisoners counted just before
        if metric is None and people.group in (None, "people", "women", "children") and (
                "includ" in lowered or "compris" in lowered):
            metric = _included(text, s_start, mention, context)
        if metric is None and people.group == "people" and event is None and \
                remains_named and \
                _REMAINS_OF.search(low, max(s_start, mention.start - 30), mention.start):
            metric = "killed"  # "received the bodies of 11 members of one family": the dead
        if metric == "killed" and event == "dead" and carried in _HOSTAGE_METRICS \
                and not out and people.group is None and (of_whom or (
                    (opener := _BARE_OPENER.match(text, s_start))
                    and opener.end() == mention.start)):
            metric = "hostages_dead"  # "Of them, 94 remain in Gaza. At least 34 of those are
            # believed to be dead", "... Of these, at least 41 are no longer alive": a part of
            # the hostages counted just before
        if metric is None and of_whom and carried and event is None and (
                mention.start - s_start <= 2 or _SPEAKER_OPENS.fullmatch(
                    text, s_start, mention.start)) and people.group in (None, "people"):
            metric = carried  # "Seven of them were still in serious condition": a part of the
            # count just before, doing nothing a metric names (opening its sentence, so that
            # "them" is that count: "four sites, three of them in Rafah" are sites)
        if metric in _HOSTAGE_METRICS and _DECLARED.search(
                text, max(s_start, mention.start - 12), mention.start) and \
                _AS_DEAD.match(text, mention.num_end):
            metric = "hostages_dead"  # "The army has declared 41 of those still held dead"
        if metric in _HOSTAGE_METRICS and _WHOSE_BODIES.match(text, mention.num_end):
            metric = "hostages_dead"  # "121 remain, including 37 whose bodies are held"
        if metric == "hostages_remaining" and people.group != "hostages" and \
                _BODIES_OF_BEFORE.search(text, max(s_start, mention.start - 16), mention.start):
            metric = "hostages_dead"  # "The bodies of four others ... are still in Gaza"
        if metric == "hostages_released" and people.group is None and \
                carried == "hostage_bodies_recovered" and not of_whom and \
                _HANDED_BEFORE.search(text, max(s_start, mention.start - 30), mention.start):
            metric = carried  # "... hand over the bodies of 28 captives. It has returned 15
            # so far": bodies, as the sentence before counted
        if metric in ("injured", "displaced") and (
                _IN_NEED.match(text, people.end) or _SICK_AND_HURT.search(
                text, mention.num_end, people.end)):
            continue  # "12,000 wounded and sick patients need treatment abroad", "8,000
            # others still need to leave": a need, not the toll of the wounded or displaced;
            # "50 sick and wounded children crossed into Egypt": patients moved, not a count
        if _PART_IN_NEED.match(text, mention.num_end):
            continue  # "seven of the freed men needed treatment": a need, no metric's count
        if metric in ("killed", "population") and _NEAR_HUNGER.match(text, people.end):
            continue  # "at least 576,000 people, a quarter of Gaza's population, are one step
            # away from famine": the hungry, whatever died earlier in the sentence
        if metric == "population" and (_FACING_HUNGER.match(text, people.end) or (
                _HUNGER.match(text, people.end, min(len(text), people.end + 100))
                and not _LIVING_IN_PLACE.match(text, people.end))):
            continue  # "the population of the Strip, 1.1 million people, would face famine"
        if metric == "killed" and carried in _GROUP_KILLED and not out and \
                people.group in (None, "people") and (
                    _DEAD_INCLUDED.fullmatch(text, s_start, mention.start)
                    or _OF_THE_DEAD.match(text, mention.num_end)):
            metric = carried  # "Seven aid workers were killed. The dead included three
            # British nationals": a part of the group counted just before
        if metric == "displaced" and (people.subject and _PATIENTS.search(people.subject)
                                      or _PATIENTS_AMONG.search(
                                          text, max(s_start, mention.start - 150), mention.start)
                                      or _MEDICAL_EVACUATION.search(
                                          text, max(s_start, mention.start - 300), mention.start)
                                      or (people.group is None and _PATIENTS_EARLIER.search(
                                          text, max(s_start, mention.start - 200),
                                          mention.start))):
            continue  # "evacuated 250 patients to other hospitals": a medical evacuation (and
            # "12,000 patients need to be evacuated, among them 4,500 children": some of them;
            # "5,000 patients have been evacuated, while 12,000 are still waiting": the rest)
        if metric == "sheltering" and people.subject and _PATIENTS.search(people.subject):
            continue  # "14,000 displaced people were sheltering at the hospital, alongside 500
            # patients": the hospital's patients, not more of those sheltering
        if metric == "hostages_remaining" and people.group != "hostages" and \
                _remain_jailed(text, people.end, s_end):
            continue  # prisoners still held, not hostages
        if metric == "hostages_remaining" and _IN_JAILS.match(text, mention.num_end):
            continue  # "prisoners, of whom the occupation holds 9,000 in its jails": held, not
            # hostages
        if metric == "hostage_bodies_recovered" and people.group == "bodies" and \
                _BODIES_RECEIVED.search(text, max(s_start, mention.start - 50), mention.start) \
                and _PALESTINIAN_BODIES.search(context):
            continue  # "Israel is to hand over the remains of 15 Palestinians for each dead
            # captive. So far we have received 45 bodies": the Palestinians', told by the side
            # that receives them
        if metric == "hostages_released" and people.group is None and \
                _PALESTINIAN_BODIES.search(context):
            continue  # "Israel is to return the bodies of 15 Palestinians for each hostage.
            # It has so far returned 90": their bodies, which no metric counts
        if metric is None and event is None and entry_metrics and people.group != "bodies":
            metric = _entry_metric(entry_metrics, len(out), people.group)  # "- Friday: 39
            # prisoners freed; 13 captives released. - Saturday: 39 prisoners; 13 Israelis":
            # an entry with no verb counts what the entry before counted, in the same order
        if metric is None:
            if people.group == "prisoners" or (
                    event == "remaining" and metrics.held_by_israel(people.subject)
                    and metrics.talks_of_hostages(context or sentence)):
                skipped.add(i)  # "holding 7,800 security prisoners, up from 5,200": those
                # Israel holds, and what they were before, no metric counts
            continue
        out.append((mention, metric, people, None))
        if people.group is not None:
            previous_people = people
    out = [(mention, "hostages_remaining", people, *rest)
           if metric == "hostages_released" and people is not None and people.end > mention.end
           and people.group in ("hostages", "people") and _STILL_HOLDS.match(text, people.end)
           else (mention, metric, people, *rest)  # "releasing the 59 hostages it still holds"
           for mention, metric, people, *rest in out]
    out = _exchange_sides(text, out)
    out = _same_group(text, s_start, out, carried)
    out = _held_parts(text, out, carried)
    out = _without_bodies_handed_back(text, s_start, out)
    # "has passed 10,000, ... putting the toll at 10,022": the milestone gives way to the count
    return [item for n, item in enumerate(out)
            if not (any(later[1] == item[1] for later in out[n + 1:])
                    and _THRESHOLD.search(text, max(s_start, item[0].start - 12), item[0].start))]
