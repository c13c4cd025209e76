"""Sources known by name: the outlet and the publication date a plain-text source's own lines give
(a masthead, a pitch, a byline, a wire dateline, a 'Published' line), and `sources.yaml` beside the
sources for what the text does not say. Every line here is written for the test."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.errors import SourcesError
from factcheck.ingest import (
    document_from_text,
    find_outlet,
    find_outlet_dateline,
    is_publication_line,
    load_source_info,
    scan_folder,
)
from factcheck.models import SourceInfo

BODY = "The mayor, Ellen Sorby, 54, said on Monday that the police had detained 25 people.\n"


# fmt: off
OUTLET_LINES = [
    ("Become a Kestrel Times member", "Kestrel Times"),
    ("Become an Harbour Post Member", "Harbour Post"),
    ("Subscribe to The Marlow Ledger", "The Marlow Ledger"),
    ("Support The Valmora Courier today", "The Valmora Courier"),
    ("By Anna Berg, The Daily Planet", "The Daily Planet"),
    ("By Anna Berg | Northern Wire", "Northern Wire"),
    ("BRENNA (Northern Wire) — Police detained 25 people on Monday.", "Northern Wire"),
    ("PORT ELLERY, May 5 (Coast Agency) - The storm hit.", "Coast Agency"),
    ("© 2024 The Daily Planet. All rights reserved.", "The Daily Planet"),
    ("Copyright 2019 Harbour Post", "Harbour Post"),
    ("Source: Kestrel Times", "Kestrel Times"),
    # negatives: pitches without a name, jobs in a byline, a parenthesis that is no agency
    ("Become a member", None),
    ("Support independent journalism in the valley: join today", None),
    ("Subscribe to our newsletter", None),
    ("Join us today", None),
    ("By Anna Berg, Staff Writer", None),
    ("By Anna Berg", None),
    ("Police (who declined to comment) — said nothing.", None),
    ("The mayor (Ellen Sorby) — spoke on Monday.", None),
    ("Sources said the council would meet.", None),
    ("Copyright law was changed last year.", None),
]
# fmt: on


@pytest.mark.parametrize(("line", "outlet"), OUTLET_LINES)
def test_the_outlet_a_line_names(line: str, outlet: str | None) -> None:
    found = find_outlet([(7, line)])
    assert (found[2] if found else None) == outlet
    if found:
        assert line[found[0] - 7 : found[1] - 7] == outlet  # offsets point at the name


# fmt: off
OUTLET_DATELINES = [
    ("Northern Wire Sep 18, 2013, 02.16PM IST", ("Northern Wire", dt.date(2013, 9, 18))),
    ("The Kerrin Herald 5 May 2024 at 10:02 BST", ("The Kerrin Herald", dt.date(2024, 5, 5))),
    ("Harbour Post 12 June 2021", ("Harbour Post", dt.date(2021, 6, 12))),
    # negatives: a label, a weekday, a sentence, a person followed by words
    ("Posted Dec 23, 2012", None),
    ("Friday March 8, 2013", None),
    ("Wed May 5, 2010 7:12pm BST", None),
    ("Tues. Sep 17, 2013", None),
    ("The Sun Sep 18, 2013", ("The Sun", dt.date(2013, 9, 18))),
    ("Published: 21 November 2023", None),
    ("Police said on 5 May 2024 that 25 people were detained", None),
    ("Anna Berg 5 May 2024 said the council met", None),
]
# fmt: on


@pytest.mark.parametrize(("line", "expected"), OUTLET_DATELINES)
def test_an_outlet_before_the_date_on_one_line(line: str, expected: tuple[str, dt.date] | None) -> None:
    found = find_outlet_dateline([(0, line)])
    assert ((found[2], found[5]) if found else None) == expected


# fmt: off
PUBLICATION_LINES = [
    ("Posted 11/27/2005 7:21 AM", True),
    ("Updated: 5 May 2024, 10:02", True),
    ("Published on 12 June 2021", True),
    ("Last updated 3 March 2020", True),
    ("First published: 1 April 2019", True),
    ("Police posted a statement on 5 May 2024.", False),
    ("The council updated its rules on Monday.", False),
    ("Posters were published across the town on 5 May.", False),
]
# fmt: on


@pytest.mark.parametrize(("line", "expected"), PUBLICATION_LINES)
def test_publication_lines(line: str, expected: bool) -> None:
    assert is_publication_line(line) is expected


# fmt: off
HEADS = [
    # (the article's first lines, outlet, published, where the outlet was found)
    ("Become a Kestrel Times member\n\nStorm floods harbour town\n\n5 May 2024\n\n",
     "Kestrel Times", dt.date(2024, 5, 5), "text"),
    ("Storm floods harbour town\nNorthern Wire Sep 18, 2013, 02.16PM IST\n\n",
     "Northern Wire", dt.date(2013, 9, 18), "text"),
    ("---\noutlet: Front Matter Times\npublished: 2024-05-01\n---\nBy Anna Berg, The Daily Planet\n\n",
     "Front Matter Times", dt.date(2024, 5, 1), "front-matter"),
    ("Storm floods harbour town\n\nPublished: 21 November 2023\n\n", None, dt.date(2023, 11, 21), None),
    ("Storm floods harbour town\n\n", None, None, None),
]
# fmt: on


@pytest.mark.parametrize(("head", "outlet", "published", "outlet_from"), HEADS)
def test_outlet_and_date_from_the_text(head: str, outlet: str | None, published: dt.date | None,
                                       outlet_from: str | None) -> None:  # fmt: skip
    source = document_from_text("a.txt", head + BODY, sha256="x", encoding="utf-8", fmt="text").source
    assert (source.outlet, source.published, source.outlet_from) == (outlet, published, outlet_from)
    if source.outlet_evidence is not None:
        assert source.outlet_evidence.quote == outlet


def test_a_copyright_line_at_the_end_names_the_outlet() -> None:
    text = "Storm floods harbour town\n\n" + BODY + "\n© 2024 Harbour Post. All rights reserved.\n"
    source = document_from_text("a.txt", text, sha256="x", encoding="utf-8", fmt="text").source
    assert source.outlet == "Harbour Post"


def test_the_sources_file_comes_first() -> None:
    head = "Become a Kestrel Times member\n\nStorm floods harbour town\n\n5 May 2024\n\n"
    info = SourceInfo(outlet="Listed Outlet", url="https://example.org/a", published=dt.date(2024, 5, 6))
    source = document_from_text("a.txt", head + BODY, sha256="x", encoding="utf-8", fmt="text", info=info).source
    assert (source.outlet, source.url, source.published) == ("Listed Outlet", "https://example.org/a", info.published)
    assert (source.outlet_from, source.published_from) == ("sources-file", "sources-file")


# --- sources.yaml ----------------------------------------------------------------------------


def folder_with(tmp_path: Path, yaml_text: str | None) -> Path:
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "a.txt").write_text("Storm floods harbour town\n\n" + BODY, encoding="utf-8")
    (folder / "b.txt").write_text("Storm floods harbour town\n\n" + BODY.replace("54", "56"), encoding="utf-8")
    if yaml_text is not None:
        (folder / "sources.yaml").write_text(yaml_text, encoding="utf-8")
    return folder


def test_sources_yaml_is_read_and_not_listed_as_a_skipped_file(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, "a.txt:\n  outlet: Kestrel Times\n  published: 2024-05-05\n")
    assert load_source_info(folder) == {"a.txt": SourceInfo(outlet="Kestrel Times", published=dt.date(2024, 5, 5))}
    scan = scan_folder(folder)
    assert [p.name for p in scan.files] == ["a.txt", "b.txt"]
    assert scan.skipped == []


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("a.txt: [1, 2]\n", "a.txt: must be a mapping"),
        ("a.txt:\n  outlet: X\n  publisher: Y\n", "field 'publisher': Extra inputs are not permitted"),
        ("a.txt:\n  published: last May\n", "field 'published'"),
        ("- a.txt\n- b.txt\n", "must map file names"),
        ("a.txt: {outlet: [unclosed\n", "not valid YAML (line"),
    ],
)
def test_a_bad_sources_file_is_one_line_and_exit_2(tmp_path: Path, yaml_text: str, message: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    folder = folder_with(tmp_path, yaml_text)
    with pytest.raises(SourcesError, match=None) as err:
        load_source_info(folder)
    assert message in str(err.value)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["compare", "src", "-q", "-j", "1"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert len([line for line in result.stderr.splitlines() if line.strip()]) == 1
    assert "sources.yaml" in result.stderr


def test_the_report_names_outlets_and_a_changed_sources_file_makes_claims_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = folder_with(tmp_path, "a.txt: {outlet: Kestrel Times}\nb.txt: {outlet: Harbour Post}\nz.txt: {}\n")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["compare", "src", "-j", "1", "--format", "json"])
    report = json.loads(result.stdout)
    assert [s["outlet"] for s in report["sources"]] == ["Kestrel Times", "Harbour Post"]
    assert any("sources.yaml: z.txt: no such source" in w for w in report["warnings"])
    markdown = (tmp_path / "reports" / "src.md").read_text(encoding="utf-8")
    assert "Kestrel Times gives 54, Harbour Post 56" in markdown
    (folder / "sources.yaml").write_text("a.txt: {outlet: Renamed Times}\nb.txt: {outlet: Harbour Post}\n")
    result = runner.invoke(main, ["check", "src", "-j", "1"])
    assert result.exit_code == 1
    assert "sources.yaml changed since its claims were extracted" in result.stdout
