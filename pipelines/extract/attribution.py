"""Who asserts a figure: attribution phrases in a sentence, and claimants carried over.

Rules (tests/gold/GUIDELINES.md): "according to X", "X said/says/told/claimed/estimates",
", X said." after the figure, "said the official", headline "...: X" or "... — X", a quote
followed by its speaker; pronouns and role nouns ("he", "the official") take the last named
claimant (attribution not explicit); otherwise the outlet states the figure itself.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from pipelines.extract.claimants import is_known, resolve_claimant
from pipelines.extract.numbers import has_number
from pipelines.extract.sentences import TITLES, for_lower, lower
from pipelines.extract.wordtrie import first_letter_alternation

# the nouns for what a person is to the body they speak for ("ministry spokesman X", "X, the
# UN's humanitarian coordinator"): one list for every rule that reads a role; each adds the
# words only its own grammar needs
ROLE_WORDS = ("spokesman", "spokeswoman", "spokesperson", "minister", "official", "director",
              "chief", "head", "commissioner", "secretary", "coordinator", "envoy",
              "representative", "ambassador", "president", "commander", "deputy", "adviser",
              "advisor")
ROLE_NOUNS = "|".join(ROLE_WORDS)
# the role nouns that name a body, not a person ("the ministry", "the agency"): what a role noun
# cited, or named as a data source, may point back to
BODY_NOUNS = frozenset({"ministry", "agency", "office", "department", "organization",
                        "organisation"})

VERBS = (
    r"said|says|say|told|tells|tell|claimed|claims|claim|claiming|reported|reports|estimated|"
    r"estimates|estimate|announced|announces|stated|states|added|adds|noted|notes|confirmed|"
    r"confirms|"
    r"believes|believe|believed|warned|warns|insisted|insists|acknowledged|acknowledges|"
    r"admitted|admits|declared|declares|lists|listed|cleared for publication|report|state|"
    r"announce|proposed|proposes|demanded|demands|disclosed|discloses|revealed|reveals|"
    r"notified|notifies|informed|informs|accused|accuses|"
    r"indicates?|indicated|affirms?|affirmed|determined|determines|assessed|assesses|"
    r"concluded|cited(?! by\b)|cites|maintain(?:s|ed)?(?= that\b)|"
    r"clarifies|clarified|explains|explained|points out|pointed out|"
    # a debate's rebuttal: "Zohar shouted back that ...", "the envoy replied that ..."
    r"(?:replied|retorted|countered|shouted back|interjected)(?= that\b(?! (?:night|day|"
    r"morning|afternoon|evening|week|weekend|month|year|same|very|next|attack|offensive|strike|"
    r"raid|move)\b))|"
    # ("has raised its count of Palestinians killed in the 15-month war to 61,709")
    r"raised (?:the|its) [\w '’-]{2,60}? to|revised (?:the|its) [\w '’-]{2,60}? to|"
    r"put (?:the|its) [\w '’-]{2,50}? at|puts (?:the|its) [\w '’-]{2,50}? at|puts? it at|"
    r"(?:raised|lowered|revised) it (?:again |further )?to|"
    # "Israel has countered with a demand that 11 living hostages be freed": a demand made is
    # its maker's claim
    r"(?:countered|responded|replied) with (?:a|an|its|their) (?:[\w-]+ )?"
    r"(?:demand|proposal|offer|counter-?proposal|counteroffer)(?= that| for| under which)|"
    # "On Tuesday it gave a revised toll of 471": a toll given is a toll claimed
    r"gave (?:an?|the|its) (?:[\w'’-]+ ){0,2}?(?:toll|tally|count|figure|number) of|"
    r"tallied|counted|counts(?<!['’]s counts)|recorded|documented|updated|revised|"
    # "the ministry now records 30,228 martyrs": right before its count (not the noun in
    # "official records for the 12 months show")
    r"records(?= (?:some |about |around |nearly |almost |over |more than |at least )?\d)|"
    # "WHO has verified 654 attacks ..., in which 886 people were killed"; never the passive's
    # "could not be independently verified"
    r"verified(?<=(?:has|ave|had) verified)|"
    # "The military has published the names of 354 soldiers killed": a list is a count
    r"published (?:the )?(?:names|identities)(?: and [a-z -]{2,25}?)? of|"
    # "Israeli figures show": data shows what its owner counted
    r"show(?<=figures show)(?:s|ed)?|show(?<=data show)(?:s|ed)?|"
    r"show(?<=statistics show)(?:s|ed)?|show(?<=records show)(?:s|ed)?|"
    r"show(?<=\btally show)(?:s|ed)?|show(?<=\bcount show)(?:s|ed)?|"
    r"show(?<=\bdatabase show)(?:s|ed)?"
)
# Scans lower-cased sentences (sentences.lower), so it needs no IGNORECASE.
# The verbs (with "has ", "also " ... before them) bucketed by first letter: the same matches,
# faster (wordtrie.first_letter_alternation).
_VERB = re.compile(
    r"\b(?<!united )(?=[a-z])"
    + first_letter_alternation([("verb", rf"(?:has |have |had |also |later |previously |"
                                         rf"earlier |had earlier |had previously |"
                                         rf"has also |had also |have also )?(?:{VERBS})")])[0]
    + r"\b(?! (?:the )?lives\b)"  # "has claimed the lives of 460 people": an event
    r"(?!(?<=ed|ts|rt) (?:from|live)\b)"  # "after they had reported from Gaza"
    r"(?! (?:department|media|television|tv|news|radio|broadcaster|of)\b)")  # "State Department"
# "an estimated", "are believed", "was reported", "the number of confirmed deaths": passive or
# adjective, not a claim verb.
# ("rejected claims that ...", "denied reports": the noun, object of another verb)
# ("the IDF's claim that", "Israeli estimates that": a noun after a possessive or a country's
# adjective; read as the verb, "Hamas rejected the IDF's" was the claimant of the IDF's figure)
_NOT_VERB_BEFORE = re.compile(r"(?:\b(?:an?|the|is|are|was|were|be|been|of|rejected|rejects|"
                              r"dismissed|dismisses|denied|denies|disputed|disputes|refuted|"
                              r"israeli|palestinian|iranian|lebanese|egyptian|qatari)|"
                              r"\S(?:'s|’s|s'|s’))\s+$", re.IGNORECASE)
# A name may hold the dots of "U.N.", "U.S." or a title ("Dr.", "said IDF Spokesperson Rear
# Adm. Daniel Hagari") without ending there.
_NAME_CHAR = rf"(?:(?-i:U\.[NSK]\.|(?:{TITLES})\.)|[^,.;:()“”\"])"
_ACCORDING = re.compile(rf"\baccording to\s+(?P<c>{_NAME_CHAR}+)|"
                        # "By its count, 186 journalists ...": whose count it is
                        r"\bby\s+(?P<by>(?:its|their|his|her)\s+(?:own\s+)?(?:count|tally|"
                        r"estimates?|figures|reckoning|records))\b|"
                        # "A review by the UN human rights office of the 8,119 deaths ...": the
                        # body whose study it is ("found" alone is no claim: rescuers find bodies)
                        # ("rejects the claim by X that ...": X's claim, whoever rejects it)
                        r"\b(?:review|report|study|analysis|survey|investigation|assessment|audit|"
                        r"tally|count|claims?|assertions?|allegations?)\s+by\s+"
                        rf"(?P<rb>(?:the\s+)?(?:[a-z]+\s+)?(?-i:[A-Z]){_NAME_CHAR}{{1,60}}?)"
                        r"(?=\s+(?:of(?!\s+(?:the\s+)?(?-i:[A-Z]))|on|into|found|finds|shows?|"
                        r"showed|suggests?|suggested|concluded|published|released|in|that)\b|"
                        r"\s*[,;:.(]|$)", re.IGNORECASE)
# "said civil defence spokesman Mahmoud Basal": a lower-case role, then the name
_ROLE_BEFORE_NAME = rf"(?:[a-z][\w-]*\s+){{1,3}}(?:{ROLE_NOUNS})\s+(?-i:[A-Z])"
_INVERTED = re.compile(
    # (not "told a news conference": who is told, never who speaks)
    rf"\b(?!accuse|told\b|tells?\b)(?:{VERBS})\s+(?P<c>(?=(?:the|an?|its)\s|(?-i:[A-Z])|"
    rf"{_ROLE_BEFORE_NAME})"
    rf"{_NAME_CHAR}{{3,80}}?)"
    # "said Dr. X, a spokesman at Y hospital." (a comma, not the one in "1,000")
    # (or before a semicolon: "40,000 dead, says Hamas ministry; IDF claims 17,000 ...")
    r"(?:,(?!\d)(?P<role>[^;“”\"]{0,120}))?\s*[.!?”\"]*(?:$|(?=;))",
    re.IGNORECASE,
)
_ROLE_APPOSITIVE = re.compile(r"\s*(?:the\s+|an?\s+)?(?:[a-z][\w-]*\s+){0,2}"
                              rf"(?:{ROLE_NOUNS}|manager)\b")
# a person's place of work after their name: "a surgeon at al-Shifa Hospital" (the body is
# what the registry is asked about: not "a former hostage of Hamas" nor "a critic of Hamas")
AT_A_BODY = re.compile(r"\s*(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?"
                       rf"(?:{ROLE_NOUNS}|surgeon|doctor|physician|nurse|paramedic|medic|manager|"
                       r"officer|researcher|worker|employee|staffer|staff member)"
                       r"\s+(?:at|with|for|of|in|to)\s+(?P<body>(?:the\s+)?(?:al-|el-)?"
                       r"(?-i:[A-Z])[^,;]{0,60})")
_HEADLINE = re.compile(r"(?::|\s[—–])\s*(?P<c>[A-Za-z][\w'’ .-]{2,60})$")
# (after a wire's version tag: "UPDATE 5-Gaza health ministry: 104 killed ...")
_HEADLINE_LEAD = re.compile(r"^(?:(?:UPDATE|REFILE|CORRECTED|WRAPUP|EXCLUSIVE|ANALYSIS)"
                            r"(?:\s+\d+)?\s*-\s*){0,2}"
                            r"(?P<c>[A-Z][\w'’ .,-]{1,80}?):\s+\S")
# "Nabulsi roundabout massacre: 112 martyrs ...": what happened, not who speaks
_EVENT_NAMED = re.compile(r"\b(?:massacre|attack|strike|raid|bombing|shelling|assault|ambush|"
                          r"explosion|blast|shooting|stampede|crush)\b", re.IGNORECASE)
_STATEMENT = re.compile(r"\b(?:statement|announcement|update)$", re.IGNORECASE)
# "Morning show recap: ...", "Radio bulletin summary: ...": the outlet's own programme, no speaker
_PROGRAMME = re.compile(r"\b(?:recap|summary|highlights|round-?up|bulletin|briefing|digest|"
                        r"explainer|transcript|notes?|excerpts|factbox)$", re.IGNORECASE)
_NUMBERED = re.compile(r"\s*(?:#|No\.|\d)")
# A live page's label or a day of the war before a headline's colon: "Live: ...", "BREAKING:
# ...", "Second day of war: ..."; when, not who
_TICKER_LABEL = re.compile(r"(?:(?:[\w'’-]+\s+){0,4}live(?:\s+(?:updates?|blog))?|"
                           r"breaking(?:\s+news)?|updated?|"
                           r"correction|flash|alert|urgent|just in|developing|exclusive|"
                           r"(?:the\s+)?(?:[\w-]+\s+)?day(?:\s+\d+)?\s+of\s+(?:the\s+)?war|"
                           r"day\s+\d+|[\w-]+\s+(?:days?|weeks?|months?)\s+(?:on|in|into))",
                           re.IGNORECASE)
# Words that make the text after a headline colon a statement, not its speaker.
_NOT_A_SOURCE = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|"
                           r"killed|dead|rescued|freed|released|wounded|hostages?)\b",
                           re.IGNORECASE)
# "The figures published by the ministry, which claims that ..."
_BEFORE_OBJECT = re.compile(r"^.*\b(?:by|on|from|cites?|cited|citing|quotes?|quoted)\s+"
                            r"(?=the\s|its\s|their\s|(?-i:[A-Z]))", re.IGNORECASE)
# (no space after the pronoun once a date aside is cut: "officials, who on Tuesday night said")
_RELATIVE = re.compile(r"(?P<c>[^,;:“”\"()]{2,80}),\s*(?:which|who)(?:\s+also)?\s*$")
# a relative clause of its own between a count and an agent ("35 whose deaths have been
# confirmed by the IDF"): a statement on the count, not the participle naming its source
_CLAUSE_WORD = re.compile(r"\b(?:whose|which|that|who|have|has|had|been|were|was|are|is)\b",
                          re.IGNORECASE)
# "the cumulative toll reported by the Ministry": a passive claim with its agent
_BY_AGENT = re.compile(r"\b(?:reported|recorded|documented|confirmed|announced|published|"
                       r"issued|compiled|provided|verified|counted|tallied)\s+by\s+"
                       # (or a role noun: "the 50 dead counted by medics at the hospital")
                       r"(?P<c>(?:the\s+)?(?:(?-i:[A-Z])[^,;:“”\"()]{1,60}?|(?:medics|doctors|"
                       r"paramedics|rescuers|(?:health|hospital|local)\s+officials)\b"
                       r"[^,;:“”\"()]{0,60}?))(?=\s+(?:since|on|in|"
                       r"as|to|at|for|from|until|over|between|and)\b|[,;:.]|$)", re.IGNORECASE)
_WHEN = re.compile(r"^(?:on\s+|late\s+|early\s+|last\s+)?(?:monday|tuesday|wednesday|thursday|"
                   r"friday|saturday|sunday|yesterday|today|tonight|overnight)\b", re.IGNORECASE)
# "the toll recorded by March", "by mid-March", "by the end of May": a time, not an agent (as
# "by Thursday" is, in _WHEN)
_BY_TIME = re.compile(r"(?:mid-?|early\s+|late\s+|the\s+end\s+of\s+)?(?:january|february|"
                      r"march|april|may|june|july|august|september|october|november|december)\b",
                      re.IGNORECASE)
_CITING = re.compile(rf"\b(?:citing|quoting)\s+(?P<c>{_NAME_CHAR}{{3,80}}?)(?=[,;.]|$)",
                     re.IGNORECASE)
# (this and _BOUNDARY scan lower-cased text: `re` then skips the branches that open with
# another letter at once)
_ASIDE_HINT = for_lower(r"\d|day|yesterday|today|overnight|jan|feb|mar|apr|may|jun|jul|aug|"
                        r"sep|oct|nov|dec")
_ENDS_RELATIVE = re.compile(r"\b(?:which|who)(?:\s+also)?\s*$")
_DIGIT = re.compile(r"\d")
_NAME_START = re.compile(r"(?:[A-Z]|the\s|an?\s|its\s|his\s|her\s)")
_NUMBERED_OUTLET = re.compile(r"\b(?:channel|kan|i24)\s*\d+\b", re.IGNORECASE)
_SAYING = re.compile(r",\s+(?:saying|adding|reporting|noting)\b", re.IGNORECASE)
# "..., with the Government Media Office saying that 400 were killed"
_WITH_SAYING = re.compile(r"\bwith\s+(?P<c>(?:the\s+)?(?-i:[A-Z])[^,;:“”\"()]{1,60}?|"
                          r"the\s+[\w'’ -]{2,40}?)\s+"  # "with the military saying"
                          r"(?:saying|reporting|estimating)\b", re.IGNORECASE)
# "... highlighted by the Gaza Ministry of Health, reporting 30,228 casualties"
_SUBJECT_VERB = re.compile(r"(?P<c>(?:the\s+)?[\w'’ -]{2,60}?)\s+(?:has\s+|have\s+|had\s+|also\s+)?"
                           r"(?-i:[a-z]+)(?:ed|s)\b", re.IGNORECASE)
# a sentence opening with a person's role or title and full name ("Yisrael Beytenu chairman
# Avigdor Liberman cut in"), never a place or a crowd ("Khan Younis came under fire", "Gaza City
# residents fled")
OPENING_NAME = re.compile(
    r"(?!(?:On|In|At|By|After|Before|Since|During|When|As|Later|Earlier|The|A|An|But|And)\b)"
    r"(?P<c>(?:[A-Z][\w'’.-]+\s+){0,3}"
    rf"(?:(?i:{ROLE_NOUNS}|secretary-general|chairman|leader|lawmaker|mayor|governor|member|"
    r"of\s+staff)|"
    rf"(?:{TITLES}|Sen|Rep|Sheikh|Rabbi)\.?)\s+"
    r"[A-Z][\w'’.-]+(?:\s+(?:al-|el-|abu\s|bin\s|ibn\s)?[A-Z][\w'’-]+){1,2})\s+[a-z]+")
_BY_BEFORE = re.compile(r"\bby\s+(?P<c>(?:the\s+)?(?-i:[A-Z])[^,;:“”\"()]{1,60}?)\s*$",
                        re.IGNORECASE)
_BOUNDARY = for_lower(r"[,;:“”\"()]|\s[-—–|]\s|\b(?:that|and|but|while|as|when|after|which|"
                      r"who|whom|where)\s")
_LEADING = re.compile(r"^(?:but|and|while|however|meanwhile|also|so|then|according to|"
                      r"(?:al)?though|whereas|"
                      r"on (?:\d{1,2} [a-z]+|[a-z]+(?: \d{1,2}\b)?)"
                      r"(?: (?:night|morning|afternoon|evening))?|of whom|"
                      r"of which|(?:earlier|later)(?:\s+(?:in|on|that)\s+(?:the\s+)?\w+)?,?|"
                      # "By that evening the ministry counts ...", "By Friday the army said":
                      # when, not who
                      r"(?:(?:by\s+)?(?:that|this|the same|the next|the following)\s+)?"
                      r"(?:evening|morning|night|afternoon)(?=\s+(?:the|an?)\s),?|"
                      r"by\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|then|"
                      r"nightfall|midday|noon)(?:\s+(?:night|morning|evening|afternoon))?,?|"
                      # "Weeks later they revised it": when, not who
                      r"(?:(?:a|an|two|three|some|several|a few)\s+)?(?:hours?|days?|weeks?|months?"
                      r"|years?)\s+(?:later|earlier|after|before),?|"
                      # "In a statement last month it said": the statement is where, not who
                      r"in (?:a|an|its|their|his|her) (?:[\w-]+ )?(?:statement|update|report|"
                      r"briefing|post|interview)(?: (?:on|late|early|last|this) \w+)?,?)\s+",
                      re.IGNORECASE)
_TRAILING = re.compile(r"\s+(?:on|late|early|last|this)\s+\w+$|"
                       r"\s+in\s+(?:a|an|its|his|her|their)\s+\w+$|"
                       r"(?:\s+(?:has|have|had))?\s+(?:also|later|earlier|previously|itself|now|"
                       r"initially|originally|first|already|repeatedly|reportedly|allegedly|"
                       r"has|have|had)$|"
                       # a verb denied names its subject all the same ("the ministry never
                       # says how many", "the army would not say ..., but said 12 ...")
                       r"\s+(?:(?:has|have|had|did|does|do|would|could|will|can)\s+)?"
                       r"(?:not|never)$|\s+\w+n['’]t$|\s+cannot$",
                       re.IGNORECASE)
_DATA_NOUNS = re.compile(r"^(?:(?:the\s+|a\s+)?(?:latest\s+|joint\s+|new\s+|official\s+|daily\s+)?"
                         r"(?:[\w-]+\s+)?(?:figures?|data|statistics|numbers|tracking|monitoring|"
                         r"assessments?|estimates|findings|"
                         r"tally|count|toll|report|statement|update|list|register)\s+"
                         r"(?:from|by|of|issued by|"
                         r"(?:released|received|compiled|collected|gathered|provided|published)"
                         r" by)\s+)", re.IGNORECASE)
# data named by who made it, in a relative clause: "a list the Justice Ministry published"
_DATA_MADE_BY = re.compile(r"^(?:an?|the|its)\s+(?:[\w-]+\s+)?(?:list|report|tally|count|"
                           r"statement|study|document|figures|data|database)\s+(?:that\s+)?"
                           r"(?P<owner>(?:the\s+)?[^,;]{1,60}?)\s+(?:published|"
                           r"released|issued|compiled|posted|keeps|kept|put out)"
                           r"(?:\s+(?:on|last|this)\s+\w+)?$", re.IGNORECASE)
# a body's data, whoever owns it: "the ministry's latest figures", "its count"
_DATA_MODIFIERS = r"(?:(?:latest|own|official|updated|new|daily|preliminary|initial)\s+)?"
_DATA_WORDS = r"figures?|data|statistics|numbers|estimates?|tall(?:y|ies)|counts?|records|reports?"
# (or the modifier alone, when "report" was read as the verb: "the ministry's daily report said")
# (not a day's: "Friday's report" is the body named before, `GENERIC`)
_OWNER_OF_DATA = re.compile(rf"(?<!day)(?:'s|’s|s'|’)\s+(?:{_DATA_MODIFIERS}(?:{_DATA_WORDS})|"
                            r"latest|daily|official|updated|preliminary|initial)$", re.IGNORECASE)
_BODY_DATA = re.compile(rf"(?P<owner>[\w'’ -]{{2,50}}?)\s+(?:{_DATA_WORDS})", re.IGNORECASE)
# (or its inquiry's: "Its investigation now says", "the findings of its review")
_PRONOUN_DATA = re.compile(rf"^(its|their|his|her)\s+{_DATA_MODIFIERS}(?:{_DATA_WORDS}|reckoning|"
                           r"investigation|inquiry|probe|review)$", re.IGNORECASE)
_OWN_MINISTRY = re.compile(r"^(?:its|their)\s+(?:so-called\s+)?(?=(?:(?:health|justice) ministry|"
                           r"ministry of (?:health|justice))$)", re.IGNORECASE)
_A_TALLY = re.compile(r"an?\s+(?P<owner>(?-i:[a-z])[\w-]+(?:\s+[\w-]+)?)\s+(?:tally|count)$",
                     re.IGNORECASE)
_PRONOUNS = {"its": "it", "their": "they", "his": "he", "her": "she"}
GENERIC = re.compile(
    r"^(?:he|she|it|they|we|i|the (?:same )?(?:official|officials|spokes(?:man|woman|person)|"
    r"source|sources|ministry|agency|office|group|statement|minister|spokespeople|report|organi[sz]ation"
    r"|body|department|authorities)|officials|a spokes(?:man|woman|person)|"
    r"the (?:israeli |senior )?official|"
    r"(?:his|her) (?:office|ministry|government|spokes(?:man|woman|person))|"  # "His office says"
    # "Sunday's bulletin put the number of dead at ...": the body named before, on a day
    r"the bulletin|(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday)['’]s "
    r"(?:daily |latest )?(?:bulletin|report|update|statement|figures)|"
    # a headline drops the article: "Toll rises to 90, ministry says", "Ministry: 516 killed"
    r"ministry|agency)$",
    re.IGNORECASE,
)
# ";", "but", "while" (not "while ...ing"), "whereas", ", where", ", as", ", and" + a new
# subject. Every branch opens with a plain character (";", "b", "w", ","), and "\bbut" is
# written "bu(?<!\w..)t" (no word character before the "b", tested only once "bu" is there):
# `re` then skips in C to the few places where one of those four characters stands, instead of
# trying the whole pattern at every position (about ten times faster; same matches).
CLAUSE_SPLIT = re.compile(
    r";|bu(?<!\w..)t\b|wh(?<!\w..)(?:ile\b(?!\s+[a-z]+ing\b)|ereas\b)|"
    r",\s+(?:where\b|as\s+(?!of\b|many\b|few\b|much\b)|and\s+(?=[A-Z]|(?:the|it|they|we|he|"
    r"she|its|their|his|her|this|that|there|a|an)\s|(?:will|would|has|have|had)\s+[a-z]+\b|"
    # ", and mediators said ...": a speaker of its own; ", and says ...": a claim of its own
    r"(?:[a-z][\w-]*\s+(?:[a-z][\w-]*\s+)?)?(?:said|say|says|told)\b))"
)
_HARD_SPLIT = re.compile(r",\s+where\b")
# ", and 309 soldiers ...": right before the figure (whose span holds its qualifier)
_AND_COUNT = re.compile(r",\s+and\s+(?:another\s+)?$")
# Head nouns of role phrases ("the ministry said"): the antecedent should share the head.
ROLE_HEADS = {"ministry", "agency", "office", "group", "spokesman", "spokeswoman", "spokesperson",
              "minister", "organization", "organisation", "department", "movement",
              "authorities", "officials"}


# Plural sources named without an article ("medics said", "officials say").
_SOURCE_NOUNS = re.compile(
    # (how many: "three researchers estimated", "two officials said")
    r"(?:(?:two|three|four|five|six|seven|eight|nine|ten|several|other)\s+)?"
    r"(?:(?:local|hospital|public|health|medical|palestinian|israeli|security|military|us|"
    r"u\.s\.|un|"
    r"egyptian|qatari|senior|gaza|civil defen[cs]e|rescue)\s+){0,2}"
    r"(?:medics|officials|witnesses|eyewitnesses|residents|doctors|rescuers|"
    r"(?:first\s+)?responders|(?:rescue|emergency)\s+(?:workers|crews|services)|volunteers|"
    r"investigators|experts|analysts|researchers|scientists|academics|epidemiologists|"
    r"sources|paramedics|activists|diplomats|mediators|authorities|survivors|relatives|"
    r"people(?=\s+(?:briefed|familiar|close))|"  # "people briefed on the talks"
    r"(?:media\s+|news\s+|press\s+)?reports|"
    r"(?:humanitarian\s+|aid\s+)?(?:partners|agencies|organi[sz]ations|groups)|"
    # "municipal officials", "a press group", "officials briefed on the talks"
    r"(?:an?\s+)?(?:[a-z][\w-]*\s+){1,2}(?:officials|sources|group|organi[sz]ation|"
    r"watchdog)|"
    r"government\s+(?:figures|data|statistics|estimates))"
    r"(?:\s+(?:briefed on|familiar with|close to|involved in|with knowledge of|working in|"
    r"based in|operating in|tracking|monitoring)\s+"
    r"[\w' -]{2,40})?",
    re.IGNORECASE,
)


class Attribution(NamedTuple):
    claimant: str
    start: int  # position of the attribution cue (verb or "according to")
    explicit: bool
    generic: bool  # a pronoun or role noun that needs a claimant from earlier text
    cited: bool = False  # "..., citing the IDF": the source the speaker relays
    # in a relative clause ("a raid that the ministry said killed 274", "41 the army says are
    # dead"): it speaks for what follows it and the figure it describes, not for earlier ones
    relative: bool = False
    pair: tuple[str, str] | None = None  # "according to the ministry and the IDF"


# "A ministry statement said", "an army spokesman said": the body that speaks
_BODY_STATEMENT = re.compile(r"^(?:an?|the)\s+(?P<body>ministry|army|military|agency|movement|"
                             r"group|office|government)\s+(?:statement|report|update|"
                             r"spokes(?:man|woman|person))$", re.IGNORECASE)


def _points_back(phrase: str) -> bool:
    """A role noun standing for a body named before: "the ministry", "the same agency" (not
    "officials" or "the sources", who are no one named)."""
    low = phrase.lower()
    return bool(GENERIC.match(phrase)) and (
        low.startswith("the same ") or low.split()[-1] in BODY_NOUNS)


@lru_cache(maxsize=8192)  # pure, and the same claimant phrases recur in article after article
def _clean(phrase: str) -> str:
    phrase = _LEADING.sub("", phrase.strip(" ,.;:'\"“”‘’-—–•*·"))
    phrase = _DATA_NOUNS.sub("", phrase)
    phrase = _OWNER_OF_DATA.sub("", phrase)  # "the ministry's estimates": the ministry
    if (made := _DATA_MADE_BY.match(phrase)) is not None and is_known(made.group("owner")):
        phrase = made.group("owner")  # "a list the Justice Ministry published": the ministry
    if (tally := _A_TALLY.match(phrase)) and is_known(tally.group("owner")):
        return f"the {tally.group('owner')}"  # "an army tally": the army's count
    if (data := _BODY_DATA.fullmatch(phrase)) and (_points_back(data.group("owner")) or
                                                   is_known(data.group("owner"))):
        phrase = data.group("owner")  # "according to ministry data": the ministry's (not
        # "the official figures": no one's)
    if pronoun := _PRONOUN_DATA.match(_TRAILING.sub("", phrase)):  # "its count" ("its
        # investigation now"): the body named before
        return _PRONOUNS[lower(pronoun.group(1))]  # ("İTS" is "its", as IGNORECASE read it)
    # "its so-called health ministry": the ministry, as "the health ministry" reads
    phrase = _OWN_MINISTRY.sub("the ", phrase)
    phrase = _TRAILING.sub("", phrase)
    phrase = phrase.strip(" ,.;:'\"“”‘’-—–")
    body = _BODY_STATEMENT.match(phrase) if " " in phrase else None
    return f"the {body.group('body').lower()}" if body else phrase


_TIME_WORDS = ("after", "when", "while")
_TIME_OPENER = re.compile(r"(?:since|after|before|until|once|when)\s+", re.IGNORECASE)
# "Outside the morgue I counted nine bodies": a place before the first person, who is still
# the writer
_OPENER_FIRST_PERSON = re.compile(r"^(?:outside|inside|in|at|on|near|behind|from|across|along|"
                                  r"beside)\s[^,]{1,60}?\s(?P<c>(?-i:I)|we)$", re.IGNORECASE)
_OWN_COMPLEMENT = re.compile(r"\s+(?:that\b|[^.;]*\d)", re.IGNORECASE)
# what follows a verb but is no speaker: "announced its latest figures"
_NOT_SPEAKER = re.compile(r"^(?:its|their|his|her|our)\s|\b(?:figures|data|statistics|numbers|"
                          r"toll|tally)$", re.IGNORECASE)
_SPEECH = re.compile(r"\b(?:said|says|say|told|tells)\b", re.IGNORECASE)


@lru_cache(maxsize=8192)  # pure, like _clean
def _looks_like_claimant(phrase: str) -> bool:
    if not phrase or len(phrase.split()) > 12 or _SPEECH.search(phrase):
        return False  # "a spokeswoman said she had heard [reports]": a clause, not a name
    if GENERIC.match(phrase):
        return True
    if _DIGIT.search(phrase) and not _NUMBERED_OUTLET.search(phrase):
        return False
    return bool(_NAME_START.match(phrase)) or \
        is_known(phrase) or \
        bool(_SOURCE_NOUNS.fullmatch(phrase)) or \
        bool(_ROLE_THEN_NAME.match(phrase))  # "ministry spokesman Ashraf al-Qudra"


# an apposition that names its body only by referring back ("the group's mouthpiece")
_REFERS_BACK = re.compile(r"\bthe (?:group|movement)\b", re.IGNORECASE)
# (a comma between digits is a number's: "which has deployed some 5,000 troops, says")
# (after a closing quote too: '..., they said," Osama Hamdan, a Hamas official, said')
_APPOSITIVE = re.compile(r"(?:^|[,;:(”\")—–])\s*(?P<c>[^,;:“”\"()—–]{2,80}),\s+"
                         r"(?P<a>(?:[^,;:“”\"()]|(?<=\d),(?=\d)){2,110}),\s*$")
_ACRONYM = re.compile(r"\s*\((?-i:[A-Z][A-Za-z]{1,7})\)")
# A lower-case role before a name: "ministry spokesman Ashraf al-Qudra", "army spokesman X".
_ROLE_THEN_NAME = re.compile(r"^(?:[a-z][\w-]*\s+){1,3}(?-i:[A-Z])[\w'’.-]+(?:\s+\S+){0,3}$")
# A date or time between a claimant and its verb: "the ministry on Thursday, October 26, said".
# (It opens with a comma or a space: the look-ahead lets `re` drop other positions at once.)
DATE_ASIDE = re.compile(
    r"(?=[,\s])(?:,?\s+(?:on|late on|early on|late|early|last|this)?\s*(?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
    r"|yesterday|today|overnight|(?:late|early) (?:on )?\w+day)(?:\s+(?:morning|evening|night|"
    r"afternoon))?)+,?\s*$",
    re.IGNORECASE,
)


# (not a relative clause holding its own speaker: ", in a raid that the ministry said killed")
_IN_ASIDE = re.compile(r",\s+in\s+(?:a|an|its|their|his|her|the)\s+"
                       r"(?![^,;]*\b(?:that|which|who|whom|where)\b)[^,;:“”\"()]{2,70}?,\s*$",
                       re.IGNORECASE)
# "which according to the ministry have killed 470": the name ends where the predicate starts
_PREDICATE = re.compile(r"\s+(?:have|has|had|were|was|is|are|will|would|could|killed|say|says|"
                        r"said)\b|(?<!channel)(?<!kan)\s+(?=\d)", re.IGNORECASE)  # not "Channel 12"
# A known body's acronym in brackets after its long name: "the UN Relief and Works Agency
# for Palestine Refugees (UNRWA) said"
_ACRONYM_BEFORE = re.compile(r"\((?P<a>(?-i:[A-Z][A-Za-z]{1,7}))\)\s*,?\s*$")
_ACRONYM_AFTER = re.compile(r"\s*\((?P<a>(?-i:[A-Z][A-Za-z]{1,7}))\)")
# A reduced relative clause: "including 41 the army says are dead", "a directive the UN said
# could not be carried out": the speaker is the last noun phrase.
_REDUCED = re.compile(r"^(?:(?:.*\s)?\d[\d,.]*(?:\s+(?-i:[a-z]+)){0,2}|(?:an?|the)\s+[a-z]+)\s+"
                      r"(?P<c>the\s+\S.*|it|they|(?-i:[A-Z])\S*(?:\s+(?-i:[A-Z])\S*){0,3})$",
                      re.IGNORECASE)
_REDUCED_TAIL = re.compile(r"\d[\d,.]*(?:\s+(?-i:[a-z]+)){0,2}\s+(?P<c>the\s+[a-z]+|(?-i:[A-Z])\w*"
                           r"(?:\s+(?-i:[A-Z])\w*){0,3})\s+$", re.IGNORECASE)
# "In Israel, officials say": the place says whose officials or ministry speak.
_PLACE_FRONT = re.compile(r"^(?:(?:In|Inside|Across)\s+(?P<p>Israel|Lebanon|Syria|Yemen|Iran|Iraq|"
                          r"Egypt|Jordan)|On the (?P<side>Israeli|Lebanese) side)\s*,\s*")
_SIDES = {"Israeli": "Israel", "Lebanese": "Lebanon"}
_PLACE_HEADS = re.compile(r"^(?:the\s+)?(?:officials|authorities|(?:health\s+)?ministry|"
                          r"government|(?:health\s+)?officials)$", re.IGNORECASE)
# Words that make the text after "said" a clause, not its speaker ("said the strike killed
# seven people").
_CLAUSE_WORDS = re.compile(r"\b(?:killed|wounded|injured|died|was|were|is|are|has|have|had|"
                           r"would|will|could|did)\b", re.IGNORECASE)


# "The ministry's overall toll stands at 61,499": a body's own count, named by its possessive.
_POSSESSIVE_TALLY = re.compile(
    r"(?:^|(?<=[,;:]\s)|(?<=\bthat\s))(?P<c>(?:the\s+)?[A-Za-z][\w -]{1,50}?)(?:'s|’s|s'|’)\s+"
    r"(?:(?:latest|overall|updated|new|own|official|cumulative|daily|death|casualty)\s+){0,3}"
    r"(?:toll|tally|count|figures?|data|statistics)\b", re.IGNORECASE)

# "..., its tally of the dead stood at 46,913": the count of the body named before (never "its
# toll" alone, most often the dead of an attack or a place; "its official toll" is the body's)
_PRONOUN_TALLY = re.compile(
    r"(?:^|(?<=[,;:]\s)|(?<=\bthat\s))(?P<c>its|their)\s+"
    r"(?:(?:(?:latest|overall|updated|new|own|official|cumulative|daily)\s+){0,3}"
    r"(?:tally|count|figures?|data|statistics)|(?:latest|overall|updated|own|official|"
    r"cumulative)\s+toll)\b", re.IGNORECASE)

# a place, whose "death toll" is its dead, not its claim ("Israel's death toll rises to 900")
_PLACE = re.compile(r"(?:the\s+)?(?:israel|gaza|lebanon|west bank|strip|enclave)", re.IGNORECASE)
# "the cumulative MoH toll": a body's short name before its count, with no "'s"
_ACRONYM_TALLY = re.compile(
    r"\bthe\s+(?:(?:latest|overall|updated|new|official|cumulative|daily)\s+){0,2}"
    r"(?P<c>(?-i:[A-Z][A-Za-z]{1,6}))\s+(?:(?:death|casualty)\s+)?(?:toll|tally|count|figures)\b",
    re.IGNORECASE)
_TALLY_WORDS = ("toll", "tally", "count", "figure", "data", "statistic")
# a body's claim told as a noun: "Al-Quds carried the ministry's warning that at least 10
# children have died", "the army's claim that 40 gunmen were killed"
_POSSESSIVE_CLAIM = re.compile(r"(?:'s|’s|s'|’)\s+(?:[a-z]+\s+)?(?:warning|claim|statement|"
                               r"assertion|announcement|estimate|assessment|finding|report)"
                               r"\s+that\b", re.IGNORECASE)
# a body's count as the object of another's verb: "Netanyahu rejected the ministry's toll of
# 30,000", "Israel disputes the ministry's figure of more than 30,000": the count is the body's
_POSSESSIVE_TALLY_OF = re.compile(
    r"(?:'s|’s|s'|’)\s+(?:(?:latest|overall|updated|new|own|official|cumulative|death|casualty)"
    r"\s+){0,3}(?P<noun>toll|tally|count|figures?)\s+of\b", re.IGNORECASE)
# (a name in capitals, never a preposition opening the sentence: "Following the army's ...")
_POSSESSOR_BEFORE = re.compile(r"(?:\b[Tt]he\s+(?:[\w'’-]+\s+){0,2}[\w'’-]+|"
                               r"(?!(?:In|On|At|After|Following|Before|Since|During|By|From|"
                               r"With|For|Of|Under|Amid|Despite)\b)"
                               r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})$")
# "Yedioth Ahronoth quoted the army as saying ...", "cited the office as saying": the paper
# relays the army's claim
_QUOTED_AS = re.compile(r"\b(?:quot|cit)(?:ed|es|ing)\s+(?!(?:in|by)\s)"
                        r"(?P<c>[^,;:“”\"()]{2,60}?)\s+as\s+"
                        r"(?:saying|telling|stating|estimating|reporting)\b", re.IGNORECASE)


def _owner_of(sentence: str, at: int, start: int) -> Attribution | None:
    """The body whose possessive ends at `at` ("the army's claim that", "the ministry's toll
    of"), when it is one (known, or a role noun pointing back), speaking for what it owns only
    (`relative`); `start`: where `sentence` starts in the text."""
    owner = _POSSESSOR_BEFORE.search(sentence, max(0, at - 60), at)
    phrase = _clean(owner.group()) if owner else ""
    generic = bool(GENERIC.match(phrase))
    if generic or is_known(phrase):
        return Attribution(phrase, start + owner.start(), True, generic, relative=True)
    return None


def _pair(phrase: str) -> tuple[str, str] | None:
    """Two known bodies of different kinds joined by "and" ("the Palestinian Health Ministry
    and the Israel Defense Forces")."""
    first, _, second = phrase.partition(" and ")
    if is_known(first) and is_known(second) and \
            resolve_claimant(first)[1] != resolve_claimant(second)[1]:
        return first.strip(), second.strip()
    return None


_NOT_A_BODY = re.compile(r"\b(?:by|near|who|which|that|outside|from|held)\b")


def _opening_body(sentence: str) -> str | None:
    """The known body a sentence opens with, the words before its first past-tense verb ("The
    U.N. human rights office called ...") or, with none, its first "-s" word ("Israel disputes
    ..."), or None; never a phrase with a clause or a place in it ("Families of hostages held
    by Hamas", "Israeli troops who raided Kamal Adwan")."""
    words = sentence.split(maxsplit=8)[:8]
    k = next((i for i, w in enumerate(words) if i and w.islower() and w.endswith("ed")), 0) or \
        next((i for i, w in enumerate(words) if i and w.islower() and w.endswith("s")), 0)
    phrase = " ".join(words[:k])
    return phrase if k and not _NOT_A_BODY.search(phrase) and is_known(phrase) else None


def find(text: str, start: int, end: int) -> list[Attribution]:
    """Attribution cues in the sentence text[start:end], in order."""
    found: list[Attribution] = []
    sentence = text[start:end]
    lowered = lower(sentence)  # cheap substring tests decide which patterns need to run
    for m in (_ACCORDING.finditer(sentence) if "according" in lowered or "by " in lowered
              else ()):
        if m.group("rb") and _WHEN.match(m.group("rb")):
            continue  # "the official count by Monday night": a day, not an author
        phrase = _clean(m.group("c") or m.group("by") or m.group("rb"))
        predicate = _PREDICATE.search(phrase)
        if predicate:
            phrase = _clean(phrase[:predicate.start()])
        pair = _pair(phrase) if " and " in phrase else None
        acronym = _ACRONYM_AFTER.match(sentence, m.end())
        if acronym and is_known(acronym.group("a")):
            if pair:
                pair = (pair[0], acronym.group("a"))
            else:
                phrase = acronym.group("a")
        if _looks_like_claimant(phrase):
            found.append(Attribution(phrase, start + m.start(), True, bool(GENERIC.match(phrase)),
                                     pair=pair))
    verbs = []
    for m in _VERB.finditer(lowered):
        verbs.append(m.start())
        if _NOT_VERB_BEFORE.search(sentence, max(0, m.start() - 10), m.start()):
            continue
        if sentence[m.start():m.end()] == "Report" and _NUMBERED.match(sentence, m.end()):
            continue  # "Situation Report #112 stated ...": a report's title, not its verb
        # a claimant phrase is short: look back a little (and only there: this runs per verb)
        base = max(0, m.start() - 170)
        before = sentence[base: m.start()]
        acronym = None
        if "(" in before:
            acronym = _ACRONYM_BEFORE.search(before)
            before = _ACRONYM.sub("", before)  # "OCHA (the UN office) said"
        window = max(0, len(before) - 120)
        dated = None
        if _aside_hint(before, max(0, len(before) - 60)):
            dated = DATE_ASIDE.search(before, window)
            if dated:
                before = before[: dated.start()]
        if ", in " in before or ", In " in before:
            # "The ministry, in a statement released on Tuesday, said": where, not who (closed
            # by a comma before the verb; not "a fifth, X, in an operation announced on ...")
            aside = _IN_ASIDE.search(before + ", " if dated else before, window)
            if aside:
                before = before[: aside.start()]
        cut = None if m.start() > 120 else 0
        boundary = ""
        for b in _boundaries(before, window):
            if before.startswith("WHO", b.start()):
                continue  # the World Health Organization, not a relative pronoun
            cut, boundary = b.end(), before[b.start():b.end()]
        relative = _RELATIVE.search(before, window) if _ENDS_RELATIVE.search(
            before, max(0, len(before) - 12)) else None
        if relative:
            cut = None
            # "disputed by X, which", "Hamas relies on its health ministry, which": the object
            phrase = _clean(_BEFORE_OBJECT.sub("", relative.group("c")))
        else:
            phrase = _clean(before[cut:]) if cut is not None else "- too long -"
        if not phrase and cut:  # "The Qassam Brigades, Hamas's armed wing, said"
            apposed = _APPOSITIVE.search(before, 0 if base == 0 else window)
            phrase = _clean(apposed.group("c")) if apposed else phrase
            if apposed and not is_known(phrase) and is_known(role := _clean(apposed.group("a"))) \
                    and not _REFERS_BACK.search(role):
                # "Izzat al-Rishq, a member of Hamas's political bureau, said": a person the
                # registry does not know speaks for the body the apposition names
                phrase = f"{phrase}, {role}"
        if acronym and is_known(acronym.group("a")):
            phrase = acronym.group("a")
        # a claim in a relative clause, or in a time clause with its own complement ("...,
        # hours after Qatar announced that ..."), speaks only for what follows it; "..., when
        # the ministry announced its latest figures" still speaks for the figure before
        in_relative = (boundary[-2:] in ("t ", "h ", "o ", "m ")
                       and _in_relative(boundary, before[:cut - len(boundary)] if cut else "")) \
            or (lower(boundary.strip()) in _TIME_WORDS
                and bool(_OWN_COMPLEMENT.match(sentence, m.end())))
        if (opener := _TIME_OPENER.match(phrase)) and len(phrase) > opener.end():
            # "Since the IPC declared famine on Friday, 42 people have died": a time clause
            # opening the sentence, whose claim is its own
            phrase, in_relative = phrase[opener.end():], True
        if phrase.endswith((" I", " we", " We")) and \
                (first := _OPENER_FIRST_PERSON.match(phrase)) is not None:
            phrase = first.group("c")
        reduced = _REDUCED.match(phrase) if _DIGIT.search(phrase) or (
            " the " in phrase and phrase.startswith(("a ", "an ", "the "))) else None
        if reduced:
            phrase, in_relative = reduced.group("c"), True
        elif cut is None and _DIGIT.search(before, max(0, len(before) - 40)):
            reduced = _REDUCED_TAIL.search(before, max(0, len(before) - 60))
            if reduced:  # "... refer to the 20 hostages Israel believes are alive"
                phrase, in_relative = reduced.group("c"), True
        if phrase.endswith((" it", " they")) and (subject := _SUBJECT_VERB.match(phrase)) and \
                is_known(own := _clean(subject.group("c"))):
            # "Israel has lowered the number of people it says were killed to 1,200": the
            # pronoun of a reduced relative clause is the sentence's subject
            phrase, in_relative = own, True
        if _looks_like_claimant(phrase):
            found.append(Attribution(phrase, start + m.start(), True, bool(GENERIC.match(phrase)),
                                     relative=in_relative))
        elif not phrase and found and re.search(r"(?:\band|\bbut|,)\s+$", before):
            last = found[-1]  # "X put the toll at 27,100 and said ...": the same speaker
            found.append(Attribution(last.claimant, start + m.start(), last.explicit,
                                     last.generic))
        elif not phrase and not found and before.endswith(" and ") and \
                (own := _opening_body(sentence)):
            # "The UN human rights office called it a grave breach and said at least 242
            # ...": the body the sentence opens with, though its first verb claims nothing
            found.append(Attribution(own, start + m.start(), True, False))
    for m in (_POSSESSIVE_TALLY.finditer(sentence) if ("'" in sentence or "’" in sentence) and
              any(w in lowered for w in _TALLY_WORDS) else ()):
        phrase = _clean(m.group("c"))
        if _PREDICATE.search(phrase):
            continue  # "claims that the UN had lowered the war's death toll": a clause
        if _PLACE.fullmatch(phrase) and m.group().lower().endswith("toll"):
            continue  # "Israel's death toll rises to 900": the dead of a place, not its claim
        generic = bool(GENERIC.match(phrase))
        if generic or is_known(phrase):
            found.append(Attribution(phrase, start + m.start(), True, generic))
    tallied = any(w in lowered for w in _TALLY_WORDS)
    for m in (_PRONOUN_TALLY.finditer(sentence) if tallied and ("its " in lowered or
                                                               "their " in lowered) else ()):
        found.append(Attribution("it" if m.group("c").lower() == "its" else "they",
                                 start + m.start(), True, True))
    for m in (_ACRONYM_TALLY.finditer(sentence) if tallied else ()):
        if is_known(m.group("c")):  # "The cumulative MoH toll stood at 68,229 killed"
            found.append(Attribution(m.group("c"), start + m.start(), True, False))
    for m in (_BY_AGENT.finditer(sentence) if " by " in lowered else ()):
        phrase = _clean(m.group("c"))
        # a passive agent speaks for the noun it follows ("the toll recorded by Thursday" names
        # a day, not an agent)
        if _looks_like_claimant(phrase) and not _WHEN.match(phrase) and \
                not _BY_TIME.match(phrase):
            found.append(Attribution(phrase, start + m.start(), True, bool(GENERIC.match(phrase)),
                                     relative=True))
    for m in (_CITING.finditer(sentence) if "citing" in lowered or "quoting" in lowered else ()):
        phrase = _clean(m.group("c"))
        aside = re.match(r"\s*,\s*", sentence[m.end():])
        generic = _points_back(phrase)
        if aside and _VERB.match(lowered, m.end() + aside.end()) and \
                not (generic or is_known(phrase)):
            continue  # "US officials, citing an assessment, estimated": the officials speak
            # (a body relayed is the claimant: "Asharq Al-Awsat, citing the ministry, said")
        if _looks_like_claimant(phrase):
            found.append(Attribution(phrase, start + m.start(), True, generic, cited=True))
    for m in (_QUOTED_AS.finditer(sentence) if " as " in lowered and
              ("quot" in lowered or "cit" in lowered)
              else ()):
        phrase = _clean(m.group("c"))
        if _looks_like_claimant(phrase):
            found.append(Attribution(phrase, start + m.start(), True, _points_back(phrase),
                                     cited=True))
    for m in (_POSSESSIVE_CLAIM.finditer(sentence) if " that" in lowered and
              ("'" in sentence or "’" in sentence) else ()):
        # (its that-clause only: "The ministry said the army's claim that 40 were killed was
        # false, and that 200 civilians died": the 200 are the ministry's)
        if owned := _owner_of(sentence, m.start(), start):
            found.append(owned)
    for m in (_POSSESSIVE_TALLY_OF.finditer(sentence) if " of" in lowered and
              ("'" in sentence or "’" in sentence) else ()):
        owned = _owner_of(sentence, m.start(), start)  # (it speaks for its own count only)
        if owned is None or any(a.start == owned.start for a in found) or (
                _PLACE.fullmatch(owned.claimant) and m.group("noun").lower() == "toll"):
            continue  # named already (a sentence's opening); "Israel's death toll of 1,200"
        found.append(owned)
    for m in (_WITH_SAYING.finditer(sentence) if "with " in lowered and "ing" in lowered
              else ()):
        phrase = _clean(m.group("c"))
        if _looks_like_claimant(phrase):
            found.append(Attribution(phrase, start + m.end("c"), True, bool(GENERIC.match(phrase))))
    for m in (_SAYING.finditer(sentence) if "saying" in lowered or "adding" in lowered or
              "reporting" in lowered or "noting" in lowered else ()):
        # ", saying ...": the speaker of the clause before
        earlier = [a for a in found if a.start < start + m.start()]
        agent = _BY_BEFORE.search(sentence, max(0, m.start() - 70), m.start()) \
            if not earlier else None
        if earlier:
            found.append(Attribution(earlier[-1].claimant, start + m.start(), earlier[-1].explicit,
                                     earlier[-1].generic))
        elif agent and _looks_like_claimant(_clean(agent.group("c"))):
            found.append(Attribution(_clean(agent.group("c")), start + m.start(), True, False))
        elif (subject := _SUBJECT_VERB.match(sentence)) and (
                is_known(phrase := _clean(subject.group("c"))) or GENERIC.match(phrase)):
            # "The army disputed the toll, saying ...": the subject of the clause before
            found.append(Attribution(phrase, start + m.start(), True, bool(GENERIC.match(phrase))))
        elif (named := OPENING_NAME.match(sentence)) and named.end("c") < m.start():
            # "Yisrael Beytenu chairman Avigdor Liberman cut in, saying ...": a person named
            # in full, whatever the verb of the clause before
            found.append(Attribution(named.group("c"), start + m.start(), True, False))
    # "..., said the official.": a claim verb near the end followed by its speaker
    inverted = next((hit for v in verbs if v >= len(sentence) - 110
                     if (hit := _INVERTED.match(sentence, v))), None)
    if inverted and not any(a.start == start + inverted.start() for a in found):
        # (never "He said Jenin camp, home to 20,000, ...": a verb with its subject before it)
        phrase = _clean(inverted.group("c"))
        if _looks_like_claimant(phrase) and not _WHEN.match(phrase) and \
                not _CLAUSE_WORDS.search(phrase) and not _NOT_SPEAKER.search(phrase) and \
                not (has_number(lower(phrase)) and not _NUMBERED_OUTLET.search(phrase)):
            # not "said Friday.", "said the strike killed", "announced its latest figures", nor
            # an object holding the figure: "announced the recovery of the bodies of four
            # hostages" (but "said Channel 12")
            role = inverted.group("role")
            if role and not is_known(phrase) and (
                    _ROLE_APPOSITIVE.match(role)
                    or ((at := AT_A_BODY.match(role)) and is_known(at.group("body")))):
                # "said Atef al-Kahlout, director of the Indonesian Hospital", "said Dr. X, a
                # surgeon at al-Shifa Hospital": a person the registry does not know speaks for
                # the body the role names
                phrase = f"{phrase}, {_clean(role)}"
            found.append(Attribution(phrase, start + inverted.start(), True,
                                     bool(GENERIC.match(phrase))))
    if not sentence.endswith((".", "”", '"', "!", "?")):  # a headline or caption-like line
        headline = _HEADLINE.search(sentence)
        if headline and len(headline.group("c").split()) <= 6 and \
                not re.search(r"\d", headline.group("c")) and \
                not _NOT_A_SOURCE.search(headline.group("c")):
            speaker = _clean(headline.group("c"))
            found.append(Attribution(speaker, start + headline.start(), True,
                                     bool(GENERIC.match(speaker))))
        lead = _HEADLINE_LEAD.match(sentence)
        known = lead and is_known(_clean(lead.group("c")))
        # "Joint statement by the IDF, ISA and Israel Police: ...": the length of the name
        # not "Six months on: 133 hostages still in Gaza", a time, not a speaker
        if lead and (not found or known) and (
                len(_clean(lead.group("c")).split()) <= 6 or (known and _STATEMENT.search(
                    lead.group("c")))) and not has_number(lower(lead.group("c"))) and \
                (known or not (_EVENT_NAMED.search(lead.group("c"))
                               or _PROGRAMME.search(lead.group("c").strip())
                               or _TICKER_LABEL.fullmatch(lead.group("c").strip()))):
            speaker = _clean(lead.group("c"))
            found.append(Attribution(speaker, start, True, bool(GENERIC.match(speaker))))
    place = _PLACE_FRONT.match(sentence) if sentence.startswith(("In ", "Inside ", "Across ",
                                                                  "On the ")) else None
    if place:
        country = place.group("p") or _SIDES[place.group("side")]
        found = [Attribution(f"{country}'s {a.claimant.removeprefix('the ')}",
                             a.start, True, False, a.cited, a.relative)
                 if _PLACE_HEADS.match(a.claimant) and start + place.end() + len(a.claimant)
                 + 2 >= a.start else a for a in found]
    return sorted(found, key=lambda a: a.start)


def _aside_hint(before: str, pos: int) -> bool:
    return _ASIDE_HINT.search(lower(before), pos) is not None


def _boundaries(before: str, pos: int):
    """Clause boundaries in before[pos:] (their spans index `before`)."""
    return _BOUNDARY.finditer(lower(before), pos)


def _in_relative(boundary: str, before: str) -> bool:
    """Whether the boundary word before a claimant opens a relative clause: "which", "who",
    "whom" always; "that" after a noun ("a raid that the ministry said"), not after a claim
    verb ("officials said that the army ...")."""
    word = boundary.strip().lower()
    if word in ("which", "who", "whom"):
        return True
    if word != "that":
        return False
    last = before.rstrip().rsplit(None, 1)[-1].lower() if before.strip() else ""
    return bool(last) and last.isalpha() and not _VERB.fullmatch(last)


# what a comma may open inside a relative claim without ending it: a breakdown of its figure,
# or the claim's next verb ("that officials said killed 274, ..., and wounded almost 700")
_BREAKDOWN = re.compile(r"\s*(?:including|among them|among whom|of whom|of them|"
                        r"and\s+(?:wounded|injured|killed|maimed))\b", re.IGNORECASE)


_COMMA = re.compile(r", ")
# what opens another speaker's clause after a source cited ("..., citing the PMO, while the
# army says ..."; not "Citing UNICEF, the network said ...")
_NEXT_CLAUSE = re.compile(r";|\b(?:while|whereas|but|and|although|though)\s", re.IGNORECASE)


def _past_comma(span: str) -> bool:
    """Whether a comma in `span` ends a clause, rather than opening a breakdown of its figure."""
    return any(not _BREAKDOWN.match(span, m.start() + 1) for m in _COMMA.finditer(span))


def _named_at(text: str, cue: Attribution) -> int:
    """Where a cue's claimant is written: before its verb ("the army says"), or after the cue
    ("according to the army")."""
    at = text.rfind(cue.claimant, max(0, cue.start - 200), cue.start + 1)
    return at if at >= 0 else text.find(cue.claimant, cue.start, cue.start + 200)


# "The army denied that its strike had killed 50 people", "Hamas rejected claims that ...":
# what follows is a claim the speaker denies, not one it makes
_DENIED = re.compile(r"\b(?:denied|denies|deny|denying|rejected|rejects|dismissed|dismisses|"
                     r"disputed|disputes|refuted|refutes)\s+(?:(?:the\s+)?(?:[\w-]+\s+)?"
                     r"(?:reports?|claims?|allegations?|accusations?|suggestions?)\s+)?that\b")
# "The IDF said that claims that 500 people were killed were inflated": the same, said after:
# the verdict found first (it is rare), then the claim it judges, in its sentence before it
# (not a claim whose owner is named: "the army's claim that nine militants ... is false" is the
# army's, disputed)
_FALSE_VERDICT = re.compile(r"\b(?:were|was|are|is)\s+(?:(?:grossly|wildly|greatly|vastly|hugely)"
                            r"\s+)?(?:inflated|false|exaggerated|untrue|fabricated|baseless|"
                            r"unfounded|lies)\b")
_CLAIM_THAT = re.compile(r"(?<!['’]s )(?<!s['’] )\b(?:claims?|reports?|allegations?|assertions?)"
                         r"\s+that\b")
# a denial speaks up to where the sentence goes on to something else ("The ministry rejected
# claims that it inflated the toll, saying 30,000 had been killed": the 30,000 are its own)
_DENIAL_ENDS = re.compile(r";|\bbut\b|,\s*(?:saying|adding|noting|insisting|while|whereas|"
                          r"although|and)\b|\b(?:said|says|added|adds)\b")
# (all four scan `lower(text)`: without IGNORECASE, several times faster)
_DENIAL_WORDS = ("deni", "deny", "reject", "dismiss", "disput", "refut")
_FALSE_WORDS = ("inflated", "false", "exaggerated", "untrue", "fabricated", "baseless",
                "unfounded", " lies")
# who claims a denied figure: reports the text does not name
DENIED_CLAIMANT = "unnamed reports"


@lru_cache(maxsize=4)
def _denials(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each stretch of `text` a denial speaks for: from `_DENIED` to what ends
    it (`_DENIAL_ENDS`, or the sentence's end), and each `_FALSE_VERDICT`'s claim. Once per text
    (the figures of an article ask in turn), and most texts have none."""
    low = lower(text)
    spans = []
    # (the scans only where their words are: they cost a third of the extraction otherwise)
    for m in (_DENIED.finditer(low) if any(w in low for w in _DENIAL_WORDS) else ()):
        # (or another speaker's verb: "denied that it struck the zone, where the Civil
        # Defense claimed 21 were killed")
        stops = (_DENIAL_ENDS.search(low, m.end()), _VERB.search(low, m.end()))
        ends = [i for i in (text.find(". ", m.end()), text.find("\n", m.end()),
                            *(stop.start() for stop in stops if stop)) if i >= 0]
        spans.append((m.start(), min(ends, default=len(text))))
    for verdict in (_FALSE_VERDICT.finditer(low) if any(w in low for w in _FALSE_WORDS)
                    else ()):
        begin = max(text.rfind(".", 0, verdict.start()), text.rfind(";", 0, verdict.start()),
                    verdict.start() - 170) + 1
        claims = list(_CLAIM_THAT.finditer(low, begin, verdict.start()))
        if claims:
            spans.append((claims[-1].start(), verdict.end()))
    return tuple(spans)


def choose(attributions: list[Attribution], text: str, pos: int,
           end: int | None = None) -> Attribution | None:
    """The attribution that governs a figure at `pos` (`_governing`), unless a denial speaks
    for it: then unnamed reports, for the speaker denies the figure, not claims it."""
    denied = next((start for start, stop in _denials(text) if start < pos < stop), None)
    if denied is not None:
        return Attribution(DENIED_CLAIMANT, denied, False, False)
    return _governing(attributions, text, pos, end)


def _governing(attributions: list[Attribution], text: str, pos: int,
               end: int | None = None) -> Attribution | None:
    """The attribution that governs a figure at `pos`: the nearest cue before it in the same
    clause, else the nearest after it, else one closing the sentence (", the army said."),
    else the nearest before it."""
    if not attributions:
        return None
    cited = [a for a in attributions if a.cited]
    cited_end = text.find(cited[0].claimant, cited[0].start) + len(cited[0].claimant) \
        if cited else 0
    if cited and not any(cited_end < (at := _named_at(text, a)) < pos
                         and _NEXT_CLAUSE.search(text, cited_end, at)
                         for a in attributions):
        # "The Times of Israel reported ..., citing the IDF": the IDF's figure (not one another
        # speaker claims after it: "..., citing the PMO, while the IDF says 308 soldiers ...")
        return cited[0]

    def same_clause(a: int, b: int) -> bool:
        return not CLAUSE_SPLIT.search(text, min(a, b), max(a, b))

    # a claim in a relative clause ends with it ("the 20 hostages Israel believes are alive,
    # urging the return of all 50"): past a comma it no longer speaks
    # (a breakdown of its own figure after the comma is still its claim: "that the ministry
    # said killed 274 people, including 64 children")
    attributions = [a for a in attributions if not (a.relative and a.start < pos
                                                    and _past_comma(text[a.start:pos]))
                    # "Hamas accused Israel of killing 90": an accusation claims what follows
                    and not (a.start > pos and text.startswith(("accus", "Accus"), a.start))]
    # "... said the people have suffered, with 46,000 killed according to the ministry": the
    # source named right after the figure, not the speaker before it
    # (or its agent: "the 37,877 deaths recorded by the ministry", in a study's sentence)
    named = [a for a in attributions if pos < a.start < pos + 120
             and (text.startswith(("according", "According"), a.start)
                  or (a.relative and a.start < pos + 40 and _BY_AGENT.match(text, a.start)
                      and not _CLAUSE_WORD.search(text, pos, a.start)))
             and ", " not in text[pos:a.start].rstrip(", ") and same_clause(pos, a.start)
             and not a.claimant.lower().startswith(("its ", "his ", "her ", "their "))]
    if named:
        return named[0]
    before = [a for a in attributions if a.start <= pos and same_clause(a.start, pos)]
    if before and end is not None and (and_count := _AND_COUNT.search(
            text, max(before[-1].start, pos - 20), pos)):
        # "The toll stands at 1,400, according to the government, and 309 soldiers have been
        # killed, the army said": a count opening a clause of its own, with its own speaker
        closing = [a for a in attributions if a.start > pos and not a.relative
                   and _CLOSING.fullmatch(text, a.start, end)
                   and not CLAUSE_SPLIT.search(text, and_count.start(), a.start)]
        if closing:
            return closing[-1]
    if before:
        return before[-1]
    after = [a for a in attributions if a.start > pos and same_clause(pos, a.start)
             and not (a.relative and (a.start - pos > 60 or ", " in text[pos:a.start]))]
    if after:
        return after[0]
    # '"We have received 50 martyrs ..., and there are still bodies under the rubble," said
    # X, director of ...': the speaker right after the closing quote speaks for all of it
    quoted = [a for a in attributions if a.start > pos and not a.relative
              and one_quote_closes(text, pos, a.start)]
    if quoted:
        return quoted[0]
    # a cue in an earlier clause still counts ("X said 100 were killed; 200 were wounded"), but
    # not across a relative "where" clause, which reports a different event; a later clause
    # with its own speaker ("..., and the army has confirmed ...") speaks only for itself
    if end is not None:
        closing = [a for a in attributions if a.start > pos and not a.relative
                   and _CLOSING.fullmatch(text, a.start, end)
                   and not _HARD_SPLIT.search(text, pos, a.start) and ";" not in text[pos:a.start]]
        if closing:
            return closing[-1]
    # a speaker before a relative "where" clause still speaks for it ("X warned that an assault
    # on Rafah, where 1.4 million are sheltering, ..."); one after it does not
    reachable = [a for a in attributions if a.start <= pos]
    return reachable[-1] if reachable else None


_QUOTE_CLOSED = re.compile(r"[,!?][\"”]\s*$")
_QUOTE_MARK = re.compile(r"[\"“”]")


def quote_closes_before(text: str, pos: int, end: int) -> bool:
    """A quote closes right before `end` (wherever it opened after `pos`)."""
    return bool(_QUOTE_CLOSED.search(text, pos, end))


def one_quote_closes(text: str, pos: int, end: int) -> bool:
    """A quote closes right before `end` and no other quote mark stands between it and `pos`."""
    closed = _QUOTE_CLOSED.search(text, pos, end)
    return bool(closed) and not _QUOTE_MARK.search(text, pos, closed.start())


# The cue of an attribution that closes its sentence: "said.", "said on Monday.",
# "according to the ministry."
_CLOSING = re.compile(r"(?:according to\s+)?(?:(?!\b(?:that|would|will|was|were|is|are)\b)"
                      r"[^,;:“”\"\d]){0,70}?[.!?”\"]*\s*",
                      re.IGNORECASE)


def opens_quote(sentence: str) -> bool:
    """A sentence that opens a quotation (its speaker may be named in a later sentence)."""
    opened = sentence.count("“") + (sentence.count('"') % 2)
    return opened > sentence.count("”") or sentence.lstrip().startswith(("“", '"'))


# A transcript's turn: "HAGARI: ...", "MR MILLER: ...", "Q: ... A: ..." at a line's start or
# right after the question before it. The label is written in capitals, so a headline's "Gaza
# health ministry: ..." (read by `find`) is not one.
_TURN = re.compile(r"(?:^|(?<=[.?!\"”]\s))(?P<label>Q|A|(?:(?:MR|MRS|MS|DR|PROF|GEN|ADM|COL|MAJ|"
                   r"LT|CAPT)\.?\s+)?(?P<name>[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){0,2}))"
                   r"(?:\s+\((?P<role>[^()\n]{1,40})\))?:\s",
                   re.MULTILINE)
# the one asking, the outlet's own voice: no speaker of its own
_ASKER = frozenset({"Q", "QUESTION", "ANCHOR", "HOST", "INTERVIEWER", "REPORTER",
                    "CORRESPONDENT", "PRESENTER", "MODERATOR"})
_ANSWER = frozenset({"A", "ANSWER"})
# the one answering an interviewer, named in the lines that open the interview
_INTERVIEWEE = re.compile(
    r"\b(?:spoke|speaks|talked|talks|sat down)\s+(?:with|to)\s+(?P<with>[^.;]{3,120}?)"
    r"(?=,?\s+about\b|[.;]|$)|"
    r"(?:^|[,—–]\s*)(?P<who>(?-i:[A-Za-z])[^,.;—–]{2,80}?(?:,\s[^,.;]{2,80},)?)\s+(?:answered|"
    r"answers|fielded|took|held|gave)\s+(?:[\w'’]+\s+){0,3}(?:questions|press conference|news "
    r"conference|briefing|interview)", re.IGNORECASE | re.MULTILINE)
_PRONOUN = re.compile(r"(?:and\s+|but\s+)?(?:he|she|him|her)\b", re.IGNORECASE)
_PRONOUN_BEFORE = re.compile(r"\b(?:he|she)\s+(?:\w+\s+)?$", re.IGNORECASE)
# the outlet's own people, who ask the questions or tell what they saw: "anchors Yael Dor and
# Eitan Shalev", "our diplomatic correspondent Yoav Katz", "LEVI (diplomatic correspondent):"
_STAFF = r"\b(?:our|hosts?|anchors?|presenters?|correspondents?|reporters?|editors?|interviewer)\b"
_STAFF_BEFORE = re.compile("(?i:" + _STAFF + ")"
                           + r"(?:\s+[a-z]+){0,2}(?:\s+(?:[A-Z][\w'’.-]*|and))*\s+$")
_STAFF_ROLE = re.compile(_STAFF, re.IGNORECASE)
_APPOSITIVE_AFTER = re.compile(r",\s+(?:an?|the)\s")
_ROLE_IN_BRACKETS = re.compile(r"\s*\((?P<role>[^()\n]{1,40})\)")  # "Tamar Levi (anchor)"
# the words before a name that say who they are: titles, bodies and role nouns
_TITLE_WORDS = frozenset({*ROLE_WORDS, "general"})
# a person's role right after their name: "Ismail al-Thawabta, director of the ... Office"
_ROLE_AFTER = re.compile(r",\s+(?!(?:who|which|whose|and)\b)(?P<role>(?:the\s+|an?\s+)?"
                         r"(?:[\w'’-]+\s+){0,3}"
                         rf"(?:{ROLE_NOUNS}|chair\w*|lead|leader|officer|manager|"
                         r"surgeon|doctor|physician)\b[^,.;]{0,80})")
# what a person is or runs, told after the name: "... has headed the emergency department at
# Al-Aqsa Martyrs Hospital for 11 years"
_ROLE_PREDICATE = (r"\s+(?:has\s+(?:been|headed|led|run|directed)|heads|leads|runs|directs|is|"
                   r"was)\s+(?P<role>[^.;]{3,100}?)(?=\s+(?:since|for\s+(?:the\s+(?:past|last)\s+)?"
                   r"[\w-]+\s+(?:years?|months?|weeks?|decades?))\b|[.;,])")
# a person an interview's introduction names, and their role: "DEIR AL-BALAH — Dr. Rami
# Hassouna has headed the emergency department at ...", "Samer Odeh is a senior official at
# the Commission of Detainees' ... Affairs", "Dana Roth, whose son is held in Gaza, has ..."
_INTRO_PERSON = re.compile(
    r"(?:^|[—–]\s*|(?<=[.!?]\s))(?P<name>(?:(?:" + TITLES + r"|Rabbi|Sheikh)\.?\s+){0,2}"
    r"[A-Z][\w'’-]+(?:\s+(?:al-|el-|abu\s|bin\s)?[A-Z][\w'’-]+){1,3})"
    r"(?:,\s+(?P<apposed>[^,.;]{3,100}),|" + _ROLE_PREDICATE + ")", re.MULTILINE)
_ROLE_PREDICATE_AFTER = re.compile(_ROLE_PREDICATE)


_STAGE_DIRECTION = re.compile(r"(?:voice[- ]?over|v/?o|on camera|off camera|on screen|by phone|"
                              r"via (?:video|satellite|phone)|translated|through an interpreter|"
                              r"archive|continuing|cont'?d)\b", re.IGNORECASE)
_FORMER = re.compile(r"(?:a\s+)?(?:former|retired|ex-)", re.IGNORECASE)


def past_turn_label(text: str, pos: int) -> int:
    """Where the words of a sentence at `pos` start: past a transcript turn's label
    ("ANCHOR: The Israeli military disputes ...")."""
    label = _TURN.match(text, pos)
    return label.end() if label else pos


def turn_labels(text: str, line_start: int) -> list[re.Match]:
    """The transcript turn labels on the line starting at `line_start`, in order."""
    end = text.find("\n", line_start)
    end = len(text) if end < 0 else end
    return list(_TURN.finditer(text, line_start, end)) if text.find(":", line_start, end) >= 0 \
        else []


def turn_speaker(text: str, label: re.Match) -> str | None:
    """Who speaks in a transcript turn: the person its label names as they were introduced
    ("IDF Spokesperson Rear Adm. Daniel Hagari" for "HAGARI:") or the interviewee for "A:";
    "" for the outlet's own people (the one asking, its anchors and correspondents); a guest
    introduced without a title, with the role in the label's brackets; None for a label that
    names no one introduced (a section header such as "CASUALTIES:")."""
    word = label.group("label")
    if word in _ASKER or (label.group("role") and _STAFF_ROLE.search(label.group("role"))):
        return ""
    if word in _ANSWER:
        return _interviewee(text, label.start())
    name = label.group("name")
    # the name as first written, capitalised ("Rear Adm. Daniel Hagari", "UNICEF spokesperson
    # James Elder"): never a place or a word of the prose
    named = _first_named(text, name)
    if named is None or named.start() >= label.start():
        return name.title() if is_known(name) else None
    line = text.rfind("\n", 0, named.start()) + 1
    if _STAFF_BEFORE.search(text, max(line, named.start() - 80), named.start()) and \
            not _APPOSITIVE_AFTER.match(text, named.end()) or \
            (after := _ROLE_IN_BRACKETS.match(text, named.end())) and \
            _STAFF_ROLE.search(after.group("role")):
        return ""
    words = text[line:named.start()].split()
    title = []
    for w in reversed(words[-8:]):
        if not (w[0].isupper() or w.lower() in _TITLE_WORDS) or w.endswith((",", ";", ":")):
            break
        title.insert(0, w)
    if not title:
        if is_known(name):
            return name.title()
        # "RONEN AMIR (former head of army research division):", introduced before without a
        # title: a guest, for whoever the label's role names (a former post: for themselves;
        # "(voice-over)", "(on camera)": how they speak, no role)
        role = (label.group("role") or "").strip()
        if not role or _STAGE_DIRECTION.match(role):
            return None
        return named.group() if _FORMER.match(role) else f"{named.group()}, {role}"
    phrase = " ".join(title + [named.group()])
    person = f"{title[-1]} {named.group()}"
    if is_known(person) and resolve_claimant(person) != resolve_claimant(phrase):
        return person  # "National Security Council spokesman John Kirby": the registry knows
        # the man, and which council he speaks for
    role = _ROLE_AFTER.match(text, named.end()) or _ROLE_PREDICATE_AFTER.match(text, named.end())
    return f"{phrase}, {role.group('role').strip()}" if role else phrase


@lru_cache(maxsize=32)  # one article at a time; big texts are not kept
def _first_named(text: str, name: str) -> re.Match | None:
    """Where `name` is first written capitalised, not as a turn label."""
    return next((m for m in re.finditer(rf"\b{re.escape(name)}\b(?!:)", text, re.IGNORECASE)
                 if m.group()[0].isupper()), None)


def _interviewee(text: str, pos: int) -> str | None:
    """The one answering: named by the line before the first question ("host X spoke with Y,
    director of ...", "ministry spokesman Y answered the anchor's questions")."""
    first = _TURN.search(text)  # the interview opens at its first turn
    opening = text[:first.start() if first and first.start() < pos else pos].rstrip()
    intro_start = opening.rfind("\n") + 1  # the last line before it
    end = len(opening)
    named = list(_INTERVIEWEE.finditer(text, intro_start, max(intro_start, end)))
    found = (named[-1].group("with") or named[-1].group("who")).strip() if named else None
    if found is not None and not _PRONOUN.match(found) and not (
            named[-1].group("with") and _PRONOUN_BEFORE.search(
                text, max(0, named[-1].start() - 20), named[-1].start())):
        return found
    # "He spoke to Galil Post", "She answered our questions": the person the introduction
    # last named with their role (its lines after the headline), never the outlet's own host
    headline_end = text.find("\n")
    begin = headline_end if 0 <= headline_end < intro_start else intro_start
    people = [p for p in _INTRO_PERSON.finditer(text, begin, max(begin, end))
              if not _STAFF_ROLE.search(p.group("name"))]
    if not people:
        return found
    person = people[-1]
    role = person.group("apposed") or person.group("role")
    return f"{person.group('name')}, {role.strip()}"
