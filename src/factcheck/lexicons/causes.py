"""The cause tree (causes.yaml), typed: which causes of death or injury are one account ("gunshot
wounds" and "injuries"), which may both be true ("pneumonia" and "a heart attack") and which
exclude each other ("injuries" and "an overdose"). Extraction reads the phrases; comparison reads
the tree."""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from factcheck.lexicons import load_table

Severity = Literal["contradiction", "divergence"]


class CauseClass(BaseModel):
    """One class of the tree: its parent and how two different children of it conflict."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    parent: str = Field(description="The class it lies under, or 'none' for a root.")
    children: Severity = Field(description="How two different classes under it conflict.")
    label: str = Field(description="How a finding names the cause ('a heart condition').")


class CauseTable(BaseModel):
    """The whole lexicon: the tree and the phrases news names each class with."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    classes: dict[str, CauseClass] = Field(description="Every class by name.")
    nouns: dict[str, tuple[str, ...]] = Field(description="Class → what follows 'died of' ('heart attack').")
    verbs: dict[str, tuple[str, ...]] = Field(description="Class → verbs of a violent death ('stabbed').")
    events: dict[str, tuple[str, ...]] = Field(description="Class → events one is 'killed in' ('car crash').")
    vehicles: tuple[str, ...] = Field(description="What one is 'hit by' in a traffic death ('car').")
    hedges: tuple[str, ...] = Field(description="Words that make a cause only likely ('suspected').")

    @model_validator(mode="after")
    def _a_tree(self) -> CauseTable:
        for name, cls in self.classes.items():
            seen = {name}
            parent = cls.parent
            while parent != "none":
                if parent not in self.classes:
                    raise ValueError(f"class {name!r}: unknown parent {parent!r}")
                if parent in seen:
                    raise ValueError(f"class {name!r}: the parents make a cycle")
                seen.add(parent)
                parent = self.classes[parent].parent
        for table in (self.nouns, self.verbs, self.events):
            for name in table:
                if name not in self.classes:
                    raise ValueError(f"phrases for an unknown class {name!r}")
        return self

    def lineage(self, name: str) -> tuple[str, ...]:
        """The class and every class above it, nearest first."""
        out = [name]
        while self.classes[out[-1]].parent != "none":
            out.append(self.classes[out[-1]].parent)
        return tuple(out)

    @cached_property
    def roots(self) -> frozenset[str]:
        return frozenset(n for n, c in self.classes.items() if c.parent == "none")

    def conflict(self, a: str, b: str) -> Severity | None:
        """How two causes of one person's death or injury conflict: None when one lies under the
        other (one account in finer or coarser words); otherwise the nearest common class's
        `children`, and a contradiction for causes under two roots."""
        la, lb = self.lineage(a), self.lineage(b)
        if a in lb or b in la:
            return None
        common = next((c for c in la if c in lb), None)
        return "contradiction" if common is None else self.classes[common].children


def load_causes() -> CauseTable:
    """causes.yaml, validated; a broken table is a packaging bug, reported with the file's name."""
    return load_table("causes", CauseTable)


CAUSES = load_causes()
