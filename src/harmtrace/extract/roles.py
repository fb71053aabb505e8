"""Role and organisation from the title words given with a name.

"a spokesman for the US-led coalition", "the U.N.'s deputy humanitarian
coordinator for Syria", "Official representative of the Ministry of defense of
Russia": the role is the title as written, without its article, without the
organisation when that is only named as the employer ("for Central Command", "the
Observatory's"), and without military rank when the phrase gives a post besides
("Brigadier General ..., deputy director of operations" -> "deputy director of
operations"). The organisation is named through the alias table, or referred to
("its spokesman", "the ministry's spokesman").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from harmtrace.aliases import actor_kind, find_actors
from harmtrace.extract.lexicon import lexicon

# Resolves a possessive or definite noun ("its", "the ministry") at a character
# offset to an organisation.
OrgResolver = Callable[[str, int], "str | None"]

EMPLOYER_PREPOSITIONS = ("for", "at", "to", "with", "in")
DETERMINERS = ("a", "an", "the", "another", "then", "now", "also", "one")
CUT_WORDS = ("who", "which", "that", "whose", "whom")
NOT_ORGS = ("person", "source")
TIMES = ("time", "moment")


@dataclass(frozen=True, slots=True)
class Title:
    role: str | None
    org: str | None
    words: frozenset[str]


@cache
def titles() -> frozenset[str]:
    return frozenset(lexicon("roles")["titles"])


@cache
def ranks() -> frozenset[str]:
    return frozenset(lexicon("roles")["ranks"])


@cache
def org_nouns() -> frozenset[str]:
    return frozenset(lexicon("speakers")["org_anaphors"])


def is_title(token: Token) -> bool:
    return token.lower_ in titles() or token.lemma_.lower() in titles()


@cache
def _people_nouns() -> frozenset[str]:
    return frozenset(lexicon("speakers")["unnamed_people"])


def _role_word(token: Token) -> bool:
    """A word that can make a role: a title, a rank, or what someone is ('a villager')."""
    return is_title(token) or is_rank(token) or token.lemma_.lower() in _people_nouns()


@cache
def services() -> frozenset[str]:
    return frozenset(lexicon("roles")["services"])


@cache
def honorifics() -> frozenset[str]:
    return frozenset(lexicon("roles")["honorifics"])


def is_rank(token: Token) -> bool:
    return token.lower_ in ranks()


def is_honorific(token: Token) -> bool:
    """'Dr.', 'Mr': part of how a name is written, not a role."""
    return token.lower_ in honorifics()


def _rank_words(tokens: list[Token]) -> set[int]:
    """Positions of rank words with the service words before them ('Air Force
    Brigadier General', 'Command Sergeant Major')."""
    found: set[int] = set()
    for n, tok in enumerate(tokens):
        if is_rank(tok) and not (n and tokens[n - 1].text == "-"):
            found.add(n)
            back = n - 1
            while back >= 0 and (tokens[back].lower_ in services() or back in found):
                found.add(back)
                back -= 1
    return found


def _cut(tokens: list[Token]) -> list[Token]:
    """The noun phrase only: up to a comma, a relative pronoun, a verb or a time
    ('spokesman at the time')."""
    for n, tok in enumerate(tokens):
        verb = tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound")
        timed = tok.pos_ == "ADP" and any(c.ent_type_ in ("DATE", "TIME") or c.lower_ in TIMES
                                          for c in tok.children)
        relative = tok.lower_ in CUT_WORDS and not tok.is_upper
        if tok.text in ",;:()\"“”" or relative or (verb and n) or timed:
            return tokens[:n]
    return tokens


def _split_possessor(tokens: list[Token]) -> tuple[list[Token], list[Token]]:
    """('the Observatory', 'director') from "the Observatory's director"; a possessive
    pronoun ("Its director") is its own possessor. Words before the possessor are not
    part of the title ('Hours after the attack its spokesman')."""
    first_title = next((n for n, t in enumerate(tokens) if _role_word(t)), len(tokens))
    for n in range(first_title - 1, -1, -1):
        tok = tokens[n]
        if tok.tag_ == "PRP$":
            return tokens[n:n + 1], tokens[n + 1:]
        if tok.tag_ == "POS":
            start = n
            while start > 0 and tokens[start - 1].pos_ not in ("ADP", "VERB", "PUNCT"):
                start -= 1
            return tokens[start:n], tokens[n + 1:]
    return [], tokens


def _org_of(tokens: Sequence[Token], resolve: OrgResolver) -> str | None:
    if not tokens:
        return None
    doc = tokens[0].doc
    text = doc[tokens[0].i:tokens[-1].i + 1].text
    found = [name for _, _, name in find_actors(text) if actor_kind(name) not in NOT_ORGS]
    if found:
        return found[0]
    head = [t for t in tokens if t.pos_ in ("NOUN", "PRON", "PROPN")]
    definite = tokens[0].lower_ in ("the", "this", "that") or tokens[0].tag_ == "PRP$"
    if head and definite and (head[-1].tag_ == "PRP$" or head[-1].lower_ in org_nouns()):
        return resolve(head[-1].lower_, tokens[0].idx)
    return None


def _employer(tokens: list[Token], resolve: OrgResolver,
              prepositions: tuple[str, ...]) -> tuple[list[Token], str | None]:
    """Cut "for the US-led coalition" from "spokesman for the US-led coalition"."""
    for n, tok in enumerate(tokens):
        if n and tok.lower_ in prepositions and tok.pos_ == "ADP":
            org = _org_of(tokens[n + 1:], resolve)
            if org and _whole_org(tokens[n + 1:]):
                return tokens[:n], org
    return tokens, None


def _whole_org(tokens: list[Token]) -> bool:
    """The phrase after the preposition names the organisation and nothing else."""
    text = tokens[0].doc[tokens[0].i:tokens[-1].i + 1].text if tokens else ""
    found = find_actors(text)
    if found:
        covered = sum(e - s for s, e, _ in found)
        return covered >= 0.6 * len(text.removeprefix("the ").strip())
    words = [t for t in tokens if not t.is_punct and t.lower_ not in DETERMINERS]
    return bool(words) and words[-1].lower_ in org_nouns()


@cache
def _of_employers() -> frozenset[str]:
    return frozenset(lexicon("roles")["of_employer"])


def _prepositions(tokens: list[Token], prefix: bool) -> tuple[str, ...]:
    """'representative of the ministry' names an employer; 'leader of the movement'
    is the post itself, unless written before the name; an ambassador is sent 'to'
    a country, not employed by it."""
    first = next((t for t in tokens if is_title(t)), None)
    noun = first.lemma_.lower() if first is not None else ""
    found = EMPLOYER_PREPOSITIONS
    if noun in lexicon("roles")["sent_to"]:
        found = tuple(p for p in found if p != "to")
    if prefix or noun in _of_employers():
        return (*found, "of")
    return found


def _strip_det(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].lower_ in DETERMINERS or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    return tokens


def _drop_inner_possessor(tokens: list[Token], resolve: OrgResolver,
                          ) -> tuple[list[Token], str | None]:
    """'head of the group's Supreme Revolutionary Committee' -> 'head of the Supreme
    Revolutionary Committee', the group being the organisation."""
    for n, tok in enumerate(tokens):
        if tok.tag_ == "POS" and n >= 1 and tokens[n - 1].lower_ in org_nouns():
            org = resolve(tokens[n - 1].lower_, tokens[n - 1].idx)
            return [*tokens[:n - 1], *tokens[n + 1:]], org
    return tokens, None


def _drop_ranks(tokens: list[Token]) -> list[Token]:
    """Rank words go when the phrase names a post besides."""
    rank = _rank_words(tokens)
    if not any(is_title(t) for n, t in enumerate(tokens) if n not in rank):
        return tokens
    return [t for n, t in enumerate(tokens) if n not in rank]


def _drop_nationality(tokens: list[Token]) -> list[Token]:
    """'French Foreign Minister' -> 'Foreign Minister'."""
    if len(tokens) > 1 and tokens[0].ent_type_ == "NORP" and tokens[0].pos_ in ("ADJ", "PROPN"):
        return tokens[1:]
    return tokens


def _text(tokens: list[Token]) -> str | None:
    if not tokens:
        return None
    return "".join(t.text_with_ws for t in tokens).strip() or None


def read_title(tokens: Sequence[Token], resolve: OrgResolver, prefix: bool = False) -> Title:
    """Role, organisation and title words of a title phrase.

    `prefix` marks a title written before the name ("Official representative of the
    Ministry of defense of Russia Igor Konashenkov"), where "of <organisation>"
    names the employer; after the name ("head of the ICRC delegation") it is part
    of the post.
    """
    tokens = _strip_det(_cut(list(tokens)))
    words = frozenset(t.lower_.strip(".") for t in tokens if is_title(t) or is_rank(t))
    named = _named_org(tokens)
    possessor, tokens = _split_possessor(tokens)
    owner = _org_of(possessor, resolve)
    tokens = _strip_det(tokens)
    tokens, employer = _employer(tokens, resolve, _prepositions(tokens, prefix))
    tokens, inner = _drop_inner_possessor(tokens, resolve)
    org = named or owner or employer or inner
    tokens = _strip_det(_drop_nationality(_drop_ranks(tokens)))
    if not any(_role_word(t) for t in tokens):
        return Title(None, org, words)
    return Title(_text(tokens), org, words)


def _named_org(tokens: list[Token]) -> str | None:
    """An organisation the title phrase names outright ("Iran's foreign ministry
    spokesman", "a spokesman for Central Command")."""
    if not tokens:
        return None
    text = tokens[0].doc[tokens[0].i:tokens[-1].i + 1].text
    found = [name for _, _, name in find_actors(text) if actor_kind(name) not in NOT_ORGS]
    return found[0] if found else None
