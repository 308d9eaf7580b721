"""Frames that make abuse's words speech *about* abuse: a threat reported by a court, a slur in quotation marks, a
dehumanising remark condemned, a call for harm denied ("nobody deserves to be shot"), a swear word aimed at the
weather, an insult the writer aims at themself.

News comments share abuse's words all the time: "the suspect told police he would kill his neighbour", "calling
immigrants vermin, as the councillor did, is disgraceful", "the MP who said protesters should be shot must
resign", "this fucking weather". The checks of ``lexicon.py`` find a target joined to a verb of harm; these frames
look at the sentence around what they found, and only when they found something (so they cost nothing on the
comments that need nothing). Written from general knowledge, not from any evaluation set.

- **quotation**: the words found lie inside quotation marks, and the sentence outside the quote has a reporting
  word (said, wrote, chanted, called, the message, the slogan...) whose speaker is not the writer ("I said");
- **report**: a third party's speech or deed told in the past tense before what was found ("he said he would shoot
  the mayor", "police reported that the gunman had vowed to kill the judge"), in a sentence with no first- or
  second-person word (the writer and the reader stay out of it: "like I told you, ...", "my friend told me you
  are ..." are not reports);
- **condemnation**: a reporting word and a word of condemnation in the sentence, in the order of a judgement on the
  speech (``remark ... found ... condemned``, ``it is wrong to say ... found``), the condemnation not itself
  denied ("it's not wrong to say", "nothing disgraceful about");
- **denied subject**: "nobody", "no one", "none of us" just before what was found.
- **rout**: a supporter's "we" promising the rival a rout ("we'll bury you lot at Twickenham") in a comment about
  a fixture, with nothing menacing in it (``_rout``);
- **reported slur** (the profanity list only): a slur another person aimed at someone, quoted after a verb of
  abusive speech or reported as what a third party called someone and judged (``_reported_slur``).

Never for what is aimed at the reader or spoken by the writer as intent (a second-person word or "I will ..." in
what was found), except inside a reported quotation; never when the sentence endorses what it reports ("said it
best", "and they were right", "as my father used to say").
"""

from __future__ import annotations

import re

_ENDS = ".!?;\n"
_TOKEN = re.compile(r"[a-z]+(?:['\u2019][a-z]+)*")
# Quotation marks in pairs: straight or curly double quotes, curly single quotes, and straight single quotes at
# word edges (an apostrophe inside a word, "don't", is no quotation mark).
_QUOTED = re.compile(
    "\"[^\"\n]{1,300}\"|\u201c[^\u201d\n]{1,300}\u201d|\u00ab[^\u00bb\n]{1,300}\u00bb|"
    "(?<![a-z])\u2018[^\u2019\n]{1,300}\u2019(?![a-z])|(?<![a-z])'(?:[^'\n]|(?<=[a-z])'(?=[a-z])){1,300}'(?![a-z])"
)


def _words(value: str) -> frozenset[str]:
    return frozenset(value.split())


SECOND_PERSON = _words("you your yours u ur ya yourself yourselves y'all yall you're youre you'll you've you'd thou "
                       "thee")
_PASSIVE = _words("was were been being got get gets")
_FIRST_PERSON = _words("i we me my our us i'm im i've ive i'll i'd we're we've we'll we'd myself ourselves mine")
_WRITER = _FIRST_PERSON | SECOND_PERSON
# A third party's speech or deed told in the past (or as news: "according to", "allegedly").
_REPORTED = _words(
    """said told claimed alleged allegedly accused vowed threatened threatening admitted wrote written reported
    shouted chanted testified confessed boasted warned tweeted posted preached argued insisted declared announced
    remarked called described compared suggested yelled screamed texted messaged heard promised swore pledged
    according muttered scrawled daubed sang cried replied asked quoted sprayed spraypainted painted etched
    carved graffitied telling tells texting messaging posting writing screaming yelling emailed emailing""")
# A wish or a call, not a report: "someone should have yelled '...' at him".
_MODAL = _words("should must ought shall will gonna need needs let 'll")
# Speech named or introduced in any tense: with a condemnation, or around a quotation.
_SPEECH = _REPORTED | _words(
    """say says calling call calls claim claims describing describe describes comparing compare compares
    remark remarks comment comments statement statements tweet tweets post posts email emails words word term terms slur
    slurs phrase phrases message messages text texts sign signs banner banners placard placards slogan slogans
    headline headlines line lines quote quotes read reads write writes chant chants chanting shouting song
    lyrics graffiti leaflet leaflets letter letters note notes saying reading speech speeches rhetoric language
    label labelling labeling
    labelled labeled preaching preaches suggesting suggest suggests inbox inboxes dms mailbag postbag voicemail
    voicemails""")
# Condemnation of what was said or done. Words abusers aim at a group themselves ("disgusting", "vile", "evil",
# "dangerous") are left out: they would let "calling them refugees? they're vermin, disgusting" through.
CONDEMNING = _words(
    """wrong disgraceful disgrace unacceptable hateful bigotry bigoted bigot bigots racist racism sexist sexism
    homophobic homophobia transphobic transphobia xenophobic xenophobia antisemitic antisemitism islamophobic
    islamophobia misogynist misogynistic misogyny dehumanising dehumanizing dehumanise dehumanize dehumanised
    dehumanized condemn condemned condemns condemnation criticised criticized shameful appalling abhorrent
    outrageous beneath inexcusable indefensible offensive resign resigned resignation apologise apologize
    apologised apologized apology sacked fired suspended banned expelled chilling sickening despicable
    incitement inciting incite reprehensible deplorable ashamed unforgivable unacceptably""")
CONDEMNING_PHRASES = re.compile(r"\b(?:never (?:accept|acceptable|ok|okay)|not (?:acceptable|ok|okay|on)|how dare|"
                                 r"hate speech|no place (?:in|for)|shame on|some decency|look at (?:themselves|"
                                 r"yourselves|yourself)|should be ashamed)\b")
