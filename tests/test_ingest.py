"""Reading sources: encodings, front matter, HTML, and which files of a folder are read or passed
over (and why). Every text here is written for the test."""

from __future__ import annotations

import datetime as dt
import os
import socket
from pathlib import Path
from typing import Any

import pytest

from factcheck import ingest
from factcheck.errors import SourceFileError, SourcesError
from factcheck.extract import extract_claims
from factcheck.ingest import decode, front_matter, read_source, scan_folder
from factcheck.models import AgeClaim, ClaimsFile

ARTICLE = (
    "Storm floods harbour town\nThe mayor, Ellen Sorby, 54, said on Monday that the police had detained 25 people.\n"
)
RUSSIAN = (
    "Мэр города Иван Петров, 54, заявил в понедельник, что полиция задержала 25 человек.\n"
    "По словам очевидцев, акция прошла мирно, но вечером начались задержания.\n"
)
FRENCH = (
    "Le maire, Jean Dupré, 54 ans, a déclaré lundi que la police avait arrêté 25 personnes. "
    "« Nous étions là », a-t-il dit. Coût : 300 €.\nThe café’s owner, Ellen Sorby, 54, said “it was calm”.\n"
)
SPANISH = "El alcalde, José Núñez, de 54 años, dijo el lunes que la policía detuvo a 25 personas.\n"
GERMAN = "Der Bürgermeister, Jürgen Groß, 54, sagte am Montag, dass die Polizei 25 Menschen festnahm.\n"


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def assert_offsets(cf: ClaimsFile, text: str) -> None:
    for claim in cf.claims:
        assert text[claim.start : claim.end] == claim.quote
        assert claim.start <= claim.value_start <= claim.value_end <= claim.end


# --- encodings -------------------------------------------------------------------------------

# fmt: off
ENCODINGS = [
    # (what the file is, its bytes, the text it holds)
    ("utf-8", ARTICLE.encode("utf-8"), ARTICLE),
    ("utf-8, other scripts", RUSSIAN.encode("utf-8"), RUSSIAN),
    ("utf-8 with BOM", b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"), ARTICLE),
    ("utf-16 with BOM (LE)", FRENCH.encode("utf-16"), FRENCH),
    ("utf-16 with BOM (BE)", b"\xfe\xff" + FRENCH.encode("utf-16-be"), FRENCH),
    ("utf-16-le without BOM", ARTICLE.encode("utf-16-le"), ARTICLE),
    ("utf-32 with BOM", ARTICLE.encode("utf-32"), ARTICLE),
    ("windows-1251", RUSSIAN.encode("cp1251"), RUSSIAN),
    ("windows-1252", FRENCH.encode("cp1252"), FRENCH),
    ("latin-1, Spanish", SPANISH.encode("latin-1"), SPANISH),
    ("latin-1, German", GERMAN.encode("latin-1"), GERMAN),
    ("CRLF line ends", ARTICLE.replace("\n", "\r\n").encode("utf-8"), ARTICLE.replace("\n", "\r\n")),
]
# fmt: on


@pytest.mark.parametrize(("kind", "data", "expected"), ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_encodings_are_read_and_recorded(tmp_path: Path, kind: str, data: bytes, expected: str) -> None:
    path = write(tmp_path, "story.txt", data)
    document = read_source(tmp_path, path)
    # A byte-order mark stays in the text, as the character U+FEFF at offset 0.
    has_bom = data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))
    assert document.text == ("\ufeff" if has_bom else "") + expected
    # The recorded encoding turns the bytes into exactly the text the offsets refer to.
    assert data.decode(document.source.encoding) == document.text
    assert document.source.warnings == []
    cf = extract_claims(document)
    assert_offsets(cf, document.text)
    if kind.startswith("utf-8"):
        # UTF-8 offsets count characters of the file as any UTF-8 reader sees it (the scorer too).
        assert data.decode("utf-8") == document.text


def test_offsets_of_a_windows_1252_source_point_into_the_decoded_text(tmp_path: Path) -> None:
    text = "Café owners in Dijon paid 300 € in fines.\nThe owner, Ellen Sorby, 54, was detained on Monday.\n"
    document = read_source(tmp_path, write(tmp_path, "story.txt", text.encode("cp1252")))
    assert document.source.encoding == "cp1252"
    cf = extract_claims(document)
    ages = [c for c in cf.claims if isinstance(c, AgeClaim)]
    assert [c.value for c in ages] == [54]
    assert document.text[ages[0].value_start : ages[0].value_end].endswith("54")
    assert_offsets(cf, document.text)


