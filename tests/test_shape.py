"""No string mini-languages between stages: a rule id is tested whole or by its typed family
(`ClaimBase.rule_family`, `open_vocabulary`), never by a prefix or a suffix in a stage, and an
event is keyed by a typed pair, not by a 'source#claim' string. Read from the source."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from factcheck.models import OPEN_VOCABULARY, AgeClaim, rule_family

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "factcheck"


def affix_tests_of_rules(path: Path) -> list[int]:
    """Lines where a rule id (`x.rule`, `rule`) is tested with startswith or endswith."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr not in ("startswith", "endswith", "removeprefix", "removesuffix", "partition"):
                continue
            target = node.func.value
            named = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
            if named == "rule":
                out.append(node.lineno)
    return out


def test_no_stage_tests_a_rule_id_by_its_prefix_or_suffix() -> None:
    found = {
        p.relative_to(PACKAGE).as_posix(): lines
        for p in sorted(PACKAGE.rglob("*.py"))
        if (lines := affix_tests_of_rules(p))
    }
    assert found == {"models.py": found.get("models.py", [])}  # rule_family and rule_name read the id
    assert len(found["models.py"]) == 2


def test_the_reader_sees_an_affix_test(tmp_path: Path) -> None:
    code = tmp_path / "x.py"
    code.write_text('ok = claim.rule.startswith("mention.") or rule.endswith("absolute")\n', encoding="utf-8")
    assert affix_tests_of_rules(code) == [1, 1]


@pytest.mark.parametrize(
    ("rule", "family", "name", "open_vocabulary"),
    [
        ("age.appositive", "age", "appositive", False),
        ("mention.event-noun.custody", "mention", "event-noun.custody", True),
        ("mention.distance", "mention", "distance", True),
        ("date.weekday", "date", "weekday", False),
    ],
)
def test_the_rule_family_is_typed(rule: str, family: str, name: str, open_vocabulary: bool) -> None:
    assert rule_family(rule) == family
    claim = AgeClaim(
        source="a.txt", start=0, end=11, quote="Jo Bell, 40", value_start=9, value_end=11,
        subject={"kind": "person", "name": "jo bell"}, subject_text="Jo Bell", rule=rule, value=40,
    )  # fmt: skip
    assert claim.rule_family == family
    assert claim.rule_name == name
    assert claim.open_vocabulary is open_vocabulary
    assert (claim.rule_family == OPEN_VOCABULARY) is open_vocabulary


def test_events_are_keyed_by_a_typed_pair() -> None:
    source = (PACKAGE / "compare" / "events.py").read_text(encoding="utf-8")
    assert "}#{" not in source