_NEGATORS = _words("not no nothing never isn't aren't wasn't weren't isnt arent nobody hardly")
_ENDORSING = _words("right correct true agree agreed agrees exactly best spot truth finally brave honest")
_DENIED_SUBJECT = re.compile(r"\b(?:nobody|no one|no-one|noone|none of (?:us|them|these|those)|no (?:man|woman|"
                             r"person|child|human|human being|citizen|journalist|reporter))(?: ever| really)? $")
# A new clause in the writer's own voice after the report: "the mayor said nothing, and that traitor should ...".
_CLAUSE_BREAK = re.compile(r"[,:]\s*(?:and|so|but|yet)\b|\b(?:but|however|yet)\b|:")
# Hearsay rather than a report: "everyone said", "people say", "they said it".
_GENERIC_SPEAKERS = _words("everyone everybody people they many most all folks some whole")


# A verb of speech or posting that opens its sentence with its object after it ("Posted her address ...", "Told him
# ..."): the writer's diary style with "I" left out, not a third party's report. A passive one ("Told to ...") stays a
# report.
_ELIDED_WRITER = re.compile(r" (?:him|her|them|his|their|its|that|this|the|a|an|everyone|everybody)\b")
# What a free relative's verb wrote or said, so that what follows is no report of it: "whoever wrote this article
# should be ...", "whoever said that needs ..."; not "whoever said migrants should be shot".
_WRITING_DONE = re.compile(
    r" (?:(?:this|that|the|these|those) (?:[a-z-]+ )?(?:article|articles|piece|column|story|headline|tweet|post|"
    r"comment|report|editorial|review|rubbish|drivel|nonsense|garbage|trash|crap|tripe|bilge|propaganda|hit piece|"
    r"hit job)|this|that|it) ?\Z")
# "so-called" reports nothing: "every one of those so-called activists needs a bullet".
_REPORTING_WORD = re.compile(r"(?<!so-)\b(?:" + "|".join(sorted(_REPORTED, key=len, reverse=True)) + r")\b")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _QUOTED.finditer(text)]


def _sentence(text: str, start: int, end: int, quoted: list[tuple[int, int]]) -> tuple[int, int]:
    """The sentence around ``text[start:end]``: from the last sentence end before it to the first after it; ends
    inside a quotation do not count ('he chanted "hang him!" twice')."""

    if not quoted:
        ends = [text.find(end_mark, end) for end_mark in _ENDS]
        return (max(text.rfind(end_mark, 0, start) for end_mark in _ENDS) + 1,
                min((index for index in ends if index != -1), default=len(text)))

    def inside(index: int) -> bool:
        return any(low < index < high for low, high in quoted)

    low = start
    while low > 0 and not (text[low - 1] in _ENDS and not inside(low - 1)):
        low -= 1
    high = end
    while high < len(text) and not (text[high] in _ENDS and not inside(high)):
        high += 1
    return low, high


def _outside(text: str, low: int, high: int, quoted: list[tuple[int, int]]) -> str:
    """``text[low:high]`` with its quotations blanked."""
    part = list(text[low:high])
    for start, end in quoted:
        for index in range(max(start, low), min(end, high)):
            part[index - low] = " "
    return "".join(part)


def _tokens(value: str) -> list[str]:
    return [token.replace("\u2019", "'") for token in _TOKEN.findall(value.replace("so-called", "socalled"))]


_TOLD = _words("""mention mentions mentioned note notes noted say says said report reports reported hear hears heard
    read know knows knew see sees saw seen remember remembers remembered recall recalls recalled show shows showed
    shown confirm confirms confirmed add adds added explain explains explained emerged clear true fact""")


# Words of receiving a message, and the messages: "I've had emails saying ...", "we got a letter calling ...".
_RECEIVING = _words("had got get gets getting received receive receiving")
_HERE = _words("here here's heres")
# Where messages from others arrive, and a word named rather than said ("the word '...'").
_INBOXES = _words("inbox inboxes dms mailbag postbag voicemail voicemails letterbox")
_MENTIONED = _words("word words term slur phrase")
_MESSAGES = _words("""email emails message messages letter letters text texts note notes comment comments tweet tweets
    post posts call calls voicemail voicemails dm dms threat threats card cards""")
_MESSAGES_AND_INBOXES = _MESSAGES | _INBOXES


def _spoken_by_writer(tokens: list[str], index: int) -> bool:
    """Whether the reporting word at ``index`` is the writer's own ("I said", "as my grandad used to say") or a
    wish rather than a report ("someone should have shouted ...")."""
    near = tokens[max(0, index - 4) : index]
    if tokens[index] in _MESSAGES_AND_INBOXES and (tokens[index + 1 : index + 2] == ["for"] or not _HERE.isdisjoint(
            near) or (near[-1:] in (["your"], ["ur"]) and near[-2:-1] in (["check"], ["read"], ["open"], ["see"]))):
        return True  # "here's a message for the editor: '...'", "check your inbox: '...'": the writer's own
    if (tokens[index] in _INBOXES or (tokens[index] in _MENTIONED and near[-1:] == ["the"])) and (
            SECOND_PERSON.isdisjoint(tokens)):  # not "check your inbox: '...'", "the word '...' for you"
        return not _MODAL.isdisjoint(near)  # "my inbox included '...'", "I hate the word '...'": not said by them
    # Only the reporting clause's own words after a verb of telling or knowing and "that": "the report should
    # mention that someone shouted '...'", "I heard that a man yelled '...'" are reports ("I wish that ..." is not).
    cut = max((at for at in range(1, len(near)) if near[at] == "that" and near[at - 1] in _TOLD), default=-1)
    near = near[cut + 1 :]
    if near and near[-1] in _PASSIVE:  # "I was told '...'", "my daughter was called '...'": said to them
        return not _MODAL.isdisjoint(near)
    if any(token in _RECEIVING and not _MESSAGES.isdisjoint(near[at + 1 :]) for at, token in enumerate(near)):
        return not _MODAL.isdisjoint(near)  # "I've had emails saying '...'", "we got a letter calling ...": received
    # A verb of speech whose subject follows an article is a third party's, whoever's street it was: "on my street
    # a man screamed", "the bloke next door yelled" (not "I've got a message ...": a noun, the writer's).
    articles = [at for at, token in enumerate(near) if token in ("a", "an", "the", "some", "another")]
    if articles and tokens[index] in _ABUSE_SPEECH and len(near) - articles[-1] <= 3:
        near = near[articles[-1] + 1 :]
    return not _FIRST_PERSON.isdisjoint(near) or not _MODAL.isdisjoint(near)


