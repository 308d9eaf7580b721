# ruff: noqa: SIM905 - word lists read better as text
"""Intimidation with no word of harm: the writer shows that they watch the target and will be there.

"I know what time you lot clock off", "I see you at the bus stop every morning. One of these mornings I'll be
there too", "recognised the beer garden in your profile pic. Be seeing you", "next time I see you on that road
I'm not braking", "see what happens when you're walking back to the station": nothing in them is a verb of harm
(``violence.py``) or a fixed phrase of menace (``menace.py``). What they share is a structure:

- **the writer knows where or when** the target is: "I/we know/found out/clocked where/when/what time
  you/your/he ..." (or "some of you", "which depot/precinct you ...") followed by a place or a routine (live, work,
  park, clock off, walk home, the school run), or "I know your office is on ..." — not "I know where you're coming
  from", "I know what you mean"; knowing when the target's shift ends or train gets in counts only with a meeting
  promised ("... see you around"), not "I know your shift ends at 6, so dinner's at 7";
- **the target's car seen where it is parked**, with a warning anywhere in the comment ("be more careful where
  you leave it", "you'd better hope nobody clocks your car", "would be a shame if") — a parking complaint's "be
  careful, you'll get a ticket" warns of nothing;
- **the writer watches** the target somewhere, routinely ("I see you at the bus stop every morning"), or
  recognised their face, car or photo, **and** the comment promises a meeting ("one of these mornings", "I'll be
  there", "be seeing you", "you'll find out") — a friendly "I see you at the gym every morning, well done!"
  promises nothing;
- a **meeting on the road** that will not be survived: "next time I see you on that road I'm not braking";
- **see what happens** when the target is out alone: "see what happens when you're walking home";
- **doxxing**: a person's private details (a phone number, a home address or flat, where they live, their
  personal accounts, a number plate) posted with an invitation to the readers to act on them ("ring him all
  night", "go and tell her what you think", "you know what to do") — not a police appeal, an office or a
  councillor's surgery, and not an invitation with no one to act on ("call the council on ...").

- **the target's routine told back** to them or about them: what they drive and where they park it, the walk to
  their car after a meeting, the bus their child takes home, the ward where they work nights — with a veiled
  warning in the comment ("think about that", "alone, in the dark", "a friendly reminder", "maybe she'll learn",
  "a quiet word on her way to the car park"); a complaint about someone's parking warns of nothing.

Speech about abuse (``frames.framed``) is passed over. Written from general knowledge (``tests/test_watching.py``);
a finding counts as the lexicon's ``threat`` signal.
"""

from __future__ import annotations

import re
from functools import lru_cache

from masthead.moderation.copies import SENTENCE
from masthead.moderation.frames import framed
from masthead.moderation.lexicon import text_words

_A = "['\u2019]"
_THEM = r"(?:you|u|ya|you lot|your|ur|he|she|they|him|her|them|his|their)"
_PLACE_OR_ROUTINE = (
    r"(?:live|lives|living|work|works|working|park|parks|parked|clock off|clocks off|clock on|finish|finishes|"
    r"finish work|get home|gets home|got home|walk home|walks home|walk the dog|walks the dog|drink|drinks|sleep|"
    r"sleeps|drop (?:the kids|your kids|them) off|school run|train|trains|jog|jogs|shop|shops|catch the bus|"
    r"catches the bus|leave work|leaves work|leave the office|office|offices|house|home|flat|car|kids|children|"
    r"daughter|son|wife|husband|mum|mother|school|gym|pub|church|mosque|desk|bus stop|station|route|shifts?)"
)
# A third person by role: "I know where the reporter parks" (menace only with a meeting promised or "just saying").
_ROLE = (r"(?:the|that|this) (?:reporter|journalist|writer|columnist|editor|presenter|councill?or|mp|judge|"
         r"mayor|magistrate|officer|cop|teacher|head|headteacher|nurse|doctor|author|photographer|ref|referee|"
         r"manager|landlord|activist|campaigner|candidate|minister)")
