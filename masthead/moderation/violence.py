# ruff: noqa: SIM905 - word lists read better as text
"""Violence against a person read from any verb of physical harm, not from a list of threatening phrases.

``menace.py`` reads harm through the predicates its checks were written around ("strung up", "a round through his
head", "shame if something happened"). Everyday threats use everyday verbs: "I'm going to punch him in the face",
"someone should batter him", "I'll stamp on your head", "hope someone smashes your skull in", "I will hurt you".
This module reads the clause around any of some 120 verbs of physical harm, in every inflection:

- **the verb** (``_VERBS``), with its object: the reader ("you"), a pronoun, a person or a group ("that reporter",
  "every last one of these protesters"), or a person's body ("his head", "your kneecaps"); a phrasal particle may
  follow the object ("beat him up", "knock his teeth out"). "Me", "us" and things are never targets;
- **a modality** before it in the clause: the writer's intent ("I'll", "I'm going to", "we're gonna", "I'd"),
  a call ("someone should", "he needs to be", "let's", "time somebody", "why hasn't anyone"), a wish ("I hope
  someone", "can't wait to see"), or the verb opening its clause as an imperative. Past-tense reporting ("he
  punched the officer") has none, and a denial before it ("I would never", "nobody should") cancels it;
- or the passive with a person as subject: "the minister deserves to be kicked to death", "hope he gets
  stabbed".

Verbs that are also the words of sport, business and argument ("beat", "hit", "smash", "crush", "destroy",
"attack", "take out", "knock out", "murder" a team) count only with a complement that makes them violence: a
part of the body ("hit him in the face"), "to death", "senseless", "until he can't walk", a weapon ("with a
bat"), "up" ("beat him up"). What ``frames.framed`` reads as reported, quoted, condemned or denied speech is
passed over. Written from general knowledge (tests: ``tests/test_violence.py``); each finding counts as the
lexicon's ``threat`` signal.
"""

from __future__ import annotations

import re
from functools import lru_cache

from masthead.moderation.frames import framed
from masthead.moderation.lexicon import text_words
from masthead.moderation.menace import imperative

_A = "['\u2019]"
_W = r"[a-z'\u2019-]+"  # one word


def _forms(base: str) -> tuple[str, ...]:
    """The regular inflections of a verb: "stab" -> stab, stabs, stabbed, stabbing."""
    if base.endswith("e") and not base.endswith("ee"):
        return base, base + "s", base + "d", base[:-1] + "ing"
    if base.endswith(("ch", "sh", "ss", "x")):
        return base, base + "es", base + "ed", base + "ing"
    if len(base) <= 4 and re.fullmatch(r"[^aeiou]*[aeiou][bdgklmnprt]", base):  # stab, slap, club, whip, nut
        return base, base + "s", base + base[-1] + "ed", base + base[-1] + "ing"
    return base, base + "s", base + "ed", base + "ing"


# Verbs that mean physical harm to a person whatever their complement, with their irregular forms.
_PLAIN = """punch thump slap smack wallop clobber pummel headbutt batter bludgeon stab knife glass strangle
throttle suffocate smother kneecap maim mutilate cripple disfigure torture rape lynch behead decapitate
butcher disembowel gut skin flay drown torch douse poison garrotte whip flog horsewhip cane stone assault hurt
harm injure wound brutalise brutalize stamp bottle stomp choke shank slash deck lamp bash""".split()
# Verbs that are also the words of sport, business, argument or cooking: violence only with a violent complement.
_AMBIGUOUS = """beat hit smash crush destroy attack hammer kill slaughter execute burn bury shoot hang break
snap crack cut slit rip tear bomb nuke gas cave stick knock take finish sweep string wipe murder thrash kick""".split()
_IRREGULAR = {
    "beat": ("beaten",), "hit": ("hitting",), "cut": ("cutting",), "shoot": ("shot", "shooting", "shoots"),
    "hang": ("hanged", "hung", "hanging", "hangs"), "break": ("broke", "broken", "breaking", "breaks"),
    "burn": ("burnt",), "string": ("strung", "stringing"), "sweep": ("swept",), "wipe": ("wiped", "wiping"),
    "slit": ("slitting",), "stick": ("stuck",), "tear": ("tore", "torn"),
    "stab": ("stabbed", "stabbing"), "knife": ("knifed", "knifing", "knifes"), "rip": ("ripped", "ripping"),
    "snap": ("snapped", "snapping"), "gut": ("gutted", "gutting"), "skin": ("skinned", "skinning"),
    "whip": ("whipped", "whipping"), "flog": ("flogged", "flogging"), "club": ("clubbed", "clubbing"),
    "bottle": ("bottled", "bottling"), "deck": ("decked", "decking"), "lamp": ("lamped", "lamping"),
    "wallop": ("walloped", "walloping"), "pummel": ("pummelled", "pummeled", "pummelling", "pummeling"),
    "kidnap": ("kidnapped", "kidnapping"), "take": ("took", "taken", "taking"), "knock": ("knocked",),
    "stone": ("stoned", "stoning"), "gas": ("gassed", "gassing"),
}
_ALL = _PLAIN + _AMBIGUOUS


