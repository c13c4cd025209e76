"""Report → Markdown, JSON or a terminal table.

Everything taken from a source is escaped before it enters Markdown, so a hostile article cannot
break a table or inject markup, links or images into a rendered report.
"""

from __future__ import annotations

import re
from collections import Counter

from tabulate import tabulate

from factcheck.models import ClaimRef, Corroboration, Finding, Report

MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~])")
# Bidirectional embeddings, overrides and isolates can make the rest of a line read in another
# order than it is written ("Trojan Source"); other control characters have no place in a report.
UNSAFE_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# What GitHub turns into links by itself: a URL scheme or 'www.'. An escape there keeps the text
# as it is written but not clickable.
AUTOLINK = re.compile(r"(?i)\b(https?|ftp)(:)|\b(www)(\.)")
# What would start a block at the beginning of a line or list item: a list ("1." "2)" "-"), a
# setext heading underline ("=").
BLOCK_START = re.compile(r"\A(?:(\d{1,9})([.)])|([-=]))")


def md_escape(text: str) -> str:
    """Text safe inside Markdown and a table cell: no markup, links, images, HTML, entities or line
    breaks, whatever the source says. It reads the same once rendered.

    >>> md_escape("a | b <script> [x](y)")
    'a \\\\| b \\\\<script\\\\> \\\\[x\\\\]\\\\(y\\\\)'
    >>> md_escape("1. see https://example.org & co")
    '1\\\\. see https\\\\://example.org &amp; co'
    """
    text = re.sub(r"\s+", " ", text).strip()
    text = UNSAFE_CHARS.sub("\ufffd", text)
    text = MD_SPECIAL.sub(r"\\\1", text)
    text = AUTOLINK.sub(lambda m: f"{m.group(1) or m.group(3)}\\{m.group(2) or m.group(4)}", text)
    text = BLOCK_START.sub(lambda m: f"{m.group(1) or ''}\\{m.group(2) or m.group(3)}", text)
    return text.replace("&", "&amp;")


def terminal_safe(text: str) -> str:
    """Text safe to print on a terminal: control characters (escape sequences included) and
    bidirectional overrides shown as escapes instead of acted on.

    >>> terminal_safe("a\x1b[2Jb")
    'a\\\\x1b[2Jb'
    """
    return UNSAFE_CHARS.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


def _quote_cell(ref: ClaimRef, limit: int = 400) -> str:
    quote = ref.quote if len(ref.quote) <= limit else ref.quote[: limit - 1] + "…"
    return f"“{md_escape(quote)}” ({md_escape(ref.source)}, line {ref.line})"


def _claim_row(outlets: dict[str, str | None], ref: ClaimRef) -> str:
    """A table row: the source, the value it gives, the evidence; every cell escaped."""
    return f"| {md_escape(_source_label(outlets, ref.source))} | {md_escape(ref.value)} | {_quote_cell(ref)} |"


def _source_label(outlets: dict[str, str | None], sid: str) -> str:
    outlet = outlets.get(sid)
    return f"{outlet} ({sid})" if outlet else sid


def _counts(report: Report, incident: str) -> tuple[int, int, int]:
    c = Counter(f.severity for f in report.discrepancies if f.incident == incident)
    agreed = sum(1 for a in report.corroborations if a.incident == incident)
    return c["contradiction"], c["divergence"], agreed


def _finding_md(n: int, f: Finding, outlets: dict[str, str | None]) -> list[str]:
    review = "not reviewed"
    if f.review is not None:
        review = f"**{f.review.status}** ({f.review.date.isoformat()})"
        if f.review.note:
            review += f": {md_escape(f.review.note)}"
    lines = [
        f"### {n}. {f.severity.capitalize()}: {md_escape(f.subject)}, {md_escape(f.attribute)}",
        "",
        f"{md_escape(f.explanation)}. Finding `{f.id}`, review: {review}.",
        "",
        "| Source | Says | Evidence |",
        "|---|---|---|",
    ]
    for ref in f.claims:
        lines.append(_claim_row(outlets, ref))
    lines.append("")
    return lines


