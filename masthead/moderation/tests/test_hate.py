"""Identity-directed hate is found by structure (a group named by who they are + a derogation), and speech about
hate — negated, quoted, countered — is told apart. Written from general knowledge, not from any evaluation set."""

from __future__ import annotations

import pytest

from masthead.moderation.hate import identity_signals, signals
from masthead.moderation.normalise import normalise


def found(text: str) -> frozenset[str]:
    return identity_signals(normalise(text).text)


@pytest.mark.parametrize(("text", "signal"), [
    ("Muslims are a disease on this country.", "identity_derogation"),
    ("Honestly, black people are just so lazy.", "identity_derogation"),
    ("Immigrants are nothing but criminals and thieves.", "identity_derogation"),
    ("Disabled people are a burden on the rest of us.", "identity_derogation"),
    ("i really despise jews", "identity_contempt"),
    ("I can't stand gay men.", "identity_contempt"),
    ("Trans people disgust me.", "identity_contempt"),
    ("Refugees should be deported, every one.", "identity_exclusion"),
    ("Women should never be allowed to vote.", "identity_exclusion"),
    ("We need to get rid of the foreigners here.", "identity_exclusion"),
])
def test_hate_by_structure(text: str, signal: str) -> None:
    assert signal in found(text)


@pytest.mark.parametrize(("text", "signal"), [
    ("Women are not inferior to men.", "identity_negated"),
    ("I don't hate Muslims, I just disagree with the cleric.", "identity_negated"),
    ("Saying immigrants are vermin is wrong.", "identity_countered"),
    ('He called Jews "parasites" and was rightly fired.', "identity_countered"),
    ("Claiming gay people are sick is plain bigotry.", "identity_countered"),
])
def test_speech_about_hate_is_marked_as_such(text: str, signal: str) -> None:
    result = found(text)
    assert signal in result
    assert not result & {"identity_derogation", "identity_contempt", "identity_exclusion"}


@pytest.mark.parametrize("text", [
    "The report on women in science was published today.",
    "Muslims and Christians in the town held a joint vigil.",
    "Gay people deserve the same rights as everyone else.",
    "Immigrants are a large share of the nurses in the county hospital.",
    "Black people are under-represented on the council, the study says.",
    "The refugees should be housed before winter, the charity said.",
    "Deaf people are asking for captions on the council's videos.",
    "A new law to protect disabled people from discrimination.",
])
def test_neutral_and_supportive_mentions_carry_no_signal(text: str) -> None:
    assert not found(text)


def test_threat_checks_are_shared_with_the_classifier() -> None:
    text = normalise("I will find you and break your legs.").text
    assert "threat" in signals(text)


def test_the_shipped_model_weighs_the_structures() -> None:
    from masthead.moderation.backends.linear import BUILTIN
    from masthead.moderation.linear import LinearModel

    model = LinearModel.load(BUILTIN)
    structure = [block for block in model.blocks if block.__class__.__name__ == "_StructureBlock"]
    assert structure, "the base model has a structure block"
    weights = {name: pair.imag for name, pair in structure[0].table.items()}  # complex(idf, weight)
    assert all(weights[name] > 0 for name in ("threat", "identity_derogation", "identity_contempt",
                                              "identity_exclusion"))
    hateful = model.probability(normalise("Disabled people are a burden on the rest of us.").text)
    neutral = model.probability(normalise("Disabled people are a large part of the rest of us.").text)
    assert hateful > neutral


# Denied positives, negated abilities, contempt through "for", "belong in", distrust, denied rights: written from
# general knowledge of how group hate is phrased politely, each with benign sentences that share its words.
@pytest.mark.parametrize(("text", "signal"), [
    ("Muslims are never any good at anything.", "identity_derogation"),
    ("Refugees are not welcome in this town.", "identity_derogation"),
    ("Gay people are simply not normal.", "identity_derogation"),
    ("Immigrants are no better than animals.", "identity_derogation"),
    ("Jews can't be trusted with money.", "identity_derogation"),
    ("Foreigners will never learn our ways.", "identity_derogation"),
    ("Women are not even remotely capable of leading.", "identity_derogation"),
    ("I have nothing but contempt for trans people.", "identity_contempt"),
    ("I have no respect for women.", "identity_contempt"),
    ("Never trust a Muslim.", "identity_contempt"),
    ("Honestly I resent immigrants.", "identity_contempt"),
    ("Gay men make me want to puke.", "identity_contempt"),
    ("I can't bear disabled people.", "identity_contempt"),
    ("Immigrants don't deserve any rights here.", "identity_exclusion"),
    ("Women belong in the kitchen, not in parliament.", "identity_exclusion"),
])
def test_polite_hate_by_structure(text: str, signal: str) -> None:
    assert signal in found(text)


