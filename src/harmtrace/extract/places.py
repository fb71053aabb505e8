"""Places named in a sentence, ranked from the most specific to the widest.

A place is a capitalised name the sentence marks as one: after a locative word
("in Zanjili", "near Djalori", "struck Ganja"), with a unit word ("the village of
Bounti", "the al-Jadida district", "Idlib province"), or tagged by the parser and
known to the gazetteer. Its rank says how specific it is: a district or
neighbourhood before a village or unknown name, a village before a known city, a
city before a province, a province before a country. An unknown village is kept as
written; the wider area named with it ("a village in western Aleppo province",
"the Khuraybah quarter of the village") is its admin.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from harmtrace.aliases import find_actors
from harmtrace.extract.gazetteer import Place, geocode
from harmtrace.extract.lexicon import lexicon, phrases_pattern
from harmtrace.extract.nationality import demonyms

RANK_LOCAL, RANK_SETTLEMENT, RANK_CITY, RANK_WIDE, RANK_COUNTRY = range(5)
PRECISION_RANK = {"district": RANK_LOCAL, "neighbourhood": RANK_LOCAL, "area": RANK_LOCAL,
                  "locality": RANK_SETTLEMENT, "village": RANK_SETTLEMENT, "city": RANK_CITY,
                  "province": RANK_WIDE, "region": RANK_WIDE, "country": RANK_COUNTRY}
ADMIN_REACH = 80
AWAY = re.compile(r"\b(?:blamed\s+on|(?:hospitals?|morgues?|clinics?|health\s+cent(?:re|er)s?)"
                  r"\s+(?:\w+\s+){0,2}?(?:in|at|of))\s+(?:the\s+)?$", re.IGNORECASE)
# A gazetteer town abroad smaller than this is taken for a namesake of an unknown place.
FOREIGN_MIN_POPULATION = 50_000
LABEL = re.compile(r"^(?:\d+\.\s*)?(?P<label>[^:\n]{2,60}?):(?:\s|$)")
ADMIN_LINK = re.compile(
    r"(?:\s+(?:[a-z-]+\s+)?(?:district|neighbourhood|neighborhood|quarter|area|camp|suburbs?)"
    r"\s+of\s+|,?\s+(?:in|of|near)\s+|,\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,5}?"
    r"(?:in|of|near|outside)\s+)(?:the\s+)?(?:[a-z-]+\s+)?|,\s+")
PLACE_ENTS = ("GPE", "LOC", "FAC")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    name: str
    start: int
    end: int
    rank: int
    place: Place | None
    unit: str | None = None
    admin: str | None = None

    @property
    def country(self) -> str | None:
        return self.place.country if self.place else None

    @property
    def full_name(self) -> str:
        """The name with its unit when that unit names a wide area ("Aleppo province")."""
        wide = self.unit is not None and _unit_rank(self.unit) == RANK_WIDE
        return f"{self.name} {self.unit}" if wide else self.name


@cache
def _data() -> dict[str, list[str]]:
    return lexicon("places")


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = _data()
    prefix = phrases_pattern(data["prefixes"])
    body = r"[A-Z][\w]*(?:['’][a-z]{2,}\w*)*(?:-[\w]+(?:['’][a-z]{2,}\w*)*)*\.?"
    word = rf"(?:(?:{prefix})[-’' ])?{body}"
    inner = rf"(?:(?:{prefix}|de|du|la|le|ez|es|ibn|bin|wa)[-’' ]?)?{body}"
    name = rf"(?P<name>{word}(?:[ ]{inner}){{0,3}})"
    local = phrases_pattern(data["local_units"])
    settlement = phrases_pattern(data["settlement_units"])
    wide = phrases_pattern(data["wide_units"])
    units = rf"(?P<unit>{local}|{settlement}|{wide})"
    direction = phrases_pattern(data["directions"])
    locative = phrases_pattern(data["locatives"] + data["verb_locatives"])
    demonym = phrases_pattern(list(demonyms()))
    flags = re.UNICODE
    return {
        "unit_of": re.compile(
            rf"\b(?:[Tt]he|[Aa]n?)\s+(?:(?:[a-z][\w-]*|{demonym})\s+){{0,3}}"
            rf"(?i:{units})s?\s+of\s+(?:the\s+)?{name}", flags),
        "name_unit": re.compile(rf"{name}\s+(?:[a-z]+\s+)?(?i:(?P<unit>{local}|{wide}))\b",
                                flags),
        "locative": re.compile(
            rf"\b(?P<loc>{locative})\s+(?:the\s+)?(?:(?:{direction})\s+)?(?:[a-z]+-held\s+)?"
            rf"{name}", flags),
        "possessive": re.compile(rf"{name}['’]s?\s+(?=(?:[A-Z]|{local}))", flags),
    }


@cache
def _not_places() -> frozenset[str]:
    return frozenset(_data()["not_places"])


def _unit_rank(unit: str | None) -> int | None:
    if not unit:
        return None
    unit = unit.lower()
    data = _data()
    if unit in data["local_units"]:
        return RANK_LOCAL
    if unit in data["settlement_units"]:
        return RANK_SETTLEMENT if unit not in ("city", "capital", "port") else RANK_CITY
    return RANK_WIDE


def _clean(name: str) -> str:
    """Drop trailing words that are not part of a name and a leading article."""
    words = name.strip(".,'’").split()
    while words and (words[-1] in _not_places() or words[-1].endswith("'s")):
        words.pop()
    while words and words[0] in _not_places():
        words.pop(0)
    return " ".join(words).strip(".,'’")


def _is_building(name: str) -> bool:
    last = name.split()[-1].lower() if name else ""
    return last in _data()["buildings"]


def _directional(name: str) -> bool:
    return bool(name) and name.split()[0].lower() in _data()["directions"]


def _adjective(span: Span) -> bool:
    """"Iraqi", "Syrian": one word the parser reads as an adjective."""
    return len(span) == 1 and span[0].tag_ == "JJ"


def _attributive(span: Span) -> bool:
    """A tagged name used as a modifier ("Iraqi lines", "Syrian army") is no place."""
    last = span[-1]
    return last.tag_ == "JJ" or last.dep_ in ("amod", "compound") or last.ent_type_ == "NORP"


def _after_building(text: str, start: int) -> bool:
    """`the Palace of Justice`: a name that completes a building's name."""
    before = text[max(0, start - 25):start].lower().split()
    return len(before) >= 2 and before[-1] == "of" and before[-2] in _data()["buildings"]


