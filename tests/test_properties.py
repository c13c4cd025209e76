"""Properties over arbitrary text (hypothesis): the extractor never fails, every claim's evidence
slices back out of the text, the output is the same on every run; escaping and decoding hold for
any input."""

from __future__ import annotations

import html
import re

import cmarkgfm
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.extract import extract_claims
from factcheck.ingest import decode, document_from_text
from factcheck.report import md_escape, terminal_safe
from factcheck.store import safe_name

# Pieces of news prose, so that random text often holds claims; plain random text rarely does.
PIECES = [
    "Ellen Sorby", "Mr. Jon Dale", "the mayor", "his partner", ", 54,", " (32)", "aged 19", "a 20-year-old",
    " said", " was detained", " was fired", " resigned", " were killed", " at least ", "25 people", "three",
    " on Monday", " yesterday", " 4 March 2024", " in 2021", "$3m", " for five days", " police", " not",
    ". ", ", ", "\n", "\n\n", "“", "”", '"', "’s", " — ", "…", "Related Articles\n", "Photo: ", "Donate",
    "---\ntitle: x\n---\n", "\ufeff", "\r\n", "\t", "|", "<b>", "[x](y)",
    "£1", ". ", ", ", "²", "¹²³", "٣", "-engine", " million", "/", " 4",
]  # fmt: skip
NEWSY = st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=60).map("".join)
ANY_TEXT = st.one_of(st.text(max_size=400), NEWSY)


def claims_json(text: str) -> str:
    document = document_from_text("story.txt", text, sha256="", encoding="utf-8", fmt="text")
    return extract_claims(document).model_dump_json()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT)
def test_any_text_gives_claims_whose_evidence_slices_back(text: str) -> None:
    document = document_from_text("story.txt", text, sha256="", encoding="utf-8", fmt="text")
    cf = extract_claims(document)
    for claim in cf.claims:
        assert text[claim.start : claim.end] == claim.quote
        assert claim.start <= claim.value_start <= claim.value_end <= claim.end
    evidence = cf.source.published_evidence
    if evidence is not None:
        assert text[evidence.start : evidence.end] == evidence.quote


# Digits that str.isdigit() accepts but int() and float() reject (superscripts), beside ones both
# accept (Arabic-Indic), where the number readers look for spaced amounts, fractions and parts.
ODD_DIGITS = [
    "The repairs cost $1, ¹²³ in total.",
    "It cost £1. ² million.",
    "Police seized 6 ²-engine planes.",
    "The trip took 4 ³/² hours.",
    "The trip took 4 1/² hours.",
    "The bill came to €2, ٣٤٥ last week.",
    "Crews fixed 3 ٣-door vans.",
    "The ZX ² was sold on ²/³/2020.",
]


@pytest.mark.parametrize("text", ODD_DIGITS)
def test_digits_float_rejects_are_read_without_an_error(text: str) -> None:
    document = document_from_text("story.txt", text, sha256="", encoding="utf-8", fmt="text")
    for claim in extract_claims(document).claims:
        assert text[claim.start : claim.end] == claim.quote


@settings(max_examples=100, deadline=None)
@given(ANY_TEXT)
def test_extraction_is_deterministic(text: str) -> None:
    assert claims_json(text) == claims_json(text)


# Written to look like what GitHub links by itself: e-mail addresses, mailto: and xmpp: links,
# URLs, with zero-width characters among them.
LINKISH = st.lists(
    st.sampled_from(["tips", "@", "example.org", "mailto:", "xmpp:", "MAILTO:", "www.", "https://", "a.b", "/desk",
                     "\u200b", "\u200d", "\ufeff", "\u2060", " ", "<", ">", "+", "-", "_", "."])
    | st.text(max_size=4),
    max_size=30,
).map("".join)  # fmt: skip


# Text made of what Markdown reads as markup, in the places it is read: line starts, flanking
# runs, brackets before '(' and '[', entities, headings' closing '#', task boxes.
MARKUP_PIECES = [
    *"\\`*_{}[]()#+-.!|<>~&@:;=^\"' ", "x", "7", "é", "1.", "2)", "- ", "+ ", "# ", "> ", "---", "===", "[ ] ",
    "[a]", "](b)", "][c]", "[^1]", "]: /u", "[a]: /u", "&amp;", "&#38;", "&x", "a_b", "__", "**", "~~", "www.",
    "http://", "mailto:", "x@y.org", "<b>", "\n", "\t", "\u200b", "\x07",
]  # fmt: skip
MARKUPISH = st.lists(st.sampled_from(MARKUP_PIECES) | st.text(max_size=3), max_size=40).map("".join)
# What begins a block when it begins a line: lists, headings, quotes, rules, fences, definitions.
STARTS = ["", "1. ", "2) ", "- ", "+ ", "* ", "# ", "###", "> ", "---", "===", "[ ] x", "[a]: /u [a]", "::", "```"]
MARKUPISH = st.tuples(st.sampled_from(STARTS), MARKUPISH).map("".join)
TEXTS = st.one_of(st.text(max_size=200), LINKISH, MARKUPISH)
OWN_TAGS = r"table|thead|tbody|tr|th|td|p|ul|li"


