"""The events a report tells of, followed sentence by sentence.

News copy names an event's place, day and kind once ("An air strike on a market
in Maarat al-Numan killed 39 civilians on Monday") and then refers back to it
("the strike", "the toll had risen to 37"). A frame holds what is known of one
event; each sentence that speaks of an attack either refines the current frame
(a district of the same city, the day within the month) or opens a new one (another
town, another date). Each paragraph starts back on the section's main event, and a
heading ("Dhamar: strike on a detention centre", "EAST ALEPPO:") starts a section.
Claims keep a reference to their frame, so a detail given later ("on the morning of
March 17") reaches the lead's claim too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta

from spacy.tokens import Doc, Span

from harmtrace.extract.dates import DateMention, DateRange, most_specific
from harmtrace.extract.doctext import doc_text
from harmtrace.extract.events import WEAK_ORDER, Cue, kind_of
from harmtrace.extract.gazetteer import place_key
from harmtrace.extract.places import RANK_CITY, RANK_COUNTRY, RANK_LOCAL, RANK_WIDE, PlaceMention

HEADING_WORDS = 14
LABEL = re.compile(r"^(?:\d+\.\s*)?[A-Z][A-Z' .,/-]{2,}:")
# Dates within this many days of the frame's count as the same event's.
SAME_EVENT_DAYS = 1


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence, or a line the parser ran into the next one, with its place in the text."""

    span: Span
    paragraph: int
    section: int
    heading: bool


@dataclass(eq=False)
class Frame:
    """What is known of one event; mutable while the report is read."""

    place: PlaceMention | None = None
    when: DateRange | None = None
    kind: str | None = None
    strong: bool = False
    perpetrator: str | None = None


def _lines(sent: Span) -> list[Span]:
    """A parser sentence cut at line breaks."""
    doc = sent.doc
    pieces = []
    start = sent.start_char
    for m in re.finditer(r"\n+", sent.text):
        end = sent.start_char + m.start()
        pieces.append((start, end))
        start = sent.start_char + m.end()
    pieces.append((start, sent.end_char))
    spans = [doc.char_span(s, e, alignment_mode="expand") for s, e in pieces
             if doc_text(doc)[s:e].strip()]
    return [s for s in spans if s is not None and len(s)]


def _is_heading(line: str) -> bool:
    """A short line without a full stop ("1. ZANJILI: BODIES ON THE EXIT ROAD")."""
    words = line.split()
    if not words:
        return False
    no_stop = not line.rstrip().endswith((".", "!", "?", '"', "”", ":"))
    return (no_stop and len(words) <= HEADING_WORDS) or line.strip().endswith(":") \
        or (line.isupper() and len(words) <= HEADING_WORDS)


def units(doc: Doc) -> list[Unit]:
    """The report's sentences in order, with paragraph and section numbers."""
    text = doc_text(doc)
    found: list[Unit] = []
    paragraph = section = 0
    last_line = -1
    for sent in doc.sents:
        for span in _lines(sent):
            line_start = text.rfind("\n", 0, span.start_char) + 1
            line_end = text.find("\n", span.end_char)
            line = text[line_start:line_end if line_end != -1 else len(text)]
            new_line = line_start != last_line
            heading = new_line and _is_heading(line)
            if new_line and found:
                paragraph += 1
                if heading or LABEL.match(line):
                    section += 1
            last_line = line_start
            found.append(Unit(span, paragraph, section, heading))
    return found


def _compatible(new: PlaceMention, old: PlaceMention) -> bool:
    """Whether a place named now can be part of the event placed at `old`."""
    new_name, old_name = place_key(new.name), place_key(old.name)
    if new_name == old_name or (new.admin and place_key(new.admin) == old_name) \
            or (old.admin and place_key(old.admin) == new_name):
        return True
    if new.admin and old.admin and place_key(new.admin) == place_key(old.admin) \
            and new.rank == RANK_LOCAL and old.rank == RANK_CITY:
        return True
    if new.rank >= RANK_WIDE or old.rank >= RANK_COUNTRY:
        return True
    return new.rank == RANK_LOCAL and old.rank > RANK_LOCAL and new.admin is None


