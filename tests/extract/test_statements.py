"""Statements end to end: quotations and reported speech on sentences written for
these tests, one phenomenon each."""

import json

import pytest

from harmtrace.extract.statements import extract_statements


def statements(nlp, text):
    found = extract_statements(nlp(text))
    for st in found:
        assert text[st.start:st.end] == st.content
    return found


def only(found, kind):
    return [s for s in found if s.kind == kind]


# Direct speech


def test_direct_quote_with_cue_after_it(nlp):
    text = ('"We found the bodies of four children under the roof," said Ahmed Karimi, '
            "a paramedic with the Red Crescent.")
    (st,) = statements(nlp, text)
    assert st.kind == "direct"
    assert st.speaker == "Ahmed Karimi"
    assert st.content == "We found the bodies of four children under the roof,"
    assert st.cue == "said"


def test_quotation_split_around_its_cue(nlp):
    text = ('"The first wounded arrived before dawn," Maria Lopez said, '
            '"and by noon we had no beds left."')
    found = statements(nlp, text)
    assert [(s.speaker, s.content) for s in found] == [
        ("Maria Lopez", "The first wounded arrived before dawn,"),
        ("Maria Lopez", "and by noon we had no beds left."),
    ]


def test_quotation_of_several_sentences_is_one_statement(nlp):
    text = ('"The drones came at night. They hit the well first. Then the school," '
            "said Tesfaye Alemu, a farmer from the village.")
    (st,) = statements(nlp, text)
    assert st.content == "The drones came at night. They hit the well first. Then the school,"
    assert st.speaker == "Tesfaye Alemu"


def test_quotation_over_two_paragraphs_keeps_its_speaker(nlp):
    text = ('Police chief Omar Haidari described the attack. "The bomber walked into the '
            "queue at the gate.\n\n"
            '"We counted the dead until midnight," he said.')
    found = statements(nlp, text)
    assert [s.speaker for s in only(found, "direct")] == ["Omar Haidari", "Omar Haidari"]


def test_dash_cue_after_the_quote_and_a_title_referring_back(nlp):
    text = (
        "Defence spokesman Colonel Anton Mirov spoke to reporters in the capital.\n\n"
        "“Their aircraft struck a hospital that was clearly marked.” — the Colonel said."
    )
    (st,) = only(statements(nlp, text), "direct")
    assert st.speaker == "Anton Mirov"
    assert st.speaker_role == "Defence spokesman"


def test_cue_before_a_quotation(nlp):
    text = ('UN envoy Hans Grundberg said in a statement: "Attacks on ports must stop. '
            'Food must reach the people."')
    (st,) = statements(nlp, text)
    assert st.speaker == "Hans Grundberg"
    assert st.cue == "said in a statement"
    assert st.content == "Attacks on ports must stop. Food must reach the people."


def test_a_quotation_with_no_cue_continues_the_previous_speaker(nlp):
    text = ('"We have lost everything," said Fatima Yusuf, a teacher in Maiduguri. '
            '"Our school is ashes."')
    found = statements(nlp, text)
    assert [s.speaker for s in found] == ["Fatima Yusuf", "Fatima Yusuf"]


def test_quoted_phrase_inside_a_reported_sentence(nlp):
    text = ('The prime minister called the shelling of the market "a war crime" and '
            "promised an inquiry.")
    (st,) = statements(nlp, text)
    assert st.kind == "direct"
    assert st.content == "a war crime"


# Reported speech


def test_reported_speech_that_clause(nlp):
    text = "The health ministry said that eleven people had been killed in the market."
    (st,) = statements(nlp, text)
    assert st.kind == "indirect"
    assert st.content == "eleven people had been killed in the market"
    assert st.cue == "said"


def test_reported_speech_with_the_cue_after_it(nlp):
    text = ("Artillery fire destroyed the only bridge into the town on Monday, "
            "Amnesty International said.")
    (st,) = statements(nlp, text)
    assert st.speaker == "Amnesty International"
    assert st.content == "Artillery fire destroyed the only bridge into the town on Monday"


def test_a_cue_inside_the_reported_words_attributes_both_sides(nlp):
    text = ("Aid worker Ingrid Berg described the convoy. The first truck was hit near "
            "the bridge, she said, but the drivers of the others escaped on foot.")
    found = [s for s in statements(nlp, text) if s.cue == "she said"]
    assert [s.content for s in found] == [
        "The first truck was hit near the bridge",
        "but the drivers of the others escaped on foot",
    ]
    assert {s.speaker for s in found} == {"Ingrid Berg"}


@pytest.mark.parametrize(("sentence", "cue", "content"), [
    ("Governor Aliyu Musa stressed that the evacuation would continue.", "stressed",
     "the evacuation would continue"),
    ("A police spokesman told reporters that two suspects had been arrested.",
     "told reporters", "two suspects had been arrested"),
    ("The mayor of Kharkiv expressed surprise that the shelter had been hit.",
     "expressed surprise", "the shelter had been hit"),
    ("The Tatmadaw denied that its artillery had fired on the camp.", "denied",
     "its artillery had fired on the camp"),
    ("Airwars warned that the death toll could rise.", "warned",
     "the death toll could rise"),
])
def test_reporting_verbs_with_a_clause(nlp, sentence, cue, content):
    (st,) = statements(nlp, sentence)
    assert (st.cue, st.content) == (cue, content)