def _taken_up(tokens: list[str]) -> bool:
    """Whether the sentence opens by taking the quotation up as the writer's own: "as my dad says", "like the man
    said" (not "as one of the councillors ..., I've had emails saying ...")."""
    return bool(tokens) and tokens[0] in ("as", "like") and not _SPEECH.isdisjoint(tokens[1:5])


def _endorses(tokens: list[str]) -> bool:
    """Whether the writer agrees with what the sentence reports ("he was right"), unless the word of agreement
    leads to a condemnation ("which is exactly the dehumanising language ...")."""
    return any(token in _ENDORSING and CONDEMNING.isdisjoint(tokens[index + 1 : index + 4])
               for index, token in enumerate(tokens))


def _condemned(tokens: list[str], index: int) -> bool:
    """Whether ``tokens[index]`` condemns, not denied ("not wrong", "nothing disgraceful about")."""
    return tokens[index] in CONDEMNING and _NEGATORS.isdisjoint(tokens[max(0, index - 3) : index]) and not any(
        token.endswith("n't") for token in tokens[max(0, index - 3) : index])


# A hashtag or slogan named rather than used: "the hashtag #hangthemall", "people were chanting ...", "signs reading
# ...", "graffiti saying ..." just before what was found (a few words of the slogan between), or "... was trending",
# "... went viral" just after it. The hashtag's "#" is gone by now (``normalise`` splits it into words).
_MENTION_BEFORE = re.compile(
    r"\b(?:(?:the|a|that|this|its|their|his|her|same|such) (?:[a-z-]+ )?(?:hashtags?|slogans?|chants?|mottos?|"
    r"catchphrases?|tags?|banners?|signs?|placards?|posters?|stickers?|t-shirts?|shirts?|graffiti|words?|"
    r"phrases?|memes?)(?: (?:that |which )?(?:reads?|reading|said|says|saying|read|with the words|bearing|"
    r"calling for))?|hashtags?|graffiti (?:saying|reading|that said|that read)|(?:signs?|placards?|banners?|"
    r"posters?|t-shirts?) (?:saying|reading|that said|that read|which said|which read|with the words)|"
    r"(?:chanting|chanted|chants|chant|singing|sang|shouting|yelling|screaming|scrawled|daubed|spray-painted|"
    r"sprayed|painted|tweeting|posting|trending)(?: of)?),?:? (?:[a-z]+ ){0,2}$")
_MENTION_AFTER = re.compile(
    r"^(?: ?[a-z]+){0,3}?,? (?:(?:was|is|were|are|has been|had been|have been|kept|started|began|went|go|goes|"
    r"keeps) )?(?:trending|trended|trend|viral|circulating|doing the rounds|painted|scrawled|"
    r"sprayed|daubed|chanted|written|"
    # a slogan spreads online; a people said to be a disease "spreading through every department" is no slogan
    r"(?:spreading|spread)(?! (?:through|across|into|among|amongst|like|in (?:our|the|this|every))\b))\b")
# The writer taking the slogan up: "let's get #x trending", "#x, about time", "someone do it".
_TAKEN_UP = re.compile(r"\b(?:about time|do it|let'?s|get it|make it|keep it|spread (?:it|the word)|"
                       r"long may|more of this|love (?:it|this|that)|hell yes|yes)\b")


def _mentioned(text: str, low: int, start: int, end: int, high: int) -> bool:
    """Whether what was found is (in) a hashtag or slogan the sentence names rather than uses: the mention words
    just before or after it, no first- or second-person word before them, and nothing in the sentence that takes
    the slogan up."""
    sentence = text[low:high]
    if _TAKEN_UP.search(sentence) or _endorses(_tokens(sentence)):
        return False
    before = _MENTION_BEFORE.search(text, max(low, start - 80), start)
    if before is not None:
        return _WRITER.isdisjoint(_tokens(text[low : before.start()]))
    after = _MENTION_AFTER.search(text[end:high])
    return after is not None and _WRITER.isdisjoint(_tokens(text[low:start]))


# Where the writer's answer to a reported speaker begins: a colon or a dash after the report. What follows may
# address its author ("the police have your details"), never approve of it ("good", "about time"), go on with a
# clause of the writer's ("and ..."), state the writer's intent ("I'll ...") or echo the harm ("slit yours").
_ANSWER = re.compile(r":|\s[-\u2013\u2014]+\s|\u2014")
_APPROVING = re.compile(
    r"^\s*(?:and|so|then|now)\b|\b(?:good|great|fair enough|about time|do it|deserve[sd]?|should|hope|wish|agree|"
    r"right|well done|go on|yes|love it|same here|me too|count me in|(?:i|we)(?:['\u2019](?:ll|d|m|re)| will| would|"
    r" am| are| shall| gonna)|kill|shoot|stab|slit|hang|hurt|beat|smash|burn|die|dead|bleed|cut|break|wait|"
    r"waiting|find|coming)\b")


