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
