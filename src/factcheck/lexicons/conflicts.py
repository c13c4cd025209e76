"""The state conflict table (conflicts.yaml), typed: which two states of one participant two
accounts cannot both give, and how bad it is when they do. Extraction reads which negations are
states; comparison reads the pairs, for listed status claims and aligned open facts alike."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from factcheck.lexicons import load_table
from factcheck.models import StatusState


class StatePair(BaseModel):
    """Two states that conflict, and what it means when two accounts give them."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    states: tuple[StatusState, StatusState] = Field(
        description="The two states, written by their keys ('fired', 'not_fired')."
    )
    severity: Literal["contradiction", "divergence"] = Field(
        description="contradiction: both cannot be true of one event; divergence: a reader should look."
    )
    why: str | None = Field(
        default=None, description="The explanation a status finding shows; None: 'STATE against STATE'."
    )
    needs: Literal["alignment", "phrases"] = Field(
        default="alignment",
        description="alignment: judged only between claims aligned to one event (a person may be convicted "
        "in one trial and acquitted in another); phrases: judged between states read from status phrases "
        "(lexicons/status.yaml), aligned or not, for a bare verb has other senses ('fired shots').",
    )


class StateConflicts(BaseModel):
    """The whole table. A state against its negation ('died', 'not died') conflicts without a row."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    negatable: frozenset[str] = Field(
        description="Status states whose negation is a state of its own ('was not fired' → not_fired)."
    )
    pairs: tuple[StatePair, ...] = Field(description="The conflicting pairs, each pair of states once.")
    _index: dict[frozenset[StatusState], StatePair] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _one_row_a_pair(self) -> StateConflicts:
        for row in self.pairs:
            key = frozenset(row.states)
            if len(key) != 2:
                raise ValueError(f"a row pairs two different states, not {[s.key() for s in row.states]}")
            if key in self._index:
                raise ValueError(f"the pair {sorted(s.key() for s in key)} is given twice")
            self._index[key] = row
        return self

    def conflict(self, a: StatusState, b: StatusState, *, aligned: bool, phrases: bool) -> StatePair | None:
        """How two states conflict, or None when one account can hold both. `aligned`: the two claims
        were aligned to one event; `phrases`: both states were read from status phrases."""
        row = self._index.get(frozenset({a, b}))
        if row is not None and (aligned if row.needs == "alignment" else phrases):
            return row
        if a.name == b.name and a.negated != b.negated:
            return StatePair(states=(a, b), severity="contradiction")
        return None


def load_conflicts() -> StateConflicts:
    """conflicts.yaml, validated; a broken table is a packaging bug, reported with the file's name."""
    return load_table("conflicts", StateConflicts)


STATE_CONFLICTS = load_conflicts()
