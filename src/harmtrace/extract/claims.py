"""Incident claims and period totals of one report.

Each sentence is read in order: its places, dates and attack words move the frame of
the event being told (frames.py); its casualty figures (tolls.py) and its speakers'
denials, accusations and admissions (stances.py) become drafts, each with its
claimer (claimers.py). A toll over a period is an aggregate (aggregates.py).
Drafts of one claimer about one event merge into one record holding the latest
figure; a denial, and a claimer's separate count of fighters, stay records of their
own. Place, date and kind come from the claim's own words first and its event's
frame second; the perpetrator from the claim's words, else from the report's own
account of the event, unless the claimer says it cannot tell.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span

from harmtrace.aliases import actor_kind, find_actors
from harmtrace.extract import aggregates as agg
from harmtrace.extract.actors import BLAMEABLE, ReportActors, forces_of, own_side
from harmtrace.extract.blame import (
    accused,
    agent_in,
    named_agents,
    says_unknown,
    speaker_agent,
    title_agent,
)
from harmtrace.extract.claimers import (
    LOCAL_MEDIA,
    REPORTER,
    REPORTING_LEMMAS,
    Claimers,
    reporter_of,
)
from harmtrace.extract.dates import DateMention, find_dates, latest_year, parse_published
from harmtrace.extract.doctext import doc_text
from harmtrace.extract.drafts import Draft, ReportView, merge, write_claim
from harmtrace.extract.events import Cue, find_cues, kind_of, marks_another
from harmtrace.extract.frames import Frame, FrameTracker, Unit, units
from harmtrace.extract.gazetteer import place_key
from harmtrace.extract.places import (
    LABEL,
    RANK_COUNTRY,
    RANK_WIDE,
    PlaceMention,
    find_places,
    label_places,
    report_country,
)
from harmtrace.extract.reporting import reporting_skips
from harmtrace.extract.stances import (
    Stance,
    admits,
    drop_bare_denials,
    from_statements,
    from_verbs,
)
from harmtrace.extract.tolls import Toll, tolls
from harmtrace.records import Aggregate, IncidentClaim, Statement

RULE_AGGREGATE = "claims.period_total/2"
# Where a denial goes on to blame someone else ("denied ... and blamed government forces").
COUNTER_BLAME = re.compile(r",?\s+(?:and|but)\s+(?:\w+\s+)?(?:blamed|accused|said\s+it\s+was)\b",
                           re.IGNORECASE)
SINCE = re.compile(r"\b(?:since|until|from)\s+(?:the\s+\w+\s+of\s+|late\s+|early\s+)?$",
                   re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Facts:
    """What one sentence says about place, time, kind of attack and casualties."""

    unit: Unit
    places: list[PlaceMention]
    dates: list[DateMention]
    cues: list[Cue]
    tolls: list[Toll]
    event_dates: list[DateMention]

    @property
    def span(self) -> Span:
        return self.unit.span


class ReportReader:
    """Reads one report's sentences in order and collects drafts and aggregates."""

    def __init__(self, doc: Doc, published: date | None, statements: list[Statement],
                 title: str | None, outlet: str | None = None) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.published = published
        self.year = None if published else latest_year(self.text)
        self.statements = statements
        self.units = units(doc)
        self.country = report_country(doc)
        self.actors = ReportActors(self.text, self.country)
        self._actor_spans = [(m.start, m.end) for m in self.actors.mentions]
        self.claimers = Claimers(doc, statements, self.actors, self.country, reporter_of(outlet))
        self.tracker = FrameTracker(title_frame=self._title_frame(title))
        self.title_kind = kind_of(find_cues(title or ""), True) if title else None
        self.drafts: list[Draft] = []
        self.aggregates: list[Aggregate] = []
        self.unknown: set[tuple[int, str]] = set()
        self.war_start = agg.war_start(self.text, published)
        self._period: agg.Period | None = None
        self._area: tuple[str, ...] = ()
        self._last_total = -2
        self._ranges: dict[int, DateMention] = {}
        self._voices: dict[int, str] = {}

    @property
    def main_place(self) -> PlaceMention | None:
        """The place the report names most often below country level, for claims whose
        event has none ("the city")."""
        counts: Counter[str] = Counter()
        first: dict[str, PlaceMention] = {}
        for frame in self.tracker.frames:
            place = frame.place
            if place is not None and place.rank < RANK_WIDE:
                counts[place_key(place.name)] += 1
                first.setdefault(place_key(place.name), place)
        return first[counts.most_common(1)[0][0]] if counts else None

    def _title_frame(self, title: str | None) -> Frame | None:
        if not title:
            return None
        agent = title_agent(title, ReportActors(title))
        return Frame(perpetrator=agent) if agent else None

    def read(self) -> None:
        stances: list[tuple[int, Stance, Facts, Frame | None]] = []
        for index, unit in enumerate(self.units):
            facts = self._facts(unit)
            found = self._stances(facts)
            event = bool(facts.tolls or facts.cues or found or (unit.heading and facts.places))
            place = facts.places[0] if facts.places else None
            frame = self.tracker.step(unit, place, facts.event_dates, facts.cues, event,
                                      marks_another(unit.span.text))
            if frame is not None:
                self._reporter_voice(facts, frame)
                self._tolls(index, facts, frame)
            self._remember(facts)
            stances += [(index, s, facts, frame) for s in found if frame is not None
                        and not any(s.start <= t.start < s.end for t in facts.tolls)]
        kept = {id(s) for _, s in drop_bare_denials([(i, s) for i, s, _, _ in stances])}
        for _, stance, facts, frame in stances:
            if id(stance) in kept:
                self._stance(stance, facts, frame)

    def _facts(self, unit: Unit) -> Facts:
        span = unit.span
        skips = reporting_skips(span)
        places = find_places(span, skips.places, self.country, self._actor_spans)
        if unit.heading or LABEL.match(span.text):
            places = sorted(label_places(span, self.country) + places,
                            key=lambda p: (p.rank, p.start))
        dates = [d for d in find_dates(span.text, self.published, span.start_char, self.year)
                 if not _skipped(span, d, skips.dates)]
        cues = find_cues(span.text, span.start_char)
        event_dates = [d for d in dates if not SINCE.search(
            self.text[max(span.start_char, d.start - 25):d.start])]
        return Facts(unit, places, dates, cues, [] if unit.heading else tolls(span), event_dates)

    def _stances(self, facts: Facts) -> list[Stance]:
        if facts.unit.heading:
            return []
        span = facts.span
        from_words = from_statements(span, self.statements)
        covered = [(s.start, s.end) for s in self.statements
                   if span.start_char <= s.start < span.end_char]
        return from_words + from_verbs(span, covered)

    def _remember(self, facts: Facts) -> None:
        """Date ranges and speakers of the paragraph, for the sentences that follow."""
        paragraph = facts.unit.paragraph
        for d in facts.dates:
            if d.when is not None and d.when.start != d.when.end:
                self._ranges[paragraph] = d
        span = facts.span
        spoken = [s for s in self.statements if span.start_char <= s.start < span.end_char]
        if spoken:
            self._voices[paragraph] = self.claimers.name(spoken[-1].speaker, spoken[-1].start)

    def _reporter_voice(self, facts: Facts, frame: Frame) -> None:
        """The report's own account of who did it sets the event's perpetrator."""
        span = facts.span
        if frame.perpetrator or any(s.start < span.end_char and span.start_char < s.end
                                    for s in self.statements) or _reported(span):
            return
        frame.perpetrator = agent_in(self.text, span.start_char, span.end_char, self.actors,
                                     self.country)

    def _tolls(self, index: int, facts: Facts, frame: Frame) -> None:
        span = facts.span
        for toll in facts.tolls:
            claimer = self._claimer(toll, facts)
            if says_unknown(span.text):
                self.unknown.add((id(frame), claimer))
            clause = _clause(span, toll)
            dates = [d for d in facts.dates if clause.start_char <= d.start < clause.end_char]
            if agg.is_period_total(clause, dates) or self._continues_total(index, facts):
                self._aggregate(facts, toll, claimer, clause, dates)
                self._last_total = index
                continue
            if not (facts.cues or frame.kind or frame.place):
                continue
            self.drafts.append(Draft(
                frame, claimer, span.start_char, span.end_char, toll=toll,
                perpetrator=agent_in(self.text, span.start_char, span.end_char, self.actors,
                                     self.country),
                kind=kind_of(facts.cues, True), place=self._toll_place(facts, toll)))

    def _claimer(self, toll: Toll, facts: Facts) -> str:
        """The toll's claimer; a sentence in the reporter's voice that follows a speaker's
        words in the same paragraph goes on with that speaker's account."""
        claimer = self.claimers.at(toll.start, facts.span)
        if claimer == self.claimers.reporter and facts.unit.paragraph in self._voices:
            return self._voices[facts.unit.paragraph]
        return claimer

    def _continues_total(self, index: int, facts: Facts) -> bool:
        """"Ninewa province ... was the worst affected, with 160 civilians killed": a toll
        right after a period total, naming no attack and no date, breaks it down."""
        return index == self._last_total + 1 and not facts.cues and not facts.dates

    def _toll_place(self, facts: Facts, toll: Toll) -> PlaceMention | None:
        if toll.place is None:
            return None
        key = place_key(toll.place)
        return next((p for p in facts.places if place_key(p.name) == key), None)

    def _stance(self, stance: Stance, facts: Facts, frame: Frame) -> None:
        claimer = self._stance_claimer(stance)
        if claimer in (REPORTER,):
            return
        text = self.text
        end = stance.end
        if stance.negated:
            blame = COUNTER_BLAME.search(text, stance.start, stance.end)
            end = blame.start() if blame else end
        words = text[stance.start:end]
        speaker_side = self.claimers.name(stance.org, stance.start) if stance.org else claimer
        perpetrator = accused(words) or agent_in(
            text, stance.start, end, self.actors, self.country, speaker_side)
        if not stance.negated and perpetrator is None:
            if not admits(words):
                return
            perpetrator = self._admitted_by(stance, claimer)
        own = own_side(speaker_side) if actor_kind(speaker_side) in BLAMEABLE else None
        admitted = speaker_agent(words, speaker_side) if stance.negated else perpetrator
        if admitted and admitted == own:
            frame.perpetrator = frame.perpetrator or admitted
        places = [p for p in facts.places
                  if stance.start <= p.start < stance.end and p.rank < RANK_COUNTRY]
        self.drafts.append(Draft(frame, claimer, stance.start, stance.end,
                                 negated=stance.negated,
                                 perpetrator=None if stance.negated and perpetrator == own
                                 else perpetrator,
                                 kind=kind_of(find_cues(words), True),
                                 place=places[0] if places else None, own_side=own))

    def _stance_claimer(self, stance: Stance) -> str:
        text = stance.speaker_text or stance.speaker
        settled = self.actors.settle(text)
        if settled != text and actor_kind(settled) is not None:
            return settled
        return self.claimers.name(stance.speaker, stance.start)

    def _admitted_by(self, stance: Stance, claimer: str) -> str | None:
        """Who admits an attack with no doer named: the armed actor in the speaker's
        description ("a body set up by the Saudi-led coalition"), or the claimer itself."""
        described = stance.speaker_text or ""
        for _, _, name in find_actors(described):
            if actor_kind(name) in BLAMEABLE:
                return forces_of(name)
        return forces_of(claimer) if actor_kind(claimer) in BLAMEABLE else None

    def _aggregate(self, facts: Facts, toll: Toll, claimer: str, span: Span,
                   dates: list[DateMention]) -> None:
        killed = toll.killed
        if killed is None:
            return
        dates = dates or [d for d in [self._ranges.get(facts.unit.paragraph)] if d]
        period = agg.period(span, dates, self.published, self._period, self.war_start)
        area = agg.area(span, facts.places, self._area, self.country)
        self._period, self._area = period, area
        self.aggregates.append(Aggregate(
            evidence=span.text.strip(), start=span.start_char, end=span.end_char,
            actor=self._total_actor(span, claimer), killed_low=killed.low,
            killed_high=killed.high, period_start=period.start, period_end=period.end,
            area=area, claimed_by=claimer, confidence=0.5, rule=RULE_AGGREGATE))

    def _total_actor(self, span: Span, claimer: str) -> str:
        """Every actor the total is blamed on ("Iraqi and coalition forces"), or the claimer
        when it owns the deaths ("its strikes have killed")."""
        agents = named_agents(self.text, span.start_char, span.end_char, self.actors,
                              self.country)
        names = list(dict.fromkeys(a.name for a in agents))
        if names:
            return " and ".join(names)
        own = speaker_agent(span.text, claimer)
        if own is None and admits(span.text) and claimer not in (REPORTER, LOCAL_MEDIA):
            own = forces_of(claimer) if actor_kind(claimer) in BLAMEABLE else None
        return own or "unknown"


