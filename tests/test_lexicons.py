"""The lexicon loader: libyaml's loader, where there is one, reads every lexicon as PyYAML's own does."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from factcheck.errors import FactcheckError
from factcheck.lexicons import BASE_LOADER, load_lexicon
from factcheck.signature import follow_up_classes

LEXICONS = sorted(p.name for p in resources.files("factcheck.lexicons").iterdir() if p.name.endswith(".yaml"))


@pytest.mark.parametrize("name", LEXICONS)
def test_every_lexicon_reads_the_same_with_either_loader(name: str) -> None:
    raw = resources.files("factcheck.lexicons").joinpath(name).read_text(encoding="utf-8")
    assert yaml.load(raw, Loader=BASE_LOADER) == yaml.load(raw, Loader=yaml.BaseLoader)


@pytest.mark.parametrize(
    ("text", "data"),
    [
        ("words: [no, on, yes, 12, 1.5, null, ~]", {"words": ["no", "on", "yes", "12", "1.5", "null", "~"]}),
        ("table:\n  a: [x]\n  b: {c: 'd e'}\n", {"table": {"a": ["x"], "b": {"c": "d e"}}}),
        ("# a comment only\n", None),
        ("list:\n  - 'it''s'\n  - \"two\\nlines\"\n", {"list": ["it's", "two\nlines"]}),
    ],
)
def test_every_scalar_stays_a_string(text: str, data: object) -> None:
    assert yaml.load(text, Loader=BASE_LOADER) == data == yaml.load(text, Loader=yaml.BaseLoader)


def test_libyaml_is_used_where_pyyaml_has_it() -> None:
    assert BASE_LOADER is getattr(yaml, "CBaseLoader", yaml.BaseLoader)


def test_date_event_nouns_are_their_own_list_of_listed_events() -> None:
    """An event's nouns ("Sunday's quake") are a list of their own, not words marked in the verbs'
    list, and each belongs to an event the verbs' list has."""
    lex = load_lexicon("date_events")
    assert set(lex["nouns"]) <= set(lex["events"])
    assert not [w for words in (*lex["events"].values(), *lex["nouns"].values()) for w in words if w[:1] in "~#"]


def test_every_follow_up_is_a_listed_event_class() -> None:
    events = load_lexicon("events")
    assert follow_up_classes(events) == frozenset(events["follow_ups"]) <= set(events["classes"])
    misspelt = {**events, "follow_ups": ["charge", "trail"]}
    with pytest.raises(FactcheckError, match="trail"):
        follow_up_classes(misspelt)
