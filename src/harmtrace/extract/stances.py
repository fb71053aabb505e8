"""Claims without a figure: denials, accusations, admissions and claims of responsibility.

A speaker gets a record of its own when it denies ("had carried out no strikes",
"rejected reports that worshippers had been killed"), blames ("accused the
government of carrying out the attack", "it had been carried out by Assad's
government"), admits ("its aircraft had struck rocket launching sites",
"acknowledged carrying out the strike", "was not justified") or claims the attack
("claimed responsibility for"). A bare rejection ("rejected the accusation") that a
fuller denial follows is the same denial. Words about the future or in general
("will continue to", "repeatedly struck") are no claim about an event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from harmtrace.extract.doctext import doc_text
from harmtrace.extract.lexicon import lexicon, phrases_pattern
from harmtrace.records import Statement

FLAGS = re.IGNORECASE
EVENT_WORDS = frozenset(lexicon("reporting")["event_nouns"])
REPORTING = frozenset(lexicon("reporting")["speech_lemmas"])
# A bare rejection followed within this many sentences by a fuller denial is the same one.
FULLER_DENIAL_REACH = 2


@dataclass(frozen=True, slots=True)
class Stance:
    """A speaker's position on an event, with the words that carry it."""

    speaker: str
    start: int
    end: int
    negated: bool
    specific: bool = True
    org: str | None = None
    speaker_text: str | None = None


