"""Small built-in word lists the screening code needs before any publisher has configured anything.

``TARGET_WORDS`` guides normalisation: when a disguised token could be read several ways (``1`` as *i* or *l*,
``*`` as any letter, a stretched ``fuuuck``), the reading that is one of these words wins. It is deliberately short
and only ever matched as a whole word, so innocent words that merely contain one (Scunthorpe, assess, cockpit) are
never touched. Publishers add their own reject/hold lists as ``WordRule`` rows.

The patterns for threats and for calls for violence against whole groups cover the known weakness of word-level
classifiers on threats; see docs/moderation.md. They were written from general knowledge of abusive comments, not
tuned on any evaluation set.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from masthead.moderation.frames import framed

TARGET_WORDS = frozenset(
    [
        "ass", "arse", "asshole", "arsehole", "bastard", "bitch", "bitches", "bollocks", "bullshit", "cock",
        "cocks", "crap", "cunt", "cunts", "dick", "dicks", "dickhead", "dumb", "dumbass", "fag", "fags",
        "faggot", "faggots", "fuck", "fucked", "fucker", "fuckers", "fucking", "fuckin", "idiot", "idiots",
        "imbecile", "jerk", "kill", "killed", "killing", "loser", "losers", "moron", "morons", "motherfucker",
        "nazi", "nigga", "nigger", "niggers", "piss", "pissed", "prick", "pussy", "rape", "raped", "rapist",
        "retard", "retarded", "retards", "scum", "shit", "shits", "shitty", "slut", "sluts", "stupid", "trash",
        "twat", "wanker", "whore", "whores", "die", "dead", "hate", "hang", "shoot", "stab", "burn", "murder",
        "filth", "vermin", "garbage", "pathetic", "ugly"
    ]
)

# Common short words, for splitting run-together text ("#youareanidiot", "y o u a r e a n i d i o t") into words.
COMMON_WORDS = frozenset(
    """a i an the and or but if of to in on at by for with from as is am are was were be been being do does did
    done have has had not no yes so too very just only all any some every each one two three who what when where
    why how which this that these those there here then than them they their he she him her his hers it its you
    your yours u ur we us our me my mine myself yourself himself herself themselves itself go get got gets going
    gone make made take took see saw seen know knew think said say says tell told want need like love lives live
    life die dies death hate hates kill kills hope wish should would could will can cant shall must may might let
    out up down off over back away now never ever again still also more most much many less least good bad best
    worst great big small little old new real true false right wrong left man men woman women people person
    kid kids child children boy boys girl girls family mother mom mum father dad son daughter wife husband
    friend friends country world nation state city town home house time day days year years way thing things
    matter matters black white brown gay trans jew jews muslim muslims christian christians immigrant immigrants
    trump biden obama news fake media press vote voted voter voters party government police law laws tax taxes
    money work job jobs free freedom america american americans britain british uk usa usa canada europe china
    god jesus go away stop shut lock them up build wall maga first last end enough shame traitor traitors
    liar liars lies loser losers clown clowns pig pigs rat rats snake snakes dog dogs animal animals
    sick dumb fat ugly lazy evil crazy insane mayor minister president judge judges senator governor councillor
    cop cops editor""".split()  # noqa: SIM905 - a word list reads better as text
)

# Strong profanity, slurs and personal insults: held for review by default (``hold_profanity``), matched as whole
# words of the normalised text. Mild words ("crap", "stupid", "damn") are left to the classifier.
PROFANITY = frozenset(
    [
        "asshole", "assholes", "arsehole", "bitch", "bitches", "bullshit", "cunt", "cunts", "kunt", "kunts",
        "dickhead", "fag", "fags", "faggot", "faggots", "fuck", "fucked", "fucker", "fuckers", "fucking", "fuckin",
        "idiot", "idiots", "imbecile", "moron", "morons", "motherfucker", "nigga", "nigger", "niggers", "retard",
        "retarded", "retards", "shit", "shits", "shitty", "slut", "sluts", "twat", "wanker", "whore", "whores",
        "kys", "rapefugee", "rapefugees", "moffie", "moffies",
        # Slurs for trans people, disabled people, ethnic and religious groups. Those that are also real words
        # or one edit from them ("dyke", "chink", "coon", "spastic", "troon", "lesbos", "beaner": "beavers") are
        # left out; the real words one edit from those listed are in ``spelling.REAL_WORDS`` ("tyranny").
        "tranny", "trannies", "trannys", "shemale", "shemales", "troons", "spaz", "spazz", "spazzes", "spazzy",
        "mongoloid", "mongoloids", "paki", "pakis", "wog", "wogs", "gooks", "spic", "spics", "kike",
        "kikes", "yid", "yids", "raghead", "ragheads", "towelhead", "towelheads", "sandnigger", "sandniggers",
        "darkie", "darkies", "pikey", "pikeys", "gyppo", "gyppos", "poofter", "poofters", "wetback",
        "wetbacks", "muzzie", "muzzies", "muzrat", "muzrats", "golliwog", "golliwogs",
        "jigaboo", "jigaboos", "zipperhead", "zipperheads", "nignog", "nignogs", "chinky", "chinkies", "lesbo",
        "lezzer", "lezzers", "dagos"
    ]
)
PROFANITY_RE = re.compile(r"(?<![\w])(?:" + "|".join(sorted(PROFANITY, key=len, reverse=True)) + r")(?![\w])")

# The harm patterns below read a sentence's structure rather than fixed phrases: a *target* (a person, the reader,
# a group) joined to a *verb of harm* by intent ("I will ... kill you"), a call ("they should be hanged"), a wish
# ("I'd love to see that traitor hanged", "I hope you die"), desert ("deserves a bullet"), menace ("I know where
# you live"), or a comparison of people to vermin, animals or disease. Inanimate subjects ("this bill", "the
# scene") and set phrases ("shoot you an email") are excluded, so figures of speech pass.
_A = "['\u2019]"  # straight or curly apostrophe

# Groups of people (plural forms as written in comments).
_GROUPS = (
    r"(?:women|men|girls|boys|gays?|gay (?:people|men)|lesbians|trans(?: people| women| men)?|transgender people|"
    r"queers|black(?:s| people| folks)?|whites|white people|jews|jewish people|muslims|moslems|christians|"
    r"catholics|hindus|sikhs|arabs|asians|chinese|mexicans|latinos|africans|indians|pakistanis|gypsies|roma|"
    r"immigrants|migrants|refugees|asylum seekers|illegals|foreigners|disabled people|the disabled|cripples|"
    r"leftists|liberals|libtards|conservatives|democrats|republicans|libertarians|progressives|socialists|"
    r"communists|commies|feminists|atheists|journalists|reporters|politicians|these people|those people|"
    r"you people|your kind|their kind|them all|all of them|all of you|the lot of (?:them|you)|"
    # singular, for "the next ... I see", "any ... who"
    r"(?:woman|man|girl|gay|gay (?:person|man|guy)|lesbian|trans (?:person|woman|man)|black (?:person|man|guy|woman)|"
    r"jew|muslim|christian|arab|immigrant|migrant|refugee|foreigner|disabled person|cripple)s?)"
)
# Words for one person or a kind of person, as the subject or object of a harm verb.
_PERSON_NOUN = (
    r"(?:traitors?|politicians?|idiots?|morons?|scum|scumbags?|bastards?|pigs?|thugs?|criminals?|rapists?|pedos?|"
    r"paedos?|pedophiles?|paedophiles?|terrorists?|leaders?|mayor|editor|writer|author|journalists?|reporters?|"
    r"councill?ors?|mps?|ministers?|president|senators?|judges?|cops?|police|officers?|governors?|prime minister|"
    r"profs?|professors?|lecturers?|teachers?|academics?|lawmakers?|legislators?|"
    r"guy|guys|man|woman|bitch|bitches|creeps?|lowlifes?|cowards?|liars?|clowns?|fools?|fascists?|nazis?|"
    r"commies?|libtards?|snowflakes?|trolls?|freaks?|animals?|savages?|degenerates?|monsters?|crooks?|"
    r"protesters?|protestors?|demonstrators?|activists?|rioters?|"
    # people by what they do, as a news story names them ("these travelling fans", "the owner")
    r"fans?|supporters?|players?|owners?|managers?|referees?|refs?|voters?|residents?|locals?|tourists?|"
    r"students?|workers?|nurses?|doctors?|scientists?|drivers?|cyclists?|landlords?|tenants?|bosses|boss|"
    r"neighbou?rs?|presenters?|columnists?|commentators?|pundits?|lawyers?|bankers?|officials?|influencers?|"
    r"people|person|family|kids|children|wife|husband|son|daughter|mother|father|mom|mum|dad)"
)
_DETERMINER = r"(?:the|that|this|these|those|every|all|each|any|some|our|their|his|her|your|my|a|an)"
_PERSON = (
    rf"(?:you|u|ya|y{_A}all|yall|him|her|them|he|she|they|{_GROUPS}|"
    rf"(?:all|each|every|every last|the lot|every single|the rest|most|many) (?:one )?of (?:you|them|those|these)"
    rf"(?: (?:[a-z-]+ )?{_PERSON_NOUN})?|"
    # The reader named with what they are called: "you traitors", "you lot", "you spineless cowards".
    rf"(?:you|u|ya) (?:lot|(?:[a-z-]+ )?{_PERSON_NOUN})|"
    rf"{_DETERMINER} (?:[a-z-]+ )?{_PERSON_NOUN})"
)
_OBJECT = (
    rf"(?:you|u|ya|y{_A}all|yall|him|her|them|{_GROUPS}|(?:all|each|every|every last|every single) "
    rf"(?:one )?of (?:you|them|those|these)|(?:the|that|this|these|those|every|each|any|your|his|her|their) "
    rf"(?:[a-z-]+ )?{_PERSON_NOUN})"
)
_BODY = (
    r"(?:(?:every|each|all the) bones? in )?(?:your|his|her|their|its) (?:[a-z]+ )?(?:legs?|arms?|necks?|faces?|"
    r"skulls?|heads?|jaws?|teeth|bones|knees?|kneecaps?|spines?|noses?|throats?|fingers?|hands?|ribs?|eyes?|"
    r"eye ?sockets?|ankles?|wrists?|elbows?|shins?|collarbones?|cheekbones?|bod(?:y|ies))"
)
_KILL_VERBS = (
    r"(?:kill|murder|shoot|stab|hang|lynch|burn|gas|behead|decapitate|slaughter|execute|exterminate|eradicate|"
    r"wipe out|butcher|strangle|choke|drown|beat up|torture|rape|bomb|blow up|string up|run over|hunt down|"
    r"put down|eliminate|maim|mutilate|castrate|nuke|slit (?:your|their|his|her) throats?)"
)
_BODY_VERBS = r"(?:break|smash|snap|crack|cut|slit|bash|cave|rip|tear|bust|stomp|kick|gouge|shatter|knock)"
_HARMED = (
    r"(?:killed|murdered|shot(?: dead)?|stabbed|hanged|hung|lynched|burn(?:ed|t)(?: alive)?|gassed|beheaded|"
    r"decapitated|slaughtered|executed|exterminated|eradicated|wiped out|butchered|strangled|drowned|"
    r"beaten(?: to death| up)?|tortured|raped|strung up|run over|put down|eliminated|castrated|nuked|"
    r"put (?:up )?against (?:a|the) wall|dead|gone)"
)
# Subjects that make a harm verb a figure of speech: "the bill should be killed", "the scene should be shot".
_INANIMATE = (
    r"(?:bill|bills|law|laws|plan|plans|proposal|idea|ideas|project|policy|policies|programme|program|scheme|"
    r"deal|story|article|film|movie|scene|show|video|photo|photos|picture|ball|game|engine|lights?|tree|trees|"
    r"tax|taxes|budget|motion|amendment|rule|rules|practice|tradition|myth|rumou?r|argument|theory|portrait|"
    r"power|it|painting|paintings|mirror|shelf|shelves|door|flag|flags|banner|banners|washing|sign|signs|poster|"
    r"posters|curtains|coat|wallpaper|penalty|goal|shot)"
)
_NOT_A_THREAT = (
    rf"(?!{_A}s\b)"  # "kill the mayor's plan": the mayor is not the object
    r"(?! (?:an? |a quick |the |some )?(?:email|e-mail|message|note|line|text|dm|call|link|copy|invite|"
    r"invitation|reply|answer|response)\b| with kindness\b| in (?:the )?(?:election|polls?|vote|debate|court|"
    r"argument)\b| at (?:the )?(?:polls?|ballot box)\b)"
)
_INTENT = (
    rf"(?:i|we)(?:{_A}ll| will| am going to|{_A}m going to| are going to|{_A}re going to| gonna| am gonna|"
    rf"{_A}m gonna| shall|{_A}d| would| want to| wanna|{_A}d love to| would love to| can{_A}?t wait to|"
    rf" cannot wait to| should| must| need to| plan to| intend to| promise to| swear i{_A}ll| swear i will)"
)
# What people are compared to when they are denied their humanity.
_VERMIN = (
    r"(?:vermin|rats|cockroaches|roaches|parasites|animals|apes|monkeys|pigs|swine|beasts|savages|insects|"
    r"lice|maggots|leeches|termites|locusts|subhumans?|sub-humans?|untermenschen|barbarians|filth|scum|"
    r"mongrels|dogs|pests|a disease|a cancer|a plague|a virus|an infestation|a pestilence|a rat|a parasite|"
    r"an animal|a pig|a cockroach|a savage|an ape|a monkey|a dog|a beast|a disease|a maggot|a leech)"
)

# A word of ``_VERMIN`` that names a kind of person or thing with the noun after it: "a cancer survivor", "an
# animal lover", "a pig farmer", "a dog walker".
_NOT_A_KIND_OF = (
    r"(?![ -](?:survivors?|patients?|sufferers?|specialists?|nurses?|doctors?|researchers?|charit(?:y|ies)|wards?|"
    r"diagnosis|scare|screening|treatment|research|carriers?|lovers?|shelters?|rescue|trainers?|breeders?|"
    r"walkers?|sanctuary|welfare|rights|farmers?|keepers?|owners?|catchers?|handlers?|whisperers?|sitters?|"
    r"groomers?|fancier|fanciers|hunters?|control|expert|experts)\b)"
)

# A group's adjective before a person noun, the subject of "... are vermin": "libertarian parasites".
_SUBJECT_GROUP = (
    r"(?:libertarian|liberal|leftist|lefty|left-wing|right-wing|conservative|democrat|republican|progressive|"
    r"socialist|communist|immigrant|migrant|muslim|jewish|christian|illegal|foreign|feminist|these|those|you)"
)


class _Guarded(NamedTuple):
    """A pattern with a guard: a pattern searched in the 60 characters before each match, and whether it must be
    found there (True) or must not (False). Kept beside its pattern, so adding a pattern anywhere moves no guard."""

    pattern: str
    guard: str
    must: bool


_THREAT_PATTERNS = (
    # Intent aimed at a person: "I will find you and break your legs", "we're going to shoot them all".
    rf"\b{_INTENT}(?: [a-z'\u2019]+){{0,6}}? {_KILL_VERBS} {_OBJECT}\b{_NOT_A_THREAT}",
    rf"\b{_INTENT}(?: [a-z'\u2019]+){{0,6}}? {_BODY_VERBS}(?: (?:open|in|off|up|out))? {_BODY}\b",
    rf"\b{_INTENT}(?: [a-z'\u2019]+){{0,4}}? (?:beat|kick|bash|punch) {_OBJECT} (?:to death|senseless|to a pulp|"
    rf"black and blue|bloody|half to death)\b",
    # A verb of killing aimed at the reader or a person anywhere: "kill him", "shoot the mayor".
    # And the slogan "death to the mayor", "#deathtothemayor".
    # Not the noun: "a murder that cold-blooded", "the shooting".
    rf"(?<!\ba )(?<!\ban )(?<!\bthe )(?<!\bthis )\b(?:(?:kill|murder|shoot|stab|hang|lynch|behead|strangle|execute|"
    rf"string up|slit (?:your|their|his|her) "
    rf"throats?) (?:you|u|him|her|them|that (?!{_INANIMATE}\b)\w+|the (?:mayor|editor|writer|author|journalist|"
    rf"reporter|judge|president|minister|councillor|councilor))|death to (?:you|him|her|them|"
    rf"(?:the|that|this|our|all|every) (?:[a-z-]+ )?{_PERSON_NOUN}))\b{_NOT_A_THREAT}(?! (?:game|show|movie|film)\b)",
    # A call: "that traitor should be hanged", "they must all be shot", "he needs to be put down".
    _Guarded(r"\b(?:should|must|need to|needs to|ought to|oughta|deserves? to|"
             r"has to|have to|will|would|can) (?:all |each |also |just |simply )?(?:be|get) (?:all )?"
             r"(?:hanged|hung|lynched|shot(?: dead)?(?! (?:in|on|at|of|with|from|down|through|using|digitally|"
             r"entirely)\b)|executed|beheaded|strung up|gassed|exterminated|burn(?:ed|t) alive|tortured|put (?:up )?"
             r"against (?:a|the) wall|put down like|shot on sight|beaten to death|stoned(?: to death)|castrated|"
             r"drawn and quartered)\b",
             rf"\b{_INANIMATE} (?:[a-z]+ )?$", False),  # "the bill should be killed": not a threat
    _Guarded(r"\b(?:should|must|need to|needs to|ought to|oughta|deserves? to|have to|has to) (?:all |each )?"
             r"(?:be |get )?(?:all )?(?:killed|murdered|shot|wiped out|eliminated|eradicated|slaughtered|drowned|"
             r"strangled|stabbed|raped|run over|put down|be dead)\b|\b(?:should|must|need to|needs to|ought to|oughta|"
             r"deserves? to|have to|has to) (?:all |each |just )?(?:die|hang|burn|rot|suffer)"
             r"(?=\s*(?:[.!,;?)]|$| for\b| in hell\b| slowly\b| already\b| like\b))",
             rf"\b{_PERSON} (?:all )?$", True),
    # Desert: "every last one of them deserves a bullet", "he deserves the rope".
    r"\bdeserves? (?:a bullet|bullets|a slug|the (?:rope|noose|gallows|bullet|firing squad|chair)|a (?:rope|noose)|"
    r"to (?:die|be (?:killed|shot|hanged|hung|lynched|executed|gassed|raped|beaten|tortured|burned|strung up)|"
    r"hang|burn|rot|suffer)|death|a (?:slow|painful) death|a beating|to get (?:shot|killed|raped|beaten))\b",
    # A wish to see it happen: "I'd love to see that traitor hanged in the square".
    rf"\b(?:see|watch|seeing|watching|want|wish|like|love) (?:{_DETERMINER} )?(?!{_INANIMATE}\b)(?:[a-z-]+ )?"
    rf"(?:{_PERSON_NOUN}|you|him|her|them|{_GROUPS}) (?:all )?(?:hanged|hung|lynched|shot|executed|beheaded|"
    rf"strung up|burn(?:ed|t)|gassed|tortured|killed|murdered|dead|die|hang|burn|raped|beaten|swinging)\b",
    rf"\b(?:hope|wish|pray|praying|hoping) (?:that )?(?:you|u|he|she|they|{_DETERMINER} "
    rf"(?:[a-z-]+ )?{_PERSON_NOUN}|{_GROUPS}) (?:all )?(?:die|dies|get (?:cancer|aids|shot|killed|raped|stabbed|hit "
    rf"by a \w+)|gets (?:cancer|aids|shot|killed|raped|stabbed|hit by a \w+)|burn|burns|rot|rots|choke|chokes|"
    rf"drop dead|drops dead|suffer|suffers|hang|hangs|(?:are|is|get|gets) (?:killed|shot|raped|murdered))\b",
    # Not born: "your mother should have aborted you".
    r"\bshould(?: have|{_A}ve|ve| of) (?:been )?(?:aborted|swallowed|strangled at birth|drowned at birth)\b".replace(
        "{_A}", _A),
    r"\b(?:abort|aborted) (?:you|him|her|them)\b",
    # Menace: "I know where you live", "we'll find out where you sleep", "watch your back".
    r"\b(?:find|find out|found out|finding out) who (?:you|u) (?:really )?(?:are|r)\b|"
    r"\b(?:know|found|find|find out|finding|know exactly|found out|have) (?:out )?where (?:you|u|he|she|they|your "
    r"(?:family|kids|wife|husband|mother|mum|mom)) (?:live|lives|sleep|sleeps|work|works|go to school)\b",
    rf"\b(?:i|we){_A}?(?:ll| will| am going to| are going to|m going to|re going to| gonna) (?:find|get|come for|"
    rf"hunt|track down|hunt down) (?:you|u|ya|him|her|them)\b(?! (?:a|an|the|some|one|another|more|on|in)\b)",
    r"\b(?:watch your back|sleep with one eye open|your days are numbered|you won[\u2019']?t see it coming|"
    r"(?:we|i){_A}?(?:re| are|m| am) coming for you\b(?!,? (?:and (?:the|your) [a-z]+ )?(?:at|after|from|to pick|"
    r"tomorrow|in the car|with the car)\b))\b".replace("{_A}", _A),
    r"\bbullets? (?:in|into|between|through) (?:your|his|her|their|the) ",
    rf"\bbullets? (?:in|into|between|through) (?:that|this|those|these) (?:[a-z-]+ )?{_PERSON_NOUN}\b",
    # Telling someone to die.
    r"\bkys\b|\bkill (?:your ?self|urself|yourselves|themselves|himself|herself)\b(?! (?:working|laughing)\b)|"
    r"\b(?:go|just|please) (?:and )?(?:die|drop dead|hang yourself)\b(?! on (?:that|this|another|a|the) hill)|"
    # "drop dead gorgeous" is praise.
    r"\bdrop dead\b(?! (?:gorgeous|beautiful|handsome|stunning|lovely|pretty|sexy|glamorous|funny|hilarious|"
    r"brilliant|serious|cool|simple|easy)\b)|"
    # A comment that is only "die" (a death wish with nothing else to read), "die in a fire", "die, you ...".
    r"^\W*(?:just )?die(?: already)?\W*$|\bdie in a (?:fire|hole|ditch)\b|^\W*die,? (?:you|u)\b|"
    r"\b(?:world|country|planet|earth) (?:would be|is|will be) better (?:off )?without (?:you|u|him|her|them|"
    r"your kind|people like you)\b|\bnobody (?:would|will) miss (?:you|u|him|her|them)\b",
    # Arson against a home: "I'm going to burn your house down".
    rf"\b{_INTENT}(?: [a-z'\u2019]+){{0,6}}? (?:burn|torch|firebomb|petrol bomb)(?: down)? (?:your|his|her|their) "
    rf"(?:house|home|flat|car|office|shop|place)\b",
)

_GROUP_VIOLENCE_PATTERNS = (
    # Calls for violence against a whole group.
    rf"\b{_KILL_VERBS} (?:all |every |each |the next |any |a |some )?(?:of )?(?:the |those |these |"
    rf"(?:last |single )?one of (?:the |those |these ))?{_GROUPS}\b",
    _Guarded(r"\b(?:should|must|need to|ought to|deserve to|have to) "
             r"(?:all )?(?:die|be (?:killed|shot|hanged|hung|gassed|exterminated|eradicated|burned|wiped out|"
             r"lynched|put down|slaughtered|eliminated|deported to (?:the )?(?:camps|gas chambers))|hang|burn|rot)\b",
             rf"\b{_GROUPS} (?:all )?$", True),
    rf"\bdeath to (?:all )?(?:the )?{_GROUPS}\b",
    rf"\b(?:someone|somebody|they|people|we|you) (?:should|needs to|need to|ought to|must|have to) {_KILL_VERBS} "
    rf"(?:{_OBJECT}|{_GROUPS})\b{_NOT_A_THREAT}",
    rf"\b(?:get rid of|round up|eliminate|exterminate|cleanse (?:the|our|this) (?:\w+ )?of|rid (?:the|our|this) "
    rf"(?:\w+ )?of) (?:all )?(?:the |these |those )?{_GROUPS}\b",
    rf"\b(?:gas|shoot|hang|nuke|kill|burn|bomb|line up|round up) (?:them|em|{_A}em) (?:all|up|against)\b",
    rf"\b(?:put|send|throw|lock) (?:them|{_GROUPS}) (?:all )?(?:in|into|to) (?:the )?(?:gas chambers?|ovens?|"
    rf"death camps?|concentration camps?)\b",
    # Dehumanising a group or a person: "they are vermin, not humans", "Muslims are a cancer".
    _Guarded(rf"(?: (?:are|is|r|were)|{_A}re|{_A}s) (?:nothing but |just |"
             rf"no better than |little more than |basically |all |a bunch of |a pack of |like |the |simply |literally |"
             rf"filthy |disgusting |dirty |worthless )?{_VERMIN}\b{_NOT_A_KIND_OF}",
             # a person or group, with a place after it: "trans women in this final are a disease"
             rf"\b(?:{_PERSON}|people like (?:you|them|him|her))(?: (?:in|at|on|from|of) (?:the |this |that |"
                 rf"these |those |our |a )?[a-z-]+(?: [a-z-]+)?)? ?$", True),
    _Guarded(rf"(?: (?:are|is|r)|{_A}re|{_A}s) (?:[a-z,]+ ){{0,3}}not (?:even )?"
             rf"(?:human|humans|people|a person|real people|fully human)\b",
             rf"\b(?:you|they|he|she|{_GROUPS}) ?$", True),
    r"\b(?:less than|not even|barely) human\b|\bsubhumans?\b|\bsub-humans?\b|\buntermenschen\b",
    _Guarded(r"\b(?:vermin|parasites|cockroaches|roaches|rats|maggots|leeches|savages|subhumans|"
             r"swine|locusts|lice|mongrels|filth|scum)\b",
             rf"\b(?:{_GROUPS}|{_SUBJECT_GROUP}) $", True),
    r"\b(?:breed|breeding|breeds|multiply|multiplying|swarm|swarming|infest|infesting|infested|crawl|crawling) "
    r"(?:like|with) (?:rats|rabbits|cockroaches|roaches|vermin|insects|flies|lice|maggots|locusts)\b",
    r"\b(?:exterminated?|killed|put down|shot|gassed|crushed) like (?:rats|cockroaches|roaches|vermin|bugs|"
    r"insects|dogs|animals|lice)\b",
    # Open contempt for a whole group.
    _Guarded(rf"\b(?:hate|despise|detest|loathe|stand) (?:all |every )?{_GROUPS}\b",
             rf"\b(?:i|we) (?:really |just |truly |absolutely |fucking |do |)(?:(?:can{_A}?t|cannot) )?$", True),
    _Guarded(r"\b(?:are|r) (?:all |so |just |such |nothing but |a bunch of )?(?:disgusting|worthless|scum|trash|"
             r"garbage|pathetic|evil|inferior|dirty|criminals|rapists|terrorists|a disgrace|a waste of space|"
             r"less than human|not human|lesser beings|freaks|degenerates)\b",
             rf"\b{_GROUPS} $", True),
    rf"\b(?:no place for|there is no room for|keep out) (?:all |any )?{_GROUPS}\b",
    # Humanity denied with a contraction: "Muslims aren't really people", "they ain't even human".
    _Guarded(rf"\b(?:aren{_A}?t|isn{_A}?t|ain{_A}?t) (?:really |even |actually |fully |properly |quite |truly )?"
             rf"(?:human|humans|human beings|people|real people|a person)(?=\s*(?:[.!?,;:\u2026)]|$|and\b|but\b|"
             rf"anymore\b|at all\b|any more\b|they\b|just\b|like us\b|in my (?:eyes|book)\b))",
             rf"\b(?:you|they|he|she|{_GROUPS}) (?:really |just |simply |honestly )?$", True),
)

# Direct insults aimed at the reader: "you are trash", "you pathetic clown". Held with strong profanity
# (``hold_profanity``), not as threats.
_INSULT_NOUNS = (
    r"(?:idiot|idiots|moron|morons|imbecile|cretin|fool|loser|losers|clown|clowns|trash|garbage|scum|scumbag|"
    r"pig|swine|parasite|vermin|rat|creep|lowlife|halfwit|dimwit|nitwit|dumbass|jackass|dipshit|dickhead|"
    r"disgrace|waste of (?:space|air|oxygen|skin|time)|piece of (?:shit|crap|garbage|trash|work|filth)|"
    r"degenerate|troll|retard|freak|simpleton|buffoon|numpty|muppet|pillock|plonker|tosser|twat|prat|mong|mongs|"
    r"mongoloid)"
)
_INSULT_PATTERNS = (
    rf"\b(?:you|u|ya|you{_A}?re|ur|youre) (?:are |r |really are |truly are |are just |are such |are nothing but )?"
    rf"(?:such |just |nothing but |a |an |the |one |complete |total |absolute |utter |fucking |pathetic |stupid |"
    rf"ignorant |worthless |sad |little |dumb |brainless |disgusting )*{_INSULT_NOUNS}\b",
    rf"\b(?:you|u|ya) (?:stupid|dumb|pathetic|ignorant|brainless|worthless|disgusting|filthy|miserable|sad|"
    rf"little) (?:[a-z]+ )?{_INSULT_NOUNS}\b",
    r"\b(?:stfu|shut the (?:fuck|hell) up)\b",
)



class PatternSet:
    """Patterns, each run only when one of its trigger words is in the text: a comment without "kill", "vermin"
    or "deserve" never pays for the patterns built around them (the screening budget is well under a millisecond).
    A trigger set lists every word at least one of which any match must contain."""

    def __init__(self, kind: str, pairs: tuple[tuple[str, str | _Guarded], ...]) -> None:
        self.kind = kind
        self.patterns = []
        # Each trigger word with the patterns it wakes, as bits of a number (bit i: pattern i): a text's words
        # meet the union of all triggers once, and only the patterns their bits name are looked at, in order.
        self.wakes: dict[str, int] = {}
        for index, (triggers, pattern, guard) in enumerate(self._compiled(pairs)):
            self.patterns.append((triggers, pattern, guard))
            for word in triggers:
                self.wakes[word] = self.wakes.get(word, 0) | 1 << index
        self.triggers = frozenset(self.wakes)

    @staticmethod
    def _compiled(pairs: tuple[tuple[str, str | _Guarded], ...]) -> list[
            tuple[frozenset[str], re.Pattern[str], tuple[re.Pattern[str], bool] | None]]:
        compiled = []
        for triggers, entry in pairs:
            if isinstance(entry, _Guarded):
                pattern, guard = entry.pattern, (re.compile(entry.guard), entry.must)
            else:
                pattern, guard = entry, None
            compiled.append((frozenset(triggers.split()), re.compile(pattern), guard))
        return compiled

    def search(self, text: str, words: frozenset[str] | None = None) -> re.Match[str] | None:
        if words is None:
            words = text_words(text)
        present = self.triggers.intersection(words)
        if not present:
            return None
        woken = 0
        for word in present:
            woken |= self.wakes[word]
        index = 0
        while woken:  # the woken patterns in their order: the first match found is the one returned, as before
            if woken & 1:
                triggers, pattern, guard = self.patterns[index]
                # ``triggers & present`` is ``triggers & words``: every trigger is in ``self.triggers``.
                found = first_match(text, pattern, guard, triggers & present, self.kind)
                if found is not None:
                    return found
            woken >>= 1
            index += 1
        return None


def first_match(text: str, pattern: re.Pattern[str], guard: tuple[re.Pattern[str], bool] | None,
                present: frozenset[str], kind: str = "") -> re.Match[str] | None:
    """The pattern's first match near the trigger words ``present`` that its guard allows (the guard: a pattern
    searched in the 60 characters before the match, and whether it must be found there) and that no frame of
    reported, quoted, condemned or denied speech holds (``frames.framed``)."""
    for low, high in _windows(text, present):
        for found in pattern.finditer(text, low, high):
            if guard is not None:
                before = text[max(0, found.start() - 60) : found.start()]
                if bool(guard[0].search(before)) != guard[1]:
                    continue
            if kind and framed(kind, text, found.start(), found.end()):
                continue
            return found
    return None


def _windows(text: str, present: frozenset[str], reach: int = 70) -> list[tuple[int, int]]:
    """Stretches of text around each trigger word, merged: every pattern match lies within ``reach`` characters
    of one of its trigger words (the patterns span a few words), so only these stretches are searched."""
    spans: list[tuple[int, int]] = []
    for word in present:
        start = text.find(word)
        while start != -1:
            spans.append((max(0, start - reach), min(len(text), start + len(word) + reach)))
            start = text.find(word, start + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for low, high in spans:
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


@lru_cache(maxsize=16)
def text_words(text: str) -> frozenset[str]:
    """The letter runs of a (normalised) text, cached for the last few texts: the pattern sets, the identity
    signals and the profanity check of one screening all read them."""
    if text.isascii():  # every character but a-z made a space: the runs are what splitting at spaces leaves
        return frozenset(text.translate(_LETTERS_ONLY).split())
    return frozenset(_LETTERS.findall(text))


_LETTERS = re.compile(r"[a-z]+")
_LETTERS_ONLY = str.maketrans({chr(code): " " for code in range(128) if not "a" <= chr(code) <= "z"})
_KILL = ("kill murder shoot stab hang lynch burn gas behead decapitate slaughter execute exterminate eradicate wipe "
         "butcher strangle choke drown beat torture rape bomb blow string run hunt put eliminate maim mutilate "
         "castrate nuke slit")
_CALLED = ("hanged hung lynched shot executed beheaded strung gassed exterminated burned burnt tortured wall beaten "
           "stoned castrated quartered like sight")
_DIE = ("killed murdered shot wiped eliminated eradicated slaughtered drowned strangled stabbed raped run put die "
        "hang burn rot suffer dead")
_SEEN = ("hanged hung lynched shot executed beheaded strung burned burnt gassed tortured killed murdered dead die "
         "hang burn raped beaten swinging")
_VERMIN_WORDS = ("vermin rats cockroaches roaches parasites animals apes monkeys pigs swine beasts savages insects "
                 "lice maggots leeches termites locusts subhuman subhumans sub untermenschen barbarians filth scum "
                 "mongrels dogs pests disease cancer plague virus infestation pestilence rat parasite animal pig "
                 "cockroach savage ape monkey dog beast maggot leech")
_INSULT_WORDS = ("idiot idiots moron morons imbecile cretin fool loser losers clown clowns trash garbage scum scumbag "
                 "pig swine parasite vermin rat creep lowlife halfwit dimwit nitwit dumbass jackass dipshit dickhead "
                 "disgrace waste piece degenerate troll retard freak simpleton buffoon numpty muppet pillock plonker "
                 "tosser twat prat mong mongs mongoloid")
_THREAT_TRIGGERS = (
    _KILL, "break smash snap crack cut slit bash cave rip tear bust stomp kick gouge shatter knock",
    "death senseless pulp blue bloody",
    "kill murder shoot stab hang lynch behead strangle execute string slit death", _CALLED, _DIE, "deserve deserves",
    _SEEN, "hope wish pray praying hoping", "aborted swallowed strangled drowned", "abort aborted", "where who",
    "find get come hunt track", "watch sleep days won coming", "bullet bullets", "bullet bullets",
    "kys kill die drop hang without miss", "burn torch firebomb bomb",
)
_GROUP_TRIGGERS = (
    _KILL, "die hang burn rot killed shot hanged hung gassed exterminated eradicated burned wiped lynched put "
    "slaughtered eliminated deported", "death", _KILL, "rid round eliminate exterminate cleanse",
    "gas shoot hang nuke kill burn bomb line round", "chambers chamber ovens oven camps camp", _VERMIN_WORDS,
    "human humans people person", "human subhuman subhumans sub untermenschen",
    "vermin parasites cockroaches roaches rats maggots leeches savages subhumans swine locusts lice mongrels filth "
    "scum", "breed breeding breeds multiply multiplying swarm swarming infest infesting infested crawl crawling",
    "rats cockroaches roaches vermin bugs insects dogs animals lice", "hate despise detest loathe stand",
    "disgusting worthless scum trash garbage pathetic evil inferior dirty criminals rapists terrorists disgrace "
    "waste human lesser freaks degenerates", "place room keep", "human humans people person",
)
_INSULT_TRIGGERS = (_INSULT_WORDS, _INSULT_WORDS, "stfu shut")

THREAT_RE = PatternSet("threat", tuple(zip(_THREAT_TRIGGERS, _THREAT_PATTERNS, strict=True)))
GROUP_VIOLENCE_RE = PatternSet("group", tuple(zip(_GROUP_TRIGGERS, _GROUP_VIOLENCE_PATTERNS, strict=True)))
INSULT_RE = PatternSet("insult", tuple(zip(_INSULT_TRIGGERS, _INSULT_PATTERNS, strict=True)))

# The insult and dehumanising nouns above as words (``spelling.py`` reads misspellings of them).
INSULT_WORDS = frozenset(_INSULT_WORDS.split())
VERMIN_WORDS = frozenset(_VERMIN_WORDS.split())
