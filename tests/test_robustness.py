"""Bad and hostile input: clear messages and meaningful exit codes for folders that cannot be
compared, reports that a hostile source cannot break, writes that are never seen half done, and
an extractor that stays linear on adversarial text. Every text here is written for the test."""

from __future__ import annotations

import html
import json
import os
import re
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cmarkgfm
import pytest
from click.testing import CliRunner, Result
from cmarkgfm.cmark import Options

from conftest import SHARED
from factcheck import store
from factcheck.cli import main
from factcheck.extract import extract_claims
from factcheck.ingest import document_from_text, read_source
from factcheck.models import ClaimsFile, Document, Report, SignaturesFile
from factcheck.report import md_escape, terminal_safe
from factcheck.segment import segment
from factcheck.signature import SIGNATURES_FILE
from guards import cpu_limit, cpu_seconds, finish, start_guarded

STORY_A = "Flood in Marlow Bay\n\nThe mayor, Ellen Sorby, 54, said on Monday that police detained 25 people.\n"
STORY_B = "Marlow Bay flood\n\nThe mayor, Ellen Sorby, 56, said on Monday that police detained 25 people.\n"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- folders that cannot be compared ---------------------------------------------------------


def test_a_missing_folder(workdir: Path) -> None:
    result = run("compare", "nowhere", "-j", "1")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "Error: nowhere: no such folder" in result.stderr


def test_a_folder_with_no_sources(workdir: Path) -> None:
    (workdir / "empty").mkdir()
    result = run("compare", "empty", "-j", "1")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "Error: empty: no sources to compare" in result.stderr
    assert not (workdir / "reports").exists()


