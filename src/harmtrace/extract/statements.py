"""Attributed statements: direct quotations and reported speech.

Direct: a quotation's cue and speaker are looked for after it in its sentence
(`," said X`, `— the General said`), then before it (`X told reporters: "`); a
quotation with no cue of its own continues the previous speaker's turn.
Reported: a reporting verb with a clausal complement (`X said that ...`) or
`according to X, ...`; the clause is the content. A reported clause that holds a
direct quotation yields only the quotation.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span, Token

from harmtrace.extract.lexicon import lexicon
from harmtrace.extract.quotes import Quote, find_quotes
from harmtrace.extract.speakers import Speaker, SpeakerIndex, resolve
from harmtrace.records import Statement

RULE_DIRECT = "statements.direct/1"
RULE_REPORTED = "statements.reported/1"
RULE_ACCORDING = "statements.according_to/1"
SUBJECT_DEPS = ("nsubj", "nsubjpass")


@cache
def cue_lemmas() -> frozenset[str]:
    verbs = lexicon("cues")["verbs"]
    return frozenset(v.split()[0] for v in verbs) | {"say", "tell", "add", "stress", "deny"}


def _is_cue(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and (
        token.lemma_.lower() in cue_lemmas() or token.lower_ in cue_lemmas()
    )


CUE_OBJECT_TOKENS = 3


def _cue_text(verb: Token) -> str:
    """The verb with the short object or particle that makes the cue ('told reporters',
    'asked a question', 'expressed surprise')."""
    end = verb.i + 1
    for child in verb.rights:
        if child.left_edge.i != end or child.dep_ not in ("dobj", "prt", "dative"):
            break
        if child.pos_ == "PRON" or child.i - end >= CUE_OBJECT_TOKENS:
            break
        end = child.i + 1
    return verb.doc[verb.i:end].text


def _subject(verb: Token) -> Span | None:
    """The whole subject phrase; a parse that splits "a spokesman for X Joseph
    Scrocca" into two subjects gets both, so the title stays with the name."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        start = min(c.left_edge.i for c in subjects)
        end = max(c.right_edge.i for c in subjects) + 1
        return verb.doc[start:end]
    if verb.dep_ in ("conj", "advcl") and verb.head.pos_ == "VERB":
        return _subject(verb.head)
    return None


def _inverted_subject(verb: Token, after: int) -> Span | None:
    """`said Maj. Gen. Joseph Martin, commander of ...`"""
    doc = verb.doc
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG") and verb.i < ent.start <= verb.i + 6:
            end = ent.end
            for tok in doc[ent.end:verb.sent.end]:
                if tok.is_punct and tok.text in ".;":
                    break
                end = tok.i + 1
            return doc[verb.i + 1:end] if ent.start >= after else None
    return None


def _attribution(doc: Doc, quote: Quote) -> tuple[Token, Span] | None:
    """The cue verb and subject phrase attributing a quotation."""
    window = doc.char_span(quote.end, _sentence_end(doc, quote.end), alignment_mode="expand")
    candidates = [t for t in window or [] if _is_cue(t)][:1]
    before = doc.char_span(_sentence_start(doc, quote.start), quote.start, alignment_mode="expand")
    candidates += [t for t in reversed(list(before or [])) if _is_cue(t)][:1]
    for verb in candidates:
        subject = _subject(verb) or _inverted_subject(verb, verb.i)
        if subject is not None and not _inside(subject, quote):
            return verb, subject
    return None


def _inside(span: Span, quote: Quote) -> bool:
    return quote.start <= span.start_char and span.end_char <= quote.end


def _sentence_end(doc: Doc, char: int) -> int:
    """End of the text run after a quote, up to the next sentence break or quote."""
    text = doc.text
    stops = [i for i in (text.find("\n", char), _next_quote(text, char)) if i != -1]
    limit = min(stops) if stops else len(text)
    for i in range(char + 1, limit):
        if text[i] in ".!?" and (i + 1 >= len(text) or text[i + 1].isspace()):
            return i + 1
    return limit


def _next_quote(text: str, char: int) -> int:
    found = [text.find(q, char + 1) for q in '"“«']
    found = [i for i in found if i != -1]
    return min(found) if found else -1


def _sentence_start(doc: Doc, char: int) -> int:
    text = doc.text
    start = max(text.rfind("\n", 0, char), 0)
    for i in range(char - 2, start, -1):
        if text[i] in ".!?" and text[i + 1].isspace() and text[i + 1:char].strip()[:1] not in '"“':
            return i + 1
    return start


