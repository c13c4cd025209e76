"""Every country's demonym ('Somali', 'Sri Lankan'), as words that are never part of a person's name.

The table is pycountryinfo's (its `nationality` field for the 250 countries and territories of
ISO 3166, from the REST Countries data), read from the package, so no nationality is listed here
by hand. A demonym of several words gives its last ('Sri Lankan' gives 'lankan', 'Cook Islander'
'islander'): the words before it name a place and are often names too ('Costa', 'Hong', 'Cook').
"""

from __future__ import annotations

import re
from functools import cache

SEPARATOR = re.compile(r",|/|\s+or\s+", re.IGNORECASE)  # 'Antiguan, Barbudan', 'Kittitian Or Nevisian'


@cache
def demonym_words() -> frozenset[str]:
    """The lower-case words of every country's demonym.

    >>> {"somali", "yemeni", "argentine", "lankan", "islander"} <= demonym_words()
    True
    >>> {"costa", "cook"} & demonym_words()  # 'Costa Rican', 'Cook Islander': names too
    set()
    """
    from pycountryinfo.countryinfo import PyCountryInfo  # type: ignore[import-untyped]  # no type information shipped

    words: set[str] = set()
    for nationality in PyCountryInfo().get_nationalities():
        for demonym in SEPARATOR.split(nationality or ""):
            parts = demonym.lower().split()
            if parts:
                words.add(parts[-1])
    return frozenset(words)
