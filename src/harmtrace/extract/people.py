"""People named in one report, each with the role and organisation given with the name.

Names come from the parser's PERSON entities, and from capitalised words next to a
title that the parser missed ("spokeswoman Shushan Stepanyan", "Hunan
Tadevosyan, a spokesman for ..."). A shorter mention ("Isler", "Abdel Rahman")
is the person whose full name ends with it. The title words around any mention
(before the name, or in an apposition on either side) give the role and
organisation, kept for every mention of the same person.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from harmtrace.aliases import actor_kind, lookup, normalise_name
from harmtrace.extract.lexicon import lexicon
from harmtrace.extract.orgs import Orgs, fits
from harmtrace.extract.roles import (
    Title,
    is_honorific,
    is_rank,
    is_title,
    org_nouns,
    read_title,
)

MAX_NAME_TOKENS = 5
PREFIX_TOKENS = 12
LOOK_BACK = 6
LOOK_AHEAD = 5
ARTICLES = ("a", "an", "the")
SUBJECT_DEPS = ("nsubj", "nsubjpass")
STOP_WORDS = ("and", "that", "or", "but", "as", "while", "after", "before", "when")
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*\.?")


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    start: int
    end: int
    role: str | None = None
    org: str | None = None
    words: frozenset[str] = frozenset()
    subject: bool = False


@cache
def _particles() -> frozenset[str]:
    return frozenset(lexicon("roles")["name_particles"])


def _name_token(tok: Token) -> bool:
    if tok.text in ("-", ".", "'"):
        return True
    if tok.lower_ in _particles():
        return True
    return (tok.text[:1].isupper() and _NAME_WORD.fullmatch(tok.text) is not None
            and tok.pos_ == "PROPN" and not is_title(tok) and not is_rank(tok)
            and not is_honorific(tok))


def _given_name(token: Token) -> bool:
    """A capitalised word before a name that the parser left out of it ('Dmitry')."""
    return token.ent_type_ in ("", "PERSON") and token.text[:1].isupper() and _name_token(token)


def _not_name(token: Token) -> bool:
    return (is_title(token) or is_rank(token) or is_honorific(token)
            or token.lower_ in ARTICLES or token.is_punct)


def _trim(span: Span) -> Span | None:
    """The name inside an entity: no title, article or possessive around it, and with
    the given name the parser left out ('Dmitry' of 'Dmitry Peskov')."""
    start, end = span.start, span.end
    doc = span.doc
    while start > 0 and end - start < MAX_NAME_TOKENS and _given_name(doc[start - 1]):
        start -= 1
    while start < end and _not_name(doc[start]):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    if start >= end or not all(_name_token(t) for t in doc[start:end]):
        return None
    return doc[start:end]


def _is_actor(span: Span) -> bool:
    """An organisation, or what reads like one ('Federal Police', 'Observatory')."""
    kind = actor_kind(span.text)
    return (kind is not None and kind != "person") or any(
        t.lower_ in org_nouns() for t in span)


def _after_titles(doc: Doc) -> list[Span]:
    """'spokeswoman Shushan Stepanyan', 'Brigadier General Amir Eshel'."""
    names = [_run(doc, tok.i + 1) for tok in doc if is_title(tok) or is_rank(tok)]
    return [n for n in names if n is not None]


def _before_descriptions(doc: Doc) -> list[Span]:
    """'Hunan Tadevosyan, a spokesman for ...', 'Hamadoun Dicko, who heads ...'."""
    found = []
    for comma in (t for t in doc[:-2] if t.text == ","):
        after = doc[comma.i + 1]
        titled = any(is_title(t) for t in doc[comma.i + 1:comma.i + LOOK_AHEAD])
        described = after.lower_ in ("who", "whose") or (after.lower_ in ARTICLES and titled)
        name = _run_back(doc, comma.i) if described else None
        found += [name] if name is not None else []
    return found


def _after_title_commas(doc: Doc) -> list[Span]:
    """'the U.N. envoy for Syria, Staffan de Mistura, told ...'."""
    found = []
    for comma in (t for t in doc[:-2] if t.text == ","):
        titled = any(is_title(t) for t in doc[max(comma.sent.start, comma.i - LOOK_BACK):comma.i])
        name = _run(doc, comma.i + 1) if titled else None
        if name is not None and name.end < len(doc) and doc[name.end].text == ",":
            found.append(name)
    return found


def _run_back(doc: Doc, end: int) -> Span | None:
    """The capitalised name words ending just before a token, if there are two to five."""
    start = end
    while start > 0 and end - start < MAX_NAME_TOKENS and _name_token(doc[start - 1]):
        start -= 1
    return doc[start:end] if end - start >= 2 else None


def _run(doc: Doc, start: int) -> Span | None:
    """The capitalised name words from a token on, if there are two to five."""
    end = start
    while end < len(doc) and end - start < MAX_NAME_TOKENS and _name_token(doc[end]):
        end += 1
    return doc[start:end] if end - start >= 2 else None


def _apposed_names(doc: Doc) -> list[Span]:
    """'the U.N. envoy for Syria, Staffan de Mistura,': a name in apposition to a title."""
    found = []
    for tok in doc:
        if tok.dep_ == "appos" and tok.pos_ == "PROPN" and is_title(tok.head):
            found.append(doc[tok.left_edge.i:tok.i + 1])
    return found


def _names_after_orgs(doc: Doc, orgs: Orgs) -> list[Span]:
    """'the US-led coalition Joseph Scrocca': a name written right after an organisation."""
    starts = [t.idx for t in doc]
    found = []
    for mention in orgs.mentions:
        at = bisect_left(starts, mention.end)
        while at < len(doc) and doc[at].is_space:
            at += 1
        name = _run(doc, at)
        if name is not None:
            found.append(name)
    return found


def _name_spans(doc: Doc, orgs: Orgs) -> list[Span]:
    spans = [s for ent in doc.ents if ent.label_ == "PERSON" and (s := _trim(ent))]
    extra = [*_after_titles(doc), *_before_descriptions(doc), *_after_title_commas(doc),
             *_apposed_names(doc), *_names_after_orgs(doc, orgs)]
    spans += [s for raw in extra if (s := _trim(raw))]
    spans = [s for s in spans if not _is_actor(s) and s[0].text[:1].isupper()]
    spans.sort(key=lambda s: (s.start, -len(s)))
    kept: list[Span] = []
    for span in spans:
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return [s for s in kept if len(s) > 1 or _surname(s, kept)]


def _surname(word: Span, names: list[Span]) -> bool:
    """A one-word 'name' is a person only as the end of a full name in the report or in
    the alias table ('Isler'); otherwise it is as likely a place ('Zaporizhzhia')."""
    key = normalise_name(word.text)
    actor = lookup(word.text)
    return (actor is not None and actor.kind == "person") or any(
        len(n) > 1 and normalise_name(n.text).split()[-1] == key for n in names)


def _prefix(name: Span) -> list[Token]:
    """Title words written before the name in its noun phrase."""
    doc = name.doc
    start = name.start
    while start > max(name.sent.start, name.start - PREFIX_TOKENS):
        prev = doc[start - 1]
        verb = prev.pos_ in ("VERB", "AUX") and prev.dep_ not in ("amod", "compound")
        if verb or prev.text in ',;:"“”()—–' or prev.lower_ in STOP_WORDS or prev.is_space:
            break
        start -= 1
    return list(doc[start:name.start])


def _apposition(name: Span) -> list[Token]:
    """The title phrase beside the name: ", the U.N.'s envoy," after it, or "Its
    director, " before it."""
    root = name.root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= name.end:
            between = name.doc[name.end:child.left_edge.i]
            if any(t.is_space and "\n" in t.text for t in between):
                return []
            return _one_line(list(child.subtree))
    if root.dep_ == "appos" and root.head.i < name.start and (is_title(root.head)
                                                               or root.head.lower_ == "one"):
        head = root.head
        return _one_line([t for t in head.subtree if t.i < name.start])
    return _written_apposition(name)