_ROLE_DETERMINERS = ("the ", "that ", "this ")  # how a ``_ROLE`` begins: a third person, as "he" is
_KNOWS = re.compile(
    rf"\b(?:i|we)(?:{_A}ve| have)? (?:know|knows|found out|find out|clocked|worked out|already know) (?:exactly )?"
    rf"(?:where|when|what time|which (?:school|gym|pub|road|bus|train|route|door|house|car|church|mosque|precinct|"
    rf"station|depot|branch|ward|clinic|surgery|shift))"
    rf" (?:(?:some|all|most|a few|one|each) of )?(?P<who>{_THEM}|{_ROLE})(?:{_A}re| are| is|{_A}s)?"
    rf"(?: [a-z{_A[1:-1]}-]+){{0,4}}? {_PLACE_OR_ROUTINE}\b|"
    rf"\b(?:i|we) (?:know|knows) (?:your|ur|his|her|their) (?:office|offices|house|home|flat|address|car|"
    rf"school|kids{_A}? school|route|shift pattern) (?:is|are|{_A}s) (?:on|in|at|near|by|next to|opposite)\b"
)
# Knowing when the target's day ends or starts: menace only with a meeting promised ("we know your shift ends at
# 11. see you around"), not "I know your shift ends at 6, so dinner's at 7".
_KNOWS_ROUTINE = re.compile(
    r"\b(?:i|we) (?:know|knows) (?:what time |when )?(?:your|ur|his|her|their) (?:shift|shifts|train|bus|"
    r"class|lunch break|school run|walk home|run) (?:ends|finishes|starts|leaves|gets in|is over)\b"
)
_WATCHES = re.compile(
    rf"\b(?:i|we)(?:{_A}ve| have)? (?:see|saw|seen|watch|watched|spot|spotted|clock|clocked) (?:you|u|him|her|"
    rf"them|you lot)(?: [a-z{_A[1:-1]}-]+){{0,2}}? (?:at|on|in|outside|near|by|round|around) "
    rf"[a-z{_A[1:-1]} -]{{1,40}}?\b(?:every|each|most) (?:morning|day|night|evening|week|afternoon|weekend|"
    rf"monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    rf"\b(?:recogni[sz]ed|found|clocked|spotted) (?:the |your |ur |his |her )?(?:[a-z-]+ ){{0,3}}?(?:in|on|from) "
    rf"(?:your|ur|his|her) (?:profile pic|profile picture|profile photo|photo|photos|picture|pictures|selfie|"
    rf"facebook|instagram|posts?)|"
    rf"\b(?:i|we)(?:{_A}ve| have)? got (?:your|ur|his|her) (?:face|car|reg|registration|number plate|plate) "
    rf"(?:on|in) (?:my|our|the) (?:dashcam|camera|cctv|phone|doorbell)"
)
_PROMISED_MEETING = re.compile(
    rf"\bone of these (?:days|mornings|nights|evenings|afternoons)\b|\b(?:i|we)(?:{_A}ll| will) be (?:there|"
    rf"waiting|around|outside|watching)\b|\b(?:be|been) seeing (?:you|u)\b|\bsee (?:you|u) (?:soon|around|there|"
    rf"then)\b|\byou(?:{_A}ll| will) (?:find out|see|learn|regret)\b|\bwatch this space\b|\bwon{_A}?t see (?:me|"
    rf"us|it) coming\b|\bnext time\b|\bjust (?:saying|sayin{_A}?)(?![a-z])"
)
_NOT_BRAKING = re.compile(
    rf"\bnext time (?:i|we) see (?:you|u|him|her|them) (?:on|crossing|in|at|near|from|cycling|riding|walking) "
    rf"(?:that|the|this|my|our|a) (?:[a-z-]+ )?(?:road|street|lane|crossing|roundabout|bike lane|cycle lane|"
    rf"junction|pavement|car park|bike|car|van|lorry|truck|motorway|bypass)\b[^.!?]{{0,40}}?\b(?:i|we)"
    rf"(?:{_A}m| am|{_A}re| are|{_A}ll| "
    rf"will)? ?(?:not|n{_A}t|won{_A}?t|will not) (?:be )?(?:braking|brake|stopping|stop|slowing down|slow down|"
    rf"swerving|swerve|holding back|hold back)\b"
)
_SEE_WHAT_HAPPENS = re.compile(
    rf"\bsee what happens (?:when|if|once|next time|after) (?:you|u|he|she|they)(?:{_A}re| are| is|{_A}s)? "
    rf"(?:walking|walk|leave|leaving|on (?:your|his|her|their) (?:own|way)|alone|out|home|back|at night|in the car "
    rf"park|after the match|after the game)"
)
# The target's car seen where it is parked, with a warning anywhere in the comment: "saw your silver civic parked
# on 5th street this morning. you should be more careful where you leave it", "you'd better hope nobody clocks
# your car in the tesco car park". A friendly "saw your car at the fete" and a parking complaint ("be careful,
# you'll get a ticket") warn of nothing.
_CAR_SEEN = re.compile(
    r"\b(?:saw|seen|spotted|clocked|clocks|spots|sees|noticed|know where) (?:your|ur|his|her|their) "
    r"(?:[a-z-]+ ){0,2}?(?:car|van|motor|bike|motorbike|civic|golf|corsa|fiesta|tesla|audi|bmw|merc|range rover|"
    r"pickup|truck)(?: is)?(?: parked)? (?:on|in|at|outside|near|by|round|down)\b"
)
_WARNING = re.compile(
    rf"\bbe (?:more |very |extra |a bit more )?careful (?:about )?where (?:you|he|she|they) (?:leaves?|parks?) it\b|"
    rf"\b(?:you{_A}?d|you had|you|he{_A}?d|she{_A}?d) better hope\b|\b(?:it{_A}?d|it would|would) be a (?:shame|"
    rf"pity) if\b|\baccidents happen\b"
)
_CAR_WORDS = frozenset("car van motor bike motorbike civic golf corsa fiesta tesla audi bmw merc rover pickup "
                       "truck".split())