def _inflections(base: str) -> set[str]:
    return {*_forms(base), *_IRREGULAR.get(base, ())}


_FORM_OF = {form: base for base in _ALL for form in _inflections(base)}
_BASES = frozenset(_ALL)
_AMBIGUOUS_FORMS = frozenset(form for form, base in _FORM_OF.items() if base in _AMBIGUOUS)
_PAST_PARTICIPLES = frozenset(form for form in _FORM_OF if form.endswith(("ed", "en", "wn")) or form in (
    "hit", "cut", "shot", "hung", "broke", "slit", "stuck", "torn", "burnt", "beat"))
TRIGGERS = frozenset(_FORM_OF)

_BODY = (
    r"(?:head|heads|face|faces|skull|skulls|teeth|tooth|jaw|nose|neck|necks|throat|throats|legs?|arms?|knees?|"
    r"kneecaps?|ribs?|spine|back|balls|nuts|eyes?|fingers?|hands?|feet|foot|ankles?|brains?|gut|guts|stomach|"
    r"chest|kidneys?|liver|windpipe|body|bones?|every bone in (?:your|his|her|their|ur) body|head in|lights out)"
)
_OWNER = rf"(?:your|ur|yer|his|her|their|them|the (?:\w+ )?(?:reporter|journalist|mayor|minister)s?{_A}s)"
_PEOPLE = (
    r"(?:people|men|women|kids|journalists|reporters|politicians|protesters|protestors|activists|migrants|"
    r"immigrants|refugees|muslims|jews|gays|lefties|leftists|liberals|tories|remainers|brexiteers|"
    r"councillors|councilors|mps|ministers|judges|cops|police|coppers|directors|bankers|bosses|landlords|"
    r"officials|traitors|paedos|pedos|nonces|scum|scumbags|vermin|rats|animals|savages|thugs|yobs|looters|"
    r"rioters|fans|cyclists|drivers|lads|residents|neighbours|neighbors|foreigners|illegals|travellers|gypsies)"
)
_PERSON = (
    r"(?:reporter|journalist|hack|writer|author|columnist|editor|presenter|mayor|minister|councillor|councilor|mp|"
    r"senator|judge|magistrate|president|premier|chancellor|secretary|politician|official|cop|copper|officer|"
    r"landlord|boss|ceo|director|manager|developer|banker|activist|protester|protestor|migrant|immigrant|"
    r"refugee|traitor|paedo|pedo|nonce|scumbag|idiot|moron|clown|bastard|prick|twat|wanker|cunt|rat|snake|man|"
    r"woman|guy|bloke|lad|girl|boy|kid|bitch|slag|cow|witch|lefty|leftie|tory|liberal|muslim|jew|gay|ref|"
    r"referee|striker|keeper|player|footballer|cricketer|athlete|singer|actor|actress|celebrity|fan|neighbour|"
    r"neighbor|cyclist|driver|teacher|doctor|nurse|priest|imam|"
    r"vicar|rabbi|thug|yob|looter|rioter|troll|poster|commenter|person|idiots|morons|clowns|"
    r"bastards|pricks|twats|wankers|cunts)"
)
# The object of a verb of harm: the reader, a pronoun, a person or a group, or a person's body.
_TARGET = (
    rf"(?:(?:you|u|ya|yous|youse|him|her|them|{_A}?em|{_A}im|yourself|urself|yourselves|themselves|himself|"
    rf"herself)(?![a-z{_A[1:-1]}])(?: all| both| lot)?|{_OWNER} (?:\w+ )?{_BODY}|"
    rf"(?:the|that|this|these|those|every|each|any|some|all|all the|all of the|all of these|all of those|every "
    rf"(?:last|single) (?:one of )?(?:these|those|the)?|every one of (?:these|those|the)) ?(?:[a-z-]+ ){{0,2}}?"
    rf"(?:{_PERSON}|{_PEOPLE})|(?:every|each) (?:last |single )?one of (?:them|you|these|those)|the lot of (?:them|"
    rf"you)|(?:[a-z-]+ )?{_PEOPLE}|(?:councill?or|cllr|mr|mrs|ms|miss|dr|judge|minister|mayor|sir) [a-z]+|anyone who|"
    rf"whoever)(?![a-z])"
)
# What makes an ambiguous verb violence: a part of the body, a weapon, an outcome of violence, "up", "in".
_VIOLENT_COMPLEMENT = re.compile(
    rf"(?: [a-z{_A[1:-1]}-]+){{0,3}}? (?:(?:in|on|across|over|round|around|about) (?:the|his|her|your|their|ur) "
    rf"{_BODY}|to (?:death|a pulp|bits|pieces|a bloody pulp|within an inch)|half to death|senseless|"
    rf"black and blue|unconscious|stone dead|dead\b|till (?:they|he|she|you|u)|until (?:they|he|she|you|u)|so hard|"
    rf"with (?:a|an|my|his|the|some|me) (?:\w+ )?(?:bat|brick|hammer|knife|machete|crowbar|bottle|plank|axe|"
    rf"bar|pole|stick|club|golf club|shovel|spade|rock|stone|gun|rifle|shotgun|chain|belt|fists?|boot|boots|"
    rf"blade|pipe|spanner|wrench)|for good|permanently|in (?:his|her|their|"
    rf"your) sleep|in the street|where (?:he|she|they|you) stands?|limb from limb|apart|alive|"
    rf"(?:his|her|their|your|ur) head off|(?:his|her|their|your|ur) throat)"
)
_CLAUSE_START = re.compile(r"[.!?;:\n,\u2026()\u2014\u2013]|\s-\s|\bbut\b|\bthen\b|\bor\b|\bwhile\b|\bbecause\b")
_ADVERBS = (
    rf"(?: {_A}?(?:gladly|happily|personally|literally|actually|just|really|definitely|absolutely|honestly|"
    rf"go|come round and|come over and|go round and|then|and|(?:find|track|hunt) (?:you|u|him|her|them) "
    rf"(?:down )?and|wait for (?:you|u|him|her|them) and))*"
)
_INTENT = re.compile(
    rf"(?:\b(?:i|we)(?:{_A}ll| will| shall| wil| ll|{_A}d| would| wud| want to| wanna|{_A}d love to| would love to|"
    rf" can{_A}?t wait to| cannot wait to| swear i{_A}ll| swear i will| promise to| intend to| plan to)|"
    rf"\b(?:i{_A}m|i am|im|we{_A}re|we are|were) (?:gonna|going to|going 2|about to|coming to|coming round to|"
    rf"coming over to)|\b(?:ima|imma|i{_A}ma))"
    rf"{_ADVERBS} $"
)
_CALL = re.compile(
    rf"\b(?:should|shud|shld|ought to|oughta|needs? to|needs? 2|must|has to|have to|gotta|got to|deserves? to|"
    rf"let{_A}?s|lets|let us|time (?:someone|somebody|some1|sum1|we|for someone to|for somebody to|to)|"
    rf"(?:for|get|getting|pay|paying|paid|want|wants|need|needs) (?:someone|somebody|some1|sum1|a \w+) to|"
    rf"why (?:doesn{_A}?t|hasn{_A}?t|won{_A}?t|don{_A}?t|can{_A}?t|has nobody|has no one|has noone) "
    rf"(?:someone|somebody|anyone|anybody|some1|sum1|we|you|u|nobody|no one)|i say we|feel free to|"
    rf"someone (?:please|pls|plz)|please|pls|plz|somebody (?:please|pls|plz)|i dare (?:you|u|someone|anyone) to|"
    rf"be nice if (?:someone|somebody|some1|sum1)|wouldn{_A}?t mind if (?:someone|somebody)|"
    rf"(?:hope|hoping|wish|pray|praying|here{_A}s hoping|fingers crossed)(?: that)?(?: {_W}){{0,6}}?|"
    rf"(?:love|like|want|pay|buy tickets|queue up|queue) to see (?:someone|somebody|some1|sum1|them|the lads|"
    rf"the boys|you|u)?|can{_A}?t wait (?:till|until|for|to see)(?: {_W}){{0,4}}?)"
    rf"(?: {_A}?(?:just|really|finally|properly|gladly|happily|literally|seriously|honestly|go|and|then|"
    rf"come round and|go round and|go over and|find (?:him|her|them|you|u) and|track (?:him|her|them|you|u) "
    rf"down and|get|gets|to|someone|somebody|some1|sum1|(?:a|the) (?:\w+ )?(?:lads?|boys?|mob|fans?)|"
    rf"he|she|they|it|you|u))* $"
)
_DENIAL = re.compile(
    rf"\b(?:not|never|no one|nobody|noone|no-one|n{_A}t|wouldn{_A}?t|won{_A}?t|don{_A}?t|didn{_A}?t|shouldn{_A}?t|"
    rf"mustn{_A}?t|can{_A}?t|cannot|refuse to|stop|stopped|avoid|against)\b(?! only\b)(?! wait\b)"
)
_PASSIVE = re.compile(
    rf"\b(?:he|she|they|you|u|him|her|them|{_PERSON}s?|{_PEOPLE})(?: (?:all|both|too|also|really|just|simply|"
    rf"frankly|honestly|personally|himself|herself|themselves|who [a-z ]{{1,40}}?))*"
    rf" (?:should|shud|ought to|needs? to|must|has to|have to|deserves? to|wants? to|{_A}ll|{_A}d|"
    rf"gonna|going to|better)(?: all| just| really| properly| finally)? (?:be|get) "
    rf"(?:(?:properly|badly|really|brutally|publicly|slowly) )?$|"
    rf"\b(?:hope|hoping|wish|pray|praying|wouldn{_A}?t cry if|love to see|can{_A}?t wait (?:till|until|to see|for))"
    rf"(?: that)?(?: {_W}){{0,2}}? (?:he|she|they|you|u|him|her|them|(?:the|that|this|these|those) (?:{_W} )?"
    rf"(?:{_PERSON}s?|{_PEOPLE}))(?: {_W})? (?:gets?|getting|is|are|be) (?:(?:properly|badly|really|brutally|"
    rf"publicly|slowly) )?$"
)