def _more_specific(new: PlaceMention, old: PlaceMention) -> bool:
    return new.rank < old.rank or (old.rank >= RANK_WIDE and new.rank <= old.rank)


@dataclass
class FrameTracker:
    """Follows the current event through the report."""

    title_frame: Frame | None = None
    frames: list[Frame] = field(default_factory=list)
    _section: dict[int, Frame] = field(default_factory=dict)
    _sections: dict[int, int] = field(default_factory=dict)
    _current: Frame | None = None
    _paragraph: int = -1

    def step(self, unit: Unit, place: PlaceMention | None, dates: list[DateMention],
             cues: list[Cue], event: bool, another: bool = False) -> Frame | None:
        """The frame of a sentence; only sentences about an attack move the frames."""
        if unit.paragraph != self._paragraph:
            self._paragraph = unit.paragraph
            self._current = self._section.get(unit.section)
        if not event:
            return self._current
        when = self._when(dates)
        frame = self._current
        if frame is None or another or self._differs(frame, place, when):
            frame = self._open(unit, place, when)
        else:
            self._refine(frame, place, when)
        self._type(frame, cues)
        self._current = frame
        return frame

    def _when(self, dates: list[DateMention]) -> DateRange | None:
        found = most_specific(dates)
        if found is not None:
            return found
        shifts = [d.shift for d in dates if d.shift is not None]
        base = self._current.when if self._current else None
        if shifts and base is not None:
            return base.shifted(shifts[0]) if shifts[0] else base
        return None

    def _differs(self, frame: Frame, place: PlaceMention | None,
                 when: DateRange | None) -> bool:
        if place is not None and frame.place is not None and not _compatible(place, frame.place):
            return True
        return when is not None and frame.when is not None \
            and not when.overlaps(frame.when, SAME_EVENT_DAYS)

    def _open(self, unit: Unit, place: PlaceMention | None, when: DateRange | None) -> Frame:
        known = self._known(place, when, unit.section)
        if known is not None:
            self._refine(known, place, when)
            return known
        base = self._current
        if place is not None and place.rank >= RANK_COUNTRY and base is not None \
                and base.place is not None:
            place = None
        frame = Frame(place=place or (base.place if base else None),
                      when=when or (base.when if base and place is not None else None))
        if base is None and self.title_frame is not None:
            frame.perpetrator = self.title_frame.perpetrator
            frame.place = frame.place or self.title_frame.place
        self.frames.append(frame)
        self._sections[id(frame)] = unit.section
        self._section.setdefault(unit.section, frame)
        return frame

    def _known(self, place: PlaceMention | None, when: DateRange | None,
               section: int) -> Frame | None:
        """An event of this section already told of at the same place, on a date that fits."""
        if place is None:
            return None
        key = place_key(place.name)
        for frame in reversed([f for f in self.frames if self._sections.get(id(f)) == section]):
            if frame.place is not None and place_key(frame.place.name) == key and (
                    when is None or frame.when is None
                    or when.overlaps(frame.when, SAME_EVENT_DAYS)):
                return frame
        return None

    def _refine(self, frame: Frame, place: PlaceMention | None, when: DateRange | None) -> None:
        if place is not None and (frame.place is None or _more_specific(place, frame.place)):
            frame.place = place
        if when is not None and (frame.when is None or _finer(when, frame.when)):
            frame.when = when

    def _type(self, frame: Frame, cues: list[Cue]) -> None:
        """A strong cue fixes the kind; a weak one sets it, or makes it more telling
        ("attack" in a heading, then "drones")."""
        strong = kind_of(cues, True)
        if strong and not frame.strong:
            frame.kind, frame.strong = strong, True
        elif not frame.strong:
            weak = kind_of(cues, False)
            if weak and (frame.kind is None or WEAK_ORDER.index(weak) < WEAK_ORDER.index(
                    frame.kind)):
                frame.kind = weak


def _finer(new: DateRange, old: DateRange) -> bool:
    order = ("day", "week", "month", "year")
    return order.index(new.precision) < order.index(old.precision) or (
        new.precision == old.precision and (new.end - new.start) < (old.end - old.start)
        and old.start <= new.start and new.end <= old.end + timedelta(days=0))
