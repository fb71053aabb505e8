"""Web pages: main text and metadata through trafilatura, dates through htmldate.

Nothing here fetches: pages are parsed into a tree first, because htmldate
downloads any string that looks like a URL.
"""

from __future__ import annotations

from collections.abc import Iterator
from copy import deepcopy

import htmldate
import lxml.html
import trafilatura
from lxml.etree import ParserError
from trafilatura.settings import Document

from harmtrace.errors import ReadError
from harmtrace.read.items import Item, one_report
from harmtrace.read.normalise import make_report, normalise_text
from harmtrace.records import Report

_BLOCK_TAGS = frozenset((
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "ol", "p", "pre", "section", "table", "tr", "ul",
))
# What trafilatura salvages from a page with no article is a menu or an error
# message; a report says at least one sentence.
MIN_WORDS = 8
# Metadata, <time> elements, date-classed elements and the URL: day-precise sources.
_STRICT_DATES = {"extensive_search": False, "original_date": True}
# Code is never text, even inside a headline; JSON-LD is kept, as it carries dates.
_CODE_ELEMENTS = '//script[not(@type="application/ld+json")]|//style'


def read_html(text: str, source: str) -> Iterator[Item]:
    """One report from an HTML page."""
    yield from one_report(lambda: html_report(text, source))


def html_report(html: str, source: str, *, url: str | None = None) -> Report:
    """The page's main text as a report; `url` is used when the page names none."""
    tree = _parse(html, source)
    document = _extract(tree, source, url)
    if len((document.text or "").split()) < MIN_WORDS:
        raise ReadError(source, "no main text found in the HTML page")
    page_url = document.url or url
    return make_report(
        _paragraphs(document.text, document.title),
        title=document.title,
        url=page_url,
        outlet=document.sitename,
        published=document.date or _page_date(tree, page_url),
        language=tree.get("lang"),
        source=source,
    )


def _parse(html: str, source: str) -> lxml.html.HtmlElement:
    try:
        tree = trafilatura.load_html(html)
    except (ValueError, TypeError, ParserError) as err:
        raise ReadError(source, f"unparseable HTML: {err}") from err
    if tree is None:
        raise ReadError(source, "unparseable HTML")
    for element in tree.xpath(_CODE_ELEMENTS):
        element.drop_tree()
    return tree


def _extract(tree: lxml.html.HtmlElement, source: str, url: str | None) -> Document:
    # trafilatura raises a variety of errors on hostile markup; any of them
    # means this page yields no report, and the batch goes on.
    try:
        document = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=_STRICT_DATES,
        )
    except Exception as err:
        raise ReadError(source, f"text extraction failed: {err}") from err
    if document is None:
        raise ReadError(source, "no main text found in the HTML page")
    return document


def _page_date(tree: lxml.html.HtmlElement, url: str | None) -> str | None:
    """A date written in the page text, found by htmldate's extensive search.

    That search pads what it finds of a month or only a year (a copyright line,
    "March 2021") to the 1st, which would misdate every "on Friday" in the
    report; so a 1st of the month from it is refused, losing a true one in 30.
    It gets the tree, never a string, which it would take for a URL to download.
    """
    found = htmldate.find_date(deepcopy(tree), extensive_search=True, url=url)
    return None if found is None or found.endswith("-01") else found


def _paragraphs(text: str, title: str | None) -> str:
    """trafilatura puts one block per line; reports separate paragraphs by a blank line.

    A leading headline equal to the title is metadata, not body text.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and title and lines[0].casefold() == " ".join(title.split()).casefold():
        lines = lines[1:]
    return "\n\n".join(lines)


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry), blocks separated by blank lines."""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return ""
    for element in root.xpath(".//script|.//style"):
        element.drop_tree()
    for element in root.iter():
        _mark_breaks(element)
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return normalise_text("\n".join(lines))


def _mark_breaks(element: lxml.html.HtmlElement) -> None:
    if not isinstance(element.tag, str):
        return
    if element.tag == "br":
        element.tail = "\n" + (element.tail or "")
    elif element.tag in _BLOCK_TAGS:
        element.text = "\n\n" + (element.text or "")
        element.tail = "\n\n" + (element.tail or "")
