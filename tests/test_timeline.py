"""The timeline picture: dated events per incident as a Mermaid diagram, safe whatever the sources
say, and rendered by mermaid in a real browser (skipped, with the reason, where Chromium or the
mermaid package is not installed)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from extract_helpers import write_folder
from factcheck.models import Report
from factcheck.pipeline import compare_folder
from factcheck.report import mermaid_safe, to_markdown

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "build" / "test-artifacts"  # ignored by git: screenshots a person can look at
SAFE_TEXT = r"[\w .,'/()-]*"
# Every line the report writes into a diagram: the header, a title, or a day and its events.
DIAGRAM_LINE = re.compile(rf"timeline|    title {SAFE_TEXT}|    \d{{1,2}} \w+ \d{{4}} : {SAFE_TEXT}(?: : {SAFE_TEXT})*")

HOSTILE = [
    "```\n<script>alert(1)</script>",
    "%%{init: {'securityLevel': 'loose'}}%%",
    "a : b : c",
    "x\n    2024-01-01 : forged event",
    "click A call alert() ; #35; &lt;b&gt;",
    "<img src=x onerror=alert(1)>",
    "[link](javascript:alert(1))",
    "\u202eevil\u202c \x1b[31mred",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_mermaid_safe_leaves_no_syntax_a_source_could_use(text: str) -> None:
    safe = mermaid_safe(text)
    assert re.fullmatch(SAFE_TEXT, safe), safe
    assert "\n" not in safe
    assert ":" not in safe
    assert "%" not in safe


@pytest.mark.parametrize(
    ("text", "expected"),
    [("OC Media", "OC Media"), ("posted or shared", "posted or shared"), ("O'Brien (Reuters)", "O'Brien (Reuters)"),
     ("a" * 80, "a" * 57 + "...")],
)  # fmt: skip
def test_mermaid_safe_keeps_plain_text(text: str, expected: str) -> None:
    assert mermaid_safe(text) == expected


def story(day: str) -> str:
    return (
        "Reporter detained in Valmora\n\n17 March 2021\n\n"
        f"Marta Kowalska was detained on {day} outside the town hall, her lawyer said.\n\n"
        "Kowalska said the police had pushed the crowd back from the steps.\n"
    )


def compare(tmp_path: Path, articles: dict[str, str], yaml_text: str | None = None) -> Report:
    folder = write_folder(tmp_path / "sources", articles)
    if yaml_text is not None:
        (folder / "sources.yaml").write_text(yaml_text, encoding="utf-8")
    report, _ = compare_folder(folder, tmp_path / "claims", write_claims=False)
    return report


def diagrams(markdown: str) -> list[list[str]]:
    return [block.splitlines() for block in re.findall(r"```mermaid\n(.*?)```", markdown, re.DOTALL)]


def test_the_timeline_shows_each_sources_day_for_an_event(tmp_path: Path) -> None:
    report = compare(tmp_path, {"a.txt": story("12 March 2021"), "b.txt": story("13 March 2021")},
                     "a.txt: {outlet: Courier One}\nb.txt: {outlet: Courier Two}\n")  # fmt: skip
    (timeline,) = report.timelines
    days = {(e.date.isoformat(), e.source) for e in timeline.events if e.event != "published"}
    assert ("2021-03-12", "a.txt") in days
    assert ("2021-03-13", "b.txt") in days
    (diagram,) = diagrams(to_markdown(report))
    assert diagram[0] == "timeline"
    assert any(line.startswith("    12 March 2021 : ") and "(Courier One)" in line for line in diagram)
    assert any(line.startswith("    13 March 2021 : ") and "(Courier Two)" in line for line in diagram)
    assert any(line.startswith("    17 March 2021 : published (Courier One, Courier Two)") for line in diagram)


HOSTILE_YAML = (
    "a.txt: {outlet: \"```\\n%%{init: {'securityLevel': 'loose'}}%%\\n    2020-01-01 : forged\"}\n"
    "'b ` %% : # ; <b>.txt': {outlet: \"<img src=x onerror=alert(1)> : click A call alert()\"}\n"
)


def hostile_report(tmp_path: Path) -> str:
    report = compare(tmp_path, {"a.txt": story("12 March 2021"), "b ` %% : # ; <b>.txt": story("13 March 2021")},
                     HOSTILE_YAML)  # fmt: skip
    assert report.timelines
    return to_markdown(report)


def test_hostile_outlets_and_file_names_cannot_change_the_diagram(tmp_path: Path) -> None:
    markdown = hostile_report(tmp_path)
    (diagram,) = diagrams(markdown)
    for line in diagram:
        assert DIAGRAM_LINE.fullmatch(line), line
    assert not any("forged" in line and line.startswith("    2020") for line in diagram)
    assert markdown.count("```") == 2  # the diagram's fence and nothing a source wrote


def load_script() -> object:
    spec = importlib.util.spec_from_file_location("screenshot_report", ROOT / "scripts" / "screenshot_report.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


script = load_script()
MERMAID = script.mermaid_js()  # type: ignore[attr-defined]
needs_browser = pytest.mark.skipif(
    script.chromium() is None or MERMAID is None,  # type: ignore[attr-defined]
    reason="needs chromium (apt-get install chromium) and mermaid (npm install --prefix build/mermaid mermaid)",
)


@needs_browser
def test_the_diagram_renders_in_a_browser_and_hostile_text_stays_text(tmp_path: Path) -> None:
    dom = script.rendered_dom(hostile_report(tmp_path / "run"), MERMAID, tmp_path)  # type: ignore[attr-defined]
    assert 'data-rendered="yes"' in dom, dom[-2000:]
    svg = re.search(r'<pre class="mermaid"[^>]*>(.*?)</pre>', dom, re.DOTALL)
    assert svg is not None
    assert "<svg" in svg.group(1)
    assert "Syntax error" not in dom
    for tag in ("<script", "<img", "<foreignobject><a", "javascript:"):
        assert tag not in svg.group(1).lower()


@needs_browser
def test_a_screenshot_of_the_seeds_report(tmp_path: Path) -> None:
    """The artefact a person looks at: build/test-artifacts/seeds.png (summary and timeline on top)."""
    from factcheck.pipeline import compare_folder as run

    report, _ = run(ROOT / "seeds", tmp_path / "claims", write_claims=False)
    markdown = to_markdown(report)
    assert markdown.index("## What differs") < markdown.index("## Timeline") < markdown.index("## Discrepancies")
    png = ARTIFACTS / "seeds.png"
    png.unlink(missing_ok=True)
    script.screenshot(markdown, MERMAID, png)  # type: ignore[attr-defined]
    assert png.stat().st_size > 10_000
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_busy_day_shows_the_events_most_sources_date_and_counts_the_rest() -> None:
    import datetime as dt

    from factcheck.models import Timeline, TimelineEvent
    from factcheck.report import timeline_mermaid

    day = dt.date(2021, 3, 12)
    events = [
        TimelineEvent(date=day, event=f"event {n}", subject="", source="a.txt", claim_id=f"c{n}") for n in range(6)
    ]
    events += [TimelineEvent(date=day, event="event 5", subject="", source="b.txt", claim_id="c9"),
               TimelineEvent(date=day, event="published", subject="", source="b.txt", claim_id="")]  # fmt: skip
    lines = timeline_mermaid(Timeline(incident="I-1", events=events), "A story", {"a.txt": "One", "b.txt": "Two"})
    (line,) = [x for x in lines if x.startswith("    12 March 2021")]
    assert line == (
        "    12 March 2021 : event 5 (One, Two) : event 0 (One) : event 1 (One) : event 2 (One) : published (Two)"
        " : 2 more events"
    )


def test_a_day_without_its_year_takes_the_incidents_year_and_says_so(tmp_path: Path) -> None:
    undated = (
        "Reporter detained in Valmora\n\n"
        "Marta Kowalska was detained on March 12 outside the town hall, her lawyer said.\n\n"
        "Kowalska said the police had pushed the crowd back from the steps.\n"
    )
    report = compare(tmp_path, {"a.txt": story("12 March 2021"), "b.txt": undated},
                     "a.txt: {outlet: Courier One}\nb.txt: {outlet: Courier Two}\n")  # fmt: skip
    (diagram,) = diagrams(to_markdown(report))
    (day,) = [line for line in diagram if line.startswith("    12 March 2021 : ")]
    assert "Courier One" in day
    assert "Courier Two without a year" in day


@pytest.mark.parametrize(
    ("sentence", "drawn"),
    [
        ("Police detained the activist on 12 March 2021.", True),  # a listed event
        ("The company fired the engineer on 12 March 2021.", True),  # an open event with a class
        ("The workers painted the fence on 12 March 2021.", False),  # a day given to any verb
        ("She sent the letter on 12 March 2021.", False),
    ],
)
def test_the_timeline_draws_events_of_the_story_not_every_dated_verb(
    tmp_path: Path, sentence: str, drawn: bool
) -> None:
    text = f"A headline about the case\n\n{sentence} The case drew wide attention in the capital.\n"
    report = compare(tmp_path, {"a.txt": text, "b.txt": text.replace("wide", "broad")}, "")
    days = {e.date.isoformat() for t in report.timelines for e in t.events if e.event != "published"}
    assert ("2021-03-12" in days) is drawn