def _written_apposition(name: Span) -> list[Token]:
    """', a spokesman for ...,' after a name, where the parser made two subjects of it."""
    doc = name.doc
    start = name.end + 1
    if name.end >= len(doc) or doc[name.end].text != "," or start >= len(doc):
        return []
    opening = doc[start]
    if not (opening.lower_ in ARTICLES or opening.tag_ == "PRP$" or is_title(opening)):
        return []
    phrase = list(doc[start:min(start + PREFIX_TOKENS, name.sent.end)])
    return phrase if any(is_title(t) for t in phrase[:LOOK_AHEAD]) else []


def _one_line(tokens: list[Token]) -> list[Token]:
    """A title phrase never runs over a line break (a byline or heading above)."""
    breaks = [n for n, t in enumerate(tokens) if t.is_space and "\n" in t.text]
    return tokens[breaks[-1] + 1:] if breaks else tokens


def _post_org(name: Span, orgs: Orgs) -> str | None:
    """'Sergei Rudskoy of the Russian General Staff'."""
    for child in name.root.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "from", "at") and child.i >= name.end:
            span = name.doc[child.i:child.right_edge.i + 1]
            found = orgs.within(span.start_char, span.end_char)
            if found:
                return found[0].name
    return None


def _is_subject(name: Span) -> bool:
    tok = name.root
    while tok.dep_ in ("appos", "compound", "conj") and tok.head != tok:
        tok = tok.head
    return tok.dep_ in SUBJECT_DEPS


