import pytest

from harmtrace.extract.numbers import find_figures, parse_figure, parse_number


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("12", (12, 12)),
        ("about 200", (200, 200)),
        ("nearly 200", (200, 200)),
        ("some 200", (200, 200)),
        ("at least 396", (396, None)),
        ("more than 100", (101, None)),
        ("up to 40", (None, 40)),
        ("as many as 40", (None, 40)),
        ("between 100 and 240", (100, 240)),
        ("100-240", (100, 240)),
        ("a dozen", (12, 12)),
        ("dozens", (24, None)),
        ("scores", (40, None)),
        ("hundreds", (200, None)),
        ("several", (3, None)),
        ("a family of five", (5, 5)),
        ("twenty-three", (23, 23)),
        ("1,200", (1200, 1200)),
        ("two hundred", (200, 200)),
        ("At least seven", (7, None)),
    ],
)
def test_figures_follow_the_corpus_convention(phrase, expected):
    assert parse_figure(phrase) == expected


def test_parse_number_words_and_digits():
    assert parse_number("one hundred and five") == 105
    assert parse_number("3,000") == 3000
    assert parse_number("eleven") == 11
    assert parse_number("many") is None


def test_find_figures_reports_offsets_in_the_text():
    text = "Officials said at least seven civilians were killed and twenty-three wounded."
    figures = find_figures(text, offset=100)
    assert [(f.low, f.high) for f in figures] == [(7, None), (23, 23)]
    first = figures[0]
    assert text[first.start - 100:first.end - 100] == "at least seven"


def test_descending_range_is_not_a_figure():
    assert parse_figure("240-100") is None


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("two dozen", (24, 24)),
        ("about two dozen", (24, 24)),
        ("30 or so", (30, 30)),
        ("20 or more", (20, None)),
        ("passed 50", (51, None)),
        ("no fewer than 22", (22, None)),
        ("fewer than 10", (None, 9)),
        ("an estimated 300", (300, 300)),
        ("nearly 1,300", (1300, 1300)),
        ("more than ten", (11, None)),
        ("between 3,706 and 5,805", (3706, 5805)),
        ("several dozen", (24, None)),
    ],
)
def test_more_qualifiers_follow_the_corpus_convention(phrase, expected):
    assert parse_figure(phrase) == expected


def test_vague_figures_are_marked_as_such():
    exact, vague = find_figures("about 30 were killed and dozens wounded")
    assert (exact.vague, vague.vague) == (False, True)
