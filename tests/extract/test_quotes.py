from harmtrace.extract.quotes import find_quotes, is_label, speech_quotes


def texts(text):
    return [q.text for q in find_quotes(text)]


def spoken(text):
    return [q.text for q in speech_quotes(text)]


def test_straight_curly_and_guillemet_quotes():
    text = (
        '"We will rebuild the school," the mayor said. '
        "“Nobody warned us before the strike,” a resident said. "
        "«The convoy was marked and expected», the agency said."
    )
    assert texts(text) == [
        "We will rebuild the school,",
        "Nobody warned us before the strike,",
        "The convoy was marked and expected",
    ]


def test_single_quotes_as_quotation_marks_but_not_apostrophes():
    text = "‘The children’s ward was hit first,’ the doctor said."
    assert texts(text) == ["The children’s ward was hit first,"]


def test_straight_single_quotes_with_a_plural_possessive_inside():
    text = "The officer said: 'The soldiers' trucks left at dawn, before the shelling began.'"
    assert texts(text) == ["The soldiers' trucks left at dawn, before the shelling began."]


def test_possessives_alone_make_no_quotation():
    assert texts("The rebels' commander met the villagers' elders in Bakool.") == []


def test_nested_curly_quotes_keep_the_outer_span():
    text = "“Why do their “smart bombs” still fall on homes?” the general asked."
    assert texts(text) == ["Why do their “smart bombs” still fall on homes?"]


def test_offsets_point_at_the_words():
    text = 'She said: "Three houses were destroyed in the night."'
    (quote,) = find_quotes(text)
    assert text[quote.start:quote.end] == quote.text


def test_unclosed_straight_quote_runs_to_the_end_of_its_paragraph():
    text = '"The first shell hit the bakery.\n\n"The second hit the clinic," he said.'
    assert texts(text) == ["The first shell hit the bakery.", "The second hit the clinic,"]


def test_curly_quotation_over_two_paragraphs():
    text = ("“The first shell hit the bakery.\n\n"
            "“The second hit the clinic next door,” the nurse said.")
    assert texts(text) == ["The first shell hit the bakery.",
                           "The second hit the clinic next door,"]


def test_scare_quotes_and_labels_are_not_speech():
    text = ("He mocked their “smart bombs” and the “precision” of the campaign, "
            "the so-called “magic wands” that the police still use, and the group "
            "“Mothers of Aleppo”.")
    assert texts(text) == ["smart bombs", "precision", "magic wands", "Mothers of Aleppo"]
    assert spoken(text) == []


def test_a_short_quoted_phrase_of_someone_s_words_is_speech():
    text = "The minister called the raid “a grave violation” and the report “not credible”."
    assert spoken(text) == ["a grave violation", "not credible"]


def test_a_quoted_word_ending_a_sentence_is_speech():
    text = 'Asked whether civilians were hit, he replied: "No."'
    (quote,) = find_quotes(text)
    assert not is_label(text, quote)
