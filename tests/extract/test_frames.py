from harmtrace.extract.frames import units


def test_headings_start_sections_and_lines_are_units(nlp):
    doc = nlp("Weekly digest of the war.\n\nNORTH: SHELLING\nMortars hit Aleppo on Monday. "
              "Two people died.\n\nSOUTH: AIR STRIKE\nJets struck Daraa.")
    found = units(doc)
    headings = [u.span.text for u in found if u.heading]
    assert headings == ["NORTH: SHELLING", "SOUTH: AIR STRIKE"]
    sections = {u.span.text: u.section for u in found}
    assert sections["Mortars hit Aleppo on Monday."] == sections["Two people died."]
    assert sections["Jets struck Daraa."] > sections["Two people died."]