def _reported_part(text: str, end: int, high: int) -> list[str]:
    """The tokens after what was found up to the writer's answer (a colon or a dash), or to the sentence end; all
    of them when the answer approves."""
    answer = _ANSWER.search(text, end, high)
    if answer is None or _APPROVING.search(text, answer.end(), high):
        return _tokens(text[end:high])
    return _tokens(text[end : answer.start()])


# Rivalry between clubs: what a supporter says to another club's fans before a match or a title race.
_RIVALRY = re.compile(r"(?:(?:we|i)(?:'re|\u2019re| are|'m| am) )?coming for (?:you|u|ya)|watch out|"
                      r"(?:you|u)(?:'re|\u2019re| are) next|watch your backs?")
_COMPETITION = re.compile(
    r"\b(?:league|title|table|season|points|game|games|match|matches|result|results|cup|derby|final|finals|fixture|"
    r"fixtures|trophy|champions|championship|relegation|promotion|play-?offs?|top (?:four|spot|of the table)|"
    r"(?:first|second|third|fourth|top) place|kick-off|goal difference|away day|home leg|tie|fans|supporters|"
    r"lads|squad|manager|win|won|beat|beaten|draw|points)\b")
_CLUB = re.compile(r"\b(?:[a-z]+ (?:fans|supporters)|fans of|(?:united|city|rovers|wanderers|athletic|county|"
                   r"spurs|arsenal|chelsea|liverpool|everton|villa|celtic|rangers|leeds|wolves|hammers|toffees|"
                   r"gunners|reds|blues|magpies|saints|foxes|canaries|hornets|seagulls|bees|owls|blades))\b")
# Harm, the body, a home or family, a place and time: what would make a rival's taunt menace.
_MENACING = re.compile(
    r"\b(?:kill|killed|hurt|hurting|stab|stabbed|shoot|shot|beat (?:you|him|them) up|batter|kick (?:your|his|their) "
    r"head|smash|knife|knives|gun|guns|bat|bats|bottle|bottles|blood|bleed|hospital|grave|dead|die|"
    r"face|faces|head|heads|legs|teeth|skull|throat|neck|knees|home|homes|house|houses|address|street|live|lives|"
    r"family|families|kids|children|wife|husband|mum|mother|sister|daughter|son|car|cars|after the (?:game|match)|"
    r"outside|car park|station|pub|tonight|find you|know where|wait for|waiting for)\b")


def competition(text: str) -> bool:
    """Whether the comment is a supporter's taunt about a competition (a club's fans, a table, a season, a game),
    with no harm word, no body, no home, family, place or time of meeting in it."""
    return bool(_COMPETITION.search(text)) and bool(_CLUB.search(text) or re.search(
        r"\b(?:league|title|table|season|cup|second place|top (?:four|spot))\b", text)) and not _MENACING.search(text)


# A supporter's "we" promising a rout: a verb of harm sport uses for winning big, aimed at the rival ("you", "you
# lot", "them"), in a comment that names a sport, a fixture or a ground. Kill, shoot, stab and the rest are no
# sport's words; a body, a weapon, a home or family, a harm outcome or a meeting after the game make it menace.
_ROUT = _words("""bury burying murder murdering slaughter slaughtering destroy destroying thrash thrashing hammer
    hammering batter battering crush crushing annihilate annihilating demolish demolishing smash smashing massacre
    massacring obliterate obliterating trounce trouncing spank spanking stuff stuffing humiliate humiliating""")
_TEAM_WE = _words("we we're we'll we've we'd")
_SOLO = _words("i i'm im i'll ill i've ive i'd")
_RIVAL = _words("you ya u yous youse y'all yall them")
_FIXTURE = re.compile(
    r"\b(?:league|title|table|season|cup|derby|final|finals|semis?|semi-final|quarter-final|fixture|fixtures|match|"
    r"matchday|kick-off|play-?offs?|points|nil|trophy|championship|tournament|six nations|world cup|ashes|"
    r"grand slam|test match|rugby|football|cricket|hockey|netball|darts|snooker|stadium|twickenham|wembley|"
    r"murrayfield|anfield|old trafford|etihad|stamford bridge|villa park|goodison|ibrox|celtic park|headingley|"
    r"edgbaston|lord's|the oval|principality|aviva|not your year|(?:[a-z]+ )?(?:fans|supporters))\b")
_ROUT_MENACE = re.compile(
    r"\b(?:six feet|feet under|in the ground|body|bodies|coffin|ambulance|bones|arms|nose|jaw|ribs|eyes|break|"
    r"broken|injur(?:e|ed|ies)|cripple|crippled|alive|weapons?|bring (?:a|your|some)|machete|axe|acid|fire)\b")


