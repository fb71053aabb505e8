from harmtrace.extract.orgs import Orgs, fits


def names(nlp, text):
    return [(text[m.start:m.end], m.name) for m in Orgs(nlp(text), text).mentions]


def test_a_one_word_name_is_the_organisation_named_before_with_that_word(nlp):
    text = ("The Syrian National Coalition blamed the government. "
            "The coalition's president called for sanctions.")
    assert names(nlp, text)[-1] == ("coalition's", "Syrian National Coalition")


def test_an_ambiguous_name_follows_the_candidate_named_in_the_report(nlp):
    text = "Saudi-led coalition jets struck Hodeidah. Coalition aircraft returned at night."
    assert {name for _, name in names(nlp, text)} == {"Saudi-led coalition"}


def test_an_ambiguous_name_keeps_its_default_when_the_report_names_no_candidate(nlp):
    text = "The coalition said it would investigate the strike."
    assert names(nlp, text) == [("coalition", "US-led coalition")]


def test_antecedent_fits_the_noun(nlp):
    text = "Amnesty International and the Sudanese Armed Forces both commented."
    orgs = Orgs(nlp(text), text)
    assert orgs.antecedent(len(text), "army") == "Sudanese Armed Forces"
    assert orgs.antecedent(len(text), "organisation") == "Amnesty International"
    assert orgs.antecedent(len(text), "ministry") is None


def test_fits_by_name_or_kind():
    assert fits("Iraqi Joint Operations Command", "state_forces", "command")
    assert fits("Human Rights Watch", "ngo", "group")
    assert not fits("Human Rights Watch", "ngo", "ministry")