def _modifier(text: str, end: int) -> bool:
    """"London-based", "Iran-aligned", "the Sayyid Mohammed shrine": a name that qualifies
    something else."""
    after = text[end:end + 30]
    if re.match(r"-(?:based|backed|aligned|led|run|held|born|controlled|allied)\b", after):
        return True
    word = re.match(r"\s+([a-z]+)", after)
    return word is not None and word.group(1) in _data()["buildings"]


def _blamed_on(text: str, start: int) -> bool:
    """"blamed on Armenia", "the hospital in Tyre": a place that is not where it happened."""
    return bool(AWAY.search(text[max(0, start - 40):start]))


def _named_other(span: Span) -> bool:
    """Tagged as a person or organisation: after a weak locative ("the government of
    Bashar al-Assad") that is no place."""
    return any(t.ent_type_ in ("PERSON", "ORG", "NORP") for t in span)


def _rank(unit: str | None, place: Place | None) -> int:
    by_unit = _unit_rank(unit)
    if by_unit is not None and not (place is not None and place.precision == "country"):
        return by_unit
    if place is not None:
        return PRECISION_RANK.get(place.precision, RANK_SETTLEMENT)
    return by_unit if by_unit is not None else RANK_SETTLEMENT


def entities(span: Span, labels: tuple[str, ...]) -> list[Span]:
    """The parser's entities of these labels in a span, read from the tokens (a span's
    `ents` rebuilds the whole document's entities on every call)."""
    found = []
    start = None
    for token in span:
        if start is not None and token.ent_iob_ != "I":
            found.append(span.doc[start:token.i])
            start = None
        if token.ent_iob_ == "B" and token.ent_type_ in labels:
            start = token.i
    if start is not None:
        found.append(span.doc[start:span.end])
    return found


