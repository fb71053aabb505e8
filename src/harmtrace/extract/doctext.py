"""A parsed report's text, built once.

spaCy rebuilds `Doc.text` from its tokens on every access; the claim finders slice
the text thousands of times per report, so they read it through `doc_text`, which
keeps the built string in the document's `user_data`.
"""

from __future__ import annotations

from spacy.tokens import Doc

KEY = "harmtrace.text"


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get(KEY)
    if not isinstance(text, str):
        text = doc.text
        doc.user_data[KEY] = text
    return text
