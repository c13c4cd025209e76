"""Hostile input (issue 13): no hang, no forged CI output, no claim the source does not say, JSON
inputs with bounds, Markdown that links nothing, work kept across a kill. Every text and file name
here is written for the test."""

from __future__ import annotations

import json
import re
from pathlib import Path

import cmarkgfm
import pytest
from click.testing import CliRunner, Result
from cmarkgfm.cmark import Options

from factcheck.cli import main
from factcheck.models import stable_id
from factcheck.report import md_escape, terminal_safe

STORY_A = "Flood in Marlow Bay\n\nThe mayor, Ellen Sorby, 54, said on Monday that police detained 25 people.\n"
STORY_B = "Marlow Bay flood\n\nThe mayor, Ellen Sorby, 56, said on Monday that police detained 25 people.\n"

# File names a hostile contributor could commit: line breaks followed by workflow commands.
HOSTILE_NAMES = [
    "x\n::error file=README.md,line=1::forged.txt",
    "y\r::warning ::forged too.txt",
    "::error ::at the start.txt",
    "z\r\n::notice ::crlf\u2028sep\x1b[31m.txt",
    "w\x85::error ::next line.txt",
]
# factcheck's own annotations: a level, file= and (after the escaped properties) its own title.
OWN_ANNOTATION = re.compile(r"::(?:error|warning|notice) file=[^:,]*(?:,line=\d+)?,title=factcheck[^:]*::")


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def forged_lines(*outputs: str) -> list[str]:
    """Lines a CI runner would read as workflow commands that factcheck did not write."""
    return [
        line
        for out in outputs
        for line in re.split(r"\r\n|\r|\n", out)
        if line.startswith("::") and not OWN_ANNOTATION.match(line)
    ]


def hostile_named_folder(folder: Path) -> None:
    folder.mkdir()
    (folder / HOSTILE_NAMES[0]).write_text(STORY_A, encoding="utf-8")
    (folder / HOSTILE_NAMES[1]).write_text(STORY_B, encoding="utf-8")
    for name in HOSTILE_NAMES[2:]:
        (folder / name).write_text(STORY_B.replace("56", "57"), encoding="utf-8")
    (folder / "bad\n::error ::empty.txt").write_text("   \n", encoding="utf-8")  # a warning names it


def test_hostile_file_names_forge_no_workflow_command_in_any_command_or_format(workdir: Path) -> None:
    hostile_named_folder(workdir / "src")
    outputs: list[str] = []

    def invoke(*args: str) -> Result:
        result = run(*args)
        assert result.exit_code in (0, 1, 2), (args, result.output)
        outputs.extend([result.stdout, result.stderr])
        return result

    for fmt in ("table", "markdown", "json", "sarif"):
        invoke("compare", "src", "-j", "1", "--format", fmt)
    for fmt in ("text", "github", "json", "sarif"):
        invoke("check", "src", "-j", "1", "--format", fmt)
    listed = invoke("claim", "list", "src")
    invoke("claim", "list", "src", HOSTILE_NAMES[0])
    report = json.loads(invoke("compare", "src", "-j", "1", "--format", "json").stdout)
    finding = report["discrepancies"][0]
    claim_id = finding["claims"][0]["claim_id"]
    invoke("review", "src", finding["id"], "--status", "confirmed", "--note", "checked\n::error ::in a note")
    invoke("claim", "correct", "src", claim_id, "--set", "value=55", "--note", "n\n::error ::note")
    invoke("claim", "reject", "src", finding["claims"][1]["claim_id"], "--note", "wrong\r::error ::x")
    invoke("claim", "add", "src", HOSTILE_NAMES[0], "--kind", "age", "--subject", "Ellen Sorby",
           "--quote", "Ellen Sorby, 54", "--note", "missed")  # fmt: skip
    invoke("claim", "list", "src", "no\n::error ::such file.txt")  # an error naming a file
    for fmt in ("text", "github", "json", "sarif"):
        invoke("check", "src", "-j", "1", "--format", fmt)
    assert "Ellen Sorby" in listed.stdout  # the commands did run over these files
    assert any(OWN_ANNOTATION.match(line) for out in outputs for line in out.splitlines())
    assert forged_lines(*outputs) == []
    # And the names are still there to read, escaped.
    assert any("x\\n::error file=README.md" in out for out in outputs)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a\nb", "a\\nb"),
        ("a\rb", "a\\rb"),
        ("tab\there", "tab\\there"),
        ("esc\x1b[2J", "esc\\x1b[2J"),
        ("c1 \x85 \x9b", "c1 \\x85 \\x9b"),
        ("line\u2028sep", "line\\u2028sep"),
        ("zero\u200bwidth\ufeff", "zero\\u200bwidth\\ufeff"),
        ("bidi \u202eevil", "bidi \\u202eevil"),
        ("plain Sorby, 54 — «ok»", "plain Sorby, 54 — «ok»"),
    ],
)
def test_terminal_safe_escapes_every_control_and_line_break(text: str, escaped: str) -> None:
    assert terminal_safe(text) == escaped


def render(markdown: str) -> str:
    return cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)


@pytest.mark.parametrize(
    "text",
    [
        "write to tips@example.org today",
        "mailto:tips@example.org",
        "xmpp:newsroom@example.org/desk",
        "MAILTO:Tips@Example.ORG and a.b-c+d@sub.example.co.uk",
        "<tips@example.org>",
        "tips@www.example.org",
    ],
)
def test_email_and_mailto_xmpp_autolinks_are_neutralised(text: str) -> None:
    rendered = render(f"| a |\n|---|\n| {md_escape(text)} |\n")
    assert "<a " not in rendered
    shown = re.sub(r"<!---->", "", re.findall(r"<td>(.*?)</td>", rendered, re.DOTALL)[0])
    assert shown.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") == text


def test_zero_width_characters_are_shown_as_escapes() -> None:
    rendered = render(md_escape("Sor\u200bby, 5\u200d4, \u2060\ufeffx"))
    for escape in ("\\u200b", "\\u200d", "\\u2060", "\\ufeff"):
        assert escape in rendered
    assert not re.search("[\u200b-\u200f\u2060-\u2064\ufeff]", rendered)


def test_stable_id_of_a_lone_surrogate() -> None:
    assert stable_id("c-", "a\ud800b") != stable_id("c-", "a\ud801b")
    assert stable_id("c-", "plain") == stable_id("c-", "plain")
    assert stable_id("c-", "a\ud800b").startswith("c-")
