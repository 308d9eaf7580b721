"""Identity-directed hate, read by structure: a group named by who they are, joined to a derogation.

Word n-grams learned from tweets and talk pages miss polite hate ("Muslims are a burden on this country", "I can't
stand trans people", "Immigrants should never be allowed to vote"): no swear word, and every word in it also
occurs in benign comments. What carries it is the *structure*: an identity-group term (a religion, ethnicity,
nationality, gender, sexual orientation, disability, or immigrants) as the subject of a negative predicate, the
object of contempt, or the target of exclusion. The lists below were written from general knowledge, not read off
any evaluation set.

Speech *about* hate is not hate: a negated predicate ("women are not inferior", "I don't hate gay people"), and
counter-speech that quotes or reports it ("saying immigrants are vermin is wrong", "he called Jews 'parasites'")
give their own signals, so the model learns to discount them.

``signals(normalised_text)`` returns the names of the structures found; the linear model (``linear.py``, block
``structure``) has one learned weight per name. It also carries the threat, group-violence and insult checks of
``lexicon.py`` (computed once per text and shared with the pipeline's own checks), so the classifier's score
reflects them too. Cost: a comment with no identity term pays one set intersection.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from masthead.moderation import menace, violence, watching
from masthead.moderation.features import _tokens, distinct_words, word_features
from masthead.moderation.lexicon import (
    COMMON_WORDS,
    GROUP_VIOLENCE_RE,
    INSULT_RE,
    TARGET_WORDS,
    THREAT_RE,
    text_words,
)
from masthead.moderation.normalise import segment


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Group nouns that name people by identity (plural and singular as written in comments).
_GROUP_NOUNS = _set(
    """women woman girls girl females female ladies wives feminists feminist
    gays gay lesbians lesbian homosexuals homosexual bisexuals bisexual queers queer lgbt lgbtq lgbtqia
    trans transgender transgenders transsexuals transsexual transwomen transmen nonbinary
    blacks whites asians arabs arab africans african latinos latino latinas latina hispanics hispanic
    mexicans mexican chinese indians pakistanis pakis somalis nigerians syrians afghans iraqis iranians turks
    russians ukrainians poles romanians albanians gypsies gypsy roma travellers travelers aborigines aboriginals natives
    jews jew jewish muslims muslim moslems moslem islamists christians christian catholics catholic hindus hindu
    sikhs sikh buddhists buddhist mormons mormon atheists atheist
    immigrants immigrant migrants migrant refugees refugee foreigners foreigner illegals aliens asylum
    disabled cripples cripple handicapped retards autistic autists deaf blind""")
# Adjectives that make an identity group of a following person noun ("black people", "gay men").
_GROUP_ADJECTIVES = _set(
    """black white brown asian arab african jewish muslim christian catholic hindu sikh buddhist gay lesbian
    bisexual queer trans transgender disabled handicapped autistic deaf blind immigrant migrant foreign
    mexican chinese indian pakistani somali syrian afghan iraqi iranian turkish russian polish romanian
    illegal female nonbinary aboriginal indigenous""")
_PERSON_NOUNS = _set(
    "people persons folks folk men women man woman guys kids children individuals families ones population "
    "communities community")
_TRIGGERS = _GROUP_NOUNS | _GROUP_ADJECTIVES
IDENTITY_WORDS = _TRIGGERS  # the words that name an identity group, noun or adjective (read by ``aimed``)

# Negative predicates: what a group "is" in derogation.
_NEGATIVE = _set(
    """disgusting vile filthy dirty worthless useless stupid dumb ignorant inferior evil subhuman lazy violent
    dangerous criminal criminals pathetic repulsive revolting gross sick sickening dishonest untrustworthy greedy
    primitive backward savage savages barbaric barbarians scum trash garbage rubbish burden drain threat plague
    cancer disease virus vermin parasites parasite animals animal rats rat cockroaches pigs apes monkeys freaks
    freak perverts perverted degenerates degenerate abominations abomination mistake mistakes rapists terrorists
    thieves liars idiots morons retards retarded losers scumbags pests pest lowlifes leeches insects maggots
    infestation unnatural despicable contemptible ugly weak cowards unworthy pathological mentally crazy insane
    psychos psychotic nuts delusional hysterical inferior uncivilised uncivilized brainless incompetent
    incapable worthless dirt filth evil wicked devils demons dogs swine beasts beast monsters monster
    predators predator pedophiles paedophiles groomers invaders invasion enemy enemies problem problems
    disgrace shame embarrassment waste nothing less lesser unfit unclean diseased smelly stinking stink
    creepy weird abnormal sickos sicko dumber""")
# Positive predicates: denied of a whole group ("X are never any good", "X are not welcome here"), a derogation.
_POSITIVE = _set(
    """good decent smart intelligent clever bright honest trustworthy capable competent reliable hardworking
    industrious kind nice civilised civilized welcome welcomed wanted valuable worthy normal sane rational moral
    peaceful loyal useful productive qualified fit deserving trusted human humans real true proper""")
# Words between the negation and the positive word ("X are never any good", "not even remotely capable").
_HEDGES = _set("any ever even remotely particularly that very really truly at all so too one bit")
# "X can't be trusted", "X will never learn": a negated ability or prospect of the whole group.
_ABILITY_MODALS = _set("can cannot can't cant could couldn't will won't wont")
_ABILITIES = _set(
    """trusted relied trust learn change think understand integrate assimilate contribute behave improve adapt
    control civilised civilized educated""")
_BE = _set("are is r were was be being been")
_FILLER = _set(
    """all just nothing but such so really truly the a an most basically simply literally bunch pack of like no
    better than little more always totally completely utterly absolutely very too fucking bloody damn being
    nothing more nowadays obviously clearly naturally inherently genetically by nature born""")
_NEGATORS = _set("not never no isn't aren't wasn't weren't don't doesn't didn't nothing nobody hardly")
_CONTEMPT_VERBS = _set(
    "hate hates hating despise despises detest detests loathe loathes abhor abhors resent resents dislike dislikes")
_CONTEMPT_PHRASES = ("cant stand", "can't stand", "cannot stand", "can't bear", "cannot bear", "cant bear",
                     "can't tolerate", "cannot tolerate", "won't tolerate")
# "nothing but contempt for X", "no respect for X": a feeling aimed at the group through "for".
_CONTEMPT_NOUNS = _set("contempt disdain hatred loathing disgust scorn")
_DISGUST_VERBS = _set("disgust disgusts sicken sickens repulse repulses revolt revolts nauseate nauseates")
_MAKE_ME = _set("sick ill nauseous vomit puke angry furious")
_MODALS = _set("should must need needs ought deserve deserves have has gotta got")
_EXCLUSION = _set(
    """banned deported removed expelled excluded locked jailed imprisoned punished sterilised sterilized segregated
    exterminated eradicated eliminated killed shot hanged hung gassed burned burnt lynched executed beaten
    die rot suffer disappear leave go deport ban expel exclude""")
# "should not be allowed to vote": negation here *is* the derogation.
_PRIVILEGES = _set(
    """allowed permitted trusted tolerated welcome welcomed accepted respected employed hired elected vote voting
    marry married adopt adoption rights equal equality citizenship citizens exist live breed respect dignity""")
_BELIEF = _set("think thinks believe believes say says said claim claims true agree accept suggest suggests "
               "pretend mean want wants")
# Harm intended against a group: "I'm going to kill all X", "we should burn their mosques... X".
_HARM_VERBS = _set(
    """kill murder shoot stab hang lynch gas slaughter exterminate execute massacre butcher torture rape bomb behead
    burn hurt attack eradicate eliminate annihilate wipe""")
_INTENT_WORDS = _set("i'll we'll will gonna going want wanna should must gotta let's lets need plan intend ought")
# "women belong in the kitchen", "they belong in cages": a group put in its "place".
_BELONG_PLACES = _set("kitchen kitchens zoo zoos cage cages jail jails prison prisons camps camp gutter gutters "
                      "chains asylum asylums")
_REMOVAL_VERBS = _set("deport ban expel exclude remove eradicate exterminate eliminate purge")
_REMOVAL_PHRASES = ("get rid of", "send back", "kick out", "keep out", "throw out", "round up", "no place for",
                    "no room for", "no more", "death to", "sick of", "tired of", "fed up with")



def _misspellings(words: frozenset[str], *, swaps_from: int, deletions_from: int) -> dict[str, str]:
    """Misspellings that disguise a word (or slip in typing): two neighbouring letters swapped, one letter dropped."""
    found: dict[str, str] = {}
    for word in sorted(words):
        if not word.isalpha():
            continue
        if len(word) >= swaps_from:
            for i in range(len(word) - 1):
                swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
                if swapped != word:
                    found.setdefault(swapped, word)
        if len(word) >= deletions_from:
            for i in range(1, len(word)):  # the first letter stays: "ripples" is not "cripples"
                found.setdefault(word[:i] + word[i + 1 :], word)
    return found


# Real words a misspelling would otherwise be read as ("backs" is not "blacks"), found by checking the generated
# misspellings against the words of ordinary English text.
_REAL_WORDS = _set(
    """africa backs lacks christina garage india latin noting nothin hatin pakistan refuge romania russia sinking
    syria violet""")
_KNOWN = (_GROUP_NOUNS | _GROUP_ADJECTIVES | _PERSON_NOUNS | _NEGATIVE | _POSITIVE | _CONTEMPT_VERBS | _FILLER
          | _BE | _NEGATORS | _MODALS | COMMON_WORDS | TARGET_WORDS | _REAL_WORDS)
# Misspelled group names, contempt verbs and derogatory words, read as the word they disguise ("mulsims",
# "imigrants", "haet", "disgutsing"). Only these lists' words, only where the misspelling is no word itself.
_MISSPELT = {
    misspelt: word
    for misspelt, word in {
        **_misspellings(_NEGATIVE, swaps_from=6, deletions_from=7),
        **_misspellings(_CONTEMPT_VERBS, swaps_from=4, deletions_from=6),
        **_misspellings(_GROUP_NOUNS | _GROUP_ADJECTIVES, swaps_from=5, deletions_from=6),
    }.items()
    if misspelt not in _KNOWN
}
_MISSPELT_WORDS = frozenset(_MISSPELT)

# Words run together ("ihatewomen", "muslimsaredisgusting"): a long word that starts or ends with a group name is
# split when the rest is made of known words. Only long words are looked at, and only at their edges.
_EDGE_GROUPS = frozenset(word for word in _GROUP_NOUNS | _GROUP_ADJECTIVES if len(word) >= 4)
_EDGE_LENGTHS = tuple(sorted({len(word) for word in _EDGE_GROUPS}))
_FUSED_FROM = 8
# Words of harm, so that a whole sentence run together splits ("gaysshouldallbewipedout") and the threat checks
# read it split (``lexicon_matches``).
_HARM_PIECES = _set(
    """kill killed shoot shot hang hanged hung gas gassed burn burned burnt wipe wiped out hunt hunted down beat
    beaten stab stabbed drown drowned lynch lynched exterminated eradicated culled cull string strung up die dead
    all should must need needs deserve deserves be get got to them every one lot put putting""")
_SPLIT_WORDS = _KNOWN | _CONTEMPT_VERBS | _DISGUST_VERBS | _EXCLUSION | _REMOVAL_VERBS | _HARM_PIECES


def _unfuse(word: str) -> list[str] | None:
    """``word`` as the words run together in it, when one of them is a group name at its start or end."""
    if len(word) < _FUSED_FROM:
        return None
    for length in reversed(_EDGE_LENGTHS):
        if length > len(word) - 2:
            continue
        if word[:length] in _EDGE_GROUPS:
            rest = segment(word[length:], _SPLIT_WORDS)
            if rest and all(len(part) > 1 for part in rest):
                return [word[:length], *rest]
        if word[-length:] in _EDGE_GROUPS:
            rest = segment(word[:-length], _SPLIT_WORDS)
            if rest and all(len(part) > 1 for part in rest[1:]):  # "ihatewomen": only the first may be "i"
                return [*rest, word[-length:]]
    return None


_EDGE_HEADS = frozenset(word[:4] for word in _EDGE_GROUPS)
_EDGE_TAILS = frozenset(word[-4:] for word in _EDGE_GROUPS)


def _has_fused_group(long_words: list[str]) -> bool:
    # A first look at four letters at each end, so most long words cost two set lookups.
    return any((word[:4] in _EDGE_HEADS or word[-4:] in _EDGE_TAILS) and _unfuse(word) for word in long_words)
_GATE = _TRIGGERS | frozenset(misspelt for misspelt, word in _MISSPELT.items() if word in _TRIGGERS)

# Reporting and disapproval around a hateful phrase: counter-speech, quotation.
_REPORTING = re.compile(
    r"\b(?:saying|say that|says|said|claim(?:s|ed|ing)?|calling|call(?:s|ed)|statements?|comments?|tweets?|posts?|"
    r"words like|things like|phrases like|to say|to call|to claim|keep hearing|heard|hear|told me|tells me|"
    r"tell me|you think|they think|he thinks|she thinks|people who think|anyone who thinks|if you think|"
    r"believes?|believing|imply(?:ing)?|suggest(?:s|ing)?|stereotype|myth|lie that|idea that|notion that)\b"
)
_DISAPPROVAL = re.compile(
    r"\b(?:wrong|unacceptable|not (?:ok|okay|acceptable|true|fine|right)|bigot(?:ed|ry|s)?|racis[tm]|sexis[tm]|"
    r"homophobi[ac]|transphobi[ac]|xenophobi[ac]|islamophobi[ac]|antisemiti(?:c|sm)|misogyn(?:y|ist|istic)|"
    r"hateful|hate speech|prejudice[d]?|discriminat(?:ion|ory)|shameful|appalling|abhorrent|out of line|"
    r"nonsense|untrue|a lie|no excuse|how dare|never (?:ok|okay|acceptable))\b"
)
_QUOTES = re.compile(r"[\"\u201c\u201d\u2018\u2019]|(?:^|\s)'|'(?:\s|$)")
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")
_SENTENCE = re.compile(r"[^.!?;\n]+")


_CALLING = _set("call called calling calls")
_PRONOUNS = _set("they them these those their")
_BE_OR_CALLING = _BE | _CALLING
_SPAN_STARTS = _TRIGGERS | _PRONOUNS  # what ``_group_spans`` starts a span at (``_TRIGGERS``: nouns and adjectives)


def _group_spans(tokens: list[str], *, pronouns: bool) -> list[tuple[int, int]]:
    """Token spans naming an identity group: "muslims", "gay people", "black women"; with ``pronouns`` (a group
    was named in the comment), "they", "them", "these people" too ("I hate them")."""
    spans = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if pronouns and token in _PRONOUNS:
            end = i + 1 + (i + 1 < len(tokens) and tokens[i + 1] in _PERSON_NOUNS)
            spans.append((i, end))
            i = end
            continue
        if token in _GROUP_ADJECTIVES and i + 1 < len(tokens) and tokens[i + 1] in _PERSON_NOUNS:
            spans.append((i, i + 2))
            i += 2
            continue
        if token in _GROUP_NOUNS:
            end = i + 1
            if end < len(tokens) and tokens[end] in _PERSON_NOUNS and tokens[end] not in ("man", "woman"):
                end += 1
            if (token, tokens[end] if end < len(tokens) else "") == ("asylum", "seekers"):
                end += 1
            spans.append((i, end))
            i = end
            continue
        i += 1
    return spans


def _negated(words: list[str]) -> bool:
    return any(word in _NEGATORS or word.endswith("n't") for word in words)


_CANT = frozenset(("can't", "cannot", "cant", "won't"))
_INTENSIFIED = frozenset(("better", "more", "but"))  # "no better than", "nothing more than", "nothing but"


def _negation_before(words: list[str], index: int) -> bool:
    """Whether ``words[:index]`` negate what follows; "no better than" and "nothing but" intensify instead."""
    return any((word in _NEGATORS or word.endswith("n't")) and not (
        word in ("no", "nothing") and i + 1 < len(words) and words[i + 1] in _INTENSIFIED)
        for i, word in enumerate(words[:index]))


def _sentence_signals(sentence: str, *, pronouns: bool) -> set[str]:
    tokens = _TOKEN.findall(sentence)
    if not _MISSPELT_WORDS.isdisjoint(tokens):
        tokens = [_MISSPELT.get(token, token) for token in tokens]
    if _has_fused_group([token for token in tokens if len(token) >= _FUSED_FROM]):
        tokens = [part for token in tokens for part in (_unfuse(token) or (token,))]
    found: set[str] = set()
    # Every span starts at a group noun, a group adjective or (with ``pronouns``) a pronoun, and every signal
    # below needs a span: a sentence with none of them has none, and its tokens need not be walked.
    if (_SPAN_STARTS if pronouns else _TRIGGERS).isdisjoint(tokens):
        return found
    spans = _group_spans(tokens, pronouns=pronouns)
    named = any(tokens[start] not in _PRONOUNS for start, _ in spans)
    if named and not _NEGATIVE.isdisjoint(tokens) and not _negated(tokens):
        found.add("identity_negative")  # a group named beside a derogatory word, in any phrasing
    for start, end in spans:
        after = tokens[end : end + 7]
        before = tokens[max(0, start - 5) : start]
        # "Why are X so <negative>?", "He called X <negative>".
        if before and before[-1] in _BE_OR_CALLING:
            for word in after[:4]:
                if word in _NEGATIVE:
                    found.add("identity_derogation")
                    break
                if word not in _FILLER:
                    break
        # "X are (all just) <negative>": derogation, unless negated ("X are not inferior"); "X are never any good",
        # "X are not welcome here": a positive predicate denied, a derogation.
        # "I don't think X are lazy", "nobody says X should be shot": the belief is denied.
        denied = _negated(before) and not _BELIEF.isdisjoint(before)
        if after and after[0] in _BE:
            rest = after[1:]
            for index, word in enumerate(rest):
                if word in _NEGATIVE:
                    negated = denied or _negation_before(rest, index)
                    found.add("identity_negated" if negated else "identity_derogation")
                    break
                if word in _POSITIVE:
                    if _negation_before(rest, index):
                        found.add("identity_derogation")
                    break
                if word not in _FILLER and word not in _NEGATORS and not word.endswith("n't") and not (
                        word in _HEDGES and _negated(rest[:index])):
                    break
        # "X don't deserve rights", "X belong in cages".
        head = after[:3]
        if ("deserve" in head or "deserves" in head) and _negated(head) and not _PRIVILEGES.isdisjoint(after[1:6]):
            found.add("identity_exclusion")
        if after[:1] in (["belong"], ["belongs"]) and not _BELONG_PLACES.isdisjoint(after[1:5]):
            found.add("identity_exclusion")
        # "I'm going to kill all X", "we should shoot every X": a threat against the group.
        if not _HARM_VERBS.isdisjoint(before[-4:]) and not _INTENT_WORDS.isdisjoint(before) and not _negated(before):
            found.add("group_violence")
        # "never trust a X", "I don't trust X".
        if "trust" in before[-3:] and _negated(before[-3:]):
            found.add("identity_contempt")
        # "X can't be trusted", "X will never learn".
        if after and after[0] in _ABILITY_MODALS and _negated(after[:3]) and not _ABILITIES.isdisjoint(after[1:4]):
            found.add("identity_derogation")
        # "X disgust me", "X make me sick", "X make me want to puke".
        if after and (after[0] in _DISGUST_VERBS or (after[0] in ("make", "makes") and after[1:2] == ["me"]
                                                     and not _MAKE_ME.isdisjoint(after[2:5]))):
            found.add("identity_contempt")
        # "I (really) hate X", "I can't stand X", "nothing but contempt for X"; "I don't hate X" is negated.
        window = before[-4:]
        if (any(word in _CONTEMPT_VERBS for word in window) or " ".join(window[-2:]) in _CONTEMPT_PHRASES
                or (window[-1:] == ["for"] and not _CONTEMPT_NOUNS.isdisjoint(window))):
            if _negated(window) and not _CANT.intersection(window) and "nothing" not in window:
                found.add("identity_negated")
            else:
                found.add("identity_contempt")
        elif window[-3:] == ["no", "respect", "for"]:
            found.add("identity_contempt")
        # "X should be deported", "X should never be allowed to vote", "X deserve to suffer".
        if after and after[0] in _MODALS:
            rest = after[1:6]
            harm = [word for word in rest if word in _EXCLUSION]
            privilege = [word for word in rest if word in _PRIVILEGES]
            if privilege and _negated(rest):
                found.add("identity_exclusion")
            elif harm:
                found.add("identity_negated" if denied or _negated(rest) else "identity_exclusion")
        # "deport all X", "get rid of the X", "no place for X".
        lead = " ".join(before[-4:])
        if any(word in _REMOVAL_VERBS for word in before[-3:]) or any(phrase in lead for phrase in _REMOVAL_PHRASES):
            found.add("identity_exclusion")
    return found


@lru_cache(maxsize=8)
def lexicon_matches(normalised_text: str) -> tuple[tuple[str, str], ...]:
    """The threat, group-violence and insult patterns of ``lexicon.py`` as (name, matched text) pairs, cached for
    the last few texts so the classifier's structure block and the pipeline's checks share one evaluation."""
    # A negation raised to the verb of opinion is read where it belongs: "I don't think gay people should be allowed
    # near children" says that they "should not be allowed" there, "I don't think migrants should be shot" that
    # they should not be.
    lowered = negation_lowered(normalised_text)
    if lowered != normalised_text:
        return lexicon_matches(lowered)
    words = text_words(normalised_text)
    found = []
    for name, patterns in (("threat", THREAT_RE), ("group_violence", GROUP_VIOLENCE_RE), ("insult", INSULT_RE)):
        match = patterns.search(normalised_text, words)
        if match:
            found.append((name, match.group(0)))
    # Harm read clause by clause (menace.py): calls, wishes, menace, harassment, dehumanising, plain insults.
    harm = menace.matches(normalised_text)
    if all(name != "threat" for name, _ in found) and all(name != "threat" for name, _label, _text in harm):
        # violence.py and watching.py find threats only: read them only while none has been found
        harm += violence.matches(normalised_text) or watching.matches(normalised_text)
    for name, _label, matched in harm:
        if all(name != known for known, _ in found):
            found.append((name, matched))
    # A sentence run together around a group name ("gaysshouldallbewipedout") is read again split.
    long_words = [word for word in words if len(word) >= _FUSED_FROM]
    if long_words and _has_fused_group(long_words):
        split = _FUSED_TOKEN.sub(lambda match: " ".join(_unfuse(match.group(0)) or (match.group(0),)),
                                 normalised_text)
        for name, matched in lexicon_matches(split) if split != normalised_text else ():
            if all(name != known for known, _ in found):
                found.append((name, matched))
    return tuple(found)


_NEG_RAISED = re.compile(
    r"\b(?:i|we)(?: just| really| honestly| simply| personally)? (?:don['\u2019]?t|do not) (?:really |honestly |"
    r"personally |actually )?(?:think|believe|reckon|feel|see why)(?: that)? (?P<subject>[a-z][a-z'\u2019 -]{0,40}?) "
    r"(?:should|ought to) (?!not\b|never\b)")


def negation_lowered(normalised_text: str) -> str:
    """The text with a negation raised to a verb of opinion put back on its clause ("I don't think they should
    be ..." -> "they should not be ...")."""
    return _NEG_RAISED.sub(lambda match: f"{match['subject']} should not ", normalised_text)


_FUSED_TOKEN = re.compile(rf"[a-z]{{{_FUSED_FROM},}}")


def lexicon_checks(normalised_text: str) -> frozenset[str]:
    return frozenset(name for name, _ in lexicon_matches(normalised_text))


def identity_signals(normalised_text: str) -> frozenset[str]:
    """The identity-hate structures in the text, with counter-speech and quotation marked."""
    words = text_words(normalised_text)
    # The long letter runs are the long words of ``words`` (found once each rather than as often as they occur).
    if _GATE.isdisjoint(words) and not _has_fused_group([word for word in words if len(word) >= _FUSED_FROM]):
        return frozenset()
    found: set[str] = set()
    for match in _SENTENCE.finditer(normalised_text):
        sentence = match.group(0)
        signals = _sentence_signals(sentence, pronouns=True)
        if not signals:
            continue
        hateful = signals - {"identity_negated"}
        if hateful and (_REPORTING.search(sentence) or _QUOTES.search(sentence) or _DISAPPROVAL.search(
                normalised_text)):
            found.add("identity_countered")
            continue
        found |= signals
    return frozenset(found)


_HATEFUL = frozenset(("identity_negative", "identity_derogation", "identity_contempt", "identity_exclusion"))


def signals(normalised_text: str) -> frozenset[str]:
    """Every structure signal the linear model's ``structure`` block weighs."""
    found = lexicon_checks(normalised_text) | identity_signals(normalised_text)
    # Harm against a group in speech about it ("saying refugees should be shot is vile"), or denied ("nobody
    # thinks immigrants should be killed"; no hateful reading of the group left): not a call for harm.
    if found & {"threat", "group_violence"} and ("identity_countered" in found or (
            "identity_negated" in found and not found & _HATEFUL)):
        found = (found - {"threat", "group_violence"}) | {"harm_countered"}
    return found


# What the model weighs. The negated and countered marks only take their hateful reading away: trained on data
# where speech about hate is rare, their own weights would come out as noise.
SIGNALS = ("threat", "group_violence", "insult", "identity_negative", "identity_derogation", "identity_contempt",
           "identity_exclusion")


# Group contexts (linear.py: the word block's ``groups``, 2.6-news ``words+pairs``; or a ``group`` block of their
# own, measured and not shipped): the contexts of identity-group mentions, the group itself abstracted. Each span
# of ``_group_spans`` ("muslims", "trans people", "black women") becomes one shared token, so what the training
# data teaches about the words around one group ("GRP are a disease", "hate GRP") is learned for every group, and
# the benign sentences that name groups teach that a mention alone is benign. Read from the prepared text's words
# (``features._tokens``); a misspelt group name ("mulsims") is read as the group. A comment that names no group
# has no features (one set intersection with its cached word set).
GROUP = "GRP"
GROUP_WINDOW = 3  # words either side of a mention in the ``window`` form


def is_bare_mention(feature: str) -> bool:
    """Whether a word-block feature is only a group's name: a group word (or a misspelling the reader takes for
    one), ``GROUP``, or a pair of such words and person nouns ("black people", "GRP women"). A model must not
    score a comment higher for naming a group (``build_builtin.cap_bare_mentions``)."""
    return all(word in _GATE or word == GROUP or word in _PERSON_NOUNS for word in feature.split(" "))


def abstracted_tokens(text: str) -> list[str] | None:
    """The prepared text's words with each group span replaced by ``GROUP``; None when it names no group."""
    if _GATE.isdisjoint(distinct_words(text)):
        return None
    tokens = list(_tokens(text))
    if not _MISSPELT_WORDS.isdisjoint(tokens):
        tokens = [_MISSPELT.get(token, token) for token in tokens]
    spans = _group_spans(tokens, pronouns=False)
    if not spans:
        return None
    result: list[str] = []
    at = 0
    for start, end in spans:
        result += tokens[at:start]
        result.append(GROUP)
        at = end
    result += tokens[at:]
    return result


def group_windows(text: str) -> list[str]:
    """Per mention: the group token, the word pairs it forms ("GRP are", "hate GRP"), and each word up to
    ``GROUP_WINDOW`` away, by side ("GRP>disease", "hate<GRP")."""
    found = abstracted_tokens(text)
    if found is None:
        return []
    features = []
    last = len(found) - 1
    for at, token in enumerate(found):
        if token != GROUP:
            continue
        features.append(GROUP)
        if at < last:
            features.append(GROUP + " " + found[at + 1])
        if at:
            features.append(found[at - 1] + " " + GROUP)
        features += [GROUP + ">" + word for word in found[at + 1 : at + 1 + GROUP_WINDOW]]
        features += [word + "<" + GROUP for word in found[max(0, at - GROUP_WINDOW) : at]]
    return features


def group_ngrams(text: str) -> list[str]:
    """The word 1-3-grams of the abstracted text that contain the group token, by size, then from the left."""
    found = abstracted_tokens(text)
    if found is None:
        return []
    return [" ".join(found[i : i + size]) for size in (1, 2, 3) for i in range(len(found) - size + 1)
            if GROUP in found[i : i + size]]


def group_pairs(text: str) -> list[str]:
    """``group_ngrams`` up to word pairs: the group token and the pairs it forms."""
    found = abstracted_tokens(text)
    if found is None:
        return []
    return [" ".join(found[i : i + size]) for size in (1, 2) for i in range(len(found) - size + 1)
            if GROUP in found[i : i + size]]


def group_words(text: str) -> list[str]:
    """All the word uni- and bigrams of the abstracted text (the word block's features, groups abstracted)."""
    found = abstracted_tokens(text)
    if found is None:
        return []
    return [*found, *map(" ".join, pairwise(found))]


def group_contexts(text: str) -> list[str]:
    """``group_windows`` without the group token alone: only the words around a mention, never the mention."""
    return [feature for feature in group_windows(text) if feature != GROUP]


GROUP_FORMS = {"window": group_windows, "ngrams": group_ngrams, "words": group_words, "contexts": group_contexts}


def words_and_windows(text: str) -> list[str]:
    """The word block's features (``features.word_features``) and, after them, ``group_windows``: one TF-IDF
    vector, so a mention's contexts weigh in proportion to the rest of the comment."""
    return [*word_features(text), *group_windows(text)]


def words_and_ngrams(text: str) -> list[str]:
    """The word block's features and, after them, ``group_ngrams``."""
    return [*word_features(text), *group_ngrams(text)]


def abstracted_words(text: str) -> list[str]:
    """The word block's features of the text with its groups abstracted (``group_words``; the text's own when it
    names no group)."""
    return group_words(text) or word_features(text)


def words_and_contexts(text: str) -> list[str]:
    """The word block's features and, after them, ``group_contexts``."""
    return [*word_features(text), *group_contexts(text)]


def words_and_pairs(text: str) -> list[str]:
    """The word block's features and, after them, ``group_pairs``."""
    return [*word_features(text), *group_pairs(text)]


# Forms of the word block itself: its features with the group contexts added, or read from the abstracted text.
WORD_FORMS = {"words+window": words_and_windows, "words+contexts": words_and_contexts, "words+ngrams": words_and_ngrams,
              "words+pairs": words_and_pairs, "abstract": abstracted_words}
