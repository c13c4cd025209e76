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


def md_escape(text: str) -> str:
    """Text safe inside Markdown and a table cell: no markup, links, HTML or line breaks.

    >>> md_escape("a | b <script> [x](y)")
    'a \\\\| b \\\\<script\\\\> \\\\[x\\\\]\\\\(y\\\\)'
    """
    text = re.sub(r"\s+", " ", text).strip()
    text = MD_SPECIAL.sub(r"\\\1", text)
    # '&' would start an HTML entity; a line starting with a digit and dot, a list.
    return text.replace("&", "&amp;")


def _quote_cell(ref: ClaimRef, limit: int = 400) -> str:
    quote = ref.quote if len(ref.quote) <= limit else ref.quote[: limit - 1] + "…"
    return f"“{md_escape(quote)}” ({md_escape(ref.source)}, line {ref.line})"


def _source_label(report: Report, sid: str) -> str:
    summary = next((s for s in report.sources if s.id == sid), None)
    if summary and summary.outlet:
        return f"{summary.outlet} ({sid})"
    return sid


def _counts(report: Report, incident: str) -> tuple[int, int, int]:
    c = Counter(f.severity for f in report.discrepancies if f.incident == incident)
    agreed = sum(1 for a in report.corroborations if a.incident == incident)
    return c["contradiction"], c["divergence"], agreed


def _finding_md(n: int, f: Finding, report: Report) -> list[str]:
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
        lines.append(f"| {md_escape(_source_label(report, ref.source))} | {md_escape(ref.value)} | {_quote_cell(ref)} |")
    lines.append("")
    return lines


def _corroboration_md(c: Corroboration, report: Report) -> list[str]:
    lines = [
        f"### {md_escape(c.subject)}, {md_escape(c.attribute)}: {md_escape(c.value)}",
        "",
        f"Checked: {md_escape(c.resolution)}.",
        "",
        "| Source | Says | Evidence |",
        "|---|---|---|",
    ]
    for ref in c.claims:
        lines.append(f"| {md_escape(_source_label(report, ref.source))} | {md_escape(ref.value)} | {_quote_cell(ref)} |")
    lines.append("")
    return lines


def to_markdown(report: Report) -> str:
    """The report as Markdown: summary, discrepancies, corroborated facts, single-source claims."""
    contradictions = sum(1 for f in report.discrepancies if f.severity == "contradiction")
    divergences = len(report.discrepancies) - contradictions
    out = [
        f"# factcheck report: {md_escape(report.folder)}",
        "",
        f"{len(report.sources)} sources in {len(report.incidents)} incidents: "
        f"{contradictions} contradictions, {divergences} divergences, "
        f"{len(report.corroborations)} corroborated facts. Claims of different incidents are never compared.",
        "",
        "## Sources",
        "",
    ]
    rows = [
        [md_escape(s.id), md_escape(s.outlet or "unknown"), s.published.isoformat() if s.published else "undated",
         s.incident, s.claims]
        for s in report.sources
    ]  # fmt: skip
    out.append(tabulate(rows, headers=["Source", "Outlet", "Published", "Incident", "Claims"], tablefmt="github"))
    out += ["", "## Incidents", ""]
    rows = []
    for inc in report.incidents:
        c, d, a = _counts(report, inc.id)
        rows.append([inc.id, md_escape(inc.label), len(inc.sources), c, d, a])
    out.append(
        tabulate(rows, headers=["Incident", "About", "Sources", "Contradictions", "Divergences", "Corroborated"],
                 tablefmt="github")  # fmt: skip
    )
    out += ["", "## Discrepancies", ""]
    if not report.discrepancies:
        out += ["No discrepancies found.", ""]
    for n, f in enumerate(report.discrepancies, 1):
        out += _finding_md(n, f, report)
    out += ["## Corroborated facts", ""]
    if not report.corroborations:
        out += ["No fact is stated by two sources in a way factcheck could match.", ""]
    for c in report.corroborations:
        out += _corroboration_md(c, report)
    if report.single_source:
        out += ["## Single-source claims worth checking", "", "| Source | Claim | Evidence |", "|---|---|---|"]
        for ref in report.single_source:
            out.append(f"| {md_escape(_source_label(report, ref.source))} | {md_escape(ref.value)} | {_quote_cell(ref)} |")
        out.append("")
    if report.orphaned_reviews:
        out += ["## Orphaned review decisions", "", "Decisions whose finding no longer exists:", ""]
        for r in report.orphaned_reviews:
            out.append(f"- `{r.finding_id}` ({r.status}, {r.date.isoformat()}): {md_escape(r.subject)}, "
                       f"{md_escape(r.attribute)}. {md_escape(r.note)}")  # fmt: skip
        out.append("")
    if report.warnings:
        out += ["## Warnings", ""] + [f"- {md_escape(w)}" for w in report.warnings] + [""]
    return "\n".join(out).rstrip("\n") + "\n"


def to_json(report: Report) -> str:
    return report.model_dump_json(indent=2) + "\n"


def to_table(report: Report) -> str:
    """A short terminal summary: one row per finding."""
    if not report.discrepancies:
        return f"{len(report.sources)} sources, {len(report.incidents)} incidents: no discrepancies, " \
               f"{len(report.corroborations)} corroborated facts."  # fmt: skip
    rows = []
    for f in report.discrepancies:
        values = " / ".join(f"{r.value} ({r.source})" for r in f.claims)
        status = f.review.status if f.review else "unreviewed"
        rows.append([f.id, f.severity, f.subject[:30], f.attribute[:30], values[:70], status])
    table = tabulate(rows, headers=["Finding", "Severity", "Subject", "Attribute", "Values", "Review"])
    return table + f"\n{len(report.discrepancies)} discrepancies, {len(report.corroborations)} corroborated facts."