def _title_of(name: Span, orgs: Orgs, named: set[int], reported: Callable[[int], bool]
              ) -> Title:
    def resolve(noun: str, at: int) -> str | None:
        """'its', 'the group's': the last organisation named outside anyone's words."""
        wanted = None if noun in ("its", "their", "his", "her") else noun
        for mention in orgs.earlier(at):
            if not reported(mention.start) and (wanted is None or fits(
                    mention.name, mention.kind, wanted)):
                return mention.name
        return None

    def unnamed(tokens: list[Token]) -> list[Token]:
        """A title phrase stops where another name starts."""
        cut = next((n for n, t in enumerate(tokens) if t.i in named), len(tokens))
        return tokens[:cut]

    after = read_title(unnamed(_apposition(name)), resolve)
    before = read_title(_prefix(name), resolve, prefix=True)
    org = after.org or before.org or _post_org(name, orgs)
    return Title(after.role or before.role, org, after.words | before.words)


class People:
    """Person mentions of one report in text order, names resolved to full names."""

    def __init__(self, doc: Doc, orgs: Orgs, reported: Callable[[int], bool]) -> None:
        spans = _name_spans(doc, orgs)
        named = {t.i for s in spans for t in s}
        self.mentions: list[Person] = []
        for span in spans:
            title = _title_of(span, orgs, named, reported)
            name = self._full_name(span, spans)
            self.mentions.append(Person(name, span.start_char, span.end_char, title.role,
                                        title.org, title.words, _is_subject(span)))
        self._share()

    def _full_name(self, span: Span, spans: list[Span]) -> str:
        """The alias table's name, or the longest name in the report ending with this one
        (the nearest before it, else the first after it)."""
        actor = lookup(span.text)
        if actor is not None and actor.kind == "person":
            return actor.canonical
        key = normalise_name(span.text).split()
        longer = [s for s in spans if len(normalise_name(s.text).split()) > len(key)
                  and normalise_name(s.text).split()[-len(key):] == key]
        earlier = [s for s in longer if s.start < span.start]
        if earlier:
            return self._full_name(earlier[-1], spans)
        if longer:
            return self._full_name(longer[0], spans)
        return " ".join(span.text.split())

    def _share(self) -> None:
        """One role and organisation per person, from whichever mention gives them;
        the alias table's organisation when the report names none."""
        roles: dict[str, str] = {}
        orgs: dict[str, str] = {}
        words: dict[str, frozenset[str]] = {}
        for person in self.mentions:
            if person.role:
                roles.setdefault(person.name, person.role)
            if person.org:
                orgs.setdefault(person.name, person.org)
            words[person.name] = words.get(person.name, frozenset()) | person.words
        for person in self.mentions:
            actor = lookup(person.name)
            if actor is not None and actor.org:
                orgs.setdefault(person.name, actor.org)
        self.mentions = [replace(p, role=roles.get(p.name), org=orgs.get(p.name),
                                 words=words[p.name]) for p in self.mentions]

    def inside(self, start: int, end: int) -> list[Person]:
        return [p for p in self.mentions if start <= p.start and p.end <= end]

    def lookup(self, text: str, at: int) -> Person | None:
        """A full name or the end of one ("Isler", "Abdel Rahman")."""
        key = normalise_name(text).split()
        if not key:
            return None
        matches = [p for p in self.mentions
                   if normalise_name(p.name).split()[-len(key):] == key]
        earlier = [p for p in matches if p.start <= at]
        return earlier[-1] if earlier else (matches[0] if matches else None)

    def last(self, before: int, word: str | None = None) -> Person | None:
        """The last person named before an offset, with a title word if one is given."""
        for person in reversed(self.mentions):
            if person.end <= before and (word is None or word in person.words):
                return person
        return None
