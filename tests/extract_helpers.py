"""Helpers for the extractor and comparison tests: documents and story folders built from text
written for the test (never from the corpus)."""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from factcheck.extract import extract_claims
from factcheck.ingest import document_from_text
from factcheck.models import (
    AgeClaim,
    ClaimsFile,
    DateClaim,
    Dated,
    Document,
    Figure,
    QuantityClaim,
    Report,
    StatusClaim,
    SubjectType,
)
from factcheck.pipeline import compare_folder


def gap(reason: str) -> pytest.MarkDecorator:
    """A behaviour the issue asks for that the extractor does not have yet: fails loudly once fixed."""
    return pytest.mark.xfail(strict=True, reason=f"extractor gap: {reason}")


def make_document(body: str, *, published: dt.date | None = None, sid: str = "story.txt") -> Document:
    """A plain-text source; `published` puts a dateline line above the body, as articles have."""
    text = f"{published.day} {published:%B %Y}\n\n{body}\n" if published else f"{body}\n"
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return document_from_text(sid, text, sha256=sha, encoding="utf-8", fmt="text")


def claims_file(body: str, *, published: dt.date | None = None) -> tuple[ClaimsFile, str]:
    """The claims file of `body` and the text its offsets refer to."""
    document = make_document(body, published=published)
    return extract_claims(document), document.text


def label_of(cf: ClaimsFile, key: SubjectType) -> str:
    """How a claim's subject reads: the entity's label, or the subject's key."""
    labels = {e.id: e.label for e in cf.entities}
    if key.key() in labels:
        return labels[key.key()]
    if isinstance(key, Figure | Dated) and key.of is not None:  # 'detain@p:x': an event of a person
        return labels.get(key.of.key(), key.key())
    return key.key()


def ages(body: str) -> set[tuple[str, int]]:
    cf, _ = claims_file(body)
    return {(label_of(cf, c.subject), c.value) for c in cf.claims if isinstance(c, AgeClaim)}


# The helpers below return the listed rules' claims; open-vocabulary claims (rules `mention.*`) are
# tested in test_mentions.py.
def quantities(body: str) -> list[QuantityClaim]:
    cf, _ = claims_file(body)
    return [c for c in cf.claims if isinstance(c, QuantityClaim) and not c.rule.startswith("mention.")]


def statuses(body: str) -> list[StatusClaim]:
    cf, _ = claims_file(body)
    return [c for c in cf.claims if isinstance(c, StatusClaim) and not c.rule.startswith("mention.")]


def dates(body: str, published: dt.date | None = None) -> list[DateClaim]:
    cf, _ = claims_file(body, published=published)
    return [c for c in cf.claims if isinstance(c, DateClaim) and not c.rule.startswith("mention.")]


def write_folder(folder: Path, articles: dict[str, str]) -> Path:
    """Write `articles` (file name → text) into `folder` and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def compare_articles(tmp_path: Path, articles: dict[str, str]) -> Report:
    """Compare a folder of `articles` (file name → text) written under `tmp_path`, claims kept in memory."""
    report, _ = compare_folder(write_folder(tmp_path / "sources", articles), tmp_path / "claims", write_claims=False)
    return report


def load_script(name: str, path: Path) -> ModuleType:
    """A script that is no package module (the shared scorer, a benchmark), imported from its file."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
