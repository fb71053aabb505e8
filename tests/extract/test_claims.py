from harmtrace.extract.claims import extract_claims
from harmtrace.extract.statements import extract_statements


def claims(nlp, text, published="2019-11-08"):
    doc = nlp(text)
    return extract_claims(doc, published, extract_statements(doc))


def test_toll_with_date_place_and_injured(nlp):
    text = ("On Thursday, at least seven civilians were killed and twenty-three wounded "
            "when mortar rounds landed in Aleppo.")
    incidents, aggregates = claims(nlp, text)
    assert aggregates == []
    (inc,) = incidents
    assert (inc.killed_low, inc.killed_high) == (7, None)
    assert (inc.injured_low, inc.injured_high) == (23, 23)
    assert inc.event_type == "shelling"
    assert inc.date_start == inc.date_end == "2019-11-07"
    assert inc.location == "Aleppo" and inc.country == "SY"
    assert inc.victims == "civilians"
    assert inc.claimed_by == "reporter"
    assert text[inc.start:inc.end].strip() == inc.evidence


def test_subcount_is_not_counted_twice(nlp):
    text = "An air strike on a market in Idlib killed 30 people, including 12 children."
    (inc,) = claims(nlp, text)[0]
    assert (inc.killed_low, inc.killed_high) == (30, 30)
    assert inc.event_type == "airstrike"


def test_figure_carried_by_a_statement_is_claimed_by_its_speaker(nlp):
    text = "Amnesty International said that the shelling of Douma killed 18 civilians."
    (inc,) = claims(nlp, text)[0]
    assert inc.claimed_by == "Amnesty International"


def test_period_total_is_an_aggregate(nlp):
    text = ("The monitor said that more than 1,000 civilians have been killed in "
            "north-west Syria since 2019.")
    incidents, aggregates = claims(nlp, text)
    assert incidents == []
    (agg,) = aggregates
    assert (agg.killed_low, agg.killed_high) == (1001, None)
    assert agg.period_start == "2019"
    assert agg.area == ("SY",)


def test_distances_and_ages_are_not_tolls(nlp):
    text = "The convoy travelled 30 kilometres and the driver, 45 years old, was unhurt."
    assert claims(nlp, text) == ([], [])
