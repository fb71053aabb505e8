from harmtrace.extract.counts import EARLIER, LATER, find_counts
from harmtrace.extract.tolls import tolls


def sentence_tolls(nlp, text):
    doc = nlp(text)
    return [t for sent in doc.sents for t in tolls(sent)]


def bounds(count):
    return (count.low, count.high) if count else None


def test_killed_and_injured_are_kept_apart(nlp):
    (toll,) = sentence_tolls(nlp, "At least 12 people were killed and 30 wounded in the blast.")
    assert bounds(toll.killed) == (12, None)
    assert bounds(toll.injured) == (30, 30)


def test_figures_of_things_or_of_the_missing_are_no_casualties(nlp):
    assert sentence_tolls(nlp, "The army said it carried out 45 strikes over 800 metres.") == []
    assert sentence_tolls(nlp, "Another 36 people remain missing under the rubble.") == []
    assert sentence_tolls(nlp, "Only two people were brought out alive.") == []


def test_a_part_named_after_a_total_is_not_counted_twice(nlp):
    (toll,) = sentence_tolls(nlp, "The strike killed 28 people, 16 of them children.")
    assert bounds(toll.killed) == (28, 28)


def test_the_revised_figure_stands(nlp):
    (toll,) = sentence_tolls(
        nlp, "The monitor initially reported 42 dead and later raised its count to 49.")
    assert bounds(toll.killed) == (49, 49)
    assert toll.killed.revision == LATER


def test_an_earlier_figure_is_marked(nlp):
    doc = nlp("It had reported 39 dead in the first hours after the attack.")
    (count,) = find_counts(next(iter(doc.sents)))
    assert count.revision == EARLIER


def test_victims_listed_one_by_one_are_counted(nlp):
    (toll,) = sentence_tolls(
        nlp, "Mortar rounds hit a house, killing a woman and two of her children.")
    assert bounds(toll.killed) == (3, 3)


def test_parts_of_one_toll_add_up(nlp):
    (toll,) = sentence_tolls(nlp, "Officials said 22 children and four women were killed.")
    assert bounds(toll.killed) == (26, 26)


def test_figures_for_two_places_make_two_tolls(nlp):
    found = sentence_tolls(nlp, "The governor put the toll at 31 dead in Kourakou and 13 in "
                                "Tondobi.")
    assert [(t.place, bounds(t.killed)) for t in found] == [("Kourakou", (31, 31)),
                                                            ("Tondobi", (13, 13))]


def test_fighters_and_civilians_make_two_tolls(nlp):
    found = sentence_tolls(nlp, "The raid killed 16 civilians and three fighters.")
    assert sorted((t.group, bounds(t.killed)) for t in found) == [
        ("civilians", (16, 16)), ("combatants", (3, 3))]


def test_a_toll_the_parser_dates_is_still_a_toll(nlp):
    (toll,) = sentence_tolls(nlp, "The ministry later put the death toll at 54.")
    assert bounds(toll.killed) == (54, 54)


def test_ages_and_dates_are_no_figures(nlp):
    doc = nlp("The strike on 3 May 2019 hit a 27-year-old man.")
    assert find_counts(next(iter(doc.sents))) == []


def test_members_count_as_the_group_they_belong_to(nlp):
    (guards,) = sentence_tolls(nlp, "At least three members of Niger's National Guard were "
                                    "killed when their vehicle struck a mine.")
    assert guards.killed.group == "combatants"
    (family,) = sentence_tolls(nlp, "The strike killed eleven members of one family in Idlib.")
    assert family.killed.group == "civilians"
    (qaeda,) = sentence_tolls(nlp, "The raid killed dozens of al-Qaeda members, officials said.")
    assert qaeda.killed.group == "combatants"