@pytest.mark.parametrize(("sentence", "cue", "content"), [
    ("The Ethiopian government accused the rebels of shelling the hospital.", "accused",
     "the rebels of shelling the hospital"),
    ("The Red Cross urged both sides to spare civilians.", "urged",
     "both sides to spare civilians"),
    ("Human Rights Watch called for an independent inquiry into the raid.", "called for",
     "an independent inquiry into the raid"),
    ("The Iraqi health ministry put the toll at 47 dead.", "put the toll at", "47 dead"),
])
def test_object_verbs_carry_their_content(nlp, sentence, cue, content):
    (st,) = statements(nlp, sentence)
    assert (st.cue, st.content) == (cue, content)


def test_according_to_before_and_after_the_words(nlp):
    text = ("According to Amnesty International, the strike hit a crowded bakery at noon. "
            "Nine of the dead were children, according to the local hospital director.")
    first, second = statements(nlp, text)
    assert (first.speaker, first.cue) == ("Amnesty International", "According to")
    assert first.content == "the strike hit a crowded bakery at noon"
    assert second.content == "Nine of the dead were children"


def test_an_inverted_cue_after_the_words(nlp):
    text = ("General Vasyl Moroz briefed the press. The counter-offensive will not stop "
            "before winter, concluded the General.")
    (st,) = statements(nlp, text)
    assert st.speaker == "Vasyl Moroz"
    assert st.cue == "concluded the General"


def test_a_statement_released_by_an_organisation(nlp):
    text = ("The Saudi-led coalition's statement, released on Saturday, said that the "
            "convoy had been carrying weapons.")
    (st,) = statements(nlp, text)
    assert st.speaker == "Saudi-led coalition"
    assert st.content == "the convoy had been carrying weapons"


def test_negated_cues_report_nothing(nlp):
    text = ("The ministry did not say how many soldiers had died. "
            "No group has said it was behind the attack.")
    assert statements(nlp, text) == []


def test_citing_hands_the_words_to_the_source(nlp):
    text = ("A local news site reported, citing hospital sources, that fourteen people "
            "had been wounded.")
    (st,) = statements(nlp, text)
    assert st.speaker_text == "hospital sources"
    assert st.cue == "citing"
    assert st.content == "fourteen people had been wounded"


# How overlapping records settle


def test_nested_attribution_belongs_to_the_inner_speaker(nlp):
    text = (
        "Police chief Karim Nouri said on Monday that the attack was planned. "
        "He recalled that a spokesman for the army, Samir Haddad, told reporters that "
        "the checkpoint had been reinforced."
    )
    found = statements(nlp, text)
    inner = [s for s in found if "checkpoint" in s.content]
    assert len(inner) == 1
    assert inner[0].speaker == "Samir Haddad"
    assert not any(s.cue == "recalled" for s in found)


def test_outer_speaker_keeps_words_of_its_own_before_a_nested_one(nlp):
    text = ("Physicians for Human Rights said it had interviewed 40 survivors, several of "
            "whom said the soldiers had fired into the crowd.")
    found = statements(nlp, text)
    assert any(s.content == "it had interviewed 40 survivors" for s in found)
    assert any(s.content == "the soldiers had fired into the crowd" for s in found)


def test_a_reported_clause_that_only_frames_a_quotation_is_the_quotation(nlp):
    text = 'UN envoy Martin Griffiths said the ceasefire was "hanging by a thread".'
    (st,) = statements(nlp, text)
    assert st.kind == "direct"
    assert st.content == "hanging by a thread"


def test_a_reported_clause_saying_more_than_its_quotation_keeps_its_record(nlp):
    text = ('Inspector Lena Vogt said the team had found fragments of a guided bomb, which '
            'it described as "clearly of foreign manufacture", in the courtyard of the school.')
    kinds = sorted(s.kind for s in statements(nlp, text))
    assert kinds == ["direct", "indirect"]


def test_scare_quotes_make_no_statement(nlp):
    text = "The rebels called the convoy a “gift” and its cargo “aid”."
    assert statements(nlp, text) == []


def test_seed_report_statements_by_konashenkov_and_scrocca(nlp, dev_corpus):
    report = json.loads((dev_corpus / "dev-000-seed.json").read_text(encoding="utf-8"))
    found = statements(nlp, report["text"])
    general = [s for s in found if "General" in (s.speaker_text or "")]
    assert general and {s.speaker for s in general} == {"Igor Konashenkov"}
    speakers = {s.speaker for s in found}
    assert {"Igor Konashenkov", "Joseph Scrocca"} <= speakers
    scrocca = [s for s in found if s.speaker == "Joseph Scrocca"]
    assert any(s.kind == "direct" and s.cue == "according to" for s in scrocca)


def test_words_then_a_named_speaker_in_apposition_then_the_cue(nlp):
    text = ("In the village of Dara, two farmers were wounded during the night, "
            "Lusine Petrosyan, a spokeswoman for the emergency service, said.")
    (st,) = statements(nlp, text)
    assert st.speaker == "Lusine Petrosyan"
    assert st.content == "In the village of Dara, two farmers were wounded during the night"
