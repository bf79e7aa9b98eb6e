"""Which metric a number counts: the people it counts (the noun after it) and the event (the
nearest event word in its sentence). A number that counts no people is not a figure.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from pipelines.extract.numbers import TENS, UNITS
from pipelines.extract.sentences import for_lower, lower
from pipelines.extract.wordtrie import any_of, first_letter_alternation, trie_pattern

# Nouns for counted people, grouped by what they say about the metric.
GROUPS = {
    "hostages": r"hostages?|captives?|abductees?",
    "prisoners": r"prisoners?|detainees?|inmates",
    "police": r"police officers?|policem[ae]n|police",
    "soldiers": r"soldiers?|troops|comrades|fellow soldiers|reservists?|servicem[ae]n|"
                r"servicewom[ae]n|officers?|generals?|forces|revolutionary guards?|irgc|"
                r"conscripts?|(?:idf|israeli|army) (?:fighters|combatants)|"
                r"(?:idf|army|military|surveillance|female|fellow) observers",
    "militants": r"militants?|gunm[ae]n|terrorists?|fighters?|operatives?|combatants?|infiltrators|"
                 r"commanders?|members of (?:hamas|hezbollah)|(?:hamas|hezbollah) members|"
                 r"terror operatives",
    "children": r"children|child|minors?|kids|babies|baby|infants?|newborns?|toddlers?|boys?|"
                r"girls?|schoolchildren|schoolboys|schoolgirls",
    "women": r"women|woman",
    # a family's members ("two of her sons", "His brother and two nephews were killed"): the
    # dead, hurt or missing of a family, nothing else ("her parents and five siblings" among
    # those living somewhere; "marched with her two daughters" in a story of hostages)
    "family": r"brothers|sisters|siblings|sons|daughters|cousins|nephews|nieces|"
              r"grandchildren|grandsons|granddaughters|uncles|aunts|husbands|wives|in-laws",
    "medics": r"medics?|doctors?|nurses?|paramedics?|health(?:care)? workers?|medical (?:staff|"
              r"workers?|personnel|martyrs)|first responders?|care workers|rescue workers|"
              r"emergency workers|"
              r"(?:hospital|health|healthcare) (?:staff|personnel)",
    "journalists": r"journalists?|reporters?|media workers?|photographers?|press workers?",
    "aid_workers": r"aid workers?|humanitarian workers?|unrwa (?:staff|employees|workers)|"
                   r"un (?:staff|employees|workers)|staff members?|staffers|staff|employees|"
                   r"team members|personnel|colleagues",
    "bodies": r"bodies|remains|coffins",
    "people": r"people|persons?|palestinians|israelis|civilians?|men|man|individuals?|residents?|"
              r"scientists|engineers|students|teachers|academics|"
              r"gazans|inhabitants|patients|victims|foreigners|nationals|thais|americans|"
              r"casualties|refugees|citizens|others|dead|wounded|injured|fatalities|deaths|lives|"
              r"families members|family members|workers|farmworkers|farmhands|labou?rers|"
              r"hostage-takers|loved ones|martyrs|"
              r"relatives|killings|members|(?:aid\s+)?seekers|evacuees|northerners|southerners|"
              r"elderly|idps|internally displaced (?:people|persons)|"
              r"villagers|worshippers|passengers|students|pupils|farmers|mourners|bystanders|"
              r"teenagers|adults|civil defen[cs]e (?:personnel|members|workers|crews|staff)|"
              r"friends|neighbou?rs|festival-?goers|partygoers|revellers|concertgoers|"
              r"peacekeepers|sailors|seafarers|crew members|crewmen|crew|lebanese|syrians|"
              r"egyptians|jordanians|yemenis|britons|nepalis|migrants|ministers|filipinos|"
              r"bulgarians|ukrainians|mexicans|romanians|indians|pakistanis|russians|germans|"
              r"sri lankans|chinese|tanzanians|"
              # sport, learning and the arts ("95 university professors", "421 footballers")
              r"athletes|footballers|players|coaches|referees|sportsmen|sportswomen|"
              r"professors|lecturers|educators|artists|writers|poets|musicians|actors",
}
# a quoted number or noun: '"almost 50" hostages', '20,000 "terrorists"'
_QUOTE_GAP = re.compile(r"[\"”’']\s+|\s+[\"“‘']")
_BRACKETED = re.compile(r"\([\d,.]+$")
_ACRONYM = re.compile(r"[A-Z]{2,6}\)\s")
_ACRONYM_GAP = re.compile(r"\s+\([A-Z]{2,6}\)\s+")
_BREAK_GAP = re.compile(r"[.;:!?()\"“”]|,\s")
_NUMBER_GAP = re.compile(r"\s+\d[\d,.]*\s+")
_NOUN_NEXT = re.compile(r"\s+(?:hostages?|captives?|soldiers?|children|women|people|civilians|"
                        r"palestinians|israelis|prisoners?|detainees?|fighters|militants)\b",
                        re.IGNORECASE)
_NOUN_AFTER_ADJECTIVE = re.compile(r"\s+(?:(?!(?:in|on|at|near|across|along|from|of)\b)[a-z]+\s+)?"
                                   r"([a-z]+s)\b")
_MEMBERS_OF = re.compile(r"\s+of\s+(?:the\s+|its\s+)?(?P<who>(?:[\w-]+\s+){0,2}[\w-]+)")
_ARMED_GROUP_BEFORE = re.compile(r"\b(?:hamas|hezbollah|islamic jihad|the group)\b",
                                 re.IGNORECASE)
# "The National Federation of Israeli Journalists said four of its members ...": a press
# union's members are journalists
_PRESS_BODY_BEFORE = re.compile(r"\bJournalists\b|\bjournalists['’] (?:union|syndicate|federation)|"
                                r"\bpress (?:union|syndicate|association)\b")
_OF_ARMED_GROUP = re.compile(r"\s+of\s+(?:the\s+)?(?:hamas|islamic jihad|hezbollah|armed groups?|"
                             r"the group|its armed wing|al-qassam|qassam|(?:[\w-]+\s+)?(?:terror|"
                             r"terrorist|militant|armed)\s+(?:groups?|factions?|organi[sz]ations?))",
                             re.IGNORECASE)
# The first group (in GROUPS order) whose nouns make up a whole phrase: one pattern of
# alternatives tried in that order, instead of one call per group for every phrase.
_GROUP_RE = re.compile("|".join(rf"(?P<{g}>(?:{p})$)" for g, p in GROUPS.items()), re.IGNORECASE)


@lru_cache(maxsize=8192)
def _group_of(phrase: str) -> str | None:
    """Cached: the same few thousand phrases follow numbers day after day."""
    m = _GROUP_RE.match(phrase)
    return m.lastgroup if m else None

# Words that may stand between a number and the noun it counts ("1,000 more Hamas terrorists").
MODIFIERS = set("""
more other additional further new palestinian israeli israeli-held hamas hamas-led idf thai
american foreign civilian remaining living surviving female male elderly young armed islamic
jihad terror reserve local aid health medical humanitarian gazan un unrwa so-called alleged
suspected known confirmed identified unarmed innocent the of whom them captured freed released
kidnapped abducted wounded injured dead killed slain rescued missing displaced french german
russian british filipino nepalese dual wartime total combined fellow senior junior
deceased slain murdered fallen late abductee its their his her our national own number
my your rescue
""".split())

# What follows a number that is not a count of people.
# Units and things counted after a number, and months: each list as a trie (wordtrie.py), so
# that the common case, a number followed by people, fails after a letter or two.
_UNIT_WORDS = trie_pattern("""
years year months month weeks week days day hours hour minutes minute seconds second decades
decade centuries km kilometres kilometre kilometers kilometer miles mile metres metre meters
meter feet acres dunams dunam tonnes tonne tons ton dollars dollar shekels shekel euros euro
pounds nis usd stages stage phases phase rounds round rockets rocket missiles missile
projectiles projectile mortars mortar drones drone shells shell bombs bomb munitions trucks
truck lorries vehicles vehicle convoys convoy buildings building homes home houses house
apartments apartment structures structure targets target tunnels tunnel shafts shaft sites site
hospitals hospital clinics clinic schools school mosques mosque churches shelters shelter
facilities times points point degrees calories litres litre liters liter meals meal parcels
parcel pallets pallet airdrops airdrop flights flight sorties strikes strike raids raid attacks
attack incidents incident cases votes vote seats pages page brigades brigade battalions
battalion divisions division massacres massacre installations premises units unit companies
operations operation checkpoints checkpoint crossings crossing gates gate kilos kilo kg
movements movement bulldozers bulldozer excavators excavator ambulances ambulance tents tent
caravans caravan generators generator buses bus coaches coach boats boat ships ship requests request
communities community villages village towns town neighbourhoods neighbourhood neighborhoods
neighborhood vessels vessel tankers tanker aircraft planes plane jets helicopters tanks posts
jobs positions vacancies lists list records record documents document files file studies study
surveys survey databases database channels channel stations station outlets outlet newspapers
newspaper networks organisations organizations
""".split())
# A word that may stand between a number and a thing it counts ("60,000 mobile homes", "2
# working bulldozers"): not a word that can end the count of people ("30 Palestinians days
# after", "killed 20 in strikes"), so no plural, people noun or function word.
_ADJECTIVE = (r"(?!(?:a|an|the|in|on|at|by|of|to|from|and|or|after|before|during|across|as|for|"
              r"with|"
              r"along|near|inside|outside|into|through|around|within|between|among|behind|under|"
              r"were|was|are|is|have|had|has|who|when|while|people|children|women|men|"
              r"youths|dead|missing|alive|more|other|living|remaining|surviving|came|come|"
              r"went|got)\b)"  # ("All 20 came home")
              r"(?![a-z-]*ed\b)[a-z-]*[a-rt-z]\s+")  # nor "40 wounded days later"
_MONTH_WORDS = trie_pattern("""
january february march april may june july august september october november december jan feb
mar apr jun jul aug sep sept oct nov dec
""".split())
_A_MONTH = re.compile(_MONTH_WORDS, re.IGNORECASE)
# (scans lower-cased text, sentences.lower: `re` then skips the branches of the unit and month
# tries that open with another letter at once, instead of lower-casing the character for each)
_NOT_PEOPLE_AFTER = for_lower(
    rf"""^(?:
        [-–](?:year|month|week|day|hour|minute|second|and|point|state|storey|story|mile|km|
             kilomet|metre|meter|foot|feet|member|strong|page|seat|bed|percent|phase|stage)
      | \s*(?:%|percent\b|per\s?cent\b|pc\b)
      | [-\s]+dozens?\b
      | (?:st|nd|rd|th)\b
      | :\d
      | \s*(?:a\.m\.|p\.m\.|am\b|pm\b|gmt|utc)
      | \s+(?:{_ADJECTIVE})?(?:{_UNIT_WORDS}|mass\s+killings)\b
        (?!\s+(?:and\s+[a-z]+\s+)?(?:students|pupils|children|teachers|staff|workers|
               employees|personnel|guards|drivers|doctors|nurses|medics|paramedics|crews?|
               patients)\b)  # "school students", "hospital staff": a place word, then people
      | (?:\s*(?:to|and|or|-|–)\s*[\d,.]+)?\s+(?:a|an|per)\s+(?:day|week|month|year|
                                                              hour)\b
        (?!\s+(?:earlier|later|before|after)\b)  # "up from 40,099 a day earlier": a count
      | \s*(?:and|to|-|–)\s*\d{{1,2}}\s+{_MONTH_WORDS}\b
      | \s+{_MONTH_WORDS}\b
    )""",
    re.VERBOSE,
)
# The word right before a number that makes it a name, a date, money or a threshold.
_NOT_PEOPLE_BEFORE = frozenset("""
us$ usd nis channel unit resolution no. number route highway road gate brigade division article
page chapter section aged age ages flight room kan platoon battalion squad building block phase
stage kilometre km mile every each per since until episode season paragraph paragraphs para
paras graf grafs update issue edition
""".split()) | frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
) | frozenset(  # a dot after a whole month's name ends its sentence: "in October. One hostage"
    m + "." for m in "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


def _named_or_priced(before: str) -> bool:
    """Whether the text before a number makes it a name, date, price or threshold (a plain
    look at the last word: this runs for every number in every article)."""
    tail = before.rstrip()
    if tail.endswith("("):  # "Press statement No. (357)": the word before the bracket
        tail = tail[:-1].rstrip()
    if not tail:
        return False
    if tail[-1] in "$€£₪#":  # (and "Flash Update #30": an issue's number)
        return True
    word = tail.rsplit(None, 1)[-1].lstrip("(\"'“‘").lower()
    if word == "number" and _NUMBER_VERB.search(tail):
        return False  # "Palestinians killed since October 7 now number 30,035": a verb
    # "Day 10 of the ceasefire" counts days (not "on the same day 40 people were killed")
    return word in _NOT_PEOPLE_BEFORE or (word == "year" and tail.lower().endswith("the year")) \
        or (word == "of" and tail.lower().endswith(("age of", "ages of"))) \
        or (word == "day" and tail.endswith("Day")) \
        or (word in ("for", "of") and tail.lower().endswith(_CAPACITY))


# "a school designed for 400 pupils", "a capacity of 250 patients": room for them, not a count
_CAPACITY = ("designed for", "built for", "meant for", "intended for", "capacity of",
             "capacity for")


_NUMBER_VERB = re.compile(r"\b(?:now|still|together|already|could|would|may|might)\s+number$",
                          re.IGNORECASE)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
# "since 7 October 18,787 Palestinians have been killed": a day or year has no thousands
_MONTH_BEFORE = r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+"  # "Oct. "
_THOUSANDS_AFTER_MONTH = re.compile(_MONTH_BEFORE + r"\d{1,3}(?:,\d{3})+$", re.IGNORECASE)
_SINCE = re.compile(r"\b(?:since|until)\s*$", re.IGNORECASE)


def _count_after_since(before: str, after: str, number_text: str) -> bool:
    """"since 21 reservists were killed": after "since"/"until" a number is usually a date
    or a year, but one followed by people ("reservists", "Palestinians") is a count."""
    if not _SINCE.search(before) or _YEAR.match(number_text):
        return False
    return _people_next(after)


def _people_next(after: str) -> bool:
    """The word after a number names people ("three children", "21 reservists")."""
    word = _WORD.match(after.lstrip())
    return bool(word) and _group_of(word.group().lower()) not in (None, "thing")
# the number words a count may start with, for look-aheads that only need to see one coming
_FIRST_NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
                       "thirty|forty|fifty")
_NUMBER_START = re.compile(rf"\d|(?:{_FIRST_NUMBER_WORDS}|hundred)\b", re.IGNORECASE)
_AGES_BEFORE = re.compile(r"\b(?:aged|ages|turned|turns|turning|in\s+age)\s+(?:of\s+)?"
                          r"(?:between\s+|from\s+)?"
                          r"(?:\d+\s*(?:,|and|to|or)\s*)*$", re.IGNORECASE)
_DAYS_AND = re.compile(_MONTH_BEFORE + r"\d{1,2}\s+and\s+$", re.IGNORECASE)
_YEAR_OF_OLD = re.compile(r"1[5-9]\d\d")
_RATIO_OF = re.compile(r"\bratio\s+of\s+[^.;,]{0,40}$", re.IGNORECASE)
_DAY_RANGE_BEFORE = re.compile(_MONTH_BEFORE + r"\d{1,2}\s*[-–]$", re.IGNORECASE)
_AGE_AFTER_NAME = re.compile(r"(?-i:[A-Z][\w'’-]+),\s*(?:all|both|aged)?\s*$")
_AGE_CLOSE = re.compile(r"\s*(?:,|\.|\)|;|[—–]|\s+and\b|$)")
_SMALL = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
_ONE_IN_N = re.compile(rf"\b{_SMALL}\s+(?:in|out of)\s+(?:every\s+)?$", re.IGNORECASE)
# "one in five", "nine out of 10", "one in every 100": a ratio; "15 out of 137 hostages" is
# a part of a count, and both are figures.
_ONE_IN_N_AFTER = re.compile(r"\s+(?:in|out of)\s+(?:every\s+\S+|two|three|four|five|six|seven|"
                             r"eight|nine|ten|hundred|[2-9]|10|100|1,?000)\b(?![,.]?\d)",
                             re.IGNORECASE)
_DENOMINATOR = re.compile(r"(?:two|three|four|five|six|seven|eight|nine|ten|hundred|[2-9]|10|100|"
                          r"1,?000)$", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# a word of the noun phrase after a number, a dotted acronym whole ("130 U.N. staff members")
_PHRASE_WORD = re.compile(r"(?:[A-Z]\.){2,3}(?=\s)|[A-Za-z][A-Za-z'’-]*")

# a number word after "have left" or "had left": what remains ("had left three hostages
# dead"), unless it counts time or places ("had left two weeks before", "have left three
# neighbourhoods")
_LEFT_COUNT = (rf"(?:{trie_pattern(UNITS[1:] + TENS)})\b(?!\s+(?:[\w-]+\s+)?"
               r"(?:hours?|days?|weeks?|months?|years?|neighbou?rhoods?|towns?|villages?|cities|"
               r"camps?|areas?|districts?|homes?|houses?)\b)")

# Event words -> event, searched in the whole sentence.
EVENTS = [
    ("bodies", r"found dead|in coffins|"
               r"bodies\s+(?:\w+\s+){0,5}(?:recovered|returned|repatriated|retrieved|handed "
               r"over)|(?:recovered|returned|repatriated|retrieved|handed over|brought back)\s+"
               r"(?:the\s+)?(?:bodies|remains)"),
    ("rescued", r"rescued|rescue|rescues|rescuing|extracted alive|"
                r"retrieved(?=\s+(?:\w+\s+){0,2}(?:of\s+)?(?:its|their|the)\s+(?:hostages|captives))"),
    ("released", r"released|releasing|release|releases|freed|freeing|frees|free|"
                 # "to return all 20 living hostages": handing back a count of people
                 rf"return(?:s|ed|ing)?(?=\s+(?:all\s+(?:the\s+)?|the\s+)?(?:remaining\s+|last\s+)?"
                 rf"(?:\d|(?:{_FIRST_NUMBER_WORDS})\b))|"
                 # "the return of three hostages"
                 rf"return(?=\s+of\s+(?:the\s+)?(?:\d[\d,]*|(?:{_FIRST_NUMBER_WORDS})\b)\s+"
                 r"(?:[\w-]+\s+)?(?:hostages|captives|prisoners|detainees)\b)|"
                 # "They got back three, and only through a deal": those handed back
                 rf"(?:got|get|gets|getting) back(?=\s+(?:all\s+(?:the\s+)?|the\s+)?"
                 rf"(?:\d|(?:{_FIRST_NUMBER_WORDS})\b))|"
                 # "the Red Cross has received (collected) the first seven hostages": in its care
                 rf"(?:receiv(?:ed|es|e|ing)|collect(?:ed|s|ing)?)(?=\s+(?:all\s+|the\s+)?"
                 rf"(?:first\s+|last\s+|remaining\s+|other\s+)?(?:\d|(?:{_FIRST_NUMBER_WORDS})\b)"
                 r"[\w,-]*\s+(?:[\w-]+\s+)?(?:hostages|captives|prisoners|detainees)\b)|"
                 r"set free|hand(?:ed|ing|s)? (?:over|back)|handed to|transferred to|exchanged|"
                 r"swap|deported|"
                 r"go free|walked free|walked out of (?:\w+\s+){0,2}(?:jails?|prisons?)|"
                 r"(?:came|come) home|"  # "All 20 came home on October 13"
                 # ("105 hostages came out during the pause"; not "relatives of the hostages
                 # came out in their thousands")
                 r"came out(?<=(?:hostages|captives) came out)"
                 r"(?!\s+(?:in\s+(?:their\s+)?(?:thousands|hundreds|numbers|force)|to\s+"
                 r"(?:march|protest|rally|demonstrate)|against)\b)|"
                 r"(?:were|was|been|be|being)\s+(?:\w+\s+)?let go\b(?!\s+of)|"
                 r"freedom for|hand(?:ed|ing|s)?(?=\s[^.;]{0,80}?\bto\s+(?:the\s+)?(?:red cross|"
                 r"icrc|international committee))|"
                 r"in (?:exchange|return) for|"
                 r"returned alive|returned home|came home|reunited with|"
                 # "33 hostages are to be returned": handed back, told in the passive
                 r"returned(?<=be returned)|returned(?<=been returned)|"
                 r"returned(?<=were returned)|returned(?<=was returned)|"
                 r"returned to (?:their families|israel(?:i (?:territory|soil))?)|"
                 r"crossed back into israel|"
                 r"brought (?:back|home)|back home|arrived home|"
                 # "brought 105 hostages home", "to bring all 48 home"
                 rf"br(?:ought|ing|ings|inging)(?=\s+(?:all\s+(?:the\s+)?|the\s+)?(?:remaining\s+)?"
                 rf"(?:\d|(?:{_FIRST_NUMBER_WORDS})\b)(?:[\w,-]+\s+){{1,3}}home\b)|"
                 r"home(?<!at home)(?<!their home) after|"  # "Four observers home after 477 days"
                 r"home(?<=hostages home)(?<!the hostages home)|"
                 r"home(?<=captives home)(?<!the captives home)"),  # "All 20 hostages home"
    ("abducted", r"(?:taking|took|take|takes|taken|seizing|seized|capturing|captured)\s+"
                 r"(?:(?!remain)[\w,]+\s+){0,4}"  # not "seized in Israel remain captive"
                 r"(?:hostages?|captives?)|"
                 r"abducted|abducting|abduction|kidnapped|kidnapping|taken hostage|taken "
                 r"captive|seized|snatched|taken into gaza|taken to gaza|dragged|"
                 r"taken by (?:hamas|militants|gunmen|terrorists|islamic jihad)\b|"
                 r"taken (?:during|in) the (?:[\w.,]+ ){0,3}(?:attack|assault|incursion|onslaught|"
                 r"massacre)|"
                 r"capture of|(?:were|was|been) taken on (?:october|oct\.?) 7\b|"
                 r"(?:took|taking|taken|carried)"
                 r"(?=\s+(?:[\w,]+\s+){1,3}(?:into|to|back to) gaza\b)"),
    ("alive", r"alive|still living(?!\s+in\b)|living (?:hostages|captives)|still live"),
    ("remaining", r"remain(?:s(?! of\b)|ed|ing)?(?: captive| in captivity)?"
                  # (not "remain in the 36 UNRWA shelters": those sheltering)
                  r"(?!\s+in\s+(?:the\s+)?(?:[\w,-]+\s+){0,3}(?:shelters|facilities)\b)|"
                  r"still (?:being )?held|"
                  # "30 have not come home": still held (not the freed of "have come home")
                  # (but "have yet to return home" is the displaced's)
                  r"(?:have|has|had)\s+not\s+(?:yet\s+)?come\s+home|"
                  r"(?:yet|still)\s+to\s+come\s+home|never\s+came\s+home|"
                  # "his release leaves 58 hostages in Gaza": those still held after it
                  rf"leav(?:e|es|ing)(?=\s+(?:(?:only|just|about|some)\s+)?(?:[\d,]+|"
                  rf"(?:{_FIRST_NUMBER_WORDS})[\w-]*)\s+(?:(?:living|more|other)\s+)?"
                  rf"(?:hostages|captives|in gaza|in captivity|behind)\b)|"
                  r"held captive|held hostage|"
                  r"being held|are held|were held|been held|in captivity|"
                  # (not "hostages holding dual US citizenship")
                  r"holding(?!\s+(?:\w+\s+){0,2}(?:citizenship|nationality|passports?)\b)|"
                  r"holds(?!\s+(?:back|off|up|out|on)\b)|"
                  r"still in gaza|still (?:down )?there|"
                  r"held in gaza|"
                  r"(?:continues?|continued|continuing) to hold|"
                  # "28 hostages are yet to be freed": not freed, so still held
                  r"yet to be (?:freed|released|returned)|"
                  r"among the (?:captives|hostages)|"
                  r"in (?:the )?custody of (?:hamas|islamic jihad|militants|the group|"
                  r"armed groups)"),
    ("dead", r"no longer alive|not alive|whose deaths?|"
             r"(?:are|is|were|be|been|now|presumed|declared|confirmed|"
             r"believed|thought|feared|assumed)"
             r" (?:dead|deceased)|died in captivity"),
    # ("at risk of dying" and "at risk of death" foretell; they count no dead)
    # (never a toll foretold: "14,000 babies could die", "85,000 more could be killed")
    ("killed", r"killed(?<!(?:could|would|might) be killed)(?<!may be killed)"
               r"(?<!will be killed)|"
               r"killing|kills|kill|dead|deaths?(?<!risk of death)|died|"
               r"die(?<!(?:could|would|might) die)(?<!may die)(?<!will die)|"
               r"dying(?<!risk of dying)|death toll|toll|slain|"
               r"martyr(?:s|ed|dom)?|victims|killings?|trampled|(?:have|has|had|who) fallen|"
               r"fell in (?:[\w-]+\s+){0,2}?(?:combat|battle|action)|fell (?:during|while)|"
               # "56 soldiers fell in Lebanon": soldiers who fell, wherever
               r"fell(?<=soldiers fell)|fell(?<=troops fell)|fell(?<=reservists fell)|"
               r"fell in the (?:battles?|fighting|war|ground operation)|"
               r"lost their lives|(?:given|gave|laid down) their lives|"
               # "we buried 42 people in the yard": the dead (not those buried under rubble)
               r"buried(?!\s+(?:alive|under|beneath|in\s+(?:the\s+)?(?:rubble|debris|ruins)))|"
               r"claim(?:ed|ing|s)? the lives of|massacr\w*|murdered|fatalities|"
               r"murders? of|murdering|"
               r"perished|executed|"
               # "the army has lost 15 soldiers": losing troops or fighters is their death
               # (a number must follow: "lost their homes", "lost contact with 20" are not deaths)
               # (or after a first one named: "lost her husband and two sons")
               r"lost(?=\s+(?:(?:his|her|their|my|our)\s+(?:husband|wife|son|daughter|father|"
               r"mother|brother|sister|parents)(?:\s+and|,)\s+)?"
               r"(?:(?:more than|at least|about|some|nearly|another)\s+)?"
               rf"(?:\d|{_FIRST_NUMBER_WORDS}|hundred)[\w,-]*(?:\s+[\w'’]+){{0,4}}?\s+"
               r"(?:soldiers|troops|servicem[ae]n|reservists|fighters|men|officers|comrades|"
               r"paramedics|medics|staff|journalists|colleagues|employees|children|relatives|"
               r"members\s+of\s+(?:my|his|her|their|our|the)\s+famil(?:y|ies)|family\s+members|"
               r"people|civilians|residents|students|teachers|doctors|nurses|"
               rf"{GROUPS['family']})\b)|"
               r"eliminated|neutrali[sz]ed"),
    ("injured", r"wounded|injured|injuries|injury|hurt|wounding|injuring|"
                r"treated\s+(?:\w+\s+){0,4}?for\s+(?:their\s+|his\s+|her\s+)?(?:injuries|wounds)"),
    # (not "recovered from under the rubble": found, dead)
    ("missing", r"missing(?! famil)|under(?<!from under) (?:the )?(?:rubble|ruins)|unaccounted|"
                # "lost contact with nine of its paramedics"
                r"lost (?:all )?(?:contact|touch) with|"
                # "10,000 people were still believed to lie beneath the debris"
                r"lie (?:under|beneath) (?:the )?(?:rubble|ruins|debris)|"
                r"trapped (?:under|beneath|in the rubble)"),  # "trapped under collapsed buildings"
    ("displaced", r"displaced|displacing|displacement|evacuees|forced out|"
                  r"(?:forced|driven|fled) (?:from|out of) their homes|(?:forced|driven) from|"
                  r"forced to (?:evacuate|flee|leave)|evacuated|evacuation of|out of their homes|"
                  r"from their homes|(?:left|abandoned) their homes|uprooted|fled|flee|flees|"
                  r"away from (?:their |his |her )?homes?|left the camps?|"
                  r"(?:yet|unable|not able) to return(?: to their homes| home)?|"
                  r"(?:cannot|can't|can not|could not|couldn't) (?:live in|return to) their homes|"
                  # "more than 560,000 people have crossed into Syria": refugees
                  # (not "crossed into the north": Gazans going back)
                  r"crossed (?:from [\w ]{1,30} )?into(?! (?:the )?north(?:ern gaza)?\b)|"
                  # "450,000 have left Rafah": gone from where they lived (not "has left 59
                  # hostages", "had left three hostages dead": a number after is what remains)
                  r"left(?<=have left)(?!\s+(?:about |some |only )?(?:\d|" + _LEFT_COUNT + r"))|"
                  r"left(?<=had left)(?!\s+(?:about |some |only )?(?:\d|" + _LEFT_COUNT + r"))"),
    ("sheltering", r"sheltering|taking shelter|taken shelter|crammed|packed into|crowded into|"
                   r"shelter(?=\s+in\b)|"  # "300,000 people now shelter in Deir al-Balah"
                   r"(?:registered|staying|living|remain(?:s|ed)?)\s+in\s+(?:the\s+)?(?:[\w,-]+\s+)"
                   r"{0,3}(?:shelters|facilities)|in shelters|"
                   # "1.2 million displaced, nearly 190,000 of them in 1,000 collective shelters"
                   r"in(?<=of them in)\s+(?:[\w,-]+\s+){0,4}?(?:shelters|facilities)\b|"
                   r"shelter(?:s|ed)(?=\s+(?:more|some|about|around|nearly|over|roughly|\d))|hosts|"
                   # (not "housing units destroyed": the noun)
                   r"hosting|housing(?!\s+(?:units?|blocks?|stock|complex|projects?|ministry|"
                   r"crisis|estates?)\b)|"
                   r"squeezed into"),
    ("population", r"population (?:of|is|was|stands|stood|numbers)|inhabitants|"
                   r"(?:who )?(?:live|living|lived)(?=\s+(?:in|on|at|near|there|across|along|"
                   r"north|south|east|west|as of|before)\b|\s*[,.;)])|home to"),
]
# One word-boundary check, then the alternatives (several times faster than a \b per branch).
_EVENT_SOURCE = (r"\b(?=[a-zA-Z])(?:" + "|".join(f"(?P<{name}>(?:{pattern}))"
                                                  for name, pattern in EVENTS) + r")\b")
_EVENT_RE = re.compile(_EVENT_SOURCE, re.IGNORECASE)
# The same for whole sentences, scanned lower-cased (sentences.lower): faster than IGNORECASE,
# and with the branches bucketed by first letter (wordtrie.first_letter_alternation), about
# twice as fast again; its group names map back to the events through _EVENT_NAMES.
_EVENT_BUCKETED, _EVENT_NAMES = first_letter_alternation(EVENTS)
_EVENT_RE_LOWER = re.compile(r"\b(?=[a-zA-Z])" + _EVENT_BUCKETED + r"\b")


class People(NamedTuple):
    group: str | None  # key of GROUPS, or None when no noun follows the number
    subject: str | None  # the words as written
    end: int  # where the noun phrase ends


_TO_ONE = re.compile(r" to (?:1|one)\b(?![.,]?\d)", re.IGNORECASE)
_N_TO = re.compile(r"(?:\d|\b(?:two|three|four|five|six|ten))\s+to\s+$", re.IGNORECASE)


_ONE_SPEAKER = re.compile(r"\s+(?:[\w-]+\s+){0,2}[\w-]+,\s+(?:a|an)\s[^.;,]{0,80},\s+"
                          r"(?:said|says|told|recalled|described)\b", re.IGNORECASE)


# "four women from one family" (not "one family member")
_ONE_FAMILY = re.compile(r" (?:family|household|clan)\b(?! members?\b)", re.IGNORECASE)


_RANGE_TEXT = re.compile(r"\s(?:and|to|or)\s|\d\s*[-–]\s*\d")
_AVERAGE_OF = re.compile(r"\baverage\s+of\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
_BELONGS_TO_NONE = re.compile(r"\s+(?:(?!who\b|that\b|which\b)[\w-]+\s+){0,3}?(?:"
                             r"belonged\s+to\s+(?:none|no\s+one|neither|nobody)\b|"
                             r"did\s+not\s+belong\b|didn['’]t\s+belong\b)", re.IGNORECASE)


def is_excluded(text: str, num_start: int, num_end: int, number_text: str) -> bool:
    """Years, dates, times, ages, durations, money, units and things that are not people."""
    before = text[max(0, num_start - 24) : num_start]
    after = text[num_end : num_end + 40]
    if after[:1] == ")" and before[-1:] == "(":
        if _NAME_BRACKET.search(before) and _AGE_DIGITS.fullmatch(number_text):
            return True  # "Louis Har (70)": an age
        after = after[1:]  # "(10,025) massacres": the noun after the bracket decides
    if (after.startswith(" to ") and _TO_ONE.match(after)) or (
            number_text in ("1", "one") and before.endswith(" to ") and _N_TO.search(before)):
        return True  # "a ratio of roughly 1.4 to 1", "three to one": a ratio, not two counts
    if _NOT_PEOPLE_AFTER.match(lower(after)):
        return True
    if before.endswith("between ") and not _RANGE_TEXT.search(number_text):
        return True  # "an intercepted call between two Hamas operatives": no count of anyone
        # ("between 30 and 40" is a range, read before any number alone)
    if "average" in before and _AVERAGE_OF.search(before):
        return True  # "an average of more than three children killed every day": a rate
    if "belong" in after and _BELONGS_TO_NONE.match(after):
        return True  # "the army suspected one set of remains belonged to none of them": whose
        # the remains are not, no count of the dead
    if number_text.lower() == "one" and (after.startswith((" of ", " that ", " which "))
                                         or before.lower().endswith(("no ", "not "))
                                         or after.startswith(" by one")
                                         or _ONE_SPEAKER.match(text, num_end)
                                         or _ONE_FAMILY.match(after)):
        return True  # "one of 251 people abducted": a member; "one that would": a pronoun;
        # "No one was hurt": nobody; "come home one by one": how, not how many; "One freed
        # detainee, a teacher from Jabalya, said": a person who speaks; "nine members of one
        # family": whose they were
    if _named_or_priced(before) and not _count_after_since(before, after, number_text) \
            and not _THOUSANDS_AFTER_MONTH.search(before + number_text):
        return True
    if (after[:1] in "-–" and _NUMBER_START.match(after, 1)) or (
            before[-1:] in "-–" and before[-2:-1].isdigit() and number_text[0].isdigit()):
        return True  # "1-800-22-4444", "2023-24", "UPDATE 2-Eleven": a code, not a count
    if ("age" in before or "turn" in before) and _AGES_BEFORE.search(before) and \
            not _people_next(after):
        return True  # "aged 60 and 70", "aged between 22 and 40"; not "aged 80 and three children"
    if before.endswith(("was ", "is ")) and (_ONE_WHO_WAS.search(before) or (
            _NAME_WAS.search(before) and _WHEN_NEXT.match(after))):
        return True  # "Shlomo Mantzur, who was 85 when he was killed": one person's age
    if before.endswith("of ") and _PARENT_OF.search(before):
        return True
    if before.endswith(":") and before[-2:-1].isdigit():
        return True  # the minutes of "14:00"
    tail = before.rstrip()
    if tail.endswith(("-", "–")) and _DAY_RANGE_BEFORE.search(tail) and \
            not (before.endswith(" ") and number_text.isdigit() and int(number_text) > 31):
        return True  # the second day of "November 24-30", not "since Oct. 7 - 57 of them"
    if tail.endswith((",", " all", " both", " aged")) and _AGE_AFTER_NAME.search(before) \
            and _AGE_CLOSE.match(after):
        return True  # "Noa Argamani, 26, ..."
    if (tail.endswith((" in", " of")) and _ONE_IN_N.search(before) and
            (_DENOMINATOR.match(number_text) or tail.endswith("every"))) or \
            _ONE_IN_N_AFTER.match(after):
        return True  # "nine in ten", "one in five"
    if _YEAR.match(number_text) and not _PEOPLE_NEXT.match(after):
        return True
    if before.endswith(" ") and _EVERY_BEFORE.search(before):
        return True  # "for every additional ten hostages freed": a rate, not a count
    if before.endswith(" and ") and _DAYS_AND.search(before) and number_text.isdigit() and \
            int(number_text) <= 31:
        return True  # "between March 18 and 23": the second day of a span
    if len(number_text) == 4 and _YEAR_OF_OLD.fullmatch(number_text) and \
            before.endswith(("in ", "since ")):
        return True  # "founded in 1882"
    if text.find("ratio", max(0, num_start - 50), num_start) >= 0 and \
            _RATIO_OF.search(text, max(0, num_start - 50), num_start):
        return True  # "a ratio of roughly one combatant to one civilian"
    # "Feb. 7, 2024" style dates: the day number before a comma and a year
    return bool(_YEAR_NEXT.match(after))


_PEOPLE_NEXT = re.compile(r"\s+(?:people|persons)")
_EVERY_BEFORE = re.compile(r"\b(?:every|each)\s+(?:additional\s+|other\s+|extra\s+)?$",
                           re.IGNORECASE)
_ONE_WHO_WAS = re.compile(r"\b(?:who|he|she)\s+(?:was|is)\s+$", re.IGNORECASE)
# "Her brother Nadav was 21 when gunmen took him": a named person's age at the time
_NAME_WAS = re.compile(r"(?-i:\b[A-Z][a-z]+)\s+(?:was|is)\s+$")
# ("Ariel was 4 and Kfir was nine months old": two ages)
_WHEN_NEXT = re.compile(r"\s+(?:when\b|(?:years?|months?) old\b|"
                        r"and\s+(?-i:[A-Z][a-z]+)\s+(?:was|is)\s)")
# "a mother of five": her children, not a count of anyone's dead; "a boy of nine": an age
_PARENT_OF = re.compile(r"\b(?:mother|father|parent|grandmother|grandfather|"
                        r"an?\s+(?:boy|girl|child|baby|toddler|man|woman|son|daughter))\s+of\s+$",
                        re.IGNORECASE)
_NAME_BRACKET = re.compile(r"(?-i:\b[A-Z][a-z][\w-]*)\s*\($")  # a name, not "the Strip's ("
_AGE_DIGITS = re.compile(r"\d{1,3}")
_YEAR_NEXT = re.compile(r",\s*(?:19|20)\d\d\b")


def group_in(phrase: str) -> str | None:
    """The first group of people named anywhere in a short phrase ("of UNRWA staff killed")."""
    words = [w.lower() for w in _WORD.findall(phrase)]
    for i in range(len(words)):
        for size in (3, 2, 1):
            chunk = " ".join(words[i:i + size])
            if len(words[i:i + size]) == size:
                group = _group_of(chunk)
                if group:
                    return group
    return None


_AND_GROUP = re.compile(r"\s*(?:,|and|or)\s+(?:the\s+)?(?:women|children|elderly|men|old people)\b",
                        re.IGNORECASE)
_COLLEAGUES = re.compile(r"colleagues|co-workers|coworkers", re.IGNORECASE)
# "50 wives of soldiers killed": family named as others' kin
_KIN_OF = re.compile(r"\s+of\b")
_COLLEAGUE_OF = [("journalists", re.compile(r"\b(?:correspondent|journalist|reporter|photographer|"
                                           r"cameram[ae]n|camera operator|photojournalist|"
                                           r"broadcaster|newsroom)s?\b|\bAl Jazeera\b|"
                                           r"\bpress (?:toll|freedom|corps|union|syndicate)\b",
                                           re.IGNORECASE)),
                 ("medics", re.compile(r"\b(?:doctors?|nurses?|paramedics?|medics?|surgeons?)\b",
                                       re.IGNORECASE))]


def _colleagues(text: str, pos: int) -> str | None:
    """"correspondent X and four of his colleagues": colleagues are of the person named
    before them, or of the trade the clause after names ("mourns two more colleagues as the
    press toll climbs")."""
    end = text.find(". ", pos, pos + 100)
    for near in (text[max(0, pos - 80):pos], text[pos:pos + 100 if end < 0 else end]):
        if found := next((group for group, rx in _COLLEAGUE_OF if rx.search(near)), None):
            return found
    return None


_POSSESSIVE = re.compile(r"[a-z]+['’]s")
_HOUSEHOLDS_NEXT = re.compile(r"\s+(?:families|households)\b", re.IGNORECASE)
_BODIES_NEXT = re.compile(r"\s+(?:bodies|remains)\b")


def people_after(text: str, pos: int, limit: int) -> People:
    """The noun phrase of counted people right after a number (skipping modifiers and up to
    two words we do not know: "seven surveillance soldiers", "Ten Thai farm workers")."""
    if text.startswith((" a ", " an ", " several ", " some "), pos) and \
            _TIME_AFTER.match(text, pos):
        return People(None, None, pos)  # "seven in the morning and the remaining 13 a few
        # hours later": a time, then nothing counted of its own
    words = []
    lowered = []  # the words lower-cased, once each
    unknown = 0
    for match in _PHRASE_WORD.finditer(text, pos, min(limit, pos + 80)):
        gap = text[pos if not words else words[-1].end() : match.start()]
        if not gap.strip():
            pass  # the common case: words separated by spaces
        elif not words and gap == "-" and match.group().lower() == "man":
            continue  # "a three-man squad of Hamas gunmen": the squad's size, its men after
        elif not words and _QUOTE_GAP.fullmatch(gap):
            pass  # a quoted number: '"almost 50" Israeli hostages'
        elif not words and gap[0] == ")" and not gap[1:].strip() and \
                _BRACKETED.search(text, max(0, pos - 16), pos):
            pass  # a bracketed number: "(17,581) children", as official statements write them
        elif words and words[-1].group()[0].isupper() and gap.strip() == "(" and \
                _ACRONYM.match(text, match.start()):
            continue  # a name's acronym: "eight Palestine Red Crescent Society (PRCS) medics"
        elif words and _ACRONYM_GAP.fullmatch(gap):
            pass  # the word after the acronym
        elif _BREAK_GAP.search(gap) or (_NUMBER_GAP.fullmatch(gap)
                                        and (not words or lowered[-1] != "of")):
            break  # (a number starts another count: "The 136 include 17 women")
        words.append(match)
        lowered.append(match.group().lower())
        word = lowered[-1].rstrip("'’")
        if len(words) == 2 and lowered[0] == "of" and word in ("them", "whom", "those"):
            return People(None, None, pos)  # "35 of them dead": the predicate decides
        for size in (3, 2, 1):  # multi-word nouns first ("health workers", "aid workers")
            if len(words) < size:
                continue
            phrase = " ".join(lowered[-size:])
            if size == 1 and (phrase in MODIFIERS or phrase in ("lebanese", "chinese")) and \
                    (_NOUN_NEXT.match(text, match.end()) or (
                        phrase in ("lebanese", "chinese")
                        and (thing := _NOUN_AFTER_ADJECTIVE.match(text, match.end()))
                        and is_thing_noun(thing.group(1).lower()))):
                continue  # "the dead hostages", "Lebanese soldiers": here "dead" or "Lebanese"
                # describes the next noun (also a thing's: "two Lebanese television channels")
            group = _group_of(phrase)
            if group:
                start = words[0].start()
                if lowered[0] in ("of", "the"):
                    start = words[-size].start()
                # "440 of its members": whose members the sentence before the count says
                own = phrase == "members" and lowered[:2] in (["of", "its"], ["of", "their"])
                since = max(0, pos - 100, text.rfind(". ", max(0, pos - 100), pos)) if own else 0
                if phrase == "members" and (_OF_ARMED_GROUP.match(text, match.end()) or (
                        own and _ARMED_GROUP_BEFORE.search(text, since, pos))):
                    group = "militants"  # "members of Hamas", "Hezbollah says 440 of its
                    # members"
                elif own and _PRESS_BODY_BEFORE.search(text, since, pos):
                    group = "journalists"
                elif phrase == "members" and (of := _MEMBERS_OF.match(text, match.end())) and \
                        group_in(of.group("who")) in BREAKDOWN:
                    group = group_in(of.group("who"))  # "members of the medical staff"
                elif group == "aid_workers" and _COLLEAGUES.fullmatch(phrase):
                    group = _colleagues(text, pos) or group
                elif group in ("children", "women") and _AND_GROUP.match(text, match.end()):
                    group = "people"  # "29,980 children, women and the elderly"
                elif group == "family" and _KIN_OF.match(text, match.end()):
                    group = "thing"  # "50 wives of soldiers killed": whose kin they are
                    # tells who died, not they
                return People(group, text[start : match.end()], match.end())
        if word in MODIFIERS or (match.group()[0].isupper() and len(words) <= 3):
            continue  # "Hamas", "IDF", "Thai" ... or a name of a group before the noun
        if word in ("and", "or") and len(words) > 1:
            if _NUMBER_SOON.match(text, match.end()):
                # "86 Israeli and 24 foreign hostages": the noun comes after the last conjunct
                return People(None, None, pos)
            continue  # "health and care workers": one noun phrase
        if word != lowered[-1] and _BODIES_NEXT.match(text, match.end()):
            continue  # "four hostages' bodies": whose bodies they are
        if word not in FUNCTION_WORDS and not _EVENT_RE.fullmatch(match.group()) and \
                (word.isalpha() or _POSSESSIVE.fullmatch(word)
                 or ("-" in word and _NOUN_NEXT.match(text, match.end()))) and unknown < 2:
            # an owner is a word we may skip too: "10 of the group's fighters"
            unknown += 1
            continue
        break
    # no people noun: a verb or preposition follows ("253 were abducted", "rose to 10,022.")
    if not words:
        return People(None, None, pos)
    first = words[0].group().lower()
    if len(words) == 1 and not first.endswith(("ed", "en")) and first not in FUNCTION_WORDS \
            and (thing := _THING_NEXT.match(text, words[0].end())) and \
            _EVENT_RE.fullmatch(words[0].group()):
        # "1,200 displacement sites", "150,000 housing units": an event word naming a thing
        return People("thing", text[words[0].start() : thing.end()], thing.end())
    if (households := _HOUSEHOLDS_NEXT.match(text, words[0].end())) and \
            _EVENT_RE.fullmatch(words[0].group()):
        # "250 displaced families": households, which no metric counts
        return People("thing", text[words[0].start() : households.end()], households.end())
    if first in FUNCTION_WORDS or _EVENT_RE.fullmatch(words[0].group()) or \
            first.endswith(("ing", "ly")) or first in _PARTICIPLES or \
            text.startswith(" came home", pos):  # "All 20 came home": freed
        # "250 serving life sentences", "35 known to be dead", "13 shortly before noon", "111
        # detained in Gaza": a participle or adverb, no noun
        return People(None, None, pos)  # "671,000 sheltering in ...": the event, no noun
    return People("thing", text[words[0].start() : words[0].end()], words[0].end())


_PARTICIPLES = frozenset("""known confirmed believed detained arrested jailed imprisoned
deported sentenced convicted exiled expelled fell recovered retrieved pulled found buried
identified exhumed given cited announced published issued quoted""".split())
# ("including 17 recovered from rubble": bodies; "from the 1,400 given at first": a count)
_THING_NEXT = re.compile(r"\s+(?:sites?|units?|centres?|centers?|facilities|locations?|areas?|"
                         r"zones?|orders?|camps?|shelters?|buildings?|homes?|houses?)\b",
                         re.IGNORECASE)
_TIME_AFTER = re.compile(r"\s+(?:a few|an|a|several|some)\s+(?:\w+\s+)?(?:hours?|minutes?|days?|"
                         r"weeks?)\s+(?:later|after|earlier)\b", re.IGNORECASE)
_NUMBER_SOON = re.compile(rf"\s+(?:\S+\s+){{0,2}}?(?:\d|(?:{_FIRST_NUMBER_WORDS}|hundred)\b)",
                          re.IGNORECASE)
FUNCTION_WORDS = set("""
were was are is have has had been be being will would could may might more of in on at and or
to from by since as so but with without among including include includes included across
inside into who which that
killed dead died wounded injured missing displaced abducted kidnapped freed released rescued
remain remained remaining still held hostages according people mostly many others the
were, taken seized captured murdered slain believed thought feared presumed reportedly now
after before during amid following when while until far alone altogether overall through
also not no yet then last this since over under about
them whom those whose these they it its us we along near inside outside around within beyond
presumably reportedly allegedly mostly mainly reported
earlier later ago previously yesterday today overnight
""".split())  # the last line: times, "up from 199 earlier in the week" counts no "earlier"


def events_in(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, event) for every event word in text[start:end]."""
    return [(start + m.start(), start + m.end(), _EVENT_NAMES[m.lastgroup])
            for m in _EVENT_RE_LOWER.finditer(lower(text[start:end]))]


def nearest_event(events: list[tuple], pos: int, end: int, skip: tuple[int, int] | None = None,
                  after_only: bool = False, limit: int | None = None,
                  noun_end: int | None = None, text: str | None = None) -> str | None:
    """The event of a number: the first main verb after it and before the next number ("105
    captives held in Gaza were freed" -> freed), else the nearest event word (after wins a tie).
    """
    candidates = [e for e in events if not (skip and skip[0] <= e[0] < skip[1])]
    # "40 patients were trapped inside, where a medic was killed": a "where" clause after the
    # count tells another event, and so does "since he was ..." (looked for once, near the
    # count: this runs for every number, so the "since" pattern, with no first character to
    # scan for, only where the word is)
    found = _WHERE_CLAUSE.search(text, end, end + 300) if text else None
    where = found.start() if found else float("inf")
    if text and "since" in text[end:end + 300].lower() and \
            (since := _SINCE_ANOTHER.search(text, end, end + 300)):
        where = min(where, since.start())
    if after_only:
        candidates = [e for e in candidates if e[0] >= end]
    governing = [e for e in candidates if 0 <= pos - e[1] <= 20  # "rescued four hostages alive"
                 and not (text and "," in text[e[1]:pos])  # ("133 still in Gaza, 604 ...")
                 and (pos - e[1] <= 2 or (text and (
                     _DETERMINERS.fullmatch(text, e[1], pos)
                     # "the release of 105 hostages held in Gaza": a deed named as a noun
                     or (_OF_DETERMINERS.fullmatch(text, e[1], pos)
                         and text[e[0]:e[1]].lower() in _DEEDS))))]
    # "have rescued seven hostages alive ... and have recovered the bodies of 30": the count
    # is the object of a finite verb, and a verb after "and" is the next of the same subject
    # (so is a count right after its verb: "troops shot dead three hostages ..., although one
    # of them was holding a white flag"; not after a participle describing it: "The kidnapped
    # 12 Thai farmhands were freed")
    verb = governing[-1] if governing else None
    object_of = verb is not None and len(verb) > 3 and (verb[3] or (
        text is not None and _DETERMINERS.fullmatch(text, verb[1], pos) is not None
        and not _THE_BEFORE.search(text, max(0, verb[0] - 8), verb[0])))
    main = [e for e in candidates
            if e[0] >= end and (limit is None or e[0] < limit) and len(e) > 3 and e[3]
            and not (text and _NEW_CLAUSE.search(text, end, e[0])) and e[0] < where
            and not (object_of and text and _AND.search(text, end, e[0]))]
    if main and text and (around := [e for e in candidates if e[0] < pos and e[1] > end]) \
            and "," in text[end:main[0][0]]:
        # "... and seized 253 hostages, has killed 13,000": the phrase that holds the count is
        # its own; a main verb past a comma is another clause's
        return around[-1][2]
    if main and text and (comma := text.find(",", end, main[0][0])) >= 0 and \
            _WHERE_BEFORE.search(text, max(0, pos - 30), pos) and \
            (inside := [e for e in candidates if end <= e[0] < comma]):
        # "where some 24,000 people lived before the raid, all have fled": the relative
        # clause that holds the count is its own
        return inside[0][2]
    if main:
        return main[0][2]
    if noun_end is not None and not governing:  # "45 were martyred and 249 others wounded"
        adjacent = [e for e in candidates if noun_end <= e[0] <= noun_end + 2 or (
            text and noun_end <= e[0] <= noun_end + 13  # "10,000 people still missing",
            and _LINK_GAP.fullmatch(text, noun_end, e[0]))]  # "200 more still missing"
        if adjacent:
            return adjacent[0][2]
    if governing and noun_end is not None and noun_end > end:
        # "have killed at least 33 hostages held in Gaza": the verb whose object the count is
        # wins over a participle that only describes its noun
        return governing[-1][2]
    best, best_distance = None, None
    for e_start, e_end, name, *_ in candidates:
        if e_start >= where or (text and e_end <= pos and _NEW_CLAUSE.search(text, e_end, pos)) \
                or (text and e_start >= end and _NEW_CLAUSE.search(text, end, e_start)):
            continue  # ("has killed 600 of our people, and it bears responsibility for its 59
            # captives": the verb of the clause before is not this count's, nor one after ",
            # and that ...")
        distance = e_start - end if e_start >= end else pos - e_end + 1
        if best_distance is None or distance < best_distance:
            best, best_distance = name, distance
    return best


# "... about 150 wounded from the camp, and there are still bodies under the rubble": the
# verb of the next clause is not this number's predicate
_NEW_CLAUSE = re.compile(r",\s+(?:(?:and|but|while)\s+(?:there|it|they|he|she|we|that)|"
                         r"but\s+not|and\s+(?:warned|added|stressed|cautioned)\s+that)\b",
                         re.IGNORECASE)
# ("... live in the Strip, and that 90 percent of them"; "2.5 million pupils went back to school,
# but not the north's evacuees": others' lot)
_AND = re.compile(r"\band\b")
# (and ", some of whom may no longer be alive": the state of a part of them)
_WHERE_CLAUSE = re.compile(r",\s+(?:where\b|(?:some|many|most|several) of whom\b)",
                           re.IGNORECASE)
# "saw his two daughters for the first time since he was dragged from his home": a "since"
# clause whose subject is one person, never the count, dates another's event; not "they", often
# the counted themselves ("Two soldiers, missing since they were ambushed, were found dead")
_SINCE_ANOTHER = re.compile(r"\ssince\s+(?:he|she|I)\s+(?:was|(?:had|has)\s+been)\b",
                            re.IGNORECASE)
# what may link a count or its noun to its own state: "10,000 people still missing", "11,000
# people remain missing", "200 more still missing"
_LINK_GAP = re.compile(r"\s+(?:more\s+)?(?:still|remain|remains|remained|are still|were still)\s+",
                       re.IGNORECASE)
_WHERE_BEFORE = re.compile(r"\bwhere\s+(?:(?:some|about|around|nearly|over|more than|at least|"
                           r"an estimated)\s+)?$", re.IGNORECASE)
# a determiner before an event word makes it a participle describing the count ("The kidnapped
# 12 ... were freed"), not a verb taking it as object
_THE_BEFORE = re.compile(r"\b(?:the|these|those|its|their|his|her|our)\s+$", re.IGNORECASE)
# what may stand between a verb and the number it governs: "rescued the last four", "killed
# more than 70 of the captives held in Gaza" (a qualifier, not another word of the clause)
_DETERMINERS = re.compile(r"\s*(?:the\s+)?(?:last\s+|first\s+|remaining\s+|other\s+|final\s+)?"
                          r"(?:(?:more than|at least|about|around|some|nearly|almost|over|"
                          r"up to|as many as|an estimated|roughly|approximately|upwards of|"
                          r"no fewer than|fewer than|less than)\s+)?", re.IGNORECASE)
# a deed named as a noun governs the count after "of": "the release of 105 hostages"
_DEEDS = frozenset({"release", "return", "rescue", "freeing", "killing", "abduction"})
_OF_DETERMINERS = re.compile(r"\s+of\s+(?:the\s+)?(?:(?:more than|at least|about|around|some|"
                             r"nearly|almost|over|up to|as many as|an estimated)\s+)?",
                             re.IGNORECASE)
_NUMBER_NEXT = re.compile(rf"\s+(?:\d|(?:{_FIRST_NUMBER_WORDS})\b)", re.IGNORECASE)
_REMAIN_UNCLEAR = re.compile(r"\s+(?:unclear|unknown|uncertain|a mystery|to be seen)\b",
                             re.IGNORECASE)
# "3,500 children are at risk of death", "a death zone": no one's death is counted
_DEATH_NOT_BEFORE = re.compile(r"\b(?:risk|danger|brink|verge|threat|fear)s? of\s+$|"
                               # "Their deaths brought 500,000 people onto the streets": the
                               # deaths of people named before, not a count's
                               r"(?:^|[.;\n]\s*)(?:their|his|her)\s+$", re.IGNORECASE)
# "conditions of starvation, destitution and death": a state described, no one's death counted
_CONDITIONS_BEFORE = re.compile(r"\b(?:starvation|famine|hunger|destitution|disease|misery)\b"
                                r"[\w ,]{0,30}\band\s+$", re.IGNORECASE)
_DEATH_NOT_AFTER = re.compile(r"\s+(?:zones?|traps?|penalty|threats?|sentences?|row)\b",
                              re.IGNORECASE)
_PLACE_BEFORE = re.compile(r"\b(?:school|building|shelter|tent|camp|cent(?:re|er)|hospital|"
                           r"mosque|church|house|home|compound|facility|warehouse)s?\s+$",
                           re.IGNORECASE)
_OWNER_BEFORE = re.compile(r"\b(?:the|their|his|her|whose|of)\s+$", re.IGNORECASE)
_AUXILIARY = for_lower(r"\b(?:were|was|are|is|been|be|have|has|had)\s+(?:\w+\s+){0,2}$")


def _no_event(text: str, ev: tuple[int, int, str]) -> bool:
    """An event word that says nothing happened to anyone counted here."""
    start, end, name = ev
    word = text[start:end].lower()
    if name == "remaining":
        return bool(_REMAIN_UNCLEAR.match(text, end)  # "the fate of 150 ... remained unclear"
                    or (word == "remaining" and _NUMBER_NEXT.match(text, end))
                    # "the remains were identified", "one set of remains": the noun (a body),
                    # not the verb
                    or (word == "remains" and _OWNER_BEFORE.search(text, max(0, start - 8),
                                                                   start)))
    return name == "killed" and word.startswith("death") and bool(
        _DEATH_NOT_BEFORE.search(text, max(0, start - 12), start)
        or _CONDITIONS_BEFORE.search(text, max(0, start - 40), start)
        or _DEATH_NOT_AFTER.match(text, end))


def mark_main_verbs(text: str, low: str, events: list[tuple[int, int, str]]) -> list[tuple]:
    """Flag event words that follow an auxiliary ("were freed", "are still held"): the main
    verb of a clause wins over a participle that only describes the noun ("captives held").
    `low` is `text` lower-cased (sentences.lower)."""
    events = [ev for ev in events if not _no_event(text, ev)]
    # "12 of them in a school sheltering displaced families": the school shelters them, and
    # "displaced" says who
    # (but "shelters housing about 26,000 displaced people" counts those sheltered)
    housed = [ev for ev in events if ev[2] == "sheltering" and text[ev[1] - 3:ev[1]] == "ing"
              and _PLACE_BEFORE.search(text, max(0, ev[0] - 14), ev[0])
              and not _COUNT_NEXT.match(text, ev[1])]
    events = [ev for ev in events if ev not in housed
              and not any(0 <= ev[0] - h[1] <= 2 for h in housed)]
    # "the remaining 13 shortly before noon": a determiner, not a state
    kept = [ev for i, ev in enumerate(events)  # "remain displaced": the second word decides
            if not (ev[2] == "remaining" and text[ev[0]:ev[1]].lower().startswith("remain")
                    and i + 1 < len(events) and events[i + 1][0] - ev[1] <= 12
                    and events[i + 1][2] in ("displaced", "missing", "alive", "dead", "killed"))]
    return [(s, e, name, (bool(_AUXILIARY.search(low, max(0, s - 30), s))
                          and not _RELATIVE_AUX.search(low, max(0, s - 40), s))
             or (name == "dead" and text[s:s + 4].lower() in ("are ", "is d", "were", "was "))
             or (name == "remaining" and text[s:s + 6].lower() == "remain"))
            for s, e, name in kept]


_COUNT_NEXT = re.compile(r"\s+(?:(?:about|some|around|roughly|nearly|over|more than|at least)\s+)?"
                         r"\d", re.IGNORECASE)
# "450 people who were sheltering inside": a relative clause describes, it is not the predicate
_RELATIVE_AUX = for_lower(r"\b(?:who|which|that|whose\s+\w+)\s+(?:were|was|are|is|had|have|"
                          r"has)\s+(?:\w+\s+){0,2}$")


_MILITARY_RESCUE = re.compile(
    r"\b(?:rescue|raid|special forces|commandos?|military operation|operation by|"
    r"by (?:israeli )?(?:troops|soldiers|forces|the idf|the military|the army))\b",
    re.IGNORECASE,
)

# "Troops freed two men ... and one female soldier": the army frees by force
_TROOPS_FREED = re.compile(r"\b(?:troops|special forces|commandos) (?:have |had )?"
                           r"(?:freed|released)\b", re.IGNORECASE)

BREAKDOWN = {
    "children": "killed_children", "women": "killed_women", "medics": "medics_killed",
    "journalists": "journalists_killed", "aid_workers": "aid_workers_killed",
    "soldiers": "soldiers_killed", "militants": "militants_killed",
}


_HOSTAGE_CONTEXT = re.compile(r"hostage|captiv|captors|abduct|kidnap|seized|still (?:being )?held|"
                              r"held (?:in|by) (?:gaza|hamas)|custody of (?:hamas|islamic jihad|"
                              r"militants|the group|armed groups)",
                              re.IGNORECASE)
_REMAIN_IN = re.compile(r"\bremain(?:s|ed)?\s+(?:trapped\s+|behind\s+)?in\s+(?:the\s+)?"
                        r"(?:northern|southern|central|eastern|western|north|south)?\s*(?-i:[A-Z])",
                        re.IGNORECASE)
# "In Beit Hanoun, fewer than 15,000 are thought to remain": the place opens the sentence
# (not "In all, ...")
_IN_PLACE_FIRST = re.compile(r"[\s\-–•*]*In\s+(?:northern\s+|southern\s+)?(?-i:[A-Z])(?!ll\b)")
_LIVED_THERE = re.compile(r"\b(?:lived|living|residents|inhabitants|population|home to)\b",
                          re.IGNORECASE)
_REMAIN_OTHERWISE = re.compile(r"\bremain(?:s|ed)?\s+(?:in\s+(?:hospital|(?:a\s+)?(?:critical|"
                               r"serious|stable))|under|hospitali[sz]ed|unaccounted|unidentified|"
                               r"unclear|unknown)\b", re.IGNORECASE)
_HOSTAGE_DEATH_HEDGE = re.compile(r"\b(?:believed|presumed|thought|feared|confirmed|declared)\b",
                                  re.IGNORECASE)
_PRISONER_CONTEXT = re.compile(r"prisoner|detainee|\bjails?\b|\bprisons?\b", re.IGNORECASE)
_AID_STAFF = re.compile(r"\b(?:workers|staff|employees|volunteers)$", re.IGNORECASE)
_AID_CONTEXT = re.compile(r"\b(?:charity|aid|humanitarian|relief|unrwa|ngo|world central kitchen|"
                          r"red crescent|un agency|agency)\b", re.IGNORECASE)
_HAMAS_FREES = re.compile(r"\b(?:hamas|houthis|islamic jihad|hezbollah|captors)\s+(?:\w+\s+){0,2}"
                          r"(?:release|free|hand|return)",
                          re.IGNORECASE)
_ISRAELI_PEOPLE = re.compile(r"\bisraeli\s+(?:women|children|men|civilians|hostages|captives|"
                            r"nationals|citizens|mothers|teenagers|soldiers)\b", re.IGNORECASE)
_ISRAELIS = re.compile(r"\bisraelis?\b", re.IGNORECASE)
_FOREIGN = re.compile(r"\b(?:thai|thais|nepal\w*|filipinos?|foreign)\b", re.IGNORECASE)
_DEPORTED = re.compile(r"\b(?:deported|exiled|expelled|sent abroad)\b", re.IGNORECASE)
_FROM_JAIL = re.compile(r"\bfrom (?:\w+\s+){0,2}(?:jails?|prisons?|detention)\b", re.IGNORECASE)


@lru_cache(maxsize=64)
def _context(sentence: str) -> tuple[bool, bool]:
    """(hostage words, prisoner words) in a sentence; cached, as every number of a sentence
    asks the same question."""
    lower = sentence.lower()  # plain substring tests: many times faster than the patterns
    hostages = _HOSTAGE_WORD.search(lower) is not None and (
        _HOSTAGE_SURE_WORD.search(lower) is not None or bool(_HOSTAGE_CONTEXT.search(sentence)))
    prisoners = _PRISONER_WORD.search(lower) is not None and (
        _PRISONER_SURE_WORD.search(lower) is not None or bool(_PRISONER_CONTEXT.search(sentence)))
    return hostages, prisoners


_HOSTAGE_WORDS = ("hostage", "captiv", "captor", "abduct", "kidnap", "seized", "held", "custody")
_PRISONER_WORDS = ("prisoner", "detainee", "jail", "prison")
# Whole branches of the patterns above, plain words: finding one answers without the pattern.
_HOSTAGE_SURE = ("hostage", "captiv", "captors", "abduct", "kidnap", "seized")
_PRISONER_SURE = ("prisoner", "detainee")
_HOSTAGE_WORD, _PRISONER_WORD = any_of(_HOSTAGE_WORDS), any_of(_PRISONER_WORDS)
_HOSTAGE_SURE_WORD, _PRISONER_SURE_WORD = any_of(_HOSTAGE_SURE), any_of(_PRISONER_SURE)


_CROSSED = re.compile(r"\bcrossed\b", re.IGNORECASE)
_FOREIGNERS = re.compile(r"\b(?:foreign|dual)\b.{0,12}\bnationals\b|\bpassport holders\b",
                         re.IGNORECASE)
_INTO_ISRAEL = re.compile(r"\bcrossed (?:the border |the fence )?into (?:southern )?Israel\b",
                          re.IGNORECASE)
_DECEASED = re.compile(r"\b(?:deceased|dead)\b", re.IGNORECASE)
_LIVING = re.compile(r"\b(?:living|alive)\b", re.IGNORECASE)
_HANDED_BACK = re.compile(r"\b(?:releas|free|return|hand)", re.IGNORECASE)
# "The four bodies were identified as ...", "... brought home for burial": after a sentence on
# hostages' remains handed over, the same bodies
_IDENTIFIED_OR_BROUGHT = re.compile(r"\b(?:identified|brought (?:back|home))\b", re.IGNORECASE)
# "Hamas hands over four more bodies", "the number of bodies handed to Israel": the captors
# give back the dead they held, whether or not the sentence says "hostages"
_CAPTORS_RETURN = re.compile(r"\b(?:hamas|islamic jihad)\b[^.;]{0,30}?\b(?:hand|return|releas|"
                             r"transfer|deliver)|\b(?:handed|returned|transferred|delivered)\s+"
                             r"(?:over\s+)?to\s+(?:israel|the red cross|the icrc)\b",
                             re.IGNORECASE)


def talks_of_hostages(text: str) -> bool:
    return _context(text)[0]


def is_thing_noun(word: str) -> bool:
    """'hospitals', 'facilities', 'trucks': things a number may count that are not people."""
    return bool(_NOT_PEOPLE_AFTER.match(" " + lower(word))) and not _A_MONTH.fullmatch(word)
    # (a month is no thing: "2,840 of the missing may never be found")


def metric_for(group: str | None, event: str | None, sentence: str,
               subject: str | None = None, context: str | None = None,
               local: str | None = None) -> str | None:
    """The metric of a count of `group` in an `event`, or None when it is not a figure.

    `context` (the sentence with the one before it) says whether hostages or prisoners are
    being talked about: "Israel says 59 are in Gaza. It says 24 of them are alive."
    Palestinians, Gazans, detainees or prisoners still held are never hostages, whatever the
    sentence around them talks of: "Israel was still holding more than 10,000 Palestinians".
    """
    metric = _metric_for(group, event, sentence, subject, context, local)
    if metric in ("hostages_remaining", "hostage_bodies_recovered") and group != "hostages" \
            and held_by_israel(subject):
        return None  # (nor are the bodies of Palestinians handed back hostages' bodies)
    return metric


# bodies Gaza's health ministry receives in an exchange: the Palestinians' dead handed back
_GAZA_RECEIVES = re.compile(r"(?:gaza(?:'s|’s)?\s+(?:health\s+)?ministry|ministry\s+(?:of\s+"
                            r"health\s+)?in\s+gaza)\b[^.;]{0,60}?\breceiv", re.IGNORECASE)
_IN_EXCHANGE = re.compile(r"\b(?:so far|from israel|handed|returned|exchange|red cross|icrc|"
                          r"in return)\b", re.IGNORECASE)
_BODIES_OWNER = re.compile(r"(.+?)['’]s?\s+(?:bodies|remains)$")


def held_by_israel(subject: str | None) -> bool:
    """Whether the people counted are those Israel holds: Palestinians, Gazans, detainees,
    prisoners, inmates (at most two words before them: "Palestinian security prisoners")."""
    return bool(subject and _HELD_BY_ISRAEL.fullmatch(subject))


_HELD_BY_ISRAEL = re.compile(r"(?:[\w-]+\s+){0,2}(?:Palestinians|Gazans|detainees|prisoners|"
                             r"inmates)", re.IGNORECASE)


# what a family's members are counted for: "Her two sisters were killed"
_FAMILY_EVENTS = ("killed", "dead", "injured", "missing")


def _metric_for(group: str | None, event: str | None, sentence: str,
                subject: str | None, context: str | None, local: str | None) -> str | None:
    hostage_context, prisoner_context = _context(context or sentence)
    if group == "thing" or (group == "family" and event not in _FAMILY_EVENTS):
        return None
    if event == "dead":
        if (group in (None, "hostages") or (  # "20 alive and 28 confirmed dead"
                group == "people" and subject and subject.lower().endswith(" dead"))) \
                and hostage_context:
            return "hostages_dead"
        event = "killed"
    if group == "hostages":
        if event == "bodies" and subject and _LIVING.search(subject):
            return "hostages_released"  # "25 living hostages and the bodies of eight others"
        if event in (None, "remaining") and subject and _DECEASED.search(subject):
            return "hostages_dead"  # "the 28 deceased hostages still in Gaza"
        if event in (None, "remaining") and subject and _LIVING.search(subject) and \
                not _HANDED_BACK.search(sentence):
            return "hostages_alive"  # "puts 24 living captives at risk": those alive (not
            # "half of the 24 living hostages" a deal would have returned)
        if event == "displaced" and _CROSSED.search(sentence):
            event = "released"  # "Eleven hostages crossed into Egypt": out of Gaza, freed
        if event == "released" and (_MILITARY_RESCUE.search(local or sentence)
                                    or _TROOPS_FREED.search(sentence)):
            return "hostages_rescued"  # "freed by troops in a raid"
        return {
            "released": "hostages_released", "rescued": "hostages_rescued",
            "bodies": "hostage_bodies_recovered", "abducted": "abducted",
            "alive": "hostages_alive", "killed": "hostages_dead",
            "remaining": "hostages_remaining",
        }.get(event or "remaining", "hostages_remaining")
    if group == "prisoners":  # "16 prisoners have died in Israeli custody": the dead
        if event is None and _DEPORTED.search(local or sentence) and \
                _HANDED_BACK.search(context or sentence):
            return "prisoners_released"  # "Israel freed 1,968. Around 154 of the prisoners
            # were to be deported to Egypt": some of those freed, sent abroad
        return "prisoners_released" if event == "released" else "killed" \
            if event == "killed" else None
    if group == "bodies":  # bodies counted in talk of hostages are bodies handed back; other
        # bodies brought to hospitals or pulled from rubble are the dead
        # ("Only four bodies were handed over" after a sentence on the hostages' remains)
        if hostage_context and _GAZA_RECEIVES.search(sentence) and \
                _IN_EXCHANGE.search(sentence):
            return None  # "Gaza's health ministry said it had received 150 bodies": the
            # Palestinians' dead handed back in an exchange, no count of anyone's
        if _context(sentence)[0] or _CAPTORS_RETURN.search(sentence) or \
                (hostage_context and (_HANDED_BACK.search(sentence)
                                      or _IDENTIFIED_OR_BROUGHT.search(sentence))):
            return "hostage_bodies_recovered"
        # (coffins handed over are the hostages' bodies; those followed to a funeral are the
        # dead already counted)
        if subject and "coffin" in subject.lower():
            return None
        owner = _BODIES_OWNER.match(subject or "")  # "1,500 militants' bodies": militants dead
        return BREAKDOWN.get(group_in(owner.group(1)) or "", "killed") if owner else "killed"
    if event is None:
        return None
    if event == "killed" and group == "people" and subject and _AID_STAFF.search(subject) \
            and _AID_CONTEXT.search(sentence):
        return "aid_workers_killed"  # "seven workers from the charity World Central Kitchen"
    if event == "killed":
        if group is None and hostage_context and _HOSTAGE_DEATH_HEDGE.search(sentence):
            return "hostages_dead"  # "132 remain captive, including 25 believed killed"
        return BREAKDOWN.get(group or "", "killed")
    if event == "released":
        if group == "militants":  # "Israel will release 369 terrorists": the prisoners
            return "prisoners_released"  # Israel frees, in the words of its statements
        if _DEPORTED.search(local or sentence):  # "Seventy were deported abroad via Egypt":
            # prisoners freed and sent away (no hostage is deported, nor anyone else counted)
            return "prisoners_released" if prisoner_context or group == "prisoners" else None
        if subject and re.search(r"palestinian|gazan", subject, re.IGNORECASE):
            return "prisoners_released"
        if _FROM_JAIL.search(local or sentence):  # "69 hostages ..., while 150 ... from jails"
            return "prisoners_released"
        if local and _ISRAELI_PEOPLE.search(local) and not _context(local)[1]:
            return "hostages_released"  # "brought to 50 the number of Israeli women and
            # children freed, alongside 150 Palestinian prisoners": whom Hamas freed
        said_hostages, said_prisoners = _context(sentence)
        if said_prisoners and not said_hostages and not _HAMAS_FREES.search(sentence):
            return "prisoners_released"  # the sentence itself speaks of prisoners only
        if not said_hostages and not said_prisoners and prisoner_context and \
                not hostage_context and group != "soldiers" and \
                not _HAMAS_FREES.search(sentence) and not _ISRAELIS.search(sentence) and \
                not (subject and _FOREIGN.search(subject)):
            return "prisoners_released"  # "Israel is to free 90 prisoners. Hamas said 69
            # women and 21 teenage boys were to be released": the sentence before says who
        if hostage_context or group == "soldiers" or \
                re.search(r"\bhamas\b|israeli", sentence, re.IGNORECASE) or \
                _HAMAS_FREES.search(sentence) or (  # "the Houthis freed the 25 crew members"
                    subject and _FOREIGN.search(subject)):  # "Ten Thai nationals ... set free"
            if _TROOPS_FREED.search(sentence):
                return "hostages_rescued"
            return "hostages_released"
        return "prisoners_released" if prisoner_context else None
    if event == "rescued":
        return "hostages_rescued" if hostage_context else None
    if event == "remaining" and group == "people" and hostage_context:
        return "hostages_remaining"
    if event == "bodies":  # "20 people found dead" outside talk of hostages: the dead, of
        # the group counted ("two paramedics found dead")
        return "hostage_bodies_recovered" if hostage_context else \
            BREAKDOWN.get(group or "", "killed")
    if event == "abducted":
        return "abducted"
    if event == "remaining":
        if hostage_context:
            return "hostages_remaining"
        if group not in ("people", None) or prisoner_context:
            return None
        # "400,000 remain in Jabalia", "fewer than 3,000 remain" where the sentence says who
        # lived there: the people still in a place
        return "population" if (_REMAIN_IN.search(sentence) or _LIVED_THERE.search(sentence)
                                 or _IN_PLACE_FIRST.match(sentence)) \
            and not _REMAIN_OTHERWISE.search(sentence) else None
    if event == "alive":  # "300,000 people are still living in the north": who lives there
        return "hostages_alive" if hostage_context else \
            "population" if group == "people" else None
    if event == "displaced" and (group in ("soldiers", "militants")
                                 or _INTO_ISRAEL.search(sentence)
                                 or (subject and _FOREIGNERS.search(subject))):
        return None  # "40 fighters were forced out of the tunnels": no displaced people;
        # "5,000 Gazans crossed into Israel that day": an attack (hostages who cross are freed);
        # "1,100 foreign nationals have left Gaza": going home, not driven from it
    return {"injured": "injured", "missing": "missing", "displaced": "displaced",
            "sheltering": "sheltering", "population": "population"}.get(event)
