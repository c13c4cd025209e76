#!/usr/bin/env python3
"""Render a factcheck Markdown report as GitHub would, Mermaid diagrams included, and take a
screenshot of it with headless Chromium: to see what a reader sees on the first screen.

    python scripts/screenshot_report.py reports/seeds.md                 # -> build/screenshots/seeds.png
    python scripts/screenshot_report.py reports/seeds.md -o out.png --height 1000

Needs Chromium (`apt-get install chromium`) and the `mermaid` package from the npm registry, in a
folder outside the repository or in the ignored build/ folder:

    npm install --prefix build/mermaid mermaid

(or set FACTCHECK_MERMAID_JS to a mermaid.min.js). Markdown is rendered with cmarkgfm, a test
dependency (`pip install -e ".[test]"`). Nothing is fetched from the network: the page loads
mermaid from the file, and Chromium runs with its background networking off.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MERMAID = ROOT / "build" / "mermaid" / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
]
STYLE = """
body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; font-size: 14px; line-height: 1.5;
       color: #1f2328; max-width: 1012px; margin: 16px auto; padding: 0 24px; }
h1 { font-size: 2em; border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; margin: .67em 0 .5em; }
h2 { font-size: 1.5em; border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; margin: 24px 0 16px; }
h3 { font-size: 1.25em; margin: 24px 0 16px; }
table { border-collapse: collapse; display: block; overflow: auto; margin-bottom: 16px; }
th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
tr:nth-child(2n) { background: #f6f8fa; }
code { background: #eff1f3; padding: .2em .4em; border-radius: 6px; font-size: 85%; }
pre.mermaid { background: none; text-align: center; }
"""


def chromium() -> str | None:
    """The Chromium (or Chrome) binary on PATH, if any."""
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def mermaid_js() -> Path | None:
    """mermaid.min.js from FACTCHECK_MERMAID_JS or build/mermaid, if installed."""
    given = os.environ.get("FACTCHECK_MERMAID_JS")
    path = Path(given) if given else DEFAULT_MERMAID
    return path if path.is_file() else None


def html_page(markdown: str, mermaid: Path) -> str:
    """The report as GitHub renders it (GFM, raw HTML of sources already escaped by factcheck), with
    each ```mermaid block handed to mermaid, in strict security mode as GitHub does."""
    import cmarkgfm
    from cmarkgfm.cmark import Options

    body = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    body = re.sub(
        r'<pre lang="mermaid"><code>(.*?)</code></pre>',
        lambda m: f'<pre class="mermaid">{m.group(1)}</pre>',
        body,
        flags=re.DOTALL,
    )
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>factcheck report</title>"
        f"<style>{STYLE}</style></head><body>{body}"
        f"<script src='{html.escape(mermaid.as_uri())}'></script>"
        "<script>mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});"
        "mermaid.run({querySelector: 'pre.mermaid'}).then(() => document.body.setAttribute('data-rendered', 'yes'))"
        ".catch(e => { document.body.setAttribute('data-rendered', 'error'); "
        "document.body.setAttribute('data-error', String(e)); });</script>"
        "</body></html>"
    )


def run_chromium(page: Path, *args: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    """Chromium on a page, headless, in a fresh profile, waiting for scripts (virtual time)."""
    binary = chromium()
    if binary is None:
        raise SystemExit("chromium not found: apt-get install chromium")
    with tempfile.TemporaryDirectory(prefix="factcheck-chromium-") as profile:
        argv = [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--virtual-time-budget=10000", *args,
                page.as_uri()]  # fmt: skip
        return subprocess.run(argv, capture_output=True, text=True, timeout=timeout, check=False)


def rendered_dom(markdown: str, mermaid: Path, work: Path) -> str:
    """The page's DOM once mermaid has run: what the tests read."""
    page = work / "report.html"
    page.write_text(html_page(markdown, mermaid), encoding="utf-8")
    return run_chromium(page, "--dump-dom").stdout


def screenshot(markdown: str, mermaid: Path, png: Path, width: int = 1280, height: int = 1100) -> None:
    png.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="factcheck-page-") as work:
        page = Path(work) / "report.html"
        page.write_text(html_page(markdown, mermaid), encoding="utf-8")
        result = run_chromium(page, f"--screenshot={png.resolve()}", f"--window-size={width},{height}")
    if not png.is_file():
        raise SystemExit(f"chromium wrote no screenshot:\n{result.stderr[-2000:]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("report", type=Path, help="a Markdown report, e.g. reports/seeds.md")
    ap.add_argument("-o", "--output", type=Path, help="the PNG (default build/screenshots/<report>.png)")
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=1100, help="one screen: what a reader sees first")
    args = ap.parse_args()
    mermaid = mermaid_js()
    if mermaid is None:
        print("mermaid.min.js not found: npm install --prefix build/mermaid mermaid", file=sys.stderr)
        return 2
    out = args.output or ROOT / "build" / "screenshots" / f"{args.report.stem}.png"
    screenshot(args.report.read_text(encoding="utf-8"), mermaid, out, args.width, args.height)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