def test_a_folder_of_files_that_are_not_articles_says_what_it_passed_over(workdir: Path) -> None:
    write(workdir / "src", "empty.txt", "")
    write(workdir / "src", "photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF")
    write(workdir / "src", "scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = run("compare", "src", "-j", "1")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "src: no sources to compare; files passed over:" in result.stderr
    assert "src/empty.txt: empty file; skipped" in result.stderr
    assert "src/photo.jpg: not a source file (.txt, .md or .html); skipped" in result.stderr
    assert "src/scan.txt: binary file, not text; skipped" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unreadable_sources_folder(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(workdir / "src", "a.txt", STORY_A)
    real_listdir = os.listdir

    def guarded(path: Any = ".") -> list[str]:
        if str(path).endswith("src"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_listdir(path)

    monkeypatch.setattr(os, "listdir", guarded)  # the tests run as root, for whom chmod forbids nothing
    result = run("compare", "src", "-j", "1")
    assert result.exit_code == 2
    assert "Error: src: cannot be read (Permission denied)" in result.stderr


def test_bad_files_beside_good_ones_are_skipped_with_a_warning_each(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = workdir / "src"
    write(src, "a.txt", STORY_A)
    write(src, "b.md", STORY_B)
    write(src, "empty.txt", "")
    write(src, "blank.txt", "\n  \n")
    write(src, "binary.txt", bytes(range(256)))
    write(src, "notes.docx", b"PK\x03\x04")
    write(src, "locked.txt", STORY_A)
    huge = write(src, "huge.txt", "The mayor spoke. ")
    with huge.open("r+b") as handle:
        handle.truncate(50 * 1024 * 1024)  # 50 MB, sparse: cheap to make and never read
    write(workdir, "secret.txt", STORY_A)
    (src / "secret.txt").symlink_to(workdir / "secret.txt")
    real_open = Path.open

    def guarded(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded)
    result = run("compare", "src", "-j", "1", "--format", "json")
    assert result.exit_code == 1  # the two good sources disagree on the age
    report = Report.model_validate_json(result.stdout)
    assert [s.id for s in report.sources] == ["a.txt", "b.md"]
    expected = [
        "src/binary.txt: binary file, not text; skipped",
        "src/blank.txt: no text, only white space; skipped",
        "src/empty.txt: empty file; skipped",
        "src/huge.txt: 50.0 MB, more than the 5.0 MB a source may have; skipped",
        "src/locked.txt: cannot be read (Permission denied); skipped",
        "src/notes.docx: not a source file (.txt, .md or .html); skipped",
        "src/secret.txt: link to a file outside src; not followed",
    ]
    assert sorted(report.warnings) == expected
    assert sorted(line.removeprefix("warning: ") for line in result.stderr.splitlines()) == expected
    assert sorted(p.name for p in (workdir / "claims").iterdir()) == [SIGNATURES_FILE, "a.txt.json", "b.md.json"]
    quiet = run("compare", "src", "-j", "1", "--quiet")
    assert (quiet.exit_code, quiet.stderr) == (1, "")


def test_output_folders_inside_the_sources_folder_are_not_read(workdir: Path) -> None:
    write(workdir / "src", "a.txt", STORY_A)
    write(workdir / "src", "b.txt", STORY_B)
    args = ("compare", "src", "-j", "1", "--claims-dir", "src/claims", "--reports-dir", "src/reports")
    first = run(*args, "--format", "json")
    again = run(*args, "--format", "json")  # the report of the first run is not a source now
    assert first.exit_code == again.exit_code == 1
    assert [s.id for s in Report.model_validate_json(again.stdout).sources] == ["a.txt", "b.txt"]
    assert again.stderr == ""


# --- reports a hostile source cannot break ---------------------------------------------------

HOSTILE = [
    "| pipes | break | tables |",
    "`code` and ``more``",
    "<script>alert(1)</script> <img src=x onerror=alert(1)> <iframe src=//x></iframe>",
    "[click here](https://phish.example/login) ![](https://track.example/pixel.png)",
    "[ref]: https://phish.example/ref and <https://phish.example/auto>",
    "https://phish.example/bare www.phish.example/www",
    "&lt;b&gt; &amp; &#x3C;script&#x3E; **bold** _em_ ~~strike~~ # heading",
    "\\| escaped pipe \\ backslash",
    "\u202eevil\u202c \x1b[31mred\x1b[0m",
]


def hostile_folder(folder: Path) -> None:
    """Two sources that disagree on an age, every sentence laced with markup."""
    for name, age in (("a.txt", 54), ("b.txt", 56)):
        lines = [f"{h} The mayor, Ellen Sorby, {age}, said {i} people were detained on Monday." for i, h in
                 enumerate(HOSTILE, start=2)]  # fmt: skip
        write(folder, name, "Flood in Marlow Bay\n\n" + "\n".join(lines) + "\n")
    write(
        folder,
        "c | `x` <b>[y](z)</b>.md",
        "---\noutlet: '[Totally Real News](https://phish.example) <img src=x> | x'\n---\n"
        "The mayor, Ellen Sorby, 58, said on Monday 30 people were detained.\n",
    )


def render_github(markdown: str) -> str:
    """The report as GitHub renders it (tables, autolinks, tag filter); raw HTML kept to see it."""
    return cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)


def test_a_hostile_source_cannot_inject_markup_into_the_report(workdir: Path) -> None:
    hostile_folder(workdir / "src")
    result = run("compare", "src", "-j", "1", "--format", "markdown")
    assert result.exit_code == 1
    markdown = result.stdout
    rendered = render_github(markdown)
    # The report's own markup: links to its findings, their anchors, bold around values and labels
    # (plain text inside, no element of a source's).
    own = re.sub(r'<a href="#f-[0-9a-f]{10}">#\d+</a>|<a id="f-[0-9a-f]{10}"></a>', "", rendered)
    own = re.sub(r"<strong>[^<>]*</strong>", "", own)
    # No element the sources brought in: links, images, scripts, frames, emphasis, code.
    for tag in ("<a ", "<img", "<script", "<iframe", "<strong", "<em>", "<del>", "<b>"):
        assert tag not in own, tag
    assert re.findall(r"<code>(.*?)</code>", rendered)  # the report's own: finding ids, nothing else
    assert all(re.fullmatch(r"F-[0-9a-f]+", code) for code in re.findall(r"<code>(.*?)</code>", rendered))
    # Every table keeps its columns: each row has as many cells as its header.
    for table in re.findall(r"<table>.*?</table>", rendered, re.DOTALL):
        columns = len(re.findall(r"<th[ >]", table))
        for row in re.findall(r"<tbody>.*?</tbody>", table, re.DOTALL)[0].split("</tr>")[:-1]:
            assert len(re.findall(r"<td[ >]", row)) == columns
    # And the text still reads as the source wrote it, once rendered.
    text = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    assert "[click here](https://phish.example/login)" in text
    assert "<script>alert(1)</script>" in text
    assert "&lt;b&gt;" in text
    assert "**bold** _em_ ~~strike~~" in text  # the source's emphasis stays as written
    assert "c | `x` <b>[y](z)</b>.md" in text
    # Control characters and bidirectional overrides never reach the report.
    assert "\x1b" not in markdown
    assert "\u202e" not in markdown


def test_json_and_the_terminal_table_stay_valid_on_hostile_sources(workdir: Path) -> None:
    hostile_folder(workdir / "src")
    result = run("compare", "src", "-j", "1", "--format", "json")
    data = json.loads(result.stdout)
    report = Report.model_validate(data)
    assert report.discrepancies
    table = run("compare", "src", "-j", "1")
    assert table.exit_code == 1
    assert "\x1b" not in table.stdout
    assert "\u202e" not in table.stdout


# fmt: off
ESCAPES = [
    ("a | b", "a \\| b"),
    ("<b>x</b>", "\\<b>x\\</b>"),
    ("[x](y) ![i](j) [r][s] [t]", "\\[x](y) \\!\\[i](j) \\[r][s] \\[t]"),
    ("see https://x.example and www.x.example", "see https\\://x.example and www\\.x.example"),
    ("1. not a list", "1\\. not a list"),
    ("2) not a list", "2\\) not a list"),
    ("- not a bullet", "\\- not a bullet"),
    ("+ not a bullet", "\\+ not a bullet"),
    ("--- not a rule", "\\--- not a rule"),
    ("=== not a heading", "\\=== not a heading"),
    ("## not a heading", "\\## not a heading"),
    ("a heading's end #", "a heading's end \\#"),
    ("> not a quote", "\\> not a quote"),
    ("[a]: /not-a-definition", "\\[a]: /not-a-definition"),
    ("[ ] not a task", "\\[ ] not a task"),
    ("__init__", "\\_\\_init\\_\\_"),
    ("**b** _e_ ~s~ `c`", "\\*\\*b\\*\\* \\_e\\_ \\~s\\~ \\`c\\`"),
    ("a\\*b", "a\\\\\\*b"),
    ("&amp; stays text", "&amp;amp; stays text"),
    ("&#38; too", "&amp;#38; too"),
    ("two\nlines\r\n\u2028here", "two lines here"),
    ("bell\x07 and \u202eoverride", "bell\ufffd and \ufffdoverride"),
    ("write to tips@example.org", "write to tips@<!---->example.org"),
    ("mailto:tips@example.org", "mailto\\:tips@<!---->example.org"),
    ("xmpp:desk@example.org", "xmpp\\:desk@<!---->example.org"),
    ("_www.example.org", "\\_www\\.example.org"),
    ("zero\u200bwidth\ufeff", "zero\\u200bwidth\\ufeff"),
    ("::error ::forged", "\\::error ::forged"),
    # Not markup where they stand, so left as written.
    ("(according to the police)", "(according to the police)"),
    ("000_e7e2957ecce1ac92.txt and snake__case", "000_e7e2957ecce1ac92.txt and snake__case"),
    ("a 20-year-old, -5 degrees", "a 20-year-old, -5 degrees"),
    ("[On Tuesday] he said", "\\[On Tuesday] he said"),
    ("he said [on Tuesday] that", "he said [on Tuesday] that"),
    ("on 1. May, 2) or {x} + y = z!", "on 1. May, 2) or {x} + y = z!"),
    ("AT&T and R&D, Q&A too", "AT&T and R&D, Q&A too"),
    ("3 > 2, #1 and C# code", "3 > 2, #1 and C# code"),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), ESCAPES)
def test_md_escape(text: str, expected: str) -> None:
    assert md_escape(text) == expected


def test_terminal_safe_shows_escape_sequences_instead_of_acting_on_them() -> None:
    assert terminal_safe("a\x1b[2Jb\u202ec") == "a\\x1b[2Jb\\u202ec"


# --- file names from sources -----------------------------------------------------------------

NAMES = ["a/b.txt", "a__b.txt", "A.txt", "a.txt", "a b.txt", "a_b.txt", "../up.txt", "con.txt",
         "x" * 300 + ".txt", ".hidden.txt", "é.txt", "e.txt", "a\x1b.txt", "~a.txt", "a.txt~0",
         "x\n::error file=README.md,line=1::forged.txt", "x\r::error ::forged.txt", "::warning ::x.txt",
         "x\u2028y.txt", "x\u200by.txt"]  # fmt: skip


def test_no_two_sources_share_a_claims_file(tmp_path: Path) -> None:
    names = [store.safe_name(n) for n in NAMES]
    assert len(set(names)) == len(NAMES)
    assert len({n.casefold() for n in names}) == len(NAMES)  # nor on a case-insensitive file system
    for name in names:
        assert re.fullmatch(r"[a-z0-9][a-z0-9._~-]*", name), name
        assert len(name) <= 150
        path = store.claims_path(tmp_path, name)
        assert path.parent == tmp_path


def test_sources_in_subfolders_get_their_own_claims_files(workdir: Path) -> None:
    write(workdir / "src", "a/b.txt", STORY_A)
    write(workdir / "src", "a__b.txt", STORY_B)
    result = run("compare", "src", "-j", "1", "--format", "json")
    assert result.exit_code == 1
    claims = {ClaimsFile.model_validate_json(p.read_text(encoding="utf-8")).source.id
              for p in (workdir / "claims").glob("[!.]*")}  # fmt: skip
    assert claims == {"a/b.txt", "a__b.txt"}


# --- writes ----------------------------------------------------------------------------------


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "out" / "report.md"
    store.atomic_write(path, "old\n")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space left"):
        store.atomic_write(path, "new\n" * 1000)
    assert path.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in path.parent.iterdir()] == ["report.md"]


def test_two_runs_at_once_never_leave_a_half_written_file(tmp_path: Path) -> None:
    src = tmp_path / "src"
    for i in range(12):
        write(src, f"s{i:02d}.txt", (STORY_A if i % 2 else STORY_B) + f"Paragraph {i} of the story.\n" * 40)
    command = [str(Path(sys.executable).parent / "factcheck"), "compare", "src", "-j", "1", "--quiet"]
    seen: list[str] = []
    stop = threading.Event()

    def watch() -> None:
        """Read every claims file and report while the runs write them: each must be whole."""
        while not stop.is_set():
            for path in [*tmp_path.glob("claims/*.json"), *tmp_path.glob("reports/*.md")]:
                try:
                    text = path.read_text(encoding="utf-8")
                except FileNotFoundError:
                    continue
                if path.name == SIGNATURES_FILE:
                    SignaturesFile.model_validate_json(text)
                elif path.suffix == ".json":
                    ClaimsFile.model_validate_json(text)
                else:
                    assert text.startswith("# factcheck report: src\n")
                    assert text.endswith("\n")
                seen.append(path.name)

    watcher = threading.Thread(target=watch)
    watcher.start()
    errors = []
    try:
        for _ in range(2):  # twice: once with nothing on disk, once over the files of the first time
            for path in tmp_path.glob("claims/*"):
                path.unlink()
            runs = [start_guarded(command, cwd=tmp_path) for _ in range(2)]  # both at once
            for proc in runs:
                done = finish(proc)  # no wall-clock bound: a stuck run (no CPU for minutes) fails
                errors.append((done.returncode, done.stderr))
    finally:
        stop.set()
        watcher.join()
    assert all(code in (0, 1) and err == "" for code, err in errors), errors
    assert seen
    claims = sorted(p.name for p in (tmp_path / "claims").iterdir() if p.name != SIGNATURES_FILE)
    assert claims == [f"s{i:02d}.txt.json" for i in range(12)]
    assert [p.name for p in (tmp_path / "reports").iterdir()] == ["src.md"]  # no temporary files left


# --- linear time on adversarial text ---------------------------------------------------------


# Runs of one unit on a single line (the worst case: no sentence or paragraph ends to cut the work
# short). Growth is judged by CPU time, which waiting for a core adds little to, against the same
# unit's own run at a quarter of the length, so a slow machine does not move the ratio and a loaded
# one moves it little (cache misses and switches), which the margin of GROWTH (8 against linear
# code's 4, quadratic code's 16) covers. Timings live in benchmarks/adversarial.py.
# fmt: off
NASTY = [
    "1", "1 ", "1,000.5 ", "A", "Abc ", "ABC ", "A1", " ", ".", ". ", "!?.,;:-'\"()[]", '"', "“‘\"'", "-",
    "a-", "1-", "…", "'", "é", "\t", "\u00a0", "—", "A. ", "Mr. ", "No. ", "Smith said. ", "2021 ",
    "20-year-old ", "A1.a-B2,'\" ", "at least 5 ", "detained ", "his partner ", "the Police ",
    "(((", ")))", "'s ", "«»",
    "on Monday ",
    "Smith, 25, ",
    "John Smith said ",
    "$1m ",
]
# fmt: on


LONG = 32_000
GROWTH = 8.0  # CPU time of LONG characters against LONG / 4: linear code gives about 4
NOISE = 0.05  # CPU seconds below which a run is too short for its ratio to mean anything


def unit_document(unit: str, size: int) -> Document:
    text = unit * (size // len(unit)) + "\n"
    return document_from_text("nasty.txt", text, sha256="", encoding="utf-8", fmt="text")


def grows_linearly(unit: str, extract: Callable[[Document], object] = extract_claims) -> tuple[bool, float, float]:
    """Whether extraction of LONG characters of `unit` takes at most GROWTH times the CPU time of a
    quarter of them; the shortest of up to three tries of each, so a pause in one run cannot fail it."""
    short, long_ = unit_document(unit, LONG // 4), unit_document(unit, LONG)
    extract(unit_document(unit, 100))  # lexicons and caches loaded before timing
    shorts: list[float] = []
    longs: list[float] = []
    for _ in range(3):
        shorts.append(cpu_seconds(lambda: extract(short)))
        longs.append(cpu_seconds(lambda: extract(long_)))
        if min(longs) <= GROWTH * min(shorts) + NOISE:
            return True, min(shorts), min(longs)
    return False, min(shorts), min(longs)


@pytest.mark.parametrize("unit", NASTY)
def test_extraction_is_linear_on_adversarial_text(unit: str) -> None:
    with cpu_limit():  # a runaway match fails here rather than holding the suite up
        linear, short, long_ = grows_linearly(unit)
        assert linear, f"{unit!r}: {short:.3f} s CPU for {LONG // 4} characters, {long_:.3f} s for {LONG}"
        document = unit_document(unit, LONG)
        cf = extract_claims(document)
    for claim in cf.claims:
        assert document.text[claim.start : claim.end] == claim.quote


def test_a_quadratic_extractor_fails_the_growth_guard() -> None:
    """The guard itself: an extractor that rescans the whole text at every word is caught. Its runs
    must stay well above NOISE on a fast machine, or the floor would let it pass as linear: twenty
    scans a word take about 0.12 s CPU for the short text and 1.8 s for the long one here (16 times:
    quadratic), so the long run beats the line of 8 times the short plus NOISE by about 1.7 times,
    and still beats it on a machine five times faster."""

    def rescanning(document: Document) -> None:
        for _ in re.finditer(r"\w+", document.text):
            for _ in range(20):
                re.search("z", document.text)

    linear, short, long_ = grows_linearly("Abc ", rescanning)
    assert not linear, f"a quadratic extractor passed: {short:.3f} s CPU short, {long_:.3f} s long"


def test_a_megabyte_of_adversarial_paragraphs() -> None:
    units = [u for u in NASTY if isinstance(u, str)]
    paragraphs = []
    for unit in units:
        run_ = unit * (1_000_000 // len(units) // len(unit))
        paragraphs += [run_[i : i + 2000] for i in range(0, len(run_), 2000)]
    text = "\n".join(paragraphs) + "\n"
    assert len(text) > 1_000_000
    document = document_from_text("nasty.txt", text, sha256="", encoding="utf-8", fmt="text")
    with cpu_limit():
        cf = extract_claims(document)
    for claim in cf.claims:
        assert text[claim.start : claim.end] == claim.quote


# --- page furniture ----------------------------------------------------------------------------

# fmt: off
FURNITURE = [
    # pitches, captions, credits, navigation: furniture
    ("Become a member of the Harbour Courier", True),
    ("Interested in supporting our reporting? Consider becoming a member.", True),
    ("You can keep us going with a monthly membership or a single donation of $5.", True),
    ("Donate today and 100 readers will match your gift", True),
    ("Support independent journalism: join 3,000 readers", True),
    ("Sign up for our newsletter", True),
    ("Subscribe now for 2 euros a month", True),
    ("Photo: Ellen Sorby/Harbour Courier", True),
    ("Sources: police say 25 people were detained", False),  # a headline, not a credit
    # news about members, donors, support and sign-ups: the article's own facts
    ("The club's 25 members voted on Monday to expel him over his gang membership.", False),
    ("Dozens of residents were donating blood at the town hall on Tuesday.", False),
    ("Customers can sign up for alerts, the company said on Friday.", False),
    ("We will come together to support our 40 students, the principal said.", False),
    ("He was awarded an honorary life membership of the club, aged 54.", False),
]
# fmt: on


@pytest.mark.parametrize(("line", "furniture"), FURNITURE)
def test_page_furniture_lines(line: str, furniture: bool) -> None:
    text = f"The mayor spoke on Monday.\n{line}\nThe council met on Tuesday.\n"
    document = document_from_text("story.txt", text, sha256="", encoding="utf-8", fmt="text")
    flags = {s.text: s.furniture for s in segment(document)}
    assert any(flags[s] == furniture for s in flags if s in line), flags
    assert not flags["The mayor spoke on Monday."]


def test_a_teaser_of_another_story_yields_no_claims_but_a_truncated_quote_does() -> None:
    text = (
        "Harbour town floods\n\nThe mayor, Ellen Sorby, 54, said 25 people were evacuated on Monday.\n"
        'The harbour master, Jon Dale, 61, said: "We lost 12 boats and I do not know how many houses..."\n\n'
        "Storm kills 40 in the north\n"
        "At least 40 people were killed when a storm hit the northern coast on Sunday, and the…\n"
    )
    document = document_from_text("story.txt", text, sha256="", encoding="utf-8", fmt="text")
    cf = extract_claims(document)
    teaser_start = text.index("Storm kills")
    assert cf.claims
    assert all(c.start < teaser_start for c in cf.claims)  # nothing from the teaser
    assert any("Jon Dale" in c.quote for c in cf.claims)  # the quote ending in '...' is the article's


def test_the_teaser_at_the_end_of_the_third_seed_yields_no_claims(seeds_dir: Path) -> None:
    path = seeds_dir / "002_afc569628a2844e8.txt"
    text = path.read_text(encoding="utf-8")
    teaser = text.index("Azerbaijani police allow women’s march to go ahead")
    cf = extract_claims(read_source(seeds_dir, path))
    assert cf.claims
    assert all(c.start < teaser for c in cf.claims)


@pytest.mark.skipif(
    not (SHARED / "corpus" / "ecbplus").is_dir(), reason="../shared/corpus is not here (the shared corpus is optional)"
)
def test_the_furniture_rules_leave_ecbplus_articles_alone() -> None:
    """ECB+ keeps article text only: what the rules flag there is a sentence printed twice, or an
    article's headline over its cut-off standfirst, never news."""
    flagged = []
    for path in sorted((SHARED / "corpus" / "ecbplus").rglob("*.txt")):
        document = read_source(path.parent, path)
        flagged += [s.text for s in segment(document) if s.furniture]
    assert 0 < len(flagged) <= 10, flagged
