"""Incident claims and period totals from casualty figures.

A figure is a death toll when a killing word follows it closely ("seven civilians
were killed") or precedes it ("killing at least 105"); an injury figure likewise.
Each sentence carrying a toll becomes one claim, dated, placed, typed and blamed
from its own words first and its paragraph second. A toll over a period ("since
2014", "in 2014-2017") is an aggregate instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from spacy.tokens import Doc, Span

from harmtrace.aliases import actor_kind, find_actors
from harmtrace.extract import dates
from harmtrace.extract.lexicon import lexicon, phrases_pattern
from harmtrace.extract.numbers import Figure, find_figures
from harmtrace.extract.places import Place, geocode
from harmtrace.records import Aggregate, IncidentClaim, Statement

RULE_INCIDENT = "claims.toll/1"
RULE_AGGREGATE = "claims.period_total/1"
NON_FIGURE_ENTS = ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL")
PLACE_ENTS = ("GPE", "LOC", "FAC")
BLAMEABLE = ("state_forces", "armed_group", "coalition", "government")
WINDOW_AFTER = 70
WINDOW_BEFORE = 40


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    cas = lexicon("casualties")
    killed = phrases_pattern(cas["killed"])
    injured = phrases_pattern(cas["injured"])
    return {
        "killed_after": re.compile(rf"^[^;:.]{{0,{WINDOW_AFTER}}}?\b(?:{killed})\b", re.I),
        "injured_after": re.compile(rf"^[^;:.]{{0,{WINDOW_AFTER}}}?\b(?:{injured})\b", re.I),
        "killed_before": re.compile(
            r"\b(?:killing|killed|kill|toll\s+(?:\w+\s+){0,3}(?:to|of|at)|"
            r"deaths?\s+of|bodies\s+of)\s+(?:(?!and\b)\w+\s+)?$", re.I),
        "injured_before": re.compile(r"\b(?:wounding|injuring|wounded|injured)\s+$", re.I),
        "subcount": re.compile(r"\b(?:including|among them|of them|of whom|among whom)\s+$", re.I),
        "other_noun": re.compile(r"^\s*(?:\w+\s+){0,1}(?:km|kilometres|miles|metres|meters|"
                                 r"years?|days?|hours?|months?|weeks?|houses|buildings|"
                                 r"homes|pounds|percent|per cent|tonnes|rounds)\b", re.I),
        "period": re.compile(r"\b(?:since|so far|in total|in all|to date|this year|"
                             r"last year|in the years|over the past|during the|between)\b", re.I),
        "year_range": re.compile(r"\b((?:19|20)\d{2})\s*(?:-|–|to|and)\s*((?:19|20)\d{2})\b"),
        "since_year": re.compile(r"\bsince\s+(?:\w+\s+)?((?:19|20)\d{2})\b", re.I),
        "negation": re.compile(
            r"\b(?:no|not any|none of the)\s+(?:civilians?|one|people|residents)\s+"
            r"(?:were|was|had been|have been)\s+(?:killed|harmed|hurt|injured|wounded)\b", re.I),
        "media": re.compile(r"\b(?:media|television|news (?:websites|outlets|agency|pages)|"
                            r"outlets|channels|newspapers?)\b", re.I),
    }


@dataclass(frozen=True, slots=True)
class Toll:
    killed: Figure | None
    injured: Figure | None
    sentence: Span


def _blocked(fig: Figure, doc: Doc) -> bool:
    span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
    return span is None or any(t.ent_type_ in NON_FIGURE_ENTS for t in span)


def _role(fig: Figure, text: str, sent_start: int) -> str | None:
    p = _patterns()
    after = text[fig.end - sent_start:]
    before = text[:fig.start - sent_start]
    if p["subcount"].search(before) or p["other_noun"].match(after):
        return None
    if p["killed_before"].search(before):
        return "killed"
    if p["injured_before"].search(before):
        return "injured"
    killed = p["killed_after"].match(after)
    injured = p["injured_after"].match(after)
    if killed and (not injured or killed.end() <= injured.end()):
        return "killed"
    return "injured" if injured else None


def tolls(doc: Doc) -> list[Toll]:
    found = []
    for sent in doc.sents:
        killed = injured = None
        for fig in find_figures(sent.text, sent.start_char):
            if _blocked(fig, doc):
                continue
            role = _role(fig, sent.text, sent.start_char)
            if role == "killed" and killed is None:
                killed = fig
            elif role == "injured" and injured is None:
                injured = fig
        if killed or injured:
            found.append(Toll(killed, injured, sent))
    return found


def _victims(toll: Toll) -> str:
    fig = toll.killed or toll.injured
    assert fig is not None
    after = toll.sentence.doc.text[fig.end:fig.end + 40].lower()
    words = re.findall(r"[a-z]+", after)[:4]
    groups = lexicon("casualties")["victims"]
    for word in words:
        if word in groups["civilians"]:
            return "civilians"
        if word in groups["combatants"]:
            return "combatants"
    return "civilians" if "civilian" in toll.sentence.text.lower() else "unspecified"


def event_type(text: str) -> str | None:
    lowered = text.lower()
    for kind, cues in lexicon("events").items():
        if re.search(rf"\b(?:{phrases_pattern(cues)})\b", lowered):
            return kind
    return None


def _paragraph(doc: Doc, sent: Span) -> str:
    text = doc.text
    start = text.rfind("\n\n", 0, sent.start_char)
    end = text.find("\n\n", sent.end_char)
    return text[start + 1 if start != -1 else 0:end if end != -1 else len(text)]


def _date(sent: Span, paragraph: str, published: date | None) -> dates.DateRange | None:
    for ent in sent.ents:
        if ent.label_ in ("DATE", "TIME"):
            found = dates.resolve(ent.text if ent.label_ == "TIME" else f"in {ent.text}",
                                  published) or dates.resolve(ent.text, published)
            if found:
                return found
    return dates.resolve(sent.text, published) or dates.resolve(paragraph, published)


LOCATIVE = re.compile(
    r"\b(?:in|at|near|outside|of|on|from|into|across|around|hit|struck)\s+(?:the\s+)?"
    r"((?:(?:al|el|ad|ar|as|an)-)?[A-Z][\w'’-]+(?:\s+(?:(?:al|el)-)?[A-Z][\w'’-]+){0,3})"
)


def _gazetteer_names(text: str) -> list[str]:
    """Capitalised names after a locative word that the gazetteer knows, longest
    first, for places the parser did not tag."""
    found = []
    for m in LOCATIVE.finditer(text):
        words = m.group(1).split()
        for n in range(len(words), 0, -1):
            name = " ".join(words[:n])
            if geocode(name):
                found.append(name)
                break
    return found


def _place(spans: list[Span]) -> tuple[str, Place | None] | None:
    """The most specific geocodable place named, else the first named."""
    names = [e.text.removeprefix("the ") for s in spans for e in s.ents
             if e.label_ in PLACE_ENTS]
    names += [n for s in spans for n in _gazetteer_names(s.text)]
    ranked = sorted(
        ((name, geocode(name)) for name in names),
        key=lambda pair: pair[1] is None or pair[1].precision == "country",
    )
    return ranked[0] if ranked else None


def _perpetrator(text: str) -> str:
    for _, _, name in find_actors(text):
        if actor_kind(name) in BLAMEABLE:
            return name
    return "unknown"


def _claimer(sent: Span, statements: list[Statement]) -> str:
    for st in statements:
        if st.start <= sent.end_char and sent.start_char <= st.end:
            return st.speaker
    return "local media" if _patterns()["media"].search(sent.text) else "reporter"


def _aggregate(toll: Toll, claimer: str) -> Aggregate | None:
    p = _patterns()
    text = toll.sentence.text
    if not toll.killed or not p["period"].search(text):
        return None
    years = p["year_range"].search(text) or p["since_year"].search(text)
    if not years:
        return None
    end = years.group(2) if years.re is p["year_range"] else None
    areas = [geocode(e.text) for e in toll.sentence.ents if e.label_ in PLACE_ENTS]
    sent = toll.sentence
    return Aggregate(
        evidence=sent.text.strip(), start=sent.start_char, end=sent.end_char,
        actor=_perpetrator(text), killed_low=toll.killed.low, killed_high=toll.killed.high,
        period_start=years.group(1), period_end=end,
        area=tuple(dict.fromkeys(a.country for a in areas if a and a.country)),
        claimed_by=claimer, confidence=0.5, rule=RULE_AGGREGATE,
    )


def extract_claims(
    doc: Doc, published: str | None, statements: list[Statement], title: str | None = None
) -> tuple[list[IncidentClaim], list[Aggregate]]:
    pub = dates.parse_published(published)
    incidents: list[IncidentClaim] = []
    aggregates: list[Aggregate] = []
    for toll in tolls(doc):
        claimer = _claimer(toll.sentence, statements)
        aggregate = _aggregate(toll, claimer)
        if aggregate:
            aggregates.append(aggregate)
            continue
        incidents.append(_incident(toll, doc, pub, claimer, title))
    return _merge(incidents), aggregates


def _incident(toll: Toll, doc: Doc, pub: date | None, claimer: str,
              title: str | None) -> IncidentClaim:
    sent = toll.sentence
    paragraph = _paragraph(doc, sent)
    when = _date(sent, paragraph, pub)
    paragraph_span = doc.char_span(doc.text.find(paragraph), doc.text.find(paragraph)
                                   + len(paragraph), alignment_mode="expand")
    where = _place([sent] + ([paragraph_span] if paragraph_span is not None else []))
    place = where[1] if where else None
    killed, injured = toll.killed, toll.injured
    return IncidentClaim(
        event_type=event_type(sent.text) or event_type(paragraph) or event_type(title or "")
        or "other",
        evidence=sent.text.strip(), start=sent.start_char, end=sent.end_char,
        location=where[0] if where else None, admin=place.admin if place else None,
        country=place.country if place else None,
        latitude=place.latitude if place else None, longitude=place.longitude if place else None,
        geo_precision=place.precision if place else None,
        date_start=when.iso[0] if when else None, date_end=when.iso[1] if when else None,
        date_precision=when.precision if when else "unknown",
        perpetrator=_perpetrator(sent.text) if _perpetrator(sent.text) != "unknown"
        else _perpetrator(paragraph),
        killed_low=killed.low if killed else None, killed_high=killed.high if killed else None,
        injured_low=injured.low if injured else None,
        injured_high=injured.high if injured else None,
        victims=_victims(toll), claimed_by=claimer,
        negated=bool(_patterns()["negation"].search(sent.text)), confidence=0.5,
        rule=RULE_INCIDENT,
    )


def _merge(claims: list[IncidentClaim]) -> list[IncidentClaim]:
    """One record per event and claimer; a later figure in the same voice revises."""
    kept: dict[tuple[str | None, str | None, str, str], IncidentClaim] = {}
    for claim in claims:
        key = ((claim.location or "").lower(), claim.date_start, claim.event_type,
               claim.claimed_by)
        kept[key] = claim
    return sorted(kept.values(), key=lambda c: c.start)
