from datetime import date

import pytest

from harmtrace.extract.dates import parse_published, resolve

PUBLISHED = date(2017, 4, 2)  # a Sunday


@pytest.mark.parametrize(
    ("expression", "start", "end", "precision"),
    [
        ("the March 17 bombing", "2017-03-17", "2017-03-17", "day"),
        ("on 28 March", "2017-03-28", "2017-03-28", "day"),
        ("17 March 2016", "2016-03-17", "2016-03-17", "day"),
        ("on Feb. 19", "2017-02-19", "2017-02-19", "day"),
        ("on Thursday", "2017-03-30", "2017-03-30", "day"),
        ("yesterday", "2017-04-01", "2017-04-01", "day"),
        ("last week", "2017-03-20", "2017-03-26", "week"),
        ("in March", "2017-03-01", "2017-03-31", "month"),
        ("in December", "2016-12-01", "2016-12-31", "month"),
        ("in 2015", "2015-01-01", "2015-12-31", "year"),
        ("2017-03-17", "2017-03-17", "2017-03-17", "day"),
    ],
)
def test_dates_resolve_against_publication(expression, start, end, precision):
    found = resolve(expression, PUBLISHED)
    assert found is not None
    assert found.iso == (start, end)
    assert found.precision == precision


def test_a_day_after_publication_belongs_to_the_year_before():
    found = resolve("on December 30", PUBLISHED)
    assert found is not None and found.iso[0] == "2016-12-30"


def test_no_date_words_give_none():
    assert resolve("the strike hit a market", PUBLISHED) is None


def test_weekday_without_publication_date_is_unknown():
    assert resolve("on Thursday", None) is None


def test_parse_published():
    assert parse_published("2017-04-02T10:00:00Z") == PUBLISHED
    assert parse_published("not a date") is None
    assert parse_published(None) is None