def _clause_before(text: str, start: int) -> str:
    low = max(0, start - 100)
    cut = low
    for mark in _CLAUSE_START.finditer(text, low, start):
        cut = mark.end()
    return text[cut:start]


def _modality(before: str, base_form: bool = True) -> bool:
    """A call, a wish, the writer's intent or an imperative before the verb; the last two only for a verb in its
    base form ("I'll punch", "punch him"), never a noun or a report ("and assaults on ...", "I punched")."""
    if _DENIAL.search(before):
        return False
    if _CALL.search(before):
        return True
    if not base_form:
        return False
    if _INTENT.search(before):
        return True
    # "I'm going to drag him off the stage and stamp on his head": verbs joined by "and" share their modal.
    coordinated = _COORDINATED.match(before)
    if coordinated and (_MODAL_ANYWHERE.search(coordinated.group(1))):
        return True
    return imperative(before)  # "punch him", "round up the lot of them and beat them"


_COORDINATED = re.compile(r"(.{0,80}?) (?:and|and then|then|an|n|&) $")
_MODAL_ANYWHERE = re.compile(
    rf"\b(?:i|we)(?:{_A}ll| will| shall|{_A}d| would| wanna| want to| swear i{_A}ll)\b|\b(?:i{_A}m|i am|im|"
    rf"we{_A}re|we are) (?:gonna|going to)\b|\b(?:someone|somebody|some1|sum1|we|you|u|they) (?:should|needs to|"
    rf"ought to|must|has to|gotta)\b|\b(?:let{_A}?s|lets|let us)\b"
)
# A modal anywhere shortly before, for a passive joined to it ("should be dragged off the line and given a hiding").
_SENTENCE_MODAL = re.compile(r"\b(?:should|shud|ought to|needs? to|must|deserves? to|has to|have to|time for)\b")
_MOB_VERBS = frozenset(("go", "going", "head", "heading", "get", "getting", "turn", "pay"))