def test_a_bom_does_not_hide_the_headline_or_the_dateline(tmp_path: Path) -> None:
    text = "\ufeff4 March 2024\nMayor resigns after protest\nThe mayor, Ellen Sorby, 54, resigned.\n"
    document = read_source(tmp_path, write(tmp_path, "story.txt", text))
    assert document.text == text
    assert document.source.published == dt.date(2024, 3, 4)
    evidence = document.source.published_evidence
    assert evidence is not None
    assert text[evidence.start : evidence.end] == "4 March 2024"
    assert document.source.title == "Mayor resigns after protest"


def test_invalid_utf_8_after_a_bom_is_replaced_and_warned(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbfThe mayor spoke \xff\xfe of the flood.\n"
    document = read_source(tmp_path, write(tmp_path, "story.txt", data))
    assert document.text == data.decode("utf-8", errors="replace")
    assert document.source.warnings == ["2 byte sequences that are not valid utf-8 read as U+FFFD"]


# fmt: off
NOT_TEXT = [
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"),
    ("zip", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256))),
    ("nul in the middle", b"The mayor spoke.\x00\x00\x00\x00The council met.\n"),
    ("control bytes", bytes([1, 2, 3, 4, 5, 6, 7, 14, 15, 16]) * 20),
]
# fmt: on


@pytest.mark.parametrize(("kind", "data"), NOT_TEXT, ids=[n[0] for n in NOT_TEXT])
def test_binary_files_are_refused(kind: str, data: bytes) -> None:
    with pytest.raises(SourceFileError, match="binary file"):
        decode(data)


def test_a_file_of_white_space_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceFileError, match="only white space"):
        read_source(tmp_path, write(tmp_path, "story.txt", "\ufeff \n\t\r\n"))


def test_an_over_long_file_is_refused_without_reading_it_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_SOURCE_BYTES", 100)
    path = write(tmp_path, "story.txt", "The mayor spoke. " * 10)
    with pytest.raises(SourceFileError, match="more than the 100 bytes a source may have"):
        read_source(tmp_path, path)


def test_an_unreadable_file_is_a_source_file_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "story.txt", ARTICLE)
    deny_reading(monkeypatch, {"story.txt"})
    with pytest.raises(SourceFileError, match=r"cannot be read \(Permission denied\)"):
        read_source(tmp_path, path)


def deny_reading(monkeypatch: pytest.MonkeyPatch, names: set[str]) -> None:
    """Opening these files fails as if their permissions forbade it (the tests run as root, for
    whom chmod forbids nothing)."""
    real_open = Path.open

    def guarded(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name in names:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded)


# --- front matter ----------------------------------------------------------------------------

# fmt: off
FRONT_MATTER = [
    ("---\ntitle: Storm hits\noutlet: The Coastal Courier\nurl: https://courier.example/a\n"
     "published: 2024-05-01\n---\n",
     {"title": "Storm hits", "outlet": "The Coastal Courier", "url": "https://courier.example/a",
      "published": dt.date(2024, 5, 1)}, []),
    ("---\ndate: 2024-05-01T10:30:00Z\n---\n", {"published": dt.date(2024, 5, 1)}, []),
    ("---\ndate: '2024-05-01 10:30'\n---\n", {"published": dt.date(2024, 5, 1)}, []),
    ("---\r\ntitle: Windows line ends\r\n---\r\n", {"title": "Windows line ends"}, []),
    ("\ufeff---\ntitle: After a BOM\n---\n", {"title": "After a BOM"}, []),
    ("---\ntitle: [not, one, line]\noutlet: {a: b}\n---\n", {"title": None, "outlet": None}, []),
    ("---\ntitle: |\n  Two\n  lines\n---\n", {"title": "Two lines"}, []),
    ("---\npublished: last Tuesday\n---\n", {"published": None},
     ["front matter: published date is not a date (YYYY-MM-DD); ignored"]),
    ("---\npublished: 2024-13-45\n---\n", {"published": None}, ["front matter is not valid YAML; ignored"]),
    ("---\ntitle: [unclosed\n---\n", {"title": None}, ["front matter is not valid YAML (line 2); ignored"]),
    ("---\n!!python/object:os.system {}\n---\n", {"title": None},
     ["front matter is not valid YAML (line 2); ignored"]),
    ("---\n- a list\n- not a table\n---\n", {"title": None},
     ["front matter is not a table of fields; ignored"]),
    ("---\n---\n", {"title": None}, []),
    # A billion laughs: aliases are shared, never expanded, and a nest is not one line of text.
    ("---\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
     "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
     "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
     "title: *f\noutlet: *f\n---\n", {"title": None, "outlet": None}, []),
    ("---\n" + "[" * 250 + "]" * 250 + "\n---\n", {"title": None},
     ["front matter with more than 200 brackets; ignored"]),  # PyYAML is quadratic in the nesting
    ("---\n" + "a: b\n" * 4000 + "---\n", {"title": None},
     ["front matter longer than 16000 characters; ignored"]),
]
# fmt: on