# The target's routine told back: "you drive a silver hatchback and park it behind the supermarket", "she has to
# walk to her car after every meeting", "her son gets the 42 bus home at ten past three", "works nights on ward 12",
# "your husband works at the dealership on route 9", with a veiled warning anywhere in the comment (``_VEILED``).
_ROUTINE_TOLD = re.compile(
    rf"\byou (?:drive|park|leave|walk|jog|run|cycle|ride|drink|train|swim|get the|catch the|take the|"
    rf"drop (?:the|your) kids)\b"
    rf"[^.!?]{{0,60}}?\b(?:on|behind|outside|at|near|opposite|round|past|every|most|each|by)\b|"
    rf"\b(?:he|she|they|(?:your|ur|his|her|their) (?:wife|husband|son|daughter|kids?|children|partner|mum|mom|dad|"
    rf"lad|boy|girl|little one)|(?:the|that|this) [a-z-]+(?: of the [a-z-]+)?|(?:councill?or|member|mr|mrs|ms|"
    rf"dr|judge|sister|nurse) [a-z-]+|(?:the|that|this) [a-z-]+ (?:who|that) [a-z -]{{1,40}}?)"
    rf"(?:{_A}s| is| are| has to| have to| still)? (?:walks?|drives?|parks?|works?(?: nights| "
    rf"days| late| shifts)?|gets? the|catches the|takes the|goes to|at|in year|finishes|leaves)\b"
    rf"[^.!?]{{0,60}}?\b(?:every|most|each|after|on|at|behind|outside|home|ward|year|round|bus)\b"
)
_VEILED = re.compile(
    rf"\bthink (?:about|on) (?:that|this|it)\b|\b(?:a |just a )?friendly reminder\b|\balone[.,!]|\bin the dark\b|"
    rf"\b(?:he|she|they|you)(?:{_A}ll| will| might| may) (?:learn|find out) what it(?:{_A}s| is)? "
    rf"(?:like|feels like)\b|"
    rf"\bquiet word\b|\b(?:i{_A}ll|we{_A}ll) be seeing you\b|\bkeep (?:running|shooting) (?:your|ur) mouth\b|"
    rf"\bsee you (?:there|then|soon),? (?:big|hard|tough) (?:man|guy|lad)\b|\bpaying attention\b|"
    rf"\bwould be a (?:shame|pity)\b|\bsleep (?:well|tight)\b|"
    rf"\b(?:lovely|nice|beautiful|cute) (?:family|kids|house|home|photos|family photos)\b|\bwould hate for\b|"
    rf"\bbefore (?:you|he|she) (?:write|writes|post|posts|publish|publishes) (?:your|his|her|another|the) next\b"
)
_ROUTINE_WORDS = frozenset("drive drives park parks walk walks works work bus ward car gets catches takes goes "
                           "leave leaves finishes drink train swim".split())

# Doxxing: private details and, in the same comment, the readers sent to the person.
_PRIVATE_DETAILS = re.compile(
    r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b|\(?\b\d{3}\)?[ -]\d{3}-\d{4}\b|"  # a UK or a US phone number
    r"\b(?:lives|living|staying) (?:at|on) |\bhome address\b|\b(?:apt|apartment|flat|unit) \d|"
    r"\b(?:his|her|their|(?:[a-z]+(?:'|\u2019)s)) (?:home address|address|personal (?:number|mobile|phone|email)|"
    r"number plate|plate|reg|registration|facebook|instagram|tiktok|twitter|"
    r"cell(?= is\b|:))\b|"
    r"\bpersonal (?:mobile|number|phone|email)\b|\b(?:plate|reg)(?: is| number)?:? [a-z]{2}\d{2} ?[a-z]{3}\b|"
    r"\bshift (?:finishes|ends) at\b"
)
_PUBLIC_DETAILS = re.compile(r"\b(?:office|surgery|constituency|switchboard|helpline|hotline|reception desk|"
                             r"press office|police|crimestoppers|appeal|witnesses|101|999|911)\b")
