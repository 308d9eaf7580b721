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
    sick dumb fat ugly lazy evil crazy insane""".split()  # noqa: SIM905 - a word list reads better as text
)

# Strong profanity, slurs and personal insults: held for review by default (``hold_profanity``), matched as whole
# words of the normalised text. Mild words ("crap", "stupid", "damn") are left to the classifier.
PROFANITY = frozenset(
    [
        "asshole", "assholes", "arsehole", "bitch", "bitches", "bullshit", "cunt", "cunts", "dickhead", "fag",
        "fags", "faggot", "faggots", "fuck", "fucked", "fucker", "fuckers", "fucking", "fuckin", "idiot",
        "idiots", "imbecile", "moron", "morons", "motherfucker", "nigga", "nigger", "niggers", "retard",
        "retarded", "retards", "shit", "shits", "shitty", "slut", "sluts", "twat", "wanker", "whore", "whores",
        "kys"
    ]
)
PROFANITY_RE = re.compile(r"(?<![\w])(?:" + "|".join(sorted(PROFANITY, key=len, reverse=True)) + r")(?![\w])")

# Groups of people (plural forms as written in comments). Used only inside the threat/dehumanisation patterns.
_GROUPS = (
    r"(?:women|men|girls|boys|gays?|gay (?:people|men)|lesbians|trans(?: people| women| men)?|transgender people|"
    r"queers|black(?:s| people| folks)?|whites|white people|jews|jewish people|muslims|moslems|christians|"
    r"catholics|hindus|sikhs|arabs|asians|chinese|mexicans|latinos|africans|indians|pakistanis|gypsies|roma|"
    r"immigrants|migrants|refugees|asylum seekers|foreigners|disabled people|the disabled|cripples|"
    r"leftists|liberals|conservatives|democrats|republicans|journalists|reporters|these people|those people|"
    r"your kind|their kind|them all|all of them|"
    # singular, for "the next ... I see", "any ... who"
    r"(?:woman|man|girl|gay|gay (?:person|man|guy)|lesbian|trans (?:person|woman|man)|black (?:person|man|guy|woman)|"
    r"jew|muslim|christian|arab|immigrant|migrant|refugee|foreigner|disabled person|cripple)s?)"
)

_KILL_VERBS = (
    r"(?:kill|murder|shoot|stab|hang|lynch|burn|gas|behead|slaughter|execute|exterminate|eradicate|wipe out|"
    r"butcher|strangle|beat up|bomb|string up|run over|slit (?:your|their|his|her) throats?)"
)

# Whom a threat is aimed at: a person, the reader, or the people around them.
_VICTIM = (
    r"(?:you|u|ya|y'all|him|her|them|all of you|every one of you|each of you|the lot of you|everyone|"
    r"your (?:family|kids|children|wife|husband|mother|mum|mom|dad|father|daughter|son)|"
    r"(?:the|that|this) (?:mayor|editor|writer|author|journalist|reporter|councillor|councilor|mp|minister|"
    r"president|judge|cop|cops|police)(?!'s))"
)
# "I'll shoot you an email", "kill them with kindness": common phrases that are not threats.
_NOT_A_THREAT = r"(?! (?:an? |a quick |the )?(?:email|e-mail|message|note|line|text|dm|call|link)\b| with kindness\b)"

_THREAT_PATTERNS = (
    # First-person intent aimed at a person: "I will find you and kill you", "we're going to shoot them all".
    rf"\b(?:i|we)(?:'ll| will| am going to|'m going to| are going to|'re going to| gonna| am gonna| shall|'d| would|"
    rf" want to| wanna|'d love to| would love to| can't wait to| cannot wait to| should| must| need to)"
    rf"(?: \w+){{0,4}} {_KILL_VERBS} {_VICTIM}\b{_NOT_A_THREAT}",
    rf"\b{_KILL_VERBS} {_VICTIM}\b{_NOT_A_THREAT}(?! (?:game|show|movie|film))",
    r"\b(?:you|u) (?:will|should|deserve to|are going to|gonna) (?:die|be killed|be shot|hang|burn|suffer)\b",
    r"\b(?:i know|we know) where (?:you|u) live\b",
    r"\bwatch your back\b",
    r"\bput a bullet in\b",
    r"\bkys\b|\bkill (?:your ?self|urself)\b",
)

_GROUP_VIOLENCE_PATTERNS = (
    # Calls for violence against a whole group, and dehumanising them.
    rf"\b{_KILL_VERBS} (?:all|every|each|the|those|these)? ?(?:of the |one of the )?{_GROUPS}\b",
    rf"\b(?:all|every|the|those|these)? ?{_GROUPS} (?:should|must|need to|ought to|deserve to|have to) "
    rf"(?:all )?(?:die|be (?:killed|shot|hanged|hung|gassed|exterminated|eradicated|burned|wiped out|"
    rf"lynched|put down)|hang|burn|rot)\b",
    rf"\bdeath to (?:all )?{_GROUPS}\b",
    rf"\b{_KILL_VERBS} (?:the next|any|every|a|some) {_GROUPS}\b",
    rf"\b(?:want|wish|like to see|love to see|see) (?:all |every |the )?{_GROUPS} (?:dead|die|burn|hang|hanged|gone)\b",
    rf"\b(?:someone|somebody|they|people) (?:should|needs to|need to|ought to|must) {_KILL_VERBS} "
    rf"(?:{_VICTIM}|{_GROUPS})\b{_NOT_A_THREAT}",
    rf"\b{_GROUPS} (?:are|is) (?:nothing but |just |all |like )?(?:vermin|rats|cockroaches|parasites|animals|"
    rf"subhuman|sub-human|a disease|a plague|a virus|a cancer|filth|scum|pests|savages|apes)\b",
    rf"\b(?:get rid of|round up|eliminate) (?:all )?(?:the )?{_GROUPS}\b",
    # Open contempt for a whole group.
    rf"\b(?:i|we) (?:really |just |truly |absolutely |fucking )?(?:hate|despise|detest|loathe|can't stand|cannot "
    rf"stand) (?:all |every )?{_GROUPS}\b",
    rf"\b{_GROUPS} (?:are|r) (?:all |so |just |such |nothing but |a bunch of )?(?:disgusting|worthless|scum|trash|"
    rf"garbage|pathetic|evil|inferior|dirty|criminals|rapists|terrorists|a disgrace|a waste of space|"
    rf"less than human|not human|lesser beings|freaks|degenerates)\b",
    rf"\b(?:no place for|there is no room for|keep out) (?:all |any )?{_GROUPS}\b",
)

THREAT_RE = re.compile("|".join(f"(?:{p})" for p in _THREAT_PATTERNS))
GROUP_VIOLENCE_RE = re.compile("|".join(f"(?:{p})" for p in _GROUP_VIOLENCE_PATTERNS))
