"""Actor names: one canonical name per actor, whatever a report calls it.

Reports name the same actor many ways (ISIS, ISIL, Daesh, "the Islamic State
group"); extraction writes the canonical name and scoring counts two names as the
same actor when they resolve to one entry. The table is `data/actors.jsonl`, one
entry a line:

    {"canonical": "Islamic State", "kind": "armed_group", "aliases": ["ISIS", ...],
     "lookup_aliases": [...], "org": "..."}

`kind` is one of `KINDS`. `aliases` are names as they appear in running text;
`lookup_aliases` resolve a name given on its own but are not scanned for in text,
because in prose they usually name a place ("Iran" the state against "in Iran").
`org` is a person's organisation, or the parent body of an office or mission.
An alias listed under several entries is ambiguous ("the coalition" in Iraq or
in Yemen): the first entry in the file is its default, `actor_candidates` lists
them all.

Names compare through `normalise_name`: case, accents, dots in acronyms, a
possessive 's, punctuation and a leading "the" or "al-" do not count. In running
text an alias written in capitals (IS, UN, IDF) only matches in capitals, so "is"
and "us" stay words.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

from harmtrace.errors import HarmtraceError

KINDS: tuple[str, ...] = (
    "state_forces", "armed_group", "coalition", "government", "political",
    "international_org", "ngo", "media", "person", "source",
)

_APOSTROPHES = "'\u2019"
_TOKEN = re.compile(rf"[^\W_]+(?:[.{_APOSTROPHES}][^\W_]+)*|&")
_POSSESSIVE = re.compile(rf"[{_APOSTROPHES}]s$", re.IGNORECASE)
_INNER_MARKS = re.compile(rf"[.{_APOSTROPHES}]")
_CONJUNCTION = re.compile(r"\s*(?:,|&|\band\b)\s*", re.IGNORECASE)
_NAME_GAP = re.compile(r"[ \t]*\n?[ \t]*|\s*[-/\u2013\u2014]\s*")
_EDGE_PUNCTUATION = " \t\n.,;:!?\"'()[]-\u2013\u2014\u2018\u2019\u201c\u201d"
# A short capitalised alias (IS, UN, WHO) inside a run of capitals is a headline word.
_SHORT_ACRONYM = 3


@dataclass(frozen=True, slots=True)
class Actor:
    canonical: str
    kind: str
    aliases: tuple[str, ...] = ()
    lookup_aliases: tuple[str, ...] = ()
    org: str | None = None


@dataclass(frozen=True, slots=True)
class _Pattern:
    """One scannable name: its normalised tokens and the tokens that must match in capitals."""

    actor: Actor
    capitals: tuple[str | None, ...]


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    raw: str
    key: str


@dataclass(frozen=True, slots=True)
class _Table:
    actors: tuple[Actor, ...]
    by_key: dict[str, tuple[Actor, ...]]
    patterns: dict[tuple[str, ...], tuple[_Pattern, ...]]
    longest: int


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _token_key(raw: str) -> str:
    if raw == "&":
        return "and"
    return _fold(_INNER_MARKS.sub("", _POSSESSIVE.sub("", raw)))


def _bare(raw: str) -> str:
    """The token as written, without dots, apostrophes or a possessive: U.S. -> US."""
    return _INNER_MARKS.sub("", _POSSESSIVE.sub("", raw))


def _strip_leading(keys: list[str]) -> int:
    """How many leading tokens ("the", then "al") a comparison ignores."""
    skip = 1 if len(keys) > 1 and keys[0] == "the" else 0
    if len(keys) - skip > 1 and keys[skip] == "al":
        skip += 1
    return skip


def _name_tokens(name: str) -> list[str]:
    raws = _TOKEN.findall(name)
    return raws[_strip_leading([_token_key(r) for r in raws]):]


@lru_cache(maxsize=1 << 16)
def normalise_name(name: str) -> str:
    """The comparison form of a name or place: "Al-Jadida" and "al Jadida" -> "jadida"."""
    return " ".join(_token_key(raw) for raw in _name_tokens(name))


def _is_capitals(raw: str) -> bool:
    bare = _bare(raw)
    return len(bare) >= 2 and bare.isupper()


def _pattern(actor: Actor, name: str) -> tuple[tuple[str, ...], _Pattern]:
    raws = _name_tokens(name)
    capitals = tuple(_bare(r) if _is_capitals(r) else None for r in raws)
    return tuple(_token_key(r) for r in raws), _Pattern(actor, capitals)


def _read_actor(line: str, where: str) -> Actor:
    try:
        row = json.loads(line)
        actor = Actor(
            canonical=row["canonical"], kind=row["kind"],
            aliases=tuple(row.get("aliases", ())),
            lookup_aliases=tuple(row.get("lookup_aliases", ())), org=row.get("org"),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise HarmtraceError(f"{where}: not an actor entry ({exc})") from exc
    if actor.kind not in KINDS:
        raise HarmtraceError(f"{where}: kind {actor.kind!r} is not one of {', '.join(KINDS)}")
    return actor


def _read_actors() -> tuple[Actor, ...]:
    source = files("harmtrace") / "data" / "actors.jsonl"
    lines = source.read_text(encoding="utf-8").splitlines()
    return tuple(_read_actor(line, f"actors.jsonl:{n}")
                 for n, line in enumerate(lines, 1) if line.strip())


def _index_names(actors: Iterable[Actor]) -> dict[str, tuple[Actor, ...]]:
    """Normalised name -> entries; canonical names first, so no alias shadows one."""
    index: dict[str, list[Actor]] = {}
    for actor in actors:
        index.setdefault(normalise_name(actor.canonical), []).append(actor)
    for actor in actors:
        for alias in (*actor.aliases, *actor.lookup_aliases):
            entries = index.setdefault(normalise_name(alias), [])
            if actor not in entries:
                entries.append(actor)
    return {key: tuple(entries) for key, entries in index.items()}


def _index_patterns(actors: Iterable[Actor]) -> dict[tuple[str, ...], tuple[_Pattern, ...]]:
    index: dict[tuple[str, ...], list[_Pattern]] = {}
    for actor in actors:
        for name in (actor.canonical, *actor.aliases):
            key, pattern = _pattern(actor, name)
            if key and pattern not in index.setdefault(key, []):
                index[key].append(pattern)
    return {key: tuple(patterns) for key, patterns in index.items()}


@cache
def _table() -> _Table:
    actors = _read_actors()
    patterns = _index_patterns(actors)
    return _Table(actors, _index_names(actors), patterns, max(map(len, patterns), default=0))


def actors() -> tuple[Actor, ...]:
    """Every entry of the table, in file order."""
    return _table().actors


def lookup(name: str | None) -> Actor | None:
    """The entry a name resolves to (its default entry when ambiguous), or None."""
    if not name:
        return None
    entries = _table().by_key.get(normalise_name(name))
    return entries[0] if entries else None


def actor_candidates(name: str) -> tuple[str, ...]:
    """Every canonical name an alias may stand for, default first."""
    return tuple(a.canonical for a in _table().by_key.get(normalise_name(name), ()))


def actor_kind(name: str) -> str | None:
    actor = lookup(name)
    return actor.kind if actor else None


def _clean(name: str) -> str:
    cleaned = " ".join(name.split()).strip(_EDGE_PUNCTUATION)
    if cleaned.casefold().startswith("the ") and len(cleaned) > 4:
        cleaned = cleaned[4:]
    return cleaned


def _compound(name: str) -> tuple[Actor, ...]:
    """The entries of "Iraqi security forces and US-led coalition", if every part is known."""
    parts = [p for p in _CONJUNCTION.split(name) if p.strip()]
    found = [lookup(p) for p in parts]
    if len(parts) < 2 or None in found:
        return ()
    return tuple(dict.fromkeys(a for a in found if a is not None))


def resolve(name: str) -> tuple[Actor, ...]:
    """The entries a name stands for: one, one per part of "A and B", or none if unknown."""
    actor = lookup(name)
    return (actor,) if actor else _compound(name)


def canonical(name: str) -> str:
    """The canonical name, or the name cleaned of spacing, edge punctuation and "the"."""
    found = resolve(name)
    return " and ".join(a.canonical for a in found) if found else _clean(name)


def _actor_set(name: str) -> frozenset[str]:
    found = resolve(name)
    return frozenset(a.canonical for a in found) if found else frozenset({normalise_name(name)})


def same_actor(a: str | None, b: str | None) -> bool:
    """Whether two names denote the same actor (or the same set, for "A and B")."""
    if a is None or b is None:
        return a is b
    return _actor_set(a) == _actor_set(b)


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.start(), m.end(), m.group(), _token_key(m.group()))
            for m in _TOKEN.finditer(text)]


def _in_capitals_run(tokens: list[_Token], i: int) -> bool:
    neighbours = tokens[max(i - 1, 0):i] + tokens[i + 1:i + 2]
    return any(t.raw.isalpha() and len(t.raw) >= 2 and t.raw.isupper() for t in neighbours)


def _fits(pattern: _Pattern, tokens: list[_Token], i: int) -> bool:
    window = tokens[i:i + len(pattern.capitals)]
    if any(c is not None and c != _bare(t.raw) for c, t in zip(pattern.capitals, window,
                                                               strict=True)):
        return False
    short = len(window) == 1 and len(_bare(window[0].raw)) <= _SHORT_ACRONYM
    return not (short and pattern.capitals[0] and _in_capitals_run(tokens, i))


def _joined(text: str, left: _Token, right: _Token) -> bool:
    """Whether two tokens can sit in one name: a space, a line break or a dash between them,
    or the dot closing an abbreviation (U.S. forces), but never a comma or a sentence end."""
    gap = text[left.end:right.start]
    if gap.startswith(".") and "." in left.raw:
        gap = gap[1:]
    return _NAME_GAP.fullmatch(gap) is not None


def _reach(text: str, tokens: list[_Token], i: int, longest: int) -> int:
    """How many tokens from i could form one name."""
    n = 1
    while n < longest and i + n < len(tokens) and _joined(text, tokens[i + n - 1], tokens[i + n]):
        n += 1
    return n


def _match_at(text: str, tokens: list[_Token], i: int) -> tuple[int, Actor] | None:
    table = _table()
    for length in range(_reach(text, tokens, i, table.longest), 0, -1):
        key = tuple(t.key for t in tokens[i:i + length])
        for pattern in table.patterns.get(key, ()):
            if _fits(pattern, tokens, i):
                return length, pattern.actor
    return None


def _mention_start(text: str, tokens: list[_Token], i: int) -> int:
    """Start of the mention, taking in an "al-" written just before it (al-Shabaab)."""
    if i and tokens[i - 1].key == "al" and text[tokens[i - 1].end:tokens[i].start] in ("-", " "):
        return tokens[i - 1].start
    return tokens[i].start


def find_actors(text: str) -> list[tuple[int, int, str]]:
    """Actor mentions in running text as (start, end, canonical), longest match first."""
    tokens = _tokens(text)
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        hit = _match_at(text, tokens, i)
        if hit is None:
            i += 1
            continue
        length, actor = hit
        found.append((_mention_start(text, tokens, i), tokens[i + length - 1].end,
                      actor.canonical))
        i += length
    return found
