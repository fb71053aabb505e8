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


def test_a_revised_toll_keeps_the_latest_figure(nlp):
    text = ("An air strike on a market in the town of Ariha killed 12 civilians on Monday, "
            "the Syrian Civil Defence said. The rescue service later said the toll had risen to "
            "19.")
    (inc,) = claims(nlp, text)[0]
    assert (inc.killed_low, inc.killed_high) == (19, 19)
    assert inc.claimed_by == "Syrian Civil Defence"
    assert inc.location == "Ariha" and inc.date_start == "2019-11-04"


def test_a_denial_is_its_own_record_with_no_figures(nlp):
    text = ("An air strike on Idlib killed 20 civilians on Tuesday, the Syrian Observatory for "
            "Human Rights said. Russia's Defence Ministry said its aircraft had carried out no "
            "strikes near Idlib.")
    incidents, _ = claims(nlp, text)
    denial = [i for i in incidents if i.negated]
    assert len(denial) == 1 and len(incidents) == 2
    (d,) = denial
    assert d.claimed_by == "Russian Ministry of Defence"
    assert d.killed_low is None and d.killed_high is None
    assert d.perpetrator == "Russian Aerospace Forces"


def test_a_denial_that_blames_another_side_is_two_records(nlp):
    text = ("Shelling killed four civilians in Hays on Sunday, local medical sources said. "
            "A Houthi official denied that the group's fighters had fired on the town and "
            "blamed government forces for the shelling.")
    incidents, _ = claims(nlp, text, published="2019-09-20")
    houthi = [i for i in incidents if i.claimed_by == "Houthi movement"]
    assert sorted((i.negated, i.perpetrator) for i in houthi) == [
        (False, "Yemeni government forces"), (True, "Houthi movement")]


def test_an_accusation_without_a_figure_is_a_record(nlp):
    text = ("A car bomb exploded in Kabul on Friday, killing nine people, police said. "
            "The interior ministry accused the Taliban of carrying out the attack.")
    incidents, _ = claims(nlp, text)
    accusation = [i for i in incidents if i.killed_low is None]
    assert len(accusation) == 1
    assert accusation[0].perpetrator == "Taliban"
    assert accusation[0].event_type == "bombing"


def test_the_doer_named_by_the_report_is_the_perpetrator(nlp):
    text = "An Israeli air strike on a house in Khan Younis killed six people on Saturday."
    (inc,) = claims(nlp, text)[0]
    assert inc.perpetrator == "Israel Defense Forces"
    assert inc.claimed_by == "reporter"
    (by,) = claims(nlp, "An air strike by the Saudi-led coalition killed 11 people in "
                        "Saada on Friday.")[0]
    assert by.perpetrator == "Saudi-led coalition"


def test_a_claimer_that_cannot_tell_who_struck_leaves_the_perpetrator_unknown(nlp):
    text = ("Warplanes struck Saraqib on Monday, killing 15 civilians, the monitor said. "
            "It could not say whether the aircraft were Syrian or Russian.")
    (inc,) = claims(nlp, text)[0]
    assert inc.perpetrator == "unknown"


def test_media_reports_are_claimed_by_local_media(nlp):
    text = "Local television channels reported that 30 civilians died in the strike on Hajin."
    (inc,) = claims(nlp, text)[0]
    assert inc.claimed_by == "local media"


def test_an_older_event_with_a_month_keeps_month_precision(nlp):
    text = ("In May, a car bomb at a checkpoint in Mogadishu killed 18 people, officials said at "
            "the time.")
    (inc,) = claims(nlp, text)[0]
    assert (inc.date_start, inc.date_end, inc.date_precision) == ("2019-05-01", "2019-05-31",
                                                                  "month")
    assert inc.event_type == "bombing" and inc.location == "Mogadishu"


def test_the_coalition_is_the_one_the_report_is_about(nlp):
    text = "Coalition air strikes on a market in Saada killed 14 civilians on Tuesday."
    (inc,) = claims(nlp, text)[0]
    assert inc.perpetrator == "Saudi-led coalition"


def test_missing_people_are_no_incident(nlp):
    text = "Dozens of people remain missing after the flood in Derna, officials said."
    assert claims(nlp, text) == ([], [])