def direct_statements(doc: Doc, index: SpeakerIndex) -> list[tuple[Quote, Statement]]:
    found: list[tuple[Quote, Statement]] = []
    previous: Statement | None = None
    for quote in find_quotes(doc.text):
        attribution = _attribution(doc, quote)
        speaker: Speaker | None = None
        cue = None
        if attribution:
            verb, subject = attribution
            speaker = (index.last(quote.start) if subject.text.lower() == "it"
                       else resolve(subject, index))
            cue = _cue_text(verb)
        elif previous and _continues(doc.text, previous.end, quote.start):
            speaker = Speaker(previous.speaker, previous.speaker_text or previous.speaker,
                              previous.speaker_role, previous.speaker_org)
            cue = previous.cue
        if speaker is None or cue is None:
            continue
        previous = Statement(
            speaker=speaker.name, kind="direct", content=quote.text, cue=cue,
            start=quote.start, end=quote.end, speaker_text=speaker.text,
            speaker_role=speaker.role, speaker_org=speaker.org, confidence=0.8,
            rule=RULE_DIRECT,
        )
        found.append((quote, previous))
    return found


def _continues(text: str, previous_end: int, start: int) -> bool:
    """A quotation directly following the previous one, with only a paragraph break
    or a short connector between them, is the same speaker's turn."""
    gap = text[previous_end:start]
    return len(gap.strip(' \n"“”«»,.')) <= 3


def _clause(verb: Token) -> Span | None:
    """The reported clause: the verb's complement, or the complement of its object
    ('expressed surprise that ...')."""
    objects = [c for c in verb.rights if c.dep_ == "dobj"]
    for child in [*verb.children, *(g for o in objects for g in o.children)]:
        if child.dep_ in ("ccomp", "acl") and child.i > verb.i and _has_that_or_subject(child):
            tokens = [t for t in child.subtree if not (t.dep_ == "mark" and t.lower_ == "that")]
            if not tokens:
                return None
            start, end = tokens[0].i, tokens[-1].i + 1
            span = verb.doc[start:end]
            while span and span[-1].is_punct:
                span = span[:-1]
            return span if len(span) >= 3 else None
    return None


def _has_that_or_subject(head: Token) -> bool:
    return any(c.dep_ in ("mark", *SUBJECT_DEPS) for c in head.children)


def reported_statements(doc: Doc, index: SpeakerIndex, quotes: list[Quote]) -> list[Statement]:
    """Reported clauses; an outer clause that only frames an inner speaker's words
    ("He recalled that a spokesman told reporters that ...") is dropped."""
    found: list[tuple[int, Statement]] = []
    for token in doc:
        if _is_cue(token):
            statement = _reported(token, index, quotes)
        elif token.lower_ == "according" and token.i + 1 < len(doc) and token.nbor().lower_ == "to":
            statement = _according_to(token, index, quotes)
        else:
            statement = None
        if statement:
            found.append((token.idx, statement))
    return [s for _, s in found
            if not any(s.start <= at < s.end for at, other in found if other is not s)]


def _overlaps_quote(start: int, end: int, quotes: list[Quote]) -> bool:
    return any(q.start < end and start < q.end for q in quotes)


def _reported(verb: Token, index: SpeakerIndex, quotes: list[Quote]) -> Statement | None:
    clause = _clause(verb)
    subject = _subject(verb)
    if clause is None or subject is None:
        return None
    if _overlaps_quote(clause.start_char, clause.end_char, quotes):
        return None
    speaker = resolve(subject, index)
    if speaker is None:
        return None
    return Statement(
        speaker=speaker.name, kind="indirect", content=clause.text, cue=_cue_text(verb),
        start=clause.start_char, end=clause.end_char, speaker_text=speaker.text,
        speaker_role=speaker.role, speaker_org=speaker.org, confidence=0.6, rule=RULE_REPORTED,
    )


def _according_to(token: Token, index: SpeakerIndex, quotes: list[Quote]) -> Statement | None:
    to = token.nbor(1)
    objects = [c for c in to.children if c.dep_ == "pobj"]
    if not objects:
        return None
    source = token.doc[objects[0].left_edge.i:objects[0].right_edge.i + 1]
    speaker = resolve(source, index)
    sent = token.sent
    rest = token.doc[source.end:sent.end] if source.end < sent.end else None
    if speaker is None or rest is None:
        return None
    while rest and (rest[0].is_punct or rest[0].lower_ == "that"):
        rest = rest[1:]
    while rest and rest[-1].is_punct:
        rest = rest[:-1]
    if len(rest) < 3 or _overlaps_quote(rest.start_char, rest.end_char, quotes):
        return None
    return Statement(
        speaker=speaker.name, kind="indirect", content=rest.text,
        cue=token.doc[token.i:to.i + 1].text, start=rest.start_char, end=rest.end_char,
        speaker_text=speaker.text, speaker_role=speaker.role, speaker_org=speaker.org,
        confidence=0.5, rule=RULE_ACCORDING,
    )


def extract_statements(doc: Doc) -> list[Statement]:
    index = SpeakerIndex(doc)
    direct = direct_statements(doc, index)
    quotes = [q for q, _ in direct] + find_quotes(doc.text)
    statements = [s for _, s in direct] + reported_statements(doc, index, quotes)
    return sorted(statements, key=lambda s: s.start)
