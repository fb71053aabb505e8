"""Who said it: names, references back and forward, roles and organisations, on
reports written for these tests."""

from harmtrace.extract.statements import extract_statements


def speakers(nlp, text):
    return [(s.speaker, s.content) for s in extract_statements(nlp(text))]


def by_content(nlp, text):
    return {s.content: s for s in extract_statements(nlp(text))}


def test_pronouns_refer_to_the_last_person_speaking(nlp):
    text = ("Nadia Rahimi, an adviser to President Ashraf Ghani, said the road was closed. "
            "She said the convoy had turned back.")
    assert [name for name, _ in speakers(nlp, text)] == ["Nadia Rahimi", "Nadia Rahimi"]


def test_a_bare_surname_is_the_person_named_in_full_before(nlp):
    text = ("Brigadier General Tomas Reyes said the airfield was secure. "
            "The runway had not been damaged, Reyes said.")
    assert [name for name, _ in speakers(nlp, text)] == ["Tomas Reyes", "Tomas Reyes"]


def test_a_title_refers_to_the_person_who_holds_it(nlp):
    text = ("Abebe Kebede, a spokesman for the regional government, said two bridges "
            "had been destroyed. Relief workers reached the town on Friday. "
            "The spokesman said the roads would reopen next week.")
    found = speakers(nlp, text)
    assert found[-1] == ("Abebe Kebede", "the roads would reopen next week")


def test_role_and_organisation_from_an_apposition(nlp):
    text = ("Turki Nasser, a spokesman for the Saudi-led coalition, said the target was "
            "a weapons depot.")
    (st,) = extract_statements(nlp(text))
    assert (st.speaker, st.speaker_role, st.speaker_org) == (
        "Turki Nasser", "spokesman", "Saudi-led coalition")


def test_role_from_a_title_before_the_name_and_the_organisation_named_in_it(nlp):
    text = ("Official representative of the Ministry of defense of Russia Pavel Orlov "
            "said the strikes had hit a fuel depot.")
    (st,) = extract_statements(nlp(text))
    assert st.speaker == "Pavel Orlov"
    assert st.speaker_role == "Official representative"
    assert st.speaker_org == "Russian Ministry of Defence"


def test_organisation_names_go_through_the_alias_table(nlp):
    text = ("Russia's Defence Ministry said its aircraft had flown no missions. "
            "The Russian MoD said on Friday that the video was fake.")
    assert {name for name, _ in speakers(nlp, text)} == {"Russian Ministry of Defence"}


def test_an_unnamed_member_speaks_for_the_organisation(nlp):
    text = "A Pentagon spokesman said the strike had killed a senior militant."
    (st,) = extract_statements(nlp(text))
    assert (st.speaker, st.speaker_role) == ("US Department of Defense", "spokesman")


def test_a_possessive_refers_to_the_organisation_just_named(nlp):
    text = ("The Syrian Civil Defence said its teams had recovered nine bodies. "
            "“The whole street collapsed,” one of its volunteers said.")
    found = extract_statements(nlp(text))
    assert [s.speaker for s in found] == ["Syrian Civil Defence", "Syrian Civil Defence"]
    assert found[1].speaker_role == "volunteer"


def test_the_group_and_it_refer_back_to_the_organisation(nlp):
    text = ("Médecins Sans Frontières said its clinic in Tawila had received 60 wounded. "
            "The group said most were women and children. It said supplies were running out.")
    assert {name for name, _ in speakers(nlp, text)} == {"Médecins Sans Frontières"}


def test_people_the_report_does_not_name(nlp):
    text = ("Residents said the drones came at dawn. A medic, who asked not to be named, "
            "said he had treated 30 people.")
    found = by_content(nlp, text)
    assert found["the drones came at dawn"].speaker == "residents"
    assert found["he had treated 30 people"].speaker == "medic"


def test_television_and_news_sites_are_local_media(nlp):
    text = "Local television channels and news websites reported that the dam had burst."
    (st,) = extract_statements(nlp(text))
    assert st.speaker == "local media"


def test_a_capital_stands_for_its_government(nlp):
    text = "Kyiv said the missile had been launched from Belgorod."
    (st,) = extract_statements(nlp(text))
    assert st.speaker == "Government of Ukraine"


def test_the_country_s_body_is_found_under_the_country_s_name(nlp):
    text = ("A missile hit a market in the Armenian town of Goris. The country's defence "
            "ministry said the missile had come from the east.")
    (st,) = extract_statements(nlp(text))
    assert st.speaker == "Armenian Ministry of Defence"


def test_an_ambiguous_name_is_the_candidate_the_report_names(nlp):
    text = ("An air strike by the Saudi-led coalition hit a bus in Saada. "
            "The coalition said it had targeted a missile launcher.")
    assert {name for name, _ in speakers(nlp, text)} == {"Saudi-led coalition"}


def test_a_speaker_described_in_the_opening_is_the_one_named_next(nlp):
    text = ("GENEVA, June 2 – Fighting in the city has displaced 40,000 people in a week, "
            "a senior United Nations official said on Monday.\n\n"
            "Karin Olsen, the UN's humanitarian coordinator for the region, said aid "
            "convoys had been turned back at three checkpoints.")
    found = extract_statements(nlp(text))
    assert [s.speaker for s in found] == ["Karin Olsen", "Karin Olsen"]


def test_a_one_word_name_the_parser_knows_as_a_person(nlp):
    text = '"We had no warning," said Haftom, 34, who lost his wife. "We were asleep."'
    assert [name for name, _ in speakers(nlp, text)] == ["Haftom", "Haftom"]


def test_an_unnamed_member_of_an_organisation_the_table_does_not_know(nlp):
    text = ("Two people died, according to the head of the district's water board. "
            "A spokesman for the regional fire brigade said the blaze was out.")
    found = extract_statements(nlp(text))
    assert [(s.speaker, s.speaker_role) for s in found] == [
        ("water board", "head"), ("regional fire brigade", "spokesman")]


def test_an_honorific_is_no_role(nlp):
    text = "Dr. Leila Nasser said the clinic had run out of insulin."
    (st,) = extract_statements(nlp(text))
    assert (st.speaker, st.speaker_role) == ("Leila Nasser", None)