def report_country(doc: Doc) -> str | None:
    """The country a report is mostly about, by the places the parser tags in it."""
    counts: Counter[str] = Counter()
    for ent in entities(doc[:], PLACE_ENTS):
        place = geocode(ent.text.removeprefix("the "))
        if place is not None and place.country:
            counts[place.country] += 1
    return counts.most_common(1)[0][0] if counts else None


def _actor_spans(text: str) -> list[tuple[int, int]]:
    return [(s, e) for s, e, _ in find_actors(text)]


def _candidates(sent: Span) -> list[tuple[int, int, str, str | None, str]]:
    """(start, end, name, unit, cue) found by the patterns, offsets in the sentence; the cue
    is "strong" after a locative word that names a place, "weak" after one like "of"."""
    text = sent.text
    found = []
    weak = frozenset(_data()["weak_locatives"])
    verbs = frozenset(_data()["verb_locatives"])
    for kind, pattern in _patterns().items():
        for m in pattern.finditer(text):
            groups = m.groupdict()
            loc = (groups.get("loc") or "").lower()
            cue = "weak" if kind == "possessive" or loc in weak else "verb" if loc in verbs \
                else "strong"
            found.append((m.start("name"), m.end("name"), m.group("name"), groups.get("unit"),
                          cue))
    for ent in entities(sent, PLACE_ENTS):
        start = ent.start_char - sent.start_char
        found.append((start, start + len(ent.text), ent.text, None, "tagged"))
    return found


def find_places(sent: Span, skip: frozenset[int] = frozenset(), country: str | None = None,
                actors: list[tuple[int, int]] | None = None) -> list[PlaceMention]:
    """Places the sentence names outside the skipped tokens, most specific first; `actors`
    are the document offsets of actor names, which are no places."""
    if actors is None:
        actors = _actor_spans(sent.text)
    else:
        actors = [(s - sent.start_char, e - sent.start_char) for s, e in actors
                  if sent.start_char <= s < sent.end_char]
    mentions: dict[tuple[int, int], PlaceMention] = {}
    for start, end, raw, unit, cue in _candidates(sent):
        mention = _mention(sent, start, end, raw, unit, cue, actors, skip, country)
        if mention is None:
            continue
        key = (mention.start, mention.end)
        old = mentions.get(key)
        if old is None or (mention.unit is not None, -mention.rank) > (old.unit is not None,
                                                                       -old.rank):
            mentions[key] = mention
    kept = _outermost(list(mentions.values()))
    placed = [_consistent(_with_admin(m, kept, sent.text, sent.start_char), country)
              for m in kept]
    return sorted(placed, key=lambda m: (m.rank, m.start))


def _consistent(mention: PlaceMention, country: str | None) -> PlaceMention:
    """Forget a gazetteer match that cannot be the place meant: in another country than
    the wider area named with it, or a small town abroad in a report about one country."""
    place = mention.place
    if place is None or place.precision == "country":
        return mention
    admin = geocode(mention.admin, country) if mention.admin else None
    foreign = (admin is not None and admin.country != place.country) or (
        country is not None and place.country != country
        and place.population < FOREIGN_MIN_POPULATION)
    if not foreign:
        return mention
    rank = _unit_rank(mention.unit)
    return PlaceMention(mention.name, mention.start, mention.end,
                        rank if rank is not None else RANK_SETTLEMENT, None, mention.unit,
                        mention.admin)