_TARGET_RE = re.compile(rf"(?: out| up| off| away)? (?:(?:on|into|at) |(?:the )?(?:shit|crap|hell|living daylights|"
                        rf"life) out of )?"
                        rf"{_TARGET}")
# "beat him up", "kick his head in", "tear them apart": the particles that make these verbs violence.
# "beat him up", "kick his head in", "tear them apart", "finish you off", "string him up": the particles that
# make these verbs violence, verb by verb ("cut him off" in traffic is not one).
_PARTICLES = {"beat": "up", "smash": "up|in", "cut": "up", "kick": "in", "tear": "apart|up", "rip": "apart|up",
              "hammer": "in", "finish": "off", "sweep": "away|out", "string": "up", "wipe": "out"}
_PARTICLE = {verb: re.compile(rf"(?: [a-z'-]+){{0,4}}? (?:{particles})\b(?! (?:the|a|an|this|that|front|court|"
                              rf"public|of|on)\b)") for verb, particles in _PARTICLES.items()}
_BAD_COMPLEMENT = re.compile(
    r"(?: in the back\b(?! of)| (?:in|at|on) (?:the )?(?:polls?|"
    r"election|vote|debate|court|game|match|final|league|cup|derby|"
    r"semi|quarter|race|ballot|referendum|tribunal|argument|comments?|replies|chess|darts|pool|quiz|pub quiz)|"
    r" (?:with|by) (?:the |a |some )?(?:facts|figures|truth|stats|evidence|a fine|fines|tax|taxes|a bill|"
    r"questions|kindness|love|logic|a link|links|data|a lawsuit|lawyers)| up (?:later|tomorrow|on|for|about|"
    r"with|when|if|sometime)| \d+(?:[-\u2013]\d+)?\b| (?:nil|zero|one|two|three|four|five|six|seven|eight|nine|"
    r"ten)\b| on "
    r"(?:saturday|sunday|monday|tuesday|wednesday|thursday|friday|penalties|points|goal difference|aggregate)| "
    r"(?:for|at) (?:dinner|lunch|tea|a drink|drinks|a pint|the pub|coffee))"
)