def test_a_period_total_gives_period_area_and_actor(nlp):
    text = ("The UN said at least 1,200 civilians were killed by Russian strikes in Ukraine "
            "between March and May 2022.")
    incidents, (agg,) = claims(nlp, text)
    assert incidents == []
    assert (agg.killed_low, agg.killed_high) == (1200, None)
    assert (agg.period_start, agg.period_end) == ("2022-03", "2022-05")
    assert agg.area == ("UA",) and agg.claimed_by == "United Nations"
    assert agg.actor == "Russian Armed Forces"


def test_an_open_period_runs_to_publication(nlp):
    text = ("Airwars estimates that more than 3,000 civilians have died in coalition strikes "
            "since 2014.")
    (agg,) = claims(nlp, text)[1]
    assert (agg.period_start, agg.period_end) == ("2014", "2019-11-08")
    assert (agg.killed_low, agg.claimed_by) == (3001, "Airwars")


def test_an_organisation_publishing_its_own_report_owns_its_words(nlp):
    doc = nlp("A mortar round struck a house in al-Tanak on 26 February, killing eleven members "
              "of one family.")
    (inc,), _ = extract_claims(doc, "2017-07-11", extract_statements(doc),
                               outlet="Amnesty International (press release)")
    assert inc.claimed_by == "Amnesty International"
    assert (inc.killed_low, inc.killed_high) == (11, 11)
    assert inc.event_type == "shelling" and inc.location == "al-Tanak"


def test_an_unknown_village_takes_the_map_position_of_its_known_area(nlp):
    text = ("Gunmen attacked the village of Kafr Zamlouta, in Hama province, on Sunday, "
            "killing six villagers, residents said.")
    (inc,) = claims(nlp, text)[0]
    assert inc.location == "Kafr Zamlouta" and inc.admin == "Hama province"
    assert (inc.country, inc.geo_precision) == ("SY", "province")
    assert inc.latitude is not None and inc.event_type == "ground_attack"


def test_people_killed_among_women_and_children_are_civilians(nlp):
    text = ("Rescuers said up to 200 people had been killed in Mosul on Friday, most of them "
            "women and children.")
    (inc,) = claims(nlp, text)[0]
    assert inc.victims == "civilians"


def test_a_denial_naming_civilians_is_about_civilians(nlp):
    text = ("The army said on Sunday that its jets had struck a militant base near Idlib and "
            "that no civilians had been killed.")
    victims = {inc.victims for inc in claims(nlp, text)[0] if inc.negated}
    assert victims == {"civilians"}


def test_civilians_protected_or_fighters_named_leave_the_victims_open(nlp):
    text = ("The coalition said it had struck a legitimate military target in Saada on "
            "Monday and that all precautions had been taken to protect civilians.")
    assert {inc.victims for inc in claims(nlp, text)[0]} <= {"unspecified"}


def test_a_claimer_is_named_without_military_rank(nlp):
    text = ("A coalition air strike hit a house in Mosul on Friday. Two days later the "
            "coalition commander, Army Lieutenant General Stephen Townsend, told reporters that "
            "the coalition \"probably had a role\" in the deaths.")
    assert {inc.claimed_by for inc in claims(nlp, text)[0]} == {"Stephen Townsend"}


def test_no_one_claiming_an_attack_is_no_claim(nlp):
    text = ("A drone strike on a car near Jisr al-Shughur on Saturday killed three men, a "
            "local medical source said. No side has claimed the strike.")
    found = claims(nlp, text)[0]
    assert [inc.killed_low for inc in found] == [3]
    assert all("No side" not in inc.claimed_by for inc in found)


def test_an_accusation_joined_to_the_reported_clause_is_the_reporters(nlp):
    text = ("On 14 September drones struck two Saudi Aramco oil plants at Abqaiq. US Secretary "
            "of State Mike Pompeo said there was no evidence the attack had come from Yemen and "
            "accused Iran of carrying it out.")
    accusations = [inc for inc in claims(nlp, text)[0] if "Iran" in inc.perpetrator]
    assert accusations and {inc.claimed_by for inc in accusations} == {"Mike Pompeo"}


def test_the_organisations_official_cited_is_the_one_who_spoke_for_it(nlp):
    text = ("Mark Cutts, the UN deputy regional humanitarian coordinator, said warplanes hit a "
            "market in Saraqeb on Monday, killing eight civilians. Last week, an air strike on a "
            "market in Maar Shurin killed 12 civilians, according to the U.N. official.")
    assert {inc.claimed_by for inc in claims(nlp, text)[0]} == {"Mark Cutts"}
