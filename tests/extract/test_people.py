from harmtrace.extract.orgs import Orgs
from harmtrace.extract.people import People


def people(nlp, text):
    return People(nlp(text), Orgs(nlp(text), text), lambda _: False)


def test_names_next_to_a_title_that_the_parser_may_miss(nlp):
    text = ("Defence ministry spokeswoman Shirin Azadeh wrote on Facebook that the claim "
            "was false. Hovik Sargsyan, a spokesman for the emergency service, said two "
            "people died.")
    found = {p.name for p in people(nlp, text).mentions}
    assert {"Shirin Azadeh", "Hovik Sargsyan"} <= found


def test_a_surname_is_the_person_named_in_full(nlp):
    text = "Colonel Ibrahim Traore spoke first. Later Traore said the town was calm."
    index = people(nlp, text)
    assert index.lookup("Traore", len(text)).name == "Ibrahim Traore"


def test_one_word_names_that_are_no_one_s_surname_are_not_people(nlp):
    text = ("Oksana Melnyk, the head of the Zaporizhzhia region, said the shelling went on "
            "all night.")
    index = people(nlp, text)
    assert [p.name for p in index.mentions] == ["Oksana Melnyk"]
    assert index.mentions[0].role == "head of the Zaporizhzhia region"


def test_the_role_of_one_mention_is_shared_by_the_others(nlp):
    text = ("Lina Haddad, the director of the city hospital, said 40 wounded had arrived. "
            "Haddad said more were expected.")
    roles = {p.role for p in people(nlp, text).mentions}
    assert roles == {"director of the city hospital"}


def test_ranks_give_way_to_the_post(nlp):
    text = ("Brigadier General Samuel Okoro, deputy commander of the joint task force, "
            "said the raid was over.")
    (person,) = people(nlp, text).mentions
    assert person.role == "deputy commander of the joint task force"
    assert {"brigadier", "general", "commander", "deputy"} <= person.words


def test_an_apposition_the_parser_split_into_two_subjects(nlp):
    text = ("Getachew Reda, a spokesman for the Tigray People's Liberation Front (TPLF), "
            "blamed the government for the attack.")
    (person,) = people(nlp, text).mentions
    assert (person.role, person.org) == ("spokesman", "Tigray People's Liberation Front")