def _occurrences(text: str, words: set[str] | frozenset[str]) -> list[tuple[int, str]]:
    """Where each of ``words`` occurs as a whole word, in order (a find per word: a comment holds few of them)."""
    found = []
    for word in words:
        at = text.find(word)
        while at != -1:
            end = at + len(word)
            if (at == 0 or not text[at - 1].isalpha()) and (end == len(text) or not text[end].isalpha()):
                found.append((at, word))
            at = text.find(word, end)
    return sorted(found)


def _violent(text: str, verb: str, target: re.Match[str]) -> bool:
    """Whether the verb and its object are violence: plain verbs always, ambiguous ones with a violent complement
    (or a body as the object), never with the complement of sport, argument or a meeting."""
    after = text[target.end() : target.end() + 60]
    if _BAD_COMPLEMENT.match(after):
        return False
    if verb not in _AMBIGUOUS_FORMS:
        return True
    if _BODY_END.search(target.group(0)) and "out of" not in target.group(0):
        return True
    if _FORM_OF[verb] in ("take", "knock"):  # "take out the chancellor", "knock him out"
        if re.fullmatch(rf"(?: out)? (?:them|{_A}?em)", target.group(0)):
            return False  # "I'd take them out and leave one reference": "them" may be anything
        out = target.group(0).startswith(" out ") or after.startswith(" out")
        return out and not _OUT_ELSEWHERE.match(after[4:] if after.startswith(" out") else after)
    base = _FORM_OF[verb]
    if base in _PARTICLES and (target.group(0).split()[0] in _PARTICLES[base].split("|")
                               or _PARTICLE[base].match(after)):
        return True  # "string up the traitor", "finish you off"
    return bool(_VIOLENT_COMPLEMENT.match(after))


_BODY_END = re.compile(_BODY + "$")
# "take her out to dinner", "knocked them out of the cup", "take him out for a pint".
_OUT_ELSEWHERE = re.compile(r" (?:to|for|of|on|with|in|at|into|onto|tonight|tomorrow|sometime|again)\b")


