from harmtrace.extract.statements import extract_statements


def statements(nlp, text):
    return extract_statements(nlp(text))


def test_direct_quote_with_cue_after_it(nlp):
    text = ('"We found the bodies of four children under the roof," said Ahmed Karimi, '
            "a paramedic with the Red Crescent.")
    (st,) = statements(nlp, text)
    assert st.kind == "direct"
    assert st.speaker == "Ahmed Karimi"
    assert st.content == "We found the bodies of four children under the roof,"
    assert st.cue == "said"
    assert text[st.start:st.end] == st.content


def test_dash_cue_and_title_refer_back_to_the_named_person(nlp):
    text = (
        "Defence spokesman Colonel Anton Mirov spoke to reporters in the capital.\n\n"
        "“Their aircraft struck a hospital that was clearly marked.” — the Colonel said."
    )
    found = [s for s in statements(nlp, text) if s.kind == "direct"]
    assert [s.speaker for s in found] == ["Anton Mirov"]
    assert found[0].speaker_role is not None and "colonel" in found[0].speaker_role


def test_pronoun_speaker_of_a_split_quote(nlp):
    text = (
        "Maria Lopez, a nurse at the district hospital, described the night of the attack. "
        '"The first wounded arrived before dawn," she said. '
        '"By noon we had no beds left."'
    )
    found = statements(nlp, text)
    direct = [s for s in found if s.kind == "direct"]
    assert [s.speaker for s in direct] == ["Maria Lopez", "Maria Lopez"]


def test_reported_speech_that_clause(nlp):
    text = "The health ministry said that eleven people had been killed in the market."
    (st,) = statements(nlp, text)
    assert st.kind == "indirect"
    assert st.content == "eleven people had been killed in the market"
    assert st.cue == "said"


def test_according_to(nlp):
    text = "According to Amnesty International, the strike hit a crowded bakery at noon."
    (st,) = statements(nlp, text)
    assert st.speaker == "Amnesty International"
    assert st.cue == "According to"
    assert st.content == "the strike hit a crowded bakery at noon"


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


def test_scare_quotes_make_no_statement(nlp):
    text = "The rebels called the convoy a “gift” and its cargo “aid”."
    assert statements(nlp, text) == []