def _clause(span: Span, toll: Toll) -> Span:
    if toll.clause is None:
        return span
    part = span.doc.char_span(*toll.clause, alignment_mode="expand")
    return part if part is not None else span


def _reported(span: Span) -> bool:
    """Whether someone is reported as saying the sentence ("..., the ministry said")."""
    return any(t.lemma_.lower() in REPORTING_LEMMAS and t.pos_ in ("VERB", "AUX") for t in span) \
        or "according to" in span.text.lower()


def _skipped(span: Span, mention: DateMention, skip: frozenset[int]) -> bool:
    tokens = span.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return tokens is not None and all(t.i in skip for t in tokens)


def extract_claims(
    doc: Doc, published: str | None, statements: list[Statement], title: str | None = None,
    outlet: str | None = None,
) -> tuple[list[IncidentClaim], list[Aggregate]]:
    """Incident claims and aggregates of a parsed report, claimers from its statements; an
    organisation publishing its own report (`outlet`) owns what it says in its own voice."""
    reader = ReportReader(doc, parse_published(published), statements, title, outlet)
    reader.read()
    view = ReportView(reader.text, reader.tracker.frames, reader.country, reader.title_kind,
                      reader.main_place, reader.unknown)
    incidents = [write_claim(group, view) for group in merge(reader.drafts)]
    incidents = [c for c in incidents if c.location or c.date_start]
    return sorted(incidents, key=lambda c: c.start), reader.aggregates
