"""Hostile input (issue 13): no hang, no forged CI output, no claim the source does not say, JSON
inputs with bounds, Markdown that links nothing, work kept across a kill. Every text and file name
here is written for the test."""

from __future__ import annotations

import codecs
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cmarkgfm
import pytest
from click.testing import CliRunner, Result
from cmarkgfm.cmark import Options
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import pipeline, store
from factcheck.cli import main
from factcheck.extract import dates, extract_claims, quantities, status
from factcheck.extract.entities import DocEntities
from factcheck.ingest import document_from_text
from factcheck.models import ClaimsFile, Document, Person, Relative, stable_id
from factcheck.report import md_escape, terminal_safe
from factcheck.text.prefilter import may_match

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


REVERSAL_PIECES = ["but", "then", "later", "however", " ", ", ", "x", "he ", "changed his mind", "reversed",
                   "rehired", "was fired", "not", "butter", "thenceforth", "a" * 30, "\n", "rehiredx"]  # fmt: skip
SENTENCED_PIECES = ["sentenced", " to ", "five years", "3 months", " him ", "was ", "x", "a" * 20, ", ", "Sentenced"]
EVENT_PIECES = ["detained", "arrest", "killed", "quake", "deal", "dealer", "set", " free", "found", " dead", "posted",
                " ", ",", "x", "court", " ruled", "letters to", "aftershocks"]  # fmt: skip


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def write(folder: Path, name: str, data: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8"))
    return path


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


# --- 1. linear time: the fast look-ups answer what the scans did, and a budget per source ------


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(REVERSAL_PIECES), max_size=25).map("".join), st.integers(0, 400))
def test_reversal_look_up_answers_what_searching_the_rest_did(s: str, end: int) -> None:
    end = min(end, len(s))
    assert status._reversed_after(s, end, status._last_reversal(s)) == bool(status.REVERSAL.search(s[end:]))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SENTENCED_PIECES), max_size=20).map("".join))
def test_sentence_length_look_up_answers_what_the_search_did(s: str) -> None:
    for m in re.finditer("sentenced", s, re.IGNORECASE):
        old = status.SENTENCE_LENGTH.search(s, m.start())
        expected = old.group("len") if old and old.start() - m.end() < 40 else None
        assert status._sentence_length(s, m.start(), m.end()) == expected


MENTIONS = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 8), st.sampled_from(list(range(4))), st.just("name")),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(MENTIONS, MENTIONS, st.integers(0, 70), st.integers(0, 70))
def test_mention_look_ups_answer_what_scanning_every_mention_did(
    first: list[tuple[int, int, int, str]], later: list[tuple[int, int, int, str]], lo: int, hi: int
) -> None:
    doc = DocEntities(source="s")
    keys = [
        Person(name="a"),
        Person(name="b"),
        Relative(role="c", of=Person(name="a")),
        Relative(role="d", of=Person(name="b")),
    ]
    for key in keys:
        doc.ensure(key, key.key())
    for start, length, which, kind in first:
        doc.add_mention(keys[which], start, start + length, "x", kind)
    doc.sort_mentions()
    for start, length, which, kind in later:  # added after the sort, as roles are
        doc.add_mention(keys[which], start, start + length, "x", kind)
    rows = doc.mentions
    people = [m for m in rows if isinstance(m[2], Person)]
    assert sorted(doc.starting(lo, hi)) == sorted(m for m in rows if lo <= m[0] < hi)
    assert doc.last_person(lo, hi) == max((m for m in people if lo <= m[0] < hi), default=None)
    assert doc.first_person(lo, hi) == min((m for m in people if lo <= m[0] < hi), default=None)
    doc.sort_mentions()
    assert doc.starting(lo, hi) == [m for m in rows if lo <= m[0] < hi]  # in list order once sorted


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(EVENT_PIECES), max_size=20).map("".join), st.integers(0, 200), st.integers(0, 200))
def test_an_event_pattern_absent_from_the_sentence_matches_in_no_window(s: str, lo: int, hi: int) -> None:
    for pattern in [p for *_, p in dates._date_events()] + list(quantities.EVENTS.values()):
        if next(pattern.finditer(s, lo, hi), None) is not None:
            assert may_match(pattern, s), pattern.pattern


RAN_TO_ITS_END = Path("slow-extraction-ran-to-its-end")  # in the test's working folder


