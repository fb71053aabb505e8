"""Who a statement belongs to: a subject phrase read as a person, an organisation or a
group, with role and organisation.

- A named person is that person, with the role and organisation given anywhere with
  the name (people.py); a bare surname is the person whose name ends with it.
- A named organisation is that organisation ("Russia's Defence Ministry" -> Russian
  Ministry of Defence, through the alias table); an unnamed member of one speaks
  for it with the role kept ("a Pentagon spokesman", "Coalition officials", "one of
  its volunteers", "Iraqi commanders" -> Iraqi security forces).
- People the report does not name are named by their noun ("residents", "a medic
  with a relief team" -> medic); "television channels and news websites" are local
  media.
- Pronouns, titles, "the group", "the statement" refer back (coref.py).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from harmtrace.aliases import canonical, lookup
from harmtrace.extract.coref import (
    DEFINITE,
    Discourse,
    Speaker,
    SpeakerKind,
    as_written,
    documents,
    group_name,
    head_of,
    org_anaphors,
    org_speaker,
    person_speaker,
    pronoun_kinds,
    speaker_data,
    unnamed_people,
    words_of,
)
from harmtrace.extract.orgs import GROUPS, OrgMention
from harmtrace.extract.people import Person
from harmtrace.extract.roles import is_rank, is_title, read_title

__all__ = ["Resolver", "Speaker"]

MAX_NAME_TOKENS = 4
MAX_PATH = 6
# 'the head of ...', 'a doctor with ...', 'a spokesman for ...'.
EMPLOYERS = ("of", "for", "at", "with", "from")
# A name reached from the head through one of these is in a clause of its own.
CLAUSE_DEPS = ("relcl", "acl", "advcl", "ccomp", "xcomp", "conj")


def _mentions_media(subject: Span, name: str | None = None) -> bool:
    text = f" {(name or subject.text).lower()} "
    return any(f" {word} " in text for word in speaker_data()["media"])


def _is_member(head: Token) -> bool:
    noun = head.lemma_.lower()
    return (is_title(head) or noun in unnamed_people()) and noun not in org_anaphors()


def _org_name(head: Token) -> Span | None:
    """An organisation's name as written, without article or possessor ('the town's
    health directorate' -> 'health directorate')."""
    start = head.left_edge.i
    for tok in head.doc[head.left_edge.i:head.i]:
        if tok.pos_ in ("DET", "PRON") or tok.tag_ == "POS":
            start = tok.i + 1
    return head.doc[start:head.i + 1] if start <= head.i else None


def _member_kind(head: Token) -> SpeakerKind:
    """Someone speaking for an organisation is a person to a later 'he' or 'she'."""
    return "group" if head.tag_ in ("NNS", "NNPS") else "person"


def _member_role(head: Token) -> str | None:
    """'spokesman' for 'a Pentagon spokesman': the organisation's words go."""
    words = [t for t in head.subtree if t.i <= head.i and t.ent_type_ in ("", "NORP")
             and t.pos_ not in ("DET", "PRON") and t.tag_ != "POS" and not t.is_punct]
    return "".join(t.text_with_ws for t in words).strip() or None


def _named_kind(head: Token) -> bool:
    """'the health ministry', 'the emergencies ministry': a noun naming which one, so
    not any ministry named before; 'the Britain-based monitoring group' only describes."""
    descriptors = speaker_data()["descriptors"]
    return any(c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")
               and c.lower_ not in descriptors for c in head.lefts)


