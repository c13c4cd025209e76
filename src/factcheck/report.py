"""Report → Markdown, JSON or a terminal table.

Everything taken from a source is escaped before it enters Markdown, so a hostile article cannot
break a table or inject markup, links or images into a rendered report.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter

from tabulate import tabulate

from factcheck.facts import join_words, plural, who
from factcheck.models import ClaimRef, Corroboration, Finding, Incident, Report, Timeline
from factcheck.safe import show_invisible, terminal_safe

__all__ = ["md_escape", "terminal_safe", "to_json", "to_markdown", "to_table"]

# Characters that are markup wherever they stand: a backslash, code, emphasis, HTML, a table's
# cell break, strikethrough.
ALWAYS = frozenset("\\`*<|~")
# Bidirectional embeddings, overrides and isolates can make the rest of a line read in another
# order than it is written ("Trojan Source"); other control characters have no place in a report.
UNSAFE_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# What GitHub turns into links by itself: a URL scheme or 'www.'. An escape there keeps the text
# as it is written but not clickable.
AUTOLINK = re.compile(r"(?i)(?:https?|ftp|mailto|xmpp)(:)|www(\.)")  # after any character: "_www.x" links
# An e-mail address is linked whatever is escaped in it; an empty comment after its '@' splits the
# text GitHub looks in, and renders as nothing.
AT_SIGN = "@<!---->"
# What would start a block at the beginning of a line or list item: a list ("1." "2)" "- " "+ "),
# a thematic break ("--"), a quote (">"), a setext heading underline ("="), a heading ("# "), a
# link reference definition or task box ("["); and a CI runner reads a line starting with "::"
# as a command. The group is the character to escape.
BLOCK_START = re.compile(r"\A(?:\d{1,9}([.)])(?=\s|\Z)|([-+])(?=[\s-]|\Z)|([>=\[])|(#)(?=[#\s]|\Z)|(:)(?=:))")
# A run of '#' closing a heading: at the end, after a space.
HEADING_END = re.compile(r"(?:\A|(?<=\s))(#)#*\Z")
# '&' that begins an entity ('&amp;', '&#38;'), or could where the text ends and other text follows.
ENTITY = re.compile(r"&(?=[A-Za-z0-9#]*(?:;|\Z))")


def _opens_no_link(text: str, i: int) -> bool:
    """Whether the '[' at i closes within the text, followed by a character that makes no link of
    it: not '(' (inline link), '[' (reference) or the end (what follows is unknown). Without a
    definition (and none can come from a source, see BLOCK_START) a bare '[x]' is text."""
    j = i + 1
    while j < len(text) and text[j] not in "[]":
        j += 1
    return j + 1 < len(text) and text[j] == "]" and text[j + 1] not in "(["


def _escape_positions(text: str, line_start: bool) -> set[int]:
    """Where a character would be read as markup in this text wherever it is placed."""
    at: set[int] = {i for i, c in enumerate(text) if c in ALWAYS}
    at |= {m.start(1) if m.group(1) else m.start(2) for m in AUTOLINK.finditer(text)}
    if line_start and (m := BLOCK_START.match(text)):
        at.add(next(m.start(g) for g in range(1, 6) if m.group(g)))
    if m := HEADING_END.search(text):
        at.add(m.start(1))
    i = 0
    while i < len(text):
        c = text[i]
        if c == "_":
            # A run of '_' between two letters or digits can neither open nor close emphasis.
            j = i
            while j < len(text) and text[j] == "_":
                j += 1
            if not (i > 0 and j < len(text) and text[i - 1].isalnum() and text[j].isalnum()):
                at.update(range(i, j))
            i = j
            continue
        if c == "[" and not _opens_no_link(text, i):
            at.add(i)
        if c == "!" and text[i + 1 : i + 2] == "[":
            at.add(i)
        i += 1
    return at


def md_escape(text: str, *, line_start: bool = True) -> str:
    """Text safe inside Markdown and a table cell: no markup, links, images, HTML, entities or line
    breaks, whatever the source says. It reads the same once rendered, and in the raw Markdown a
    character is escaped only where it would otherwise be markup (`(a)`, `x_y`, `-year` are not).
    `line_start=False` where the text never begins a line (inside a quote's marks).

    >>> md_escape("a | b <script> [x](y) (z) file_name.txt")
    'a \\\\| b \\\\<script> \\\\[x](y) (z) file_name.txt'
    >>> md_escape("1. see https://example.org & co")
    '1\\\\. see https\\\\://example.org & co'
    """
    text = re.sub(r"\s+", " ", text).strip()
    text = UNSAFE_CHARS.sub("\ufffd", text)
    at = _escape_positions(text, line_start)
    text = "".join("\\" + c if i in at else c for i, c in enumerate(text))
    text = ENTITY.sub("&amp;", text)
    return show_invisible(text.replace("@", AT_SIGN))


def _piece(text: str) -> str:
    """A piece of a quote, escaped, keeping one space where it starts or ends with one."""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() and text.strip() else ""
    return lead + md_escape(text, line_start=False) + trail


def _marked_quote(ref: ClaimRef, limit: int = 400) -> str:
    """The quote escaped, its value in bold, cut around the value when it is long."""
    quote, vs, ve = ref.quote, ref.value_start, ref.value_end
    if vs is None or ve is None or not (0 <= vs < ve <= len(quote)) or not quote[vs:ve].strip():
        cut = quote if len(quote) <= limit else quote[: limit - 1] + "…"
        return md_escape(cut, line_start=False)
    # The value as the report words it, where the extractor's span holds more ('Ravan Nasimi, 27').
    m = re.search(rf"(?<!\w){re.escape(ref.value)}(?!\w)", quote[vs:ve]) if ref.value else None
    if m is not None:
        vs, ve = vs + m.start(), vs + m.end()
    before, value, after = quote[:vs], quote[vs:ve], quote[ve:]
    if len(quote) > limit:
        room = max(40, (limit - len(value)) // 2)
        before = ("…" + before[-room:]) if len(before) > room else before
        after = (after[:room] + "…") if len(after) > room else after
    # Emphasis needs no space inside its markers: the value's own spaces go outside them.
    core = value.strip()
    lead, trail = value[: len(value) - len(value.lstrip())], value[len(value.rstrip()) :]
    return (_piece(before + lead) + f"**{md_escape(core, line_start=False)}**" + _piece(trail + after)).strip()


def _quote_cell(ref: ClaimRef, label: str) -> str:
    return f"“{_marked_quote(ref)}” ({md_escape(label)}, line {ref.line})"


def _source_label(outlets: dict[str, str | None], sid: str) -> str:
    outlet = outlets.get(sid)
    return outlet or sid


def _counts(report: Report, incident: str) -> tuple[int, int, int]:
    c = Counter(f.severity for f in report.discrepancies if f.incident == incident)
    agreed = sum(1 for a in report.corroborations if a.incident == incident)
    return c["contradiction"], c["divergence"], agreed


def _anchor(f: Finding) -> str:
    return f.id.lower()


def _review_words(f: Finding) -> str:
    if f.review is None:
        return "not reviewed"
    words = f"**{f.review.status}** ({f.review.date.isoformat()})"
    if f.review.finding_id != f.id:
        words += f", decided on `{f.review.finding_id}` before findings were grouped by fact"
    if f.review.note:
        words += f": {md_escape(f.review.note.rstrip('.'))}"
    if f.reopened:
        words += f"; **reopened**: {plural(len(f.reopened), 'value')} given since ({md_escape(', '.join(f.reopened))})"
    return words


def _is_about_person(f: Finding) -> bool:
    return not f.subject.lower().startswith("the ")


def _summary_order(f: Finding) -> tuple[int, int, str, str]:
    """Contradictions about people first, then other contradictions, then divergences."""
    return (0 if f.severity == "contradiction" else 1, 0 if _is_about_person(f) else 1, f.subject, f.attribute)


SUMMARY_LINES = 8  # a few lines a reader takes in at once; the rest are listed below


def _what_differs(report: Report) -> list[str]:
    if not report.discrepancies:
        return ["The sources do not disagree on any fact factcheck could compare.", ""]
    numbers = {f.id: n for n, f in enumerate(report.discrepancies, 1)}
    out = []
    ordered = sorted(report.discrepancies, key=_summary_order)
    for f in ordered[:SUMMARY_LINES]:
        status = "not reviewed" if f.review is None else ("reopened" if f.reopened else f.review.status)
        out.append(
            f"- **{f.severity.capitalize()}**, {md_escape(f.subject)}, {md_escape(f.attribute)}: "
            f"{md_escape(f.explanation)}. [#{numbers[f.id]}](#{_anchor(f)}), {status}."
        )
    if len(ordered) > SUMMARY_LINES:
        rest = ordered[SUMMARY_LINES:]
        c = sum(1 for f in rest if f.severity == "contradiction")
        out.append(
            f"- and {plural(len(rest), 'more finding')} ({plural(c, 'contradiction')}, "
            f"{plural(len(rest) - c, 'divergence')}): see Discrepancies below."
        )
    return [*out, ""]


def _cell(values: list[str], odd: bool) -> str:
    text = md_escape(" / ".join(values))
    return f"**{text}**" if odd and text else text or "–"


def _facts_table(report: Report, incident: str, outlets: dict[str, str | None]) -> list[str]:
    """Rows: facts; columns: the incident's sources; cells: the values, the odd ones in bold."""
    sources = next(i.sources for i in report.incidents if i.id == incident)
    rows: list[list[str]] = []
    for f in report.discrepancies:
        if f.incident != incident:
            continue
        cells = []
        for sid in sources:
            vals = [v for v in f.values if sid in v.sources]
            cells.append(_cell([v.value for v in vals], any(v.odd for v in vals)))
        rows.append([f"{md_escape(f.subject)}, {md_escape(f.attribute)}", *cells])
    for c in report.corroborations:
        if c.incident != incident or c.disputed_by:
            continue  # a disputed fact's values are in its finding's row
        have = {r.source for r in c.claims}
        rows.append(
            [f"{md_escape(c.subject)}, {md_escape(c.attribute)}"]
            + [md_escape(c.value) if sid in have else "–" for sid in sources]
        )
    if not rows:
        return []
    headers = ["Fact", *(md_escape(_source_label(outlets, sid)) for sid in sources)]
    lines = [f"| {' | '.join(headers)} |", "|" + "---|" * len(headers)]
    lines += [f"| {' | '.join(row)} |" for row in rows]
    return [*lines, ""]


MERMAID_SAFE = re.compile(r"[^\w .,'/()-]", re.UNICODE)


def mermaid_safe(text: str, limit: int = 60) -> str:
    """Text safe inside a Mermaid diagram: only letters, digits, spaces and . , ' / ( ) -, so a
    source cannot end the code block, start a directive or a new event, or inject markup.

    >>> mermaid_safe("VICE ```%%{init}%%: <b>x</b>")
    'VICE init b x /b'
    """
    text = MERMAID_SAFE.sub(" ", text.replace("_", " "))
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


EVENTS_A_DAY = 4


def timeline_mermaid(timeline: Timeline, label: str, outlets: dict[str, str | None]) -> list[str]:
    """The incident's dated events as a Mermaid timeline: one period per day, each event with the
    sources that date it so."""
    by_day: dict[str, dict[str, list[str]]] = {}
    for e in timeline.events:
        event = e.event.removeprefix("of the ").removeprefix("of ")
        day = f"{e.date.day} {e.date.strftime('%B %Y')}"
        names = by_day.setdefault(day, {}).setdefault(event, [])
        name = _source_label(outlets, e.source) + ("" if e.year_given else " without a year")
        if name not in names:
            names.append(name)
    lines = ["```mermaid", "timeline", f"    title {mermaid_safe(label)}"]
    for day, events in by_day.items():
        # A picture, not a list: the events most sources date to the day first, a few a day.
        ranked = sorted((kv for kv in events.items() if kv[0] != "published"), key=lambda kv: (-len(kv[1]), kv[0]))
        shown = ranked[:EVENTS_A_DAY] + [kv for kv in events.items() if kv[0] == "published"]
        parts = [f"{mermaid_safe(event)} ({mermaid_safe(', '.join(names), 80)})" for event, names in shown]
        if len(ranked) > EVENTS_A_DAY:
            parts.append(plural(len(ranked) - EVENTS_A_DAY, "more event"))
        lines.append(f"    {day} : " + " : ".join(parts))
    return [*lines, "```", ""]


def _finding_md(n: int, f: Finding, outlets: dict[str, str | None]) -> list[str]:
    lines = [
        f'<a id="{_anchor(f)}"></a>',
        f"### {n}. {f.severity.capitalize()}: {md_escape(f.subject)}, {md_escape(f.attribute)}",
        "",
        f"{md_escape(f.explanation)}. Finding `{f.id}`, review: {_review_words(f)}.",
        "",
        "| Source | Says | Speaker | Evidence |",
        "|---|---|---|---|",
    ]
    for v in f.values:
        for ref in v.claims:
            label = _source_label(outlets, ref.source)
            speaker = who(ref) or "–"
            lines.append(
                f"| {md_escape(label)} | {md_escape(v.value)} | {md_escape(speaker)} | {_quote_cell(ref, ref.source)} |"
            )
    if not f.values:  # a finding built without values (older JSON): its evidence as cited
        for ref in f.claims:
            label = _source_label(outlets, ref.source)
            lines.append(f"| {md_escape(label)} | {md_escape(ref.value)} | – | {_quote_cell(ref, ref.source)} |")
    lines.append("")
    return lines


def _corroboration_md(c: Corroboration, outlets: dict[str, str | None]) -> list[str]:
    lines = [
        f"### {md_escape(c.subject)}, {md_escape(c.attribute)}: {md_escape(c.value)}",
        "",
        f"{plural(c.independent_sources, 'independent source')}. Checked: {md_escape(c.resolution)}.",
    ]
    if c.disputed_by:
        lines[-1] += f" Also disputed: see finding `{c.disputed_by}`."
    lines += ["", "| Source | Says | Evidence |", "|---|---|---|"]
    for ref in c.claims:
        label = _source_label(outlets, ref.source)
        lines.append(f"| {md_escape(label)} | {md_escape(ref.value)} | {_quote_cell(ref, ref.source)} |")
    lines.append("")
    return lines


def _claims_table(refs: list[ClaimRef], outlets: dict[str, str | None]) -> list[str]:
    out = ["| Source | Claim | Evidence |", "|---|---|---|"]
    for ref in refs:
        label = _source_label(outlets, ref.source)
        out.append(f"| {md_escape(label)} | {md_escape(ref.value)} | {_quote_cell(ref, ref.source)} |")
    return [*out, ""]


def incident_md(inc: Incident, outlets: dict[str, str | None]) -> list[str]:
    """Why an incident's sources were grouped: its defining place, time and participants, what joined
    each source to the others, and what kept it apart from the closest other incident."""
    defining = [
        ("Where", ", ".join(inc.places)),
        ("When", inc.time or ""),
        ("Who", ", ".join(inc.participants)),
        ("What", inc.predicate or ""),
    ]
    out = [f"**{inc.id}**: {md_escape(inc.label)}", ""]
    out.append("; ".join(f"{k}: {md_escape(v)}" for k, v in defining if v) or "No place, time or participant found.")
    out.append("")
    if len(inc.sources) > 1:
        out += ["| Source | Joined by | Similarity |", "|---|---|---|"]
        for link in inc.links:
            why = "; ".join(link.shared) or "–"
            if link.decision:
                why = f"a person's decision ({link.decision}); {why}"
            source = md_escape(_source_label(outlets, link.source))
            out.append(f"| {source} | {md_escape(why)} | {link.similarity:.2f} |")
        out.append("")
    if inc.parts:
        times = "; ".join(", ".join(md_escape(_source_label(outlets, s)) for s in part) for part in inc.parts)
        out += [f"Its reports lie at {len(inc.parts)} times, each compared only with its own: {times}.", ""]
    if inc.apart_from:
        out += [f"Kept apart from {inc.apart_from}: {md_escape('; '.join(inc.apart_because))}.", ""]
    return out


def to_markdown(report: Report) -> str:
    """The report as Markdown: what differs, facts against sources, timelines, then the evidence."""
    contradictions = sum(1 for f in report.discrepancies if f.severity == "contradiction")
    divergences = len(report.discrepancies) - contradictions
    outlets = {s.id: s.outlet for s in report.sources}  # looked up for every evidence row
    labels = {i.id: i.label for i in report.incidents}
    out = [
        f"# factcheck report: {md_escape(report.folder)}",
        "",
        f"{plural(len(report.sources), 'source')} in {plural(len(report.incidents), 'incident')}: "
        f"{plural(contradictions, 'contradiction')}, {plural(divergences, 'divergence')}, "
        f"{plural(len(report.corroborations), 'corroborated fact')}. "
        "Claims of different incidents are never compared.",
        "",
        "## What differs",
        "",
        *_what_differs(report),
    ]
    tables = []
    for inc in report.incidents:
        table = _facts_table(report, inc.id, outlets)
        if table:
            tables += ([f"**{inc.id}**: {md_escape(inc.label)}", ""] if len(report.incidents) > 1 else []) + table
    if tables:
        out += ["## Facts by source", "", *tables]
        out += ["Bold: a value that differs from what most sources give (every value, when none leads); "
                "–: the source does not say.", ""]  # fmt: skip
    if report.timelines:
        out += ["## Timeline", ""]
        for t in report.timelines:
            out += timeline_mermaid(t, labels.get(t.incident, t.incident), outlets)
    out += ["## Discrepancies", ""]
    if not report.discrepancies:
        out += ["No discrepancies found.", ""]
    for n, f in enumerate(report.discrepancies, 1):
        out += _finding_md(n, f, outlets)
    out += ["## Corroborated facts", ""]
    if not report.corroborations:
        out += ["No fact is stated by two independent sources in a way factcheck could match.", ""]
    for corroboration in report.corroborations:
        out += _corroboration_md(corroboration, outlets)
    out += ["## Sources", ""]
    rows = [
        [
            md_escape(s.outlet or "unknown"),
            md_escape(s.id) + (f" (copy of {md_escape(s.copy_of)})" if s.copy_of else ""),
            s.published.isoformat() if s.published else "undated",
            s.incident,
            s.claims,
        ]
        for s in report.sources
    ]
    # Cells taken from sources are never read as numbers ("1e3" would become "1000.0").
    headers = ["Outlet", "File", "Published", "Incident", "Claims"]
    out.append(tabulate(rows, headers=headers, tablefmt="github", disable_numparse=[0, 1] if rows else True))
    for group in report.shared_copy:
        names = join_words([md_escape(sid) for sid in group.sources])
        out += ["", f"Shared copy: {names} print the same passages ({plural(group.sentences, 'sentence')} "
                f"aligned, {group.identical} word for word); they count as one account."]  # fmt: skip
    out += ["", "## Incidents", ""]
    rows = []
    for inc in report.incidents:
        c, d, a = _counts(report, inc.id)
        rows.append([inc.id, md_escape(inc.label), len(inc.sources), c, d, a])
    headers = ["Incident", "About", "Sources", "Contradictions", "Divergences", "Corroborated"]
    out.append(tabulate(rows, headers=headers, tablefmt="github", disable_numparse=[1] if rows else True))
    out.append("")
    for inc in report.incidents:
        out += incident_md(inc, outlets)
    if report.single_source:
        out += ["## Single-source claims worth checking", "", *_claims_table(report.single_source, outlets)]
    if report.background:
        out += ["## Background: other times, one source", "", *_claims_table(report.background, outlets)]
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


def _fit(text: str, width: int) -> str:
    text = terminal_safe(" ".join(text.split()))
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def to_table(report: Report, width: int | None = None) -> str:
    """A terminal summary, one row per fact, fitted to the terminal's width (cut with '…')."""
    counts = (
        f"{plural(len(report.sources), 'source')}, {plural(len(report.incidents), 'incident')}: "
        f"{plural(len(report.discrepancies), 'discrepancy')}, "
        f"{plural(len(report.corroborations), 'corroborated fact')}."
    )
    if not report.discrepancies:
        return counts
    width = width or shutil.get_terminal_size((100, 24)).columns
    outlets = {s.id: s.outlet for s in report.sources}
    rows = []
    for f in report.discrepancies:
        values = "; ".join(
            f"{v.value} ({', '.join(_source_label(outlets, s) for s in v.sources)})" for v in f.values
        ) or " / ".join(f"{r.value} ({_source_label(outlets, r.source)})" for r in f.claims)
        status = "reopened" if f.reopened else f.review.status if f.review else "unreviewed"
        severity = f.severity if width >= 90 else f.severity[:6] + "."  # a narrow terminal: 'contra.'
        rows.append([f.id, severity, f"{f.subject}, {f.attribute}", values, status])
    # Fixed columns keep their width; the fact and the values share what the terminal has left.
    room = max(20, width - sum(max(len(str(r[i])) for r in rows) + 2 for i in (0, 1, 4)) - 8)
    fact_w = min(max(len(r[2]) for r in rows), max(10, room * 2 // 5))
    values_w = max(10, room - fact_w)
    headers = ["Finding", "Severity", "Fact", "Values", "Review"]
    for _ in range(3):  # tabulate pads headers: shrink by what is still over, values first
        cells = [[r[0], r[1], _fit(r[2], fact_w), _fit(r[3], values_w), r[4]] for r in rows]
        table = tabulate(cells, headers=headers, disable_numparse=True)
        over = max(len(line) for line in table.splitlines()) - width
        if over <= 0:
            break
        cut = min(over, values_w - 10)
        values_w -= cut
        fact_w = max(10, fact_w - (over - cut))
    return f"{table}\n{counts}"
