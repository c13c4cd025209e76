#!/usr/bin/env python3
"""Fuzz factcheck with hostile input (hypothesis) for a budget of CPU time, and report what broke.

What it throws at factcheck, in turns, until the budget is spent:

- text: random and news-like text, through extraction: no exception, every claim's evidence
  slices back out of the text (offsets inside it, `text[start:end] == quote`);
- folders: sources with hostile file names (line breaks, `::error ...`, controls, bidi and
  zero-width characters) and contents, through `compare` (table, markdown, json) and `check`
  (text, github, json) and `claim list`: exit 0, 1 or 2 only, never an internal error, no line
  that starts with `::` other than factcheck's own annotations, JSON output that parses;
- files people edit: reviews and claims files mutated byte by byte or rewritten (deep nesting,
  long numbers, BOMs, wrong types): exit 0, 1 or 2, the file left as it was; a claims file whose
  quotes are edited: the report never quotes what the source does not say;
- Markdown: `md_escape` of any text renders (cmark-gfm, as GitHub does) as that text and no
  element, link or e-mail autolink.

Run from the repository root, with the test extras installed (`pip install -e ".[test]"`):

    nice python scripts/fuzz.py --cpu-minutes 10          # about 10 CPU-minutes, then a summary
    python scripts/fuzz.py --cpu-minutes 1 --seed 7       # a short, repeatable run

The budget counts this process's CPU time (the CLI runs in process, with --jobs 1), so a run on a
busy machine takes longer by the clock but does the same work. Failures are printed with the
input that caused them (the first of each target), and the exit status is 1 if there was any.
"""

from __future__ import annotations

import argparse
import functools
import html
import json
import random
import re
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import cmarkgfm
from click.testing import CliRunner
from cmarkgfm.cmark import Options
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from factcheck.cli import main
from factcheck.extract import extract_claims
from factcheck.ingest import document_from_text
from factcheck.report import md_escape

PIECES = [
    "Ellen Sorby", "Mr. Jon Dale", "the mayor", "his partner", ", 54,", " (32)", "aged 19", "a 20-year-old",
    " said", " was detained", " was not fired", " resigned", " were killed", " at least ", "25 people", "three",
    " on Monday", " on Friday", " yesterday", " 4 March 2024", " in 2021", "$3m", " for five days", " police",
    " but then he changed his mind", " sentenced to five years", ". ", ", ", "; ", "\n", "\n\n", "“", "”", '"',
    "’s", " — ", "…", "Photo: ", "---\ntitle: x\n---\n", "\ufeff", "\r\n", "\t", "|", "<b>", "[x](y)",
    "tips@example.org", "mailto:a@b.org", "www.x.org", "\u200b", "\u202e", "\x1b[31m", "::error ::x", "7" * 30,
]  # fmt: skip
NEWSY = st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=80).map("".join)
TEXT = st.one_of(st.text(max_size=600), NEWSY)
NAME_PIECES = ["x", "a b", "\n", "\r", "\r\n", "::error file=README.md,line=1::", "::warning ::", "\x1b[2J", "\x85",
               "\u2028", "\u202e", "\u200b", "é", "|", "`", "*", "%0A", ",", ":", "..", "~", "CON"]  # fmt: skip
NAME = st.lists(st.sampled_from(NAME_PIECES) | st.text(st.characters(blacklist_characters="/\x00"), max_size=4),
                min_size=1, max_size=6).map(lambda parts: "".join(parts).strip()[:80])  # fmt: skip
SUFFIX = st.sampled_from([".txt", ".md", ".html"])
OWN_ANNOTATION = re.compile(r"::(?:error|warning|notice) file=[^:,]*(?:,line=\d+)?,title=factcheck[^:]*::")
STORY = "Flood in Marlow Bay\n\nThe mayor, Ellen Sorby, {age}, said on Monday that police detained {n} people.\n"

failures: Counter[str] = Counter()
first_failure: dict[str, str] = {}
examples: Counter[str] = Counter()


