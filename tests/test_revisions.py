"""The rules revisions cover every module and word list whose change changes what they stamp:
the import graph of the code that makes claims (and signature profiles) is read from the source,
so a module added to it, or a word list it starts to read, fails here until the revision has it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck import revisions
from test_layers import GRAPH, MODULES

PACKAGE = Path(revisions.__file__).resolve().parent
LEXICON_CALL = re.compile(r"\bload_(?:lexicon|table)\(\s*[\"'](\w+)[\"']")


def closure(*entry_points: str) -> set[str]:
    """Files (relative to the package) of every module the entry points import, transitively, by
    the import graph test_layers reads from the source (imports inside functions and under
    TYPE_CHECKING count too: better hashed once too often)."""
    seen: set[str] = set()
    todo = list(entry_points)
    while todo:
        name = todo.pop()
        if name not in seen and name != "factcheck":  # the public API's gathering makes nothing
            seen.add(name)
            todo += GRAPH[name]
    return {MODULES[name].relative_to(PACKAGE).as_posix() for name in seen}


def word_lists(files: set[str]) -> set[str]:
    """The lexicons these files load by name."""
    return {
        f"lexicons/{m}.yaml" for f in files for m in LEXICON_CALL.findall((PACKAGE / f).read_text(encoding="utf-8"))
    }


EXTRACTION = closure("factcheck.ingest", "factcheck.extract")  # read_source, then extract_claims


def test_the_import_graph_is_read() -> None:
    """The reader of the graph itself: extraction reaches its floors, the schema and a lexicon."""
    assert {"extract/__init__.py", "extract/ages.py", "text/dates.py", "models.py", "ingest.py"} <= EXTRACTION
    assert "lexicons/date_events.yaml" in word_lists(EXTRACTION)
    assert not {"pipeline.py", "report.py"} & EXTRACTION


@pytest.mark.parametrize("part", sorted(EXTRACTION | word_lists(EXTRACTION)))
def test_the_extractor_revision_covers_every_module_and_word_list_that_makes_claims(part: str) -> None:
    assert part in revisions.extraction_parts()


def test_models_are_in_the_extractor_revision() -> None:
    """Display values and their keys feed claim ids: a model-only change can change claims."""
    assert "models.py" in revisions.extraction_parts()


def test_the_comparison_only_word_lists_are_read_by_no_extraction_module() -> None:
    assert not {f"lexicons/{name}" for name in revisions.COMPARISON_ONLY} & word_lists(EXTRACTION)


PROFILES = closure("factcheck.signature") - {"revisions.py"}  # the hasher makes no profile


@pytest.mark.parametrize("part", sorted(PROFILES | word_lists(PROFILES)))
def test_the_signature_revision_covers_every_module_and_word_list_that_makes_profiles(part: str) -> None:
    assert part in {*revisions.SIGNATURE_PARTS, *revisions.extraction_parts()}


def test_the_signature_revision_follows_the_extractor_revision(monkeypatch: pytest.MonkeyPatch) -> None:
    before = revisions._signature_revision()
    monkeypatch.setattr(revisions, "EXTRACTOR_REVISION", revisions.EXTRACTOR_REVISION + "+changed")
    assert revisions._signature_revision() != before


def test_a_changed_file_changes_the_revision(monkeypatch: pytest.MonkeyPatch) -> None:
    before = revisions._extractor_revision()
    monkeypatch.setattr(revisions, "EXTRACTION_MODULES", (*revisions.EXTRACTION_MODULES, "report.py"))
    assert revisions._extractor_revision() != before
