import pytest

from harmtrace.extract.cues import cue_text, is_clause_verb, is_event, object_spec


def verb(nlp, text, word):
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(("text", "word", "cue"), [
    ("The mayor told reporters on Monday that the school was hit.", "told", "told reporters"),
    ("The army said in a statement that two soldiers died.", "said", "said in a statement"),
    ("The coalition has since acknowledged that the strike went wrong.", "acknowledged",
     "has since acknowledged"),
    ("The envoy expressed surprise that the talks had failed.", "expressed",
     "expressed surprise"),
    ("The group also reported that 12 people had died.", "reported", "also reported"),
    ("The governor pointed out that the shelter was full.", "pointed", "pointed out"),
])
def test_the_cue_is_the_verb_with_its_reporting_words(nlp, text, word, cue):
    assert cue_text(verb(nlp, text, word)) == cue


def test_a_trailing_pronoun_belongs_to_the_cue(nlp):
    doc = nlp("The bridge was destroyed, he said.")
    said = doc[6]
    assert cue_text(said, doc[5:6], trailing=True) == "he said"
    assert cue_text(said, doc[5:6]) == "said"


def test_the_words_between_an_object_verb_and_its_content(nlp):
    doc = nlp("The army described the attacks as acts of terrorism.")
    assert cue_text(doc[2], doc[1:2], doc[6:9]) == "described the attacks as"


@pytest.mark.parametrize(("text", "word", "reports"), [
    ("The ministry said the toll had risen.", "said", True),
    ("The ministry did not say how many died.", "say", False),
    ("The council would recommend a review.", "recommend", False),
    ("Residents had been warned to leave.", "warned", False),
    ("It handed over its declared stockpile.", "declared", False),
])
def test_only_cues_that_report_something_said(nlp, text, word, reports):
    token = verb(nlp, text, word)
    assert (is_clause_verb(token) or object_spec(token) is not None) and is_event(token) is reports


def test_point_reports_speech_only_with_out(nlp):
    assert not is_clause_verb(verb(nlp, "He pointed at the ruins of the clinic.", "pointed"))
