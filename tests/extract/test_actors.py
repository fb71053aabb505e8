from harmtrace.extract.actors import ReportActors, forces_of, national_forces, own_side


def names(text, country=None):
    return [m.name for m in ReportActors(text, country).mentions]


def test_a_shared_word_takes_the_actor_the_report_names():
    text = "The Saudi-led coalition said coalition aircraft hit the target."
    assert names(text) == ["Saudi-led coalition", "Saudi-led coalition"]


def test_a_shared_word_takes_the_actor_of_the_report_country():
    assert names("Coalition jets struck the market.", "YE") == ["Saudi-led coalition"]
    assert names("Coalition jets struck the market.", "IQ") == ["US-led coalition"]


def test_governments_and_commands_stand_for_their_forces():
    assert forces_of("Government of Syria") == "Syrian government forces"
    assert own_side("US Central Command") == "US military"
    assert national_forces("Israeli", air=True) == "Israel Defense Forces"