def render(markdown: str) -> str:
    """As GitHub renders (table, autolink, strikethrough, task lists), raw HTML kept to see it."""
    return cmarkgfm.github_flavored_markdown_to_html(markdown, options=cmarkgfm.cmark.Options.CMARK_OPT_UNSAFE)


def shown_as(text: str) -> str:
    """What a reader should see: the text, with white space runs as one space, control characters
    (and bidirectional overrides) replaced and zero-width characters shown as escapes."""
    expected = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", "\ufffd",
                      " ".join(text.split()))  # fmt: skip
    return re.sub(
        "[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]",
        lambda m: m.group(0).encode("unicode_escape").decode(),
        expected,
    )


def visible(html_text: str) -> str:
    assert "<!--" not in html_text.replace("@<!---->", "@")  # the only HTML: the comment after '@'
    return html.unescape(re.sub(r"<[^>]+>", "", html_text.replace("@<!---->", "@"))).strip()


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_escaped_text_renders_as_itself_and_as_nothing_else(text: str) -> None:
    escaped = md_escape(text)
    assert "\n" not in escaped
    # In a table cell.
    rendered = render(f"| a |\n|---|\n| {escaped} |\n")
    cells = re.findall(r"<td>(.*?)</td>", rendered, re.DOTALL)
    assert len(cells) <= 1  # never a second cell, whatever pipes the text holds
    assert re.search(rf"<(?!/?(?:{OWN_TAGS})\b)[a-z]", rendered) is None  # no element of its own
    assert "<a " not in rendered  # no link, not even an e-mail address
    assert visible(cells[0] if cells else "") == shown_as(text)
    # As a paragraph, and as a list item (the report's warnings): no heading, list, quote, rule,
    # reference definition or task box either.
    for markdown, wrapper in ((escaped, "<p>"), (f"- {escaped}", "<ul>\n<li>")):
        rendered = render(markdown + "\n")
        assert re.search(rf"<(?!/?(?:{OWN_TAGS})\b)[a-z]", rendered) is None, rendered
        assert rendered.count("<p>") <= 1
        assert rendered.count("<li>") <= 1
        assert not shown_as(text) or rendered.startswith(wrapper), rendered
        assert visible(rendered) == shown_as(text)


@settings(max_examples=300, deadline=None)
@given(TEXTS, TEXTS, TEXTS)
def test_a_quote_in_pieces_keeps_only_the_reports_bold(before: str, value: str, after: str) -> None:
    # A quote is escaped in pieces (before its value, the value in bold, after): no piece may turn
    # into markup next to another, whatever ends one and begins the next.
    parts = [md_escape(t, line_start=False) for t in (before, value, after)]
    rendered = render(f"“{parts[0]}**{parts[1]}**{parts[2]}”\n")
    assert re.search(r"<(?!/?(?:p|strong)\b)[a-z]", rendered) is None, rendered
    assert rendered.count("<strong>") <= 1
    bold = "" if "<strong>" in rendered else "**"
    assert visible(rendered) == f"“{shown_as(before)}{bold}{shown_as(value)}{bold}{shown_as(after)}”"


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=60), st.text(min_size=1, max_size=60))
def test_different_sources_never_share_a_claims_file(a: str, b: str) -> None:
    if a != b:
        assert safe_name(a).casefold() != safe_name(b).casefold()
    assert "/" not in safe_name(a)
    assert not safe_name(a).startswith(".")


# Texts opening with NUL are left out: in UTF-16, a BOM and a NUL read as a UTF-32 BOM (and no
# article opens with NUL).
@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200).filter(lambda t: not t.startswith("\x00")), st.sampled_from(["utf-8", "utf-16", "utf-32"]))
def test_text_with_a_byte_order_mark_decodes_to_itself(text: str, codec: str) -> None:
    data = text.encode(codec, errors="surrogatepass") if codec != "utf-8" else b"\xef\xbb\xbf" + text.encode()
    decoded = decode(data)
    assert decoded.text == "\ufeff" + text
    assert data.decode(decoded.encoding) == decoded.text


HOSTILE_NAME = st.lists(
    st.sampled_from(["x", "\n", "\r", "\r\n", "::error file=README.md,line=1::", "::warning ::", "\x1b[2J", "\x85",
                     "\u2028", "\u2029", "\u202e", "\u200b", "\t", "\x00", "é", "%0A"])
    | st.text(max_size=4),
    min_size=1,
    max_size=8,
).map("".join)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(HOSTILE_NAME)
def test_a_hostile_file_name_prints_as_one_line_that_acts_on_nothing(name: str) -> None:
    shown = terminal_safe(f"warning: {name}: skipped")
    assert len(shown.splitlines()) == 1  # splitlines breaks at every line boundary Python knows
    assert not re.search("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff]", shown)
    assert shown.startswith("warning: ")
    assert "/" not in safe_name(name)
    assert "\n" not in safe_name(name)