@pytest.mark.parametrize(("head", "expected", "warnings"), FRONT_MATTER)
def test_front_matter(head: str, expected: dict[str, Any], warnings: list[str]) -> None:
    meta, body_start = front_matter(head + "The mayor spoke.\n")
    for name, value in expected.items():
        assert getattr(meta, name) == value, name
    assert list(meta.warnings) == warnings
    assert body_start == len(head)


def test_front_matter_is_read_from_markdown_and_offsets_count_it(tmp_path: Path) -> None:
    text = "---\ntitle: Storm hits\noutlet: Courier\npublished: 2024-05-01\n---\n# Storm hits\n\n" + ARTICLE
    document = read_source(tmp_path, write(tmp_path, "story.md", text))
    source = document.source
    assert (source.format, source.title, source.outlet) == ("markdown", "Storm hits", "Courier")
    assert (source.published, source.published_from) == (dt.date(2024, 5, 1), "front-matter")
    cf = extract_claims(document)
    assert cf.claims
    assert_offsets(cf, text)


def test_an_unclosed_front_matter_is_text(tmp_path: Path) -> None:
    text = "---\ntitle: never closed\n" + ARTICLE
    document = read_source(tmp_path, write(tmp_path, "story.md", text))
    assert document.text == text
    assert document.source.title != "never closed"


