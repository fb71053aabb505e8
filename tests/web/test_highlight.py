"""Cutting a report's text into highlighted pieces."""

from __future__ import annotations

from harmtrace.web.highlight import Mark, pieces, speaker_colours

TEXT = 'Rescuers said "six died" in the strike.'


def test_overlapping_marks_cut_the_text_at_every_end():
    statement = Mark("statement", 1, 14, 23, "rescuers")   # "six died"
    claim = Mark("claim", 2, 15, 38, "claim")              # six died" in the strike
    cut = pieces(TEXT, [statement, claim])
    assert "".join(p.text for p in cut) == TEXT
    assert [(p.text, p.records) for p in cut] == [
        ("Rescuers said ", ""),
        ('"', "s1"),
        ("six died", "c2 s1"),
        ('" in the strike', "c2"),
        (".", ""),
    ]
    assert [p.anchors for p in cut] == [[], ["s1"], ["c2"], [], []]


def test_a_claim_and_a_statement_starting_together_anchor_the_claim_first():
    cut = pieces(TEXT, [Mark("statement", 1, 0, 8, "s"), Mark("claim", 9, 0, 13, "c")])
    assert cut[0].text == "Rescuers"
    assert cut[0].anchors == ["c9", "s1"]


def test_spans_outside_the_text_are_left_out():
    cut = pieces(TEXT, [Mark("claim", 1, 30, 400, "c"), Mark("claim", 2, 5, 5, "c")])
    assert [p.text for p in cut] == [TEXT]


def test_each_speaker_keeps_one_colour_in_order_of_appearance():
    assert speaker_colours(["b", "a", "b", "c"]) == {"b": 0, "a": 1, "c": 2}