# A beating as a noun that a person needs, deserves or is given: "he needs a good kicking", "she needs a slap",
# "give him a beating he won't forget", "someone should put a bullet in him".
_BEATING = (
    r"(?:a |an )?(?:good |proper |real |right |bloody |sound |serious |severe |swift |hard |quick )?"
    r"(?:kicking|beating|slap|smack|punch|hiding|thrashing|battering|pasting|shoeing|kneecapping|stabbing|"
    r"slapping|smacking|belting|leathering|"
    r"bullet|knife|slap in the (?:face|mouth|chops)|smack in the (?:face|mouth|gob|teeth)|punch in the "
    r"(?:face|mouth|teeth|gob)|boot (?:up the|in the) \w+|bat to the (?:head|knees|face)|brick through "
    r"(?:the|his|her|their|your) windows?)(?![a-z])(?! (?:of|for|on|at)\b| to nothing\b)"
)
_NOUN_THREAT = re.compile(
    rf"\b(?:he|she|they|you|u|him|her|them|(?:the|that|this|these|those) (?:[a-z-]+ )?{_PERSON}s?"
    # a person told apart by where they are or what they wear: "that girl in the orange jacket needs a ..."
    rf"(?: (?:in|with|from|at|on|behind) (?:the|a|an|that|this|his|her|their) (?:[a-z-]+ ){{0,2}}?[a-z-]+)?|{_PEOPLE})"
    rf"(?: (?:all|both|really|just|clearly|seriously))? (?:needs?|deserves?|could do with|is asking for|are asking "
    rf"for|{_A}s asking for|{_A}re asking for|is begging for|{_A}s begging for|wants?|should get|ought to get|"
    rf"is due|{_A}s due|is overdue) {_BEATING}|"
    rf"\b(?:give|gives|gave|giving|put|putting) (?:him|her|them|you|u|{_A}?em|(?:the|that|this|these|those) "
    rf"(?:[a-z-]+ )?{_PERSON}s?) {_BEATING}|"
    rf"\b(?:put|putting|stick|sticking) (?:a |one )?(?:bullet|knife|blade|round|bolt) (?:in|through|between) "
    rf"(?:him|her|them|you|u|{_A}?em|(?:his|her|their|your|ur) (?:\w+ )?{_BODY})|"
    rf"\bmake (?:you|u|him|her|them) (?:suffer|bleed|beg for (?:mercy|your life|his life|her life)|scream)|"
    rf"\b(?:be|get|gets|getting|been|and|then) (?:given|handed|dealt|served) {_BEATING}"
)
# Instruments of execution handed out as a noun phrase: "guillotines for every CEO", "the rope for every traitor",
# and a mob sent with weapons: "time for the lads to go down there with baseball bats".
_EXECUTION = re.compile(
    rf"\b(?:guillotines?|the guillotine|gallows|nooses?|the noose|ropes?|the rope|bullets?|a bullet|firing squads?|"
    rf"the firing squad|lampposts?|a lamppost|gas chambers?|the gas chamber|the electric chair|public "
    rf"hangings|public executions?|hangings) (?:for|to) (?:every|all|each|the|those|"
    rf"these|them|him|her|you|u|every last|every single)(?: (?:[a-z-]+ ){{0,3}}?(?:{_PERSON}s?|{_PEOPLE})|(?<=them)|"
    rf"(?<=him)|(?<=her)|(?<=you)|(?<=u))(?![a-z])|"
    rf"\b(?:go|going|head|heading|get|getting|turn up|pay (?:him|her|them|you) a visit) (?:down |round |over |up )?"
    rf"(?:there |to (?:his|her|their|your) (?:house|home|place|office|street) )?with (?:some |a few |our |the )?"
    rf"(?:baseball bats|bats and (?:bricks|bottles|knives)|pitchforks|torches|machetes|crowbars|knives|petrol|"
    rf"iron bars|golf clubs|hammers|axes|guns|shotguns|a rope|rope|nooses)"
)
# Harm to a person's home, car or windows, or a building burnt with people inside: "I'll put your front window
# through", "someone should torch his car", "torch every branch with the directors locked inside".
_PROPERTY = re.compile(
    rf"\b(?:smash|smashing|torch|torching|burn|burning|brick|bricking|firebomb|firebombing|petrol bomb|trash|"
    rf"wreck|set fire to|setting fire to|put|putting|key|slash) (?:in )?(?:your|ur|yer|his|her|their|the "
    rf"(?:[a-z-]+ )?{_PERSON}{_A}s) (?:[a-z-]+ )?(?:window|windows|windscreen|car|van|house|home|flat|tyres|tires|"
    rf"door|front door|office|shop|place)(?: through| in| down| out)?(?![a-z])|"
    rf"\b(?:torch|burn|burn down|set fire to|firebomb|petrol bomb|blow up|bomb) [^.!?]{{0,60}}? with (?:the |them |"
    rf"him |her |those |these |all |every )?(?:[a-z-]+ ){{0,2}}?(?:locked |still |trapped |chained )inside"
)
_NOUN_TRIGGERS = frozenset("""kicking beating slap smack punch hiding thrashing battering pasting shoeing
slapping smacking belting leathering
kneecapping stabbing bullet knife blade bolt boot bat brick suffer bleed beg scream""".split())
_EXECUTION_TRIGGERS = frozenset("""guillotine guillotines gallows noose nooses rope ropes bullet bullets squad
squads lamppost lampposts chamber chambers electric hangings executions bats pitchforks torches machetes crowbars
petrol iron golf hammers axes guns shotguns knives""".split())
_PROPERTY_TRIGGERS = frozenset("""smash smashing torch torching burn burning brick bricking firebomb firebombing
petrol trash wreck set setting put putting key slash blow bomb""".split())
# ... and what they are done to: a check runs only when both a verb and one of these are in the comment.
_PROPERTY_NOUNS = frozenset("""window windows windscreen car van house home flat tyres tires door office shop place
inside""".split())