def check(kind: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Count a target's examples and keep its failures instead of stopping at the first."""

    def wrap(body: Callable[..., None]) -> Callable[..., None]:
        @functools.wraps(body)
        def run(*args: object, **kwargs: object) -> None:
            examples[kind] += 1
            try:
                body(*args, **kwargs)
            except Exception:
                failures[kind] += 1
                first_failure.setdefault(kind, f"input: {args!r} {kwargs!r}\n{traceback.format_exc()}")

        return run

    return wrap


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{args}: uncaught {result.exception!r}")
    return result.exit_code, result.stdout, result.stderr


def no_forgery(*outputs: str) -> None:
    for out in outputs:
        for line in re.split(r"\r\n|\r|\n", out):
            assert not line.startswith("::") or OWN_ANNOTATION.match(line), f"forged line: {line!r}"
        assert "internal error" not in out, out
        assert "Traceback" not in out, out


@check("text")
def text_target(text: str) -> None:
    document = document_from_text("story.txt", text, sha256="", encoding="utf-8", fmt="text")
    for claim in extract_claims(document).claims:
        assert 0 <= claim.start <= claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.quote
        assert claim.start <= claim.value_start <= claim.value_end <= claim.end


@check("folder")
def folder_target(names: list[tuple[str, str]], bodies: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        for i, ((name, suffix), body) in enumerate(zip(names, bodies, strict=False)):
            path = src / f"{name or 'n'}{i}{suffix}"
            try:
                path.write_text(body, encoding="utf-8", errors="surrogatepass")
            except (OSError, UnicodeEncodeError):
                continue  # a name this file system refuses (a lone surrogate, a NUL)
        with _chdir(Path(tmp)):
            for fmt in ("table", "markdown", "json"):
                code, out, err = invoke("compare", "src", "-j", "1", "--format", fmt)
                assert code in (0, 1, 2), (code, err)
                no_forgery(out, err)
                if fmt == "json" and code != 2:
                    json.loads(out)
            for fmt in ("text", "github", "json"):
                code, out, err = invoke("check", "src", "-j", "1", "--format", fmt)
                assert code in (0, 1, 2), (code, err)
                no_forgery(out, err)
            code, out, err = invoke("claim", "list", "src")
            assert code in (0, 2), (code, err)
            no_forgery(out, err)


def _mutate(data: bytes, rnd: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rnd.randint(1, 8)):
        op = rnd.randrange(6)
        i = rnd.randrange(len(out) + 1)
        if op == 0 and out:
            del out[min(i, len(out) - 1)]
        elif op == 1:
            out[i:i] = bytes([rnd.randrange(256)])
        elif op == 2:
            out[i:i] = rnd.choice([b"[" * 3000, b"9" * 5000, b"\xef\xbb\xbf", b'{"a":', b"null", b"-1", b"1e999", b'"'])
        elif op == 3 and out:
            out[min(i, len(out) - 1)] = rnd.randrange(256)
        elif op == 4:
            out = bytearray(b"\xef\xbb\xbf") + out
        else:
            out = out[:i]
    return bytes(out)


@check("files")
def files_target(which: str, salt: int) -> None:
    rnd = random.Random(salt)
    with tempfile.TemporaryDirectory() as tmp, _chdir(Path(tmp)):
        src = Path("src")
        src.mkdir()
        (src / "a.txt").write_text(STORY.format(age=54, n=25), encoding="utf-8")
        (src / "b.txt").write_text(STORY.format(age=56, n=25), encoding="utf-8")
        code, out, _ = invoke("compare", "src", "-j", "1", "--format", "json")
        finding = json.loads(out)["discrepancies"][0]["id"]
        invoke("review", "src", finding, "--status", "confirmed", "--note", "checked")
        path = Path("reviews/src.json") if which == "reviews" else Path("claims/a.txt.json")
        if which == "quote":  # a person puts words in the source's mouth, keeping the file valid
            data = json.loads(path.read_text(encoding="utf-8"))
            claim = rnd.choice(data["claims"])
            at = rnd.randrange(len(claim["quote"]) + 1)
            claim["quote"] = claim["quote"][:at] + rnd.choice(["99", "not ", "x"]) + claim["quote"][at + 1 :]
            claim["end"] = claim["start"] + len(claim["quote"])
            claim["value_end"] = min(claim["value_end"], claim["end"])
            claim["value_start"] = min(claim["value_start"], claim["value_end"])
            path.write_text(json.dumps(data), encoding="utf-8")
        else:
            path.write_bytes(_mutate(path.read_bytes(), rnd))
        before = path.read_bytes()
        for command in (["compare", "src", "-j", "1", "--format", "json"], ["check", "src", "-j", "1"],
                        ["claim", "list", "src"]):  # fmt: skip
            code, out, err = invoke(*command)
            assert code in (0, 1, 2), (command, code, err)
            no_forgery(out, err)
            if which != "quote":  # left as it was, or (quotes that are not the source's) set aside whole
                aside = path.with_name(path.name + ".hand-edited")
                kept = path.read_bytes() == before or (aside.exists() and aside.read_bytes() == before)
                assert kept, "a file a person edits was changed or lost"
            if command[0] == "compare" and code != 2:
                texts = {s: (src / s).read_text(encoding="utf-8") for s in ("a.txt", "b.txt")}
                report = json.loads(out)
                for f in report["discrepancies"] + report["corroborations"]:
                    for ref in f["claims"]:
                        assert texts[ref["source"]][ref["start"] : ref["end"]] == ref["quote"], ref


@check("markdown")
def markdown_target(text: str) -> None:
    escaped = md_escape(text)
    assert "\n" not in escaped
    rendered = cmarkgfm.github_flavored_markdown_to_html(
        f"| a |\n|---|\n| {escaped} |\n", options=Options.CMARK_OPT_UNSAFE
    )
    cells = re.findall(r"<td>(.*?)</td>", rendered, re.DOTALL)
    assert len(cells) <= 1
    assert "<a " not in rendered
    assert re.search(r"<(?!/?(?:table|thead|tbody|tr|th|td)\b)[a-z]", rendered) is None
    shown = html.unescape(cells[0].replace("@<!---->", "@")) if cells else ""
    # The reader sees the text: white space runs as one space, controls replaced, zero-width shown.
    expected = re.sub(
        "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", "\ufffd", " ".join(text.split())
    )
    expected = re.sub(
        "[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]",
        lambda m: m.group(0).encode("unicode_escape").decode(),
        expected,
    )
    assert shown == expected, (shown, expected)


class _chdir:  # a context manager read as a phrase
    def __init__(self, path: Path) -> None:
        self.path, self.old = path, Path.cwd()

    def __enter__(self) -> None:
        import os

        os.chdir(self.path)

    def __exit__(self, *_: object) -> None:
        import os

        os.chdir(self.old)


TARGETS: list[tuple[str, Callable[[], None]]] = []


def _round(n: int) -> list[tuple[str, Callable[[], None]]]:
    """One round of every target with `n` examples each."""
    settings.register_profile("fuzz", max_examples=n, deadline=None, database=None,
                              suppress_health_check=list(HealthCheck))  # fmt: skip
    settings.load_profile("fuzz")  # for every target: a slow example on a busy machine is no failure
    opts = settings(max_examples=n, deadline=None)
    names = st.lists(st.tuples(NAME, SUFFIX), min_size=1, max_size=4)
    stories = st.sampled_from([STORY.format(age=a, n=n) for a in (27, 28) for n in (3, 4)])
    bodies = st.lists(st.one_of(NEWSY, stories), min_size=1, max_size=4)
    return [
        ("text", opts(given(TEXT)(text_target))),
        ("folder", opts(given(names, bodies)(folder_target))),
        ("files", opts(given(st.sampled_from(["reviews", "claims", "quote"]), st.integers(0, 2**32)))(files_target)),
        ("markdown", opts(given(st.one_of(st.text(max_size=300), NEWSY)))(markdown_target)),
    ]


def main_() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cpu-minutes", type=float, default=10.0, help="CPU time to spend (this process)")
    parser.add_argument("--seed", type=int, default=None, help="a seed for a repeatable run")
    parser.add_argument("--examples", type=int, default=25, help="examples per target per round")
    args = parser.parse_args()
    budget = args.cpu_minutes * 60
    rnd = random.Random(args.seed)
    began, wall = time.process_time(), time.monotonic()
    rounds = 0
    while time.process_time() - began < budget:
        for _name, target in _round(args.examples):
            seed(rnd.randrange(2**32))(target)()
            if time.process_time() - began >= budget:
                break
        rounds += 1
        spent = (time.process_time() - began) / 60
        print(f"round {rounds}: {spent:.1f} CPU-min, examples {dict(examples)}, failures {dict(failures)}",
              file=sys.stderr, flush=True)  # fmt: skip
    cpu = (time.process_time() - began) / 60
    print(f"fuzz: {cpu:.1f} CPU-minutes ({(time.monotonic() - wall) / 60:.1f} min by the clock), "
          f"{sum(examples.values())} examples {dict(examples)}, {sum(failures.values())} failures")  # fmt: skip
    for kind, text in first_failure.items():
        print(f"\n--- first failure of {kind} ---\n{text}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main_())