def label_places(sent: Span, country: str | None = None) -> list[PlaceMention]:
    """Places a heading or a line label names ("EAST ALEPPO:", "AL-MANSOURA, RAQQA
    PROVINCE", "Abqaiq and Khurais: attack on ..."), most specific first."""
    text = sent.text
    m = LABEL.match(text)
    label = m["label"] if m else (text if text.isupper() else "")
    found = []
    offset = text.find(label) if label else 0
    for part in re.split(r",|\band\b|/", label):
        name = part.strip(" .")
        if len(name) < 3 or not re.search(r"[A-Za-z]", name):
            continue
        unit_m = re.search(r"\s+(province|region|governorate|district|state)$", name, re.I)
        unit = unit_m.group(1).lower() if unit_m else None
        bare = name[:unit_m.start()] if unit_m else name
        shown = bare.title() if bare.isupper() else bare
        place = geocode(shown, country)
        if place is None and not _label_name(shown):
            continue
        start = sent.start_char + offset + label.find(part)
        found.append(_consistent(PlaceMention(shown, start, start + len(part), _rank(unit, place),
                                              place, unit), country))
    return sorted(found, key=lambda p: (p.rank, p.start))


def _label_name(name: str) -> bool:
    """An unknown label that reads as a place name: one or two capitalised words that are
    not heading words ("BACKGROUND", "BY THE NUMBERS") nor an actor's name."""
    words = name.split()
    return 0 < len(words) <= 2 and all(w[:1].isupper() or w[:3].lower() in ("al-", "el-")
                                       for w in words) \
        and not any(w.lower() in _data()["heading_words"] or w in _not_places() for w in words) \
        and not find_actors(name)


def _mention(sent: Span, start: int, end: int, raw: str, unit: str | None, cue: str,
             actors: list[tuple[int, int]], skip: frozenset[int],
             country: str | None) -> PlaceMention | None:
    name = _clean(raw.removeprefix("the ").removeprefix("The "))
    place = geocode(name, country)
    if place is None and _directional(name):
        name = name.split(maxsplit=1)[1] if " " in name else ""
        place = geocode(name, country)
    if len(name) < 3 or _is_building(name) or _after_building(sent.text, start):
        return None
    start += raw.find(name) if name in raw else 0
    end = start + len(name)
    if any(s < end and start < e for s, e in actors):
        return None
    token = sent.doc.char_span(sent.start_char + start, sent.start_char + end,
                               alignment_mode="expand")
    if token is None or any(t.i in skip for t in token):
        return None
    if _adjective(token) or name in demonyms():
        return None
    if cue == "tagged" and not unit and (place is None or _attributive(token)):
        return None
    if cue in ("weak", "verb") and not unit and place is None and (
            _named_other(token) or cue == "verb"):
        return None
    if _modifier(sent.text, end) or _blamed_on(sent.text, start):
        return None
    rank = _rank(unit, place)
    return PlaceMention(name, sent.start_char + start, sent.start_char + end, rank, place,
                        unit.lower() if unit else None)


def _outermost(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Where one mention lies inside another ("Maarat" in "Maarat al-Numan"), keep the
    longer unless the shorter is known to the gazetteer and the longer is not."""
    kept = []
    for m in mentions:
        inside = [o for o in mentions if o is not m and o.start <= m.start and m.end <= o.end
                  and (o.end - o.start) > (m.end - m.start)]
        if not inside or all(o.place is None and m.place is not None for o in inside):
            kept.append(m)
    return [m for m in kept if not any(
        o is not m and o in kept and o.start <= m.start and m.end <= o.end
        and (o.end - o.start) > (m.end - m.start) for o in kept)]


def _with_admin(mention: PlaceMention, mentions: list[PlaceMention],
                text: str, offset: int) -> PlaceMention:
    """The wider place named with it: "X, a village in Y province", "X district of Y",
    "X in Y", "Y's X district"."""
    if mention.place is not None and mention.place.admin:
        return _replace_admin(mention, mention.place.admin)
    for other in sorted(mentions, key=lambda o: o.start):
        if other.rank <= mention.rank or other.rank == RANK_COUNTRY:
            continue
        after = text[mention.end - offset:other.start - offset]
        before = text[other.end - offset:mention.start - offset]
        if (0 <= other.start - mention.end <= ADMIN_REACH and ADMIN_LINK.fullmatch(after)) \
                or before in ("'s ", "’s ", "' ", "’ "):
            return _replace_admin(mention, other.full_name)
    return mention


def _replace_admin(mention: PlaceMention, admin: str) -> PlaceMention:
    return PlaceMention(mention.name, mention.start, mention.end, mention.rank, mention.place,
                        mention.unit, admin)
