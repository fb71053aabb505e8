from datetime import date

import pytest

from harmtrace.extract.dates import find_dates, latest_year, parse_published, resolve

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


@pytest.mark.parametrize(
    ("expression", "published", "start", "end", "precision"),
    [
        ("on the night of April 6 to 7", date(2023, 4, 15), "2023-04-06", "2023-04-07", "day"),
        ("the night of March 20 to 21, 2017", date(2019, 4, 26), "2017-03-20", "2017-03-21",
         "day"),
        ("between March 23 and 31", date(2022, 4, 9), "2022-03-23", "2022-03-31", "day"),
        ("between Sept. 23 and Oct. 6", date(2016, 10, 18), "2016-09-23", "2016-10-06", "day"),
        ("between June and October 2017", date(2019, 4, 26), "2017-06-01", "2017-10-31",
         "month"),
        ("Overnight from Sunday into Monday", date(2016, 10, 18), "2016-10-16", "2016-10-17",
         "day"),
        ("from late on Friday into Saturday morning", date(2020, 10, 18), "2020-10-16",
         "2020-10-17", "day"),
        ("last Wednesday", date(2017, 3, 22), "2017-03-15", "2017-03-15", "day"),
        ("on Wednesday", date(2017, 3, 22), "2017-03-22", "2017-03-22", "day"),
        ("On September 5 last year", date(2023, 4, 15), "2022-09-05", "2022-09-05", "day"),
        ("in June last year", date(2023, 4, 15), "2022-06-01", "2022-06-30", "month"),
        ("On Monday 23 September", date(2019, 10, 4), "2019-09-23", "2019-09-23", "day"),
        ("last week", date(2019, 7, 23), "2019-07-15", "2019-07-21", "week"),
    ],
)
def test_ranges_and_relative_days(expression, published, start, end, precision):
    found = resolve(expression, published)
    assert found is not None
    assert found.iso == (start, end)
    assert found.precision == precision


def test_phrases_anchored_on_another_date_are_kept_as_a_shift():
    (mention,) = find_dates("The following day, strikes hit a house.", PUBLISHED)
    assert mention.when is None and mention.shift == 1


def test_a_range_of_figures_is_no_date():
    assert find_dates("between 50 and 80 civilians were killed", PUBLISHED) == []


def test_find_dates_gives_offsets():
    text = "Shelling on 3 May killed two."
    (mention,) = find_dates(text, PUBLISHED, offset=10)
    assert text[mention.start - 10:mention.end - 10] == "3 May"


def test_without_publication_date_a_year_the_text_names_places_dates():
    text = "the March 17 bombing, and the deaths in the years 2014-2017"
    year = latest_year(text)
    assert year == 2017
    (mention,) = [d for d in find_dates(text, None, year=year) if d.when.precision == "day"]
    assert mention.when.iso == ("2017-03-17", "2017-03-17")
    assert find_dates("on Friday", None, year=year) == []