@pytest.mark.parametrize("text", [
    "Muslims are good neighbours, in my experience.",
    "Refugees are welcome in this town, the mayor said.",
    "Immigrants are not the problem; the housing shortage is.",
    "Women are no less capable than men of leading.",
    "Jews can be trusted like anyone else.",
    "Refugees don't deserve this treatment.",
    "Women belong in parliament as much as men do.",
    "I trust immigrants to make this town stronger.",
    "Immigrants deserve respect and a fair hearing.",
    "The council will consider whether foreigners can vote in local elections.",
])
def test_polite_hate_has_benign_counterparts(text: str) -> None:
    assert not found(text) & {"identity_derogation", "identity_contempt", "identity_exclusion"}


@pytest.mark.parametrize(("text", "signal"), [
    ("I haet mulsims.", "identity_contempt"),  # swapped letters
    ("Imigrants are disgutsing.", "identity_derogation"),  # a dropped letter, a swapped pair
    ("Wmoen are worhtless.", "identity_derogation"),
    ("ihatewomen", "identity_contempt"),  # words run together
    ("Muslimsaredisgusting.", "identity_derogation"),
])
def test_misspelt_and_run_together_hate_is_read(text: str, signal: str) -> None:
    assert signal in found(text)


@pytest.mark.parametrize("text", [
    "It backs the plan; the region lacks the money.",  # "backs" and "lacks" are words, not a misspelt group
    "The blacksmith and the translation office share a building.",
    "Statement from the Whitehouse: talks resume in India and Syria.",
    "I hate transport delays and garage fees.",
])
def test_real_words_are_not_read_as_misspellings(text: str) -> None:
    assert not found(text) & {"identity_derogation", "identity_contempt", "identity_exclusion"}


@pytest.mark.parametrize("text", [
    "I am going to kill all the immigrants.",
    "We should shoot every Muslim we see.",
    "I'll hurt any gay man who comes near me.",
    "Let's burn the refugees out of that hotel.",
])
def test_harm_intended_against_a_group_is_group_violence(text: str) -> None:
    assert "group_violence" in signals(normalise(text).text)


@pytest.mark.parametrize("text", [
    "Police shot black people in the riot, the report says.",
    "We should not hurt refugees to score points.",
    "We will help immigrants find housing.",
    "Saying we should kill all Jews is evil.",  # counter-speech
])
def test_reported_negated_or_countered_harm_is_not_group_violence(text: str) -> None:
    assert "group_violence" not in signals(normalise(text).text)


@pytest.mark.parametrize("text", [
    "I don't think immigrants are lazy.",
    "It is not true that Muslims are violent.",
    "Nobody believes gay people are sick.",
])
def test_a_denied_belief_is_negated(text: str) -> None:
    result = found(text)
    assert "identity_negated" in result
    assert "identity_derogation" not in result


def test_an_asserted_belief_is_derogation() -> None:
    assert "identity_derogation" in found("I think immigrants are lazy.")


@pytest.mark.parametrize("text", [
    "Nobody thinks immigrants should be killed.",
    "I would never say refugees should be shot.",
])
def test_denied_calls_for_harm_are_not_weighed_as_harm(text: str) -> None:
    result = signals(normalise(text).text)
    assert "harm_countered" in result
    assert not result & {"threat", "group_violence", "identity_exclusion"}


def test_a_call_for_harm_after_a_denial_of_hate_is_still_harm() -> None:
    result = signals(normalise("I don't hate Muslims, but they should all be shot.").text)
    assert {"threat", "identity_exclusion"} <= result