def _rout(text: str, low: int, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is the team's "we" promising the rival a rout in a comment about a competition
    ("we're going to bury you lot at Twickenham", "City fans, we'll destroy you next week"), with nothing that
    would make it menace (``_MENACING``, ``_ROUT_MENACE``) and no "I" in the clause: one person's promise to
    murder another is no sport."""
    found = _tokens(text[start:end])
    clause = _tokens(text[low:start]) + found
    return (not _ROUT.isdisjoint(found) and not _RIVAL.isdisjoint(found) and not _TEAM_WE.isdisjoint(clause)
            and _SOLO.isdisjoint(clause) and bool(_FIXTURE.search(text)) and not _MENACING.search(text)
            and not _ROUT_MENACE.search(text))


# An election promised as a rout: a verb of harm aimed at a candidate ("him", "her", "them") in a sentence about
# a vote ("the suburbs are going to bury him in November", "voters will crush them at the polls"): a prediction,
# never a call ("should", "someone") nor the first person singular, with nothing that would make it menace.
_RIVAL_CANDIDATE = _words("him her them")
_OBLIGED = _words("should must ought need needs let let's lets deserve deserves deserved someone somebody")
_ELECTION = re.compile(
    r"\b(?:elections?|by-elections?|polls|polling (?:day|station|booth)s?|ballots?|ballot box|votes?|voters?|voting|"
    r"primary|primaries|midterms?|caucus(?:es)?|campaign|landslide|seats?|constituency|electorate|swing states?|"
    r"(?:in|by|come) november|at the count|on (?:election|polling) day|re-?election)\b")


def _election_rout(text: str, low: int, high: int, start: int, end: int) -> bool:
    found = _tokens(text[start:end])
    clause = _tokens(text[low:start]) + found
    return (not _ROUT.isdisjoint(found) and not _RIVAL_CANDIDATE.isdisjoint(found) and _SOLO.isdisjoint(clause)
            and _OBLIGED.isdisjoint(clause) and bool(_ELECTION.search(text, low, high)) and not _MENACING.search(text)
            and not _ROUT_MENACE.search(text))


# Hyperbole at the maker of a thing: "I'd happily strangle whoever designed these parking meters", "I could kill
# whoever came up with this timetable". The target is only "whoever" made or chose a thing; a person, a story or
# the reader in the rest of the sentence keeps it a threat ("whoever wrote this article", "whoever designed it, he").
_MADE_A_THING = re.compile(
    r" (?:designed|invented|thought up|came up with|dreamt up|dreamed up|decided on|programmed|installed|scheduled|"
    r"timetabled|laid out|picked|chose|approved the design of|signed off on)\b")
_NOT_A_THING = _words("""article piece story column report headline he she him her they them you your u ur reporter
    journalist writer author editor columnist""")


def _maker_hyperbole(text: str, end: int, high: int) -> bool:
    """Whether the harm found just before ``end`` is aimed at "whoever" made a thing, with no person after it."""
    return (text[:end].rstrip().endswith("whoever") and _MADE_A_THING.match(text, end) is not None
            and _NOT_A_THING.isdisjoint(_tokens(text[end:high])))


def framed(kind: str, text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, found by a check of ``kind`` (threat, group, insult, profanity), is speech about
    abuse rather than abuse: quoted and reported, reported by a third party, condemned, or denied."""
    quoted = quoted_spans(text) if ("\"" in text or "'" in text or "\u201c" in text or "\u2018" in text
                                     or "\u00ab" in text) else []
    low, high = _sentence(text, start, end, quoted)
    if any(q_low < start and end <= q_high for q_low, q_high in quoted):
        outside = _tokens(_outside(text, low, high, quoted))
        return (not _endorses(outside) and not _taken_up(outside)
                and any(token in _SPEECH and not _spoken_by_writer(outside, index)
                        for index, token in enumerate(outside)))
    found = _tokens(text[start:end])
    if kind == "threat" and _RIVALRY.fullmatch(text[start:end].strip(" ,.!")) and competition(text):
        return True  # "we're coming for you" to a rival club's fans: a title race, not menace
    if kind == "threat" and _rout(text, low, start, end):
        return True  # "we'll murder you on Saturday" from a supporter before a fixture: a rout, not murder
    if kind == "threat" and _election_rout(text, low, high, start, end):
        return True  # "the suburbs are going to murder him in November": a vote, not a killing
    if kind == "threat" and _maker_hyperbole(text, end, high):
        return True  # "I'd happily strangle whoever designed these meters": exasperation at a thing
    if kind in ("insult", "profanity") or not _WRITER.isdisjoint(found):
        return False  # aimed at the reader, or the writer's own intent: only a quotation reports it
    before_text = text[low:start]
    if _DENIED_SUBJECT.search(before_text) or _mentioned(text, low, start, end, high):
        return True
    before, after = _tokens(_outside(text, low, start, quoted)), _tokens(_outside(text, end, high, quoted))
    sentence = before + found + after
    if _endorses(sentence) or (before and before[0] in ("as", "like")):
        return False
    # A third party's speech or deed, told before what was found, with neither writer nor reader in the sentence
    # (the writer may answer its author after a colon or a dash: "to the man who told her he'd slit her throat: the
    # police have your details"), and no new clause between the two.
    if _WRITER.isdisjoint(before + found + _reported_part(text, end, high)):
        for match in _REPORTING_WORD.finditer(text, low, start):
            speaker = _tokens(text[max(low, match.start() - 20) : match.start()])[-2:]
            if not speaker and _ELIDED_WRITER.match(text, match.end()):
                continue  # "Posted her address on the residents' group so ...": the writer's own act, "I" left out
            if speaker[-1:] == ["whoever"] and _WRITING_DONE.match(text, match.end(), start):
                continue  # "Whoever wrote this article should be shot": its writer is the target, nothing reported
            if _GENERIC_SPEAKERS.isdisjoint(speaker) and not _CLAUSE_BREAK.search(text, match.end(), start):
                return True
    # Speech condemned: "<speech> ... found ... <condemned>" or "<condemned> ... <speech> ... found".
    speech_before = [index for index, token in enumerate(before) if token in _SPEECH]
    if speech_before:
        if any(_condemned(after, index) for index in range(len(after))) or CONDEMNING_PHRASES.search(
                " ".join(after)):
            return True
        first = speech_before[0]
        if any(_condemned(before, index) for index in range(first)) or CONDEMNING_PHRASES.search(
                " ".join(before[:first])):
            return True
    return False


# The profanity list's words read in their sentence: an insult the writer aims at themself, a swear word that is an
# exclamation or says how bad a thing is, and no one is named in the sentence.
_SELF_INSULTS = _words("idiot idiots moron morons imbecile dickhead")
_SELF = re.compile(r"\b(?:i(?:'m| am| was|'ve been| have been| feel like| felt like| looked like)|im|call me|"
                   r"calling myself|made me (?:look|feel) like)(?: (?:such|a|an|the|complete|total|absolute|utter|"
                   r"bit|of|biggest|real|proper|right|massive|bloody))* $")
_EXPLETIVES = _words("fuck fucking fuckin fucked shit shits shitty bullshit")
_INTENSIFIERS = _words("fucking fuckin shitty")
_PRAISE = _words("incredible amazing brilliant great awesome beautiful fantastic superb gorgeous lovely unreal "
                 "class magic magnificent epic glorious sublime tremendous outstanding delighted buzzing chuffed")
_EXCLAIMING = _words("oh holy ah aw aww well and but")
# Things a swear word may be aimed at without abusing anyone.
_THINGS = _words(
    """weather rain snow wind heat cold fog traffic mess bins bin roads road potholes pothole roadworks bus buses
    train trains tram trams queue queues parking printer computer laptop phone app website paywall ads adverts
    wifi internet signal prices price bills rent taxes system day days week weekend monday mondays morning
    night time thing things stuff deadline forms paperwork noise construction scaffolding alarm smell flies
    wasps mosquitoes hangover flu pandemic lockdown winter summer year commute delay delays meeting stairs lift
    door doors hill car cars engine boiler heating kettle coffee news service weather forecast football game
    match season holiday film result results pay wages coverage journey goal goals finish save saves
    article articles story headline headlines column reporting journalism website paper newspaper
    decision decisions process outcome outcomes show shows series episode episodes book album song songs
    performance performances display half policy plan plans idea ideas law bill budget deal situation pitch
    month weeks months ending script plot acting finale sequel remake update scheme schemes referendum election
    campaign debate programme program contract signing transfer tactics lineup selection squad defending
    marking officiating refereeing var broadband service services consultation planning application rules""")
# The writer's own state ("i'm so fucking tired of ...") and one-word verdicts on a situation ("fucking joke.").
_STATES = _words("""tired sick fed done exhausted knackered furious angry livid fuming bored freezing starving soaked
    skint gutted relieved proud happy glad delighted chuffed sorry confused lost stuck late""")
_OWN_STATE = re.compile(r"\b(?:i(?:'m| am| was| feel| felt| get| got)|im|we(?:'re| are| were| feel| get| got))"
                        r"(?: (?:so|just|absolutely|really|bloody|totally|completely|utterly|getting|always))* \Z")
_VERDICTS = _words("joke shambles farce nightmare circus mess disgrace embarrassment scandal travesty")
# "shit" as a noun for the situation, after a demonstrative: "I'm so tired of this shit", "all this bullshit has to
# stop"; never before a person word ("this shit journalist") or with a person in the sentence.
_SITUATION_SHIT = _words("shit bullshit")
# A sentence that is nothing but things sworn at one by one: "Shit game, shit weather, shit pie." A thing of
# _THINGS in the list carries the rest ("pie" is none); a person or a group in it ("shit ref") keeps it a swear at them.
_SWORN_ITEM = r"(?:shit|shite|shitty|fucking|fuckin) (?:[a-z'-]+ )?[a-z'-]+"
_SWORN_LIST = re.compile(rf"\W*{_SWORN_ITEM}(?:(?:,|;|,? and|,? &) {_SWORN_ITEM})+\W*")
_SWEARING = _words("shit shite shitty fucking fuckin")
_DEMONSTRATIVE = re.compile(r"\b(?:this|that|such|the same(?: old)?)(?: (?:kind|sort) of)? \Z")
# A verdict's subject that is no person: the situation ("it's a", "this is an absolute", "what a") or an institution
# ("this government is an absolute", "the council are a").
_VERDICT_SUBJECT = re.compile(
    r"\b(?:(?:it(?:'s| is| was)|its|this(?: is| was)|that(?:'s| is| was)|what|which is)|"
    # "the state of this waiting list is a": a verdict on the state of a thing
    r"(?:the )?state of (?:the|this|that|our|these|those) (?:[a-z]+ ){1,3}?(?:is|was|are|were)|"
    r"(?:the|this|that|our|your|"
    r"their|whole) (?:[a-z]+ )?(?:government|council|system|party|cabinet|club|board|department|service|company|"
    r"league|management|administration|opposition|parliament|ministry|nhs|home office|health board|trust|"
    r"authority|federation|regime|coalition|budget|policy|scheme|process|inquiry|consultation|organisation|"
    r"organization) (?:is|are|was|were|has been|have been|remains?)(?: (?:just|now|still|frankly|honestly|"
    r"officially))?) (?:an? )?(?:(?:absolute|total|complete|utter|bloody) )?\Z")
_PEOPLE = _words(
    """he she him her his hers they them their he's she's they're man woman men women guy guys bloke lady staff
    people person driver drivers warden wardens officer officers police cop cops manager boss councillor
    councillors mp mps minister mayor editor reporter journalist ref referee player players owner landlord
    presenter presenters host hosts actor actors actress singer singers writer writers author columnist coach
    keeper goalkeeper striker defender pundit pundits commentator star stars judge judges doctor doctors nurse
    teacher teachers chairman chair chief ceo president senator governor""")
# People spoken of without being named, whom "this shit" may be about ("anyone who believes this shit is ...").
_ANY_PERSON = _PEOPLE | _words("anyone anybody everyone everybody whoever who idiots morons sheep sheeple")
_THING_STATE = re.compile(
    rf"\b(?:{'|'.join(sorted(_THINGS, key=len, reverse=True))})\b(?: [a-z']+){{0,8}} (?:is|was|are|were|been|be|"
    r"gets?|got|getting|looks?|looked|seems?|seemed|feels?|felt)(?: (?:absolutely|just|so|really|bloody|pretty|"
    r"utterly|completely|totally|frankly|honestly|still|always))* \Z")

# Groups a verdict's comment may be about ("the idea was bullshit. It came from a woman after all"); frames.py
# cannot read lexicon's lists (lexicon reads frames), so the commonest are named here.
_GROUP_WORDS = _words(
    """woman women girl girls trans gay gays lesbian lesbians black blacks muslim muslims jew jews jewish immigrant
    immigrants migrant migrants refugee refugees disabled asian asians arab arabs gypsy gypsies foreigner
    foreigners""")
# A thing said to be "shit": "this show is absolute shit now", "the refereeing was total bullshit".
_THING_IS = re.compile(
    rf"\b(?:{'|'.join(sorted(_THINGS, key=len, reverse=True))})\b(?: [a-z']+){{0,8}} (?:is|was|are|were|has been|"
    r"have been|looks?|looked|sounds?|sounded|gets?|got)(?: (?:absolute|total|complete|utter|pure|just|so|really|now|"
    r"still|always|absolutely|totally|completely|utterly|proper|actual))* \Z")


# A slur or insult another person aimed at someone, told by the writer: quoted after a verb of abusive speech
# ("my neighbour yelled 'go home, you ...' at my husband"), or the word a third party called someone, judged by the
# comment ("stop a teacher calling a pupil a ...; the tribunal got this one right"). Never the writer's own use
# ("I call them ..."), a quotation the writer takes up ("as my dad says, '...'"), or a report the writer agrees
# with ("he called him a ... and he was right").
_ABUSE_SPEECH = _words("""yelled shouted called screamed spat muttered wrote written daubed sprayed scrawled painted
    chanted hissed hurled jeered taunted texted messaged tweeted posted said told sang yelling shouting screaming
    calling muttering chanting hissing emailed""")
_SUBJECT_WRITER = _words("""i we us me you u ya i'm im i've ive i'll i'd we're we've we'll we'd you're youre you've
    you'll you'd y'all yall let's lets""")
_CLAUSE_WORDS = _words("and but or because so if when while who which that than then")
_CALLING = re.compile(r"\b(?:call|calls|called|calling|branded|branding|labelled|labelling)((?: [a-z'\u2019-]+){1,4}?)"
                      r" $")
# The writer agreeing with the speaker: "and he was right", "not wrong", "that's what they are", "good.", "lol".
_ENDORSED = re.compile(
    r"\b(?:(?:he|she|they|who|and)(?:'s|'re| is| are| was| were)? (?:right|correct|spot on|bang on|not wrong)|"
    r"(?:was|were|is|are|'s|'re)(?:n't| not) wrong|not wrong|agree|agreed|agrees|(?:^|[.!?] )exactly|spot on|"
    r"bang on|the truth|"
    r"said it|says it|about time|fair enough|fair point|(?:has|had) a point|well said|too right|quite right|so true|"
    r"true that|what (?:they|he|she|it) (?:are|is|was|were)|(?:he|she|they|it)(?:'s|'re| is| are) (?:one|all)|"
    r"because (?:that's|that is|they are|they're|he is|he's|she is|she's) (?:what|one|all)|like it is|"
    r"good on (?:him|her|them)|deserved|legend|hero|lol|lmao|haha|"
    r"so (?:they|he|she) should|quite right|well done|good (?:lad|lads|man|bloke)|top bloke|love it|brilliant|"
    r"hilarious|(?:just|being|brutally) honest|honesty|(?:^|[.!?] )facts?|(?:that's|it's|just) (?:a )?facts?|"
    r"(?<!isn't )(?<!not )(?:pc|political correctness) gone mad|woke|snowflakes?|"
    r"can'?t say anything|free speech|madness|nanny state|thought police|(?:^|[.!?] )good)\b")
# A judgement on the calling: a condemnation, a sanction, a word for abuse.
_JUDGED = re.compile(
    r"\b(?:tribunals?|sacked|sacking|dismissed|disciplined|reprimanded|prosecuted|convicted|fined|cautioned|"
    r"arrested|charged|struck off|complaints?|complained|investigation|abuse|abused|abusive|bullying|bullied|"
    r"harass(?:ed|ment)|racism|hate crimes?|hurtful|upsetting|heartbreaking|appalled|disgusted|still happens|"
    r"how common|got (?:it|this|that)(?: one)? right|right to (?:sack|stop|ban|suspend|discipline|punish|report)|"
    r"(?:that's|that is|it's|it is|this is|was|utterly|absolutely|just) (?:disgusting|vile|shocking|awful|"
    r"horrible|cruel|sickening|disgraceful))\b")


def _speaker_not_writer(before: list[str], verb: int) -> bool:
    """Whether the speaker of ``before[verb]`` is a third party: no "I", "we" or "you" in the four words before
    it ("my neighbour yelled" is the neighbour's), and no "as" or "like" taking the words up ("as my dad says")."""
    near = before[max(0, verb - 4) : verb]
    return _SUBJECT_WRITER.isdisjoint(near) and _MODAL.isdisjoint(near) and "as" not in near and "like" not in near


def _called_the_writer(before: list[str]) -> bool:
    """Whether the calling just after ``before`` is in the passive with the writer or the writer's family as its
    subject ("I was called ...", "my grandfather got called ...", "we were being called ..."): someone else's
    words, received. Not with "you" near (what the reader is called is the writer's to say), and not after a
    modal ("my son should be called ...")."""
    near = before[-4:]
    return (bool(near) and near[-1] in _PASSIVE and not _FIRST_PERSON.isdisjoint(near)
            and SECOND_PERSON.isdisjoint(before) and _MODAL.isdisjoint(near))


def _reported_slur(text: str, start: int, end: int) -> bool:
    """Whether the listed word ``text[start:end]`` is one another person aimed at someone, reported or quoted by
    the writer (see ``_ABUSE_SPEECH``), the writer agreeing nowhere in the comment."""
    quoted = quoted_spans(text)
    if _ENDORSED.search(_outside(text, 0, len(text), quoted)):
        return False
    low, high = _sentence(text, start, end, quoted)
    if any(q_low < start and end <= q_high for q_low, q_high in quoted):
        outside = _tokens(_outside(text, low, high, quoted))
        return any(token in _ABUSE_SPEECH and _speaker_not_writer(outside, index)
                   for index, token in enumerate(outside))
    calling = _CALLING.search(text, low, start)
    if calling is None:
        return False
    named = _tokens(calling.group(1))
    if text[start:end] in named or not _CLAUSE_WORDS.isdisjoint(named) or not SECOND_PERSON.isdisjoint(named):
        return False  # "calling a ... a ...", "called X because some ...", "calling you a ...": no third party's call
    before = _tokens(text[low : calling.start()])
    if _called_the_writer(before):
        return True  # "my grandfather was called a ... every day": abuse the writer's side received, told
    # "sacked for calling", "the right to call": the subject is the whole clause's.
    near = before if before[-1:] in (["for"], ["to"], ["by"], ["after"], ["about"]) else before[-4:]
    if not _SUBJECT_WRITER.isdisjoint(near) or not _MODAL.isdisjoint(near) or before[-1:] in (["as"], ["like"]):
        return False
    rest = text[:start] + " " + text[end:]
    tokens = _tokens(rest)
    return bool(_JUDGED.search(rest)) or any(_condemned(tokens, index) for index in range(len(tokens)))


def addressed(tokens: list[str]) -> bool:
    """Whether the words speak to someone: a second-person word other than the "you" of thanks ("fucking brilliant
    reporting, thank you" swears at no one)."""
    return any(token in SECOND_PERSON and not (index and tokens[index - 1] == "thank" and token in ("you", "u"))
               for index, token in enumerate(tokens))


def addressed_in(text: str) -> bool:
    return addressed(_tokens(text))


def harmless_intensifier(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a swear word that only intensifies praise or a thing's state, at no one
    ("that's fucking incredible", "this fucking weather"; ``profanity_framed``)."""
    return text[start:end] in _INTENSIFIERS and profanity_framed(text, start, end)


def profanity_framed(text: str, start: int, end: int) -> bool:
    """Whether the profane word ``text[start:end]`` harms no one: quoted and reported, a self-deprecating insult
    ("call me a moron, but ..."), or a swear word that exclaims or qualifies a thing ("fuck, I missed the
    deadline", "this fucking weather"), with no second-person word in the sentence."""
    quoted_speech = framed("profanity", text, start, end) and not _ENDORSED.search(
        _outside(text, 0, len(text), quoted_spans(text)))  # "... shouted '...' at them. Can't say anything now"
    if quoted_speech or _reported_slur(text, start, end):
        return True
    quoted: list[tuple[int, int]] = []
    low, high = _sentence(text, start, end, quoted)
    word = text[start:end]
    before, after = _tokens(text[low:start]), _tokens(text[end:high])
    if addressed(before) or addressed(after):
        return False
    if word in _SELF_INSULTS:
        return bool(_SELF.search(text[low:start]))
    if word not in _EXPLETIVES:
        return False
    if _EXCLAIMING.issuperset(before) and (not after or after[0] == "happens" or text[end:high].lstrip()[:1] in
                                           (",", "!", "?", "")):
        return True
    if (word in _INTENSIFIERS and after and after[0] in _STATES and _PEOPLE.isdisjoint(after)
            and _OWN_STATE.search(text, low, start)):
        return True  # "I'm so fucking tired of sandbags": the writer's own state
    if word in _INTENSIFIERS and after and after[0] in _VERDICTS and (
            len(before) <= 3 or _VERDICT_SUBJECT.search(text, low, start)) and _PEOPLE.isdisjoint(before + after):
        # "Fucking joke." after a sentence about a pothole, "... and it's a fucking joke", "this government is an
        # absolute fucking shambles": a verdict on a situation or an institution
        return True
    delight = after and (after[0] in _PRAISE or after[:2] == ["get", "in"])
    if word in _INTENSIFIERS and delight and _PEOPLE.isdisjoint(before + after):
        return True  # "that's fucking incredible", "fucking get in!": delight, at no one
    if (word in _SITUATION_SHIT and _ANY_PERSON.isdisjoint(before + after)
            and _DEMONSTRATIVE.search(text, low, start)):
        return True  # "I'm so tired of this shit. Third boil-water notice this year"
    if (word in _INTENSIFIERS or word == "shit") and after and after[0] in _THINGS:
        return True  # "this fucking weather", "shit news for pensioners"
    if word in _SWEARING and _SWORN_LIST.fullmatch(text, low, high):
        things = set(_tokens(text[low:high])) - _SWEARING
        if not _THINGS.isdisjoint(things) and _ANY_PERSON.isdisjoint(things) and _GROUP_WORDS.isdisjoint(things):
            return True  # "Shit game, shit weather, shit pie.": things sworn at one by one
    if word in _SITUATION_SHIT and _THING_IS.search(text, low, start) and _PEOPLE.isdisjoint(
            before + _tokens(re.split(r"[,;:\u2013\u2014]", text[end:high], maxsplit=1)[0])) and (
            _GROUP_WORDS.isdisjoint(_tokens(text))):
        # "this show is absolute shit now, ...": a verdict on a thing, no one else in its clause and no group in
        # the comment ("the idea was bullshit. It came from a woman after all")
        return True
    # "the traffic this morning was absolutely fucking unbearable": a thing's state, no one else in the sentence
    return (word in _INTENSIFIERS and _PEOPLE.isdisjoint(before + after)
            and bool(_THING_STATE.search(text, low, start)))
