"""The words the rules use, kept as data (YAML beside this file) and validated when loaded."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, RootModel

from factcheck.errors import FactcheckError

M = TypeVar("M", bound=BaseModel)
# libyaml's BaseLoader where PyYAML was built with it: the same data (every scalar a string), read
# ten times faster, which every process pays once for its twenty lexicons.
BASE_LOADER: type[yaml.BaseLoader] = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


class LexiconFile(RootModel[dict[str, list[str] | dict[str, Any]]]):
    """A lexicon: named lists of phrases, or named tables."""


@cache
def load_lexicon(name: str) -> dict[str, Any]:
    """Load `lexicons/<name>.yaml`, checking its shape; a broken lexicon is a bug we report clearly."""
    raw = resources.files(__package__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    try:
        # BaseLoader: every scalar is a string, so "no" and "on" stay words, not booleans.
        data = LexiconFile.model_validate(yaml.load(raw, Loader=BASE_LOADER)).root
    except Exception as exc:  # a packaging bug, not user input: say which file
        raise FactcheckError(f"lexicon {name}.yaml is malformed: {exc}") from exc
    for key, value in data.items():
        if isinstance(value, list) and not all(isinstance(v, str) and v for v in value):
            raise FactcheckError(f"lexicon {name}.yaml: list '{key}' must hold non-empty strings")
    return data


def load_table(name: str, model: type[M]) -> M:
    """Load `lexicons/<name>.yaml` as a typed table (the cause tree, the state conflicts).

    BaseLoader keeps every scalar a string, so no state or cause name turns into a boolean; a
    broken table is a packaging bug, reported with the file's name."""
    raw = resources.files(__package__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    try:
        return model.model_validate(yaml.load(raw, Loader=BASE_LOADER))
    except Exception as exc:
        raise FactcheckError(f"lexicon {name}.yaml is malformed: {exc}") from exc
