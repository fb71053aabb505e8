from harmtrace.extract.quotes import find_quotes


def texts(text):
    return [q.text for q in find_quotes(text)]


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


def test_scare_quotes_are_not_speech():
    text = "He mocked their “smart bombs” and the “precision” of the campaign."
    assert texts(text) == []


def test_nested_curly_quotes_keep_the_outer_span():
    text = "“Why do their “smart bombs” still fall on homes?” the general asked."
    assert texts(text) == ["Why do their “smart bombs” still fall on homes?"]


def test_single_quotes_as_quotation_marks_but_not_apostrophes():
    text = "‘The children’s ward was hit first,’ the doctor said."
    assert texts(text) == ["The children’s ward was hit first,"]


def test_offsets_point_at_the_words():
    text = 'She said: "Three houses were destroyed in the night."'
    (quote,) = find_quotes(text)
    assert text[quote.start:quote.end] == quote.text


def test_unclosed_quote_runs_to_the_end_of_its_paragraph():
    text = '"The first shell hit the bakery.\n\n"The second hit the clinic," he said.'
    assert texts(text)[0] == "The first shell hit the bakery."
