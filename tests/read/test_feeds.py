from __future__ import annotations

from pathlib import Path

import pytest

from harmtrace.read.feeds import read_feed
from harmtrace.records import ReadProblem, Report


def feed_items(resources: Path, name: str) -> list[Report | ReadProblem]:
    path = resources / name
    return list(read_feed(path.read_text("utf-8"), name))


def test_rss_entries(resources: Path) -> None:
    water, convoy, gallery = feed_items(resources, "ostra_wire.rss")
    assert isinstance(water, Report)
    assert water.source == "ostra_wire.rss#entry1"
    assert water.title == "Shelling hits water station in Lenna district"
    assert water.url == "https://ostra-wire.example.net/2023/05/06/lenna-water-station"
    assert water.outlet == "Ostra Daily Wire"
    assert water.published == "2023-05-06"
    assert water.language == "en"
    assert gallery == ReadProblem("ostra_wire.rss#entry3", "the entry has no content or summary")
    assert isinstance(convoy, Report)


def test_rss_content_is_preferred_to_the_teaser_and_loses_its_script(resources: Path) -> None:
    water, *_ = feed_items(resources, "ostra_wire.rss")
    assert water.text == (
        "Artillery shells struck the main water pumping station in the Lenna district early"
        " on Saturday, cutting supplies to about 20,000 residents, the district water"
        " authority said.\n\nTwo workers at the station were wounded, the authority said."
        " It did not say who fired the shells."
    )


def test_rss_escaped_html_summary_and_entry_source_as_outlet(resources: Path) -> None:
    _, convoy, _ = feed_items(resources, "ostra_wire.rss")
    assert convoy.text.split("\n\n") == [
        "A United Nations convoy carrying medical supplies reached Karvel on Thursday, two"
        " days after an air strike on the town market.",
        "The convoy brought surgical kits and blood bags for the hospital in Sarn.",
    ]
    assert convoy.outlet == "Relief Desk"
    assert convoy.published == "2023-05-04"


def test_atom_entries(resources: Path) -> None:
    names, displacement = feed_items(resources, "ostra_monitor.atom")
    assert names.title == "Monitor confirms names of 15 people killed in Karvel market"
    assert names.url == "https://ostra-monitor.example.org/updates/karvel-names"
    assert names.outlet == "North Ostra Civilian Monitor"
    assert names.published == "2023-05-08"
    assert names.text.endswith(
        "Nine of them were women and four were children.\nThe youngest was six years old."
    )
    assert displacement.text.startswith("More than 80,000 people have left their homes")
    assert displacement.published == "2023-05-07"  # only <updated> is given
    assert displacement.source == "ostra_monitor.atom#entry2"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("<urlset><url><loc>https://x.example/</loc></url></urlset>", "not an RSS or Atom feed"),
        (
            '<rss version="2.0"><channel><title>Empty</title></channel></rss>',
            "the feed has no entries",
        ),
    ],
)
def test_xml_that_gives_no_entries_is_a_problem(text: str, reason: str) -> None:
    assert list(read_feed(text, "f.xml")) == [ReadProblem("f.xml", reason)]


def test_text_naming_a_file_is_not_opened(resources: Path) -> None:
    """feedparser opens a string that names a file; the reader must only parse its text."""
    feed_path = str(resources / "ostra_wire.rss")
    [item] = read_feed(feed_path, "path.xml")
    assert isinstance(item, ReadProblem)
    assert item.reason.startswith("not a readable RSS or Atom feed")
