"""Reported speech: what a cue verb or "according to" attributes, outside quotation marks.

Three shapes carry reported words:

- forward, the cue then a clause: "X said (that) ...", "X denied using ...",
  "X expressed surprise that ...", "told advisers that ..." (even where the parser
  reads the clause as a relative clause or hangs it from an adjunct);
- backward, the clause then the cue: "..., the ministry said." (trailing.py);
- an object verb, whose object is the content: "accused the army of ...", "urged
  both sides to ...", "called for ...", "put the toll at 40".

Words stop where a further cue is conjoined into them ("said that ..., and accused
the group of ..."): that cue starts a statement of its own. "According to X" is
read in according.py; who the speaker is, in subjects.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Doc, Span, Token

from harmtrace.extract.according import according_to
from harmtrace.extract.attribution import (
    ADJUNCT_WORDS,
    RELATIVES,
    SUBJECT_DEPS,
    Attribution,
    indirect,
    region,
    trim,
)
from harmtrace.extract.cues import (
    addressed,
    cue_span,
    cue_text,
    is_clause_verb,
    is_cue,
    is_event,
    needed_objects,
    object_spec,
)
from harmtrace.extract.quotes import Quote
from harmtrace.extract.subjects import context, relayed, subject_of
from harmtrace.extract.trailing import trailing

RULE_FORWARD = "statements.reported.forward/2"
RULE_BACKWARD = "statements.reported.backward/2"
RULE_OBJECT = "statements.reported.object/2"
FINITE = ("VBD", "VBZ", "VBP", "MD")
# 'its count', 'the figure': a toll noun this short adds nothing to the figure put on it.
BARE_TOLL_TOKENS = 2


def _complement(verb: Token) -> Token | None:
    """The head of the clause a clause verb reports, to its right."""
    needed = needed_objects(verb)
    for child in verb.rights:
        if needed is None and child.dep_ == "ccomp" and _finite(child):
            return child
        if needed is None and child.dep_ == "xcomp" and child.tag_ == "VBG":
            return child
        if child.dep_ == "dobj" and needed is not None and child.lemma_.lower() in needed:
            clauses = [c for c in child.rights if c.dep_ in ("acl", "ccomp", "relcl")
                       and any(m.dep_ == "mark" for m in c.children)]
            if clauses:
                return clauses[0]
        if child.dep_ in ("dobj", "dative") and addressed(verb):
            misread = [c for c in child.rights if c.dep_ == "relcl" and _own_subject(c)]
            if misread:
                return misread[0]
    return _marked_clause(verb) if needed is None else None


def _marked_clause(verb: Token) -> Token | None:
    """The 'that' of 'reported at the time that ...' or 'reported, citing sources, that
    ...', which the parser hangs elsewhere."""
    doc = verb.doc
    end = cue_span(verb).end
    for tok in doc[end:min(end + ADJUNCT_WORDS + 2, verb.sent.end)]:
        if tok.lower_ == "that" and tok.dep_ == "mark" and tok.head.i > tok.i:
            return tok
        if tok.tag_ in FINITE or tok.text in (";", ":", ".") or tok.is_quote:
            return None
    return None


def _own_subject(clause: Token) -> bool:
    """'told advisers that snipers were firing', misread as a relative clause: the
    clause has a subject of its own besides the 'that'."""
    return any(c.dep_ in SUBJECT_DEPS and c.lower_ not in RELATIVES for c in clause.children)


def _finite(head: Token) -> bool:
    """A clause rather than a small clause ('declaring the city free')."""
    return head.pos_ in ("VERB", "AUX") or any(c.dep_ == "mark" for c in head.children)


def _extent(head: Token) -> Span:
    """A complement's words, with the 'and that ...' clauses coordinated to it."""
    end = head.right_edge.i + 1
    for sibling in head.head.rights:
        if sibling.dep_ == "conj" and sibling.i > end - 1 and any(
                c.dep_ == "mark" for c in sibling.children):
            end = sibling.right_edge.i + 1
    return _before_next_cue(head.doc[head.left_edge.i:end])


def _before_next_cue(span: Span) -> Span:
    """The words up to a further cue conjoined into them ('42 dead and later raised its
    count to ...', '..., blaming "army provocations"')."""
    for tok in span[1:]:
        joined = tok.dep_ == "conj" or (tok.dep_ == "advcl" and tok.tag_ == "VBG")
        if joined and is_cue(tok) and not any(
                c.dep_ in SUBJECT_DEPS for c in tok.children):
            joints = [c.i for c in tok.head.children if c.dep_ in ("cc", "punct")
                      and tok.head.i < c.i < tok.i]
            return span.doc[span.start:min(joints) if joints else tok.left_edge.i]
    return span