# --- HTML ------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}">
<title>Harbour town evacuated as storm hits | The Coastal Courier</title>
<meta property="og:site_name" content="The Coastal Courier">
<meta property="og:title" content="Harbour town evacuated as storm hits">
<meta property="article:published_time" content="2023-05-04T10:00:00Z">
<link rel="canonical" href="https://courier.example/2023/05/storm">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/donate">Donate</a></nav>
<article>
<h1>Harbour town evacuated as storm hits</h1>
<p>A storm hit the coast of Marlow Bay on Tuesday, and at least 25 people were evacuated from their
homes near the harbour, the coastguard said.</p>
<p>The mayor, Ellen Sorby, 54, said the town would rebuild. "We have seen worse storms than this
one," she told reporters gathered outside the town hall on Wednesday. {extra}</p>
<p>Police detained three men suspected of looting shops on the seafront on Wednesday morning, a
police spokesman said.</p>
</article>
<aside><h3>Related Articles</h3>
<ul><li><a href="/a">Another storm kills 40 people in the north</a></li></ul></aside>
<footer><p>Become a member and support independent local journalism. Donate today.</p></footer>
</body></html>
"""


def test_html_main_text_and_metadata(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    no_network(monkeypatch)
    path = write(tmp_path, "storm.html", PAGE.format(charset="utf-8", extra=""))
    document = read_source(tmp_path, path)
    source = document.source
    assert source.format == "html"
    assert source.title == "Harbour town evacuated as storm hits"
    assert source.outlet == "The Coastal Courier"
    assert source.url == "https://courier.example/2023/05/storm"
    assert (source.published, source.published_from) == (dt.date(2023, 5, 4), "html-metadata")
    assert "Ellen Sorby, 54" in document.text
    for furniture in ("Home", "Donate", "Related Articles", "kills 40", "Become a member"):
        assert furniture not in document.text
    cf = extract_claims(document)
    assert cf.text == document.text  # kept, so the evidence of an HTML source can be checked
    assert {c.value for c in cf.claims if isinstance(c, AgeClaim)} == {54}
    assert_offsets(cf, document.text)


def test_html_in_a_declared_single_byte_charset(tmp_path: Path) -> None:
    page = PAGE.format(charset="windows-1251", extra="Мэр города Иван Петров сказал, что всё спокойно.")
    document = read_source(tmp_path, write(tmp_path, "storm.htm", page.encode("cp1251")))
    assert document.source.encoding == "cp1251"
    assert "Мэр города Иван Петров" in document.text


def test_an_html_page_without_an_article_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.html", "<html><head><script>var a = 1;</script></head><body></body></html>")
    with pytest.raises(SourceFileError, match="no article text"):
        read_source(tmp_path, path)


def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to reach the network fails the test: reading a source is offline."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("factcheck tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


# --- which files are read --------------------------------------------------------------------


def test_scan_reads_sources_and_says_why_it_passes_over_the_rest(tmp_path: Path) -> None:
    folder = tmp_path / "src"
    write(folder, "b.txt", ARTICLE)
    write(folder, "a.md", ARTICLE)
    write(folder, "c.HTML", PAGE)
    write(folder, "sub/d.text", ARTICLE)
    write(folder, "notes.pdf", "%PDF-1.4")
    write(folder, "empty.txt", "")
    write(folder, ".hidden.txt", ARTICLE)
    write(folder, ".git/HEAD.txt", ARTICLE)
    outside = write(tmp_path, "outside.txt", ARTICLE)
    (folder / "out.txt").symlink_to(outside)
    (folder / "again.txt").symlink_to(folder / "b.txt")
    (folder / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "elsewhere").symlink_to(tmp_path, target_is_directory=True)
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    os.mkfifo(folder / "pipe.txt")
    scan = scan_folder(folder)
    assert [p.relative_to(folder).as_posix() for p in scan.files] == ["a.md", "b.txt", "c.HTML", "sub/d.text"]
    assert sorted(scan.skipped) == sorted([
        f"{folder.as_posix()}/again.txt: link to b.txt, which is read under its own name; skipped",
        f"{folder.as_posix()}/broken.txt: broken link; skipped",
        f"{folder.as_posix()}/elsewhere: link to a folder outside {folder.as_posix()}; not followed",
        f"{folder.as_posix()}/empty.txt: empty file; skipped",
        f"{folder.as_posix()}/loop: link to a folder inside the folder, whose files are read where they are; "
        "not followed",
        f"{folder.as_posix()}/notes.pdf: not a source file (.txt, .md or .html); skipped",
        f"{folder.as_posix()}/out.txt: link to a file outside {folder.as_posix()}; not followed",
        f"{folder.as_posix()}/pipe.txt: not a regular file; skipped",
    ])  # fmt: skip


def test_scan_passes_over_factcheck_s_own_folders(tmp_path: Path) -> None:
    write(tmp_path, "story.txt", ARTICLE)
    write(tmp_path, "claims/story.txt.json", "{}")
    write(tmp_path, "reports/here.md", "# factcheck report")
    scan = scan_folder(tmp_path, [tmp_path / "claims", tmp_path / "reports"])
    assert [p.name for p in scan.files] == ["story.txt"]
    assert scan.skipped == []


def test_a_large_file_is_passed_over_by_its_size(tmp_path: Path) -> None:
    path = write(tmp_path, "huge.txt", "The mayor spoke. " * 100)
    with path.open("r+b") as handle:
        handle.truncate(50 * 1024 * 1024)  # 50 MB, sparse: cheap to make
    scan = scan_folder(tmp_path)
    assert scan.files == []
    assert scan.skipped == [f"{tmp_path.as_posix()}/huge.txt: 50.0 MB, more than the 5.0 MB a source may have; skipped"]


def test_a_folder_that_cannot_be_listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "story.txt", ARTICLE)
    write(tmp_path, "locked/inner.txt", ARTICLE)
    real_scandir = os.scandir

    def guarded(path: Any = ".") -> Any:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", guarded)
    scan = scan_folder(tmp_path)
    assert [p.name for p in scan.files] == ["story.txt"]
    assert scan.skipped == [f"{tmp_path.as_posix()}/locked: folder cannot be read (Permission denied); skipped"]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing", "no such folder"),
        (lambda p: write(p, "file.txt", ARTICLE), "not a folder"),
    ],
)
def test_the_sources_folder_itself(tmp_path: Path, make: Any, message: str) -> None:
    with pytest.raises(SourcesError, match=message):
        scan_folder(make(tmp_path))


def test_a_sources_folder_given_through_a_link_keeps_its_names(tmp_path: Path) -> None:
    write(tmp_path, "real/story.txt", ARTICLE)
    (tmp_path / "link").symlink_to(tmp_path / "real", target_is_directory=True)
    scan = scan_folder(tmp_path / "link")
    assert scan.files == [tmp_path / "link" / "story.txt"]
