import pytest

from harmtrace.extract.stances import (
    Stance,
    drop_bare_denials,
    from_verbs,
    is_claim_of_attack,
    is_denial,
)


@pytest.mark.parametrize("text", [
    "its aircraft had carried out no strikes in the area",
    "no civilians had been killed",
    "the army did not use any chemical weapon",
    "there was no evidence the attack had come from Yemen",
    "Tehran had played no part",
    "Not a single missile has been fired from the territory of Armenia",
])
def test_denials(text):
    assert is_denial(text)


@pytest.mark.parametrize("text", [
    "it could not yet determine which country's aircraft had carried out the raid",
    "He did not say when the school was hit",
    "it would not have been attacked had the army known that civilians were inside",
    "The Coalition has not confirmed those figures",
])
def test_uncertainty_and_counterfactuals_are_no_denials(text):
    assert not is_denial(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("the coalition had deliberately bombed a public place", True),
    ("it had been carried out by Assad's government", True),
    ("claimed responsibility for the bombing", True),
    ("the coalition would continue to strike targets", False),
    ("US forces fired more than 30,000 artillery rounds into the city", False),
    ("forces that kept firing heavy explosive weapons into streets", False),
])
def test_claims_of_one_attack(text, expected):
    assert is_claim_of_attack(text) is expected


def test_verbs_give_the_subject_as_speaker(nlp):
    doc = nlp("The Syrian National Coalition accused the government of carrying out the attack.")
    (stance,) = from_verbs(next(iter(doc.sents)), [])
    assert stance.speaker == "The Syrian National Coalition" and not stance.negated


def test_a_bare_rejection_followed_by_a_fuller_denial_is_one_denial():
    bare = Stance("Armenia", 0, 10, True, specific=False)
    full = Stance("Armenian Ministry of Defence", 20, 40, True)
    kept = drop_bare_denials([(3, bare), (4, full)])
    assert kept == [(4, full)]