def _forward(verb: Token) -> Span | None:
    head = _complement(verb)
    if head is None or head.i < verb.i:
        return None
    if head.lower_ == "that":
        extent = _before_next_cue(head.doc[head.i + 1:region(verb)[1]])
    else:
        extent = _extent(head)
    span = trim(extent.doc[max(extent.start, cue_span(verb).end):extent.end])
    if len(span) and span[0].lower_ == "that":
        span = span[1:]
    return span if len(span) >= 2 else None


def _object_content(verb: Token, spec: dict[str, Any]) -> Span | None:
    """'accused [the army of shelling]', 'urged [both sides to talk]', 'called for [X]'."""
    bare = spec.get("bare", False)
    objects = [c for c in verb.rights if c.dep_ in ("dobj", "dative") or (
        bare and c.dep_ in ("ccomp", "oprd") and c.pos_ in ("ADJ", "NOUN", "NUM"))]
    preps = [c for h in (verb, *objects) for c in h.rights
             if c.dep_ in ("prep", "prt", "agent") and c.lower_ in spec.get("prepositions", ())]
    comps = [c for c in verb.rights if c.dep_ in ("xcomp", "ccomp", "oprd")]
    wanted = spec.get("objects")
    if wanted and not any(o.lemma_.lower() in wanted for o in objects):
        return None
    parts = _object_parts(spec, objects, preps, comps)
    if not parts:
        return None
    if wanted and preps and all(len(list(o.subtree)) <= BARE_TOLL_TOKENS for o in objects):
        parts = preps
    span = _before_next_cue(verb.doc[min(p.left_edge.i for p in parts):
                                     max(p.right_edge.i for p in parts) + 1])
    if any(t.is_quote for t in span):
        return None
    span = _without_trailing_relative(span)
    if span[0] in preps and len(span) > 1:
        span = span[1:]
    span = trim(span)
    return span if len(span) and not all(t.pos_ == "PRON" for t in span) else None


def _object_parts(spec: dict[str, Any], objects: list[Token], preps: list[Token],
                  comps: list[Token]) -> list[Token]:
    takes_comps = spec.get("complement") or spec.get("predicate")
    if preps:
        return [*objects, *preps, *(comps if takes_comps else [])]
    if objects and comps and takes_comps:
        return [*objects, *comps]
    return objects if spec.get("bare") else []


def _without_trailing_relative(span: Span) -> Span:
    """'54, which it has not changed' -> '54': the report's aside, not the figure."""
    for tok in span:
        if tok.text == "," and tok.i + 1 < span.end and span.doc[tok.i + 1].lower_ in RELATIVES:
            return span.doc[span.start:tok.i]
    return span


def _verb(verb: Token) -> Iterator[Attribution]:
    relay = relayed(verb)
    subject = relay[0] if relay else subject_of(verb)
    before = None if relay else context(verb)
    forward = _forward(verb) if is_clause_verb(verb) else None
    if forward is not None and (subject is not None or before):
        cue = relay[1] if relay else cue_text(verb, subject)
        yield indirect(forward, cue, subject, RULE_FORWARD, 0.7, before, verb)
        return
    spec = object_spec(verb)
    content = _object_content(verb, spec) if spec else None
    backward = trailing(verb) if is_clause_verb(verb) and content is None else None
    if backward is not None:
        back_subject, parts = backward
        cue = relay[1] if relay else cue_text(verb, back_subject, trailing=True)
        for part in parts:
            yield indirect(part, cue, subject if relay else back_subject, RULE_BACKWARD, 0.6)
        return
    if content is not None and (subject is not None or before):
        cue = relay[1] if relay else cue_text(verb, subject, content)
        yield indirect(content, cue, subject, RULE_OBJECT, 0.5, before, verb)


def reported_attributions(doc: Doc, quotes: list[Quote]) -> list[Attribution]:
    """Every reported-speech attribution outside quotation marks."""
    found: list[Attribution] = []
    for token in doc:
        if any(q.start <= token.idx < q.end for q in quotes) or not is_event(token):
            continue
        attribution = according_to(token)
        if attribution is not None:
            found.append(attribution)
        elif is_cue(token):
            found += list(_verb(token))
    return found