def _corroboration_md(c: Corroboration, outlets: dict[str, str | None]) -> list[str]:
    lines = [
        f"### {md_escape(c.subject)}, {md_escape(c.attribute)}: {md_escape(c.value)}",
        "",
        f"Checked: {md_escape(c.resolution)}.",
        "",
        "| Source | Says | Evidence |",
        "|---|---|---|",
    ]
    for ref in c.claims:
        lines.append(_claim_row(outlets, ref))
    lines.append("")
    return lines


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def to_markdown(report: Report) -> str:
    """The report as Markdown: summary, discrepancies, corroborated facts, single-source claims."""
    contradictions = sum(1 for f in report.discrepancies if f.severity == "contradiction")
    divergences = len(report.discrepancies) - contradictions
    outlets = {s.id: s.outlet for s in report.sources}  # looked up for every evidence row
    out = [
        f"# factcheck report: {md_escape(report.folder)}",
        "",
        f"{_n(len(report.sources), 'source')} in {_n(len(report.incidents), 'incident')}: "
        f"{_n(contradictions, 'contradiction')}, {_n(divergences, 'divergence')}, "
        f"{_n(len(report.corroborations), 'corroborated fact')}. Claims of different incidents are never compared.",
        "",
        "## Sources",
        "",
    ]
    rows = [
        [
            md_escape(s.id),
            md_escape(s.outlet or "unknown"),
            s.published.isoformat() if s.published else "undated",
            s.incident,
            s.claims,
        ]
        for s in report.sources
    ]
    # Cells taken from sources are never read as numbers ("1e3" would become "1000.0").
    headers = ["Source", "Outlet", "Published", "Incident", "Claims"]
    out.append(tabulate(rows, headers=headers, tablefmt="github", disable_numparse=[0, 1]))
    out += ["", "## Incidents", ""]
    rows = []
    for inc in report.incidents:
        c, d, a = _counts(report, inc.id)
        rows.append([inc.id, md_escape(inc.label), len(inc.sources), c, d, a])
    headers = ["Incident", "About", "Sources", "Contradictions", "Divergences", "Corroborated"]
    out.append(tabulate(rows, headers=headers, tablefmt="github", disable_numparse=[1]))
    out += ["", "## Discrepancies", ""]
    if not report.discrepancies:
        out += ["No discrepancies found.", ""]
    for n, f in enumerate(report.discrepancies, 1):
        out += _finding_md(n, f, outlets)
    out += ["## Corroborated facts", ""]
    if not report.corroborations:
        out += ["No fact is stated by two sources in a way factcheck could match.", ""]
    for corroboration in report.corroborations:
        out += _corroboration_md(corroboration, outlets)
    if report.single_source:
        out += ["## Single-source claims worth checking", "", "| Source | Claim | Evidence |"]
        out += ["|---|---|---|"]
        for ref in report.single_source:
            out.append(_claim_row(outlets, ref))
        out.append("")
    if report.orphaned_reviews:
        out += ["## Orphaned review decisions", "", "Decisions whose finding no longer exists:", ""]
        for r in report.orphaned_reviews:
            out.append(
                f"- `{r.finding_id}` ({r.status}, {r.date.isoformat()}): {md_escape(r.subject)}, "
                f"{md_escape(r.attribute)}. {md_escape(r.note)}"
            )
        out.append("")
    if report.warnings:
        out += ["## Warnings", ""] + [f"- {md_escape(w)}" for w in report.warnings] + [""]
    return "\n".join(out).rstrip("\n") + "\n"


def to_json(report: Report) -> str:
    return report.model_dump_json(indent=2) + "\n"


def to_table(report: Report) -> str:
    """A short terminal summary: one row per finding."""
    if not report.discrepancies:
        return (
            f"{len(report.sources)} sources, {len(report.incidents)} incidents: no discrepancies, "
            f"{len(report.corroborations)} corroborated facts."
        )
    rows = []
    for f in report.discrepancies:
        values = " / ".join(f"{r.value} ({r.source})" for r in f.claims)
        status = f.review.status if f.review else "unreviewed"
        cells = [f.subject[:30], f.attribute[:30], values[:70]]
        rows.append([f.id, f.severity, *(terminal_safe(" ".join(c.split())) for c in cells), status])
    headers = ["Finding", "Severity", "Subject", "Attribute", "Values", "Review"]
    table = tabulate(rows, headers=headers, disable_numparse=[2, 3, 4])
    summary = f"{len(report.discrepancies)} discrepancies, {len(report.corroborations)} corroborated facts."
    return f"{table}\n{summary}"
