from harmtrace.extract.places import RANK_CITY, RANK_LOCAL, RANK_SETTLEMENT, find_places


def places(nlp, text, country=None):
    doc = nlp(text)
    return [p for sent in doc.sents for p in find_places(sent, country=country)]


def test_the_most_specific_place_comes_first_with_its_wider_area(nlp):
    found = places(nlp, "An air strike hit a house in the al-Jadida district of Mosul.")
    assert found[0].name == "al-Jadida"
    assert found[0].rank == RANK_LOCAL
    assert found[0].admin == "Mosul"
    assert found[0].country == "IQ"


def test_an_unknown_village_is_kept_as_written_with_the_area_named_with_it(nlp):
    (village, *_) = places(nlp, "Gunmen attacked the village of Kafr Zamlouta, in Hama "
                                "province, on Sunday.", country="SY")
    assert village.name == "Kafr Zamlouta"
    assert village.place is None and village.rank == RANK_SETTLEMENT
    assert village.admin == "Hama province"


def test_known_city_after_a_locative(nlp):
    (city,) = places(nlp, "Shelling killed two people in Aleppo.")
    assert (city.name, city.rank, city.country) == ("Aleppo", RANK_CITY, "SY")


def test_buildings_and_actors_are_no_places(nlp):
    names = [p.name for p in places(nlp, "The blast hit the Palace of Justice in central "
                                         "Damascus, Islamic State said.")]
    assert names == ["Damascus"]


def test_nationality_words_and_based_names_are_no_places(nlp):
    names = [p.name for p in places(nlp, "The London-based monitor said Iraqi troops reached "
                                         "the Iraqi lines near Hawija.")]
    assert names == ["Hawija"]


def test_a_namesake_abroad_is_forgotten_for_a_report_about_one_country(nlp):
    (district,) = places(nlp, "Mortars hit the Bab Jadid district.", country="SY")
    assert district.place is None or district.country == "SY"