class Resolver:
    """Resolves subject phrases in text order, remembering who spoke."""

    def __init__(self, doc: Doc, reported: list[tuple[int, int]] | None = None,
                 text: str | None = None) -> None:
        self.doc = doc
        self.discourse = Discourse(doc, reported or [], doc.text if text is None else text)

    def remember(self, at: int, speaker: Speaker) -> None:
        self.discourse.remember(at, speaker)

    def first_named(self, context: Span) -> Speaker | None:
        return self.discourse.first_named(context)

    def ahead(self, subject: Span, speaker: Speaker) -> Speaker | None:
        """The person or body a description in the opening paragraph stands for."""
        return self.discourse.ahead(subject, speaker, self._described)

    def _described(self, subject: Span) -> bool:
        """Described, not named: no name, no pronoun."""
        return not (self.discourse.people.inside(subject.start_char, subject.end_char)
                    or any(t.lower_ in pronoun_kinds() for t in subject)
                    or any(t.ent_type_ == "PERSON" for t in subject))

    def resolve(self, subject: Span, own: tuple[int, int] = (0, 0)) -> Speaker | None:
        """The speaker a subject phrase refers to, or None if it names no one; `own`
        is where the words attributed to it lie."""
        self.discourse.own = own
        words = words_of(subject)
        if not words or words[0].lower_ in speaker_data()["nobody"]:
            return None
        text = subject.text.strip(" ,")
        at = subject.start_char
        if len(words) == 1 and words[0].lower_ in pronoun_kinds():
            return self._pronoun(words[0], text, at)
        people = self._named(subject)
        if people:
            return person_speaker(people[0], text)
        head = head_of(subject)
        if subject[0].lower_ in DEFINITE and (is_title(head) or is_rank(head)) and (
                self._bare_title(subject, head)):
            found = self.discourse.titled_person(subject, head.lemma_.lower(), text, at)
            if found is not None:
                return found
        steps = (self._organisation, self._referring, self._unnamed_person, self._name,
                 self._unknown_org)
        for step in steps:
            found = step(subject, text, at)
            if found is not None:
                return found
        return None

    def _pronoun(self, word: Token, text: str, at: int) -> Speaker | None:
        kind = pronoun_kinds()[word.lower_]
        last = self.discourse.last
        if kind == "person":
            found = last(at, "person")
        elif kind == "org":
            found = last(at, "org") or last(at)
        else:
            found = last(at, "group", "org")
        return None if found is None else as_written(found, text)

    def _named(self, subject: Span) -> list[Person]:
        """People the subject names: the head, not one inside a phrase hanging from it
        ('Residents of X', 'adviser to President Y') unless titled as the head is ('a
        spokesman for the coalition of Joseph Scrocca')."""
        people = self.discourse.people
        inside = people.inside(subject.start_char, subject.end_char)
        found = [p for p in inside if not self._after_preposition(p)]
        if found:
            return found
        noun = head_of(subject).lemma_.lower()
        titled = [p for p in inside if noun in p.words]
        if titled:
            return titled
        words = words_of(subject)
        if all(t.pos_ == "PROPN" for t in words) and len(words) <= MAX_NAME_TOKENS:
            person = people.lookup(subject.text, subject.start_char)
            return [person] if person else []
        return []

    def _after_preposition(self, person: Person) -> bool:
        span = self.doc.char_span(person.start, person.end, alignment_mode="expand")
        if span is None or span.start == 0:
            return False
        before = self.doc[span.start - 1]
        return before.pos_ == "ADP" and not is_title(before.head)

    def _norp_member(self, head: Token) -> str | None:
        """'Iraqi commanders' -> Iraqi security forces, through the alias table."""
        norp = [c for c in head.lefts if c.ent_type_ == "NORP"]
        groups = speaker_data()["member_groups"].get(head.lemma_.lower())
        for noun in groups if norp and groups else ():
            actor = lookup(f"{norp[0].text} {noun}")
            if actor is not None:
                return actor.canonical
        return None

    def _organisation(self, subject: Span, text: str, at: int) -> Speaker | None:
        """A named organisation, or an unnamed member speaking for it."""
        head = head_of(subject)
        mentions = [m for m in self.discourse.orgs.within(subject.start_char, subject.end_char)
                    if self._attached(m, head)]
        named = any(t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "NORP") for t in subject)
        if not any(m.kind not in GROUPS or _mentions_media(subject, m.name) for m in mentions) \
                and _mentions_media(subject) and not named:
            return Speaker(speaker_data()["media_name"], text, None, None, "group")
        chosen = next((m for m in mentions if m.start <= head.idx < m.end),
                      mentions[0] if mentions else None)
        name = chosen.name if chosen else self._norp_member(head)
        if name is None:
            return None
        if chosen is not None and chosen.kind in GROUPS:
            return self._group(chosen.name, subject, head, text)
        inside = chosen is not None and chosen.start <= head.idx < chosen.end
        if _is_member(head) and not inside:
            return Speaker(name, text, _member_role(head), name, _member_kind(head))
        return org_speaker(name, text)

    def _group(self, name: str, subject: Span, head: Token, text: str) -> Speaker:
        """'residents', 'witnesses'; one of them is named by the noun ('a medic')."""
        if head.tag_ in ("NN", "NNP") and head.lemma_.lower() in unnamed_people():
            role = read_title(list(subject), self.discourse.org_for).role
            return Speaker(head.lemma_.lower(), text, role, None, "person")
        return Speaker(name, text, None, None, "group")

    def _attached(self, mention: OrgMention, head: Token) -> bool:
        """Whether a name in the subject says whom the head speaks for: the head itself,
        a modifier ('a Pentagon spokesman') or a phrase on it ('a doctor with MSF'),
        not a relative clause ('a man who lost relatives'). A name the parser alone
        calls an organisation, in a phrase ('Residents of al-Jadida'), is likely a place."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or head in span:
            return span is not None
        tok, path = span.root, []
        while tok != head and tok.head != tok and len(path) < MAX_PATH:
            path.append(tok.dep_)
            tok = tok.head
        if tok != head or any(dep in CLAUSE_DEPS for dep in path):
            return False
        return mention.kind is not None or "pobj" not in path

    def _referring(self, subject: Span, text: str, at: int) -> Speaker | None:
        """'its spokesman', 'the statement', 'the civil defence', 'the group'."""
        head = head_of(subject)
        noun = head.lemma_.lower()
        poss = [c for c in head.children if c.dep_ == "poss"]
        discourse = self.discourse
        if poss and _is_member(head):
            owner = poss[0].lower_ if poss[0].tag_ == "PRP$" else poss[0].lemma_.lower()
            org = discourse.org_for(owner, at)
            if org:
                role = (head.lemma_ if subject.root.lower_ == "one"
                        else read_title(list(subject), discourse.org_for).role)
                return Speaker(org, text, role, org, _member_kind(head))
        if not (subject[0].lower_ in DEFINITE or poss):
            return None
        if noun in documents():
            return self._issuer(poss[0], text, at) if poss else discourse.document(head, text, at)
        if (is_title(head) or is_rank(head)) and self._bare_title(subject, head):
            found = discourse.titled_person(subject, noun, text, at)
            if found is not None:
                return found
        org = discourse.country_org(head) or discourse.partial_name(subject, at)
        if org is None and noun in org_anaphors() and not _named_kind(head):
            org = discourse.anaphor(noun, at)
        return org_speaker(org, text) if org else None

    def _issuer(self, possessor: Token, text: str, at: int) -> Speaker | None:
        """'The coalition's statement', 'Its report': whose document it is."""
        owner = possessor.doc[possessor.left_edge.i:possessor.i + 1]
        if possessor.tag_ == "PRP$":
            found = self.discourse.org_for(possessor.lower_, at)
            return org_speaker(found, text) if found else None
        speaker = self._organisation(owner, text, at) or self._referring(owner, text, at)
        return speaker if speaker is not None and speaker.kind == "org" else None

    def _bare_title(self, subject: Span, head: Token) -> bool:
        """'the General', 'the U.N. official': an article, perhaps an organisation, and
        the title; 'the city's police chief' introduces someone new."""
        orgs = self.discourse.orgs.within(subject.start_char, subject.end_char)
        rest = [t for t in words_of(subject) if t != head and t.lower_ not in DEFINITE
                and not any(m.start <= t.idx < m.end for m in orgs)]
        return not rest

    def _unnamed_person(self, subject: Span, text: str, at: int) -> Speaker | None:
        """People the report does not name: 'residents', 'a medic with a relief team'."""
        head = head_of(subject)
        noun = head.lemma_.lower()
        if noun not in unnamed_people() and not is_title(head):
            return None
        title = read_title(list(subject), self.discourse.org_for)
        org = title.org or self._unknown_employer(head)
        if org:
            return Speaker(org, text, _member_role(head) if title.org is None else title.role,
                           org, _member_kind(head))
        if head.tag_ in ("NNS", "NNPS"):
            return Speaker(group_name(head), text, None, None, "group")
        return Speaker(noun, text, title.role, None, "person")

    def _unknown_employer(self, head: Token) -> str | None:
        """'the head of the town's health directorate': an unnamed member of an
        organisation the alias table does not know speaks for it."""
        for prep in (c for c in head.rights if c.dep_ == "prep" and c.lower_ in EMPLOYERS):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if obj.lemma_.lower() in org_anaphors() and obj.lemma_.lower() not in documents():
                    name = _org_name(obj)
                    return canonical(name.text) if name is not None else None
        return None

    def _unknown_org(self, subject: Span, text: str, at: int) -> Speaker | None:
        """An organisation the alias table does not know ('the regional health
        department'), named as written without its article."""
        head = head_of(subject)
        if head.lemma_.lower() not in org_anaphors() or head.lemma_.lower() in documents():
            return None
        name = _org_name(head)
        bare = subject[0].pos_ not in ("DET", "PRON")
        if name is None or (len(name) < 2 and not bare):
            return None
        return org_speaker(canonical(name.text), text)

    def _name(self, subject: Span, text: str, at: int) -> Speaker | None:
        """An entity the parser found, or a capital standing for its government."""
        for ent in subject.ents:
            if ent.label_ in ("ORG", "NORP", "GPE"):
                return org_speaker(canonical(ent.text), text)
        words = words_of(subject)
        if all(t.pos_ == "PROPN" for t in words) and len(words) <= MAX_NAME_TOKENS:
            actor = lookup(subject.text)
            if actor is not None and actor.kind != "person":
                return org_speaker(actor.canonical, text)
            if len(words) > 1 or words[0].ent_type_ == "PERSON":
                return Speaker(" ".join(subject.text.split()), text, None, None, "person")
        return None
