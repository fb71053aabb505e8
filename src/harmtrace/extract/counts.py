"""Casualty figures in one sentence: what each figure counts, and whether it is the dead.

A figure counts the dead when a killing word follows it closely ("seven civilians
were killed", "37 bodies") or leads up to it ("killing at least 105", "the toll had
risen to 37", "the bodies of 29 children"); the hurt likewise. A figure counting
something else ("45 attacks", "800 metres"), or people who are missing, trapped or
alive, is no casualty figure. "eleven of them children" after a total is a part of
it. Victims listed one by one ("killing a woman and two of her children") are
counted. Words before a figure say whether it is an earlier figure ("initially",
"had reported") or a revised one ("later", "raised its count to", "in all").
The words are data (data/lang/en/casualties.json).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Span, Token

from harmtrace.aliases import actor_kind, find_actors
from harmtrace.extract.doctext import doc_text
from harmtrace.extract.lexicon import lexicon, phrases_pattern
from harmtrace.extract.numbers import Figure, find_figures

KILLED, INJURED = "killed", "injured"
EARLIER, PLAIN, LATER = 0, 1, 2
NON_FIGURE_ENTS = ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL")
# How far, in characters, a killing word may follow its figure, a toll noun precede it.
WINDOW_AFTER = 80
TOLL_REACH = 160
# A figure the parser takes for a date yet is a bare number ("put the figure at 54").
BARE_NUMBER = re.compile(r"(?!(?:19|20)\d\d\b)\d{1,3}(?:,\d{3})*")
ALL_TOLD = re.compile(r"^\s+(?:[\w-]+\s+){0,2}(?:in all|in total|altogether)\b")
COUNTED_NOUN_REACH = 5


@dataclass(frozen=True, slots=True)
class Count:
    """One casualty figure: bounds, role, victim group, offsets in the document."""

    low: int | None
    high: int | None
    start: int
    end: int
    role: str
    group: str = "unspecified"
    subset: bool = False
    revision: int = PLAIN
    place: str | None = None
    vague: bool = False


@cache
def _data() -> dict[str, Any]:
    return lexicon("casualties")


def _alternation(key: str) -> str:
    return phrases_pattern(_data()[key])


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    flags = re.IGNORECASE
    fillers = r"(?:(?:the|a|an|all|another|some|only|also|its|their)\s+){0,2}"
    return {
        "killed_after": re.compile(
            rf"^[^;:.]{{0,{WINDOW_AFTER}}}?\b(?:{_alternation('killed_after')})\b", flags),
        "injured_after": re.compile(
            rf"^[^;:.]{{0,{WINDOW_AFTER}}}?\b(?:{_alternation('injured_after')})\b", flags),
        "killed_before": re.compile(
            rf"\b(?:{_alternation('killed_before')})[\"”’']?\s+{fillers}$", flags),
        "injured_before": re.compile(rf"\b(?:{_alternation('injured_before')})\s+{fillers}$",
                                     flags),
        "toll_before": re.compile(
            rf"\b(?:{_alternation('toll_nouns')})\b[^\d.;,]{{0,{TOLL_REACH}}}$", flags),
        "number_of": re.compile(
            r"^\s+the\s+number\s+of\s+[\w\s,-]{0,120}?\b(?:killed|dead|died)\b", flags),
        "subcount_before": re.compile(rf"\b(?:{_alternation('subcount')})\s+$", flags),
        "of_them": re.compile(r"^\s+(?:of|among)\s+(?:them|whom|those|the\b)", flags),
        "part_of": re.compile(r"^\s+of\s+(?:the|those)\s+(?:dead|bodies|victims|killed)\b",
                              flags),
        "not_casualties": re.compile(rf"\b(?:{_alternation('not_casualties')})\b", flags),
        "earlier": re.compile(rf"\b(?:{_alternation('earlier')})\b", flags),
        "later": re.compile(rf"\b(?:{_alternation('later')})\b", flags),
        "mixed": re.compile(rf"\b(?:{_alternation('mixed')})\b", flags),
        "elided": re.compile(r"\b(?:and|while)\s+$|\band\s+(?:[\w-]+\s+){1,4}(?:to|at)\s+$",
                             flags),
        "place_after": re.compile(
            r"^\s+(?:\w+\s+){0,2}?(?:in|at)\s+(?:the\s+(?:village|town)\s+of\s+)?"
            r"(?P<place>(?:al-|el-)?[A-Z][\w'’-]+(?:\s+(?:al-)?[A-Z][\w'’-]+)?)"),
    }


@cache
def _person_nouns() -> frozenset[str]:
    return frozenset(_data()["person_nouns"])


@cache
def _shielding() -> frozenset[str]:
    return frozenset(_data()["shielding"])


@cache
def groups() -> dict[str, str]:
    """Victim word -> "civilians" or "combatants"."""
    victims = _data()["victims"]
    return {w: group for group in ("combatants", "civilians") for w in victims[group]}


def group_named(text: str) -> str:
    """The victim group a clause without a figure names: "civilians" when it names them as
    harmed ("no civilians were killed", "a crime against the children"), not as protected
    or spared; else "unspecified". Fighters named in such a clause are as often the
    attackers ("opened fire on civilians", "shot down by snipers"), so they do not count."""
    words = re.findall(r"[a-z]+", text.lower())
    for n, (first, second) in enumerate(zip(words, [*words[1:], ""], strict=True)):
        group = groups().get(f"{first} {second}") or groups().get(first)
        if group == "civilians" and not _shielding().intersection(words[max(n - 2, 0):n]):
            return group
    return "unspecified"


def _entity_of(token: Token) -> Span:
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _blocked(figure_span: Span | None) -> bool:
    """A figure inside a date, time, sum or measure."""
    if figure_span is None:
        return True
    ents = [_entity_of(t) for t in figure_span if t.ent_type_ in NON_FIGURE_ENTS]
    return any(not BARE_NUMBER.fullmatch(e.text) for e in ents)


def _counted_noun(sent: Span, fig: Figure) -> Token | None:
    """The noun the figure counts: the first noun after it, skipping modifiers."""
    after = sent.doc.char_span(fig.end, sent.end_char, alignment_mode="expand")
    for token in (after or [])[:COUNTED_NOUN_REACH]:
        if token.pos_ in ("ADJ", "PROPN", "NUM", "DET", "PART") or token.text in "-’'":
            continue
        return token if token.pos_ == "NOUN" else None
    return None


def _counts_something_else(noun: Token | None) -> bool:
    """"45 attacks", "800 metres": a figure whose noun is not a kind of person."""
    if noun is None:
        return False
    word = noun.lower_
    nationals = noun.text[:1].isupper() and word.endswith("s")
    return word not in _person_nouns() and noun.lemma_.lower() not in _person_nouns() \
        and not nationals


def _role(before: str, after: str) -> str | None:
    """"killed" or "injured" by the words around the figure; after a toll noun ("put the
    toll at 101, a figure that ...") only the words up to the next comma count."""
    p = _patterns()
    if p["killed_before"].search(before) or p["number_of"].match(after):
        return KILLED
    if p["injured_before"].search(before):
        return INJURED
    toll = p["toll_before"].search(before)
    window = after.split(",")[0] if toll else after
    killed = p["killed_after"].match(window)
    injured = p["injured_after"].match(window)
    first = min((m for m in (killed, injured) if m), key=lambda m: m.end(), default=None)
    if first is not None:
        if p["not_casualties"].search(window[:first.end()]):
            return None
        return KILLED if first is killed else INJURED
    return KILLED if toll else None


def _group(sent_text: str, after: str, noun: Token | None) -> str:
    if _patterns()["mixed"].search(after[:60]):
        return "mixed"
    if noun is not None and noun.lower_ in groups():
        return groups()[noun.lower_]
    membership = _membership(after)
    if membership:
        return membership
    for word in re.findall(r"[a-z]+", after[:40].lower())[:4]:
        if word in groups():
            return groups()[word]
    return group_named(sent_text)


def _membership(after: str) -> str | None:
    """Who "members" counted by a figure belong to: "members of one family" are civilians,
    "members of Niger's National Guard" and "al-Qaeda members" combatants."""
    data = _data()
    phrase = re.split(r"[,;]", after, maxsplit=1)[0][:90]
    words = re.findall(r"[a-z]+", phrase.lower())
    if not set(words[:6]) & set(data["membership"]):
        return None
    if group_named(phrase) == "civilians":
        return "civilians"
    armed = set(data["armed_words"]) & set(words) or any(
        actor_kind(name) in data["combatant_actor_kinds"] for _, _, name in find_actors(phrase))
    return "combatants" if armed else None


def _revision(before: str, fig: Figure, after: str) -> int:
    p = _patterns()
    clause = re.split(r";|\band\b(?=\s+(?:later|then))", before)[-1][-70:]
    if p["later"].search(clause) or p["later"].match(fig.text) or ALL_TOLD.match(after):
        return LATER
    return EARLIER if p["earlier"].search(clause) else PLAIN


def _count(sent: Span, fig: Figure, previous: list[Count]) -> Count | None:
    text = doc_text(sent.doc)
    if _blocked(sent.doc.char_span(fig.start, fig.end, alignment_mode="expand")):
        return None
    before, after = text[sent.start_char:fig.start], text[fig.end:sent.end_char]
    p = _patterns()
    noun = _counted_noun(sent, fig)
    if _counts_something_else(noun) and not p["number_of"].match(after):
        return None
    subset = bool(p["subcount_before"].search(before)
                  or (p["of_them"].match(after) and previous))
    elided = previous[-1] if previous and p["elided"].search(before) else None
    if elided is not None:
        clause = after.split(",")[0]
        if p["not_casualties"].search(clause):
            return None
        role, subset = _role(before, clause) or elided.role, elided.subset
    else:
        role = _role(before, after)
    if role is None:
        return None
    place = p["place_after"].match(after)
    return Count(fig.low, fig.high, fig.start, fig.end, role, _group(sent.text, after, noun),
                 subset or bool(p["part_of"].match(after)), _revision(before, fig, after),
                 place["place"] if place else None, fig.vague)


def find_counts(sent: Span) -> list[Count]:
    """Every casualty figure of the sentence, in order."""
    counts: list[Count] = []
    for fig in find_figures(sent.text, sent.start_char):
        count = _count(sent, fig, counts)
        if count is not None:
            counts.append(count)
    return counts + listed_victims(sent, counts)


def _victim_unit(token: Token) -> int:
    """1 for "a woman", "his sister-in-law", a named person; the figure for "two of her
    children"; 0 for anything else."""
    if token.ent_type_ == "PERSON" or token.pos_ == "PROPN":
        return 1
    if token.pos_ == "NUM":
        value = find_figures(token.text)
        return (value[0].low or 0) if value else 0
    data = _data()
    singular = token.tag_ == "NN" and token.lemma_.lower() in data["singular_victims"]
    determined = any(c.dep_ in ("det", "poss") and c.lower_ in data["victim_determiners"]
                     for c in token.children)
    return 1 if singular and determined else 0


def listed_victims(sent: Span, counts: list[Count]) -> list[Count]:
    """Victims named one by one after a killing or wounding verb with no figure of its own."""
    found = []
    for verb in sent:
        lemma = verb.lemma_.lower()
        role = KILLED if lemma == "kill" else INJURED if lemma in ("wound", "injure") else None
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if role is None or verb.pos_ != "VERB" or not objects:
            continue
        head = objects[0]
        if any(c.start <= head.right_edge.idx and c.end > head.idx for c in counts):
            continue
        members = [head, *head.conjuncts]
        units = [_victim_unit(m) for m in members]
        if all(units):
            end = max(m.right_edge.idx + len(m.right_edge) for m in members)
            fighters = any(groups().get(m.lower_) == "combatants" for m in members)
            found.append(Count(sum(units), sum(units), head.left_edge.idx, end, role,
                               "combatants" if fighters else "civilians"))
    return found