@lru_cache(maxsize=8)
def matches(normalised_text: str) -> tuple[tuple[str, str, str], ...]:
    """(signal, label, matched text) for the first violent clause found, as ``menace.matches`` gives them."""
    words = text_words(normalised_text)
    text = normalised_text
    if not _NOUN_TRIGGERS.isdisjoint(words):
        for noun in _NOUN_THREAT.finditer(text):
            before = _clause_before(text, noun.start())
            passive = noun.group(0).startswith(("be ", "get", "been", "and ", "then "))
            if not _DENIAL.search(before) and not framed("threat", text, noun.start(), noun.end()) and (
                    not noun.group(0).startswith(("give", "put", "stick", "make")) or _modality(before)) and (
                    not passive or _SENTENCE_MODAL.search(text, max(0, noun.start() - 120), noun.start())):
                return (("threat", "violence", noun.group(0)),)
    if not _EXECUTION_TRIGGERS.isdisjoint(words):
        for call in _EXECUTION.finditer(text):
            before = _clause_before(text, call.start())
            if not _DENIAL.search(before) and not framed("threat", text, call.start(), call.end()) and (
                    call.group(0).split()[0] not in _MOB_VERBS or _modality(before) or _SENTENCE_MODAL.search(
                        text, max(0, call.start() - 60), call.start())):
                return (("threat", "violence", call.group(0)),)
    if not _PROPERTY_TRIGGERS.isdisjoint(words) and not _PROPERTY_NOUNS.isdisjoint(words):
        for harm in _PROPERTY.finditer(text):
            if harm.group(0).startswith("put") and not harm.group(0).endswith(" through"):
                continue  # "put your car in the garage": only "put ... through" reads as harm
            before = _clause_before(text, harm.start())
            if _modality(before) and not framed("threat", text, harm.start(), harm.end()):
                return (("threat", "violence", harm.group(0)),)
    present = TRIGGERS.intersection(words)
    if not present:
        return ()
    for start, word in _occurrences(text, present):
        end = start + len(word)
        before = _clause_before(text, start)
        target = _TARGET_RE.match(text, end)
        if target is not None and _violent(text, word, target) and _modality(before, word in _BASES):
            found_at, found_end = start, target.end()
        elif word in _PAST_PARTICIPLES and _PASSIVE.search(before) and not _DENIAL.search(before) and (
                word not in _AMBIGUOUS_FORMS or _VIOLENT_COMPLEMENT.match(text, end)):
            found_at, found_end = start - len(before), end  # "the minister deserves to be kicked"
        else:
            continue
        if not framed("threat", text, found_at, found_end):
            return (("threat", "violence", text[found_at:found_end].strip()),)
    return ()