def slow_extract(document: Document) -> ClaimsFile:
    if "Slowtown" in document.text:
        # A source that would hold the run up: the budget stops it in its sleep, so the mark is
        # never written, however busy the machine (a timer that never fires, or a run that waits
        # for the sleep anyway, leaves it).
        time.sleep(30)
        RAN_TO_ITS_END.touch()
    return extract_claims(document)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_source_past_its_time_limit_is_skipped_with_a_warning_naming_it(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    monkeypatch.setattr(pipeline, "extract_claims", slow_extract)
    for name, text in (("a.txt", STORY_A), ("b.txt", STORY_B), ("slow.txt", "Slowtown\n\n" + STORY_B)):
        write(workdir / "src", name, text)
    # Lexicons load on a process's first extraction (0.7 s in a fresh one), inside the source's
    # timer: loaded here first, the forked workers inherit them, and the normal sources take a few
    # hundredths of a second; the limit is a wall clock, so it leaves room for a busy machine.
    extract_claims(document_from_text("a.txt", STORY_A, sha256="", encoding="utf-8", fmt="text"))
    result = run("compare", "src", "-j", jobs, "--source-timeout", "10", "--format", "json")
    assert not RAN_TO_ITS_END.exists()  # stopped ten seconds into its thirty
    assert result.exit_code == 1  # the other two are compared
    assert [s["id"] for s in json.loads(result.stdout)["sources"]] == ["a.txt", "b.txt"]
    assert re.search(r"warning: src/slow\.txt: extraction stopped after 10 s.*--source-timeout.*skipped", result.stderr)
    assert not (workdir / "claims" / "slow.txt.json").exists()


# --- 3. a claims file whose evidence is not the source's text is not used ---------------------


def edited(path: Path, change: Callable[[dict[str, Any]], None]) -> bytes:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path.read_bytes()


def put_words_in_its_mouth(data: dict[str, Any]) -> None:
    claim = next(c for c in data["claims"] if c["kind"] == "age")
    claim["quote"] = claim["quote"].replace("54", "99")
    claim["value"] = 99


def far_away(data: dict[str, Any]) -> None:
    claim = data["claims"][0]
    claim["start"] += 10_000_000
    claim["end"] += 10_000_000
    claim["value_start"] += 10_000_000
    claim["value_end"] += 10_000_000


@pytest.mark.parametrize("change", [put_words_in_its_mouth, far_away])
def test_a_hand_edited_claims_file_that_misquotes_is_set_aside_and_the_source_extracted_again(
    workdir: Path, change: Callable[[dict[str, Any]], None]
) -> None:
    write(workdir / "src", "a.txt", STORY_A)
    write(workdir / "src", "b.txt", STORY_B)
    assert run("compare", "src", "-j", "1").exit_code == 1
    path = workdir / "claims" / "a.txt.json"
    original = path.read_bytes()
    edit = edited(path, change)
    # check reads only: the file is not current, and stays where it is.
    checked = run("check", "src", "-j", "1")
    assert checked.exit_code == 1
    assert "does not match the source" in checked.stdout
    assert path.read_bytes() == edit
    result = run("compare", "src", "-j", "1", "--format", "json")
    assert result.exit_code == 1
    aside = workdir / "claims" / "a.txt.json.hand-edited"
    assert aside.read_bytes() == edit  # kept, under a name that says so
    assert path.read_bytes() == original  # extracted again
    assert "99" not in json.dumps(json.loads(result.stdout)["discrepancies"])
    assert re.search(
        r"warning: claims/a\.txt\.json: claim .*not used.*a\.txt\.json\.hand-edited.*factcheck claim", result.stderr
    )
    # A second bad edit never overwrites the first one kept.
    edited(path, change)
    run("compare", "src", "-j", "1")
    assert aside.read_bytes() == edit
    assert (workdir / "claims" / "a.txt.json.hand-edited-2").exists()


def test_evidence_problem_names_what_does_not_match() -> None:
    cf = extract_claims(document_from_text("a.txt", STORY_A, sha256="", encoding="utf-8", fmt="text"))
    assert store.evidence_problem(cf, STORY_A) is None
    assert "outside the source's text" in (store.evidence_problem(cf, STORY_A[:20]) or "")
    assert "not the source's text" in (store.evidence_problem(cf, STORY_A.replace("54", "99")) or "")


# --- 4. JSON inputs with bounds ---------------------------------------------------------------

HOSTILE_JSON = {
    "deep nesting": "[" * 100_000 + "]" * 100_000,
    "a 5,000-digit number": '{"schema_version": ' + "9" * 5000 + "}",
    "deep nesting in an object": '{"decisions": ' + '{"a": ' * 50_000 + "1" + "}" * 50_001,
}


@pytest.mark.parametrize("problem", list(HOSTILE_JSON))
@pytest.mark.parametrize(
    "command",
    [["compare", "src", "-j", "1"], ["check", "src", "-j", "1"], ["claim", "list", "src"],
     ["review", "src", "F-0000000000", "--status", "confirmed", "--note", "x"]],
)  # fmt: skip
def test_a_hostile_reviews_file_is_exit_2_naming_the_file_and_untouched(
    workdir: Path, problem: str, command: list[str]
) -> None:
    write(workdir / "src", "a.txt", STORY_A)
    path = write(workdir / "reviews", "src.json", HOSTILE_JSON[problem])
    before = path.read_bytes()
    result = run(*command)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "reviews/src.json" in result.stderr
    assert "Traceback" not in result.stderr
    assert "internal error" not in result.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize("problem", list(HOSTILE_JSON))
def test_a_hostile_claims_file_is_exit_2_naming_the_file_and_untouched(workdir: Path, problem: str) -> None:
    write(workdir / "src", "a.txt", STORY_A)
    path = write(workdir / "claims", "a.txt.json", HOSTILE_JSON[problem])
    for command in (["compare", "src", "-j", "1"], ["check", "src", "-j", "1"], ["claim", "list", "src"]):
        result = run(*command)
        assert result.exit_code == 2, result.output
        assert "claims/a.txt.json" in result.stderr
        assert "internal error" not in result.stderr
        assert path.read_bytes() == HOSTILE_JSON[problem].encode()


def test_a_reviews_and_a_claims_file_with_a_byte_order_mark_are_read(workdir: Path) -> None:
    write(workdir / "src", "a.txt", STORY_A)
    write(workdir / "src", "b.txt", STORY_B)
    report = json.loads(run("compare", "src", "-j", "1", "--format", "json").stdout)
    finding = report["discrepancies"][0]["id"]
    assert run("review", "src", finding, "--status", "confirmed", "--note", "checked").exit_code == 0
    for path in (workdir / "reviews" / "src.json", workdir / "claims" / "a.txt.json"):
        path.write_bytes(codecs.BOM_UTF8 + path.read_bytes())
    result = run("compare", "src", "-j", "1", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["discrepancies"][0]["review"]["status"] == "confirmed"


# --- 6. kill-safety -----------------------------------------------------------------------------


def test_claims_are_written_as_each_source_is_done_so_a_cut_short_run_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "src"
    for i in range(4):
        write(src, f"s{i}.txt", STORY_A if i % 2 else STORY_B)

    def killed_at_the_third(document: Document) -> ClaimsFile:
        if document.source.id == "s2.txt":
            raise KeyboardInterrupt  # as a kill would cut the run short
        return extract_claims(document)

    monkeypatch.setattr(pipeline, "extract_claims", killed_at_the_third)
    with pytest.raises(KeyboardInterrupt):
        pipeline.load_or_extract(src, tmp_path / "claims")
    assert sorted(p.name for p in (tmp_path / "claims").iterdir()) == ["s0.txt.json", "s1.txt.json"]
    monkeypatch.setattr(pipeline, "extract_claims", extract_claims)
    _, _, stats = pipeline.load_or_extract(src, tmp_path / "claims")
    assert (stats.reused, stats.extracted) == (2, 2)


def test_temporary_files_a_killed_run_left_are_removed_at_start(workdir: Path) -> None:
    write(workdir / "src", "a.txt", STORY_A)
    old = write(workdir / "claims", ".a.txt.json.k3x_9q0z.tmp", '{"half": ')
    report_old = write(workdir / "reports", ".src.md.abcdefgh.tmp", "# half")
    fresh = write(workdir / "claims", ".b.txt.json.zzzzzzzz.tmp", "{")  # another run writing right now
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    orphan = write(workdir / "claims", f".c.txt.json.{gone.stdout.strip()}.abcd1234.tmp", "{")  # its writer died
    alive = write(workdir / "claims", f".d.txt.json.{os.getpid()}.abcd1234.tmp", "{")  # its writer is at work
    mine = write(workdir / "claims", ".notes.tmp", "a person's file")  # not one of factcheck's
    for path in (old, report_old, mine):
        os.utime(path, (time.time() - 3600, time.time() - 3600))
    assert run("compare", "src", "-j", "1").exit_code == 0
    assert not old.exists()
    assert not report_old.exists()
    assert not orphan.exists()
    assert fresh.exists()
    assert alive.exists()
    assert mine.exists()


def renamed(data: dict[str, Any]) -> None:
    data["source"]["id"] = "a.tx^t"


def test_a_claims_file_naming_another_source_is_set_aside(workdir: Path) -> None:
    write(workdir / "src", "a.txt", STORY_A)
    write(workdir / "src", "b.txt", STORY_B)
    run("compare", "src", "-j", "1")
    edited(workdir / "claims" / "a.txt.json", renamed)
    result = run("compare", "src", "-j", "1", "--format", "json")
    assert [s["id"] for s in json.loads(result.stdout)["sources"]] == ["a.txt", "b.txt"]
    assert "names another source" in result.stderr
    assert (workdir / "claims" / "a.txt.json.hand-edited").exists()


def test_a_file_name_that_is_not_utf8_is_skipped_with_a_warning(workdir: Path) -> None:
    (workdir / "src").mkdir()
    try:
        (workdir / "src" / os.fsdecode(b"a\xe0b.txt")).write_text(STORY_A, encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system takes only UTF-8 names")
    write(workdir / "src", "b.txt", STORY_B)
    result = run("compare", "src", "-j", "1", "--format", "json")
    assert result.exit_code == 0
    assert "src/a\\xe0b.txt: the file name is not UTF-8" in result.stderr
    assert [s["id"] for s in json.loads(result.stdout)["sources"]] == ["b.txt"]