@cache
def _data() -> dict[str, list[str]]:
    return lexicon("stances")


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = _data()
    verbs = phrases_pattern(data["attack_verbs"])
    harm = r"(?:killed|harmed|hurt|injured|wounded|dead|deaths|victims|casualties|hit|struck)"
    return {
        "negated_attack": re.compile(
            rf"\b(?:not|no|never|n't|none|neither)\b(?:\s+[\w'’-]+){{0,5}}?\s+(?:{verbs}|{harm})\b",
            FLAGS),
        "none_done": re.compile(rf"\b(?:{verbs})\s+(?:no|not\s+any|not\s+a\s+single)\s+(?:\w+\s+)?"
                                r"(?:strikes?|attacks?|raids?|missions?|operations?|sorties|"
                                r"missiles?|rockets?|shells?)\b", FLAGS),
        "no_evidence": re.compile(r"\bno\s+(?:evidence|sign|indication|proof)\b[^.;]{0,60}\b"
                                  rf"(?:{verbs}|{harm}|air|strike|attack)\b", FLAGS),
        "no_part": re.compile(r"\b(?:played no part|had no role|no involvement|not a single "
                              r"(?:missile|rocket|shell|bomb|strike)|rather than civilians)\b",
                              FLAGS),
        "uncertain": re.compile(r"\b(?:could not|cannot|can't|unable to|did not|does not|"
                                r"do not|has not|have not)\s+(?:yet\s+)?(?:say|determine|confirm|"
                                r"verify|tell|know|explain|specify|give|establish|rule out)\b",
                                FLAGS),
        "denial_verb": re.compile(rf"\b(?:{phrases_pattern(data['denial_verbs'])})\b", FLAGS),
        "denial_object": re.compile(rf"\b(?:{phrases_pattern(data['denial_objects'])})\b", FLAGS),
        "attack": re.compile(rf"\b(?:{verbs})\b", FLAGS),
        "responsibility": re.compile(rf"\b(?:{phrases_pattern(data['responsibility'])})\b", FLAGS),
        "admission": re.compile(rf"\b(?:{phrases_pattern(data['admission_verbs'])})\b", FLAGS),
        "accusation": re.compile(rf"\b(?:{phrases_pattern(data['accusation_verbs'])})\b", FLAGS),
        "stance_verb": re.compile(rf"(?:{phrases_pattern(data['denial_verbs'])}|"
                                  rf"{phrases_pattern(data['accusation_verbs'])}|"
                                  rf"{phrases_pattern(data['responsibility'])}|"
                                  rf"{phrases_pattern(data['admission_verbs'])})\b", FLAGS),
        "modal": re.compile(rf"\b(?:{phrases_pattern(data['modal'])})\b(?:\s+\w+){{0,2}}?\s+"
                            rf"(?:{verbs}|{phrases_pattern(data['admission_verbs'])})\b", FLAGS),
        "hypothetical": re.compile(rf"\b(?:{phrases_pattern(data['hypothetical'])})", FLAGS),
        "count": re.compile(r"\b\d[\d,]*\s+(?:[\w-]+\s+)?(?:strikes|attacks|raids|rounds|sorties|"
                            r"missiles|rockets|shells|bombs)\b", FLAGS),
        "event": re.compile(r"\b(?:the|this|that|its|a|an)\s+(?:[\w-]+\s+){0,2}?(?:strike|attack|"
                            r"bombing|raid|shelling|assault|explosion|blast|massacre|killings?|"
                            r"deaths|incident)\b|\b(?:it|them)\s+out\b", FLAGS),
        "perfect": re.compile(rf"\b(?:had|has|have)\s+(?:been\s+)?(?:\w+ly\s+)?(?:{verbs})\b",
                              FLAGS),
        "definite": re.compile(rf"\b(?:{verbs})\s+the\s+(?!same\b)\w+", FLAGS),
        "dated": re.compile(r"\b(?:on|in|at)\s+(?:\d{1,2}\s+)?(?:January|February|March|April|May|"
                            r"June|July|August|September|October|November|December|Monday|"
                            r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
        "negated_cue": re.compile(r"\b(?:not|n't|never|no)\b[^.;]{0,25}$", FLAGS),
    }


def is_denial(text: str) -> bool:
    """Words that deny an attack or its victims (not "would not have been attacked")."""
    p = _patterns()
    if p["hypothetical"].search(text):
        return False
    cleaned = p["uncertain"].sub(" ", text)
    return bool(p["negated_attack"].search(cleaned) or p["no_evidence"].search(cleaned)
                or p["no_part"].search(cleaned) or p["none_done"].search(cleaned))


def is_claim_of_attack(text: str) -> bool:
    """Words that say one attack was carried out (not will be, not in general, not a count
    of strikes)."""
    p = _patterns()
    if p["modal"].search(text) or p["hypothetical"].search(text) or p["count"].search(text) \
            or p["uncertain"].search(text):
        return False
    if p["responsibility"].search(text) or p["admission"].search(text):
        return True
    return bool(p["attack"].search(text)) and bool(
        p["event"].search(text) or p["perfect"].search(text) or p["definite"].search(text)
        or p["dated"].search(text))


def admits(text: str) -> bool:
    p = _patterns()
    return bool(p["responsibility"].search(text) or p["admission"].search(text))


def from_statements(unit: Span, statements: list[Statement]) -> list[Stance]:
    """Stances carried by statements whose words start in the unit."""
    found = []
    text = doc_text(unit.doc)
    for st in statements:
        if not unit.start_char <= st.start < unit.end_char:
            continue
        if _patterns()["negated_cue"].search(text[max(unit.start_char, st.start - 40):st.start]):
            continue
        content = st.content
        if is_denial(content):
            found.append(Stance(st.speaker, st.start, st.end, True, org=st.speaker_org,
                                speaker_text=st.speaker_text))
        elif is_claim_of_attack(content):
            found.append(Stance(st.speaker, st.start, st.end, False, org=st.speaker_org,
                                speaker_text=st.speaker_text))
    return found


def _subject(verb: Token) -> Span | None:
    """The doer of an active verb; a verb joined to another ("rejected ... and denied")
    shares its subject; "which" in "the command, which blamed ..." is the command.

    A stance verb the parser joined to a verb inside what was reported ("said there was
    no evidence the attack had come from Yemen and accused Iran") belongs to the one
    who reported it, not to "the attack".
    """
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "conj" and verb.head.dep_ != "ROOT" \
            and verb.head.lemma_.lower() not in REPORTING:
        reporter = next((a for a in verb.ancestors
                         if a.dep_ == "ROOT" and a.lemma_.lower() in REPORTING), None)
        if reporter is not None:
            return _subject(reporter)
    if not subjects and verb.dep_ in ("conj", "xcomp") and verb.head is not verb:
        return _subject(verb.head)
    if not subjects:
        return None
    s = subjects[0]
    if s.lemma_.lower() in EVENT_WORDS and verb.dep_ == "conj" and verb.head is not verb:
        return _subject(verb.head.head) if verb.head.dep_ == "ccomp" else None
    if s.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
        head = verb.head
        return verb.doc[head.left_edge.i:head.i + 1]
    return verb.doc[s.left_edge.i:s.right_edge.i + 1]


def _nobody(subject: Span) -> bool:
    """"No side has claimed the strike", "nobody accused ...": no one takes the stance."""
    words = subject.text.lower().split()
    return any(" ".join(words[:len(w.split())]) == w for w in _data()["nobody"])


def _object_clause(verb: Token) -> Span:
    """The words after the verb up to the end of its clause, without a second verb joined
    to it ("denied that ... and blamed ...")."""
    right = [t for c in verb.rights if c.dep_ not in ("conj", "cc") for t in c.subtree]
    end = max((t.i for t in right), default=verb.i) + 1
    return verb.doc[verb.i:end]


def from_verbs(unit: Span, covered: list[tuple[int, int]]) -> list[Stance]:
    """Denials, accusations and admissions by a verb's subject ("Armenia rejected the
    accusation", "accused the government of ...", "claimed responsibility for ...")."""
    p = _patterns()
    found = []
    for token in unit:
        if token.pos_ not in ("VERB", "AUX") or any(s <= token.idx < e for s, e in covered):
            continue
        word = doc_text(unit.doc)[token.idx:token.idx + 40]
        reporting = token.lemma_.lower() in REPORTING and token.dep_ == "ROOT"
        if not (reporting or p["stance_verb"].match(word)):
            continue
        clause = _object_clause(token)
        phrase = doc_text(unit.doc)[token.idx:clause.end_char]
        subject = _subject(token)
        if subject is None or _nobody(subject):
            continue
        if p["denial_verb"].match(phrase):
            specific = is_denial(phrase) or bool(p["attack"].search(phrase[len(token.text):]))
            if specific or p["denial_object"].search(phrase):
                found.append(Stance(subject.text, token.idx, clause.end_char, True, specific))
        elif (p["accusation"].match(phrase) and (p["attack"].search(phrase[len(token.text):])
                                                 or p["event"].search(phrase))) \
                or p["responsibility"].match(phrase) \
                or (p["admission"].match(phrase) and is_claim_of_attack(phrase)):
            found.append(Stance(subject.text, token.idx, clause.end_char, False))
        elif token.lemma_.lower() in REPORTING and token.dep_ == "ROOT":
            found += [s for s in _reported_stance(token, subject)
                      if not any(a <= s.start < b for a, b in covered)]
    return found


def _reported_stance(verb: Token, subject: Span) -> list[Stance]:
    """"Coalition aircraft ... struck ISIS fighters ..., CJTF-OIR said today": a reported
    clause the statement finder missed."""
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
    if not clauses:
        return []
    clause = clauses[0]
    doc = verb.doc
    start, end = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
    content = doc_text(doc)[start:end]
    if is_denial(content):
        return [Stance(subject.text, start, end, True)]
    if is_claim_of_attack(content):
        return [Stance(subject.text, start, end, False)]
    return []


def drop_bare_denials(stances: list[tuple[int, Stance]]) -> list[tuple[int, Stance]]:
    """A bare rejection ("rejected the accusation") followed closely by a fuller denial is
    the same denial, told twice; keep the fuller one."""
    kept = []
    for index, stance in stances:
        fuller = any(other.negated and other.specific and 0 < later - index
                     <= FULLER_DENIAL_REACH for later, other in stances)
        if stance.negated and not stance.specific and fuller:
            continue
        kept.append((index, stance))
    return kept