_SENT_TO_THEM = re.compile(
    r"\b(?:go|ring|call|phone|text|message|email|e-mail|tell|ask|visit|flood|spam|bombard|pester|hound|find|"
    r"pop round|drop by|knock)(?: and (?:ask|tell|see|give|visit|ring|call))? (?:him|her|them)\b|"
    r"\b(?:go|pop|head) (?:and )?(?:round|over|down)(?: there)?\b|\b(?:go|come) (?:and )?(?:tell|ask|see|visit|find) "
    r"(?:him|her|them)\b|\blet (?:him|her|them) know\b|\bpay (?:him|her|them) a visit\b|"
    r"\bgive (?:him|her|them) a (?:call|ring|bell|visit|knock|piece of your mind)\b|"
    r"\bdo (?:what|whatever) you (?:want|like|will|wish)\b|\byou (?:all )?know what to do\b|"
    r"\bhave at (?:it|him|her|them)\b|\bmake (?:his|her|their) (?:life|lives) (?:hell|a misery)\b"
)
_PRAISED = re.compile(r"[^.!?]{0,20}?\b(?:go|goes|went|work|works) (?:to|at) (?:has|have|is|was|won|got|gets|had)\b")
_THIRD_PERSON = frozenset(("he", "she", "they", "him", "her", "them", "his", "their"))
_DOXXING_WORDS = frozenset("lives living staying home apt apartment flat unit his her their personal plate reg "
                           "shift".split())
_DIGIT = re.compile(r"\d")
# Each reading runs only when words it cannot do without are in the comment: both of one pair of sets.
_NEEDS = (
    (frozenset("know knows found find clocked worked".split()), frozenset("where when what which your ur his her "
                                                                         "their".split())),
    (frozenset(("next",)), frozenset("braking brake stopping stop slowing slow swerving swerve holding hold".split())),
    (frozenset(("happens",)), frozenset(("see",))),
    (frozenset("see saw seen watch watched spot spotted clock clocked recognised recognized found got".split()),
     frozenset("every each most profile photo photos picture pictures selfie facebook instagram post posts dashcam "
               "camera cctv doorbell".split())),
    (frozenset("know knows".split()), frozenset("shift shifts train bus class lunch school walk run".split())),
)


def _doxxing(text: str) -> re.Match[str] | None:
    """Private details posted with the readers sent to act on them (see the module doc); the details found."""
    # The sending first: it is rare, and a quarter of the cost of the details' many-branched search.
    if not _SENT_TO_THEM.search(text):
        return None
    details = _PRIVATE_DETAILS.search(text)
    if details is None:
        return None
    # An office, a surgery, a police appeal in the details' sentence makes them public ("her office number").
    sentence = next(found for found in SENTENCE.finditer(text) if found.end() > details.start())
    if _PUBLIC_DETAILS.search(text, sentence.start(), sentence.end()):
        return None
    return details


@lru_cache(maxsize=8)
def matches(normalised_text: str) -> tuple[tuple[str, str, str], ...]:
    """(signal, label, matched text) for the first intimidation found, as ``menace.matches`` gives them."""
    words = text_words(normalised_text)
    text = normalised_text
    if not _DOXXING_WORDS.isdisjoint(words) or _DIGIT.search(text):
        details = _doxxing(text)
        if details is not None and not framed("threat", text, details.start(), details.end()):
            return (("threat", "doxxing", details.group(0)),)
    if not _CAR_WORDS.isdisjoint(words) and _WARNING.search(text):
        for found in _CAR_SEEN.finditer(text):
            if not framed("threat", text, found.start(), found.end()):
                return (("threat", "intimidation", found.group(0)),)
    if not _ROUTINE_WORDS.isdisjoint(words) and _VEILED.search(text):
        for found in _ROUTINE_TOLD.finditer(text):
            if not framed("threat", text, found.start(), found.end()):
                return (("threat", "intimidation", found.group(0)),)
    for (pattern, needs_meeting), (first, second) in zip(((_KNOWS, False), (_NOT_BRAKING, False),
                                                          (_SEE_WHAT_HAPPENS, False), (_WATCHES, True),
                                                          (_KNOWS_ROUTINE, True)), _NEEDS, strict=True):
        if first.isdisjoint(words) or second.isdisjoint(words):
            continue
        for found in pattern.finditer(text):
            # Knowing where a third person works may be a pointer ("write to them"); the reader's own places, or
            # anyone's with a meeting promised, are menace.
            who = found.group("who") if pattern is _KNOWS else None
            third = who is not None and (who in _THIRD_PERSON or who.startswith(_ROLE_DETERMINERS))
            if (needs_meeting or third) and not _PROMISED_MEETING.search(text, found.end()):
                continue
            if pattern is _KNOWS and _PRAISED.match(text, found.end()):
                continue  # "I know which school your kids go to has the best results": the school is the subject
            if not framed("threat", text, found.start(), found.end()):
                return (("threat", "intimidation", found.group(0)),)
    return ()
