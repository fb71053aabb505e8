"""How pages write figures."""

from __future__ import annotations

import pytest

from harmtrace.web.pages.render import figure_range


@pytest.mark.parametrize(("figure", "shown"), [
    ({"low": 12, "high": 12}, "12"),
    ({"low": 12, "high": 20}, "12–20"),
    ({"low": None, "high": 20}, "?–20"),
    ({"low": 7, "high": None}, "7"),
    ({"low": 0, "high": 0}, "0"),
    ({"low": None, "high": None}, "–"),
    ({}, "–"),
    (None, "–"),
])
def test_figures_are_written_as_people_write_them(figure, shown):
    assert figure_range(figure) == shown
